/**
 * Repository functions for "translation may be out of date" flags. Callers pass their transaction:
 * a flag is set or cleared in the same transaction as the change that causes it.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Batch } from "./changes-store.ts";
import {
  type BilingualText,
  FRAMEWORK_TEXTS,
  ITEM_TEXTS,
  nextFlag,
  type OutdatedText,
  type Pair,
  pairOf,
  type TextLang,
} from "./translations.ts";

type Executor = Kysely<DB> | Transaction<DB>;

const columns = ["item_id", "field", "lang", "flagged_at", "flagged_by_label"] as const;

const toOutdated = (row: {
  item_id: string | null;
  field: string;
  lang: string;
  flagged_at: string;
  flagged_by_label: string | null;
}): OutdatedText => ({
  itemId: row.item_id,
  field: row.field as BilingualText,
  lang: row.lang as TextLang,
  flaggedAt: row.flagged_at,
  flaggedBy: row.flagged_by_label,
});

/** Every flag of a framework (its own texts and its items'), oldest first. */
export async function listOutdated(db: Executor, frameworkId: string): Promise<OutdatedText[]> {
  const rows = await db
    .selectFrom("translation_flags")
    .select(columns)
    .where("framework_id", "=", frameworkId)
    .orderBy("flagged_at")
    .execute();
  return rows.map(toOutdated);
}

/** The flags of one item (or, with null, of the framework's own texts), by text. */
export async function outdatedOf(
  db: Executor,
  frameworkId: string,
  itemId: string | null,
): Promise<Map<BilingualText, OutdatedText>> {
  let query = db.selectFrom("translation_flags").select(columns).where("framework_id", "=", frameworkId);
  query = itemId === null ? query.where("item_id", "is", null) : query.where("item_id", "=", itemId);
  return new Map((await query.execute()).map((row) => [row.field as BilingualText, toOutdated(row)]));
}

export async function countOutdated(db: Executor, frameworkId: string): Promise<number> {
  const row = await db
    .selectFrom("translation_flags")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("framework_id", "=", frameworkId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function deleteFlag(trx: Executor, frameworkId: string, itemId: string | null, field: string) {
  let query = trx.deleteFrom("translation_flags").where("framework_id", "=", frameworkId).where("field", "=", field);
  query = itemId === null ? query.where("item_id", "is", null) : query.where("item_id", "=", itemId);
  return query;
}

export interface TextChange {
  field: BilingualText;
  before: Pair;
  after: Pair;
}

/**
 * Sets or clears the flags of one item's (or the framework's) texts after a save, by `nextFlag`.
 * A text whose one language changed again while already flagged gets the newer time and person.
 */
export async function recordTextChanges(
  trx: Transaction<DB>,
  batch: Batch,
  itemId: string | null,
  changes: readonly TextChange[],
): Promise<void> {
  const touched = changes.filter((c) => c.before.en !== c.after.en || c.before.fr !== c.after.fr);
  if (touched.length === 0) return;
  const current = await outdatedOf(trx, batch.frameworkId, itemId);
  for (const change of touched) {
    const flag = nextFlag(current.get(change.field)?.lang ?? null, change.before, change.after);
    await deleteFlag(trx, batch.frameworkId, itemId, change.field).execute();
    if (flag === null) continue;
    await trx
      .insertInto("translation_flags")
      .values({
        id: randomUUID(),
        framework_id: batch.frameworkId,
        item_id: itemId,
        field: change.field,
        lang: flag,
        flagged_at: batch.at,
        flagged_by: batch.actorId,
        flagged_by_label: batch.actorLabel,
      })
      .execute();
  }
}

/**
 * The flags after an import rewrote texts (items and the framework's own, `itemId` null), by the
 * same rule as an editor's saves: an import that sets both languages flags nothing and answers what
 * was flagged; one that changes one language flags the other. Reads the framework's flags once and
 * writes only what changes, so a large import that leaves the texts alone costs one query.
 */
export async function recordImportedTexts(
  trx: Transaction<DB>,
  frameworkId: string,
  changes: readonly { itemId: string | null; before: object; after: object }[],
): Promise<void> {
  const key = (itemId: string | null, field: string) => `${itemId ?? ""}:${field}`;
  const existing = await trx
    .selectFrom("translation_flags")
    .select(["id", "item_id", "field", "lang"])
    .where("framework_id", "=", frameworkId)
    .execute();
  const current = new Map(existing.map((row) => [key(row.item_id, row.field), row]));
  const removed: string[] = [];
  const added: DB["translation_flags"][] = [];
  const at = new Date().toISOString();
  for (const change of changes) {
    for (const field of change.itemId === null ? FRAMEWORK_TEXTS : ITEM_TEXTS) {
      const before = pairOf(change.before, field);
      const after = pairOf(change.after, field);
      if (before.en === after.en && before.fr === after.fr) continue;
      const flag = current.get(key(change.itemId, field));
      const next = nextFlag((flag?.lang as TextLang | undefined) ?? null, before, after);
      if (flag) removed.push(flag.id);
      if (next)
        added.push({
          id: randomUUID(),
          framework_id: frameworkId,
          item_id: change.itemId,
          field,
          lang: next,
          flagged_at: at,
          flagged_by: null,
          flagged_by_label: null,
        });
    }
  }
  for (let i = 0; i < removed.length; i += 500)
    await trx
      .deleteFrom("translation_flags")
      .where("id", "in", removed.slice(i, i + 500))
      .execute();
  for (let i = 0; i < added.length; i += 500)
    await trx
      .insertInto("translation_flags")
      .values(added.slice(i, i + 500))
      .execute();
}

/** Clears one flag if it is still the one the person saw (same text, same language); true if it did. */
export async function clearFlag(
  trx: Executor,
  frameworkId: string,
  itemId: string | null,
  field: BilingualText,
  lang: TextLang,
): Promise<boolean> {
  const result = await deleteFlag(trx, frameworkId, itemId, field).where("lang", "=", lang).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
