/**
 * History records as pure data: field-level differences between two versions of an item, and the
 * rows one editor action writes. Values are stored as JSON text so null, "" and numbers survive.
 */
import { z } from "zod";
import { type JsonValue, jsonValue, readStoredJson, type StoredAt } from "../db/stored-json.ts";
import { type ItemField, type ItemState, stateOf, TEXT_FIELDS } from "./item-state.ts";

export const CHANGE_KINDS = [
  "create",
  "update",
  "delete",
  "move",
  "reorder",
  "restore",
  "publish",
  "adopt",
  "take",
  "leave",
  /** A flagged translation confirmed as still correct (src/editor/commands/translations.ts). */
  "confirm",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface FieldChange {
  field: ItemField;
  before: string | number | null;
  after: string | number | null;
}

/** One history record before it is stored (the batch supplies id, time and actor). */
export interface ChangeRecord {
  itemId: string | null;
  /** The item's ancestry, root first, the item last. */
  path: string[];
  kind: ChangeKind;
  field: string | null;
  before: string | null;
  after: string | null;
}

/** The fields that differ between two versions, in the order the edit form shows them. */
export function diffItems(
  before: ItemState,
  after: ItemState,
  fields: readonly ItemField[] = TEXT_FIELDS,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a !== b) changes.push({ field, before: a, after: b });
  }
  return changes;
}

export const encodeValue = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * `changes.before` and `changes.after`, format 1 (the only one; a later one gets a schema_version
 * column whose default names this one, decision 015): any JSON value. A field's own value is text,
 * a position (number) or null; a create or delete record holds the item's state; a publish or adopt
 * record its own object. Each reader checks the shape it needs (decodeText, recordedState).
 */
const at = (which: string, row?: string): StoredAt => ({ column: `changes.${which}`, row: row ?? "a history record" });

/** A recorded value; throws a StoredJsonError naming the column when the text is not JSON. */
export function decodeValue(text: string | null, where: StoredAt = at("before/after")): JsonValue {
  return text === null ? null : readStoredJson(jsonValue, text, where);
}

/** A recorded text field's value (text or null); anything else is a StoredJsonError naming the record. */
export function decodeText(text: string | null, where: StoredAt = at("before/after")): string | null {
  return text === null ? null : readStoredJson(z.string().nullable(), text, where);
}

/** Names a change's column and row for decodeValue / decodeText errors. */
export const changeValueAt = (change: { id: string }, which: "before" | "after"): StoredAt =>
  at(which, `id ${change.id}`);

const recordedItem = z.object({
  id: z.string(),
  type: z.string(),
  parent_id: z.string().nullish(),
  position: z.number().optional(),
  code: z.string().nullish(),
  statement_en: z.string().nullish(),
  statement_fr: z.string().nullish(),
  description_en: z.string().nullish(),
  description_fr: z.string().nullish(),
});

/** Records for a field-level change of one item (kind update, move, reorder or restore). */
export function fieldRecords(
  kind: ChangeKind,
  item: ItemState,
  path: string[],
  changes: FieldChange[],
): ChangeRecord[] {
  return changes.map((change) => ({
    itemId: item.id,
    path,
    kind,
    field: change.field,
    before: encodeValue(change.before),
    after: encodeValue(change.after),
  }));
}

/** A created item is one record holding its whole state; a deleted one likewise, so it can come back. */
export function createRecord(item: ItemState, path: string[], kind: ChangeKind = "create"): ChangeRecord {
  return { itemId: item.id, path, kind, field: null, before: null, after: encodeValue(stateOf(item)) };
}

export function deleteRecord(item: ItemState, path: string[]): ChangeRecord {
  return { itemId: item.id, path, kind: "delete", field: null, before: encodeValue(stateOf(item)), after: null };
}

/** The whole item a create or delete record holds, if it is one. */
export function recordedState(text: string | null): ItemState | null {
  if (text === null) return null;
  let value: JsonValue;
  try {
    value = decodeValue(text);
  } catch {
    return null;
  }
  const parsed = recordedItem.safeParse(value);
  if (!parsed.success) return null;
  const v = parsed.data;
  return {
    id: v.id,
    parent_id: v.parent_id ?? null,
    position: v.position ?? 0,
    type: v.type,
    code: v.code ?? null,
    statement_en: v.statement_en ?? null,
    statement_fr: v.statement_fr ?? null,
    description_en: v.description_en ?? null,
    description_fr: v.description_fr ?? null,
  };
}

/** "/a/b/c/": stored form of a path, so `like '%/b/%'` finds everything under b. */
export const encodePath = (path: readonly string[]) => (path.length === 0 ? null : `/${path.join("/")}/`);
