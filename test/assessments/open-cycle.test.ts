/**
 * Opening a review cycle on every database: who takes part, what each is assessed on (the profile's
 * competencies, levels carried onto the cycle's scale), reviewers, history, and opening again.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Kysely } from "kysely";
import { CycleError, openCycle } from "../../src/assessments/cycles/open.ts";
import type { DB } from "../../src/db/schema.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { cycleRow } from "../support/assessment-rows.ts";

const now = "2027-01-10T09:00:00.000Z";
const author = { id: null, label: "HR <hr@example.org>" };

async function world(db: Kysely<DB>) {
  for (const id of ["o", "other"])
    await db
      .insertInto("organisations")
      .values({
        id,
        slug: id,
        name_en: id,
        name_fr: id,
        default_lang: "en",
        settings: "{}",
        created_at: now,
        updated_at: now,
      })
      .execute();
  for (const [id, parent] of [
    ["A", null],
    ["A1", "A"],
    ["B", null],
  ] as const)
    await db
      .insertInto("units")
      .values({
        id,
        organisation_id: "o",
        parent_id: parent,
        name_en: id,
        name_fr: id,
        ordinal: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  const person = (id: string, unit: string, manager: string | null, status = "active", organisation = "o") =>
    db
      .insertInto("people")
      .values({
        id,
        organisation_id: organisation,
        given_name: id,
        family_name: "T",
        employee_number: id,
        unit_id: organisation === "o" ? unit : null,
        manager_id: manager,
        status,
        preferred_lang: "en",
        created_at: now,
        updated_at: now,
      })
      .execute();
  await person("boss", "A", null);
  await person("p1", "A1", "boss");
  await person("p2", "B", "boss");
  await person("gone", "A1", "boss", "left");
  await person("elsewhere", "A", null, "active", "other");

  // A three-level scale of the organisation's own, for the cycle.
  await db
    .insertInto("proficiency_scales")
    .values({
      id: "s3",
      organisation_id: "o",
      name_en: "Three",
      name_fr: "Trois",
      description_en: null,
      description_fr: null,
      case_identifier: "3b1d9c2e-0000-4000-8000-000000000003",
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("proficiency_levels")
    .values(
      [1, 2, 3].map((n) => ({
        scale_id: "s3",
        number: n,
        label_en: `L${n}`,
        label_fr: `N${n}`,
        descriptor_en: "d",
        descriptor_fr: "d",
      })),
    )
    .execute();

  const edition = await db.selectFrom("editions").select(["id", "framework_id"]).executeTakeFirstOrThrow();
  const competencies = await db
    .selectFrom("published_items")
    .select("item_id")
    .where("edition_id", "=", edition.id)
    .where("type_code", "=", "competency")
    .limit(3)
    .execute();
  await db
    .insertInto("job_profiles")
    .values({
      id: "job",
      organisation_id: "o",
      code: "J",
      title_en: "Job",
      title_fr: "Poste",
      grade: null,
      summary_en: "",
      summary_fr: "",
      duties: "[]",
      qualifications: "[]",
      working_conditions_en: "",
      working_conditions_fr: "",
      scale_id: DEFAULT_SCALE_ID,
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
      competencies.map((c, i) => ({
        profile_id: "job",
        framework_id: edition.framework_id,
        item_id: c.item_id,
        edition_id: edition.id,
        ordinal: i + 1,
        target_level: [1, 3, 5][i],
        importance: i === 2 ? "asset" : "essential",
        ksa_ids: null,
      })),
    )
    .execute();
  await db
    .insertInto("person_positions")
    .values({ person_id: "p1", profile_id: "job", since: null, updated_at: now })
    .execute();

  const cycle = async (id: string, participants: string, state = "draft", scale = "s3") =>
    db
      .insertInto("review_cycles")
      .values(cycleRow({ id, organisation_id: "o", scale_id: scale, participants, state }))
      .execute();
  return { cycle };
}

for (const dialect of testDialects()) {
  describe(`opening a review cycle (${dialect})`, () => {
    it("creates one assessment per person taking part, with their profile's competencies on the cycle's scale", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { cycle } = await world(db);
        await cycle("c", JSON.stringify({ units: ["A"] }));
        const report = await openCycle(db, { organisationId: "o", cycleId: "c", author });
        assert.deepEqual(report, { created: 2, items: 3, alreadyThere: 0, withoutProfile: 1 });
        const assessments = await db
          .selectFrom("assessments")
          .selectAll()
          .where("cycle_id", "=", "c")
          .orderBy("person_id")
          .execute();
        assert.deepEqual(
          assessments.map((a) => [a.person_id, a.manager_id, a.profile_id, a.state]),
          [
            ["boss", null, null, "not_started"],
            ["p1", "boss", "job", "not_started"],
          ],
        );
        const items = await db
          .selectFrom("assessment_items")
          .selectAll()
          .where("assessment_id", "=", assessments[1].id)
          .orderBy("ordinal")
          .execute();
        // 1, 3, 5 on five levels → 1, 2, 3 on three.
        assert.deepEqual(
          items.map((i) => [i.target_level, i.importance, i.origin]),
          [
            [1, "essential", "profile"],
            [2, "essential", "profile"],
            [3, "asset", "profile"],
          ],
        );
        const history = await db.selectFrom("assessment_history").selectAll().execute();
        assert.equal(history.length, 2);
        assert.ok(history.every((h) => h.event === "opened" && h.actor_label === author.label));
        const opened = await db.selectFrom("review_cycles").selectAll().where("id", "=", "c").executeTakeFirstOrThrow();
        assert.equal(opened.state, "open");
        assert.ok(opened.opened_at);

        // Opening again adds only who joined since: p2 moves into A1.
        assert.deepEqual(await openCycle(db, { organisationId: "o", cycleId: "c", author }), {
          created: 0,
          items: 0,
          alreadyThere: 2,
          withoutProfile: 0,
        });
        await db.updateTable("people").set({ unit_id: "A1" }).where("id", "=", "p2").execute();
        const again = await openCycle(db, { organisationId: "o", cycleId: "c", author });
        assert.deepEqual(again, { created: 1, items: 0, alreadyThere: 2, withoutProfile: 1 });
      } finally {
        await close();
      }
    });

    it("on the profile's own scale, targets and importance are copied as they are, for everyone holding it", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { cycle } = await world(db);
        await db
          .insertInto("person_positions")
          .values({ person_id: "boss", profile_id: "job", since: null, updated_at: now })
          .execute();
        await cycle("same", JSON.stringify({ profiles: ["job"] }), "draft", DEFAULT_SCALE_ID);
        assert.deepEqual(await openCycle(db, { organisationId: "o", cycleId: "same", author }), {
          created: 2,
          items: 6,
          alreadyThere: 0,
          withoutProfile: 0,
        });
        const rows = await db
          .selectFrom("assessment_items")
          .innerJoin("assessments", "assessments.id", "assessment_items.assessment_id")
          .select([
            "assessments.person_id",
            "ordinal",
            "target_level",
            "importance",
            "origin",
            "self_level",
            "assessment_items.updated_at",
          ])
          .orderBy("assessments.person_id")
          .orderBy("ordinal")
          .execute();
        assert.deepEqual(
          rows.map((r) => [r.person_id, r.ordinal, r.target_level, r.importance, r.origin, r.self_level]),
          [
            ["boss", 1, 1, "essential", "profile", null],
            ["boss", 2, 3, "essential", "profile", null],
            ["boss", 3, 5, "asset", "profile", null],
            ["p1", 1, 1, "essential", "profile", null],
            ["p1", 2, 3, "essential", "profile", null],
            ["p1", 3, 5, "asset", "profile", null],
          ],
        );
        assert.ok(rows.every((r) => /^\d{4}-\d\d-\d\dT/.test(r.updated_at)));
      } finally {
        await close();
      }
    });

    it("an empty selection is everyone who has not left, in this organisation only", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { cycle } = await world(db);
        await cycle("all", "{}");
        assert.equal((await openCycle(db, { organisationId: "o", cycleId: "all", author })).created, 3);
        const people = await db.selectFrom("assessments").select("person_id").orderBy("person_id").execute();
        assert.deepEqual(
          people.map((p) => p.person_id),
          ["boss", "p1", "p2"],
        );
      } finally {
        await close();
      }
    });

    it("refuses a closed cycle, a damaged selection and another organisation's cycle, writing nothing", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { cycle } = await world(db);
        await cycle("closed", "{}", "closed");
        await cycle("damaged", "{not json");
        await cycle("mine", "{}");
        const problem = (error: unknown, expected: string) => error instanceof CycleError && error.problem === expected;
        await assert.rejects(openCycle(db, { organisationId: "o", cycleId: "closed", author }), (e) =>
          problem(e, "closed"),
        );
        await assert.rejects(openCycle(db, { organisationId: "o", cycleId: "damaged", author }), (e) =>
          problem(e, "selection"),
        );
        await assert.rejects(openCycle(db, { organisationId: "other", cycleId: "mine", author }), (e) =>
          problem(e, "not-found"),
        );
        assert.equal((await db.selectFrom("assessments").selectAll().execute()).length, 0);
      } finally {
        await close();
      }
    });
  });
}
