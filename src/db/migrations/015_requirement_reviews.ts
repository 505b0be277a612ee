/**
 * Requirement reviews (issue 14, decision 037): when a newer edition changes or retires the item a
 * job profile's requirement is pinned to, the author may keep the old wording. The edition they
 * reviewed is recorded on the requirement, so the notice does not come back until a later edition
 * changes the item again. Null: never reviewed. No foreign key: a nullable column without one can be
 * added and dropped in place on SQLite and PostgreSQL alike (decision 030's note on SQLite).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("job_profile_requirements").addColumn("reviewed_edition_id", "varchar(36)").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("job_profile_requirements").dropColumn("reviewed_edition_id").execute();
}
