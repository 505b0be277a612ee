/**
 * Organisations and people (decision 024): the library systems an instance serves, their units,
 * their staff and manager lines, who administers each organisation, the record of who viewed whose
 * record, and the history of changes to people, units and roles.
 *
 * Our own tables: ISO text timestamps and dates, 0/1 integers for flags, JSON as text, as everywhere
 * else. Enumerated columns carry their CHECK constraint from the start (decision 015).
 *
 * Units and people point at each other (a unit's head is a person; a person belongs to a unit), so
 * the unit's head column is added once both tables exist.
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";

export const ORGANISATION_ROLES = ["administrator"] as const;
export const PERSON_STATUSES = ["active", "on_leave", "left"] as const;
export const LANGS = ["en", "fr"] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(", ")})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    /** The organisation's web address name: /en/orgs/{slug}/… */
    .addColumn("slug", "varchar(60)", (c) => c.notNull().unique())
    .addColumn("name_en", "varchar(200)", (c) => c.notNull())
    .addColumn("name_fr", "varchar(200)", (c) => c.notNull())
    .addColumn("default_lang", "varchar(2)", (c) => c.notNull())
    /** Remove people this many months after they left (null: keep). Applied by the retention job. */
    .addColumn("retention_left_months", "integer")
    /** Remove assessments older than this many years (null: keep). */
    .addColumn("retention_assessment_years", "integer")
    /** The organisation's privacy notice (Markdown), linked from every personal page. */
    .addColumn("privacy_notice_en", "text")
    .addColumn("privacy_notice_fr", "text")
    /** Other settings, a JSON object read through a versioned schema (src/people/settings.ts). */
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addCheckConstraint("organisations_default_lang_check", inList("default_lang", LANGS))
    .execute();

  await db.schema
    .createTable("units")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    /** Null for the organisation's top units (usually one: the system itself). */
    .addColumn("parent_id", "varchar(36)", (c) => c.references("units.id").onDelete("cascade"))
    .addColumn("name_en", "varchar(200)", (c) => c.notNull())
    .addColumn("name_fr", "varchar(200)", (c) => c.notNull())
    /** Order among siblings. */
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("units_organisation").on("units").columns(["organisation_id", "parent_id"]).execute();

  await db.schema
    .createTable("people")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("given_name", "varchar(200)", (c) => c.notNull())
    .addColumn("family_name", "varchar(200)", (c) => c.notNull())
    .addColumn("preferred_name", "varchar(200)")
    /** Lower-cased as stored, so single sign-on and invitations match it exactly. */
    .addColumn("email", "varchar(254)")
    /** The HR system's number: unique in the organisation, the key of staff imports. */
    .addColumn("employee_number", "varchar(60)", (c) => c.notNull())
    .addColumn("unit_id", "varchar(36)", (c) => c.references("units.id").onDelete("set null"))
    /** Another person of the same organisation (checked by the store); no cycles (src/people/manager-lines.ts). */
    .addColumn("manager_id", "varchar(36)", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("status", "varchar(10)", (c) => c.notNull())
    /** When the status took effect (ISO date), e.g. the day someone left. */
    .addColumn("status_since", "varchar(10)")
    .addColumn("preferred_lang", "varchar(2)", (c) => c.notNull())
    /** The account this person signs in with, once invited or matched by single sign-on. */
    .addColumn("user_id", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addUniqueConstraint("people_employee_number_unique", ["organisation_id", "employee_number"])
    .addCheckConstraint("people_status_check", inList("status", PERSON_STATUSES))
    .addCheckConstraint("people_preferred_lang_check", inList("preferred_lang", LANGS))
    .execute();
  await db.schema.createIndex("people_manager").on("people").column("manager_id").execute();
  await db.schema.createIndex("people_unit").on("people").column("unit_id").execute();
  await db.schema.createIndex("people_email").on("people").columns(["organisation_id", "email"]).execute();
  // An account is at most one person in an organisation (it may be people in several).
  await db.schema
    .createIndex("people_user_unique")
    .on("people")
    .columns(["organisation_id", "user_id"])
    .unique()
    .where(sql.ref("user_id"), "is not", null)
    .execute();
  await db.schema.createIndex("people_user").on("people").column("user_id").execute();

  await db.schema
    .alterTable("units")
    .addColumn("head_person_id", "varchar(36)", (c) => c.references("people.id").onDelete("set null"))
    .execute();

  // Roles held in an organisation by an account. Manager and staff are not stored: they follow from
  // the manager lines and from being a person of the organisation.
  await db.schema
    .createTable("organisation_roles")
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "varchar(20)", (c) => c.notNull())
    .addColumn("granted_at", "varchar(30)", (c) => c.notNull())
    .addColumn("granted_by", "varchar(36)")
    .addPrimaryKeyConstraint("organisation_roles_pk", ["organisation_id", "user_id", "role"])
    .addCheckConstraint("organisation_roles_role_check", inList("role", ORGANISATION_ROLES))
    .execute();
  await db.schema.createIndex("organisation_roles_user").on("organisation_roles").column("user_id").execute();

  // Every view of another person's record: who, whose, what, when (MFIPPA). Kept when the viewer's
  // account goes (the label stays); removed with the person viewed.
  await db.schema
    .createTable("access_log")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addColumn("actor_id", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("actor_label", "varchar(254)", (c) => c.notNull())
    .addColumn("person_id", "varchar(36)", (c) => c.notNull().references("people.id").onDelete("cascade"))
    /** What was seen: record, export, access-log, and later assessment… (src/people/access-log.ts). */
    .addColumn("what", "varchar(40)", (c) => c.notNull())
    /** The page or API path that showed it. */
    .addColumn("path", "varchar(500)")
    .addColumn("request_id", "varchar(100)")
    .execute();
  await db.schema.createIndex("access_log_person").on("access_log").columns(["person_id", "at"]).execute();
  await db.schema.createIndex("access_log_organisation").on("access_log").columns(["organisation_id", "at"]).execute();

  // Changes to organisations, units, people and roles: who, when, what (before/after as JSON text).
  await db.schema
    .createTable("organisation_changes")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addColumn("actor_id", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("actor_label", "varchar(254)", (c) => c.notNull())
    /** organisation | unit | person | role */
    .addColumn("subject_kind", "varchar(20)", (c) => c.notNull())
    .addColumn("subject_id", "varchar(36)", (c) => c.notNull())
    /** create | update | delete | import | purge */
    .addColumn("action", "varchar(20)", (c) => c.notNull())
    /** The changes one action made (an import, a purge) share a batch. */
    .addColumn("batch_id", "varchar(36)", (c) => c.notNull())
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addCheckConstraint(
      "organisation_changes_subject_kind_check",
      inList("subject_kind", ["organisation", "unit", "person", "role"]),
    )
    .addCheckConstraint(
      "organisation_changes_action_check",
      inList("action", ["create", "update", "delete", "import", "purge"]),
    )
    .execute();
  await db.schema
    .createIndex("organisation_changes_subject")
    .on("organisation_changes")
    .columns(["organisation_id", "subject_kind", "subject_id", "at"])
    .execute();
  await db.schema
    .createIndex("organisation_changes_at")
    .on("organisation_changes")
    .columns(["organisation_id", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("organisation_changes").execute();
  await db.schema.dropTable("access_log").execute();
  await db.schema.dropTable("organisation_roles").execute();
  // Units and people point at each other: drop both with their references.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropTable("people").cascade().execute();
    await db.schema.dropTable("units").cascade().execute();
  } else {
    // SQLite empties a table before dropping it, so the units go first (their people's unit is set to
    // null), then the people (whose only remaining reference is to each other).
    await sql`update units set head_person_id = null`.execute(db);
    await db.schema.dropTable("units").execute();
    await db.schema.dropTable("people").execute();
  }
  await db.schema.dropTable("organisations").execute();
}
