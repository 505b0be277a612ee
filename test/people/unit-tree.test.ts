/** The units tree editor's moves as pure functions: whatever moves are made, the tree stays a tree. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  buildTree,
  descendantsOf,
  flatten,
  planMove,
  type UnitMove,
  type UnitPlace,
} from "../../src/people/units/tree.ts";
import { runs } from "../support/fast-check-seed.ts";

/** A forest of n units: each unit's parent is an earlier unit or none, siblings numbered in order. */
const forest = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: n, maxLength: n }).map((picks) => {
    const units: UnitPlace[] = [];
    picks.forEach((p, i) => {
      const parentId = i === 0 || p < 0.3 ? null : `u${Math.floor(p * i)}`;
      const ordinal = units.filter((u) => u.parentId === parentId).length;
      units.push({ id: `u${i}`, parentId, ordinal });
    });
    return units;
  }),
);

const moveArb = (n: number): fc.Arbitrary<{ id: string; move: UnitMove }> =>
  fc.record({
    id: fc.integer({ min: 0, max: n - 1 }).map((i) => `u${i}`),
    move: fc.oneof(
      fc.constantFrom<UnitMove>({ kind: "up" }, { kind: "down" }, { kind: "indent" }, { kind: "outdent" }),
      fc.integer({ min: -1, max: n - 1 }).map((i): UnitMove => ({ kind: "under", parentId: i < 0 ? null : `u${i}` })),
    ),
  });

const apply = (units: UnitPlace[], places: UnitPlace[]) => {
  const changed = new Map(places.map((p) => [p.id, p]));
  return units.map((u) => changed.get(u.id) ?? u);
};

function assertTree(units: UnitPlace[]) {
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    if (unit.parentId !== null) assert.ok(ids.has(unit.parentId), `${unit.id}'s parent exists`);
    assert.ok(!descendantsOf(unit.id, units).includes(unit.id), `${unit.id} is not under itself`);
  }
  assert.equal(flatten(buildTree(units)).length, units.length, "every unit is in the tree once");
  const siblings = new Map<string | null, number[]>();
  for (const unit of units) siblings.set(unit.parentId, [...(siblings.get(unit.parentId) ?? []), unit.ordinal]);
  for (const [parent, ordinals] of siblings)
    assert.deepEqual(
      [...ordinals].sort((a, b) => a - b),
      ordinals.map((_, i) => i),
      `the units under ${parent} are numbered 0…n-1`,
    );
}

describe("units tree moves", () => {
  it("any sequence of moves keeps a tree: parents exist, no unit under itself, siblings numbered in order", () => {
    fc.assert(
      fc.property(
        forest.chain((units) => fc.tuple(fc.constant(units), fc.array(moveArb(units.length), { maxLength: 25 }))),
        ([start, moves]) => {
          let units = start;
          for (const { id, move } of moves) {
            const plan = planMove(units, id, move);
            if (!plan.ok) {
              if (move.kind === "under" && move.parentId !== null)
                assert.equal(
                  plan.why === "cycle",
                  move.parentId === id || descendantsOf(id, units).includes(move.parentId),
                  "a refusal as a cycle is exactly a move under itself or a sub-unit",
                );
              continue;
            }
            const moved = apply(units, plan.places);
            // A unit moves with all its sub-units.
            assert.deepEqual(new Set(descendantsOf(id, moved)), new Set(descendantsOf(id, units)));
            units = moved;
            assertTree(units);
          }
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("up undoes down, and outdent undoes indent", () => {
    fc.assert(
      fc.property(forest, fc.nat(), (units, pick) => {
        const id = units[pick % units.length].id;
        for (const [there, back] of [
          ["down", "up"],
          ["indent", "outdent"],
        ] as const) {
          const go = planMove(units, id, { kind: there });
          if (!go.ok) continue;
          const moved = apply(units, go.places);
          const come = planMove(moved, id, { kind: back });
          assert.ok(come.ok, `${back} after ${there}`);
          const restored = apply(moved, come.places);
          // Outdent puts the unit just after its former sibling, which is where it was.
          const place = (list: UnitPlace[]) => list.find((u) => u.id === id);
          assert.deepEqual(place(restored), place(units), `${there} then ${back}`);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it("says why a move cannot be made", () => {
    const units: UnitPlace[] = [
      { id: "system", parentId: null, ordinal: 0 },
      { id: "north", parentId: "system", ordinal: 0 },
      { id: "south", parentId: "system", ordinal: 1 },
      { id: "kids", parentId: "south", ordinal: 0 },
    ];
    assert.deepEqual(planMove(units, "north", { kind: "up" }), { ok: false, why: "cannot" });
    assert.deepEqual(planMove(units, "south", { kind: "down" }), { ok: false, why: "cannot" });
    assert.deepEqual(planMove(units, "north", { kind: "indent" }), { ok: false, why: "cannot" });
    assert.deepEqual(planMove(units, "system", { kind: "outdent" }), { ok: false, why: "cannot" });
    assert.deepEqual(planMove(units, "system", { kind: "under", parentId: "kids" }), { ok: false, why: "cycle" });
    assert.deepEqual(planMove(units, "south", { kind: "under", parentId: "south" }), { ok: false, why: "cycle" });
    assert.deepEqual(planMove(units, "south", { kind: "under", parentId: "elsewhere" }), { ok: false, why: "unknown" });
    assert.deepEqual(planMove(units, "nobody", { kind: "up" }), { ok: false, why: "unknown" });
    const indent = planMove(units, "south", { kind: "indent" });
    assert.deepEqual(indent, { ok: true, places: [{ id: "south", parentId: "north", ordinal: 0 }] });
    const outdent = planMove(units, "kids", { kind: "outdent" });
    assert.deepEqual(outdent, { ok: true, places: [{ id: "kids", parentId: "system", ordinal: 2 }] });
  });
});
