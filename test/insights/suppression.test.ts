/**
 * Small-group suppression: no figure over 1–4 people the viewer may not see individually is shown,
 * and no combination of the figures that are shown (sums, differences, any linear combination over
 * the units × positions table and its totals) determines one. The audit below is independent of the
 * implementation: exact rational elimination over the table's cells, where the implementation works
 * on bridges of a graph.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ALL, MIN_GROUP, type PersonInView, planSuppression } from "../../src/insights/suppression.ts";
import { runs } from "../support/fast-check-seed.ts";
import { inSpan } from "../support/rational-span.ts";

type Group = { unit: string; position: string };

/** Every group the views can show: cells, each unit's and each position's total, the organisation's total. */
function groupsOf(units: readonly string[], positions: readonly string[]): Group[] {
  const groups: Group[] = [];
  for (const unit of [...units, ALL]) for (const position of [...positions, ALL]) groups.push({ unit, position });
  return groups;
}

const covers = (group: Group, unit: string, position: string) =>
  (group.unit === ALL || group.unit === unit) && (group.position === ALL || group.position === position);

/** A group as a 0/1 vector over the table's cells. */
const vectorOf = (group: Group, units: readonly string[], positions: readonly string[]) =>
  units.flatMap((unit) => positions.map((position) => (covers(group, unit, position) ? 1n : 0n)));

/**
 * The groups the viewer can work out although hidden, among those the rule protects. Known: every
 * group shown by some view the viewer opened, and every group without unseen people (the viewer
 * can count those person by person). Unknowns: the unseen part of each cell.
 */
function recoverable(people: readonly PersonInView[], opened: (group: Group) => boolean) {
  const plan = planSuppression(people);
  const { units, positions } = plan;
  const key = (value: string | null) => value ?? "";
  const unseen = (group: Group) => people.filter((p) => !p.seen && covers(group, key(p.unit), key(p.position))).length;
  const groups = groupsOf(units, positions);
  const known = groups
    .filter((g) => (plan.isShown(g.unit, g.position) && opened(g)) || unseen(g) === 0)
    .map((g) => vectorOf(g, units, positions));
  return groups.filter((g) => {
    const n = unseen(g);
    return n >= 1 && n < MIN_GROUP && inSpan(known, vectorOf(g, units, positions));
  });
}

/** People spread over up to 4 units × 4 positions; some (a manager's reports, the viewer) seen. */
const people = fc.array(
  fc.record({
    unit: fc.constantFrom("lending", "children", "archives", "branch", null),
    position: fc.constantFrom("librarian", "technician", "page", null),
    seen: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  }),
  { maxLength: 60 },
);

describe("small-group suppression", () => {
  it("shows no group with 1 to 4 unseen people", () => {
    fc.assert(
      fc.property(people, (staff) => {
        const plan = planSuppression(staff);
        for (const g of groupsOf(plan.units, plan.positions)) {
          const n = staff.filter((p) => !p.seen && covers(g, p.unit ?? "", p.position ?? "")).length;
          if (n >= 1 && n < MIN_GROUP) assert.equal(plan.isShown(g.unit, g.position), false, JSON.stringify(g));
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it("no sequence of views the viewer opens lets sums and differences recover a hidden small group", () => {
    fc.assert(
      fc.property(
        people,
        // The views opened: by unit, by position, units × positions, the organisation's total (any subset, any order).
        fc.subarray(["units", "positions", "cells", "total"] as const, { minLength: 1 }),
        (staff, views) => {
          const opened = (g: Group) =>
            (views.includes("total") && g.unit === ALL && g.position === ALL) ||
            (views.includes("units") && g.position === ALL) ||
            (views.includes("positions") && g.unit === ALL) ||
            (views.includes("cells") && g.unit !== ALL && g.position !== ALL);
          assert.deepEqual(recoverable(staff, opened), []);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("hides nothing when no group is small, and nothing from someone who may see everyone", () => {
    fc.assert(
      fc.property(people, (staff) => {
        const everyoneSeen = planSuppression(staff.map((p) => ({ ...p, seen: true })));
        assert.equal(everyoneSeen.hiddenCount, 0);
        const plan = planSuppression(staff);
        const small = groupsOf(plan.units, plan.positions).some((g) => {
          const n = staff.filter((p) => !p.seen && covers(g, p.unit ?? "", p.position ?? "")).length;
          return n >= 1 && n < MIN_GROUP;
        });
        if (!small) assert.equal(plan.hiddenCount, 0);
      }),
      { numRuns: runs(100) },
    );
  });

  it("a unit of 3 beside a unit of 9: the small one is hidden, and its size cannot be had as total − other", () => {
    const staff: PersonInView[] = [
      ...Array.from({ length: 9 }, () => ({ unit: "lending", position: "librarian", seen: false })),
      ...Array.from({ length: 3 }, () => ({ unit: "archives", position: "librarian", seen: false })),
    ];
    const plan = planSuppression(staff);
    assert.equal(plan.isShown("archives", ALL), false);
    assert.deepEqual(plan.figure("archives", "librarian", 3), { kind: "suppressed" });
    // Of the organisation's total and the other unit's, at least one is hidden too.
    assert.equal(plan.isShown(ALL, ALL) && plan.isShown("lending", ALL), false);
    assert.deepEqual(
      recoverable(staff, () => true),
      [],
    );
  });

  it("a group of 7 of whom the viewer sees 3 is a group of 4 to protect", () => {
    const staff: PersonInView[] = [
      ...Array.from({ length: 3 }, () => ({ unit: "children", position: "page", seen: true })),
      ...Array.from({ length: 4 }, () => ({ unit: "children", position: "page", seen: false })),
      ...Array.from({ length: 20 }, () => ({ unit: "lending", position: "page", seen: false })),
    ];
    const plan = planSuppression(staff);
    assert.equal(plan.isShown("children", "page"), false);
    assert.deepEqual(
      recoverable(staff, () => true),
      [],
    );
  });
});
