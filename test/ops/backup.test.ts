/**
 * `skillshelf backup` and `skillshelf restore` on SQLite: backup → wipe → restore gives back the same
 * database (every table, row for row) and the same export; backups from a newer version are refused,
 * older ones migrated; a database another process holds is never overwritten.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { type Kysely, Migrator, sql } from "kysely";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest, migrations } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { frameworkJson } from "../../src/frameworks/json.ts";
import { BackupError, backupDatabase, restoreDatabase } from "../../src/ops/backup.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "skillshelf-backup-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const fresh = (name: string) => join(dir, `${++counter}-${name}`);

/** Every table's rows, sorted, as JSON: two databases with the same dump hold the same data. */
function dump(file: string): Record<string, string[]> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`select * from "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** The JSON export of every published framework. */
async function exports(file: string): Promise<string[]> {
  const database = await openDatabase(file);
  try {
    const catalog = createCatalog(database.db, { checkIntervalMs: 0 });
    const views = await Promise.all((await catalog.list()).map((f) => catalog.get(f.slug)));
    return views.map((view) => JSON.stringify(view ? frameworkJson(view) : null));
  } finally {
    await database.close();
  }
}

async function starterDatabase(): Promise<string> {
  const file = fresh("skillshelf.db");
  const database = await openDatabase(file);
  await migrateToLatest(database.db);
  await loadStarterFramework(database.db);
  await database.close();
  return file;
}

const wipe = (file: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
};

describe("backup → wipe → restore", () => {
  test("gives back every row and the same export", async () => {
    const file = await starterDatabase();
    const rowsBefore = dump(file);
    const exportBefore = await exports(file);
    assert.ok(rowsBefore.items.length > 100, "the starter framework is there to be backed up");

    const out = fresh("backup.db");
    const result = await backupDatabase(file, out);
    assert.equal(result.file, out);
    assert.ok(result.bytes > 0);

    wipe(file);
    assert.equal(existsSync(file), false);
    const restored = await restoreDatabase(file, out);
    assert.deepEqual(restored.migrated, []);
    assert.deepEqual(dump(file), rowsBefore);
    assert.deepEqual(await exports(file), exportBefore);
  });

  test("a backup taken while another connection writes is consistent, and restores over a live file", async () => {
    const file = await starterDatabase();
    const writer = await openDatabase(file);
    try {
      const out = fresh("backup.db");
      const writes = (async () => {
        for (let i = 0; i < 20; i++)
          await sql`insert into meta (key, value) values (${`k${i}`}, ${"v".repeat(1000)})`.execute(writer.db);
      })();
      const backup = backupDatabase(file, out);
      await Promise.all([writes, backup]);
      const copy = dump(out);
      assert.ok(copy.meta.length <= dump(file).meta.length);
      assert.equal(new SQLite(out, { readonly: true }).pragma("integrity_check", { simple: true }), "ok");
    } finally {
      await writer.close();
    }
  });

  test("an existing --out is never overwritten, and the database itself is not a destination", async () => {
    const file = await starterDatabase();
    const out = fresh("taken.db");
    writeFileSync(out, "keep me");
    await assert.rejects(backupDatabase(file, out), (error: Error) => {
      assert.ok(error instanceof BackupError);
      assert.match(error.message, /already exists/);
      return true;
    });
    await assert.rejects(backupDatabase(file, file), /the database itself/);
  });
});

describe("what restore refuses", () => {
  test("a backup from a newer version: refused, the database left as it was", async () => {
    const file = await starterDatabase();
    const before = dump(file);
    const out = fresh("newer.db");
    await backupDatabase(file, out);
    const newer = new SQLite(out);
    newer.prepare("insert into kysely_migration (name, timestamp) values (?, ?)").run("999_future", "2031-01-01");
    newer.close();
    await assert.rejects(restoreDatabase(file, out), /newer version of Skillshelf.*999_future/);
    assert.deepEqual(dump(file), before);
  });

  test("a file that is not a Skillshelf database, or is missing: named, nothing touched", async () => {
    const file = await starterDatabase();
    const before = dump(file);
    const text = fresh("notes.txt");
    writeFileSync(text, "not a database at all, just some words\n".repeat(50));
    await assert.rejects(restoreDatabase(file, text), /is not a SQLite database/);
    const other = fresh("other.db");
    new SQLite(other).exec("create table t (x)");
    await assert.rejects(restoreDatabase(file, other), /not a Skillshelf database/);
    await assert.rejects(restoreDatabase(file, fresh("missing.db")), /does not exist/);
    assert.deepEqual(dump(file), before);
  });

  test("PostgreSQL and in-memory databases point to their own tools", async () => {
    await assert.rejects(backupDatabase("postgres://u:p@localhost/db", fresh("x.db")), /pg_dump/);
    await assert.rejects(restoreDatabase("postgres://u:p@localhost/db", fresh("x.db")), /pg_restore/);
    await assert.rejects(backupDatabase(":memory:", fresh("x.db")), /in-memory/);
  });

  test("a database another process holds (a running server): refused, with what to do", async () => {
    const file = await starterDatabase();
    const out = fresh("backup.db");
    await backupDatabase(file, out);
    const before = dump(file);
    const holder: ChildProcess = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(${JSON.stringify(file)}); db.pragma("journal_mode = WAL");
         db.prepare("select count(*) from items").get(); console.log("open"); setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout?.once("data", () => resolve()));
      await assert.rejects(restoreDatabase(file, out), /open in another process.*stop it, run the restore/);
      assert.deepEqual(dump(file), before);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    // Once the other process is gone, the same restore goes through.
    await restoreDatabase(file, out);
    assert.deepEqual(dump(file), before);
  });
});

test("a backup from an older version is migrated as it is restored", async () => {
  const names = Object.keys(migrations);
  const older = Object.fromEntries(Object.entries(migrations).slice(0, -1));
  const out = fresh("older.db");
  const database = await openDatabase(out);
  const migrator = new Migrator({
    db: database.db as Kysely<DB>,
    provider: { getMigrations: async () => older },
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  assert.equal(error, undefined);
  await database.close();

  const file = fresh("skillshelf.db");
  const restored = await restoreDatabase(file, out);
  assert.deepEqual(restored.migrated, [names.at(-1)]);
  const applied = (dump(file).kysely_migration ?? []).map((row) => JSON.parse(row).name).sort();
  assert.deepEqual(applied, [...names].sort());
});

describe("the commands", () => {
  function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", ...args],
        { cwd: ROOT, env: { ...process.env, ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  test("skillshelf backup --out and skillshelf restore, with their usage errors", async () => {
    const file = await starterDatabase();
    const before = dump(file);
    const out = fresh("cli-backup.db");
    const backup = await cli(["backup", "--out", out], { DATABASE_URL: file });
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /backed up to .*cli-backup\.db/);
    const again = await cli(["backup", "--out", out], { DATABASE_URL: file });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.equal((await cli(["backup"], { DATABASE_URL: file })).code, 2);

    wipe(file);
    const restore = await cli(["restore", out], { DATABASE_URL: file });
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /restored /);
    assert.deepEqual(dump(file), before);
    assert.equal((await cli(["restore"], { DATABASE_URL: file })).code, 2);
    const postgres = await cli(["backup", "--out", fresh("pg.db")], { DATABASE_URL: "postgres://u:p@localhost/db" });
    assert.equal(postgres.code, 1);
    assert.match(postgres.stderr, /pg_dump/);
  });
});
