/**
 * A big value of a SQLite file read by a worker thread (src/db/off-thread-read.ts): the same bytes a
 * read on the main thread gives; a database that cannot be read so answers undefined (the caller
 * reads as usual).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { sql } from "kysely";
import { openDatabase } from "../../src/db/connect.ts";
import { readValueOffThread } from "../../src/db/off-thread-read.ts";

describe("reading a big value off the main thread (SQLite)", () => {
  const folder = mkdtempSync(join(tmpdir(), "skillshelf-off-thread-"));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it("gives the value's UTF-8 bytes, null for no row or NULL, undefined where it cannot", async () => {
    const database = await openDatabase(join(folder, "values.db"));
    const { db } = database;
    try {
      await sql`CREATE TABLE big (id INTEGER PRIMARY KEY, value TEXT)`.execute(db);
      // Several megabytes, with accents and characters outside the BMP.
      const text = "Compétences — 𝒞ommunity “relations” ".repeat(100_000);
      await sql`INSERT INTO big (id, value) VALUES (1, ${text}), (2, NULL)`.execute(db);
      const query = "SELECT CAST(value AS BLOB) FROM big WHERE id = ?";
      const bytes = await readValueOffThread(db, query, [1]);
      assert.ok(bytes);
      assert.equal(bytes.toString("utf8"), text);
      assert.equal(await readValueOffThread(db, query, [2]), null);
      assert.equal(await readValueOffThread(db, query, [3]), null);
      // Inside a transaction a worker's connection would not see its writes: not read so.
      await db.transaction().execute(async (trx) => {
        assert.equal(await readValueOffThread(trx, query, [1]), undefined);
      });
      // A statement the worker cannot run: undefined, not a crash.
      assert.equal(await readValueOffThread(db, "SELECT nothing FROM nowhere", []), undefined);
    } finally {
      await database.close();
    }
  });

  it("answers undefined for a database in memory", async () => {
    const database = await openDatabase(":memory:");
    try {
      assert.equal(await readValueOffThread(database.db, "SELECT 1", []), undefined);
    } finally {
      await database.close();
    }
  });
});
