import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { managerChain, managerCycles, reportsOf, wouldMakeCycle } from "../../src/people/manager-lines.ts";
import { runs } from "../support/fast-check-seed.ts";

/** Random manager lines over n people: each points at anyone (or no one), so cycles happen. */
const anyLines = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc
      .array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), { minLength: n, maxLength: n })
      .map((managers) => new Map(managers.map((m, i) => [`p${i}`, m === null ? null : `p${m}`]))),
  );

/** Lines that form a forest: each person's manager comes earlier in the list. */
const forest = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc
      .array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: n, maxLength: n })
      .map((picks) => new Map(picks.map((p, i) => [`p${i}`, i === 0 || p < 0.2 ? null : `p${Math.floor(p * i)}`]))),
  );

describe("manager lines", () => {
  it("a chain climbs to the top without repeating anyone, nearest manager first", () => {
    const lines = new Map([
      ["a", "b"],
      ["b", "c"],
      ["c", null],
    ]);
    assert.deepEqual(
      managerChain("a", (id) => lines.get(id)),
      ["b", "c"],
    );
    assert.deepEqual(
      managerChain("c", (id) => lines.get(id)),
      [],
    );
  });

  it("a looping chain stops before it repeats anyone", () => {
    fc.assert(
      fc.property(anyLines, (lines) => {
        for (const id of lines.keys()) {
          const chain = managerChain(id, (p) => lines.get(p));
          assert.equal(new Set(chain).size, chain.length);
          assert.ok(!chain.includes(id));
          // Each step is a real line.
          let previous = id;
          for (const manager of chain) {
            assert.equal(lines.get(previous), manager);
            previous = manager;
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it("reports are exactly those whose chain contains the manager", () => {
    fc.assert(
      fc.property(anyLines, (lines) => {
        const list = [...lines].map(([id, managerId]) => ({ id, managerId }));
        for (const manager of lines.keys()) {
          const reports = new Set(reportsOf(manager, list));
          for (const id of lines.keys()) {
            if (id === manager) continue;
            const chain = managerChain(id, (p) => lines.get(p));
            assert.equal(reports.has(id), chain.includes(manager), `${id} under ${manager}`);
          }
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it("finds every cycle, and none in a forest", () => {
    fc.assert(
      fc.property(forest, (lines) => assert.deepEqual(managerCycles(lines), [])),
      { numRuns: runs(100) },
    );
    fc.assert(
      fc.property(anyLines, (lines) => {
        const cycles = managerCycles(lines);
        const inCycle = new Set(cycles.flat());
        for (const id of lines.keys()) {
          // On a cycle exactly when following the lines from it comes back to it.
          let current = lines.get(id);
          let back = false;
          for (let steps = 0; current != null && steps <= lines.size; steps++) {
            if (current === id) {
              back = true;
              break;
            }
            current = lines.get(current);
          }
          assert.equal(inCycle.has(id), back, id);
        }
        for (const cycle of cycles) assert.equal(lines.get(cycle[cycle.length - 1]), cycle[0]);
      }),
      { numRuns: runs(200) },
    );
  });

  it("a new line makes a cycle exactly when the cycle finder would find one", () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (lines, a, b) => {
        const ids = [...lines.keys()];
        const person = ids[a % ids.length];
        const manager = ids[b % ids.length];
        const changed = new Map(lines).set(person, manager);
        assert.equal(
          wouldMakeCycle(person, manager, (id) => lines.get(id)),
          managerCycles(changed).length > 0,
        );
      }),
      { numRuns: runs(300) },
    );
  });
});
