/**
 * SQLite serves one server process (decision 020): a second server on the same file refuses to
 * start and says why, a dead server's lock is taken over, and short CLI commands still run beside a
 * server. The last part starts real processes.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DatabaseInUseError, lockFileOf, lockSqliteForServer } from "../../src/db/sqlite-lock.ts";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), "skillshelf-lock-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const freshDb = () => join(dir, `db-${counter++}.db`);

/** A process that runs until killed, and one that has already ended (its pid is free). */
function sleeper(): ChildProcess {
  return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
}
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}
const writeLock = (db: string, owner: { pid: number; host?: string; startedAt?: string }) =>
  writeFileSync(lockFileOf(db), JSON.stringify({ host: hostname(), startedAt: "2026-01-01T00:00:00.000Z", ...owner }));

describe("SQLite server lock", () => {
  it("is taken, names this process, and is gone once released", () => {
    const db = freshDb();
    const lock = lockSqliteForServer(db);
    assert.equal(JSON.parse(readFileSync(lock.file, "utf8")).pid, process.pid);
    lock.release();
    assert.equal(existsSync(lock.file), false);
    lock.release(); // twice is harmless
    lockSqliteForServer(db).release(); // and it can be taken again
  });

  it("refuses while another live server on this host holds it, naming it and what to do", async () => {
    const db = freshDb();
    const other = sleeper();
    try {
      writeLock(db, { pid: other.pid as number });
      assert.throws(
        () => lockSqliteForServer(db),
        (error: unknown) =>
          error instanceof DatabaseInUseError &&
          error.message.includes(`pid ${other.pid}`) &&
          error.message.includes("PostgreSQL") &&
          error.message.includes(lockFileOf(db)),
      );
      assert.equal(JSON.parse(readFileSync(lockFileOf(db), "utf8")).pid, other.pid, "its lock is left alone");
    } finally {
      other.kill();
    }
  });

  it("takes over a lock whose server died, or that cannot be read", () => {
    for (const content of [
      JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: "x" }),
      "",
      "{not json",
      JSON.stringify({ pid: "1" }),
    ]) {
      const db = freshDb();
      writeFileSync(lockFileOf(db), content);
      const lock = lockSqliteForServer(db);
      assert.equal(JSON.parse(readFileSync(lock.file, "utf8")).pid, process.pid, content);
      lock.release();
    }
  });

  it("trusts another host's lock while its holder keeps it fresh, and takes it over once it is old", () => {
    const db = freshDb();
    writeLock(db, { pid: 1, host: "some-other-host" });
    assert.throws(() => lockSqliteForServer(db), DatabaseInUseError);
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(lockFileOf(db), old, old);
    lockSqliteForServer(db).release();
  });

  it("does not release a lock that another server has taken over since", () => {
    const db = freshDb();
    const lock = lockSqliteForServer(db);
    writeLock(db, { pid: process.pid + 1, startedAt: "2030-01-01T00:00:00.000Z" });
    lock.release();
    assert.equal(existsSync(lockFileOf(db)), true);
  });
});

describe("SQLite: a second `skillshelf serve` on the same file (real processes)", () => {
  const env = (db: string) => ({ ...process.env, DATABASE_URL: db, PORT: "0", LOG_LEVEL: "info", HOST: "127.0.0.1" });
  const cli = (args: string[], db: string) =>
    spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], {
      cwd: root,
      env: env(db),
      stdio: ["ignore", "pipe", "pipe"],
    });
  const finished = (child: ChildProcess) =>
    new Promise<{ code: number | null; out: string; err: string }>((done) => {
      let out = "";
      let err = "";
      child.stdout?.on("data", (d) => (out += d));
      child.stderr?.on("data", (d) => (err += d));
      child.on("exit", (code) => done({ code, out, err }));
    });

  it("refuses with a clear message, while short commands still run beside the first", async () => {
    const db = freshDb();
    const first = cli(["serve"], db);
    const firstDone = finished(first);
    try {
      await new Promise<void>((ready, fail) => {
        let out = "";
        first.stdout?.on("data", (d) => {
          out += d;
          if (out.includes("Skillshelf is listening")) ready();
        });
        first.on("exit", (code) => fail(new Error(`the first server ended (${code})`)));
      });
      const second = await finished(cli(["serve"], db));
      assert.equal(second.code, 1);
      assert.match(second.err, /already serving this SQLite database/);
      assert.match(second.err, new RegExp(`pid ${first.pid}`));

      const exported = await finished(cli(["export", "--format", "json"], db));
      assert.equal(exported.code, 0, exported.err);
      assert.ok(JSON.parse(exported.out).title, "the export read the database the server holds");
    } finally {
      first.kill("SIGTERM");
    }
    const end = await firstDone;
    assert.equal(end.code, 0, end.err);
    assert.equal(existsSync(lockFileOf(db)), false, "the lock goes with the server");
  });
});
