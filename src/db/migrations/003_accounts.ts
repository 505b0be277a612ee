/**
 * Accounts: the tables better-auth reads and writes (users, sessions, accounts, verifications),
 * created here by our own versioned migration rather than by better-auth's CLI, with snake_case
 * column names that src/auth/better-auth.ts maps better-auth's fields onto.
 *
 * One deliberate exception to "timestamps are ISO text": on PostgreSQL better-auth binds real
 * `Date` and `boolean` values (it only converts them to text/0-1 on SQLite), so there these tables
 * use `timestamptz` and `boolean`. Code reading them goes through src/auth/accounts.ts, which
 * normalises both back to ISO text and booleans.
 */
import { type Kysely, PostgresAdapter } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const timestamp = postgres ? "timestamptz" : "varchar(30)";
  const boolean = postgres ? "boolean" : "integer";
  const no = postgres ? false : 0;

  await db.schema
    .createTable("users")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("email", "varchar(254)", (c) => c.notNull().unique())
    .addColumn("name", "varchar(200)", (c) => c.notNull())
    .addColumn("email_verified", boolean, (c) => c.notNull().defaultTo(no))
    .addColumn("image", "text")
    /** administrator | editor (src/policy ROLES). */
    .addColumn("role", "varchar(20)", (c) => c.notNull())
    /** A disabled account cannot sign in and its sessions are ignored. */
    .addColumn("disabled", boolean, (c) => c.notNull().defaultTo(no))
    /** Set for a temporary password chosen by an administrator: the first sign-in asks for a new one. */
    .addColumn("must_change_password", boolean, (c) => c.notNull().defaultTo(no))
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("token", "varchar(255)", (c) => c.notNull().unique())
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", timestamp, (c) => c.notNull())
    .addColumn("ip_address", "varchar(100)")
    .addColumn("user_agent", "text")
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("accounts")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("account_id", "varchar(255)", (c) => c.notNull())
    .addColumn("provider_id", "varchar(100)", (c) => c.notNull())
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("access_token", "text")
    .addColumn("refresh_token", "text")
    .addColumn("id_token", "text")
    .addColumn("access_token_expires_at", timestamp)
    .addColumn("refresh_token_expires_at", timestamp)
    .addColumn("scope", "text")
    /** scrypt hash (better-auth's format) for the "credential" provider; never the password itself. */
    .addColumn("password", "text")
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("accounts_user").on("accounts").column("user_id").execute();

  await db.schema
    .createTable("verifications")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    /** What the value is for, e.g. "invitation:<sha-256 of the token>" (the token itself is never stored). */
    .addColumn("identifier", "varchar(255)", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("expires_at", timestamp, (c) => c.notNull())
    .addColumn("created_at", timestamp, (c) => c.notNull())
    .addColumn("updated_at", timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("verifications_identifier").on("verifications").column("identifier").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["verifications", "accounts", "sessions", "users"]) await db.schema.dropTable(table).execute();
}
