/**
 * Several server processes over one database (decision 020).
 *
 * `import_uploads`: files waiting between the import wizard's preview and its confirmation, so the
 * confirmation may reach any process. The bytes are a blob (SQLite) or bytea (PostgreSQL); the rest
 * of what the wizard remembers is a small JSON text. ISO text timestamps, as everywhere else.
 *
 * On PostgreSQL, a trigger on the content revision counter (`meta.content_revision`, which every
 * publish, import, restore and editor save increases) sends `NOTIFY skillshelf_changes` in the same
 * transaction, so no writer can forget it and listeners hear it only once the change is committed.
 * The payload names the schema, so Skillshelfs sharing one database in different schemas can tell
 * their own changes apart.
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";

export const CHANGE_CHANNEL = "skillshelf_changes";

/** The PostgreSQL trigger, one statement each (the change bus's tests run them on a bare PGlite too). */
export const CHANGE_TRIGGER_STATEMENTS = [
  `create or replace function skillshelf_notify_change() returns trigger language plpgsql as $$
begin
  if new.key = 'content_revision' then
    perform pg_notify('${CHANGE_CHANNEL}', tg_table_schema || ' ' || new.value);
  end if;
  return new;
end
$$`,
  "drop trigger if exists skillshelf_meta_changed on meta",
  `create trigger skillshelf_meta_changed after insert or update on meta
  for each row execute function skillshelf_notify_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable("import_uploads")
    /** The random token the browser holds (32 URL-safe characters). */
    .addColumn("token", "varchar(32)", (c) => c.primaryKey())
    /** Only this account may confirm (or see) the upload; it goes with the account. */
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    /** What the wizard chose on its first page (format, target, title…), as a JSON object. */
    .addColumn("meta", "text", (c) => c.notNull())
    .addColumn("bytes", postgres ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    /** After this the upload answers like an unknown token, and the next save removes it. */
    .addColumn("expires_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("import_uploads_expires").on("import_uploads").column("expires_at").execute();
  await db.schema.createIndex("import_uploads_user").on("import_uploads").columns(["user_id", "created_at"]).execute();

  if (postgres) for (const statement of CHANGE_TRIGGER_STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw("drop trigger if exists skillshelf_meta_changed on meta").execute(db);
    await sql.raw("drop function if exists skillshelf_notify_change()").execute(db);
  }
  await db.schema.dropTable("import_uploads").execute();
}
