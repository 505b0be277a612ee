/**
 * The spreadsheet layout, shared by template, export and import. One row per item, parents before
 * children, with machine-stable column keys (the header row is the keys themselves, so a sheet
 * saved from any language's Excel reads back the same).
 *
 * XLSX: sheet "Items" (the rows), sheet "Framework" (key/value rows for the framework's own fields),
 * sheet "Types" (item type codes and labels), and in templates an "Instructions" sheet.
 * CSV: items only. A CSV has one table, and mixing a key/value block above the items breaks every
 * tool that reads it as a table; the framework's fields come from the importer's options (CLI flags)
 * or stay empty. Decision recorded here and in the report of issue 4.
 */
import type { FrameworkJson, ItemJson } from "../../frameworks/json.ts";

export const ITEM_COLUMNS = [
  "identifier",
  "parent",
  "type",
  "code",
  "position",
  "statement_en",
  "statement_fr",
  "description_en",
  "description_fr",
] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];

/** Columns a sheet must have; the others may be left out (identifiers are then generated). */
export const REQUIRED_COLUMNS: readonly ItemColumn[] = ["parent", "type", "statement_en", "statement_fr"];

export const FRAMEWORK_KEYS = [
  "id",
  "slug",
  "title_en",
  "title_fr",
  "description_en",
  "description_fr",
  "publisher",
  "version",
  "status",
  "licence",
] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

export const TYPE_COLUMNS = ["code", "label_en", "label_fr"] as const;

export const SHEET = { items: "Items", framework: "Framework", types: "Types", instructions: "Instructions" } as const;

/** Longest text a cell may hold; longer ones are refused rather than cut. */
export const MAX_CELL_LENGTH = 5000;
export const MAX_ROWS = 100_000;

export type ItemRowValues = Record<ItemColumn, string | number | null>;

/** The framework's items as rows, depth first, so every parent comes before its children. */
export function itemRows(framework: Pick<FrameworkJson, "children">): ItemRowValues[] {
  const rows: ItemRowValues[] = [];
  const visit = (item: ItemJson, parent: string | null) => {
    rows.push({
      identifier: item.id,
      parent,
      type: item.type,
      code: item.code,
      position: item.position,
      statement_en: item.statement.en,
      statement_fr: item.statement.fr,
      description_en: item.description.en,
      description_fr: item.description.fr,
    });
    for (const child of item.children) visit(child, item.id);
  };
  for (const root of framework.children) visit(root, null);
  return rows;
}

export function frameworkFields(framework: FrameworkJson): Record<FrameworkKey, string | null> {
  return {
    id: framework.id,
    slug: framework.slug,
    title_en: framework.title.en,
    title_fr: framework.title.fr,
    description_en: framework.description.en,
    description_fr: framework.description.fr,
    publisher: framework.publisher,
    version: framework.version,
    status: framework.status,
    licence: framework.licence,
  };
}

/** Column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
