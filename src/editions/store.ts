/** Repository functions for editions. Explicit columns; snapshots are read only when asked for. */
import type { Kysely, Transaction } from "kysely";
import type { DB, Edition } from "../db/schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type EditionSummary = Omit<Edition, "snapshot">;

const summaryColumns = [
  "id",
  "framework_id",
  "number",
  "summary_en",
  "summary_fr",
  "published_at",
  "published_by",
  "published_by_label",
] as const;

const normalise = <T extends { number: number }>(row: T): T => ({ ...row, number: Number(row.number) });

/** Newest first. */
export async function listEditions(db: Executor, frameworkId: string): Promise<EditionSummary[]> {
  const rows = await db
    .selectFrom("editions")
    .select(summaryColumns)
    .where("framework_id", "=", frameworkId)
    .orderBy("number", "desc")
    .execute();
  return rows.map(normalise);
}

export async function findEdition(db: Executor, frameworkId: string, number: number): Promise<Edition | undefined> {
  const row = await db
    .selectFrom("editions")
    .select([...summaryColumns, "snapshot"])
    .where("framework_id", "=", frameworkId)
    .where("number", "=", number)
    .executeTakeFirst();
  return row && normalise(row);
}

export async function latestEdition(db: Executor, frameworkId: string): Promise<Edition | undefined> {
  const row = await db
    .selectFrom("editions")
    .select([...summaryColumns, "snapshot"])
    .where("framework_id", "=", frameworkId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && normalise(row);
}

export async function latestEditionNumber(db: Executor, frameworkId: string): Promise<number> {
  const row = await db
    .selectFrom("editions")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("framework_id", "=", frameworkId)
    .executeTakeFirst();
  return Number(row?.number ?? 0);
}

export async function insertEdition(trx: Executor, edition: Edition): Promise<void> {
  await trx.insertInto("editions").values(edition).execute();
}
