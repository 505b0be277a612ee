/**
 * Editions as pure data: the snapshot a publish freezes (the framework in the API's JSON shape), the
 * reader's view rebuilt from one, and what changed between two of them (for adopters).
 */
import { createHash } from "node:crypto";
import type { CaseAssociationsTable, CaseDefinitionsTable, Framework, ItemType } from "../db/schema.ts";
import { diffItems, type FieldChange } from "../frameworks/history.ts";
import type { ItemState } from "../frameworks/item-state.ts";
import { type FrameworkJson, frameworkJson, type ItemJson } from "../frameworks/json.ts";
import { buildTree, type ItemRow, type TreeNode, urlKeys } from "../frameworks/tree.ts";
import type { FrameworkView } from "../frameworks/view.ts";

/** What an edition stores: the API's JSON, plus what the reader's view needs beyond it. */
export interface EditionSnapshot extends FrameworkJson {
  itemTypes: { id?: string; code: string; label: { en: string | null; fr: string | null }; extra?: string | null }[];
  /** The framework's `extra` column (CASE fields with no column), so exports from an edition lose nothing. */
  extra?: string | null;
  /**
   * What only CASE carries (associations, definitions, items' extra fields), frozen with the edition
   * so the CASE API serves the published state, not the draft. Absent in snapshots taken before it.
   */
  case?: EditionCaseData;
}

export interface EditionCaseData {
  associations: CaseAssociationsTable[];
  definitions: CaseDefinitionsTable[];
  /** items.extra (parsed) by item id, only items that have one. */
  itemExtras: Record<string, Record<string, unknown>>;
  /**
   * item_types.extra (JSON text; null for a type made in Skillshelf) by type code: how the CASE
   * source named each type. Absent in snapshots taken before it was kept; readers then fall back.
   */
  typeExtras?: Record<string, string | null>;
}

/** The reader's view of a framework from its rows (no I/O): shared by the catalog and publishing. */
export function assembleView(
  framework: Framework,
  types: readonly ItemType[],
  rows: readonly ItemRow[],
): FrameworkView {
  const tree = buildTree(rows);
  const keys = urlKeys(tree);
  const byKey = new Map<string, TreeNode>();
  let lastUpdated = framework.updated_at;
  for (const node of tree.byId.values()) {
    byKey.set(keys.get(node.id) as string, node);
    if (node.updatedAt > lastUpdated) lastUpdated = node.updatedAt;
  }
  return {
    framework,
    types: new Map(types.map((t) => [t.code, t])),
    tree,
    keys,
    byKey,
    itemCount: tree.byId.size,
    lastUpdated,
  };
}

/** Freezes the draft as readers will see it. */
export function buildSnapshot(
  framework: Framework,
  types: readonly ItemType[],
  rows: readonly ItemRow[],
  caseData?: EditionCaseData,
): EditionSnapshot {
  const view = assembleView({ ...framework, status: "published" }, types, rows);
  const json = frameworkJson(view);
  return {
    ...json,
    itemTypes: types.map((t) => ({
      id: t.id,
      code: t.code,
      label: { en: t.label_en, fr: t.label_fr },
      extra: t.extra ?? caseData?.typeExtras?.[t.code] ?? null,
    })),
    extra: framework.extra,
    ...(caseData ? { case: caseData } : {}),
  };
}

function flattenRows(items: readonly ItemJson[], parentId: string | null, out: ItemRow[]): ItemRow[] {
  for (const item of items) {
    out.push({
      id: item.id,
      parent_id: parentId,
      type_code: item.type,
      code: item.code,
      position: item.position,
      statement_en: item.statement.en,
      statement_fr: item.statement.fr,
      description_en: item.description.en,
      description_fr: item.description.fr,
      updated_at: item.updatedAt,
    });
    flattenRows(item.children, item.id, out);
  }
  return out;
}

export const snapshotRows = (snapshot: FrameworkJson): ItemRow[] => flattenRows(snapshot.children, null, []);

/**
 * The reader's view of an edition. `live` supplies what an edition does not freeze: the slug the
 * framework is reached by (and, for earlier editions, the path its pages live under).
 */
export function viewFromSnapshot(
  snapshot: EditionSnapshot,
  live: { slug: string; created_at?: string },
): FrameworkView {
  const framework: Framework = {
    id: snapshot.id,
    slug: live.slug,
    title_en: snapshot.title.en,
    title_fr: snapshot.title.fr,
    description_en: snapshot.description.en,
    description_fr: snapshot.description.fr,
    publisher: snapshot.publisher,
    version: snapshot.version,
    status: snapshot.status,
    licence: snapshot.licence,
    created_at: snapshot.createdAt ?? live.created_at ?? snapshot.updatedAt,
    updated_at: snapshot.updatedAt,
    extra: snapshot.extra ?? null,
  };
  const types: ItemType[] = snapshot.itemTypes.map((t, index) => ({
    id: t.id ?? `${snapshot.id}:${t.code}`,
    framework_id: snapshot.id,
    code: t.code,
    label_en: t.label.en,
    label_fr: t.label.fr,
    position: index + 1,
    extra: t.extra ?? null,
  }));
  const view = assembleView(framework, types, snapshotRows(snapshot));
  return snapshot.adoptedFrom ? { ...view, adoptedFrom: snapshot.adoptedFrom } : view;
}

export function parseSnapshot(text: string): EditionSnapshot {
  return JSON.parse(text) as EditionSnapshot;
}

/** Snapshot items as item states (types by code), keyed by id. */
export function snapshotItems(snapshot: FrameworkJson): Map<string, ItemState> {
  return new Map(
    snapshotRows(snapshot).map((row) => [
      row.id,
      {
        id: row.id,
        parent_id: row.parent_id,
        position: row.position,
        type: row.type_code,
        code: row.code,
        statement_en: row.statement_en,
        statement_fr: row.statement_fr,
        description_en: row.description_en,
        description_fr: row.description_fr,
      },
    ]),
  );
}

export interface UpstreamChange {
  kind: "added" | "changed" | "removed";
  /** The item's id upstream. */
  id: string;
  before: ItemState | null;
  after: ItemState | null;
  /** For "changed": the fields that differ (a new parent counts; a new position alone does not). */
  fields: FieldChange[];
  /** Names this exact upstream state, so a decision about it is not asked again, but a later change is. */
  fingerprint: string;
}

/** Fields compared for adopters: sibling order upstream is not worth a decision of its own. */
const COMPARED = [
  "code",
  "type",
  "statement_en",
  "statement_fr",
  "description_en",
  "description_fr",
  "parent_id",
] as const;

const fingerprint = (kind: string, id: string, state: ItemState | null) =>
  createHash("sha256")
    .update(JSON.stringify([kind, id, state && COMPARED.map((f) => state[f])]))
    .digest("hex")
    .slice(0, 32);

/**
 * What changed between two snapshots of one framework: items added, changed and removed, in the
 * newer snapshot's reading order (removed ones last, in the older one's order).
 */
export function diffSnapshots(older: FrameworkJson, newer: FrameworkJson): UpstreamChange[] {
  const before = snapshotItems(older);
  const after = snapshotItems(newer);
  const changes: UpstreamChange[] = [];
  for (const [id, item] of after) {
    const previous = before.get(id);
    if (!previous) {
      changes.push({
        kind: "added",
        id,
        before: null,
        after: item,
        fields: [],
        fingerprint: fingerprint("added", id, item),
      });
      continue;
    }
    const fields = diffItems(previous, item, COMPARED);
    if (fields.length > 0)
      changes.push({
        kind: "changed",
        id,
        before: previous,
        after: item,
        fields,
        fingerprint: fingerprint("changed", id, item),
      });
  }
  for (const [id, item] of before) {
    if (!after.has(id))
      changes.push({
        kind: "removed",
        id,
        before: item,
        after: null,
        fields: [],
        fingerprint: fingerprint("removed", id, null),
      });
  }
  return changes;
}
