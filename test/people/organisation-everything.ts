/**
 * An organisation with at least one row of everything the instance can hold for it (units, people,
 * roles, logs, invitations, single sign-on, its own scale, job profiles and postings, positions, a
 * review cycle with an assessment, its competencies, evidence links and files and history, reminders,
 * learning resources, a development plan with goals, activities and check-ins), its texts carrying
 * markup and JSON-breaking characters. organisation-tables.ts says where each table's rows go.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { createAccount } from "../../src/auth/accounts.ts";
import type { DB } from "../../src/db/schema.ts";
import { createProfile } from "../../src/profiles/jobs/store.ts";
import { seedHeld } from "../support/held-assessments.ts";
import { technician } from "../support/profiles.ts";
import { insertAccess, insertChange, insertPerson, insertUnit } from "./privacy-world.ts";

const STAMP = "2026-01-05T10:00:00.000Z";

/** Text that would break markup or a hand-written JSON document if it were not kept as data. */
export const hostile = (mark: string) => `</script><script>alert("${mark}")</script> "},{"x":1 \\ \u2028 ${mark}`;

export interface Everything {
  organisationId: string;
  /** The account that administers the organisation (its role is among the organisation's rows). */
  adminUserId: string;
  personIds: string[];
  assessmentId: string;
  /** Text of the evidence file (must never be in an export). */
  fileText: string;
  /** Secrets stored for the organisation (must never be in an export). */
  secrets: string[];
}

/** Fills the organisation with one of everything; `mark` is in its texts, so its rows can be told apart. */
export async function seedEverything(db: Kysely<DB>, organisationId: string, mark: string): Promise<Everything> {
  const text = hostile(mark);
  // The account is the instance's (it stays when the organisation goes): nothing of the mark in it.
  const account = await createAccount(db, {
    email: `admin-${randomUUID().slice(0, 8)}@example.test`,
    role: "editor",
    name: "Organisation administrator",
  });
  const author = { id: account.id, label: `Admin ${mark}` };
  const unit = await insertUnit(db, organisationId, `Branch ${text}`);
  const sub = await insertUnit(db, organisationId, `Desk ${mark}`, unit);
  const boss = await insertPerson(db, organisationId, {
    given: `Boss ${text}`,
    family: mark,
    number: `${mark}-B`,
    unit_id: unit,
  });
  const staff = await insertPerson(db, organisationId, {
    given: "Staff",
    family: mark,
    number: `${mark}-S`,
    manager_id: boss,
    unit_id: sub,
    user_id: account.id,
  });
  await db.updateTable("units").set({ head_person_id: boss }).where("id", "=", unit).execute();
  await db
    .insertInto("organisation_roles")
    .values({
      organisation_id: organisationId,
      user_id: account.id,
      role: "administrator",
      granted_at: STAMP,
      granted_by: null,
    })
    .execute();
  await insertAccess(db, { organisationId, personId: staff, actorLabel: `Viewer ${mark}`, at: STAMP });
  await insertChange(db, { organisationId, personId: staff, at: STAMP, before: null, after: { givenName: text } });
  const tokenHash = `SECRET-TOKEN-HASH-${mark}`;
  await db
    .insertInto("person_invitations")
    .values({
      id: randomUUID(),
      organisation_id: organisationId,
      person_id: staff,
      token_hash: tokenHash,
      email: `${mark.toLowerCase()}-staff@example.test`,
      lang: "fr",
      invited_by: account.id,
      invited_by_label: author.label,
      created_at: STAMP,
      expires_at: STAMP,
    })
    .execute();
  const clientSecret = `SECRET-CLIENT-${mark}`;
  await db
    .insertInto("organisation_sso")
    .values({
      organisation_id: organisationId,
      issuer: `https://id.${mark.toLowerCase()}.test`,
      client_id: `client-${mark}`,
      client_secret: clientSecret,
      email_domains: `${mark.toLowerCase()}.test`,
      enabled: 1,
      updated_at: STAMP,
      updated_by: account.id,
    })
    .execute();

  // The organisation's own scale, chosen, with a description of a level for a competency.
  const held = await seedHeld(db, {
    organisationId,
    personId: staff,
    managerId: boss,
    state: "signed_off",
    notes: `Notes ${text}`,
    items: [
      { self: 2, selfComment: `Self ${text}`, manager: 3, managerComment: `Manager ${mark}`, agreed: 3 },
      { self: 1, selfComment: null, manager: null, managerComment: null, agreed: null },
    ],
    links: [{ title: `Link ${text}`, url: `https://example.test/${mark}` }],
    files: [{ name: `notes-${mark}.txt`, text: `FILE-BYTES-${mark}` }],
    signedBy: author.label,
    author,
  });
  const scale = randomUUID();
  await db
    .insertInto("proficiency_scales")
    .values({
      id: scale,
      organisation_id: organisationId,
      name_en: `Scale ${text}`,
      name_fr: `Échelle ${mark}`,
      description_en: null,
      description_fr: null,
      case_identifier: randomUUID(),
      version: 1,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  await db
    .insertInto("proficiency_levels")
    .values(
      [1, 2, 3].map((number) => ({
        scale_id: scale,
        number,
        label_en: `Level ${number}`,
        label_fr: `Niveau ${number}`,
        descriptor_en: `Does ${number}`,
        descriptor_fr: `Fait ${number}`,
      })),
    )
    .execute();
  await db
    .insertInto("competency_level_descriptors")
    .values({
      scale_id: scale,
      framework_id: held.frameworkId,
      item_id: held.itemIds[0] as string,
      level_number: 2,
      descriptor_en: `Looks like ${text}`,
      descriptor_fr: null,
      updated_at: STAMP,
      updated_by: account.id,
    })
    .execute();
  await db
    .insertInto("organisation_scales")
    .values({ organisation_id: organisationId, scale_id: scale, chosen_at: STAMP, chosen_by: account.id })
    .execute();
  await db
    .insertInto("review_cycle_steps")
    .values([
      { cycle_id: held.cycleId, step: "self", due_date: "2027-02-01" },
      { cycle_id: held.cycleId, step: "manager", due_date: "2027-03-01" },
    ])
    .execute();

  const profile = await createProfile(
    db,
    organisationId,
    technician({ code: `P-${mark}`, title_en: `Technician ${text}`, unit_ids: [unit] }),
    author,
  );
  await db
    .insertInto("job_profile_requirements")
    .values({
      profile_id: profile.id,
      framework_id: held.frameworkId,
      item_id: held.itemIds[0] as string,
      edition_id: (
        await db
          .selectFrom("assessment_items")
          .select("edition_id")
          .where("assessment_id", "=", held.assessmentId)
          .executeTakeFirstOrThrow()
      ).edition_id,
      ordinal: 1,
      target_level: 3,
      importance: "essential",
      ksa_ids: null,
      reviewed_edition_id: null,
    })
    .execute();
  await db
    .insertInto("job_postings")
    .values({
      id: randomUUID(),
      organisation_id: organisationId,
      profile_id: profile.id,
      published: 1,
      date_posted: "2026-01-01",
      valid_through: null,
      employment_type: "FULL_TIME",
      hours_per_week: 35,
      salary_min: null,
      salary_max: null,
      salary_currency: null,
      salary_unit: null,
      street_address: null,
      locality: mark,
      region: null,
      postal_code: null,
      country: null,
      how_to_apply_en: `Apply ${text}`,
      how_to_apply_fr: `Postulez ${mark}`,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  await db
    .insertInto("person_positions")
    .values({ person_id: staff, profile_id: profile.id, since: "2025-01-01", updated_at: STAMP })
    .execute();
  await db.insertInto("reminder_settings").values({ person_id: staff, mode: "weekly", updated_at: STAMP }).execute();
  await db
    .insertInto("reminders_sent")
    .values({
      id: randomUUID(),
      person_id: staff,
      assessment_id: held.assessmentId,
      reminder_key: `due:self:${held.assessmentId}`,
      sent_at: STAMP,
    })
    .execute();

  const resource = randomUUID();
  await db
    .insertInto("learning_resources")
    .values({
      id: resource,
      organisation_id: organisationId,
      title_en: `Course ${text}`,
      title_fr: `Cours ${mark}`,
      url: `https://example.test/course/${mark}`,
      provider: mark,
      format: "course",
      duration_minutes: 90,
      cost_cents: null,
      currency: null,
      version: 1,
      created_at: STAMP,
      updated_at: STAMP,
      updated_by: account.id,
    })
    .execute();
  await db
    .insertInto("learning_resource_competencies")
    .values({ resource_id: resource, framework_id: held.frameworkId, item_id: held.itemIds[0] as string })
    .execute();
  const plan = randomUUID();
  await db
    .insertInto("development_plans")
    .values({
      id: plan,
      organisation_id: organisationId,
      person_id: staff,
      year: 2027,
      state: "approved",
      submitted_at: STAMP,
      approved_by: boss,
      approved_by_label: `Boss ${mark}`,
      approved_at: STAMP,
      closed_at: null,
      returned_reason: `Returned ${text}`,
      returned_by_label: null,
      returned_at: null,
      version: 2,
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
      framework_id: held.frameworkId,
      item_id: held.itemIds[0] as string,
      goal: `Goal ${text}`,
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
      kind: "resource",
      learning_resource_id: resource,
      description: `Activity ${text}`,
      target_date: "2027-06-01",
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
      author_label: author.label,
      note: `Check-in ${text}`,
    })
    .execute();
  return {
    organisationId,
    adminUserId: account.id,
    personIds: [boss, staff],
    assessmentId: held.assessmentId,
    fileText: `FILE-BYTES-${mark}`,
    secrets: [tokenHash, clientSecret],
  };
}
