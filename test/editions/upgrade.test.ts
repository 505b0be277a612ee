/**
 * Migration 008 on a database with editions in place (written in the format of their time, format
 * 1): every edition becomes rows that say exactly what its snapshot said, readers see the same pages,
 * CASE data and provenance are kept, adopted copies learn their items' sources, an unreadable
 * snapshot stops the upgrade naming its edition with nothing changed, and going back rebuilds the
 * old format from the rows.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Kysely, Migrator, sql } from "kysely";
import { localItemId } from "../../src/adoption/report.ts";
import { starterRows } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { migrationSchema, migrations } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { findEdition, readCaseData, readEditionContent, readEditionRows } from "../../src/editions/store.ts";
import { readEditionCache } from "../../src/editions/stored.ts";
import { frameworkJson } from "../../src/frameworks/json.ts";
import { type FrameworkInsert, insertFramework } from "../../src/frameworks/store.ts";
import { openEmptyDatabase, testDialects } from "../support/app.ts";
import { flattenLegacy, type LegacyCase, legacySnapshot } from "../support/legacy-snapshot.ts";

const NOW = "2030-01-01T00:00:00.000Z";

/** Tables as they were at migration 007 (today's DB interface has more columns). */
// biome-ignore lint/suspicious/noExplicitAny: the schema of another time
type Untyped = Kysely<any>;

/** A small framework: two areas, three KSAs, its own types (with the CASE names an import keeps). */
function smallFramework(id: string, slug: string): FrameworkInsert {
  const type = (code: string) => `${id.slice(0, 30)}-${code}`.slice(0, 36);
  const item = (n: number, parent: number | null, typeCode: string, position: number) => ({
    id: `${id.slice(0, 33)}-${n}`.slice(0, 36),
    framework_id: id,
    parent_id: parent === null ? null : `${id.slice(0, 33)}-${parent}`.slice(0, 36),
    type_id: type(typeCode),
    code: `C${n}`,
    position,
    statement_en: `Statement ${n}`,
    statement_fr: `Énoncé ${n}`,
    description_en: null,
    description_fr: null,
    created_at: NOW,
    updated_at: `2029-0${n}-01T12:00:00.000Z`,
    extra: n === 3 ? JSON.stringify({ notes: "kept from the source" }) : null,
  });
  return {
    framework: {
      id,
      slug,
      title_en: `Framework ${slug}`,
      title_fr: `Référentiel ${slug}`,
      description_en: null,
      description_fr: null,
      publisher: "Tests",
      version: "1",
      status: "published",
      licence: null,
      created_at: "2029-01-01T00:00:00.000Z",
      updated_at: "2029-01-02T00:00:00.000Z",
      extra: JSON.stringify({ language: "en" }),
    },
    itemTypes: [
      { id: type("area"), code: "area", label_en: "Area", label_fr: "Domaine", position: 1 },
      { id: type("ksa"), code: "ksa", label_en: "KSA", label_fr: "CHA", position: 2 },
    ],
    items: [
      item(1, null, "area", 1),
      item(2, 1, "ksa", 1),
      item(3, 1, "ksa", 2),
      item(4, null, "area", 2),
      item(5, 4, "ksa", 1),
    ],
  };
}

async function insertLegacyEdition(
  db: Kysely<DB>,
  frameworkId: string,
  number: number,
  snapshot: Record<string, unknown>,
): Promise<string> {
  const id = `${frameworkId.slice(0, 30)}-e${number}`;
  await (db as Untyped)
    .insertInto("editions")
    .values({
      id,
      framework_id: frameworkId,
      number,
      summary_en: `Edition ${number}`,
      summary_fr: `Édition ${number}`,
      published_at: `2029-1${number}-01T00:00:00.000Z`,
      published_by: null,
      published_by_label: null,
      snapshot: JSON.stringify(snapshot),
    })
    .execute();
  return id;
}

const upTo007 = async (db: Kysely<DB>) =>
  new Migrator({
    db,
    migrationTableSchema: await migrationSchema(db),
    provider: { getMigrations: async () => migrations },
  }).migrateTo("007_security");

for (const dialect of testDialects()) {
  describe(`migration 008: editions become rows (${dialect})`, () => {
    test("every edition's rows, pages, CASE data and provenance say what its snapshot said; copies learn their sources", async () => {
      const database = await openEmptyDatabase(dialect);
      const db = database.db;
      try {
        assert.equal((await upTo007(db)).error, undefined);

        // The starter, published twice: edition 1 as migration 004 made it (no creation time),
        // edition 2 with CASE data frozen (associations, definitions, item and type extras).
        const starter = starterRows(loadStarterContent(), NOW);
        await insertFramework(db, starter);
        const e1 = legacySnapshot(starter, { version: "1.1.0", createdAt: false });
        const changed = {
          ...starter,
          items: starter.items.map((i, n) => (n === 7 ? { ...i, statement_en: "Changed in 2" } : i)),
        };
        const first = changed.items[0];
        const caseData: LegacyCase = {
          associations: [
            {
              framework_id: starter.framework.id,
              id: "a1000000-0000-4000-8000-000000000001",
              association_type: "isRelatedTo",
              uri: "https://x.example/CFAssociations/a1",
              origin_item_id: first.id,
              origin_identifier: first.id,
              origin_uri: null,
              origin_title: null,
              destination_item_id: null,
              destination_identifier: "b1000000-0000-4000-8000-000000000001",
              destination_uri: "https://elsewhere.example/CFItems/b1",
              destination_title: "Elsewhere",
              sequence_number: 2,
              grouping_id: null,
              tree_position: null,
              ordinal: 0,
              last_change: "2029-05-01T00:00:00+00:00",
              extra: JSON.stringify({ notes: "an association note" }),
            },
          ],
          definitions: [
            {
              framework_id: starter.framework.id,
              kind: "subject",
              id: "c1000000-0000-4000-8000-000000000001",
              ordinal: 0,
              body: '{"title":"Libraries"}',
            },
          ],
          itemExtras: { [first.id]: { notes: "kept", CFItemType: "Category" } },
          typeExtras: Object.fromEntries(
            starter.itemTypes.map((t) => [t.code, JSON.stringify({ CFItemType: t.label_en })]),
          ),
        };
        const e2 = legacySnapshot(changed, { case: caseData, typeExtras: caseData.typeExtras });
        const e1Id = await insertLegacyEdition(db, starter.framework.id, 1, e1);
        const e2Id = await insertLegacyEdition(db, starter.framework.id, 2, e2);

        // A framework whose CASE data was frozen before types' CASE names were: the live types' fill in.
        const cased = smallFramework("f3000000-0000-4000-8000-000000000003", "cased");
        await insertFramework(db, cased);
        await db
          .updateTable("item_types")
          .set({ extra: '{"CFItemType":"Area of practice"}' })
          .where("code", "=", "area")
          .where("framework_id", "=", cased.framework.id)
          .execute();
        const casedEdition = await insertLegacyEdition(
          db,
          cased.framework.id,
          1,
          legacySnapshot(cased, {
            case: {
              associations: [],
              definitions: [],
              itemExtras: { [cased.items[2].id]: { notes: "kept from the source" } },
            },
          }),
        );

        // An adopted copy of the starter's edition 1: items with ids derived from their sources, one of its own.
        const copyId = "c0c00000-0000-4000-8000-000000000009";
        const copyTypes = starter.itemTypes.map((t) => ({ ...t, id: `copy-type-${t.code}` }));
        const copyItems = starter.items.slice(0, 40).map((i) => ({
          ...i,
          id: localItemId(copyId, i.id),
          framework_id: copyId,
          parent_id: i.parent_id ? localItemId(copyId, i.parent_id) : null,
          type_id: `copy-type-${starter.itemTypes.find((t) => t.id === i.type_id)?.code}`,
        }));
        const own = { ...copyItems[0], id: "0e0e0000-0000-4000-8000-000000000001", code: "OWN", position: 99 };
        const copy: FrameworkInsert = {
          framework: { ...starter.framework, id: copyId, slug: "a-copy", title_en: "A copy", title_fr: "Une copie" },
          itemTypes: copyTypes,
          items: [...copyItems, own],
        };
        await insertFramework(db, copy);
        await (db as Untyped)
          .insertInto("adoptions")
          .values({
            framework_id: copyId,
            source_framework_id: starter.framework.id,
            source_edition: 1,
            adopted_edition: 1,
            adopted_at: NOW,
          })
          .execute();
        const adoptedFrom = {
          id: starter.framework.id,
          slug: starter.framework.slug,
          title: { en: "Source", fr: "Source" },
          edition: 1,
        };
        const copyEdition = await insertLegacyEdition(db, copyId, 1, legacySnapshot(copy, { adoptedFrom }));
        // A draft never published: nothing to turn into rows.
        const draft = smallFramework("d4000000-0000-4000-8000-000000000004", "a-draft");
        await insertFramework(db, { ...draft, framework: { ...draft.framework, status: "draft" } });

        const upgrade = await new Migrator({
          db,
          migrationTableSchema: await migrationSchema(db),
          provider: { getMigrations: async () => migrations },
        }).migrateToLatest();
        assert.equal(upgrade.error, undefined);

        // Rows: one per item of the snapshot's tree, each saying what the snapshot said.
        for (const [editionId, legacy] of [
          [e1Id, e1],
          [e2Id, e2],
        ] as const) {
          const content = await readEditionRows(db, editionId);
          assert.ok(content);
          const expected = flattenLegacy(legacy.children);
          assert.equal(content.items.length, expected.length);
          const byId = new Map(content.items.map((i) => [i.id, i]));
          for (const item of expected) {
            const row = byId.get(item.id);
            assert.ok(row, `item ${item.id} has its row`);
            assert.deepEqual(
              [
                row.parent_id,
                row.type_code,
                row.code,
                row.position,
                row.statement_en,
                row.statement_fr,
                row.description_en,
                row.description_fr,
                row.updated_at,
              ],
              [
                item.parentId,
                item.type,
                item.code,
                item.position,
                item.statement.en,
                item.statement.fr,
                item.description.en,
                item.description.fr,
                item.updatedAt,
              ],
            );
          }
          // The cache says what the rows say.
          const stored = await findEdition(db, starter.framework.id, legacy === e1 ? 1 : 2);
          assert.ok(stored);
          assert.deepEqual(readEditionCache(stored.snapshot, { column: "editions.snapshot", row: editionId }), content);
        }
        // Readers see what the snapshots showed: the same tree, in the API's shape.
        const catalog = createCatalog(db, { checkIntervalMs: 0 });
        for (const [number, legacy] of [
          [1, e1],
          [2, e2],
        ] as const) {
          const view = await catalog.edition(starter.framework.slug, number);
          assert.ok(view);
          assert.deepEqual(frameworkJson(view).children, legacy.children);
          assert.equal(view.itemCount, starter.items.length);
        }
        // Edition 1 had no creation time: the framework's, as readers were shown.
        const first1 = await readEditionRows(db, e1Id);
        assert.equal(first1?.framework.created_at, NOW);
        assert.equal(first1?.framework.title_en, starter.framework.title_en);

        // CASE data: associations and definitions as versioned JSON, extras in the rows.
        const frozen = await readCaseData(db, e2Id);
        assert.deepEqual(frozen, { associations: caseData.associations, definitions: caseData.definitions });
        assert.equal(await readCaseData(db, e1Id), null, "an edition from before CASE data was frozen says so");
        const second = await readEditionRows(db, e2Id);
        assert.equal(
          second?.items.find((i) => i.id === first.id)?.extra,
          JSON.stringify(caseData.itemExtras[first.id]),
        );
        assert.deepEqual(
          second?.types.map((t) => [t.code, t.extra]),
          starter.itemTypes.map((t) => [t.code, caseData.typeExtras?.[t.code]]),
        );
        const casedRows = await readEditionRows(db, casedEdition);
        assert.deepEqual(
          casedRows?.types.map((t) => [t.code, t.extra]),
          [
            ["area", '{"CFItemType":"Area of practice"}'],
            ["ksa", null],
          ],
        );
        assert.equal(
          casedRows?.items.find((i) => i.id === cased.items[2].id)?.extra,
          '{"notes":"kept from the source"}',
        );

        // The copy: its edition's provenance, and every item copied from upstream knows its source.
        const copyContent = await readEditionRows(db, copyEdition);
        assert.deepEqual(copyContent?.adoptedFrom, adoptedFrom);
        const sources = await db
          .selectFrom("items")
          .select(["id", "source_item_id"])
          .where("framework_id", "=", copyId)
          .execute();
        const expectedSource = new Map(starter.items.slice(0, 40).map((i) => [localItemId(copyId, i.id), i.id]));
        for (const row of sources) assert.equal(row.source_item_id, expectedSource.get(row.id) ?? null, row.id);
        for (const item of copyContent?.items ?? [])
          assert.equal(item.source_item_id, expectedSource.get(item.id) ?? null);
        const copyStored = await findEdition(db, copyId, 1);
        assert.ok(copyStored);
        assert.deepEqual(await readEditionContent(db, copyStored), copyContent);

        // Nothing for the draft.
        const { rows: drafts } = await sql<{
          n: number;
        }>`select count(*) as n from editions where framework_id = ${"d4000000-0000-4000-8000-000000000004"}`.execute(
          db,
        );
        assert.equal(Number(drafts[0].n), 0);

        // Back to 007: each snapshot in the old format again, saying what it said.
        assert.equal((await upTo007(db)).error, undefined);
        const { rows: back } = await sql<{ id: string; snapshot: string }>`select id, snapshot from editions`.execute(
          db,
        );
        const again = new Map(back.map((r) => [r.id, JSON.parse(r.snapshot)]));
        assert.deepEqual(again.get(e1Id).children, e1.children);
        assert.deepEqual(again.get(e2Id).children, e2.children);
        assert.deepEqual(again.get(e2Id).case, caseData);
        assert.deepEqual(again.get(copyEdition).adoptedFrom, adoptedFrom);
      } finally {
        await database.close();
      }
    });

    test("an unreadable snapshot stops the upgrade, naming its edition, with nothing changed", async () => {
      const database = await openEmptyDatabase(dialect);
      const db = database.db;
      try {
        assert.equal((await upTo007(db)).error, undefined);
        const f = smallFramework("f5000000-0000-4000-8000-000000000005", "broken");
        await insertFramework(db, f);
        const good = legacySnapshot(f);
        await insertLegacyEdition(db, f.framework.id, 1, good);
        const broken = await insertLegacyEdition(db, f.framework.id, 2, {
          ...good,
          children: [{ id: "x", type: "ksa" }],
        });

        const migrator = new Migrator({
          db,
          migrationTableSchema: await migrationSchema(db),
          provider: { getMigrations: async () => migrations },
        });
        const failed = await migrator.migrateToLatest();
        assert.match(
          String(failed.error),
          new RegExp(
            `edition 2 of framework ${f.framework.id} \\(editions.id ${broken}\\) is unreadable at children\\.0\\.`,
          ),
        );
        // Nothing of 008 is left behind (no table, no column), so the same upgrade can run again.
        // (On PostgreSQL, this test's schema only: other tests' schemas sit in the same database.)
        const schema = await migrationSchema(db);
        const tables = (await db.introspection.getTables()).filter((t) => !schema || t.schema === schema);
        assert.equal(
          tables.some((t) => t.name === "published_items"),
          false,
        );
        assert.equal(
          tables.find((t) => t.name === "editions")?.columns.some((c) => c.name === "case_data"),
          false,
        );

        await db
          .updateTable("editions")
          .set({ snapshot: JSON.stringify(good) })
          .where("id", "=", broken)
          .execute();
        assert.equal((await migrator.migrateToLatest()).error, undefined);
        const { rows } = await sql<{ n: number }>`select count(*) as n from published_items`.execute(db);
        assert.equal(Number(rows[0].n), 2 * f.items.length);
      } finally {
        await database.close();
      }
    });
  });
}
