/** The editable state of one item, as the editor and its history see it (types by code, not id). */
import type { ItemRow } from "./tree.ts";

/** Fields an editor types into the edit form; each is recorded separately in the history. */
export const TEXT_FIELDS = [
  "code",
  "type",
  "statement_en",
  "statement_fr",
  "description_en",
  "description_fr",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Where the item sits: changed by moves and reorders, not by the edit form. */
export const PLACEMENT_FIELDS = ["parent_id", "position"] as const;
export type PlacementField = (typeof PLACEMENT_FIELDS)[number];
export type ItemField = TextField | PlacementField;

export interface ItemState {
  id: string;
  parent_id: string | null;
  position: number;
  /** Item type code ("area", "competency"…). */
  type: string;
  code: string | null;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
}

export interface DraftItem extends ItemState {
  version: number;
  updated_at: string;
}

export function isTextField(value: string): value is TextField {
  return (TEXT_FIELDS as readonly string[]).includes(value);
}

/** A draft item as the tree builder wants it (the editor reuses the readers' tree code). */
export function toItemRow(item: DraftItem): ItemRow {
  return {
    id: item.id,
    parent_id: item.parent_id,
    type_code: item.type,
    code: item.code,
    position: item.position,
    statement_en: item.statement_en,
    statement_fr: item.statement_fr,
    description_en: item.description_en,
    description_fr: item.description_fr,
    updated_at: item.updated_at,
  };
}

/** Only the state (no version or timestamps): what a create or delete record keeps. */
export function stateOf(item: ItemState): ItemState {
  return {
    id: item.id,
    parent_id: item.parent_id,
    position: item.position,
    type: item.type,
    code: item.code,
    statement_en: item.statement_en,
    statement_fr: item.statement_fr,
    description_en: item.description_en,
    description_fr: item.description_fr,
  };
}
