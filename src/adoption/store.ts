/**
 * Repository functions for adoptions: the adoption row, per-item tracking (migration 006), and the
 * upstream editions' items. Editions never change once published, so their parsed items are kept in
 * a small cache keyed by the edition's id: an editor's pages do not read the same edition twice.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { contentItems, type EditionContent } from "../editions/content.ts";
import { readEditionContent } from "../editions/store.ts";
import type { ItemState } from "../frameworks/item-state.ts";
import type { TrackedItem } from "./entries.ts";

// The adoption row itself is read by readers too (an edition's provenance): it lives with editions.
export { type Adoption, findAdoption } from "../editions/provenance.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export async function listTracked(db: Executor, frameworkId: string): Promise<Map<string, TrackedItem>> {
  const rows = await db
    .selectFrom("adoption_items")
    .select(["source_item_id", "edition", "decision", "kind"])
    .where("framework_id", "=", frameworkId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.source_item_id,
      { sourceItemId: r.source_item_id, edition: Number(r.edition), decision: r.decision, kind: r.kind },
    ]),
  );
}

/** Records which upstream edition an item's decision was about (replacing the previous one). */
export async function track(
  trx: Executor,
  row: TrackedItem & { frameworkId: string; actorId: string | null; at: string },
): Promise<void> {
  const values = {
    framework_id: row.frameworkId,
    source_item_id: row.sourceItemId,
    edition: row.edition,
    decision: row.decision,
    kind: row.kind,
    actor_id: row.actorId,
    at: row.at,
  };
  await trx
    .insertInto("adoption_items")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["framework_id", "source_item_id"]).doUpdateSet({
        edition: values.edition,
        decision: values.decision,
        kind: values.kind,
        actor_id: values.actor_id,
        at: values.at,
      }),
    )
    .execute();
}

export async function setCaughtUp(trx: Executor, frameworkId: string, edition: number): Promise<void> {
  await trx.updateTable("adoptions").set({ source_edition: edition }).where("framework_id", "=", frameworkId).execute();
}

export interface EditionItems {
  number: number;
  content: EditionContent;
  items: Map<string, ItemState>;
}

const CACHE_SIZE = 8;
const cache = new Map<string, EditionItems>();

/** The items of some of a framework's editions, by number (editions that do not exist are left out). */
export async function editionItems(
  db: Executor,
  frameworkId: string,
  numbers: readonly number[],
): Promise<Map<number, EditionItems>> {
  const wanted = [...new Set(numbers)];
  const found = new Map<number, EditionItems>();
  if (wanted.length === 0) return found;
  const ids = await db
    .selectFrom("editions")
    .select(["id", "number"])
    .where("framework_id", "=", frameworkId)
    .where("number", "in", wanted)
    .execute();
  const missing: string[] = [];
  for (const row of ids) {
    const hit = cache.get(row.id);
    if (hit) {
      // Most recently used last.
      cache.delete(row.id);
      cache.set(row.id, hit);
      found.set(hit.number, hit);
    } else missing.push(row.id);
  }
  for (const id of missing) {
    const row = await db
      .selectFrom("editions")
      .select(["id", "number", "snapshot"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const content = await readEditionContent(db, row);
    const entry = { number: Number(row.number), content, items: contentItems(content) };
    cache.set(row.id, entry);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    found.set(entry.number, entry);
  }
  return found;
}
