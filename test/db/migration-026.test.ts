/**
 * Migration 026 (decision 054) on both databases: a database at 025 holding an organisation gains a
 * nullable `time_zone` that reads null for the organisation already there (the instance's zone keeps
 * applying), takes a zone, and goes back down without touching the rest of the row.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Kysely, Migrator } from "kysely";
import type { Database } from "../../src/db/connect.ts";
import { migrateToLatest, migrationSchema, migrations } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { openEmptyDatabase, testDialects } from "../support/app.ts";

const AT = "2027-01-10T09:00:00.000Z";

/** A migrator over this code's migrations, or those up to `last`. */
async function migrator(db: Kysely<DB>, last?: string) {
  const chosen = Object.fromEntries(Object.entries(migrations).filter(([name]) => !last || name <= last));
  return new Migrator({
    db,
    provider: { getMigrations: async () => chosen },
    migrationTableSchema: await migrationSchema(db),
    allowUnorderedMigrations: true,
  });
}

for (const dialect of testDialects()) {
  describe(`migration 026_organisation_time_zone (${dialect})`, () => {
    let database: Database;
    let db: Kysely<DB>;
    before(async () => {
      database = await openEmptyDatabase(dialect);
      db = database.db;
      assert.equal((await (await migrator(db, "025_assessment_due_on")).migrateToLatest()).error, undefined);
      // As a database at 025 holds it: no time_zone column yet.
      await db
        .insertInto("organisations")
        .values({
          id: "org",
          slug: "riverside",
          name_en: "Riverside",
          name_fr: "Riverside",
          default_lang: "fr",
          settings: '{"planGoals":4}',
          created_at: AT,
          updated_at: AT,
        })
        .execute();
    });
    after(() => database.close());

    const read = () =>
      db
        .selectFrom("organisations")
        .select(["id", "slug", "default_lang", "settings", "time_zone"])
        .executeTakeFirstOrThrow();

    test("applies on a database at 025; the organisation there reads null, and a zone is kept", async () => {
      assert.deepEqual(await migrateToLatest(db), { applied: ["026_organisation_time_zone"] });
      assert.deepEqual(await read(), {
        id: "org",
        slug: "riverside",
        default_lang: "fr",
        settings: '{"planGoals":4}',
        time_zone: null,
      });
      await db.updateTable("organisations").set({ time_zone: "America/St_Johns" }).execute();
      assert.equal((await read()).time_zone, "America/St_Johns");
    });

    test("goes down and up again; the rest of the row is untouched", async () => {
      const down = await (await migrator(db)).migrateDown();
      assert.equal(down.error, undefined);
      assert.deepEqual(
        down.results?.map((r) => r.migrationName),
        ["026_organisation_time_zone"],
      );
      const row = await db.selectFrom("organisations").selectAll().executeTakeFirstOrThrow();
      assert.equal("time_zone" in row, false);
      assert.equal(row.settings, '{"planGoals":4}');
      assert.deepEqual(await migrateToLatest(db), { applied: ["026_organisation_time_zone"] });
      assert.equal((await read()).time_zone, null);
    });
  });
}
