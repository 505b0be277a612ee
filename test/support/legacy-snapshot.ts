/**
 * Editions as Skillshelf stored them before migration 008: one JSON text, the API's tree of the
 * framework (`editions.snapshot`, format 1, no version field). Written here by the tests' own code,
 * frozen, so upgrade tests can put old editions in a database whatever today's code writes.
 */
import type { FrameworkInsert } from "../../src/frameworks/store.ts";

export interface LegacyItem {
  id: string;
  type: string;
  code: string | null;
  position: number;
  statement: { en: string | null; fr: string | null };
  description: { en: string | null; fr: string | null };
  updatedAt: string;
  lastUpdated: string;
  children: LegacyItem[];
}

export interface LegacyCase {
  associations: Record<string, unknown>[];
  definitions: Record<string, unknown>[];
  itemExtras: Record<string, Record<string, unknown>>;
  typeExtras?: Record<string, string | null>;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** The snapshot format 1 of a framework's rows (as migration 004 and publishing wrote it). */
export function legacySnapshot(
  rows: FrameworkInsert,
  options: {
    version?: string;
    createdAt?: boolean;
    adoptedFrom?: { id: string; slug: string; title: { en: string | null; fr: string | null }; edition: number };
    case?: LegacyCase;
    typeExtras?: Record<string, string | null>;
  } = {},
): Record<string, unknown> & { children: LegacyItem[] } {
  const typeCode = new Map(rows.itemTypes.map((t) => [t.id, t.code]));
  const nodes = new Map<string, LegacyItem>();
  for (const item of rows.items)
    nodes.set(item.id, {
      id: item.id,
      type: typeCode.get(item.type_id) as string,
      code: item.code ?? null,
      position: item.position,
      statement: { en: item.statement_en ?? null, fr: item.statement_fr ?? null },
      description: { en: item.description_en ?? null, fr: item.description_fr ?? null },
      updatedAt: item.updated_at,
      lastUpdated: item.updated_at,
      children: [],
    });
  const roots: LegacyItem[] = [];
  for (const item of rows.items) {
    const node = nodes.get(item.id) as LegacyItem;
    if (item.parent_id) nodes.get(item.parent_id)?.children.push(node);
    else roots.push(node);
  }
  const order = (list: LegacyItem[]): LegacyItem[] => {
    list.sort(
      (a, b) => a.position - b.position || collator.compare(a.code ?? "", b.code ?? "") || a.id.localeCompare(b.id),
    );
    for (const node of list) {
      order(node.children);
      for (const child of node.children) if (child.lastUpdated > node.lastUpdated) node.lastUpdated = child.lastUpdated;
    }
    return list;
  };
  order(roots);
  const f = rows.framework;
  const lastUpdated = [f.updated_at, ...roots.map((r) => r.lastUpdated)].sort().at(-1);
  return {
    id: f.id,
    slug: f.slug,
    type: "framework",
    title: { en: f.title_en ?? null, fr: f.title_fr ?? null },
    description: { en: f.description_en ?? null, fr: f.description_fr ?? null },
    publisher: f.publisher ?? null,
    version: options.version ?? f.version,
    status: "published",
    licence: f.licence ?? null,
    ...(options.createdAt === false ? {} : { createdAt: f.created_at }),
    updatedAt: f.updated_at,
    lastUpdated,
    itemTypes: rows.itemTypes.map((t) => ({
      id: t.id,
      code: t.code,
      label: { en: t.label_en, fr: t.label_fr },
      ...(options.typeExtras ? { extra: options.typeExtras[t.code] ?? null } : {}),
    })),
    children: roots,
    extra: f.extra ?? null,
    ...(options.adoptedFrom ? { adoptedFrom: options.adoptedFrom } : {}),
    ...(options.case ? { case: options.case } : {}),
  };
}

/** Every item of a legacy tree with its parent, parents first. */
export function flattenLegacy(
  items: LegacyItem[],
  parentId: string | null = null,
): (LegacyItem & { parentId: string | null })[] {
  return items.flatMap((item) => [{ ...item, parentId }, ...flattenLegacy(item.children, item.id)]);
}
