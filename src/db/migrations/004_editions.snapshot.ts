/**
 * Migration 004's own copy of the edition snapshot as it was when editions came in: the framework in
 * the API's JSON shape, with its item types and `extra`. Frozen on purpose: an upgrade from before
 * editions must write the same edition 1 whatever today's code has become (editions are rows since
 * migration 008, which reads this format with its own frozen reader). Today's readers must go on
 * showing what this writes (test/db/migration-004.test.ts checks it through the whole upgrade).
 * Depends on nothing but the language.
 */

export interface FrameworkRow004 {
  id: string;
  slug: string;
  title_en: string | null;
  title_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  publisher: string | null;
  version: string;
  status: string;
  licence: string | null;
  created_at: string;
  updated_at: string;
  extra: string | null;
}

export interface ItemTypeRow004 {
  id: string;
  code: string;
  label_en: string | null;
  label_fr: string | null;
}

export interface ItemRow004 {
  id: string;
  parent_id: string | null;
  type_code: string;
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  updated_at: string;
}

interface Text004 {
  en: string | null;
  fr: string | null;
}

interface Item004 {
  id: string;
  type: string;
  code: string | null;
  position: number;
  statement: Text004;
  description: Text004;
  updatedAt: string;
  lastUpdated: string;
  children: Item004[];
}

interface Node004 extends Item004 {
  parentId: string | null;
  children: Node004[];
}

export interface Snapshot004 {
  id: string;
  slug: string;
  type: "framework";
  title: Text004;
  description: Text004;
  publisher: string | null;
  version: string;
  status: string;
  licence: string | null;
  createdAt: string;
  updatedAt: string;
  language?: string;
  lastUpdated: string;
  itemTypes: { id: string; code: string; label: Text004; extra: null }[];
  children: Item004[];
  extra: string | null;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Siblings by position, then code in natural order, then id. */
const compareSiblings = (a: Node004, b: Node004) =>
  a.position - b.position || collator.compare(a.code ?? "", b.code ?? "") || a.id.localeCompare(b.id);

/** The language tag the framework's source gave (kept in `extra`), if a well-formed one. */
function sourceLanguage(extra: string | null): string | undefined {
  if (!extra) return undefined;
  try {
    const parsed = JSON.parse(extra);
    const tag = parsed && typeof parsed === "object" ? parsed.language : undefined;
    return typeof tag === "string" && /^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(tag.trim())
      ? tag.trim()
      : undefined;
  } catch {
    return undefined;
  }
}

/** The rows as an ordered tree: rows whose parent is missing, or that sit on a cycle, are left out. */
function treeOf(rows: readonly ItemRow004[]): Node004[] {
  const byId = new Map<string, Node004>();
  for (const row of rows)
    byId.set(row.id, {
      id: row.id,
      parentId: row.parent_id,
      type: row.type_code,
      code: row.code,
      position: row.position,
      statement: { en: row.statement_en, fr: row.statement_fr },
      description: { en: row.description_en, fr: row.description_fr },
      updatedAt: row.updated_at,
      lastUpdated: row.updated_at,
      children: [],
    });
  const roots: Node004[] = [];
  for (const node of byId.values()) {
    if (node.parentId === null) roots.push(node);
    else byId.get(node.parentId)?.children.push(node);
  }
  const visit = (node: Node004): string => {
    node.children.sort(compareSiblings);
    let newest = node.updatedAt;
    for (const child of node.children) {
      const childNewest = visit(child);
      if (childNewest > newest) newest = childNewest;
    }
    node.lastUpdated = newest;
    return newest;
  };
  roots.sort(compareSiblings);
  for (const root of roots) visit(root);
  return roots;
}

const asItem = (node: Node004): Item004 => ({
  id: node.id,
  type: node.type,
  code: node.code,
  position: node.position,
  statement: node.statement,
  description: node.description,
  updatedAt: node.updatedAt,
  lastUpdated: node.lastUpdated,
  children: node.children.map(asItem),
});

const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);

/** Edition 1 of a framework that was public before editions existed. */
export function snapshotAt004(
  framework: FrameworkRow004,
  types: readonly ItemTypeRow004[],
  rows: readonly ItemRow004[],
): Snapshot004 {
  const roots = treeOf(rows);
  let lastUpdated = framework.updated_at;
  const reach = (nodes: readonly Node004[]) => {
    for (const node of nodes) {
      if (node.updatedAt > lastUpdated) lastUpdated = node.updatedAt;
      reach(node.children);
    }
  };
  reach(roots);
  const language = sourceLanguage(framework.extra);
  return {
    id: framework.id,
    slug: framework.slug,
    type: "framework",
    title: { en: framework.title_en, fr: framework.title_fr },
    description: { en: framework.description_en, fr: framework.description_fr },
    publisher: framework.publisher,
    version: framework.version,
    status: "published",
    licence: framework.licence,
    createdAt: earlier(framework.created_at, framework.updated_at),
    updatedAt: framework.updated_at,
    ...(language ? { language } : {}),
    lastUpdated,
    itemTypes: types.map((t) => ({ id: t.id, code: t.code, label: { en: t.label_en, fr: t.label_fr }, extra: null })),
    children: roots.map(asItem),
    extra: framework.extra,
  };
}
