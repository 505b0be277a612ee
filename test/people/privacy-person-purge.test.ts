/**
 * Removing a person (the retention purge, src/people/privacy/retention.ts, the one way a person's
 * record is deleted) leaves nothing about them, on each database: every table is read after the
 * purge, and a row that still names them (id, e-mail address, employee number, name) fails the test
 * unless it is one of the few kept on purpose for someone else's record (decision 050): who viewed
 * another person's record, what they did in another person's assessment or plan, another record's
 * change "manager removed", and their account, which belongs to the instance, not the organisation.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createAccount } from "../../src/auth/accounts.ts";
import type { DB } from "../../src/db/schema.ts";
import { purge } from "../../src/people/privacy/retention.ts";
import { createProfile } from "../../src/profiles/jobs/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { seedHeld } from "../support/held-assessments.ts";
import { technician } from "../support/profiles.ts";
import { insertAccess, insertChange, insertOrganisation, insertPerson, insertUnit } from "./privacy-world.ts";

/** Every table of the one DB interface: a table added to it and not here is a type error. */
const TABLES: Record<keyof DB, true> = {
  frameworks: true,
  item_types: true,
  items: true,
  meta: true,
  case_associations: true,
  case_definitions: true,
  users: true,
  sessions: true,
  accounts: true,
  verifications: true,
  editions: true,
  changes: true,
  adoptions: true,
  adoption_items: true,
  published_item_types: true,
  published_items: true,
  auth_throttle: true,
  security_events: true,
  two_factors: true,
  translation_flags: true,
  import_uploads: true,
  organisations: true,
  units: true,
  people: true,
  organisation_roles: true,
  access_log: true,
  organisation_changes: true,
  person_invitations: true,
  organisation_sso: true,
  proficiency_scales: true,
  proficiency_levels: true,
  competency_level_descriptors: true,
  organisation_scales: true,
  job_profiles: true,
  job_profile_units: true,
  job_profile_requirements: true,
  job_postings: true,
  person_positions: true,
  review_cycles: true,
  review_cycle_steps: true,
  assessments: true,
  assessment_items: true,
  assessment_evidence: true,
  assessment_history: true,
  reminder_settings: true,
  reminders_sent: true,
  learning_resources: true,
  learning_resource_competencies: true,
  development_plans: true,
  development_plan_goals: true,
  development_plan_activities: true,
  development_plan_checkins: true,
};

const STAMP = "2026-01-05T10:00:00.000Z";

for (const dialect of testDialects()) {
  describe(`removing a person leaves nothing about them (${dialect})`, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    before(async () => {
      database = await openTestDatabase(dialect, { starter: false });
    });
    after(() => database?.close());

    test("their record, assessments (items, evidence, history), reminders, invitations, position, plans and logs all go", async () => {
      const db = database.db;
      const org = await insertOrganisation(db, "riverside", { retention_left_months: 12 });
      const elsewhere = await insertOrganisation(db, "lakeshore");
      const unit = await insertUnit(db, org, "Central Branch");
      const account = await createAccount(db, {
        email: "lea.tremblay@riverside.test",
        role: "editor",
        name: "Léa Tremblay",
      });
      const label = "Léa Tremblay <lea.tremblay@riverside.test>";
      const boss = await insertPerson(db, org, { given: "Marc", family: "Ouellet", number: "R-002" });
      const lea = await insertPerson(db, org, {
        given: "Léa",
        family: "Tremblay",
        number: "R-LEAVER-5",
        email: "lea.tremblay@riverside.test",
        user_id: account.id,
        manager_id: boss,
        unit_id: unit,
        status: "left",
        status_since: "2025-01-31",
      });
      const rita = await insertPerson(db, org, { given: "Rita", family: "Singh", number: "R-003", manager_id: lea });
      // Someone of another organisation with the same name and number stays, whatever happens here.
      const twin = await insertPerson(db, elsewhere, { given: "Léa", family: "Tremblay", number: "R-LEAVER-5" });
      await db.updateTable("units").set({ head_person_id: lea }).where("id", "=", unit).execute();

      // What is held about Léa.
      const held = [
        await seedHeld(db, {
          organisationId: org,
          personId: lea,
          managerId: boss,
          cycle: { state: "closed" },
          state: "signed_off",
          notes: "Talked it through.",
          items: [{ self: 2, selfComment: "mine", manager: 3, managerComment: "theirs", agreed: 3 }],
          links: [{ title: "Course", url: "https://example.test/c" }],
          files: [{ name: "notes.txt", text: "Léa's notes" }],
          signedBy: label,
          author: { id: account.id, label },
        }),
        await seedHeld(db, { organisationId: org, personId: lea, state: "withdrawn", items: [] }),
      ];
      // A cycle that names both Léa and Rita among its participants.
      await db
        .updateTable("review_cycles")
        .set({ participants: JSON.stringify({ units: [], profiles: [], people: [lea, rita] }) })
        .where("id", "=", held[1]?.cycleId as string)
        .execute();
      await db.insertInto("reminder_settings").values({ person_id: lea, mode: "weekly", updated_at: STAMP }).execute();
      await db
        .insertInto("reminders_sent")
        .values({
          id: randomUUID(),
          person_id: lea,
          assessment_id: held[0]?.assessmentId ?? null,
          reminder_key: `due:self:${held[0]?.assessmentId}`,
          sent_at: STAMP,
        })
        .execute();
      await db
        .insertInto("person_invitations")
        .values({
          id: randomUUID(),
          organisation_id: org,
          person_id: lea,
          token_hash: "hash",
          email: "lea.tremblay@riverside.test",
          lang: "fr",
          invited_by: null,
          invited_by_label: "HR",
          created_at: STAMP,
          expires_at: STAMP,
        })
        .execute();
      const profile = await createProfile(db, org, technician({ code: "LT-9" }), { id: null, label: "HR" });
      await db
        .insertInto("person_positions")
        .values({ person_id: lea, profile_id: profile.id, since: "2024-01-01", updated_at: STAMP })
        .execute();
      const plan = randomUUID();
      await db
        .insertInto("development_plans")
        .values({
          id: plan,
          organisation_id: org,
          person_id: lea,
          year: 2024,
          state: "draft",
          submitted_at: null,
          approved_by: null,
          approved_by_label: null,
          approved_at: null,
          closed_at: null,
          returned_reason: null,
          returned_by_label: null,
          returned_at: null,
          version: 1,
          created_at: STAMP,
          updated_at: STAMP,
        })
        .execute();
      const goal = randomUUID();
      await db
        .insertInto("development_plan_goals")
        .values({
          id: goal,
          plan_id: plan,
          framework_id: held[0]?.frameworkId as string,
          item_id: held[0]?.itemIds[0] as string,
          goal: "Léa's goal",
          ordinal: 1,
          created_at: STAMP,
          updated_at: STAMP,
        })
        .execute();
      await db
        .insertInto("development_plan_activities")
        .values({
          id: randomUUID(),
          goal_id: goal,
          kind: "practice",
          learning_resource_id: null,
          description: "Léa practises",
          target_date: null,
          status: "planned",
          done_at: null,
          ordinal: 1,
          created_at: STAMP,
          updated_at: STAMP,
        })
        .execute();
      await db
        .insertInto("development_plan_checkins")
        .values({
          id: randomUUID(),
          plan_id: plan,
          at: STAMP,
          author_id: account.id,
          author_label: label,
          note: "Léa checks in",
        })
        .execute();
      await insertAccess(db, { organisationId: org, personId: lea, actorLabel: "Marc Ouellet", at: STAMP });
      await insertChange(db, {
        organisationId: org,
        personId: lea,
        at: STAMP,
        before: { familyName: "T" },
        after: { familyName: "Tremblay" },
      });

      // What Léa did in others' records: kept for them.
      await insertAccess(db, {
        organisationId: org,
        personId: rita,
        actorLabel: label,
        actorId: account.id,
        at: STAMP,
      });
      const ritas = await seedHeld(db, {
        organisationId: org,
        personId: rita,
        managerId: lea,
        links: [{ title: "Rita's link", url: "https://example.test/r" }],
        author: { id: account.id, label },
      });

      const report = await purge(db, { dryRun: false, now: new Date("2027-06-01T00:00:00Z") });
      assert.deepEqual(
        report.organisations.find((o) => o.organisationId === org)?.people.map((p) => p.id),
        [lea],
      );

      const marks = [lea, "lea.tremblay@riverside.test", "R-LEAVER-5", "Léa Tremblay", "Tremblay", "Léa's"];
      /** Rows kept on purpose, each for the record of someone else. */
      const keptForOthers = (table: string, row: Record<string, unknown>): boolean => {
        switch (table) {
          // Their account is the instance's (it may be a person elsewhere), and so are its sessions.
          case "users":
            return row.id === account.id;
          // Rita's right to know who viewed her record.
          case "access_log":
            return row.person_id === rita && row.actor_id === account.id;
          // Rita's assessment: the evidence Léa added as her reviewer, in its history.
          case "assessment_history":
            return row.assessment_id === ritas.assessmentId;
          // Rita's record and the unit: "manager (or head) removed", naming only the id of no one.
          case "organisation_changes":
            return row.action === "purge" && (row.subject_id === rita || row.subject_id === unit);
          // The person of the other organisation is another person.
          case "people":
            return row.id === twin;
          default:
            return false;
        }
      };
      const left: string[] = [];
      for (const table of Object.keys(TABLES) as (keyof DB)[]) {
        const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
        for (const row of rows) {
          const text = JSON.stringify(row, (_key, value) =>
            value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : value,
          );
          const found = marks.filter((mark) => text.includes(mark));
          if (found.length > 0 && !keptForOthers(table, row)) left.push(`${table}: ${found.join(", ")}`);
        }
      }
      assert.deepEqual(left, [], "rows still naming the removed person");

      // Others' records keep their place without her.
      const rita2 = await db.selectFrom("people").select("manager_id").where("id", "=", rita).executeTakeFirstOrThrow();
      assert.equal(rita2.manager_id, null);
      const ritaAssessment = await db
        .selectFrom("assessments")
        .select("manager_id")
        .where("id", "=", ritas.assessmentId)
        .executeTakeFirstOrThrow();
      assert.equal(ritaAssessment.manager_id, null);
      const cycle = await db
        .selectFrom("review_cycles")
        .select("participants")
        .where("id", "=", held[1]?.cycleId as string)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(cycle.participants).people, [rita]);
      assert.equal(
        (
          await db
            .selectFrom("assessment_evidence")
            .select("id")
            .where("assessment_id", "=", ritas.assessmentId)
            .execute()
        ).length,
        1,
      );
    });
  });
}
