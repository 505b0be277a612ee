/** Who takes part in a cycle and how target levels move between scales (pure). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { mapLevel, participants, readSelection } from "../../src/assessments/cycles/participants.ts";
import { runs } from "../support/fast-check-seed.ts";

const candidate = fc.record({
  id: fc.uuid(),
  status: fc.constantFrom("active", "on_leave", "left"),
  unitId: fc.option(fc.constantFrom("u1", "u2", "u3"), { nil: null }),
  profileId: fc.option(fc.constantFrom("j1", "j2"), { nil: null }),
});
// u2 is under u1; u3 stands alone.
const within = (unit: string) => (unit === "u1" ? ["u2"] : []);

describe("cycle participants", () => {
  it("nobody who left; an empty selection is everyone else; otherwise exactly who matches a unit (with sub-units), a profile or a name", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 30 }),
        fc.subarray(["u1", "u2", "u3"]),
        fc.subarray(["j1", "j2"]),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (people, units, profiles, share) => {
          const named = people.slice(0, Math.floor(people.length * share)).map((p) => p.id);
          const chosen = participants(people, { units, profiles, people: named }, within);
          const ids = new Set(chosen.map((c) => c.id));
          const everyone = units.length + profiles.length + named.length === 0;
          const unitSet = new Set(units.flatMap((u) => [u, ...within(u)]));
          for (const p of people) {
            const matches =
              everyone ||
              named.includes(p.id) ||
              (p.unitId !== null && unitSet.has(p.unitId)) ||
              (p.profileId !== null && profiles.includes(p.profileId));
            assert.equal(ids.has(p.id), p.status !== "left" && matches, p.id);
          }
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("a damaged stored selection is unreadable, never everyone", () => {
    for (const json of ["", "{", "[]", '{"units": "u1"}', '{"people": [1]}', "null"])
      assert.equal(readSelection(json), undefined, json);
    assert.deepEqual(readSelection('{"units": ["u1"]}'), { units: ["u1"], profiles: [], people: [] });
  });
});

describe("levels from one scale to another", () => {
  it("the same scale changes nothing; the ends stay the ends; order is kept; the result is a level of the new scale", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 }), (from, to) => {
        assert.equal(mapLevel(1, from, to), 1);
        assert.equal(mapLevel(from, from, to), to);
        let previous = 0;
        for (let level = 1; level <= from; level++) {
          const mapped = mapLevel(level, from, to);
          assert.ok(mapped >= 1 && mapped <= to && Number.isInteger(mapped));
          assert.ok(mapped >= previous, "order kept");
          previous = mapped;
          assert.equal(mapLevel(level, from, from), level);
        }
      }),
      { numRuns: runs(100) },
    );
    assert.equal(mapLevel(3, 5, 3), 2);
    assert.equal(mapLevel(4, 5, 4), 3);
  });
});
