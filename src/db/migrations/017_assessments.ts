/**
 * Review cycles and assessments (issue 15, decision 038).
 * - `review_cycles`: an organisation's cycle (names EN/FR, period, the scale, who takes part as a
 *   JSON selection of units, profiles and people, what happens to someone who leaves or moves, and
 *   its state: draft → open → closed, reopenable).
 * - `review_cycle_steps`: the cycle's steps (self-assessment, manager review, conversation,
 *   sign-off) with their due dates.
 * - `assessments`: one per person and cycle, with the manager at the time (moved when the person
 *   moves, if the cycle says so), the profile it was built from, its state, the conversation notes,
 *   both sign-offs, and a `version` for the same optimistic concurrency as the editor.
 * - `assessment_items`: the competencies assessed, pinned to a published edition like a profile's
 *   requirement (target and importance copied from the profile at opening, or added by the person or
 *   the manager), with the self, manager and agreed levels and comments.
 * - `assessment_evidence`: links and files (bytes in the database, type checked by content).
 * - `assessment_history`: every state change and every rating change, who and when.
 * - `reminder_settings` and `reminders_sent`: each person's choice (each reminder, or a weekly
 *   digest) and what was sent, so the scheduled job never sends the same reminder twice.
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";

export const CYCLE_STATES = ["draft", "open", "closed"] as const;
export const CYCLE_STEPS = ["self", "manager", "conversation", "signoff"] as const;
export const ASSESSMENT_STATES = [
  "not_started",
  "in_progress",
  "submitted",
  "in_review",
  "agreed",
  "signed_off",
  "reopened",
  "withdrawn",
] as const;
/** What a cycle does with someone who leaves or moves while it runs. */
export const LEAVER_RULES = ["keep", "move", "withdraw"] as const;
export const ITEM_ORIGINS = ["profile", "person", "manager"] as const;
export const EVIDENCE_KINDS = ["link", "file"] as const;
export const REMINDER_MODES = ["each", "weekly"] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable("review_cycles")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("name_en", "varchar(200)", (c) => c.notNull())
    .addColumn("name_fr", "varchar(200)", (c) => c.notNull())
    /** YYYY-MM-DD */
    .addColumn("period_start", "varchar(10)", (c) => c.notNull())
    .addColumn("period_end", "varchar(10)", (c) => c.notNull())
    .addColumn("scale_id", "varchar(36)", (c) => c.notNull().references("proficiency_scales.id"))
    /** JSON {units: [], profiles: [], people: []}: who takes part (any of them). */
    .addColumn("participants", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("leaver_rule", "varchar(10)", (c) => c.notNull().defaultTo("keep"))
    .addColumn("state", "varchar(10)", (c) => c.notNull().defaultTo("draft"))
    .addColumn("opened_at", "varchar(30)")
    .addColumn("closed_at", "varchar(30)")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addCheckConstraint("review_cycles_state_check", inList("state", CYCLE_STATES))
    .addCheckConstraint("review_cycles_leaver_rule_check", inList("leaver_rule", LEAVER_RULES))
    .execute();
  await db.schema
    .createIndex("review_cycles_organisation")
    .on("review_cycles")
    .columns(["organisation_id", "state"])
    .execute();

  await db.schema
    .createTable("review_cycle_steps")
    .addColumn("cycle_id", "varchar(36)", (c) => c.notNull().references("review_cycles.id").onDelete("cascade"))
    .addColumn("step", "varchar(15)", (c) => c.notNull())
    /** YYYY-MM-DD */
    .addColumn("due_date", "varchar(10)", (c) => c.notNull())
    .addPrimaryKeyConstraint("review_cycle_steps_pk", ["cycle_id", "step"])
    .addCheckConstraint("review_cycle_steps_step_check", inList("step", CYCLE_STEPS))
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("cycle_id", "varchar(36)", (c) => c.notNull().references("review_cycles.id").onDelete("cascade"))
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("person_id", "varchar(36)", (c) => c.notNull().references("people.id").onDelete("cascade"))
    /** The reviewing manager (the person's manager at opening, or after a move). */
    .addColumn("manager_id", "varchar(36)", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("profile_id", "varchar(36)", (c) => c.references("job_profiles.id").onDelete("set null"))
    .addColumn("state", "varchar(12)", (c) => c.notNull().defaultTo("not_started"))
    /** Why it was reopened (required when state is reopened). */
    .addColumn("reopened_reason", "text")
    .addColumn("conversation_date", "varchar(10)")
    .addColumn("conversation_notes", "text")
    .addColumn("person_signed_at", "varchar(30)")
    .addColumn("manager_signed_at", "varchar(30)")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addCheckConstraint("assessments_state_check", inList("state", ASSESSMENT_STATES))
    .execute();
  await db.schema
    .createIndex("assessments_cycle_person")
    .on("assessments")
    .columns(["cycle_id", "person_id"])
    .unique()
    .execute();
  await db.schema.createIndex("assessments_person").on("assessments").column("person_id").execute();
  await db.schema.createIndex("assessments_manager").on("assessments").columns(["manager_id", "state"]).execute();

  await db.schema
    .createTable("assessment_items")
    .addColumn("assessment_id", "varchar(36)", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id"))
    .addColumn("item_id", "varchar(36)", (c) => c.notNull())
    .addColumn("edition_id", "varchar(36)", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("origin", "varchar(10)", (c) => c.notNull())
    /** From the profile at opening; null for a competency the person or manager added without one. */
    .addColumn("target_level", "integer")
    .addColumn("importance", "varchar(10)")
    .addColumn("self_level", "integer")
    .addColumn("self_comment", "text")
    .addColumn("manager_level", "integer")
    .addColumn("manager_comment", "text")
    .addColumn("agreed_level", "integer")
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_items_pk", ["assessment_id", "framework_id", "item_id"])
    .addForeignKeyConstraint("assessment_items_item", ["edition_id", "item_id"], "published_items", [
      "edition_id",
      "item_id",
    ])
    .addCheckConstraint("assessment_items_origin_check", inList("origin", ITEM_ORIGINS))
    .addCheckConstraint(
      "assessment_items_levels_check",
      sql`coalesce("self_level", 1) >= 1 and coalesce("manager_level", 1) >= 1 and coalesce("agreed_level", 1) >= 1 and coalesce("target_level", 1) >= 1`,
    )
    .execute();
  await db.schema
    .createIndex("assessment_items_item")
    .on("assessment_items")
    .columns(["framework_id", "item_id"])
    .execute();

  await db.schema
    .createTable("assessment_evidence")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("assessment_id", "varchar(36)", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    /** The competency it supports (null: the assessment as a whole). */
    .addColumn("item_id", "varchar(36)")
    .addColumn("kind", "varchar(5)", (c) => c.notNull())
    .addColumn("title", "varchar(300)", (c) => c.notNull())
    .addColumn("url", "varchar(2000)")
    .addColumn("file_name", "varchar(255)")
    /** Found from the bytes, not from the name. */
    .addColumn("media_type", "varchar(100)")
    .addColumn("size", "integer")
    .addColumn("bytes", postgres ? "bytea" : "blob")
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("created_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addCheckConstraint("assessment_evidence_kind_check", inList("kind", EVIDENCE_KINDS))
    .execute();
  await db.schema
    .createIndex("assessment_evidence_assessment")
    .on("assessment_evidence")
    .column("assessment_id")
    .execute();

  await db.schema
    .createTable("assessment_history")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("assessment_id", "varchar(36)", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addColumn("actor_id", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    /** "Name <email>" as it was then, so the record survives the account. */
    .addColumn("actor_label", "varchar(300)", (c) => c.notNull())
    /** state | rating | comment | item-added | item-removed | evidence | signed | … */
    .addColumn("event", "varchar(30)", (c) => c.notNull())
    .addColumn("from_state", "varchar(12)")
    .addColumn("to_state", "varchar(12)")
    /** JSON: what changed (item, field, before, after, reason). */
    .addColumn("detail", "text")
    .execute();
  await db.schema
    .createIndex("assessment_history_assessment")
    .on("assessment_history")
    .columns(["assessment_id", "at"])
    .execute();

  await db.schema
    .createTable("reminder_settings")
    .addColumn("person_id", "varchar(36)", (c) => c.primaryKey().references("people.id").onDelete("cascade"))
    .addColumn("mode", "varchar(10)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addCheckConstraint("reminder_settings_mode_check", inList("mode", REMINDER_MODES))
    .execute();

  await db.schema
    .createTable("reminders_sent")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("person_id", "varchar(36)", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("assessment_id", "varchar(36)", (c) => c.references("assessments.id").onDelete("cascade"))
    /** What the reminder was about, unique per person: e.g. "due:self:{assessment}:2027-03-01", "digest:2027-W09". */
    .addColumn("reminder_key", "varchar(120)", (c) => c.notNull())
    .addColumn("sent_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reminders_sent_once")
    .on("reminders_sent")
    .columns(["person_id", "reminder_key"])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "reminders_sent",
    "reminder_settings",
    "assessment_history",
    "assessment_evidence",
    "assessment_items",
    "assessments",
    "review_cycle_steps",
    "review_cycles",
  ])
    await db.schema.dropTable(table).execute();
}
