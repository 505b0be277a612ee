/**
 * Every table of the one DB interface classified: the organisation's (which export section holds its
 * rows, and how to read that organisation's rows straight from the tables, independently of the
 * export) or the instance's. A table added to DB and not here is a type error.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";

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
