/**
 * The exporter's input built from a draft of an incoming package (minimise.ts runs the exporter on it
 * to see what it would write by itself). Pure.
 */
import type { Framework } from "../../db/schema.ts";
import type { ImportedFramework, ImportedItem } from "../model.ts";
import type { CaseExportInput, ExportNode } from "./export-parts.ts";
import type { CaseAssociation, CaseDefinition } from "./model.ts";
import type { Json } from "./reader.ts";
import { associationRow, definitionRow } from "./rows.ts";

/** The date of a node the package left undated (the exporter needs one; nothing compares it). */
const EPOCH = "1970-01-01T00:00:00.000Z";
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The package's items as the exporter's tree. */
export function exportNodes(items: readonly ImportedItem[], parentId: string | null): ExportNode[] {
  // Recursion is bounded: the parser refuses trees deeper than MAX_CASE_DEPTH.
  return items.map((item) => ({
    id: item.id,
    parentId,
    type: item.type,
    code: item.code,
    position: item.position,
    statement: item.statement,
    description: item.description,
    updatedAt: item.updatedAt ?? EPOCH,
    children: exportNodes(item.children, item.id),
  }));
}

export function walk(roots: readonly ImportedItem[]): ImportedItem[] {
  const out: ImportedItem[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const item = stack.pop() as ImportedItem;
    out.push(item);
    stack.push(...item.children);
  }
  return out;
}

export interface Draft {
  framework: ImportedFramework;
  itemExtras: Map<string, Json | undefined>;
  associations: CaseAssociation[];
  definitions: CaseDefinition[];
}

/** Pieces of an export's input that stay the same while the draft's kept fields change. */
export interface Shared {
  roots: ExportNode[];
  /** Association rows by the array they were made from. */
  rows: WeakMap<readonly CaseAssociation[], CaseExportInput["associations"]>;
  /** The items' kept fields as the export reads them (updated in place). */
  itemExtras: Map<string, Json>;
}

export function inputOf(draft: Draft, status: string, baseUrl: string, shared?: Shared): CaseExportInput {
  const f = draft.framework;
  const framework: Pick<Framework, keyof CaseExportInput["framework"]> = {
    id: f.id,
    slug: f.slug ?? f.id,
    title_en: f.title.en,
    title_fr: f.title.fr,
    description_en: f.description.en,
    description_fr: f.description.fr,
    publisher: f.publisher,
    version: f.version ?? "",
    status,
    licence: f.licence,
    updated_at: f.updatedAt ?? EPOCH,
    extra: json(f.extra),
  };
  let itemExtras = shared?.itemExtras;
  if (!itemExtras) {
    itemExtras = new Map<string, Json>();
    for (const [id, extra] of draft.itemExtras) if (extra && Object.keys(extra).length > 0) itemExtras.set(id, extra);
  }
  let associations = shared?.rows.get(draft.associations);
  if (!associations) {
    associations = draft.associations.map((a) => associationRow(f.id, a));
    shared?.rows.set(draft.associations, associations);
  }
  return {
    framework,
    types: f.itemTypes.map((t) => ({ id: t.id, code: t.code, label: t.label, extra: t.extra ?? null })),
    roots: shared?.roots ?? exportNodes(f.children, null),
    itemExtras,
    associations,
    definitions: draft.definitions.map((d) => definitionRow(f.id, d)),
    baseUrl,
  };
}

/** Enough of an export's input to write a framework's document (as published.ts does for listings). */
export const storedDocumentInput = (framework: Framework, baseUrl: string): CaseExportInput => ({
  framework,
  types: [],
  roots: [],
  itemExtras: new Map(),
  associations: [],
  definitions: [],
  baseUrl,
});
