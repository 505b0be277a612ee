/**
 * History records as pure data: field-level differences between two versions of an item, and the
 * rows one editor action writes. Values are stored as JSON text so null, "" and numbers survive.
 */
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

export function decodeValue(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

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
  const value = decodeValue(text);
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" || typeof v.type !== "string") return null;
  const str = (x: unknown) => (typeof x === "string" ? x : null);
  return {
    id: v.id,
    parent_id: str(v.parent_id),
    position: typeof v.position === "number" ? v.position : 0,
    type: v.type,
    code: str(v.code),
    statement_en: str(v.statement_en),
    statement_fr: str(v.statement_fr),
    description_en: str(v.description_en),
    description_fr: str(v.description_fr),
  };
}

/** "/a/b/c/": stored form of a path, so `like '%/b/%'` finds everything under b. */
export const encodePath = (path: readonly string[]) => (path.length === 0 ? null : `/${path.join("/")}/`);
