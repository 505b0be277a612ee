/**
 * The store on every database: SQLite, PGlite, and a real PostgreSQL when TEST_DATABASE_URL is set
 * (CI). The same calls must give the same results on each.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { loadStarterFramework, starterRows } from "../../src/content/load-starter.ts";
import type { ContentNode } from "../../src/content/schema.ts";
import { loadStarterContent, type StarterContent } from "../../src/content/starter.ts";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import {
  bumpContentRevision,
  findFrameworkBySlug,
  listFrameworks,
  listItemRows,
  listItemTypes,
  readContentRevision,
} from "../../src/frameworks/store.ts";
import { buildTree, type ItemRow, type TreeNode, walk } from "../../src/frameworks/tree.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const starter = loadStarterContent();
const rows = starterRows(starter, "2030-01-01T00:00:00.000Z");

/** A deep copy of the starter content, changed by `edit`. */
function editedStarter(edit: (content: StarterContent) => void): StarterContent {
  const copy = structuredClone(starter);
  edit(copy);
  return copy;
}

/** Content whose very last item repeats an earlier code, hence an earlier id: the insert fails late,
 * after earlier batches of the same load went in (the starter has over a thousand items). */
const duplicateAtTheEnd = editedStarter((content) => {
  const lastCategory = content.categories.at(-1) as ContentNode;
  const lastArea = lastCategory.children?.at(-1) as ContentNode;
  const lastCompetency = lastArea.children?.at(-1) as ContentNode;
  const firstKsa = content.categories[0].children?.[0].children?.[0].children?.[0] as ContentNode;
  lastCompetency.children?.push(structuredClone(firstKsa));
});

/** SQLite says "UNIQUE constraint failed", PostgreSQL "duplicate key value violates unique constraint". */
const DUPLICATE_KEY = /unique constraint|duplicate key/i;

/** What a reader sees of a tree, in order: depth, code, type, texts, dates. */
function shape(nodes: TreeNode[]): string[] {
  return [...walk(nodes)].map((n) =>
    [
      n.depth,
      n.code,
      n.type,
      n.position,
      n.statement.en,
      n.statement.fr,
      n.description.en,
      n.description.fr,
      n.updatedAt,
      n.lastUpdated,
    ].join("|"),
  );
}

/** The tree built straight from the rows in memory: what every database must give back. */
const typeCodes = new Map(rows.itemTypes.map((t) => [t.id, t.code]));
const expectedTree = buildTree(
  rows.items.map(
    (item): ItemRow => ({
      id: item.id,
      parent_id: item.parent_id ?? null,
      type_code: typeCodes.get(item.type_id) as string,
      code: item.code ?? null,
      position: item.position,
      statement_en: item.statement_en ?? null,
      statement_fr: item.statement_fr ?? null,
      description_en: item.description_en ?? null,
      description_fr: item.description_fr ?? null,
      updated_at: item.updated_at,
    }),
  ),
);

async function counts(database: Database) {
  const count = async (table: "frameworks" | "items" | "item_types") =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { frameworks: await count("frameworks"), itemTypes: await count("item_types"), items: await count("items") };
}

for (const dialect of testDialects()) {
  describe(`store on ${dialect}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(async () => {
      await database?.close();
    });

    test("migrations applied: tables exist and are empty; running them again changes nothing", async () => {
      assert.deepEqual(await counts(database), { frameworks: 0, itemTypes: 0, items: 0 });
      assert.equal(await readContentRevision(database.db), 0);
      assert.deepEqual(await migrateToLatest(database.db), { applied: [] });
      const migrations = await database.db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .orderBy("name" as never)
        .execute();
      const names = migrations.map((m) => (m as { name: string }).name);
      assert.equal(names[0], "001_frameworks");
      assert.equal(new Set(names).size, names.length, "each migration recorded once");
    });

    // SQLite has no schemas: the test exists for PGlite and PostgreSQL only (not a skip, which CI refuses).
    const schemaTest = dialect === "sqlite" ? () => {} : test;
    schemaTest("another schema of the same database gets its own migrations", async () => {
      if (dialect === "postgres") {
        // openTestDatabase gives each caller its own schema, migrated while this one exists.
        const other = await openTestDatabase("postgres");
        try {
          assert.deepEqual(await counts(other), { frameworks: 0, itemTypes: 0, items: 0 });
        } finally {
          await other.close();
        }
        return;
      }
      // PGlite has one session: move it to a new schema, migrate, and come back.
      await sql`create schema second`.execute(database.db);
      await sql`set search_path to second`.execute(database.db);
      try {
        const report = await migrateToLatest(database.db);
        assert.equal(report.applied[0], "001_frameworks", "all migrations applied in the new schema");
        const { rows: tables } = await sql<{ n: number }>`
          select count(*)::int as n from information_schema.tables
          where table_schema = 'second' and table_name in ('frameworks', 'items', 'kysely_migration')`.execute(
          database.db,
        );
        assert.equal(tables[0].n, 3);
      } finally {
        await sql`set search_path to public`.execute(database.db);
        await sql`drop schema second cascade`.execute(database.db);
      }
    });

    test("a load that fails midway leaves nothing behind (one transaction)", async () => {
      await assert.rejects(loadStarterFramework(database.db, { content: duplicateAtTheEnd }), DUPLICATE_KEY);
      assert.deepEqual(await counts(database), { frameworks: 0, itemTypes: 0, items: 0 });
      assert.equal(await readContentRevision(database.db), 0, "the revision was not bumped");
    });

    test("first load: every item in, revision 1", async () => {
      const result = await loadStarterFramework(database.db);
      assert.deepEqual(result, { outcome: "loaded", items: rows.items.length, slug: starter.framework.slug });
      assert.deepEqual(await counts(database), { frameworks: 1, itemTypes: 4, items: rows.items.length });
      assert.equal(await readContentRevision(database.db), 1);
    });

    test("second load without replace: present, nothing written", async () => {
      const result = await loadStarterFramework(database.db);
      assert.equal(result.outcome, "present");
      assert.equal(result.items, 0);
      assert.deepEqual(await counts(database), { frameworks: 1, itemTypes: 4, items: rows.items.length });
      assert.equal(await readContentRevision(database.db), 1);
    });

    test("a replace that fails midway keeps the old framework whole", async () => {
      const before = shape(buildTree(await listItemRows(database.db, rows.framework.id)).roots);
      await assert.rejects(
        loadStarterFramework(database.db, { content: duplicateAtTheEnd, replace: true }),
        DUPLICATE_KEY,
      );
      assert.deepEqual(await counts(database), { frameworks: 1, itemTypes: 4, items: rows.items.length });
      assert.deepEqual(shape(buildTree(await listItemRows(database.db, rows.framework.id)).roots), before);
      assert.equal(await readContentRevision(database.db), 1);
    });

    test("replace: the framework is rewritten, no duplicates, revision bumped", async () => {
      const result = await loadStarterFramework(database.db, { replace: true });
      assert.equal(result.outcome, "replaced");
      assert.deepEqual(await counts(database), { frameworks: 1, itemTypes: 4, items: rows.items.length });
      assert.equal(await readContentRevision(database.db), 2);
    });

    test("the framework row reads back as written", async () => {
      const [framework] = await listFrameworks(database.db);
      assert.equal(framework.id, rows.framework.id);
      assert.deepEqual(await findFrameworkBySlug(database.db, starter.framework.slug), framework);
      assert.equal(await findFrameworkBySlug(database.db, "no-such-framework"), undefined);
      assert.equal(framework.title_fr, rows.framework.title_fr);
      assert.equal(framework.updated_at, rows.framework.updated_at);
      const types = await listItemTypes(database.db, framework.id);
      assert.deepEqual(
        types.map((t) => [t.code, Number(t.position)]),
        [
          ["category", 1],
          ["area", 2],
          ["competency", 3],
          ["ksa", 4],
        ],
      );
    });

    test("listItemRows + buildTree give the same tree as the content, on this database too", async () => {
      const itemRows = await listItemRows(database.db, rows.framework.id);
      for (const row of itemRows.slice(0, 20)) {
        assert.equal(typeof row.position, "number");
        assert.equal(typeof row.updated_at, "string");
      }
      const tree = buildTree(itemRows);
      assert.deepEqual(tree.detached, []);
      assert.deepEqual(shape(tree.roots), shape(expectedTree.roots));
      assert.equal(
        tree.byId.get(rows.items.find((i) => i.code === "ML.CR")?.id as string)?.lastUpdated,
        "2026-11-30T12:00:00.000Z",
      );
    });

    test("the catalog sees a change made behind its back, once its revision check runs", async () => {
      const catalog = createCatalog(database.db, { checkIntervalMs: 60_000 });
      const before = await catalog.get(starter.framework.slug);
      assert.equal(before?.byKey.get("ML.CR")?.statement.en, "Community Relations");

      const renamed = editedStarter((content) => {
        const cr = content.categories.flatMap((c) => c.children ?? []).find((a) => a.code === "ML.CR") as ContentNode;
        cr.en.statement = "Community Relations (revised)";
      });
      // Written with its own catalog-free call, as the CLI in another process would.
      await loadStarterFramework(database.db, { content: renamed, replace: true });

      // Within the check interval the cached view is served (no query per request)…
      assert.equal(
        (await catalog.get(starter.framework.slug))?.byKey.get("ML.CR")?.statement.en,
        "Community Relations",
      );
      // …and a catalog that checks every time sees the new revision and rebuilds.
      const eager = createCatalog(database.db, { checkIntervalMs: 0 });
      assert.equal(
        (await eager.get(starter.framework.slug))?.byKey.get("ML.CR")?.statement.en,
        "Community Relations (revised)",
      );
      catalog.invalidate();
      assert.equal(
        (await catalog.get(starter.framework.slug))?.byKey.get("ML.CR")?.statement.en,
        "Community Relations (revised)",
      );
      assert.equal(await catalog.revision(), await readContentRevision(database.db));
    });

    test("the catalog shows published frameworks only", async () => {
      const catalog = createCatalog(database.db, { checkIntervalMs: 0 });
      assert.ok(await catalog.primary());
      await database.db.transaction().execute(async (trx) => {
        await trx.updateTable("frameworks").set({ status: "draft" }).where("id", "=", rows.framework.id).execute();
        await bumpContentRevision(trx);
      });
      assert.equal(await catalog.get(starter.framework.slug), undefined);
      assert.deepEqual(await catalog.list(), []);
      assert.equal(await catalog.primary(), undefined);
    });
  });
}

describe("store on SQLite files", () => {
  test("a change through a second connection reaches a catalog on the first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skillshelf-store-"));
    const file = join(dir, "shared.db");
    const server = await openDatabase(file);
    const cli = await openDatabase(file);
    try {
      await migrateToLatest(server.db);
      assert.deepEqual(
        await migrateToLatest(cli.db),
        { applied: [] },
        "migrations already applied by the other connection",
      );
      const catalog = createCatalog(server.db, { checkIntervalMs: 0 });
      assert.equal(await catalog.primary(), undefined);
      await loadStarterFramework(cli.db);
      const view = await catalog.primary();
      assert.equal(view?.itemCount, rows.items.length);
    } finally {
      await server.close();
      await cli.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
