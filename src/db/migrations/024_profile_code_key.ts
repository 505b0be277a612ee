/**
 * A job profile's code is unique in its organisation whatever its case and surrounding spaces
 * ("LT-2" and " lt-2" are one code), as the store has always compared it. Migration 013's unique
 * index compared codes exactly, so two saves racing past the store's check could store both; this
 * index on the same expression the store uses makes the database refuse the second.
 *
 * Should a database already hold two codes that differ only by case, the index cannot be built: the
 * migration then stops and names them, so an administrator renames one, rather than guessing which.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

export async function up(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDB;
  const clashes = await sql<{ organisation_id: string; key: string }>`
    select organisation_id, lower(trim(code)) as key from job_profiles
    where code is not null
    group by organisation_id, lower(trim(code)) having count(*) > 1`.execute(any);
  if (clashes.rows.length > 0) {
    const list = clashes.rows.map((r) => `"${r.key}" (organisation ${r.organisation_id})`).join(", ");
    throw new Error(
      `Migration 024: job profile codes that differ only by case or spaces must be renamed first: ${list}`,
    );
  }
  await any.schema.dropIndex("job_profiles_code").execute();
  await sql`create unique index job_profiles_code_key on job_profiles (organisation_id, (lower(trim(code))))`.execute(
    any,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDB;
  await any.schema.dropIndex("job_profiles_code_key").execute();
  await any.schema
    .createIndex("job_profiles_code")
    .on("job_profiles")
    .columns(["organisation_id", "code"])
    .unique()
    .execute();
}
