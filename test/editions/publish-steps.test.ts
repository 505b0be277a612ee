/**
 * Publishing writes an edition in steps (its record with the CASE data, the item rows, then the
 * cache of them: src/editions/store.ts), so a large framework is never held twice. The edition must
 * be exactly what publishing in one go stored: its cache is the text of the draft frozen at once,
 * its CASE data the text of the draft's associations and definitions, and its rows say what the
 * cache says. Generated bilingual CASE packages, imported with --publish and then changed and
 * published again, on both databases.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { syntheticCasePackage } from "../../bench/case/synthetic.ts";
import type { Database } from "../../src/db/connect.ts";
import { freezeDraft } from "../../src/editions/content.ts";
import { readEditionRows } from "../../src/editions/store.ts";
import { readEditionCache, writeEditionCache, writeEditionCaseData } from "../../src/editions/stored.ts";
import { listAssociations, listDefinitions } from "../../src/frameworks/case-store.ts";
import { findFrameworkById, listItemTypesWithExtra, listPublishableRows } from "../../src/frameworks/store.ts";
import type { CasePackage } from "../../src/interop/case/model.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

function parsed(bytes: Uint8Array): CasePackage {
  const result = parseCasePackage(bytes);
  assert.ok(result.value, JSON.stringify(result.problems.slice(0, 3)));
  return result.value;
}
type Json = Record<string, unknown>;

/** What publishing in one go stored for the draft as it is now. */
async function oneGo(database: Database, frameworkId: string) {
  const db = database.db;
  const framework = await findFrameworkById(db, frameworkId);
  assert.ok(framework);
  const content = freezeDraft(
    framework,
    await listItemTypesWithExtra(db, frameworkId),
    await listPublishableRows(db, frameworkId),
  );
  return {
    snapshot: writeEditionCache(content),
    caseData: writeEditionCaseData({
      associations: await listAssociations(db, frameworkId),
      definitions: await listDefinitions(db, frameworkId),
    }),
  };
}

for (const dialect of testDialects()) {
  describe(`publishing in steps stores what publishing in one go did (${dialect})`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database?.close());

    it("for generated bilingual packages imported with --publish, then changed and published again", async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 90 }),
          fc.array(fc.nat(89), { maxLength: 6 }),
          async (size, changed) => {
            const seed = `steps-${dialect}-${run++}:`;
            const source = JSON.parse(syntheticCasePackage(size, { seed })) as Json;
            const publish = { en: "Imported", fr: "Importé" };
            const bytes = (value: Json) => new Uint8Array(Buffer.from(JSON.stringify(value)));
            const first = await importFramework(database.db, parsed(bytes(source)), { publish });
            assert.ok(first.ok, JSON.stringify(!first.ok && first.problems));
            const id = first.report.frameworkId;
            const expected = [await oneGo(database, id)];

            const items = source.CFItems as Json[];
            for (const n of changed) items[n % items.length].fullStatement = `Changed ${n} — révisé`;
            const second = await importFramework(database.db, parsed(bytes(source)), {
              publish: { en: "Changed", fr: "Modifié" },
            });
            assert.ok(second.ok);
            if (second.report.published) expected.push(await oneGo(database, id));
            else assert.equal(changed.length, 0, "a change was published");

            const editions = await database.db
              .selectFrom("editions")
              .select(["id", "number", "snapshot", "case_data"])
              .where("framework_id", "=", id)
              .orderBy("number")
              .execute();
            assert.equal(editions.length, expected.length);
            for (const [k, edition] of editions.entries()) {
              assert.equal(edition.snapshot, expected[k].snapshot, `edition ${edition.number}: its cache`);
              assert.equal(edition.case_data, expected[k].caseData, `edition ${edition.number}: its CASE data`);
              const rows = await readEditionRows(database.db, edition.id);
              assert.deepEqual(rows, readEditionCache(edition.snapshot, { column: "snapshot", row: edition.id }));
              assert.equal(rows?.items.length, size);
            }
          },
        ),
        { numRuns: runs(6) },
      );
    });
  });
}
