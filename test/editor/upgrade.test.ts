/** Upgrading a database from before editions: what readers saw stays visible, as edition 1. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Migrator, sql } from "kysely";
import { starterRows } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { migrateToLatest, migrationSchema, migrations } from "../../src/db/migrate.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { listEditions } from "../../src/editions/store.ts";
import { insertFramework } from "../../src/frameworks/store.ts";
import { openUnmigratedTestDatabase, testDialects } from "../support/app.ts";

for (const dialect of testDialects()) {
  describe(`migration 004 on a database that already publishes (${dialect})`, () => {
    test("each published framework becomes edition 1; drafts stay unpublished", async () => {
      const database = await openUnmigratedTestDatabase(dialect);
      try {
        const migrator = new Migrator({
          db: database.db,
          migrationTableSchema: await migrationSchema(database.db),
          provider: { getMigrations: async () => migrations },
        });
        const before = await migrator.migrateTo("003_accounts");
        assert.equal(before.error, undefined);
        const rows = starterRows(loadStarterContent(), "2030-01-01T00:00:00.000Z");
        await insertFramework(database.db, rows);
        const draft = starterRows(
          { ...loadStarterContent(), framework: { ...loadStarterContent().framework, slug: "a-draft" } },
          "2030-01-01T00:00:00.000Z",
        );
        await insertFramework(database.db, { ...draft, framework: { ...draft.framework, status: "draft" } });

        const upgrade = await migrator.migrateToLatest();
        assert.equal(upgrade.error, undefined);
        assert.deepEqual(
          (await listEditions(database.db, rows.framework.id)).map((e) => e.number),
          [1],
        );
        assert.deepEqual(await listEditions(database.db, draft.framework.id), []);
        const view = await createCatalog(database.db, { checkIntervalMs: 0 }).get(rows.framework.slug);
        assert.equal(view?.itemCount, rows.items.length);
        assert.equal(view?.byKey.get("ML.CR")?.lastUpdated, "2026-11-30T12:00:00.000Z");
        // 005: Skillshelf's own summary exists in both languages from then on.
        const [first] = await listEditions(database.db, rows.framework.id);
        assert.deepEqual(
          [first.summary_en, first.summary_fr],
          ["Published before editions existed.", "Publiée avant l'arrivée des éditions."],
        );
      } finally {
        await database.close();
      }
    });
  });

  describe(`a migration numbered below one already applied (${dialect})`, () => {
    test("005 lands on a database that already ran 006: it is applied, not refused", async () => {
      const database = await openUnmigratedTestDatabase(dialect);
      try {
        // 008b checks the values of 005's translation flags, so it waits for 005 here too.
        const later = new Set(["005_edition_labels", "008b_check_constraints"]);
        const without005 = Object.fromEntries(Object.entries(migrations).filter(([name]) => !later.has(name)));
        const earlier = new Migrator({
          db: database.db,
          migrationTableSchema: await migrationSchema(database.db),
          provider: { getMigrations: async () => without005 },
        });
        assert.equal((await earlier.migrateToLatest()).error, undefined);
        assert.deepEqual(await migrateToLatest(database.db), {
          applied: ["005_edition_labels", "008b_check_constraints"],
        });
        assert.deepEqual(await migrateToLatest(database.db), { applied: [] });
      } finally {
        await database.close();
      }
    });
  });

  describe(`migration 005 on editions published before summaries were bilingual (${dialect})`, () => {
    test("an editor's summary is kept as English only; the starter's gets its French; readers see edition numbers", async () => {
      const database = await openUnmigratedTestDatabase(dialect);
      try {
        const migrator = new Migrator({
          db: database.db,
          migrationTableSchema: await migrationSchema(database.db),
          provider: { getMigrations: async () => migrations },
        });
        assert.equal((await migrator.migrateTo("004_editions")).error, undefined);
        const rows = starterRows(loadStarterContent(), "2030-01-01T00:00:00.000Z");
        await insertFramework(database.db, rows);
        // An edition in the format of the time (the API's tree), here without items.
        const snapshot = JSON.stringify({
          id: rows.framework.id,
          title: { en: rows.framework.title_en, fr: rows.framework.title_fr },
          description: { en: rows.framework.description_en, fr: rows.framework.description_fr },
          publisher: rows.framework.publisher,
          licence: rows.framework.licence,
          version: "1.0.0",
          updatedAt: rows.framework.updated_at,
          itemTypes: [],
          children: [],
        });
        for (const [number, summary] of [
          [1, "Starter content loaded."],
          [2, "Revised the Budget and Finance area."],
        ] as const)
          await sql`insert into editions (id, framework_id, number, summary, published_at, snapshot)
            values (${`e${number}`}, ${rows.framework.id}, ${number}, ${summary}, ${`2030-01-0${number}T00:00:00.000Z`}, ${snapshot})`.execute(
            database.db,
          );
        assert.equal((await migrator.migrateToLatest()).error, undefined);
        assert.deepEqual(
          (await listEditions(database.db, rows.framework.id)).map((e) => [e.number, e.summary_en, e.summary_fr]),
          [
            [2, "Revised the Budget and Finance area.", null],
            [1, "Starter content loaded.", "Contenu de départ chargé."],
          ],
        );
        // Down and up again: nothing is lost on the way back.
        assert.equal((await migrator.migrateTo("004_editions")).error, undefined);
        const { rows: old } = await sql<{ summary: string }>`select summary from editions order by number`.execute(
          database.db,
        );
        assert.deepEqual(
          old.map((r) => r.summary),
          ["Starter content loaded.", "Revised the Budget and Finance area."],
        );
      } finally {
        await database.close();
      }
    });
  });
}
