/**
 * An organisation's time zone (decision 054): an IANA name (America/Toronto), or null for the
 * instance's (the TIME_ZONE setting). Its "today" (due dates, overdue, reminders) and the times its
 * pages, e-mails and exports show are in this zone. Null for every organisation already there, so
 * nothing changes until an administrator chooses one or the instance sets TIME_ZONE.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

export async function up(db: Kysely<unknown>): Promise<void> {
  // IANA names run to about 30 characters; 64 leaves room without accepting a paragraph.
  await (db as AnyDB).schema.alterTable("organisations").addColumn("time_zone", "varchar(64)").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await (db as AnyDB).schema.alterTable("organisations").dropColumn("time_zone").execute();
}
