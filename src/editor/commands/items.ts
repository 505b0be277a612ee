/**
 * Editor commands on items: add, edit, reorder, move, delete. Each is one transaction that writes the
 * change and its history records together, so a failure leaves nothing half-saved.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import {
  ancestryOf,
  deleteItems,
  findDraftItem,
  listDraftItems,
  listSiblings,
  setPlacement,
  touchItem,
  typeIdByCode,
  typesByCode,
  updateItemFields,
} from "../../frameworks/draft-store.ts";
import { EditorError } from "../../frameworks/errors.ts";
import {
  type ChangeRecord,
  createRecord,
  deleteRecord,
  diffItems,
  type FieldChange,
  fieldRecords,
} from "../../frameworks/history.ts";
import { type DraftItem, type ItemState, stateOf, TEXT_FIELDS, type TextField } from "../../frameworks/item-state.ts";
import type { Actor } from "../../policy/index.ts";
import { type Batch, listChanges, newBatch, writeChanges } from "../changes-store.ts";
import { recordTextChanges } from "../flags-store.ts";
import {
  descendantsOf,
  type Placement,
  type PlacementUpdate,
  planMove,
  planReorder,
  planSiblingOrder,
  type Reorder,
  siblingsOf,
} from "../moves.ts";
import type { AddItemInput, EditItemInput } from "../schemas.ts";
import { type Confirmation, pairOf } from "../translations.ts";
import { confirmTexts, itemTextChanges } from "./translations.ts";

export type Outcome = "done" | "unchanged";

export const inTransaction = <T>(db: Kysely<DB>, run: (trx: Transaction<DB>) => Promise<T>) =>
  db.transaction().execute(run);

/** A field someone else saved since the form was opened: theirs is in the draft now, yours was refused. */
export interface Conflict {
  field: TextField;
  theirs: string | null;
  yours: string | null;
  by: string | null;
  at: string;
}

/** What the saves between `sinceVersion` and now changed (each save bumps the version by one). */
export async function changedSince(
  trx: Kysely<DB> | Transaction<DB>,
  frameworkId: string,
  current: DraftItem,
  sinceVersion: number,
  yours: ItemState,
): Promise<Conflict[]> {
  const saves = Math.max(0, current.version - sinceVersion);
  if (saves === 0) return [];
  const records = await listChanges(trx, {
    frameworkId,
    itemId: current.id,
    kinds: ["update", "restore", "take"],
    limit: 200,
  });
  const batches: string[] = [];
  const conflicts = new Map<TextField, Conflict>();
  for (const record of records) {
    if (!batches.includes(record.batch_id)) {
      if (batches.length === saves) break;
      batches.push(record.batch_id);
    }
    const field = record.field as TextField;
    if (!record.field || !TEXT_FIELDS.includes(field) || conflicts.has(field)) continue;
    conflicts.set(field, {
      field,
      theirs: (current[field] ?? null) as string | null,
      yours: (yours[field] ?? null) as string | null,
      by: record.actor_label,
      at: record.at,
    });
  }
  return TEXT_FIELDS.filter((f) => conflicts.has(f)).map((f) => conflicts.get(f) as Conflict);
}

/** Whether an item that is gone was deleted (so a repeated delete or save can say so). */
export async function wasDeleted(
  trx: Kysely<DB> | Transaction<DB>,
  frameworkId: string,
  itemId: string,
): Promise<boolean> {
  return (await listChanges(trx, { frameworkId, itemId, kinds: ["delete"], limit: 1 })).length > 0;
}

async function requireItem(trx: Transaction<DB>, frameworkId: string, itemId: string): Promise<DraftItem> {
  const item = await findDraftItem(trx, frameworkId, itemId);
  if (item) return item;
  throw new EditorError((await wasDeleted(trx, frameworkId, itemId)) ? "stale" : "not_found", { deleted: true });
}

/**
 * Saves an item's text fields, refused (409) when someone saved it since `input.version`.
 * @param confirmations flagged texts the person ticked as still correct (cleared after the save)
 */
export async function editItem(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  itemId: string,
  input: EditItemInput,
  confirmations: readonly Confirmation[] = [],
): Promise<{ outcome: Outcome; version: number }> {
  return inTransaction(db, async (trx) => {
    const current = await requireItem(trx, frameworkId, itemId);
    // The type's id is needed only when it changes (saves are the hot path: fewest queries).
    const typeId = input.type === current.type ? "" : await typeIdByCode(trx, frameworkId, input.type);
    if (typeId === undefined) throw new EditorError("unknown_type");
    const desired: ItemState = { ...stateOf(current), ...pickText(input) };
    const changes = diffItems(current, desired);
    const batch = newBatch(frameworkId, actor);
    const confirm = async () =>
      confirmations.length === 0
        ? 0
        : confirmTexts(
            trx,
            batch,
            { itemId, path: await ancestryOf(trx, frameworkId, current) },
            (field) => pairOf(desired, field),
            confirmations,
          );
    // A second submit of the same form finds its values already saved: nothing to do, nothing lost.
    if (changes.length === 0)
      return { outcome: (await confirm()) > 0 ? "done" : "unchanged", version: current.version };
    if (current.version !== input.version)
      throw new EditorError("stale", {
        conflicts: await changedSince(trx, frameworkId, current, input.version, desired),
      });
    const version = await saveFields(trx, batch, current, changes, typeId, "update", input.version);
    await confirm();
    return { outcome: "done", version };
  });
}

const pickText = (input: Pick<ItemState, TextField>): Pick<ItemState, TextField> => ({
  code: input.code,
  type: input.type,
  statement_en: input.statement_en,
  statement_fr: input.statement_fr,
  description_en: input.description_en,
  description_fr: input.description_fr,
});

/** Writes changed text fields with their history; used by edits, restores and taken upstream changes. */
export async function saveFields(
  trx: Transaction<DB>,
  batch: Batch,
  item: DraftItem,
  changes: FieldChange[],
  typeId: string,
  kind: "update" | "restore" | "take",
  expectedVersion = item.version,
  leading: ChangeRecord[] = [],
): Promise<number> {
  const set: Record<string, string | null> = {};
  for (const change of changes) {
    if (change.field === "type") set.type_id = typeId;
    else set[change.field] = change.after as string | null;
  }
  const version = await updateItemFields(trx, batch.frameworkId, item.id, expectedVersion, set, batch.at);
  if (version === undefined) throw new EditorError("stale", { conflicts: [] });
  const path = await ancestryOf(trx, batch.frameworkId, item);
  await writeChanges(trx, batch, [...leading, ...fieldRecords(kind, item, path, changes)]);
  // One language changed and not the other: the other may be out of date (same transaction).
  await recordTextChanges(trx, batch, item.id, itemTextChanges(item, changes));
  return version;
}

/** Adds an item at the end of its parent's children. `input.id` was minted with the form: a repeat finds it. */
export async function addItem(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  input: AddItemInput,
): Promise<{ outcome: Outcome; id: string }> {
  return inTransaction(db, async (trx) => {
    if (await findDraftItem(trx, frameworkId, input.id)) return { outcome: "unchanged", id: input.id };
    if (await trx.selectFrom("items").select("id").where("id", "=", input.id).executeTakeFirst())
      throw new EditorError("already_present");
    const parentId = input.parent === "" || input.parent === "root" ? null : input.parent;
    const parent = parentId ? await findDraftItem(trx, frameworkId, parentId) : null;
    if (parentId && !parent) throw new EditorError("unknown_parent");
    const type = (await typesByCode(trx, frameworkId)).get(input.type);
    if (!type) throw new EditorError("unknown_type");
    const siblings = await listSiblings(trx, frameworkId, parentId);
    const batch = newBatch(frameworkId, actor);
    const state: ItemState = {
      id: input.id,
      parent_id: parentId,
      position: Math.max(0, ...siblings.map((s) => s.position)) + 1,
      ...pickText(input),
    };
    await insertItem(trx, batch, state, type.id);
    await touchItem(trx, frameworkId, parentId, batch.at);
    const path = parent ? [...(await ancestryOf(trx, frameworkId, parent)), state.id] : [state.id];
    await writeChanges(trx, batch, [createRecord(state, path)]);
    return { outcome: "done", id: input.id };
  });
}

export async function insertItem(
  trx: Transaction<DB>,
  batch: Batch,
  state: ItemState,
  typeId: string,
  updatedAt = batch.at,
  /** In an adopted framework, the source item this one copies. */
  sourceItemId: string | null = null,
): Promise<void> {
  await trx
    .insertInto("items")
    .values({
      id: state.id,
      framework_id: batch.frameworkId,
      parent_id: state.parent_id,
      type_id: typeId,
      code: state.code,
      position: state.position,
      statement_en: state.statement_en,
      statement_fr: state.statement_fr,
      description_en: state.description_en,
      description_fr: state.description_fr,
      created_at: batch.at,
      updated_at: updatedAt,
      extra: null,
      source_item_id: sourceItemId,
    })
    .execute();
}

/** An item and everything under it, parents first: exactly what a delete takes away. */
export async function deletionSet(
  db: Kysely<DB> | Transaction<DB>,
  frameworkId: string,
  itemId: string,
): Promise<{ item: DraftItem; subtree: DraftItem[] } | undefined> {
  const items = await listDraftItems(db, frameworkId);
  const item = items.find((i) => i.id === itemId);
  if (!item) return undefined;
  const byId = new Map(items.map((i) => [i.id, i]));
  return { item, subtree: descendantsOf(items, itemId).map((id) => byId.get(id) as DraftItem) };
}

/**
 * Deletes an item with its whole subtree. `expectedCount` is the number of descendants the
 * confirmation page listed: if it changed meanwhile, the delete is refused so nothing unseen goes.
 */
export async function deleteItem(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  itemId: string,
  expectedCount: number,
): Promise<{ outcome: Outcome; deleted: number }> {
  return inTransaction(db, async (trx) => {
    const found = await deletionSet(trx, frameworkId, itemId);
    if (!found) {
      if (await wasDeleted(trx, frameworkId, itemId)) return { outcome: "unchanged", deleted: 0 };
      throw new EditorError("not_found");
    }
    if (found.subtree.length !== expectedCount) throw new EditorError("stale", { count: found.subtree.length });
    const batch = newBatch(frameworkId, actor);
    const rootPath = await ancestryOf(trx, frameworkId, found.item);
    const paths = new Map<string, string[]>([[found.item.id, rootPath]]);
    const records: ChangeRecord[] = [deleteRecord(found.item, rootPath)];
    for (const node of found.subtree) {
      const path = [...(paths.get(node.parent_id as string) ?? rootPath), node.id];
      paths.set(node.id, path);
      records.push(deleteRecord(node, path));
    }
    await deleteItems(
      trx,
      frameworkId,
      [...found.subtree]
        .reverse()
        .map((n) => n.id)
        .concat(found.item.id),
    );
    await touchItem(trx, frameworkId, found.item.parent_id, batch.at);
    await writeChanges(trx, batch, records);
    return { outcome: "done", deleted: records.length };
  });
}

async function applyPlacements(
  trx: Transaction<DB>,
  batch: Batch,
  kind: "move" | "reorder" | "restore" | "take",
  items: readonly DraftItem[],
  updates: PlacementUpdate[],
  recordFor: ReadonlySet<string> | "all",
) {
  const byId = new Map(items.map((i) => [i.id, i]));
  const records: ChangeRecord[] = [];
  for (const update of updates) {
    const before = byId.get(update.id) as DraftItem;
    await setPlacement(
      trx,
      batch.frameworkId,
      update.id,
      update.parent_id,
      update.position,
      update.parent_id !== before.parent_id ? batch.at : undefined,
    );
    if (recordFor !== "all" && !recordFor.has(update.id)) continue;
    const fields = diffItems(
      before,
      { ...before, ...update },
      kind === "reorder" ? ["position"] : ["parent_id", "position"],
    );
    const path = pathIn(items, { ...before, parent_id: update.parent_id });
    records.push(...fieldRecords(kind, before, path, fields));
  }
  await writeChanges(trx, batch, records);
}

export function pathIn(items: readonly Placement[], item: Placement): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const path = [item.id];
  let parent = item.parent_id ? byId.get(item.parent_id) : undefined;
  while (parent && path.length < 64) {
    path.unshift(parent.id);
    parent = parent.parent_id ? byId.get(parent.parent_id) : undefined;
  }
  return path;
}

/**
 * Moves an item up, down or to a position among its siblings. `from` is the 1-based place the
 * form showed it at: when it is no longer there (a repeated click), nothing happens.
 */
export async function reorderItem(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  itemId: string,
  move: Reorder,
  from: number,
): Promise<{ outcome: Outcome }> {
  return inTransaction(db, async (trx) => {
    const items = await listDraftItems(trx, frameworkId);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw new EditorError("not_found");
    const place = siblingsOf(items, item.parent_id).findIndex((s) => s.id === itemId) + 1;
    if (place !== from) return { outcome: "unchanged" };
    const updates = planReorder(items, itemId, move);
    if (typeof updates === "string") throw new EditorError(updates === "unknown_item" ? "not_found" : updates);
    if (updates.length === 0) return { outcome: "unchanged" };
    const batch = newBatch(frameworkId, actor);
    await applyPlacements(trx, batch, "reorder", items, updates, new Set([itemId]));
    await touchItem(trx, frameworkId, item.parent_id, batch.at);
    return { outcome: "done" };
  });
}

/** Moves an item (with its subtree) under another parent, or to the top level; never under itself. */
export async function moveItem(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  itemId: string,
  parentId: string | null,
  position?: number,
): Promise<{ outcome: Outcome }> {
  return inTransaction(db, async (trx) => {
    const items = await listDraftItems(trx, frameworkId);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw new EditorError("not_found");
    if (item.parent_id === parentId && position === undefined) return { outcome: "unchanged" };
    const updates = planMove(items, itemId, parentId, position);
    if (typeof updates === "string") throw new EditorError(updates === "unknown_item" ? "not_found" : updates);
    if (updates.length === 0) return { outcome: "unchanged" };
    const batch = newBatch(frameworkId, actor);
    await applyPlacements(trx, batch, "move", items, updates, new Set([itemId]));
    for (const id of new Set([item.parent_id, parentId, itemId])) await touchItem(trx, frameworkId, id, batch.at);
    return { outcome: "done" };
  });
}

/** Drag and drop: a parent's children in a new order, refused when the page showed other children. */
export async function setChildOrder(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  parentId: string | null,
  order: readonly string[],
): Promise<{ outcome: Outcome }> {
  return inTransaction(db, async (trx) => {
    const items = await listDraftItems(trx, frameworkId);
    if (parentId && !items.some((i) => i.id === parentId)) throw new EditorError("not_found");
    const updates = planSiblingOrder(items, parentId, order);
    if (!updates) throw new EditorError("stale_order");
    if (updates.length === 0) return { outcome: "unchanged" };
    const batch = newBatch(frameworkId, actor);
    await applyPlacements(trx, batch, "reorder", items, updates, "all");
    await touchItem(trx, frameworkId, parentId, batch.at);
    return { outcome: "done" };
  });
}
