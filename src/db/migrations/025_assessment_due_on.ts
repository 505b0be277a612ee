/**
 * An assessment's own due date (decision 053): when a reviewer or HR reopens an assessment they say
 * by when the person should finish again. The steps still to do are then due no earlier than this
 * day, even when the cycle's due dates have passed. Null: the cycle's due dates alone apply.
 * A calendar day, YYYY-MM-DD, as the cycle's step due dates are.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

export async function up(db: Kysely<unknown>): Promise<void> {
  await (db as AnyDB).schema.alterTable("assessments").addColumn("due_on", "varchar(10)").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await (db as AnyDB).schema.alterTable("assessments").dropColumn("due_on").execute();
}
