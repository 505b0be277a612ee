/** The bench-only route must not exist in normal runs, and must serve exact bytes when enabled. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BENCH_FLAG } from "../../src/bench-routes.ts";
import { makeTestApp, testDialects } from "../support/app.ts";

async function withFlag<T>(value: string | undefined, work: () => Promise<T>): Promise<T> {
  const previous = process.env[BENCH_FLAG];
  if (value === undefined) delete process.env[BENCH_FLAG];
  else process.env[BENCH_FLAG] = value;
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env[BENCH_FLAG];
    else process.env[BENCH_FLAG] = previous;
  }
}

for (const dialect of testDialects()) {
  for (const flag of [undefined, "0", "true", ""]) {
    test(`without ${BENCH_FLAG}=1 (${flag === undefined ? "unset" : JSON.stringify(flag)}) the bench routes do not exist (${dialect})`, async () => {
      const { app, close } = await withFlag(flag, () => makeTestApp({ dialect, starter: false }));
      try {
        assert.equal((await app.request("/__bench/static")).status, 404);
        assert.equal((await app.request("/__bench/static?from=/en", { method: "PUT" })).status, 404);
        assert.equal((await app.request("/__bench/memory")).status, 404);
      } finally {
        await close();
      }
    });
  }

  test(`with ${BENCH_FLAG}=1 the routes serve the captured page's exact bytes and content type, and memory figures (${dialect})`, async () => {
    const { app, close } = await withFlag("1", () => makeTestApp({ dialect, starter: false }));
    try {
      assert.equal((await app.request("/__bench/static")).status, 404, "nothing captured yet");
      for (const from of ["", "en", "/__bench/static", "/no/such/page"]) {
        const refused = await app.request(`/__bench/static?from=${encodeURIComponent(from)}`, { method: "PUT" });
        assert.ok(refused.status === 400 || refused.status === 409, `from=${from} → ${refused.status}`);
      }
      const captured = await app.request("/__bench/static?from=/en", { method: "PUT" });
      assert.equal(captured.status, 200);
      const page = await app.request("/en");
      const copy = await app.request("/__bench/static");
      assert.equal(copy.status, 200);
      assert.equal(copy.headers.get("content-type"), page.headers.get("content-type"));
      assert.deepEqual(new Uint8Array(await copy.arrayBuffer()), new Uint8Array(await page.arrayBuffer()));
      const memory = await app.request("/__bench/memory");
      assert.equal(memory.status, 200);
      assert.ok(((await memory.json()) as { rss: number }).rss > 0);
    } finally {
      await close();
    }
  });
}
