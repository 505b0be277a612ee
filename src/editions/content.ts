/**
 * A published edition as pure data (decision 015): the framework's texts as frozen, its item types
 * and its items as rows, in the shape `published_item_types` and `published_items` store them. No
 * I/O: publishing freezes the draft into this, readers rebuild their view from it, adopters compare
 * two of them.
 */
import type { Framework, ItemType } from "../db/schema.ts";
import { compactKeysSteps } from "../frameworks/compact-tree.ts";
import { diffItems, type FieldChange } from "../frameworks/history.ts";
import type { ItemState } from "../frameworks/item-state.ts";
import { buildTree, buildTreeSteps, type ItemRow, walk } from "../frameworks/tree.ts";
import type { AdoptedFrom, FrameworkView } from "../frameworks/view.ts";
import { finish, type Steps } from "../slices.ts";

/** The framework's own fields an edition freezes (its slug, version and status are not frozen). */
export type EditionFramework = Pick<
  Framework,
  | "id"
  | "title_en"
  | "title_fr"
  | "description_en"
  | "description_fr"
  | "publisher"
  | "licence"
  | "created_at"
  | "updated_at"
  | "extra"
>;

/** An item as published: what readers see of it, plus its kept source fields and (adopted) source item. */
export interface PublishedItemRow extends ItemRow {
  /** items.extra as published: kept source fields, JSON object text. */
  extra: string | null;
  /** In an adopted framework, the id of the source's item this one copies. */
  source_item_id: string | null;
}

export interface PublishedType {
  code: string;
  /** The draft's type id when published; null for editions frozen before it was kept. */
  type_id: string | null;
  label_en: string | null;
  label_fr: string | null;
  position: number;
  /** How a CASE source named the type (item_types.extra), JSON object text; null for Skillshelf's own. */
  extra: string | null;
}

export interface EditionContent {
  framework: EditionFramework;
  /** For an adopted framework: the source's edition it was based on when published. */
  adoptedFrom: AdoptedFrom | null;
  /** In their order. */
  types: PublishedType[];
  /** Parents before children, siblings in reading order. */
  items: PublishedItemRow[];
}

/** A draft item with what publishing freezes beyond the reader's row. */
export type DraftRow = ItemRow & { extra?: string | null; source_item_id?: string | null };

/** The reader's view of a framework from its rows (no I/O): shared by the catalog and publishing. */
export function assembleView(
  framework: Framework,
  types: readonly ItemType[],
  rows: readonly ItemRow[],
): FrameworkView {
  return finish(assembleViewSteps(framework, types, rows));
}

/** assembleView as steps (src/slices.ts): the catalog assembles a big framework a slice at a time. */
export function* assembleViewSteps(
  framework: Framework,
  types: readonly ItemType[],
  rows: readonly ItemRow[],
): Steps<FrameworkView> {
  const tree = yield* buildTreeSteps(rows);
  const { keys, byKey } = yield* compactKeysSteps(tree);
  let lastUpdated = framework.updated_at;
  // Each root's newest time covers its subtree.
  for (const root of tree.roots) if (root.lastUpdated > lastUpdated) lastUpdated = root.lastUpdated;
  return {
    framework,
    types: new Map(types.map((t) => [t.code, t])),
    tree,
    keys,
    byKey,
    itemCount: tree.size,
    lastUpdated,
  };
}

/**
 * Freezes the draft as readers will see it: the items the tree reaches (an item whose parent chain
 * is broken is not shown, so it is not published), parents first, siblings in reading order.
 */
export function freezeDraft(
  framework: Framework,
  types: readonly ItemType[],
  rows: readonly DraftRow[],
  adoptedFrom: AdoptedFrom | null = null,
): EditionContent {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items: PublishedItemRow[] = [];
  for (const node of walk(buildTree(rows).roots)) {
    const row = byId.get(node.id) as DraftRow;
    items.push({
      id: row.id,
      parent_id: row.parent_id,
      type_code: row.type_code,
      code: row.code,
      position: row.position,
      statement_en: row.statement_en,
      statement_fr: row.statement_fr,
      description_en: row.description_en,
      description_fr: row.description_fr,
      updated_at: row.updated_at,
      extra: row.extra ?? null,
      source_item_id: row.source_item_id ?? null,
    });
  }
  return {
    framework: {
      id: framework.id,
      title_en: framework.title_en,
      title_fr: framework.title_fr,
      description_en: framework.description_en,
      description_fr: framework.description_fr,
      publisher: framework.publisher,
      licence: framework.licence,
      created_at: framework.created_at,
      updated_at: framework.updated_at,
      extra: framework.extra,
    },
    adoptedFrom,
    types: [...types]
      .sort((a, b) => a.position - b.position)
      .map((t, index) => ({
        code: t.code,
        type_id: t.id,
        label_en: t.label_en,
        label_fr: t.label_fr,
        position: index + 1,
        extra: t.extra ?? null,
      })),
    items,
  };
}

/** An edition's types as the views use them (an edition frozen without type ids gets stable stand-ins). */
export function contentTypes(content: EditionContent): ItemType[] {
  return content.types.map((t) => ({
    id: t.type_id ?? `${content.framework.id}:${t.code}`,
    framework_id: content.framework.id,
    code: t.code,
    label_en: t.label_en,
    label_fr: t.label_fr,
    position: t.position,
    extra: t.extra,
  }));
}

/**
 * The reader's view of an edition. `live` supplies what an edition does not freeze: the slug the
 * framework is reached by, and the version readers are shown (the edition's label).
 */
export function viewFromContent(content: EditionContent, live: { slug: string; version: string }): FrameworkView {
  return finish(viewFromContentSteps(content, live));
}

/**
 * viewFromContent as steps (src/slices.ts). Only the set of items matters here, not their order
 * (the tree orders them), so the catalog may hand over rows read in pages in any order.
 */
export function* viewFromContentSteps(
  content: EditionContent,
  live: { slug: string; version: string },
): Steps<FrameworkView> {
  const framework: Framework = {
    ...content.framework,
    slug: live.slug,
    version: live.version,
    status: "published",
  };
  const view = yield* assembleViewSteps(framework, contentTypes(content), content.items);
  return content.adoptedFrom ? { ...view, adoptedFrom: content.adoptedFrom } : view;
}

/** An edition's items as item states (types by code), keyed by id. */
export function contentItems(content: Pick<EditionContent, "items">): Map<string, ItemState> {
  return new Map(
    content.items.map((row) => [
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

/**
 * What changed between two editions of one framework (or an edition and the draft frozen): items
 * added, changed and removed, in the newer one's reading order (removed ones last, in the older one's).
 */
export function diffEditions(
  older: Pick<EditionContent, "items">,
  newer: Pick<EditionContent, "items">,
): UpstreamChange[] {
  const before = contentItems(older);
  const after = contentItems(newer);
  const changes: UpstreamChange[] = [];
  for (const [id, item] of after) {
    const previous = before.get(id);
    if (!previous) {
      changes.push({ kind: "added", id, before: null, after: item, fields: [] });
      continue;
    }
    const fields = diffItems(previous, item, COMPARED);
    if (fields.length > 0) changes.push({ kind: "changed", id, before: previous, after: item, fields });
  }
  for (const [id, item] of before)
    if (!after.has(id)) changes.push({ kind: "removed", id, before: item, after: null, fields: [] });
  return changes;
}
