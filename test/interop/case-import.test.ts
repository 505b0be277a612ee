/**
 * The import writer on every test database: in-place updates with a change report, all or nothing
 * (a failure half-way leaves every table exactly as it was), dry runs, hostile input never written.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { syntheticCasePackage } from "../../bench/case/synthetic.ts";
import type { Database } from "../../src/db/connect.ts";
import { uuidV5 } from "../../src/db/uuid.ts";
import type { CasePackage } from "../../src/interop/case/model.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importChecked, importFramework } from "../../src/interop/import.ts";
import { hasErrors, type ImportedFramework, type ImportedItem } from "../../src/interop/model.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { caseSkip, countRows, exportDraft, MALFORMED, readSample, snapshotTables } from "./case-support.ts";

const parsed = (text: string): CasePackage => {
  const result = parseCasePackage(text);
  assert.ok(result.value && !hasErrors(result.problems), JSON.stringify(result.problems.slice(0, 5)));
  return result.value;
};

// biome-ignore lint/suspicious/noExplicitAny: a package edited by hand in the tests
type Json = Record<string, any>;

/** A framework of 60 items, then the same with one statement changed, one leaf gone, one added. */
function versions(seed: string) {
  const v1 = JSON.parse(syntheticCasePackage(60, { seed })) as Json;
  const v2 = structuredClone(v1);
  const changed = v2.CFItems[5];
  changed.fullStatement = "A new wording.";
  changed.lastChangeDateTime = "2025-01-01T00:00:00Z";
  const removed = v2.CFItems.pop();
  v2.CFAssociations = v2.CFAssociations.filter((a: Json) => a.originNodeURI.identifier !== removed.identifier);
  const added = {
    ...structuredClone(v2.CFItems[10]),
    identifier: uuidV5(`${seed}added-item`),
    humanCodingScheme: "new",
    fullStatement: "Added.",
  };
  v2.CFItems.push(added);
  v2.CFAssociations.push({
    ...structuredClone(v2.CFAssociations[10]),
    identifier: uuidV5(`${seed}added-association`),
    sequenceNumber: 999, // after its siblings: nobody else moves
    originNodeURI: { title: "new", identifier: added.identifier, uri: `https://c.example/CFItems/${added.identifier}` },
  });
  return { v1, v2, changed, removed, added, addedAssociation: uuidV5(`${seed}added-association`) };
}

async function installFailure(database: Database, associationId: string) {
  if (database.dialect === "sqlite") {
    await sql`CREATE TRIGGER case_boom BEFORE INSERT ON case_associations WHEN NEW.id = ${sql.lit(associationId)} BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(
      database.db,
    );
  } else {
    await sql
      .raw(
        `CREATE FUNCTION case_boom() RETURNS trigger AS $$ BEGIN IF NEW.id = '${associationId}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      )
      .execute(database.db);
    await sql`CREATE TRIGGER case_boom BEFORE INSERT ON case_associations FOR EACH ROW EXECUTE FUNCTION case_boom()`.execute(
      database.db,
    );
  }
}

async function removeFailure(database: Database) {
  if (database.dialect === "sqlite") await sql`DROP TRIGGER case_boom`.execute(database.db);
  else {
    await sql`DROP TRIGGER case_boom ON case_associations`.execute(database.db);
    await sql`DROP FUNCTION case_boom()`.execute(database.db);
  }
}

for (const dialect of testDialects()) {
  describe(`CASE import writer on ${dialect}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database.close());

    it("updates in place and reports what changed", async () => {
      const { v1, v2, changed, removed, added } = versions("in-place:");
      const first = await importFramework(database.db, parsed(JSON.stringify(v1)));
      assert.ok(first.ok);
      assert.equal(first.report.created, true);
      assert.deepEqual(first.report.items, { added: 60, updated: 0, removed: 0, unchanged: 0 });
      const framework = await database.db
        .selectFrom("frameworks")
        .select(["status", "slug"])
        .where("id", "=", first.report.frameworkId)
        .executeTakeFirstOrThrow();
      assert.equal(framework.status, "draft", "an import starts as a draft");

      const second = await importFramework(database.db, parsed(JSON.stringify(v2)));
      assert.ok(second.ok);
      assert.equal(second.report.created, false);
      assert.equal(second.report.slug, framework.slug);
      assert.deepEqual(second.report.items, { added: 1, updated: 1, removed: 1, unchanged: 58 });
      assert.deepEqual(second.report.associations, {
        added: 1,
        updated: 0,
        removed: 1,
        unchanged: first.report.associations.added - 1,
      });
      const row = await database.db
        .selectFrom("items")
        .select(["statement_en", "updated_at", "version"])
        .where("id", "=", changed.identifier)
        .executeTakeFirstOrThrow();
      assert.equal(row.statement_en, "A new wording.");
      assert.equal(row.updated_at, "2025-01-01T00:00:00.000Z");
      assert.equal(Number(row.version), 2, "an editor holding the old version cannot overwrite the import");
      assert.equal(
        await database.db.selectFrom("items").select("id").where("id", "=", removed.identifier).executeTakeFirst(),
        undefined,
      );
      assert.ok(
        await database.db.selectFrom("items").select("id").where("id", "=", added.identifier).executeTakeFirst(),
      );

      const third = await importFramework(database.db, parsed(JSON.stringify(v2)));
      assert.ok(third.ok);
      assert.deepEqual(third.report.items, { added: 0, updated: 0, removed: 0, unchanged: 60 });
    });

    it("leaves every table exactly as it was when the import fails half-way", async () => {
      const { v1, v2, addedAssociation } = versions("all-or-nothing:");
      assert.ok((await importFramework(database.db, parsed(JSON.stringify(v1)))).ok);
      const before = await snapshotTables(database.db);
      // The new association is written after the items: failing there proves the items roll back.
      await installFailure(database, addedAssociation);
      try {
        await assert.rejects(importFramework(database.db, parsed(JSON.stringify(v2))), /boom/);
        assert.deepEqual(await snapshotTables(database.db), before);
        // A new framework that fails leaves no trace either.
        const fresh = structuredClone(v2);
        fresh.CFDocument.identifier = uuidV5("all-or-nothing:new framework");
        fresh.CFItems = fresh.CFItems.map((i: Json) => ({ ...i, identifier: uuidV5(`moved:${i.identifier}`) }));
        const moved = (end: Json) =>
          end.identifier === v2.CFDocument.identifier
            ? { ...end, identifier: fresh.CFDocument.identifier }
            : end.uri.includes("/CFItems/")
              ? { ...end, identifier: uuidV5(`moved:${end.identifier}`) }
              : end;
        fresh.CFAssociations = fresh.CFAssociations.map((a: Json) => ({
          ...a,
          originNodeURI: moved(a.originNodeURI),
          destinationNodeURI: moved(a.destinationNodeURI),
        }));
        await assert.rejects(importFramework(database.db, parsed(JSON.stringify(fresh))), /boom/);
        assert.deepEqual(await snapshotTables(database.db), before);
      } finally {
        await removeFailure(database);
      }
    });

    it("dry run reports the same changes and writes nothing", async () => {
      const { v1, v2 } = versions("dry-run:");
      const onlyDry = await importFramework(database.db, parsed(JSON.stringify(v1)), { dryRun: true });
      assert.ok(onlyDry.ok && onlyDry.report.dryRun && onlyDry.report.created);
      assert.ok((await importFramework(database.db, parsed(JSON.stringify(v1)))).ok);
      const before = await snapshotTables(database.db);
      const dry = await importFramework(database.db, parsed(JSON.stringify(v2)), { dryRun: true });
      assert.deepEqual(await snapshotTables(database.db), before);
      const real = await importFramework(database.db, parsed(JSON.stringify(v2)));
      assert.ok(dry.ok && real.ok);
      assert.deepEqual({ ...dry.report, dryRun: false }, real.report);
    });

    it("refuses items that belong to another framework, writing nothing", async () => {
      const { v1 } = versions("owner:");
      assert.ok((await importFramework(database.db, parsed(JSON.stringify(v1)))).ok);
      const thief = structuredClone(v1);
      thief.CFDocument.identifier = "0f000000-0000-4000-8000-000000000000";
      thief.CFAssociations = thief.CFAssociations.map((a: Json) =>
        a.destinationNodeURI.identifier === v1.CFDocument.identifier
          ? { ...a, destinationNodeURI: { ...a.destinationNodeURI, identifier: thief.CFDocument.identifier } }
          : a,
      );
      const before = await snapshotTables(database.db);
      const outcome = await importFramework(database.db, parsed(JSON.stringify(thief)));
      assert.equal(outcome.ok, false);
      assert.ok(!outcome.ok && outcome.problems.every((p) => p.code === "import.items_in_other_framework"));
      assert.deepEqual(await snapshotTables(database.db), before);
    });

    it("publishes an edition when asked, in the same transaction", async () => {
      const { v1 } = versions("publish:");
      const outcome = await importFramework(database.db, parsed(JSON.stringify(v1)), {
        publish: { en: "Imported from CASE", fr: "Importé de CASE" },
      });
      assert.ok(outcome.ok);
      assert.equal(outcome.report.published, 1);
      const framework = await database.db
        .selectFrom("frameworks")
        .select("status")
        .where("id", "=", outcome.report.frameworkId)
        .executeTakeFirstOrThrow();
      assert.equal(framework.status, "published");
    });

    it("a spreadsheet-like import of the same items keeps what CASE brought", async () => {
      const { v1 } = versions("keep-extra:");
      const casePackage = parsed(JSON.stringify(v1));
      const first = await importFramework(database.db, casePackage);
      assert.ok(first.ok);
      const exported = await exportDraft(database.db, first.report.frameworkId);
      const strip = (items: ImportedItem[]): ImportedItem[] =>
        items.map(({ extra: _extra, ...i }) => ({ ...i, children: strip(i.children) }));
      const plain: ImportedFramework = {
        ...casePackage.framework,
        extra: undefined,
        itemTypes: casePackage.framework.itemTypes.map(({ extra: _extra, ...t }) => t),
        children: strip(casePackage.framework.children),
      };
      const second = await importFramework(database.db, plain);
      assert.ok(second.ok);
      assert.equal(second.report.items.updated, 0);
      assert.deepEqual(await exportDraft(database.db, first.report.frameworkId), exported);
    });

    it("never writes the malformed sample", { skip: caseSkip }, async () => {
      const before = await countRows(database.db);
      const outcome = await importChecked(database.db, parseCasePackage(readSample(MALFORMED)));
      assert.equal(outcome.ok, false);
      assert.deepEqual(await countRows(database.db), before);
    });
  });
}

describe("CASE import: hostile packages never half-write (fast-check, SQLite)", () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase("sqlite");
  });
  after(() => database.close());

  const base = JSON.parse(syntheticCasePackage(30, { seed: "hostile:" })) as Json;
  const damage = fc.oneof(
    fc.record({
      kind: fc.constant("wrong-type"),
      at: fc.nat(29),
      field: fc.constantFrom("fullStatement", "identifier", "lastChangeDateTime", "humanCodingScheme"),
      value: fc.oneof(fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 }), fc.array(fc.nat())),
    }),
    fc.record({ kind: fc.constant("cycle"), at: fc.nat(29), to: fc.nat(29) }),
    fc.record({ kind: fc.constant("duplicate"), at: fc.nat(29), to: fc.nat(29) }),
    fc.record({ kind: fc.constant("huge"), at: fc.nat(29) }),
    fc.record({
      kind: fc.constant("missing"),
      at: fc.nat(29),
      field: fc.constantFrom("identifier", "uri", "lastChangeDateTime", "fullStatement"),
    }),
    fc.record({ kind: fc.constant("dangling"), at: fc.nat(29) }),
  );

  function apply(source: Json, d: Json): Json {
    const pkg = structuredClone(source);
    const item = pkg.CFItems[d.at];
    const parentLink = pkg.CFAssociations.find(
      (a: Json) => a.associationType === "isChildOf" && a.originNodeURI.identifier === item.identifier,
    );
    if (!parentLink && (d.kind === "cycle" || d.kind === "dangling")) return pkg; // already cut loose
    switch (d.kind) {
      case "wrong-type":
        item[d.field] = d.value;
        break;
      case "cycle":
        parentLink.destinationNodeURI = { ...parentLink.destinationNodeURI, identifier: pkg.CFItems[d.to].identifier };
        break;
      case "duplicate":
        pkg.CFItems[d.to] = { ...structuredClone(item), fullStatement: `${item.fullStatement} (copy)` };
        break;
      case "huge":
        item.fullStatement = "x".repeat(150_000);
        break;
      case "missing":
        delete item[d.field];
        break;
      case "dangling":
        parentLink.originNodeURI = { ...parentLink.originNodeURI, identifier: "0d000000-0000-4000-8000-000000000000" };
        break;
    }
    return pkg;
  }

  it("either imports the whole package or writes nothing at all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async (damages) => {
        const pkg = damages.reduce(apply, base);
        const before = await countRows(database.db);
        const result = parseCasePackage(JSON.stringify(pkg));
        const outcome = await importChecked(database.db, result);
        if (hasErrors(result.problems)) {
          assert.equal(outcome.ok, false);
          assert.deepEqual(await countRows(database.db), before);
          return;
        }
        // No error (e.g. a duplicate, or a cycle that is only an item moved): the whole of it is in.
        assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problems));
        const count = await database.db
          .selectFrom("items")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("framework_id", "=", outcome.report.frameworkId)
          .executeTakeFirstOrThrow();
        const walk = (items: ImportedItem[]): number => items.reduce((n, i) => n + 1 + walk(i.children), 0);
        assert.equal(Number(count.n), walk(result.value?.framework.children ?? []));
      }),
      { numRuns: 40 },
    );
  });
});
