/**
 * Insights and development plans (issue 16, decision 042).
 * - `learning_resources`: an organisation's catalogue of ways to learn (a course, on-the-job
 *   practice, mentoring, reading, a video…): titles EN/FR, link, provider, format, length in whole
 *   minutes (entered in hours) and cost in integer cents with its currency, so no float rounds money.
 * - `learning_resource_competencies`: the competencies a resource builds, by (framework, item) and
 *   not by edition: a course on storytelling still builds storytelling when the framework publishes
 *   edition 4. Nothing here is a record of what someone was assessed against, so nothing is pinned.
 * - `development_plans`: a person's plan for a year (one per person and year), its state
 *   draft → submitted → approved → closed, who approved it and when, a `version` for optimistic
 *   concurrency.
 * - `development_plan_goals`: the competencies the plan works on (by framework and item, as above),
 *   each with a goal; how many a plan may hold is the organisation's `max_plan_goals` setting.
 * - `development_plan_activities`: what the person will do for a goal (a course, practice,
 *   mentoring, a catalogue resource), by when, and how far it got.
 * - `development_plan_checkins`: dated notes on progress, with their author as they were then.
 */
import type { Kysely } from "kysely";
import { sql } from "kysely";

export const RESOURCE_FORMATS = ["course", "on_the_job", "mentoring", "reading", "video", "other"] as const;
export const PLAN_STATES = ["draft", "submitted", "approved", "closed"] as const;
export const ACTIVITY_KINDS = ["course", "practice", "mentoring", "resource"] as const;
export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("learning_resources")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("title_en", "varchar(300)", (c) => c.notNull())
    .addColumn("title_fr", "varchar(300)", (c) => c.notNull())
    .addColumn("url", "varchar(2000)")
    .addColumn("provider", "varchar(200)")
    .addColumn("format", "varchar(12)", (c) => c.notNull())
    /** Entered in hours (1.5), kept in whole minutes (90). */
    .addColumn("duration_minutes", "integer")
    /** Integer cents of `currency` (ISO 4217); both or neither. */
    .addColumn("cost_cents", "integer")
    .addColumn("currency", "varchar(3)")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addCheckConstraint("learning_resources_format_check", inList("format", RESOURCE_FORMATS))
    .addCheckConstraint(
      "learning_resources_amounts_check",
      sql`coalesce("duration_minutes", 0) >= 0 and coalesce("cost_cents", 0) >= 0 and (("cost_cents" is null) = ("currency" is null))`,
    )
    .execute();
  await db.schema
    .createIndex("learning_resources_organisation")
    .on("learning_resources")
    .columns(["organisation_id", "title_en"])
    .execute();

  await db.schema
    .createTable("learning_resource_competencies")
    .addColumn("resource_id", "varchar(36)", (c) => c.notNull().references("learning_resources.id").onDelete("cascade"))
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("item_id", "varchar(36)", (c) => c.notNull())
    .addPrimaryKeyConstraint("learning_resource_competencies_pk", ["resource_id", "framework_id", "item_id"])
    .execute();
  await db.schema
    .createIndex("learning_resource_competencies_item")
    .on("learning_resource_competencies")
    .columns(["framework_id", "item_id"])
    .execute();

  await db.schema
    .createTable("development_plans")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("person_id", "varchar(36)", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("state", "varchar(10)", (c) => c.notNull().defaultTo("draft"))
    .addColumn("submitted_at", "varchar(30)")
    /** The manager who approved (a person of the organisation) and their name then. */
    .addColumn("approved_by", "varchar(36)", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("approved_by_label", "varchar(300)")
    .addColumn("approved_at", "varchar(30)")
    .addColumn("closed_at", "varchar(30)")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addCheckConstraint("development_plans_state_check", inList("state", PLAN_STATES))
    .addCheckConstraint("development_plans_year_check", sql`"year" between 2000 and 2200`)
    .execute();
  await db.schema
    .createIndex("development_plans_person_year")
    .on("development_plans")
    .columns(["person_id", "year"])
    .unique()
    .execute();
  await db.schema
    .createIndex("development_plans_organisation")
    .on("development_plans")
    .columns(["organisation_id", "year", "state"])
    .execute();

  await db.schema
    .createTable("development_plan_goals")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("plan_id", "varchar(36)", (c) => c.notNull().references("development_plans.id").onDelete("cascade"))
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id"))
    .addColumn("item_id", "varchar(36)", (c) => c.notNull())
    .addColumn("goal", "text", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("development_plan_goals_competency")
    .on("development_plan_goals")
    .columns(["plan_id", "framework_id", "item_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("development_plan_activities")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("goal_id", "varchar(36)", (c) => c.notNull().references("development_plan_goals.id").onDelete("cascade"))
    .addColumn("kind", "varchar(10)", (c) => c.notNull())
    /** The catalogue resource (kind "resource", or a course from the catalogue); kept null if it is deleted. */
    .addColumn("learning_resource_id", "varchar(36)", (c) => c.references("learning_resources.id").onDelete("set null"))
    .addColumn("description", "text", (c) => c.notNull())
    /** YYYY-MM-DD */
    .addColumn("target_date", "varchar(10)")
    .addColumn("status", "varchar(12)", (c) => c.notNull().defaultTo("planned"))
    .addColumn("done_at", "varchar(30)")
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addCheckConstraint("development_plan_activities_kind_check", inList("kind", ACTIVITY_KINDS))
    .addCheckConstraint("development_plan_activities_status_check", inList("status", ACTIVITY_STATUSES))
    .addCheckConstraint(
      "development_plan_activities_done_check",
      sql`("status" = 'done' and "done_at" is not null) or ("status" <> 'done' and "done_at" is null)`,
    )
    .execute();
  await db.schema
    .createIndex("development_plan_activities_goal")
    .on("development_plan_activities")
    .columns(["goal_id", "ordinal"])
    .execute();
  await db.schema
    .createIndex("development_plan_activities_resource")
    .on("development_plan_activities")
    .column("learning_resource_id")
    .execute();

  await db.schema
    .createTable("development_plan_checkins")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("plan_id", "varchar(36)", (c) => c.notNull().references("development_plans.id").onDelete("cascade"))
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addColumn("author_id", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    /** "Name <email>" as it was then, so the note survives the account. */
    .addColumn("author_label", "varchar(300)", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("development_plan_checkins_plan")
    .on("development_plan_checkins")
    .columns(["plan_id", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "development_plan_checkins",
    "development_plan_activities",
    "development_plan_goals",
    "development_plans",
    "learning_resource_competencies",
    "learning_resources",
  ])
    await db.schema.dropTable(table).execute();
}
