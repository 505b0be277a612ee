/**
 * Pure functions that turn flat item rows into an ordered tree and roll up "last updated".
 * No database, no HTTP: everything here is tested on plain objects.
 */
import { finish, type Steps } from "../slices.ts";
import {
  type CompactTree,
  compactTreeSteps,
  type ItemRow,
  isCompactNode,
  type Tree,
  type TreeNode,
  urlKeyMapSteps,
} from "./compact-tree.ts";

// A framework's texts are bilingual: the type and the choice of language belong to i18n.
export { type Bilingual, pick } from "../i18n/bilingual.ts";
export { compareSiblings, type ItemRow, type Tree, type TreeNode } from "./compact-tree.ts";

export function buildTree(rows: readonly ItemRow[]): Tree {
  return finish(buildTreeSteps(rows));
}

/**
 * buildTree as steps (src/slices.ts): the catalog builds a big framework's tree a slice at a time.
 * The tree is compact (src/frameworks/compact-tree.ts): arrays in reading order, no object per item.
 */
export function buildTreeSteps(rows: readonly ItemRow[]): Steps<CompactTree> {
  return compactTreeSteps(rows);
}

export function ancestors(node: TreeNode, byId: ReadonlyMap<string, TreeNode>): TreeNode[] {
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
  if (isCompactNode(node)) return node.height();
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
export function urlKeys(tree: Tree): ReadonlyMap<string, string> {
  return finish(urlKeySteps(tree));
}

/** urlKeys as steps (src/slices.ts). */
export function urlKeySteps(tree: Tree): Steps<ReadonlyMap<string, string>> {
  return urlKeyMapSteps(tree as CompactTree);
}
