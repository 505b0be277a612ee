/**
 * Pure functions that turn flat item rows into an ordered tree and roll up "last updated".
 * No database, no HTTP: everything here is tested on plain objects.
 */
import type { Bilingual } from "../i18n/bilingual.ts";
import { finish, STEP, type Steps } from "../slices.ts";

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
  return finish(buildTreeSteps(rows));
}

/** buildTree as steps (src/slices.ts): the catalog builds a big framework's tree a slice at a time. */
export function* buildTreeSteps(rows: readonly ItemRow[]): Steps<Tree> {
  const byId = new Map<string, TreeNode>();
  // Each row read from the database brings its own copy of its type's code, of its parent's id
  // and of its change time: a framework keeps one of each (50,000 items: ~3 MB of duplicate ids
  // and codes, and ~2 MB of times when an import or a bulk edit wrote them all at once).
  const typeCodes = new Map<string, string>();
  const times = new Map<string, string>();
  let count = 0;
  for (const row of rows) {
    let type = typeCodes.get(row.type_code);
    if (type === undefined) {
      type = row.type_code;
      typeCodes.set(type, type);
    }
    let updatedAt = times.get(row.updated_at);
    if (updatedAt === undefined) {
      updatedAt = row.updated_at;
      times.set(updatedAt, updatedAt);
    }
    byId.set(row.id, {
      id: row.id,
      parentId: row.parent_id,
      type,
      code: row.code,
      position: row.position,
      statement: { en: row.statement_en, fr: row.statement_fr },
      description: { en: row.description_en, fr: row.description_fr },
      updatedAt,
      lastUpdated: updatedAt,
      depth: 0,
      children: [],
    });
    if (++count % STEP === 0) yield;
  }
  const roots: TreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (node.parentId === null) roots.push(node);
    else if (parent) {
      parent.children.push(node);
      node.parentId = parent.id;
    }
    if (++count % STEP === 0) yield;
  }
  // Depth first with a stack of our own (a step function cannot yield from inside a recursion
  // cheaply): `reached` lists the nodes parents first, so going through it backwards meets every
  // child before its parent, which rolls "last updated" up.
  roots.sort(compareSiblings);
  const reached: TreeNode[] = [];
  const stack: TreeNode[] = [...roots].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    reached.push(node);
    node.children.sort(compareSiblings);
    for (let i = node.children.length - 1; i >= 0; i--) {
      node.children[i].depth = node.depth + 1;
      stack.push(node.children[i]);
    }
    if (++count % STEP === 0) yield;
  }
  for (let i = reached.length - 1; i >= 0; i--) {
    const node = reached[i];
    let newest = node.updatedAt;
    for (const child of node.children) if (child.lastUpdated > newest) newest = child.lastUpdated;
    node.lastUpdated = newest;
    if (++count % STEP === 0) yield;
  }
  const reachedIds = new Set(reached.map((node) => node.id));
  const detached = [...byId.keys()].filter((id) => !reachedIds.has(id));
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
  return finish(urlKeySteps(tree));
}

/** urlKeys as steps (src/slices.ts). */
export function* urlKeySteps(tree: Tree): Steps<Map<string, string>> {
  let count = 0;
  const counts = new Map<string, number>();
  for (const node of tree.byId.values()) if (node.code) counts.set(node.code, (counts.get(node.code) ?? 0) + 1);
  const keys = new Map<string, string>();
  for (const node of tree.byId.values()) {
    const usable = node.code && counts.get(node.code) === 1 && /^[\p{L}\p{N}._~-]{1,120}$/u.test(node.code);
    keys.set(node.id, usable ? (node.code as string) : node.id);
    if (++count % STEP === 0) yield;
  }
  return keys;
}
