/**
 * The compact tree (src/frameworks/compact-tree.ts) answers as the tree of node objects it replaced
 * did: the same nodes in the same order, the same look-ups by id and URL key, the same items left
 * out. The object tree is kept here, as it was, as the oracle.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { assembleView } from "../../src/editions/content.ts";
import { compactKeysSteps } from "../../src/frameworks/compact-tree.ts";
import {
  ancestors,
  buildTree,
  height,
  type ItemRow,
  type Tree,
  type TreeNode,
  walk,
} from "../../src/frameworks/tree.ts";
import { finish } from "../../src/slices.ts";

// ---- The oracle: the object tree as src/frameworks/tree.ts built it before the compact one.
interface OldNode {
  id: string;
  parentId: string | null;
  type: string;
  code: string | null;
  position: number;
  statement: { en: string | null; fr: string | null };
  description: { en: string | null; fr: string | null };
  updatedAt: string;
  lastUpdated: string;
  depth: number;
  children: OldNode[];
}
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const oldCompare = (a: OldNode, b: OldNode) =>
  a.position - b.position || collator.compare(a.code ?? "", b.code ?? "") || a.id.localeCompare(b.id);

function oldTree(rows: readonly ItemRow[]) {
  const byId = new Map<string, OldNode>();
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
      depth: 0,
      children: [],
    });
  const roots: OldNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (node.parentId === null) roots.push(node);
    else if (parent) parent.children.push(node);
  }
  roots.sort(oldCompare);
  const reached: OldNode[] = [];
  const stack = [...roots].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    reached.push(node);
    node.children.sort(oldCompare);
    for (let i = node.children.length - 1; i >= 0; i--) {
      node.children[i].depth = node.depth + 1;
      stack.push(node.children[i]);
    }
  }
  for (let i = reached.length - 1; i >= 0; i--) {
    const node = reached[i];
    for (const child of node.children) if (child.lastUpdated > node.lastUpdated) node.lastUpdated = child.lastUpdated;
  }
  const reachedIds = new Set(reached.map((node) => node.id));
  const detached = [...byId.keys()].filter((id) => !reachedIds.has(id));
  for (const id of detached) byId.delete(id);
  const counts = new Map<string, number>();
  for (const node of byId.values()) if (node.code) counts.set(node.code, (counts.get(node.code) ?? 0) + 1);
  const keys = new Map<string, string>();
  for (const node of byId.values()) {
    const usable = node.code && counts.get(node.code) === 1 && /^[\p{L}\p{N}._~-]{1,120}$/u.test(node.code);
    keys.set(node.id, usable ? (node.code as string) : node.id);
  }
  const byKey = new Map<string, OldNode>();
  for (const node of byId.values()) byKey.set(keys.get(node.id) as string, node);
  return { roots, byId, detached, keys, byKey, reached };
}
const oldHeight = (node: OldNode): number => node.children.reduce((h, child) => Math.max(h, oldHeight(child) + 1), 0);

/** A node's fields as plain data (both kinds of node), its children by id. */
const fields = (node: TreeNode | OldNode) => ({
  id: node.id,
  parentId: node.parentId,
  type: node.type,
  code: node.code,
  position: node.position,
  statement: { en: node.statement.en, fr: node.statement.fr },
  description: { en: node.description.en, fr: node.description.fr },
  updatedAt: node.updatedAt,
  lastUpdated: node.lastUpdated,
  depth: node.depth,
  children: node.children.map((child) => child.id),
});

// ---- Generated rows: duplicate codes and ids, missing parents, cycles, ties, equal EN/FR, nulls.
const TIMES = ["2024-01-01T00:00:00.000Z", "2025-06-30T12:00:00.000Z", "2023-05-05T12:00:00.000Z"];
// Codes never take an id's shape ("id-…"): a code equal to another item's id is a case neither
// tree decides the same way (see decision 039, addendum 2).
const CODES = ["ML", "ML.CR", "1.2", "1.10", "10", "2", "a b", "Équipe.1", "x/y", "", "ml"];
const TEXTS = ["Budget", "Budget (fr)", "Lecture", "", "Œuvre « ici »", "Same"];

const rowsArbitrary = fc.integer({ min: 0, max: 50 }).chain((size) =>
  fc.array(
    fc.record({
      id: fc.integer({ min: 0, max: size + 3 }),
      parent: fc.option(fc.integer({ min: 0, max: size + 6 }), { freq: 4, nil: null }),
      type: fc.constantFrom("category", "area", "competency", "ksa"),
      code: fc.option(fc.constantFrom(...CODES), { nil: null }),
      position: fc.integer({ min: 0, max: 3 }),
      en: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
      fr: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
      sameFr: fc.boolean(),
      description: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
      time: fc.constantFrom(...TIMES),
    }),
    { maxLength: size },
  ),
);

type GeneratedRow = typeof rowsArbitrary extends fc.Arbitrary<(infer R)[]> ? R : never;

const toRows = (generated: GeneratedRow[]): ItemRow[] =>
  generated.map((g) => ({
    id: `id-${g.id}`,
    // Parents point at earlier ids mostly, so trees are deep; some at missing ids or later ones (cycles).
    parent_id: g.parent === null ? null : `id-${g.parent}`,
    type_code: g.type,
    code: g.code,
    position: g.position,
    statement_en: g.en,
    // A copy of the English, not the same string: the tree keeps one.
    statement_fr: g.sameFr && g.en !== null ? `${g.en}` : g.fr,
    description_en: g.description,
    description_fr: g.sameFr ? g.description : null,
    updated_at: g.time,
  }));

describe("compact tree: the same answers as the object tree", () => {
  test("nodes in reading order, look-ups by id, left-out rows, heights and ancestors", () => {
    fc.assert(
      fc.property(rowsArbitrary, (generated) => {
        const rows = toRows(generated);
        const tree: Tree = buildTree(rows);
        const old = oldTree(rows);
        assert.deepEqual([...walk(tree.roots)].map(fields), old.reached.map(fields));
        assert.deepEqual(tree.roots.map(fields), old.roots.map(fields));
        assert.deepEqual([...tree.detached].sort(), [...old.detached].sort());
        assert.equal(tree.byId.size, old.byId.size);
        assert.deepEqual([...tree.byId.keys()].sort(), [...old.byId.keys()].sort());
        for (const row of rows) {
          const node = tree.byId.get(row.id);
          const oldNode = old.byId.get(row.id);
          assert.equal(tree.byId.has(row.id), oldNode !== undefined);
          assert.deepEqual(node && fields(node), oldNode && fields(oldNode));
          if (node && oldNode) {
            assert.equal(height(node), oldHeight(oldNode));
            assert.deepEqual(
              ancestors(node, tree.byId).map((a) => a.id),
              (() => {
                const chain: string[] = [];
                for (let p = oldNode.parentId; p !== null; p = old.byId.get(p)?.parentId ?? null) chain.unshift(p);
                return chain;
              })(),
            );
          }
        }
        for (const missing of ["id-999", "", "ML"]) assert.equal(tree.byId.get(missing), undefined);
      }),
      { numRuns: 300 },
    );
  });

  test("URL keys both ways, and the view's newest change", () => {
    fc.assert(
      fc.property(rowsArbitrary, (generated) => {
        const rows = toRows(generated);
        const old = oldTree(rows);
        const tree = buildTree(rows);
        const { keys, byKey } = finish(compactKeysSteps(tree as Parameters<typeof compactKeysSteps>[0]));
        assert.deepEqual(new Map([...keys].sort()), new Map([...old.keys].sort()));
        for (const id of [...old.keys.keys(), "id-999"]) assert.equal(keys.get(id), old.keys.get(id));
        assert.equal(byKey.size, old.byKey.size);
        for (const [key, node] of old.byKey) assert.equal(byKey.get(key)?.id, node.id, `key ${key}`);
        assert.equal(byKey.get("no such key"), undefined);

        const framework = { updated_at: "2022-01-01T00:00:00.000Z" } as Parameters<typeof assembleView>[0];
        const view = assembleView(framework, [], rows);
        let newest = framework.updated_at;
        for (const node of old.byId.values()) if (node.updatedAt > newest) newest = node.updatedAt;
        assert.equal(view.lastUpdated, newest);
        assert.equal(view.itemCount, old.byId.size);
      }),
      { numRuns: 300 },
    );
  });

  test("a node handed out is a copy: changing its children or texts changes nothing in the tree", () => {
    const row = (id: string, parent: string | null): ItemRow => ({
      id,
      parent_id: parent,
      type_code: "area",
      code: null,
      position: 0,
      statement_en: id,
      statement_fr: null,
      description_en: null,
      description_fr: null,
      updated_at: TIMES[0],
    });
    const tree = buildTree([row("a", null), row("b", "a")]);
    const a = tree.byId.get("a") as TreeNode;
    a.children.pop();
    a.statement.en = "changed";
    assert.deepEqual(
      tree.byId.get("a")?.children.map((child) => child.id),
      ["b"],
    );
    assert.equal(tree.byId.get("a")?.statement.en, "a");
    assert.notEqual(tree.byId.get("a"), tree.byId.get("a"), "compare ids, not nodes");
  });
});
