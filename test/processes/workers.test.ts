/**
 * `skillshelf serve --workers N` (decision 020): real processes. The count is checked, SQLite refuses
 * more than one worker, a worker that dies is replaced while the site keeps answering, and SIGTERM on
 * the primary stops every worker and releases the SQLite lock. On PostgreSQL (when configured) two
 * workers serve one port.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { MAX_WORKERS, parseWorkers, workersRefusal } from "../../src/cli/cluster.ts";
import { UsageError } from "../../src/cli/command.ts";
import { lockFileOf } from "../../src/db/sqlite-lock.ts";
import { testDialects } from "../support/app.ts";
import {
  eventually,
  freePort,
  freshPostgresSchema,
  type ServerProcess,
  startServerProcess,
} from "../support/server-process.ts";

const dir = mkdtempSync(join(tmpdir(), "skillshelf-workers-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const workerPids = (server: ServerProcess): number[] =>
  server
    .output()
    .split("\n")
    .filter((line) => line.includes('"msg":"worker started"'))
    .map((line) => Number(/"pid":(\d+)/.exec(line)?.[1]));
const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("--workers: the count", () => {
  it("takes a whole number from 1 to the maximum, or auto", () => {
    assert.equal(parseWorkers("1"), 1);
    assert.equal(parseWorkers(String(MAX_WORKERS)), MAX_WORKERS);
    assert.ok(parseWorkers("auto") >= 1);
    for (const bad of ["0", "-1", "1.5", "", "two", String(MAX_WORKERS + 1), "1e1", " 2", "0x2"])
      assert.throws(() => parseWorkers(bad), UsageError, bad);
  });

  it("more than one needs PostgreSQL", () => {
    assert.equal(workersRefusal("./data/x.db", 1), undefined);
    assert.match(workersRefusal("./data/x.db", 2) ?? "", /SQLite serves one process.*PostgreSQL/);
    assert.equal(workersRefusal("postgres://u:p@h/db", 8), undefined);
  });
});

// Registered where SQLite is tested, not again in CI's PostgreSQL-only pass (TEST_DIALECTS=postgres).
if (testDialects().includes("sqlite")) {
  describe("--workers on SQLite (real processes)", () => {
    it("refuses two workers, with the reason, before touching anything", async () => {
      const db = join(dir, "refused.db");
      await assert.rejects(
        startServerProcess({ DATABASE_URL: db }, { args: ["serve", "--workers", "2"], timeoutMs: 30_000 }),
        (error: Error) => /ended \(2\)/.test(error.message) && /SQLite serves one process only/.test(error.message),
      );
      assert.equal(existsSync(db), false, "no database was created");
    });

    it("replaces a worker that dies; SIGTERM on the primary stops it and releases the lock", async () => {
      const db = join(dir, "one.db");
      const port = String(await freePort());
      const server = await startServerProcess({ DATABASE_URL: db, PORT: port }, { args: ["serve", "--workers", "1"] });
      try {
        assert.equal((await fetch(`${server.origin}/en`)).status, 200);
        const [first] = workerPids(server);
        assert.ok(first && running(first));
        assert.ok(existsSync(lockFileOf(db)), "the worker holds the SQLite lock");

        process.kill(first, "SIGKILL");
        await eventually(() => workerPids(server).length === 2, "another worker starts");
        const second = workerPids(server)[1] as number;
        assert.notEqual(second, first);
        // The dead worker's lock names a pid that no longer runs: the new worker takes it over.
        await eventually(async () => {
          try {
            return (await fetch(`${server.origin}/en`)).status === 200;
          } catch {
            return false;
          }
        }, "the site answers again");
        assert.match(server.output(), /worker died; starting another/);

        assert.equal(await server.stop(), 0, server.output());
        assert.equal(running(second), false, "the worker stopped with the primary");
        assert.equal(existsSync(lockFileOf(db)), false, "and released the lock");
      } finally {
        await server.stop();
      }
    });
  });
}

for (const dialect of testDialects().filter((d) => d === "postgres")) {
  describe(`--workers 2 over one PostgreSQL (${dialect})`, () => {
    it("two workers serve one port and stop together", async () => {
      const schema = await freshPostgresSchema(process.env.TEST_DATABASE_URL as string, "workers");
      const server = await startServerProcess({ DATABASE_URL: schema.url }, { args: ["serve", "--workers", "2"] });
      try {
        await eventually(() => workerPids(server).length === 2, "two workers");
        const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.origin}/en`)));
        assert.ok(answers.every((r) => r.status === 200));
        const pids = workerPids(server);
        assert.ok(pids.every(running));
        assert.equal(await server.stop(), 0, server.output());
        assert.ok(!pids.some(running), "every worker stopped");
        assert.equal((server.output().match(/"msg":"starter framework loaded"/g) ?? []).length, 1, "loaded once");
      } finally {
        await server.stop();
        await schema.drop();
      }
    });
  });
}
