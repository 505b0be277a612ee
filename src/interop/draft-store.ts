/**
 * What the import wizard reads from the editors' drafts (the live rows): where a pasted area can go,
 * and a whole draft in the importer's shape, so adding one area is an import of the framework with
 * everything it already holds plus that area (the writer then adds exactly the new rows).
 */
import type { Kysely, Transaction } from "kysely";
import type { DB, Framework } from "../db/schema.ts";
import { readKeptFields } from "../db/stored-json.ts";
import { listItemsForImport, listTypesForImport } from "../frameworks/bulk-store.ts";
import { findFrameworkBySlug } from "../frameworks/store.ts";
import type { ImportedFramework, ImportedItem } from "./model.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export interface TargetParent {
  id: string;
  code: string | null;
  statement: { en: string | null; fr: string | null };
}

export interface ImportTarget {
  framework: Pick<Framework, "id" | "slug" | "title_en" | "title_fr" | "status">;
  /** Top-level items (categories, in the index): the parents a pasted area can be placed under. */
  parents: TargetParent[];
}

export async function listImportTargets(db: Executor): Promise<ImportTarget[]> {
  const [frameworks, roots] = await Promise.all([
    db
      .selectFrom("frameworks")
      .select(["id", "slug", "title_en", "title_fr", "status"])
      .orderBy("created_at")
      .orderBy("slug")
      .execute(),
    db
      .selectFrom("items")
      .select(["id", "framework_id", "code", "position", "statement_en", "statement_fr"])
      .where("parent_id", "is", null)
      .orderBy("framework_id")
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  const byFramework = new Map<string, TargetParent[]>();
  for (const root of roots) {
    const list = byFramework.get(root.framework_id) ?? [];
    list.push({ id: root.id, code: root.code, statement: { en: root.statement_en, fr: root.statement_fr } });
    byFramework.set(root.framework_id, list);
  }
  return frameworks.map((framework) => ({ framework, parents: byFramework.get(framework.id) ?? [] }));
}

export function findDraftFramework(db: Executor, slug: string): Promise<Framework | undefined> {
  return findFrameworkBySlug(db, slug);
}

/** A kept-fields column (format 1, src/db/stored-json.ts): unreadable is an error naming it, not fields lost on re-import. */
const keptFields = (text: string | null, column: string, row: string) =>
  text ? readKeptFields(text, { column, row }) : undefined;

const importedTypes = (types: Awaited<ReturnType<typeof listTypesForImport>>): ImportedFramework["itemTypes"] =>
  [...types]
    .sort((a, b) => a.position - b.position)
    .map((t) => ({
      code: t.code,
      label: { en: t.label_en, fr: t.label_fr },
      extra: keptFields(t.extra, "item_types.extra", `type ${t.code}`),
    }));

/** A draft's item types in the importer's shape, in their order. */
export async function listDraftTypes(db: Executor, frameworkId: string): Promise<ImportedFramework["itemTypes"]> {
  return importedTypes(await listTypesForImport(db, frameworkId));
}

/**
 * The draft exactly as stored, so that importing it back unchanged changes nothing: same ids,
 * parents, positions, texts, dates and kept source fields.
 */
export async function loadDraftAsImport(db: Executor, framework: Framework): Promise<ImportedFramework> {
  const [types, rows] = await Promise.all([listTypesForImport(db, framework.id), listItemsForImport(db, framework.id)]);
  const typeCode = new Map(types.map((t) => [t.id, t.code]));
  const nodes = new Map<string, ImportedItem>();
  for (const row of rows) {
    nodes.set(row.id, {
      id: row.id,
      type: typeCode.get(row.type_id) ?? "item",
      code: row.code,
      position: row.position,
      statement: { en: row.statement_en, fr: row.statement_fr },
      description: { en: row.description_en, fr: row.description_fr },
      updatedAt: row.updated_at,
      extra: keptFields(row.extra, "items.extra", `item ${row.id}`),
      children: [],
    });
  }
  const roots: ImportedItem[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id) as ImportedItem;
    const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // A parent chain that loops never reaches a root: keep those items, flat at the top, rather than
  // letting the import remove them (the editor refuses such moves, so this is belt and braces).
  const reached = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as ImportedItem;
    reached.add(node.id);
    stack.push(...node.children);
  }
  for (const node of nodes.values()) {
    if (reached.has(node.id)) continue;
    node.children = [];
    roots.push(node);
  }
  const order = (list: ImportedItem[]) => list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  order(roots);
  for (const node of nodes.values()) order(node.children);

  return {
    id: framework.id,
    slug: framework.slug,
    title: { en: framework.title_en, fr: framework.title_fr },
    description: { en: framework.description_en, fr: framework.description_fr },
    publisher: framework.publisher,
    version: framework.version,
    status: framework.status,
    licence: framework.licence,
    extra: keptFields(framework.extra, "frameworks.extra", `framework ${framework.id}`),
    itemTypes: importedTypes(types),
    children: roots,
  };
}

/** Whether the draft exists and, when a parent is named, holds it at its top level. */
export async function targetExists(db: Executor, slug: string, parentId: string | null): Promise<boolean> {
  const framework = await findFrameworkBySlug(db, slug);
  if (!framework) return false;
  if (parentId === null) return true;
  const parent = await db
    .selectFrom("items")
    .select("id")
    .where("framework_id", "=", framework.id)
    .where("id", "=", parentId)
    .executeTakeFirst();
  return parent !== undefined;
}
