/**
 * Migration 025 (decision 053) on both databases: a database at 024 holding assessments gains a
 * nullable `due_on` that reads null for every assessment already there (the cycle's dates keep
 * applying to them), takes a date, and goes back down without touching the rest of the row.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Kysely, Migrator } from "kysely";
import type { Database } from "../../src/db/connect.ts";
import { migrationSchema, migrations } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { openEmptyDatabase, testDialects } from "../support/app.ts";
import { cycleRow } from "../support/assessment-rows.ts";

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

/** Migrates up to 025 and no further (later migrations have tests of their own). */
async function upTo025(db: Kysely<DB>): Promise<{ applied: string[] }> {
  const result = await (await migrator(db, "025_assessment_due_on")).migrateToLatest();
  assert.equal(result.error, undefined);
  return { applied: result.results?.map((r) => r.migrationName) ?? [] };
}

for (const dialect of testDialects()) {
  describe(`migration 025_assessment_due_on (${dialect})`, () => {
    let database: Database;
    let db: Kysely<DB>;
    before(async () => {
      database = await openEmptyDatabase(dialect);
      db = database.db;
      assert.equal((await (await migrator(db, "024_profile_code_key")).migrateToLatest()).error, undefined);
      await db
        .insertInto("organisations")
        .values({
          id: "org",
          slug: "riverside",
          name_en: "Riverside",
          name_fr: "Riverside",
          default_lang: "en",
          settings: "{}",
          created_at: AT,
          updated_at: AT,
        })
        .execute();
      await db
        .insertInto("people")
        .values({
          id: "paul",
          organisation_id: "org",
          given_name: "Paul",
          family_name: "Tester",
          preferred_name: null,
          email: null,
          employee_number: "P-1",
          unit_id: null,
          manager_id: null,
          status: "active",
          status_since: null,
          preferred_lang: "en",
          user_id: null,
          created_at: AT,
          updated_at: AT,
        })
        .execute();
      await db
        .insertInto("review_cycles")
        .values(cycleRow({ id: "cycle", organisation_id: "org" }))
        .execute();
      // As a database at 024 holds it: no due_on column yet.
      await db
        .insertInto("assessments")
        .values({
          id: "a-paul",
          cycle_id: "cycle",
          organisation_id: "org",
          person_id: "paul",
          manager_id: null,
          profile_id: null,
          state: "reopened",
          reopened_reason: "Missing evidence",
          conversation_date: null,
          conversation_notes: null,
          person_signed_at: null,
          manager_signed_at: null,
          version: 3,
          created_at: AT,
          updated_at: AT,
        })
        .execute();
    });
    after(() => database.close());

    const read = () =>
      db
        .selectFrom("assessments")
        .select(["id", "state", "reopened_reason", "version", "due_on"])
        .executeTakeFirstOrThrow();

    test("applies on a database at 024; what was there reads null, and a date is kept", async () => {
      assert.deepEqual(await upTo025(db), { applied: ["025_assessment_due_on"] });
      assert.deepEqual(await read(), {
        id: "a-paul",
        state: "reopened",
        reopened_reason: "Missing evidence",
        version: 3,
        due_on: null,
      });
      await db.updateTable("assessments").set({ due_on: "2027-04-08" }).execute();
      assert.equal((await read()).due_on, "2027-04-08");
    });

    test("goes down and up again; the rest of the row is untouched", async () => {
      const down = await (await migrator(db, "025_assessment_due_on")).migrateDown();
      assert.equal(down.error, undefined);
      assert.deepEqual(
        down.results?.map((r) => r.migrationName),
        ["025_assessment_due_on"],
      );
      const row = await db.selectFrom("assessments").selectAll().executeTakeFirstOrThrow();
      assert.equal("due_on" in row, false);
      assert.equal(row.reopened_reason, "Missing evidence");
      assert.deepEqual(await upTo025(db), { applied: ["025_assessment_due_on"] });
      assert.equal((await read()).due_on, null);
    });
  });
}
