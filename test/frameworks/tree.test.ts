import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ancestors, buildTree, height, type ItemRow, pick, urlKeys, walk } from "../../src/frameworks/tree.ts";

/** A row with sensible defaults: only what a test cares about needs saying. */
function row(id: string, parent: string | null, extra: Partial<ItemRow> = {}): ItemRow {
  return {
    id,
    parent_id: parent,
    type_code: "item",
    code: id,
    position: 1,
    statement_en: `${id} en`,
    statement_fr: `${id} fr`,
    description_en: null,
    description_fr: null,
    updated_at: "2024-01-01T12:00:00.000Z",
    ...extra,
  };
}

const codes = (nodes: { code: string | null }[]) => nodes.map((n) => n.code);

/** The node with that id; fails the test, naming the id, when the tree does not hold it. */
function nodeOf(tree: ReturnType<typeof buildTree>, id: string) {
  const found = tree.byId.get(id);
  assert.ok(found, `the tree holds ${id}`);
  return found;
}

describe("buildTree: ordering", () => {
  test("siblings sort by position first, whatever the input order or code", () => {
    const tree = buildTree([
      row("b", null, { code: "A", position: 3 }),
      row("c", null, { code: "Z", position: 1 }),
      row("a", null, { code: "M", position: 2 }),
    ]);
    assert.deepEqual(codes(tree.roots), ["Z", "M", "A"]);
  });

  test("equal positions fall back to natural code order: 1.2 before 1.10, 2 before 10", () => {
    const rows = ["1.10", "1.2", "1.1", "10", "2", "1.9"].map((code) => row(`id-${code}`, null, { code, position: 0 }));
    assert.deepEqual(codes(buildTree(rows).roots), ["1.1", "1.2", "1.9", "1.10", "2", "10"]);
  });

  test("natural order ignores case, and ties on code fall back to the id so the order is stable", () => {
    const tree = buildTree([
      row("y", null, { code: "ab", position: 0 }),
      row("x", null, { code: "AB", position: 0 }),
      row("z", null, { code: null, position: 0 }),
    ]);
    assert.deepEqual(
      tree.roots.map((n) => n.id),
      ["z", "x", "y"],
    );
  });

  test("children are ordered at every depth", () => {
    const tree = buildTree([
      row("root", null),
      row("c2", "root", { position: 2 }),
      row("c1", "root", { position: 1 }),
      row("g2", "c1", { code: "c1.10", position: 0 }),
      row("g1", "c1", { code: "c1.9", position: 0 }),
    ]);
    const [root] = tree.roots;
    assert.deepEqual(
      root.children.map((n) => n.id),
      ["c1", "c2"],
    );
    assert.deepEqual(codes(root.children[0].children), ["c1.9", "c1.10"]);
    assert.deepEqual(
      [...walk(tree.roots)].map((n) => n.id),
      ["root", "c1", "g1", "g2", "c2"],
    );
  });

  test("the input order of rows does not change the tree", () => {
    const rows = [
      row("root", null),
      row("a", "root", { position: 2 }),
      row("b", "root", { position: 1 }),
      row("a1", "a", { position: 1 }),
      row("b1", "b", { position: 1 }),
    ];
    const shape = (t: ReturnType<typeof buildTree>) => [...walk(t.roots)].map((n) => `${n.depth}:${n.id}`);
    assert.deepEqual(shape(buildTree(rows)), shape(buildTree([...rows].reverse())));
  });
});

describe("buildTree: structure", () => {
  test("depth counts from 0 at the roots", () => {
    const tree = buildTree([row("c", null), row("a", "c"), row("k", "a"), row("s", "k")]);
    assert.deepEqual(
      [...walk(tree.roots)].map((n) => [n.id, n.depth]),
      [
        ["c", 0],
        ["a", 1],
        ["k", 2],
        ["s", 3],
      ],
    );
    assert.equal(height(nodeOf(tree, "c")), 3);
    assert.equal(height(nodeOf(tree, "s")), 0);
  });

  test("rows whose parent is missing are detached, with their whole subtree", () => {
    const tree = buildTree([row("root", null), row("orphan", "nowhere"), row("orphan-child", "orphan")]);
    assert.deepEqual(
      tree.roots.map((n) => n.id),
      ["root"],
    );
    assert.deepEqual(tree.detached.sort(), ["orphan", "orphan-child"]);
    assert.equal(tree.byId.has("orphan"), false);
    assert.equal(tree.byId.has("orphan-child"), false);
  });

  test("a cycle is detached instead of looping forever", () => {
    const tree = buildTree([row("root", null), row("a", "b"), row("b", "a"), row("self", "self"), row("hang", "a")]);
    assert.deepEqual(
      tree.roots.map((n) => n.id),
      ["root"],
    );
    assert.deepEqual(tree.detached.sort(), ["a", "b", "hang", "self"]);
    assert.equal(tree.byId.size, 1);
  });

  test("an empty list gives an empty tree", () => {
    const tree = buildTree([]);
    assert.deepEqual(tree.roots, []);
    assert.equal(tree.byId.size, 0);
    assert.deepEqual(tree.detached, []);
  });

  test("ancestors lists the chain from the root down, excluding the node", () => {
    const tree = buildTree([row("c", null), row("a", "c"), row("k", "a")]);
    assert.deepEqual(
      ancestors(nodeOf(tree, "k"), tree.byId).map((n) => n.id),
      ["c", "a"],
    );
    assert.deepEqual(ancestors(nodeOf(tree, "c"), tree.byId), []);
  });

  test("texts are carried over in both languages", () => {
    const tree = buildTree([
      row("x", null, { statement_en: "Budget", statement_fr: "Budget (fr)", description_fr: "Desc" }),
    ]);
    const node = nodeOf(tree, "x");
    assert.deepEqual(node.statement, { en: "Budget", fr: "Budget (fr)" });
    assert.deepEqual(node.description, { en: null, fr: "Desc" });
  });
});

describe("last updated roll-up", () => {
  const rows = [
    row("cat", null, { updated_at: "2024-01-01T12:00:00.000Z" }),
    row("area1", "cat", { position: 1, updated_at: "2024-02-01T12:00:00.000Z" }),
    row("comp1", "area1", { updated_at: "2024-01-15T12:00:00.000Z" }),
    row("ksa1", "comp1", { updated_at: "2025-06-30T12:00:00.000Z" }),
    row("area2", "cat", { position: 2, updated_at: "2023-05-05T12:00:00.000Z" }),
  ];

  test("a node's lastUpdated is the newest change in its subtree, its own included", () => {
    const tree = buildTree(rows);
    assert.equal(tree.byId.get("ksa1")?.lastUpdated, "2025-06-30T12:00:00.000Z");
    assert.equal(tree.byId.get("comp1")?.lastUpdated, "2025-06-30T12:00:00.000Z");
    assert.equal(tree.byId.get("area1")?.lastUpdated, "2025-06-30T12:00:00.000Z");
    assert.equal(tree.byId.get("cat")?.lastUpdated, "2025-06-30T12:00:00.000Z");
  });

  test("a change deep in one area does not touch its sibling", () => {
    const tree = buildTree(rows);
    assert.equal(tree.byId.get("area2")?.lastUpdated, "2023-05-05T12:00:00.000Z");
  });

  test("updatedAt stays the node's own change time", () => {
    const tree = buildTree(rows);
    assert.equal(tree.byId.get("area1")?.updatedAt, "2024-02-01T12:00:00.000Z");
    assert.equal(tree.byId.get("comp1")?.updatedAt, "2024-01-15T12:00:00.000Z");
  });

  test("a parent newer than all its children keeps its own date", () => {
    const tree = buildTree([
      row("p", null, { updated_at: "2026-01-01T00:00:00.000Z" }),
      row("c", "p", { updated_at: "2020-01-01T00:00:00.000Z" }),
    ]);
    assert.equal(tree.byId.get("p")?.lastUpdated, "2026-01-01T00:00:00.000Z");
  });
});

describe("urlKeys", () => {
  test("a unique, URL-friendly code is the key", () => {
    const tree = buildTree([
      row("id-1", null, { code: "ML" }),
      row("id-2", "id-1", { code: "ML.CR" }),
      row("id-3", "id-2", { code: "ML.CR.1-a_b~c" }),
    ]);
    const keys = urlKeys(tree);
    assert.equal(keys.get("id-1"), "ML");
    assert.equal(keys.get("id-2"), "ML.CR");
    assert.equal(keys.get("id-3"), "ML.CR.1-a_b~c");
  });

  test("duplicate codes fall back to ids, for every holder of the code", () => {
    const tree = buildTree([row("id-1", null, { code: "X" }), row("id-2", null, { code: "X", position: 2 })]);
    const keys = urlKeys(tree);
    assert.equal(keys.get("id-1"), "id-1");
    assert.equal(keys.get("id-2"), "id-2");
  });

  test("missing or unsafe codes fall back to ids", () => {
    const tree = buildTree([
      row("n", null, { code: null }),
      row("e", null, { code: "" }),
      row("s", null, { code: "has space" }),
      row("p", null, { code: "a/b" }),
      row("q", null, { code: "a?b" }),
      row("l", null, { code: "x".repeat(121) }),
      row("u", null, { code: "Équipe.1" }),
    ]);
    const keys = urlKeys(tree);
    for (const id of ["n", "e", "s", "p", "q", "l"]) assert.equal(keys.get(id), id, `code of ${id} should not be used`);
    assert.equal(keys.get("u"), "Équipe.1", "letters outside ASCII are fine in a URL key");
  });

  test("every key is unique, so it resolves back to one item", () => {
    const tree = buildTree([
      row("a", null, { code: "K" }),
      row("b", null, { code: "K" }),
      row("K", null, { code: "Z" }),
    ]);
    const keys = [...urlKeys(tree).values()];
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe("pick", () => {
  test("prefers the wanted language, falls back to the other, and says which", () => {
    assert.deepEqual(pick({ en: "Hello", fr: "Bonjour" }, "fr"), { value: "Bonjour", lang: "fr" });
    assert.deepEqual(pick({ en: "Hello", fr: null }, "fr"), { value: "Hello", lang: "en" });
    assert.deepEqual(pick({ en: "", fr: "Bonjour" }, "en"), { value: "Bonjour", lang: "fr" });
    assert.equal(pick({ en: null, fr: null }, "en"), null);
  });
});
