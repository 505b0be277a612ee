/**
 * CHECK constraints on every enumerated column (migration 008b, decision 015), on both databases:
 * - the values the code writes are the values the database accepts (the code's lists and the
 *   migration's frozen lists agree), so no path can store a value no code knows;
 * - an unknown value is refused by the database itself, whichever table;
 * - upgrading a database whose rows hold a near miss ("Published ", "TAKE") corrects it; one holding
 *   an unknown value stops the migration, naming the column and the value, with nothing changed.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { Migrator } from "kysely";
import { createAccount } from "../../src/auth/accounts.ts";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import type { Database } from "../../src/db/connect.ts";
import { migrateToLatest, migrationSchema, migrations } from "../../src/db/migrate.ts";
import { CHECKS } from "../../src/db/migrations/008b_check_constraints.ts";
import { USER_ROLES } from "../../src/db/migrations/011_invitations_and_sso.ts";
import { CHANGE_KINDS } from "../../src/frameworks/history.ts";
import { findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { DEFINITION_KINDS } from "../../src/interop/case/model.ts";
import { ROLES } from "../../src/policy/index.ts";
import { SECURITY_EVENT_KINDS } from "../../src/security/events.ts";
import { openEmptyDatabase, openTestDatabase, testDialects } from "../support/app.ts";

const valuesOf = (table: string, column: string) =>
  CHECKS.find((c) => c.table === table && c.column === column)?.values;

test("the values the code writes are the values the database accepts", () => {
  assert.deepEqual(valuesOf("changes", "kind"), [...CHANGE_KINDS]);
  assert.deepEqual(valuesOf("security_events", "kind"), [...SECURITY_EVENT_KINDS]);
  // users.role's list grew in migration 011 (the account of a person of an organisation).
  assert.deepEqual(
    [...USER_ROLES].sort((a, b) => a.localeCompare(b)),
    [...ROLES].sort((a, b) => a.localeCompare(b)),
  );
  assert.deepEqual(valuesOf("case_definitions", "kind"), [...DEFINITION_KINDS]);
  assert.deepEqual(valuesOf("frameworks", "status"), ["draft", "published", "retired"]);
});

const now = "2030-01-01T00:00:00.000Z";

/** One row in every table that has an enumerated column, each with a known value. */
async function oneRowEach(database: Database): Promise<void> {
  const db = database.db;
  await loadStarterFramework(db);
  const starter = await findFrameworkBySlug(db, "public-library-staff");
  assert.ok(starter);
  await createAccount(db, { email: "ana@example.org", role: "editor" });
  await db
    .insertInto("case_definitions")
    .values({ framework_id: starter.id, kind: "subject", id: randomUUID(), ordinal: 0, body: "{}" })
    .execute();
  await db
    .insertInto("changes")
    .values({
      id: randomUUID(),
      framework_id: starter.id,
      item_id: null,
      item_path: null,
      batch_id: randomUUID(),
      ordinal: 0,
      actor_id: null,
      actor_label: null,
      at: now,
      kind: "publish",
      field: null,
      before: null,
      after: null,
    })
    .execute();
  await db
    .insertInto("adoption_items")
    .values({
      framework_id: starter.id,
      source_item_id: randomUUID(),
      edition: 1,
      decision: "take",
      kind: "added",
      actor_id: null,
      at: now,
    })
    .execute();
  await db
    .insertInto("translation_flags")
    .values({
      id: randomUUID(),
      framework_id: starter.id,
      item_id: null,
      field: "title",
      lang: "fr",
      flagged_at: now,
      flagged_by: null,
      flagged_by_label: null,
    })
    .execute();
  await db
    .insertInto("security_events")
    .values({
      id: randomUUID(),
      at: now,
      kind: "sign_out",
      actor_id: null,
      actor_label: null,
      subject_id: null,
      subject_label: null,
      address: null,
      request_id: null,
      detail: null,
    })
    .execute();
}

for (const dialect of testDialects()) {
  describe(`enumerated columns are checked by the database (${dialect})`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
      await oneRowEach(database);
    });
    after(() => database?.close());

    for (const check of CHECKS) {
      test(`${check.table}.${check.column}: every known value is stored, any other refused`, async () => {
        // biome-ignore lint/suspicious/noExplicitAny: the table is named by the check, not known statically
        const db = database.db as any;
        const [row] = await db.selectFrom(check.table).select(check.column).limit(1).execute();
        assert.ok(row, `${check.table} has a row to change`);
        const original = row[check.column];
        for (const value of check.values)
          await db
            .updateTable(check.table)
            .set({ [check.column]: value })
            .where(check.column, "=", original)
            .execute()
            .then(() =>
              db
                .updateTable(check.table)
                .set({ [check.column]: original })
                .where(check.column, "=", value)
                .execute(),
            );
        for (const unknown of ["", "bogus", ` ${check.values[0]}`, check.values[0].toUpperCase()])
          await assert.rejects(
            db
              .updateTable(check.table)
              .set({ [check.column]: unknown })
              .execute(),
            `${check.table}.${check.column} = ${JSON.stringify(unknown)}`,
          );
        const [still] = await db.selectFrom(check.table).select(check.column).limit(1).execute();
        assert.equal(still[check.column], original);
      });
    }
  });

  describe(`migration 008b on existing rows (${dialect})`, () => {
    const withoutChecks = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name !== "008b_check_constraints"),
    );
    const upTo008 = async () => {
      const database = await openEmptyDatabase(dialect);
      const migrator = new Migrator({
        db: database.db,
        provider: { getMigrations: async () => withoutChecks },
        // As migrateToLatest does: on PostgreSQL, the migration tables of this schema, not another's.
        migrationTableSchema: await migrationSchema(database.db),
      });
      assert.equal((await migrator.migrateToLatest()).error, undefined);
      await loadStarterFramework(database.db);
      return database;
    };

    test("a value that differs from a known one only by case or spaces is corrected", async () => {
      const database = await upTo008();
      try {
        const db = database.db;
        await db.updateTable("frameworks").set({ status: " Published " }).execute();
        const starter = await findFrameworkBySlug(db, "public-library-staff");
        assert.ok(starter);
        await db
          .insertInto("adoption_items")
          .values({
            framework_id: starter.id,
            source_item_id: randomUUID(),
            edition: 1,
            decision: "TAKE",
            kind: "Changed",
            actor_id: null,
            at: now,
          })
          .execute();
        assert.deepEqual(await migrateToLatest(db), { applied: ["008b_check_constraints"] });
        assert.deepEqual(
          (await db.selectFrom("frameworks").select("status").execute()).map((r) => r.status),
          ["published"],
        );
        assert.deepEqual(await db.selectFrom("adoption_items").select(["decision", "kind"]).execute(), [
          { decision: "take", kind: "changed" },
        ]);
        // The constraints are there after the correction.
        await assert.rejects(db.updateTable("frameworks").set({ status: "Published" }).execute());
      } finally {
        await database.close();
      }
    });

    test("an unknown value stops the migration, naming it, with nothing changed", async () => {
      const database = await upTo008();
      try {
        const db = database.db;
        const starter = await findFrameworkBySlug(db, "public-library-staff");
        assert.ok(starter);
        await db.updateTable("frameworks").set({ status: "Draft" }).execute();
        await db
          .insertInto("translation_flags")
          .values({
            id: randomUUID(),
            framework_id: starter.id,
            item_id: null,
            field: "title",
            lang: "de",
            flagged_at: now,
            flagged_by: null,
            flagged_by_label: null,
          })
          .execute();
        await assert.rejects(migrateToLatest(db), (error: Error) => {
          assert.match(error.message, /translation_flags\.lang = "de" \(1 row\(s\)\)/);
          assert.doesNotMatch(error.message, /frameworks\.status/);
          return true;
        });
        // Nothing changed: the near miss is still as it was, and no constraint was added.
        assert.equal((await findFrameworkBySlug(db, "public-library-staff"))?.status, "Draft");
        await db.updateTable("frameworks").set({ status: "anything" }).execute();
        // Once the row is corrected, the migration goes through.
        await db.deleteFrom("translation_flags").where("lang", "=", "de").execute();
        await db.updateTable("frameworks").set({ status: "published" }).execute();
        assert.deepEqual(await migrateToLatest(db), { applied: ["008b_check_constraints"] });
      } finally {
        await database.close();
      }
    });
  });
}
