/**
 * The default proficiency scale in CASE (decision 035): a framework's export carries one CFRubric
 * per competency that has level descriptors on the default scale, valid against the strict CASE 1.1
 * package schema, linked to the competency, one level per scale level; organisation scales stay
 * out; the package imports into an empty database and exports the same rubrics again; the CASE API
 * serves them.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";
import { hasErrors } from "../../src/interop/model.ts";
import { COMMAND_LINE } from "../../src/people/organisations/changes.ts";
import { DEFAULT_SCALE_ID, readScale } from "../../src/profiles/scales/read.ts";
import { chooseScale, saveLevelDescriptors } from "../../src/profiles/scales/store.ts";
import { makeTestApp, openTestDatabase, testDialects } from "../support/app.ts";
import { insertOrganisation } from "../support/people.ts";
import { type AnyJson, caseSkip, exportDraft, validatePackage } from "./case-support.ts";

const partnership = new Map([
  [3, { en: "Runs a partnership on their own", fr: "Mène seul un partenariat" }],
  [5, { en: "Sets the partnership strategy", fr: "" }],
]);

/** The starter's first three competencies (reading order aside: by id, stable). */
async function competencies(db: Kysely<DB>) {
  const framework = await findFrameworkBySlug(db, "public-library-staff");
  assert.ok(framework);
  const items = await db
    .selectFrom("items")
    .innerJoin("item_types", "item_types.id", "items.type_id")
    .select(["items.id", "items.code"])
    .where("items.framework_id", "=", framework.id)
    .where("item_types.code", "=", "competency")
    .orderBy("items.id")
    .limit(3)
    .execute();
  return { frameworkId: framework.id, items };
}

async function describeCompetencies(db: Kysely<DB>) {
  const { frameworkId, items } = await competencies(db);
  const [first, second, third] = items;
  assert.ok(first && second && third, "the starter has three competencies");
  await saveLevelDescriptors(db, DEFAULT_SCALE_ID, frameworkId, first.id, partnership, COMMAND_LINE);
  await saveLevelDescriptors(
    db,
    DEFAULT_SCALE_ID,
    frameworkId,
    second.id,
    new Map([[1, { en: "Asks", fr: "Demande" }]]),
    COMMAND_LINE,
  );
  // An organisation's own descriptors, on its own scale: never in the public package.
  const org = await insertOrganisation(db, "rubric-org");
  const own = await chooseScale(db, org, "own", COMMAND_LINE);
  await saveLevelDescriptors(
    db,
    own.id,
    frameworkId,
    third.id,
    new Map([[2, { en: "Private", fr: "Privé" }]]),
    COMMAND_LINE,
  );
  return { frameworkId, first, second, third };
}

// The export's and import's SQL runs on every dialect in case-roundtrip.test.ts and the scale's in
// scale-store.test.ts; this file checks what the package says, on the first dialect (a second,
// PGlite with the starter twice over, would take it past a minute on a busy machine).
for (const dialect of testDialects().slice(0, 1)) {
  describe(`the default scale as CASE CFRubrics (${dialect})`, { skip: caseSkip }, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    before(async () => {
      database = await openTestDatabase(dialect, { starter: true });
    });
    after(() => database.close());

    it("exports one valid rubric per described competency, linked to it, with every level; imports back the same", async () => {
      const db = database.db;
      const { frameworkId, first, second } = await describeCompetencies(db);
      const scale = await readScale(db, DEFAULT_SCALE_ID);
      assert.ok(scale);
      const exported = await exportDraft(db, frameworkId);
      const validity = validatePackage(exported);
      assert.ok(validity.ok, validity.errors);

      const rubrics = exported.CFRubrics as AnyJson[];
      assert.equal(rubrics.length, 2, "two competencies have descriptors; the organisation's stay out");
      assert.ok(!JSON.stringify(exported).includes("Private"));
      const items = new Map((exported.CFItems as AnyJson[]).map((i) => [i.identifier, i]));
      const byItem = new Map(rubrics.map((r) => [r.CFRubricCriteria[0].CFItemURI.identifier, r]));
      assert.deepEqual([...byItem.keys()].sort(), [first.id, second.id].sort());
      const rubric = byItem.get(first.id) as AnyJson;
      const [criterion] = rubric.CFRubricCriteria;
      assert.equal(criterion.CFItemURI.uri, items.get(first.id)?.uri, "the criterion links to the exported item");
      assert.equal(criterion.rubricId, rubric.identifier);
      const levels = criterion.CFRubricCriterionLevels as AnyJson[];
      assert.deepEqual(
        levels.map((l) => [l.score, l.quality]),
        scale.levels.map((l) => [l.number, l.label.en]),
      );
      assert.equal(levels[2]?.description, "Runs a partnership on their own");
      assert.equal(levels[2]?.extensions[0].skillshelf.translations.fr.description, "Mène seul un partenariat");
      assert.equal(levels[0]?.description, scale.levels[0]?.descriptor.en, "a level without its own: the general one");
      assert.equal(
        levels[4]?.extensions[0].skillshelf.translations.fr.description,
        scale.levels[4]?.descriptor.fr,
        "French missing for this competency: the general French descriptor",
      );
      assert.ok(levels.every((l) => l.rubricCriterionId === criterion.identifier));
      assert.deepEqual(await exportDraft(db, frameworkId), exported, "the same text every time");

      // Into an empty database: the rubrics are kept, and the export carries them again, unchanged.
      const other = await openTestDatabase(dialect);
      try {
        const parsed = parseCasePackage(JSON.stringify(exported));
        assert.ok(parsed.value && !hasErrors(parsed.problems), JSON.stringify(parsed.problems));
        const outcome = await importFramework(other.db, parsed.value);
        assert.ok(outcome.ok);
        const kept = await other.db.selectFrom("case_definitions").select("id").where("kind", "=", "rubric").execute();
        assert.equal(kept.length, 2);
        const again = await exportDraft(other.db, outcome.report.frameworkId);
        assert.deepEqual(again.CFRubrics, exported.CFRubrics);

        // And back where it came from: the kept copies are replaced by the current rubrics, not repeated.
        const home = await importFramework(db, parseCasePackage(JSON.stringify(again)).value as never);
        assert.ok(home.ok);
        assert.equal((await exportDraft(db, frameworkId)).CFRubrics.length, 2);
      } finally {
        await other.close();
      }
    });
  });
}

describe("the CASE API serves the default scale's rubrics", { skip: caseSkip }, () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  before(async () => {
    t = await makeTestApp({ dialect: testDialects()[0], env: { BASE_URL: "https://index.example.org" } });
  });
  after(() => t.close());

  it("in the package and by identifier", async () => {
    const { frameworkId, first } = await describeCompetencies(t.db);
    const pkg = (await (await t.app.request(`/ims/case/v1p1/CFPackages/${frameworkId}`)).json()) as AnyJson;
    const rubric = (pkg.CFRubrics as AnyJson[] | undefined)?.find(
      (r) => r.CFRubricCriteria[0].CFItemURI.identifier === first.id,
    );
    assert.ok(rubric, "the package has the competency's rubric");
    const one = await t.app.request(`/ims/case/v1p1/CFRubrics/${rubric.identifier}`);
    assert.equal(one.status, 200);
    const body = (await one.json()) as AnyJson;
    assert.equal(body.CFRubricCriteria[0].CFItemURI.identifier, first.id);
  });
});
