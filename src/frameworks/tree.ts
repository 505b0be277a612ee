/**
 * Pure functions that turn flat item rows into an ordered tree and roll up "last updated".
 * No database, no HTTP: everything here is tested on plain objects.
 */
import type { Bilingual } from "../i18n/bilingual.ts";

// A framework's texts are bilingual: the type and the choice of language belong to i18n.
export { type Bilingual, pick } from "../i18n/bilingual.ts";

export interface ItemRow {
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

export interface TreeNode {
  id: string;
  parentId: string | null;
  type: string;
  code: string | null;
  position: number;
  statement: Bilingual;
  description: Bilingual;
  /** Change time of this item alone. */
  updatedAt: string;
  /** Newest change time in this item's subtree (itself included). */
  lastUpdated: string;
  depth: number;
  children: TreeNode[];
}

export interface Tree {
  roots: TreeNode[];
  byId: Map<string, TreeNode>;
  /** Rows whose parent is missing or that sit on a cycle; they are left out of `roots`. */
  detached: string[];
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Siblings sort by position, then by human code in natural order ("1.2" before "1.10"), then id. */
export function compareSiblings(a: TreeNode, b: TreeNode): number {
  return a.position - b.position || collator.compare(a.code ?? "", b.code ?? "") || a.id.localeCompare(b.id);
}

export function buildTree(rows: readonly ItemRow[]): Tree {
  const byId = new Map<string, TreeNode>();
  for (const row of rows) {
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
      depth: 0,
      children: [],
    });
  }
  const roots: TreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (node.parentId === null) roots.push(node);
    else if (parent) parent.children.push(node);
  }
  const reached = new Set<string>();
  const visit = (node: TreeNode, depth: number): string => {
    reached.add(node.id);
    node.depth = depth;
    node.children.sort(compareSiblings);
    let newest = node.updatedAt;
    for (const child of node.children) {
      const childNewest = visit(child, depth + 1);
      if (childNewest > newest) newest = childNewest;
    }
    node.lastUpdated = newest;
    return newest;
  };
  roots.sort(compareSiblings);
  for (const root of roots) visit(root, 0);
  const detached = [...byId.keys()].filter((id) => !reached.has(id));
  for (const id of detached) byId.delete(id);
  return { roots, byId, detached };
}

export function ancestors(node: TreeNode, byId: Map<string, TreeNode>): TreeNode[] {
  const chain: TreeNode[] = [];
  let current = node.parentId ? byId.get(node.parentId) : undefined;
  while (current) {
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** Height of a subtree: 0 for a leaf. Decides whether a page lists children or shows them whole. */
export function height(node: TreeNode): number {
  let h = 0;
  for (const child of node.children) h = Math.max(h, height(child) + 1);
  return h;
}

export function* walk(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/**
 * The URL key of every item: its human code where that is unique and URL-friendly, else its id.
 * Codes are what people quote ("ML.CR"), ids are what always works.
 */
export function urlKeys(tree: Tree): Map<string, string> {
  const counts = new Map<string, number>();
  for (const node of tree.byId.values()) if (node.code) counts.set(node.code, (counts.get(node.code) ?? 0) + 1);
  const keys = new Map<string, string>();
  for (const node of tree.byId.values()) {
    const usable = node.code && counts.get(node.code) === 1 && /^[\p{L}\p{N}._~-]{1,120}$/u.test(node.code);
    keys.set(node.id, usable ? (node.code as string) : node.id);
  }
  return keys;
}
