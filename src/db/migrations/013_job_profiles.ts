/**
 * Job profiles (issue 14, decision 030): what a job in an organisation is, and the competencies it
 * needs, each pinned to the published edition it was chosen from.
 * - `job_profiles`: title, code, grade, summary, duties, qualifications, working conditions (EN/FR),
 *   the scale its target levels are on, and where it was copied from (a starter profile's code or
 *   another profile).
 * - `job_profile_units`: the units a profile is used in.
 * - `job_profile_requirements`: one competency each, "as published in edition N" (a foreign key to
 *   `published_items`, so an edition a profile cites cannot vanish under it), with a target level on
 *   the profile's scale, an importance, and optionally the KSAs it narrows to.
 * - `job_postings`: a posting of a profile (dates, employment type, place, pay, how to apply) that
 *   the organisation may publish on a public page.
 * - `person_positions`: the profile a person holds (no row: none). A table rather than a column on
 *   `people`, as 012 explains for organisations.
 */
import { type Kysely, sql } from "kysely";

export const IMPORTANCES = ["essential", "asset"] as const;
export const SALARY_UNITS = ["HOUR", "WEEK", "MONTH", "YEAR"] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_profiles")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    /** The organisation's own job code (unique in the organisation when given). */
    .addColumn("code", "varchar(60)")
    .addColumn("title_en", "varchar(200)", (c) => c.notNull())
    .addColumn("title_fr", "varchar(200)", (c) => c.notNull())
    /** Grade, band or classification, as the organisation writes it. */
    .addColumn("grade", "varchar(120)")
    .addColumn("summary_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("summary_fr", "text", (c) => c.notNull().defaultTo(""))
    /** JSON array of {en, fr}, in order. */
    .addColumn("duties", "text", (c) => c.notNull().defaultTo("[]"))
    /** JSON array of {en, fr}, in order. */
    .addColumn("qualifications", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("working_conditions_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("working_conditions_fr", "text", (c) => c.notNull().defaultTo(""))
    /** The scale the requirements' target levels are on (the organisation's when the profile was made). */
    .addColumn("scale_id", "varchar(36)", (c) => c.notNull().references("proficiency_scales.id"))
    /** "starter:CODE" or "profile:ID" when copied; null when written from nothing. */
    .addColumn("copied_from", "varchar(80)")
    /** Increases with every saved change (optimistic concurrency, as the editor does). */
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("job_profiles_organisation").on("job_profiles").column("organisation_id").execute();
  await db.schema
    .createIndex("job_profiles_code")
    .on("job_profiles")
    .columns(["organisation_id", "code"])
    .unique()
    .execute();

  await db.schema
    .createTable("job_profile_units")
    .addColumn("profile_id", "varchar(36)", (c) => c.notNull().references("job_profiles.id").onDelete("cascade"))
    .addColumn("unit_id", "varchar(36)", (c) => c.notNull().references("units.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("job_profile_units_pk", ["profile_id", "unit_id"])
    .execute();

  await db.schema
    .createTable("job_profile_requirements")
    .addColumn("profile_id", "varchar(36)", (c) => c.notNull().references("job_profiles.id").onDelete("cascade"))
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id"))
    /** The competency's stable id; with edition_id, the item as that edition published it. */
    .addColumn("item_id", "varchar(36)", (c) => c.notNull())
    .addColumn("edition_id", "varchar(36)", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    /** A level number of the profile's scale. */
    .addColumn("target_level", "integer", (c) => c.notNull())
    .addColumn("importance", "varchar(10)", (c) => c.notNull())
    /** JSON array of the chosen KSAs' item ids; null: the competency as a whole. */
    .addColumn("ksa_ids", "text")
    .addPrimaryKeyConstraint("job_profile_requirements_pk", ["profile_id", "framework_id", "item_id"])
    .addForeignKeyConstraint("job_profile_requirements_item", ["edition_id", "item_id"], "published_items", [
      "edition_id",
      "item_id",
    ])
    .addCheckConstraint("job_profile_requirements_importance_check", inList("importance", IMPORTANCES))
    .addCheckConstraint("job_profile_requirements_level_check", sql`"target_level" >= 1`)
    .execute();
  await db.schema
    .createIndex("job_profile_requirements_item")
    .on("job_profile_requirements")
    .columns(["framework_id", "item_id"])
    .execute();

  await db.schema
    .createTable("job_postings")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("profile_id", "varchar(36)", (c) => c.notNull().references("job_profiles.id").onDelete("cascade"))
    /** 0/1: shown on the organisation's public postings page while open. */
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    /** YYYY-MM-DD */
    .addColumn("date_posted", "varchar(10)")
    .addColumn("valid_through", "varchar(10)")
    /** JSON array of schema.org employment types (FULL_TIME, PART_TIME, TEMPORARY, …). */
    .addColumn("employment_type", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("hours_per_week", "real")
    .addColumn("salary_min", "real")
    .addColumn("salary_max", "real")
    .addColumn("salary_currency", "varchar(3)")
    .addColumn("salary_unit", "varchar(5)")
    .addColumn("street_address", "varchar(200)")
    .addColumn("locality", "varchar(120)")
    .addColumn("region", "varchar(120)")
    .addColumn("postal_code", "varchar(20)")
    .addColumn("country", "varchar(2)")
    .addColumn("how_to_apply_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("how_to_apply_fr", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addCheckConstraint(
      "job_postings_salary_unit_check",
      sql`"salary_unit" is null or ${inList("salary_unit", SALARY_UNITS)}`,
    )
    .execute();
  await db.schema
    .createIndex("job_postings_organisation")
    .on("job_postings")
    .columns(["organisation_id", "published"])
    .execute();

  await db.schema
    .createTable("person_positions")
    .addColumn("person_id", "varchar(36)", (c) => c.primaryKey().references("people.id").onDelete("cascade"))
    .addColumn("profile_id", "varchar(36)", (c) => c.notNull().references("job_profiles.id").onDelete("cascade"))
    /** YYYY-MM-DD */
    .addColumn("since", "varchar(10)")
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("person_positions_profile").on("person_positions").column("profile_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("person_positions").execute();
  await db.schema.dropTable("job_postings").execute();
  await db.schema.dropTable("job_profile_requirements").execute();
  await db.schema.dropTable("job_profile_units").execute();
  await db.schema.dropTable("job_profiles").execute();
}
