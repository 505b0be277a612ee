import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  descendantsOf,
  moveRefusal,
  type Placement,
  planMove,
  planReorder,
  planSiblingOrder,
  reorderIds,
} from "../../src/editor/moves.ts";

// root1 ─ a ─ a1 ─ a1x
//       │    └ a2
//       └ b
// root2
const items: Placement[] = [
  { id: "root1", parent_id: null, position: 1 },
  { id: "root2", parent_id: null, position: 2 },
  { id: "a", parent_id: "root1", position: 1 },
  { id: "b", parent_id: "root1", position: 2 },
  { id: "a1", parent_id: "a", position: 1 },
  { id: "a2", parent_id: "a", position: 2 },
  { id: "a1x", parent_id: "a1", position: 1 },
];

function apply(all: Placement[], updates: Placement[]): Placement[] {
  const byId = new Map(all.map((i) => [i.id, { ...i }]));
  for (const u of updates) Object.assign(byId.get(u.id) as Placement, u);
  return [...byId.values()];
}

const childrenOf = (all: Placement[], parent: string | null) =>
  all
    .filter((i) => i.parent_id === parent)
    .sort((x, y) => x.position - y.position)
    .map((i) => `${i.id}@${i.position}`);

describe("tree moves", () => {
  test("descendants are found at every depth", () => {
    assert.deepEqual(descendantsOf(items, "root1").sort(), ["a", "a1", "a1x", "a2", "b"]);
    assert.deepEqual(descendantsOf(items, "a2"), []);
  });

  test("moving under itself or any descendant is refused", () => {
    assert.equal(moveRefusal(items, "a", "a"), "under_itself");
    assert.equal(moveRefusal(items, "a", "a1"), "under_descendant");
    assert.equal(moveRefusal(items, "root1", "a1x"), "under_descendant");
    assert.equal(moveRefusal(items, "a", "nope"), "unknown_parent");
    assert.equal(moveRefusal(items, "nope", "a"), "unknown_item");
    assert.equal(moveRefusal(items, "a1", "b"), null);
    assert.equal(moveRefusal(items, "a1", null), null);
    assert.equal(planMove(items, "a", "a1x"), "under_descendant");
  });

  test("a move renumbers both the siblings left behind and the new ones", () => {
    const updates = planMove(items, "a1", "b") as Placement[];
    const after = apply(items, updates);
    assert.deepEqual(childrenOf(after, "a"), ["a2@1"]);
    assert.deepEqual(childrenOf(after, "b"), ["a1@1"]);
    // The subtree comes along: a1x still hangs under a1.
    assert.deepEqual(childrenOf(after, "a1"), ["a1x@1"]);
  });

  test("a move lands at the asked position, clamped to the sibling list", () => {
    assert.deepEqual(childrenOf(apply(items, planMove(items, "a2", "root1", 1) as Placement[]), "root1"), [
      "a2@1",
      "a@2",
      "b@3",
    ]);
    assert.deepEqual(childrenOf(apply(items, planMove(items, "a2", "root1", 99) as Placement[]), "root1"), [
      "a@1",
      "b@2",
      "a2@3",
    ]);
    assert.deepEqual(childrenOf(apply(items, planMove(items, "a2", null, 0) as Placement[]), null), [
      "a2@1",
      "root1@2",
      "root2@3",
    ]);
  });

  test("reorders: up, down, to a position; the ends stay put", () => {
    assert.deepEqual(reorderIds(["x", "y", "z"], "z", { kind: "up" }), ["x", "z", "y"]);
    assert.deepEqual(reorderIds(["x", "y", "z"], "x", { kind: "up" }), ["x", "y", "z"]);
    assert.deepEqual(reorderIds(["x", "y", "z"], "z", { kind: "down" }), ["x", "y", "z"]);
    assert.deepEqual(reorderIds(["x", "y", "z"], "x", { kind: "to", position: 3 }), ["y", "z", "x"]);
    assert.deepEqual(planReorder(items, "a", { kind: "up" }), []);
    assert.deepEqual(planReorder(items, "b", { kind: "up" }), [
      { id: "b", parent_id: "root1", position: 1 },
      { id: "a", parent_id: "root1", position: 2 },
    ]);
  });

  test("a whole sibling order is taken only when it names exactly the current siblings", () => {
    assert.deepEqual(planSiblingOrder(items, "a", ["a2", "a1"])?.length, 2);
    assert.equal(planSiblingOrder(items, "a", ["a2"]), null);
    assert.equal(planSiblingOrder(items, "a", ["a2", "a2"]), null);
    assert.equal(planSiblingOrder(items, "a", ["a2", "b"]), null);
  });

  test("property: any allowed move keeps every item reachable from a root, and positions 1…n", () => {
    const ids = items.map((i) => i.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.option(fc.constantFrom(...ids), { nil: null }),
        fc.integer({ min: -3, max: 9 }),
        (id, parent, position) => {
          const plan = planMove(items, id, parent, position);
          if (typeof plan === "string") {
            assert.ok(parent === id || descendantsOf(items, id).includes(parent as string));
            return;
          }
          const after = apply(items, plan);
          const byId = new Map(after.map((i) => [i.id, i]));
          for (const node of after) {
            const seen = new Set<string>();
            let current: Placement | undefined = node;
            while (current?.parent_id) {
              assert.ok(!seen.has(current.id), "cycle");
              seen.add(current.id);
              current = byId.get(current.parent_id);
            }
            assert.ok(current && current.parent_id === null);
          }
          for (const parentId of [null, ...ids]) {
            const positions = after
              .filter((i) => i.parent_id === parentId)
              .map((i) => i.position)
              .sort((x, y) => x - y);
            const untouched =
              positions.join() ===
              items
                .filter((i) => i.parent_id === parentId)
                .map((i) => i.position)
                .sort((x, y) => x - y)
                .join();
            if (!untouched)
              assert.deepEqual(
                positions,
                positions.map((_, i) => i + 1),
              );
          }
        },
      ),
    );
  });
});
