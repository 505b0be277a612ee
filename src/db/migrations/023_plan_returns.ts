/**
 * A development plan sent back to draft says why (issue 16): the manager's reason, who sent it back
 * (their name as it was then) and when. Kept until the plan is submitted again, so the person reads
 * it while they rework the plan. Three nullable columns: nothing to backfill.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("development_plans").addColumn("returned_reason", "text").execute();
  await db.schema.alterTable("development_plans").addColumn("returned_by_label", "varchar(300)").execute();
  await db.schema.alterTable("development_plans").addColumn("returned_at", "varchar(30)").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("development_plans").dropColumn("returned_at").execute();
  await db.schema.alterTable("development_plans").dropColumn("returned_by_label").execute();
  await db.schema.alterTable("development_plans").dropColumn("returned_reason").execute();
}
