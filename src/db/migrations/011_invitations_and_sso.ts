/**
 * Invitations of people and single sign-on per organisation (issue 13, decision 028):
 * - `person_invitations`: an organisation invites one of its people to sign in; only the token's
 *   hash is stored, with its expiry, the language of the message, and who invited.
 * - `organisation_sso`: an organisation's OpenID Connect provider (issuer, client id, the client
 *   secret encrypted with the instance's auth secret, the e-mail domains it answers for, on/off).
 * - A third instance role, `member`: the account of a person of an organisation, which may sign in
 *   and reach its organisation but edits no framework (invited staff must not become editors).
 *
 * users.role's CHECK constraint (migration 008b) is replaced by one that knows `member`: in place on
 * PostgreSQL; on SQLite by rebuilding the table with 008b's documented procedure.
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";
import { rebuildTable, sqliteRebuild } from "./008b_check_constraints.ts";

export const USER_ROLES = ["administrator", "editor", "member"] as const;
const PREVIOUS_USER_ROLES = ["administrator", "editor"] as const;
const LANGS = ["en", "fr"] as const;

const inList = (column: string, values: readonly string[]) =>
  `"${column}" in (${values.map((v) => `'${v}'`).join(", ")})`;
const roleConstraint = (values: readonly string[]) => `constraint "users_role_check" check (${inList("role", values)})`;

// biome-ignore lint/suspicious/noExplicitAny: migrations run on the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("person_invitations")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("person_id", "varchar(36)", (c) => c.notNull().references("people.id").onDelete("cascade"))
    /** sha256 of the token in the link; the token itself is never stored. */
    .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
    /** The address the invitation was sent to (the person's at the time). */
    .addColumn("email", "varchar(254)", (c) => c.notNull())
    /** The language of the message and of the accept page: the person's preferred one. */
    .addColumn("lang", "varchar(2)", (c) => c.notNull())
    .addColumn("invited_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("invited_by_label", "varchar(254)", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(30)", (c) => c.notNull())
    .addCheckConstraint("person_invitations_lang_check", sql.raw(inList("lang", LANGS)))
    .execute();
  await db.schema
    .createIndex("person_invitations_person")
    .on("person_invitations")
    .columns(["organisation_id", "person_id"])
    .execute();

  await db.schema
    .createTable("organisation_sso")
    .addColumn("organisation_id", "varchar(36)", (c) =>
      c.primaryKey().references("organisations.id").onDelete("cascade"),
    )
    .addColumn("issuer", "varchar(500)", (c) => c.notNull())
    .addColumn("client_id", "varchar(500)", (c) => c.notNull())
    /** AES-256-GCM with a key derived from the auth secret (src/people/sso/secret-box.ts). */
    .addColumn("client_secret", "text", (c) => c.notNull())
    /** JSON array of lower-cased domains, e.g. ["library.example"]. */
    .addColumn("email_domains", "text", (c) => c.notNull())
    /** 0/1 */
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .execute();

  await replaceRoleConstraint(db as AnyDB, PREVIOUS_USER_ROLES, USER_ROLES);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDB;
  await any.updateTable("users").set({ role: "editor" }).where("role", "=", "member").execute();
  await replaceRoleConstraint(any, USER_ROLES, PREVIOUS_USER_ROLES);
  await db.schema.dropTable("organisation_sso").execute();
  await db.schema.dropTable("person_invitations").execute();
}

/**
 * Swaps users.role's constraint. A database without 008b's constraint (only a test that runs the
 * migrations without 008b makes one) is left alone: 008b, run later, brings its own.
 */
async function replaceRoleConstraint(db: AnyDB, from: readonly string[], to: readonly string[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_constraint
      where conname = 'users_role_check' and conrelid = 'users'::regclass`.execute(db);
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await sql`alter table "users" drop constraint "users_role_check"`.execute(db);
    await sql.raw(`alter table "users" add ${roleConstraint(to)}`).execute(db);
    return;
  }
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master
    where type = 'table' and name = 'users'`.execute(db);
  if (!rows[0]?.sql.includes(roleConstraint(from))) return;
  await sqliteRebuild(db, () =>
    rebuildTable(db, "users", (create) => create.replace(roleConstraint(from), roleConstraint(to))),
  );
}
