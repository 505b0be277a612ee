/**
 * Restoring an earlier value: any change record's "before" comes back as a new change of kind
 * restore (history is never rewritten). A deleted item comes back with the subtree deleted with it.
 */
import type { Kysely, Transaction } from "kysely";
import type { Change, DB } from "../../db/schema.ts";
import { findDraftItem, listDraftItems, touchItem, typesByCode } from "../../frameworks/draft-store.ts";
import { EditorError } from "../../frameworks/errors.ts";
import {
  changeValueAt,
  createRecord,
  decodeText,
  encodeValue,
  type FieldChange,
  recordedState,
} from "../../frameworks/history.ts";
import { type ItemState, isTextField, type TextField } from "../../frameworks/item-state.ts";
import { findFrameworkById } from "../../frameworks/store.ts";
import type { Actor } from "../../policy/index.ts";
import { findChange, listBatch, newBatch, writeChanges } from "../changes-store.ts";
import { recordTextChanges } from "../flags-store.ts";
import { planMove } from "../moves.ts";
import { FRAMEWORK_FIELDS, type FrameworkField, frameworkTextChanges } from "./frameworks.ts";
import { changedSince, insertItem, inTransaction, type Outcome, pathIn, saveFields } from "./items.ts";

/** What a restore of this record would do, or null when there is nothing to restore. */
export function restoreKind(
  change: Pick<Change, "kind" | "field" | "item_id">,
): "field" | "placement" | "framework" | "undelete" | null {
  if (change.kind === "delete") return "undelete";
  // A confirmation changed no text: there is no earlier value to bring back.
  if (change.kind === "confirm") return null;
  if (!change.field) return null;
  if (change.item_id === null)
    return (FRAMEWORK_FIELDS as readonly string[]).includes(change.field) ? "framework" : null;
  if (isTextField(change.field)) return "field";
  if (change.field === "parent_id") return "placement";
  return null;
}

/**
 * @param version the item's version the history page showed (for field restores): a restore over a
 * newer save is refused like any stale save.
 */
export async function restoreChange(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  changeId: string,
  version?: number,
): Promise<{ outcome: Outcome; itemId: string | null }> {
  return inTransaction(db, async (trx) => {
    const change = await findChange(trx, frameworkId, changeId);
    if (!change) throw new EditorError("not_found");
    switch (restoreKind(change)) {
      case "field":
        return restoreField(trx, actor, frameworkId, change, version);
      case "placement":
        return restorePlacement(trx, actor, frameworkId, change);
      case "framework":
        return restoreFrameworkField(trx, actor, frameworkId, change);
      case "undelete":
        return undelete(trx, actor, frameworkId, change);
      default:
        throw new EditorError("nothing_to_restore");
    }
  });
}

async function restoreField(
  trx: Transaction<DB>,
  actor: Actor | null,
  frameworkId: string,
  change: Change,
  version?: number,
) {
  const item = await findDraftItem(trx, frameworkId, change.item_id as string);
  if (!item) throw new EditorError("restore_parent_missing");
  const field = change.field as TextField;
  const value = decodeText(change.before, changeValueAt(change, "before"));
  if ((item[field] ?? null) === value) return { outcome: "unchanged" as const, itemId: item.id };
  if (version !== undefined && version !== item.version) {
    throw new EditorError("stale", {
      conflicts: await changedSince(trx, frameworkId, item, version, { ...item, [field]: value }),
    });
  }
  let typeId = "";
  if (field === "type") {
    const type = (await typesByCode(trx, frameworkId)).get(value ?? "");
    if (!type) throw new EditorError("unknown_type");
    typeId = type.id;
  }
  if (field === "statement_en" || field === "statement_fr") {
    const other = field === "statement_en" ? "statement_fr" : "statement_en";
    if (!value && !item[other]) throw new EditorError("invalid", { field: "statement" });
  }
  const changes: FieldChange[] = [{ field, before: item[field], after: value }];
  await saveFields(trx, newBatch(frameworkId, actor), item, changes, typeId, "restore");
  return { outcome: "done" as const, itemId: item.id };
}

async function restorePlacement(trx: Transaction<DB>, actor: Actor | null, frameworkId: string, change: Change) {
  const itemId = change.item_id as string;
  const items = await listDraftItems(trx, frameworkId);
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new EditorError("restore_parent_missing");
  const parentId = decodeText(change.before, changeValueAt(change, "before"));
  if (item.parent_id === parentId) return { outcome: "unchanged" as const, itemId };
  const updates = planMove(items, itemId, parentId);
  if (typeof updates === "string")
    throw new EditorError(
      updates === "unknown_parent" || updates === "unknown_item" ? "restore_parent_missing" : updates,
    );
  const batch = newBatch(frameworkId, actor);
  const byId = new Map(items.map((i) => [i.id, i]));
  const records = [];
  for (const update of updates) {
    await trx
      .updateTable("items")
      .set({ parent_id: update.parent_id, position: update.position })
      .where("framework_id", "=", frameworkId)
      .where("id", "=", update.id)
      .execute();
    if (update.id !== itemId) continue;
    const before = byId.get(itemId) as ItemState;
    records.push({
      itemId,
      path: pathIn(items, { ...before, parent_id: parentId }),
      kind: "restore" as const,
      field: "parent_id",
      before: encodeValue(before.parent_id),
      after: encodeValue(parentId),
    });
  }
  for (const id of new Set([item.parent_id, parentId, itemId])) await touchItem(trx, frameworkId, id, batch.at);
  await writeChanges(trx, batch, records);
  return { outcome: "done" as const, itemId };
}

async function restoreFrameworkField(trx: Transaction<DB>, actor: Actor | null, frameworkId: string, change: Change) {
  const framework = await findFrameworkById(trx, frameworkId);
  if (!framework) throw new EditorError("not_found");
  const field = change.field as FrameworkField;
  const value = decodeText(change.before, changeValueAt(change, "before"));
  if ((framework[field] ?? null) === value) return { outcome: "unchanged" as const, itemId: null };
  if (field.startsWith("title_") && !value && !framework[field === "title_en" ? "title_fr" : "title_en"])
    throw new EditorError("invalid", { field: "title" });
  const batch = newBatch(frameworkId, actor);
  await trx
    .updateTable("frameworks")
    .set({ [field]: value, updated_at: batch.at })
    .where("id", "=", frameworkId)
    .execute();
  // A restore is a change like any other: restoring one language flags the other (decision 008).
  await recordTextChanges(trx, batch, null, frameworkTextChanges(framework, { ...framework, [field]: value }));
  await writeChanges(trx, batch, [
    {
      itemId: null,
      path: [],
      kind: "restore",
      field,
      before: encodeValue(framework[field]),
      after: encodeValue(value),
    },
  ]);
  return { outcome: "done" as const, itemId: null };
}

/** Brings back the items one delete removed, where they were, if their parent is still there. */
async function undelete(trx: Transaction<DB>, actor: Actor | null, frameworkId: string, change: Change) {
  const records = (await listBatch(trx, frameworkId, change.batch_id)).filter((r) => r.kind === "delete");
  const states = records
    .map((r) => ({ state: recordedState(r.before), path: r.item_path }))
    .filter((s): s is { state: ItemState; path: string | null } => s.state !== null);
  const ids = new Set(states.map((s) => s.state.id));
  const top = states.find((s) => !s.state.parent_id || !ids.has(s.state.parent_id));
  if (!top) throw new EditorError("nothing_to_restore");
  const present = await trx
    .selectFrom("items")
    .select("id")
    .where("id", "in", [...ids])
    .executeTakeFirst();
  if (present) return { outcome: "unchanged" as const, itemId: top.state.id };
  if (top.state.parent_id && !(await findDraftItem(trx, frameworkId, top.state.parent_id)))
    throw new EditorError("restore_parent_missing");
  const types = await typesByCode(trx, frameworkId);
  if (states.some((s) => !types.has(s.state.type))) throw new EditorError("unknown_type");
  const batch = newBatch(frameworkId, actor);
  // Records were written parents first; the stored path keeps the ancestry as it was.
  for (const { state } of states) {
    await insertItem(trx, batch, state, types.get(state.type)?.id as string);
  }
  await touchItem(trx, frameworkId, top.state.parent_id, batch.at);
  await writeChanges(
    trx,
    batch,
    states.map(({ state, path }) =>
      createRecord(state, path ? path.split("/").filter(Boolean) : [state.id], "restore"),
    ),
  );
  return { outcome: "done" as const, itemId: top.state.id };
}
