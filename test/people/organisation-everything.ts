/**
 * An organisation with at least one row of everything the instance can hold for it (units, people,
 * roles, logs, invitations, single sign-on, its own scale, job profiles and postings, positions, a
 * review cycle with an assessment, its competencies, evidence links and files and history, reminders,
 * learning resources, a development plan with goals, activities and check-ins), its texts carrying
 * markup and JSON-breaking characters; and every table of the one DB interface classified: the
 * organisation's (which export section holds its rows, and how to read that organisation's rows
 * independently of the export) or the instance's. A table added to DB and not here is a type error.
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

type Row = Record<string, unknown>;

/** A table whose rows belong to an organisation: where the export puts them and how to read them. */
export interface OwnedTable {
  section: string;
  rows: (db: Kysely<DB>, organisationId: string) => Promise<Row[]>;
  /** What identifies a row within the section. */
  key: (row: Row) => string;
  /** Columns kept out of the export (secrets, file bytes, the organisation's id where implied). */
  omitted?: readonly string[];
  /** Columns holding JSON text, exported parsed. */
  json?: readonly string[];
}

const byOrganisation = (table: keyof DB & string) => (db: Kysely<DB>, organisationId: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: one query for every table carrying organisation_id.
  (db as Kysely<any>).selectFrom(table).selectAll().where("organisation_id", "=", organisationId).execute() as Promise<
    Row[]
  >;

/** Rows of `table` whose `column` names a row of `parent` carrying the organisation's id. */
const through =
  (table: keyof DB & string, column: string, parent: keyof DB & string, parentKey = "id") =>
  (db: Kysely<DB>, organisationId: string) =>
    // biome-ignore lint/suspicious/noExplicitAny: a join written once for every child table.
    (db as Kysely<any>)
      .selectFrom(table)
      .innerJoin(parent, `${parent}.${parentKey}`, `${table}.${column}`)
      .selectAll(table)
      .where(`${parent}.organisation_id`, "=", organisationId)
      .execute() as Promise<Row[]>;

const id = (row: Row) => String(row.id);
const keyOf =
  (...columns: string[]) =>
  (row: Row) =>
    columns.map((column) => String(row[column])).join("|");

/**
 * Every table of DB: "instance" when its rows are not any organisation's (frameworks, accounts,
 * sessions…), "head" for the organisation's own row (the document's head), or where its rows go.
 */
export const TABLES: Record<keyof DB, "instance" | "head" | OwnedTable> = {
  frameworks: "instance",
  item_types: "instance",
  items: "instance",
  meta: "instance",
  case_associations: "instance",
  case_definitions: "instance",
  users: "instance",
  sessions: "instance",
  accounts: "instance",
  verifications: "instance",
  editions: "instance",
  changes: "instance",
  adoptions: "instance",
  adoption_items: "instance",
  published_item_types: "instance",
  published_items: "instance",
  auth_throttle: "instance",
  security_events: "instance",
  two_factors: "instance",
  translation_flags: "instance",
  import_uploads: "instance",
  organisations: "head",
  units: { section: "units", rows: byOrganisation("units"), key: id },
  people: { section: "people", rows: byOrganisation("people"), key: id },
  organisation_roles: {
    section: "roles",
    rows: byOrganisation("organisation_roles"),
    key: keyOf("user_id"),
    omitted: ["organisation_id"],
  },
  access_log: { section: "accessLog", rows: byOrganisation("access_log"), key: id },
  organisation_changes: {
    section: "changes",
    rows: byOrganisation("organisation_changes"),
    key: id,
    json: ["before", "after"],
  },
  person_invitations: {
    section: "invitations",
    rows: byOrganisation("person_invitations"),
    key: id,
    omitted: ["token_hash"],
  },
  organisation_sso: {
    section: "singleSignOn",
    rows: byOrganisation("organisation_sso"),
    key: keyOf("organisation_id"),
    omitted: ["client_secret"],
  },
  proficiency_scales: { section: "scales", rows: byOrganisation("proficiency_scales"), key: id },
  proficiency_levels: {
    section: "scaleLevels",
    rows: through("proficiency_levels", "scale_id", "proficiency_scales"),
    key: keyOf("scale_id", "number"),
  },
  competency_level_descriptors: {
    section: "levelDescriptors",
    rows: through("competency_level_descriptors", "scale_id", "proficiency_scales"),
    key: keyOf("scale_id", "framework_id", "item_id", "level_number"),
  },
  organisation_scales: {
    section: "scaleChoice",
    rows: byOrganisation("organisation_scales"),
    key: keyOf("organisation_id"),
  },
  job_profiles: { section: "jobProfiles", rows: byOrganisation("job_profiles"), key: id },
  job_profile_units: {
    section: "jobProfileUnits",
    rows: through("job_profile_units", "profile_id", "job_profiles"),
    key: keyOf("profile_id", "unit_id"),
  },
  job_profile_requirements: {
    section: "jobProfileRequirements",
    rows: through("job_profile_requirements", "profile_id", "job_profiles"),
    key: keyOf("profile_id", "framework_id", "item_id"),
  },
  job_postings: { section: "jobPostings", rows: byOrganisation("job_postings"), key: id },
  person_positions: {
    section: "positions",
    rows: through("person_positions", "person_id", "people"),
    key: keyOf("person_id"),
  },
  review_cycles: { section: "reviewCycles", rows: byOrganisation("review_cycles"), key: id, json: ["participants"] },
  review_cycle_steps: {
    section: "reviewCycleSteps",
    rows: through("review_cycle_steps", "cycle_id", "review_cycles"),
    key: keyOf("cycle_id", "step"),
  },
  assessments: { section: "assessments", rows: byOrganisation("assessments"), key: id },
  assessment_items: {
    section: "assessedCompetencies",
    rows: through("assessment_items", "assessment_id", "assessments"),
    key: keyOf("assessment_id", "framework_id", "item_id"),
  },
  assessment_evidence: {
    section: "evidence",
    rows: through("assessment_evidence", "assessment_id", "assessments"),
    key: id,
    omitted: ["bytes"],
  },
  assessment_history: {
    section: "assessmentHistory",
    rows: through("assessment_history", "assessment_id", "assessments"),
    key: id,
    json: ["detail"],
  },
  reminder_settings: {
    section: "reminderSettings",
    rows: through("reminder_settings", "person_id", "people"),
    key: keyOf("person_id"),
  },
  reminders_sent: { section: "remindersSent", rows: through("reminders_sent", "person_id", "people"), key: id },
  learning_resources: { section: "learningResources", rows: byOrganisation("learning_resources"), key: id },
  learning_resource_competencies: {
    section: "learningResourceCompetencies",
    rows: through("learning_resource_competencies", "resource_id", "learning_resources"),
    key: keyOf("resource_id", "framework_id", "item_id"),
  },
  development_plans: { section: "developmentPlans", rows: byOrganisation("development_plans"), key: id },
  development_plan_goals: {
    section: "developmentPlanGoals",
    rows: through("development_plan_goals", "plan_id", "development_plans"),
    key: id,
  },
  development_plan_activities: {
    section: "developmentPlanActivities",
    rows: async (db, organisationId) =>
      (await db
        .selectFrom("development_plan_activities")
        .innerJoin("development_plan_goals", "development_plan_goals.id", "development_plan_activities.goal_id")
        .innerJoin("development_plans", "development_plans.id", "development_plan_goals.plan_id")
        .selectAll("development_plan_activities")
        .where("development_plans.organisation_id", "=", organisationId)
        .execute()) as Row[],
    key: id,
  },
  development_plan_checkins: {
    section: "developmentPlanCheckins",
    rows: through("development_plan_checkins", "plan_id", "development_plans"),
    key: id,
  },
};

export const OWNED = Object.entries(TABLES).filter(
  (entry): entry is [keyof DB & string, OwnedTable] => typeof entry[1] === "object",
);

/** Every row the organisation holds, table by table (read straight from the tables). */
export async function ownedRows(db: Kysely<DB>, organisationId: string) {
  const all: Record<string, Row[]> = {};
  for (const [table, owned] of OWNED) all[table] = await owned.rows(db, organisationId);
  return all;
}

/** A row as the export writes it: omitted columns gone, JSON columns parsed. */
export function asExported(owned: OwnedTable, row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (owned.omitted?.includes(column)) continue;
    out[column] = owned.json?.includes(column) && typeof value === "string" ? JSON.parse(value) : value;
  }
  return out;
}

/** Any row's text, with bytes read as UTF-8, for looking for what it names. */
export const rowText = (row: Row) =>
  JSON.stringify(row, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : value));
