/**
 * The scale store on every dialect: choosing the default or an own scale, defining its levels
 * (renumbering carries descriptors and job profile targets along; removing a targeted level is
 * refused and changes nothing), optimistic concurrency, and per-competency descriptors.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { type ChangeAuthor, COMMAND_LINE, listChanges } from "../../src/people/organisations/changes.ts";
import { findCompetency, searchCompetencies } from "../../src/profiles/scales/competencies.ts";
import {
  DEFAULT_SCALE_ID,
  levelDescriptors,
  organisationScale,
  organisationScaleId,
  readScale,
} from "../../src/profiles/scales/read.ts";
import {
  chooseScale,
  LevelInUseError,
  type SaveScale,
  ScaleConflictError,
  ScaleInvalidError,
  saveLevelDescriptors,
  saveOwnScale,
} from "../../src/profiles/scales/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { eightAtOnce, ROUNDS } from "../support/parallel.ts";
import { insertOrganisation } from "../support/people.ts";

const now = "2026-01-01T00:00:00.000Z";

/**
 * A published framework of three competencies, written as rows: the starter would do, but loading
 * it on PGlite costs more than every test here together.
 */
async function publishedFramework(db: Kysely<DB>, n: number) {
  const frameworkId = randomUUID();
  const editionId = randomUUID();
  await db
    .insertInto("frameworks")
    .values({
      id: frameworkId,
      slug: `scales-${n}`,
      title_en: `Scales test ${n}`,
      title_fr: `Essai des échelles ${n}`,
      description_en: null,
      description_fr: null,
      publisher: null,
      version: "1",
      status: "published",
      licence: null,
      created_at: now,
      updated_at: now,
      extra: null,
    })
    .execute();
  await db
    .insertInto("editions")
    .values({
      id: editionId,
      framework_id: frameworkId,
      number: 1,
      summary_en: "First",
      summary_fr: "Première",
      published_at: now,
      published_by: null,
      published_by_label: null,
      title_en: `Scales test ${n}`,
      title_fr: `Essai des échelles ${n}`,
      description_en: null,
      description_fr: null,
      publisher: null,
      licence: null,
      framework_created_at: now,
      framework_updated_at: now,
      extra: null,
      adopted_from_id: null,
      adopted_from_slug: null,
      adopted_from_title_en: null,
      adopted_from_title_fr: null,
      adopted_from_edition: null,
      case_data: null,
      snapshot: "{}",
    })
    .execute();
  await db
    .insertInto("published_item_types")
    .values({
      edition_id: editionId,
      code: "competency",
      type_id: null,
      label_en: "Competency",
      label_fr: "Compétence",
      position: 1,
      extra: null,
    })
    .execute();
  const statements = [
    ["Builds community partnerships", "Noue des partenariats avec la collectivité"],
    ["Plans the branch budget", "Planifie le budget de la succursale"],
    ["Leads reader's advisory", "Dirige le service de conseil aux lecteurs"],
  ];
  const items = statements.map(() => randomUUID()).sort();
  await db
    .insertInto("published_items")
    .values(
      items.map((item_id, i) => ({
        edition_id: editionId,
        item_id,
        parent_id: null,
        type_code: "competency",
        code: `SC${n}.${i + 1}`,
        position: i + 1,
        statement_en: statements[i]?.[0] ?? null,
        statement_fr: statements[i]?.[1] ?? null,
        description_en: null,
        description_fr: null,
        updated_at: now,
        extra: null,
        source_item_id: null,
      })),
    )
    .execute();
  return { frameworkId, editionId, items };
}

let worlds = 0;

async function world(db: Kysely<DB>) {
  const n = ++worlds;
  const org = await insertOrganisation(db, `alpha-${n}`);
  const other = await insertOrganisation(db, `beta-${n}`);
  const { frameworkId, editionId, items } = await publishedFramework(db, n);
  const edition = { id: editionId, framework_id: frameworkId };
  const profile = async (scaleId: string, targets: number[]) => {
    const id = `job-${scaleId.slice(0, 8)}-${targets.join("")}`;
    await db
      .insertInto("job_profiles")
      .values({
        id,
        organisation_id: org,
        code: id,
        title_en: "Library technician",
        title_fr: "Technicienne ou technicien en documentation",
        grade: null,
        summary_en: "",
        summary_fr: "",
        duties: "[]",
        qualifications: "[]",
        working_conditions_en: "",
        working_conditions_fr: "",
        scale_id: scaleId,
        copied_from: null,
        version: 1,
        created_at: now,
        updated_at: now,
        updated_by: null,
      })
      .execute();
    await db
      .insertInto("job_profile_requirements")
      .values(
        targets.map((target_level, i) => ({
          profile_id: id,
          framework_id: edition.framework_id,
          item_id: items[i] as string,
          edition_id: edition.id,
          ordinal: i + 1,
          target_level,
          importance: "essential",
          ksa_ids: null,
        })),
      )
      .execute();
    return id;
  };
  return { org, other, frameworkId, items, profile };
}

const targetsOf = async (db: Kysely<DB>, profileId: string) =>
  (
    await db
      .selectFrom("job_profile_requirements")
      .select("target_level")
      .where("profile_id", "=", profileId)
      .orderBy("ordinal")
      .execute()
  ).map((r) => r.target_level);

const level = (number: number, en: string, fr: string, was?: number | null) => ({
  number,
  label: { en, fr },
  descriptor: { en: `${en}: what it looks like`, fr: `${fr} : à quoi cela ressemble` },
  ...(was === undefined ? {} : { was }),
});

const threeLevels: SaveScale = {
  name: { en: "Alpha scale", fr: "Échelle Alpha" },
  description: { en: "Ours.", fr: "La nôtre." },
  levels: [level(1, "Learning", "Apprentissage"), level(2, "Doing", "Pratique"), level(3, "Leading", "Leadership")],
};

for (const dialect of testDialects()) {
  describe(`scale store (${dialect})`, () => {
    // One database per dialect (each test makes organisations and a framework of its own).
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    before(async () => {
      ({ db, close } = await openTestDatabase(dialect));
    });
    after(() => close());

    it("an organisation uses the default until it chooses its own, which starts as a copy and stays when it goes back", async () => {
      const { org, other } = await world(db);
      assert.equal((await organisationScale(db, org)).id, DEFAULT_SCALE_ID);
      const own = await chooseScale(db, org, "own", COMMAND_LINE);
      const base = (await readScale(db, DEFAULT_SCALE_ID)) as NonNullable<Awaited<ReturnType<typeof readScale>>>;
      assert.notEqual(own.id, DEFAULT_SCALE_ID);
      assert.equal(own.organisationId, org);
      assert.deepEqual(own.levels, base.levels);
      assert.notEqual(own.caseIdentifier, base.caseIdentifier);
      assert.equal(await organisationScaleId(db, other), DEFAULT_SCALE_ID, "another organisation is untouched");

      await chooseScale(db, org, "default", COMMAND_LINE);
      assert.equal(await organisationScaleId(db, org), DEFAULT_SCALE_ID);
      const again = await chooseScale(db, org, "own", COMMAND_LINE);
      assert.equal(again.id, own.id, "the same own scale comes back");
      assert.equal(
        (await db.selectFrom("proficiency_scales").select("id").where("organisation_id", "=", org).execute()).length,
        1,
      );
    });

    it("defines the own scale's levels; a bad scale is refused whole and nothing changes", async () => {
      const { org } = await world(db);
      const saved = await saveOwnScale(db, org, threeLevels, COMMAND_LINE);
      assert.equal((await organisationScale(db, org)).id, saved.id, "defining it makes it the one used");
      assert.deepEqual(
        saved.levels.map((l) => [l.number, l.label.en, l.label.fr]),
        [
          [1, "Learning", "Apprentissage"],
          [2, "Doing", "Pratique"],
          [3, "Leading", "Leadership"],
        ],
      );
      const duplicate = { ...threeLevels, levels: [...threeLevels.levels, level(4, "learning ", "Autre")] };
      await assert.rejects(saveOwnScale(db, org, duplicate, COMMAND_LINE), (error: unknown) => {
        assert.ok(error instanceof ScaleInvalidError);
        assert.deepEqual(
          error.problems.map((p) => p.field),
          ["level_4_label_en"],
        );
        return true;
      });
      await assert.rejects(
        saveOwnScale(db, org, { ...threeLevels, levels: [level(1, "Only", "Seul")] }, COMMAND_LINE),
        ScaleInvalidError,
      );
      assert.deepEqual(await readScale(db, saved.id), saved, "nothing written");
    });

    it("refuses a save made from an older version", async () => {
      const { org } = await world(db);
      const first = await saveOwnScale(db, org, threeLevels, COMMAND_LINE);
      const second = await saveOwnScale(db, org, { ...threeLevels, expectedVersion: first.version }, COMMAND_LINE);
      assert.equal(second.version, first.version + 1);
      await assert.rejects(
        saveOwnScale(
          db,
          org,
          { ...threeLevels, name: { en: "Late", fr: "Tard" }, expectedVersion: first.version },
          COMMAND_LINE,
        ),
        ScaleConflictError,
      );
      assert.equal((await readScale(db, first.id))?.name.en, "Alpha scale");
    });

    it("reordering carries descriptors and profile targets with their level; removing a targeted level is refused", async () => {
      const { org, frameworkId, items, profile } = await world(db);
      const scale = await saveOwnScale(db, org, threeLevels, COMMAND_LINE);
      const [first, second] = items as [string, string];
      await saveLevelDescriptors(
        db,
        scale.id,
        frameworkId,
        first,
        new Map([
          [1, { en: "Follows the partnership plan", fr: "Suit le plan de partenariat" }],
          [3, { en: "Builds new partnerships", fr: "Noue de nouveaux partenariats" }],
        ]),
        COMMAND_LINE,
      );
      const job = await profile(scale.id, [1, 3]);
      const onDefault = await profile(DEFAULT_SCALE_ID, [1, 3]);

      // Leading first, then Learning, then Doing; a new level at the end.
      const reordered: SaveScale = {
        ...threeLevels,
        levels: [
          level(1, "Leading", "Leadership", 3),
          level(2, "Learning", "Apprentissage", 1),
          level(3, "Doing", "Pratique", 2),
          level(4, "Mentoring", "Mentorat", null),
        ],
      };
      await saveOwnScale(db, org, reordered, COMMAND_LINE);
      assert.deepEqual(await targetsOf(db, job), [2, 1], "targets follow their level");
      assert.deepEqual(await targetsOf(db, onDefault), [1, 3], "profiles on another scale are untouched");
      const descriptors = (await levelDescriptors(db, scale.id, frameworkId, [first, second])).get(first);
      assert.equal(descriptors?.get(2)?.en, "Follows the partnership plan");
      assert.equal(descriptors?.get(1)?.en, "Builds new partnerships");
      assert.equal(descriptors?.size, 2);

      // Removing "Learning" (now 2), which the profile targets: refused, nothing changes.
      const removing: SaveScale = {
        ...threeLevels,
        levels: [level(1, "Leading", "Leadership", 1), level(2, "Doing", "Pratique", 3)],
      };
      const before = await readScale(db, scale.id);
      await assert.rejects(saveOwnScale(db, org, removing, COMMAND_LINE), (error: unknown) => {
        assert.ok(error instanceof LevelInUseError);
        assert.deepEqual(error.levels, [2]);
        return true;
      });
      assert.deepEqual(await readScale(db, scale.id), before);
      assert.deepEqual(await targetsOf(db, job), [2, 1]);

      // Removing "Mentoring" (4), which nothing targets: its descriptors would go, targets stay.
      const kept = reordered.levels.slice(0, 3).map((l) => ({ ...l, was: l.number }));
      await saveOwnScale(db, org, { ...threeLevels, levels: kept }, COMMAND_LINE);
      assert.deepEqual(await targetsOf(db, job), [2, 1]);
      assert.deepEqual(
        (await readScale(db, scale.id))?.levels.map((l) => l.label.en),
        ["Leading", "Learning", "Doing"],
      );
    });

    it("per-competency descriptors: written, replaced, cleared; only for levels the scale has", async () => {
      const { org, frameworkId, items } = await world(db);
      const scale = await chooseScale(db, org, "own", COMMAND_LINE);
      const item = items[0] as string;
      const read = async () => (await levelDescriptors(db, scale.id, frameworkId, [item])).get(item);
      await saveLevelDescriptors(
        db,
        scale.id,
        frameworkId,
        item,
        new Map([[2, { en: " Two ", fr: "Deux" }]]),
        COMMAND_LINE,
      );
      assert.deepEqual([...((await read()) ?? [])], [[2, { en: "Two", fr: "Deux" }]]);
      await saveLevelDescriptors(
        db,
        scale.id,
        frameworkId,
        item,
        new Map([
          [2, { en: "", fr: "" }],
          [5, { en: "Five", fr: "" }],
        ]),
        COMMAND_LINE,
      );
      assert.deepEqual([...((await read()) ?? [])], [[5, { en: "Five", fr: "" }]]);
      await assert.rejects(
        saveLevelDescriptors(db, scale.id, frameworkId, item, new Map([[6, { en: "Six", fr: "Six" }]]), COMMAND_LINE),
        ScaleInvalidError,
      );
      assert.deepEqual([...((await read()) ?? [])], [[5, { en: "Five", fr: "" }]], "a refusal changes nothing");
    });

    // On PostgreSQL, unless saves take turns, two first choices each make an own scale, and each
    // save's delete misses the rows another inserted meanwhile, so its insert meets them
    // (test/db/unique-violation.test.ts says more).
    it("eight first choices, level saves or descriptor saves at once all answer; one own scale is left", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const { org, frameworkId, items } = await world(db);
        const chosen = await eightAtOnce(round, () => chooseScale(db, org, "own", COMMAND_LINE));
        assert.equal(new Set(chosen.map((scale) => scale.id)).size, 1, `round ${round}`);
        const own = await db.selectFrom("proficiency_scales").select("id").where("organisation_id", "=", org).execute();
        assert.equal(own.length, 1);
        await eightAtOnce(round, () => saveOwnScale(db, org, threeLevels, COMMAND_LINE));
        assert.equal((await readScale(db, own[0].id))?.levels.length, 3);
        const described = new Map([[2, { en: "Two", fr: "Deux" }]]);
        const item = items[0] as string;
        await eightAtOnce(round, () => saveLevelDescriptors(db, own[0].id, frameworkId, item, described, COMMAND_LINE));
      }
    });

    it("every save of an organisation's scale is in its change history with its author; refused saves are not", async () => {
      const { org, other, frameworkId, items } = await world(db);
      const hr: ChangeAuthor = { id: null, label: "HR <hr@alpha.test>" };
      const history = async (organisationId = org) =>
        (await listChanges(db, organisationId, { subject: "scale", limit: 100 })).changes.reverse();

      const own = await chooseScale(db, org, "own", hr);
      await saveOwnScale(db, org, threeLevels, hr);
      const item = items[0] as string;
      await saveLevelDescriptors(db, own.id, frameworkId, item, new Map([[2, { en: "Two", fr: "Deux" }]]), hr);
      await chooseScale(db, org, "default", hr);
      // Refused saves: a bad scale, a descriptor for a level the scale lacks, a stale version.
      await assert.rejects(saveOwnScale(db, org, { ...threeLevels, levels: [] }, hr), ScaleInvalidError);
      await assert.rejects(
        saveLevelDescriptors(db, own.id, frameworkId, item, new Map([[9, { en: "Nine", fr: "Neuf" }]]), hr),
        ScaleInvalidError,
      );
      await assert.rejects(saveOwnScale(db, org, { ...threeLevels, expectedVersion: 1 }, hr), ScaleConflictError);

      // Saves within one millisecond share a time: each change is found by what it says, not by order.
      const changes = await history();
      assert.equal(changes.length, 4, JSON.stringify(changes.map((c) => [c.action, c.after])));
      assert.ok(changes.every((c) => c.actorLabel === hr.label));
      const chosen = changes.find((c) => c.action === "create");
      const levels = changes.find((c) => c.action === "update" && c.after?.levels);
      const descriptors = changes.find((c) => c.after?.competency);
      const back = changes.find((c) => c.after?.scale === "default");
      assert.deepEqual(
        [chosen?.subjectId, levels?.subjectId, descriptors?.subjectId, back?.subjectId],
        [own.id, own.id, own.id, DEFAULT_SCALE_ID],
      );
      assert.deepEqual(chosen?.before, { scale: "default" });
      assert.equal(chosen?.after?.scale, "own");
      assert.deepEqual(
        ((levels?.after?.levels ?? []) as { label: { en: string } }[]).map((l) => l.label.en),
        ["Learning", "Doing", "Leading"],
      );
      assert.equal(
        ((levels?.before?.levels ?? []) as unknown[]).length,
        own.levels.length,
        "the levels before the save",
      );
      assert.deepEqual(descriptors?.before?.descriptors, []);
      assert.deepEqual(descriptors?.after, {
        competency: { framework: frameworkId, item },
        descriptors: [{ level: 2, en: "Two", fr: "Deux" }],
      });
      assert.deepEqual([back?.before, back?.after], [{ scale: "own" }, { scale: "default" }]);
      assert.equal((await history(other)).length, 0, "another organisation's history is untouched");

      // The default scale belongs to no organisation: writing its descriptors adds to no history.
      await saveLevelDescriptors(db, DEFAULT_SCALE_ID, frameworkId, item, new Map([[1, { en: "One", fr: "Un" }]]), hr);
      assert.equal((await history()).length, 4);
    });

    it("finds competencies of the latest published editions by code or words, in either language", async () => {
      const { frameworkId, items } = await world(db);
      const found = await findCompetency(db, frameworkId, items[0] as string);
      assert.ok(found?.statement.en && found.statement.fr);
      const word = (found.statement.fr ?? "").split(/\s+/).find((w) => w.length > 5) as string;
      const results = await searchCompetencies(db, word.toUpperCase());
      assert.ok(
        results.some((r) => r.itemId === found.itemId),
        `"${word}" finds the competency`,
      );
      assert.ok(
        results.every((r) =>
          `${r.statement.en} ${r.statement.fr} ${r.code}`.toLowerCase().includes(word.toLowerCase()),
        ),
      );
      assert.deepEqual(await searchCompetencies(db, "100%_\\"), []);
      assert.equal(await findCompetency(db, frameworkId, "no-such-item"), undefined);
    });
  });
}
