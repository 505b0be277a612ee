/**
 * Migration 004 writes edition 1 with its own frozen copy of the snapshot (migrations are history);
 * migration 008 later turns that snapshot into rows with its own frozen reader. Whatever today's code
 * becomes, today's readers must show that edition as the rows were: the same framework, types and
 * tree as a view built from the rows themselves. Generated frameworks are put in a database from
 * before editions, upgraded through every migration, and read through the Catalog (both databases).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { type Kysely, Migrator } from "kysely";
import type { Database } from "../../src/db/connect.ts";
import { migrationSchema, migrations } from "../../src/db/migrate.ts";
import { snapshotAt004 } from "../../src/db/migrations/004_editions.snapshot.ts";
import type { Framework, ItemType } from "../../src/db/schema.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { assembleView } from "../../src/editions/content.ts";
import { editionLabel } from "../../src/editions/label.ts";
import { frameworkJson } from "../../src/frameworks/json.ts";
import type { ItemRow } from "../../src/frameworks/tree.ts";
import { openEmptyDatabase, testDialects } from "../support/app.ts";

// Each generated framework goes through one upgrade of one database: the count bounds the cost.
const FC_RUNS = Number(process.env.FC_RUNS ?? 40);

const time = fc
  .integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") })
  .map((ms) => new Date(ms).toISOString());
const text = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null });
const TYPES = ["category", "area", "competency"];

/** A framework before editions: item rows whose parents are earlier rows (or missing, or none). */
const before004 = fc
  .record({
    framework: fc.record({
      title_en: text,
      title_fr: text,
      description_en: text,
      description_fr: text,
      publisher: text,
      version: fc.constantFrom("", "1.0", "2026"),
      licence: text,
      created_at: time,
      updated_at: time,
      extra: fc.constantFrom(null, "{}", '{"language":"de"}', '{"language":"fr-CA"}', '{"language":"no good"}', "{"),
    }),
    items: fc.array(
      fc.record({
        parent: fc.option(fc.nat(), { nil: null }),
        type: fc.constantFrom(...TYPES),
        code: fc.option(fc.constantFrom("1", "1.2", "1.10", "A", "a", "ML.CR"), { nil: null }),
        position: fc.integer({ min: 1, max: 4 }),
        statement_en: text,
        statement_fr: text,
        description_en: text,
        description_fr: text,
        updated_at: time,
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ framework, items }) => {
    const fw: Framework = { ...framework, id: "fw-1", slug: "old", status: "published" };
    const types: ItemType[] = TYPES.map((code, i) => ({
      id: `t-${code}`,
      framework_id: fw.id,
      code,
      label_en: code,
      label_fr: code.toUpperCase(),
      position: i + 1,
      extra: null,
    }));
    const rows: ItemRow[] = items.map(({ parent, type, ...item }, i) => ({
      ...item,
      id: `item-${i}`,
      // Parents are earlier rows (the database's foreign key allows no other).
      parent_id: parent === null || i === 0 ? null : `item-${parent % i}`,
      type_code: type,
    }));
    return { framework: fw, types, rows };
  });

// biome-ignore lint/suspicious/noExplicitAny: the tables of 001–003, not today's DB interface
type TablesBefore004 = Kysely<any>;

type Before004 = { framework: Framework; types: ItemType[]; rows: ItemRow[] };

/** The same framework under ids and a slug of its own, so many share one database. */
function numbered({ framework, types, rows }: Before004, n: number): Before004 {
  const id = (old: string) => `${n}-${old}`;
  return {
    framework: { ...framework, id: id(framework.id), slug: `${framework.slug}-${n}` },
    types: types.map((t) => ({ ...t, id: id(t.id), framework_id: id(framework.id) })),
    rows: rows.map((r) => ({ ...r, id: id(r.id), parent_id: r.parent_id && id(r.parent_id) })),
  };
}

/** Rows as the tables of 001–003 hold them (what 004 then publishes). */
async function insertBefore004(db: TablesBefore004, { framework, types, rows }: Before004): Promise<void> {
  await db.insertInto("frameworks").values(framework).execute();
  if (types.length > 0)
    await db
      .insertInto("item_types")
      .values(types.map(({ extra: _extra, ...t }) => t))
      .execute();
  const typeId = new Map(types.map((t) => [t.code, t.id]));
  for (const { type_code, ...row } of rows)
    await db
      .insertInto("items")
      .values({ ...row, framework_id: framework.id, type_id: typeId.get(type_code), created_at: row.updated_at })
      .execute();
}

for (const dialect of testDialects())
  describe(`migration 004's frozen snapshot, read today (${dialect})`, () => {
    let database: Database;
    const frameworks = fc.sample(before004, FC_RUNS).map(numbered);
    frameworks.push(
      numbered(
        {
          framework: {
            id: "fw-2",
            slug: "empty",
            title_en: "Empty",
            title_fr: null,
            description_en: null,
            description_fr: null,
            publisher: null,
            version: "",
            status: "published",
            licence: null,
            // Dates out of order: created after the last change.
            created_at: "2026-02-01T00:00:00.000Z",
            updated_at: "2026-01-01T00:00:00.000Z",
            extra: null,
          },
          types: [],
          rows: [],
        },
        FC_RUNS,
      ),
    );

    before(async () => {
      database = await openEmptyDatabase(dialect);
      const migrator = new Migrator({
        db: database.db,
        migrationTableSchema: await migrationSchema(database.db),
        provider: { getMigrations: async () => migrations },
      });
      assert.equal((await migrator.migrateTo("003_accounts")).error, undefined);
      for (const f of frameworks) await insertBefore004(database.db as TablesBefore004, f);
      const upgrade = await migrator.migrateToLatest();
      assert.equal(upgrade.error, undefined, String(upgrade.error));
    });
    after(() => database?.close());

    test("today's readers show edition 1 exactly as the rows were", async () => {
      const catalog = createCatalog(database.db, { checkIntervalMs: 0 });
      for (const { framework, types, rows } of frameworks) {
        const read = await catalog.edition(framework.slug, 1);
        assert.ok(read, `edition 1 of ${framework.slug}`);
        const fromRows = assembleView({ ...framework, version: editionLabel(1) }, types, rows);
        assert.deepEqual(frameworkJson(read), frameworkJson(fromRows));
        assert.deepEqual(read.keys, fromRows.keys);
        assert.equal(read.itemCount, fromRows.itemCount);
      }
    });
  });

describe("migration 004's frozen snapshot itself", () => {
  test("a framework without items, language or dates out of order", () => {
    const framework: Framework = {
      id: "fw-2",
      slug: "empty",
      title_en: "Empty",
      title_fr: null,
      description_en: null,
      description_fr: null,
      publisher: null,
      version: "",
      status: "published",
      licence: null,
      created_at: "2026-02-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
      extra: null,
    };
    const snapshot = snapshotAt004(framework, [], []);
    assert.equal(snapshot.createdAt, "2026-01-01T00:00:00.000Z");
    assert.equal(snapshot.lastUpdated, "2026-01-01T00:00:00.000Z");
    assert.equal("language" in snapshot, false);
    assert.deepEqual(snapshot.children, []);
  });
});
