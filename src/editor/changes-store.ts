/** Writing and reading history records. Explicit columns; callers pass their transaction. */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Change, DB } from "../db/schema.ts";
import { type ChangeRecord, encodePath } from "../frameworks/history.ts";
import type { Actor } from "../policy/index.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Who did it and when: shared by every record one action writes. */
export interface Batch {
  id: string;
  frameworkId: string;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  /** Records written so far in this batch (they are numbered in order across calls). */
  written: number;
}

export function newBatch(frameworkId: string, actor: Actor | null, at = new Date().toISOString()): Batch {
  return {
    id: randomUUID(),
    frameworkId,
    at,
    actorId: actor?.id ?? null,
    actorLabel: actor ? (actor.name ?? actor.email) : null,
    written: 0,
  };
}

export async function writeChanges(trx: Executor, batch: Batch, records: readonly ChangeRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((record, ordinal) => ({
    id: randomUUID(),
    framework_id: batch.frameworkId,
    item_id: record.itemId,
    item_path: encodePath(record.path),
    batch_id: batch.id,
    ordinal: batch.written + ordinal,
    actor_id: batch.actorId,
    actor_label: batch.actorLabel,
    at: batch.at,
    kind: record.kind,
    field: record.field,
    before: record.before,
    after: record.after,
  }));
  batch.written += rows.length;
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto("changes")
      .values(rows.slice(i, i + 200))
      .execute();
}

export const changeColumns = [
  "id",
  "framework_id",
  "item_id",
  "item_path",
  "batch_id",
  "ordinal",
  "actor_id",
  "actor_label",
  "at",
  "kind",
  "field",
  "before",
  "after",
] as const;

const normalise = (row: Change): Change => ({ ...row, ordinal: Number(row.ordinal) });

export interface ChangeFilter {
  frameworkId: string;
  /** Only changes to this item or anything under it (at the time of the change). */
  underItemId?: string;
  itemId?: string;
  /** Inclusive ISO date bounds (YYYY-MM-DD). */
  from?: string;
  to?: string;
  actorId?: string;
  kinds?: string[];
  limit?: number;
}

/** Newest first; records of one action in the order they were written. */
export async function listChanges(db: Executor, filter: ChangeFilter): Promise<Change[]> {
  let query = db.selectFrom("changes").select(changeColumns).where("framework_id", "=", filter.frameworkId);
  if (filter.itemId) query = query.where("item_id", "=", filter.itemId);
  if (filter.underItemId) query = query.where("item_path", "like", `%/${filter.underItemId}/%`);
  if (filter.from) query = query.where("at", ">=", `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where("at", "<=", `${filter.to}T23:59:59.999Z`);
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.kinds && filter.kinds.length > 0) query = query.where("kind", "in", filter.kinds);
  query = query.orderBy("at", "desc").orderBy("batch_id").orderBy("ordinal");
  if (filter.limit) query = query.limit(filter.limit);
  return (await query.execute()).map(normalise);
}

export async function findChange(db: Executor, frameworkId: string, id: string): Promise<Change | undefined> {
  const row = await db
    .selectFrom("changes")
    .select(changeColumns)
    .where("framework_id", "=", frameworkId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && normalise(row);
}

export async function listBatch(db: Executor, frameworkId: string, batchId: string): Promise<Change[]> {
  const rows = await db
    .selectFrom("changes")
    .select(changeColumns)
    .where("framework_id", "=", frameworkId)
    .where("batch_id", "=", batchId)
    .orderBy("ordinal")
    .execute();
  return rows.map(normalise);
}

/** The people who changed a framework, for the change log's filter. */
export async function listChangeActors(db: Executor, frameworkId: string): Promise<{ id: string; label: string }[]> {
  const rows = await db
    .selectFrom("changes")
    .select(["actor_id", "actor_label"])
    .where("framework_id", "=", frameworkId)
    .where("actor_id", "is not", null)
    .groupBy(["actor_id", "actor_label"])
    .execute();
  const byId = new Map<string, string>();
  for (const row of rows) byId.set(row.actor_id as string, row.actor_label ?? (row.actor_id as string));
  return [...byId].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
}
