/**
 * Security (decision 013): sign-in throttling shared by every process, the security log, and the
 * optional second factor (better-auth's two-factor plugin).
 *
 * `auth_throttle` and `security_events` are our own tables: ISO text timestamps on both databases,
 * as everywhere else. `two_factors` and `users.two_factor_enabled` are better-auth's, so they follow
 * migration 003's exception (timestamptz and boolean on PostgreSQL, where better-auth binds Date and
 * boolean values).
 */
import { type Kysely, PostgresAdapter } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const timestamp = postgres ? "timestamptz" : "varchar(30)";
  const boolean = postgres ? "boolean" : "integer";

  // One row per throttled key ("account:…", "address:…", "device:…", "totp:…"). Each attempt reserves
  // itself with one conditional upsert on its row, so parallel attempts cannot all pass the check.
  await db.schema
    .createTable("auth_throttle")
    .addColumn("key", "varchar(400)", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", "varchar(30)", (c) => c.notNull())
    /** No attempt on this key is checked before this time (the progressive delay). */
    .addColumn("next_allowed_at", "varchar(30)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("security_events")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    /** e.g. sign_in.succeeded, sign_in.failed, sign_in.throttled, user.disabled (src/security/events.ts). */
    .addColumn("kind", "varchar(40)", (c) => c.notNull())
    /** Who acted: the signed-in account, or null for an anonymous request. */
    .addColumn("actor_id", "varchar(36)")
    .addColumn("actor_label", "varchar(254)")
    /** The account concerned, when there is one (the email as typed for an unknown account). */
    .addColumn("subject_id", "varchar(36)")
    .addColumn("subject_label", "varchar(254)")
    .addColumn("address", "varchar(100)")
    .addColumn("request_id", "varchar(100)")
    /** A small JSON object of extra facts (role, reason…); never a password, token or code. */
    .addColumn("detail", "text")
    .execute();
  await db.schema.createIndex("security_events_at").on("security_events").columns(["at", "id"]).execute();
  await db.schema.createIndex("security_events_subject").on("security_events").column("subject_id").execute();

  await db.schema
    .alterTable("users")
    .addColumn("two_factor_enabled", boolean, (c) => c.notNull().defaultTo(postgres ? false : 0))
    .execute();

  await db.schema
    .createTable("two_factors")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    /** The TOTP secret, encrypted by better-auth with the auth secret. */
    .addColumn("secret", "text", (c) => c.notNull())
    /** Recovery codes, encrypted likewise. */
    .addColumn("backup_codes", "text", (c) => c.notNull())
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    /** False until the first code from the authenticator app confirms the enrolment. */
    .addColumn("verified", boolean, (c) => c.notNull().defaultTo(postgres ? false : 0))
    .addColumn("failed_verification_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", timestamp)
    .execute();
  await db.schema.createIndex("two_factors_user").on("two_factors").column("user_id").unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("two_factors").execute();
  await db.schema.alterTable("users").dropColumn("two_factor_enabled").execute();
  await db.schema.dropTable("security_events").execute();
  await db.schema.dropTable("auth_throttle").execute();
}
