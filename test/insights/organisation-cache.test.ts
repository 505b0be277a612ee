/**
 * The organisation's figures are computed once per version of its data; while a newer version is
 * computed, figures at most STALE_SERVE_MS old are served with the version they are of; at most one
 * computation runs at a time; a failed one is not kept.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { latestOf, STALE_SERVE_MS } from "../../src/insights/organisation/cache.ts";

/** A computation the test finishes by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("organisation figures kept per version", () => {
  it("computes once per version, serves the kept figures while a newer version is computed, then the newer", async () => {
    const db = {} as Kysely<DB>;
    let clock = 1_000;
    const now = () => clock;
    const started: string[] = [];
    const computations = new Map<string, ReturnType<typeof deferred<string>>>();
    const compute = (version: string) => () => {
      started.push(version);
      const d = deferred<string>();
      computations.set(version, d);
      return d.promise;
    };

    const first = latestOf(db, "org", "v1", compute("v1"), now);
    computations.get("v1")?.resolve("figures 1");
    assert.deepEqual(await first, { version: "v1", value: "figures 1" }, "nothing kept yet: it waits");
    await settle();
    assert.deepEqual(await latestOf(db, "org", "v1", compute("v1"), now), { version: "v1", value: "figures 1" });
    assert.deepEqual(started, ["v1"], "the same version is not computed again");

    // A save changed the data: the kept figures come at once, the new ones are computed meanwhile.
    assert.deepEqual(await latestOf(db, "org", "v2", compute("v2"), now), { version: "v1", value: "figures 1" });
    // Another change while v2 runs: still one computation at a time.
    assert.deepEqual(await latestOf(db, "org", "v3", compute("v3"), now), { version: "v1", value: "figures 1" });
    // With figures kept, the computation starts after the answer (setImmediate).
    await settle();
    assert.deepEqual(started, ["v1", "v2"]);
    computations.get("v2")?.resolve("figures 2");
    await settle();
    assert.deepEqual(await latestOf(db, "org", "v2", compute("v2"), now), { version: "v2", value: "figures 2" });
    // v3 starts now; v2 is served meanwhile.
    assert.deepEqual(await latestOf(db, "org", "v3", compute("v3"), now), { version: "v2", value: "figures 2" });
    await settle();
    assert.deepEqual(started, ["v1", "v2", "v3"]);

    // Figures older than the bound are not served: the request waits for the running computation.
    clock += STALE_SERVE_MS + 1;
    const waiting = latestOf(db, "org", "v3", compute("v3"), now);
    let answered = false;
    void waiting.then(() => {
      answered = true;
    });
    await settle();
    assert.equal(answered, false, "too old to serve: it waits");
    computations.get("v3")?.resolve("figures 3");
    assert.deepEqual(await waiting, { version: "v3", value: "figures 3" });
    assert.deepEqual(started, ["v1", "v2", "v3"]);
  });

  it("a failed computation is not kept: the next request computes again; organisations are apart", async () => {
    const db = {} as Kysely<DB>;
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error("database gone"));
    };
    await assert.rejects(latestOf(db, "a", "v1", failing));
    await settle();
    await assert.rejects(latestOf(db, "a", "v1", failing));
    assert.equal(calls, 2);
    assert.deepEqual(await latestOf(db, "b", "v1", async () => "b figures"), { version: "v1", value: "b figures" });
    await settle();
    assert.deepEqual(await latestOf(db, "a", "v1", async () => "a figures"), { version: "v1", value: "a figures" });
  });
});
