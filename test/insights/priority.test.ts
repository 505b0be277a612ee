/**
 * Gaps, distributions and training priorities (pure): a gap is target − agreed clamped at 0, an
 * unassessed competency is not a gap of 0, and the priority score is importance × gap × people
 * affected, ranked with stable ties, overall and per unit and per position.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { distributionOf, gapOf } from "../../src/insights/gaps.ts";
import {
  type AssessedCompetency,
  IMPORTANCE_WEIGHTS,
  importanceWeight,
  prioritiesBy,
  rankPriorities,
} from "../../src/insights/priority.ts";
import { runs } from "../support/fast-check-seed.ts";

const level = fc.integer({ min: 1, max: 6 });
const row = fc.record({
  personId: fc.constantFrom("ana", "ben", "chloé", "dev", "eli", "fay", "gus"),
  unitId: fc.constantFrom("lending", "children", null),
  positionId: fc.constantFrom("librarian", "technician", null),
  frameworkId: fc.constant("f"),
  itemId: fc.constantFrom("storytime", "reference", "cataloguing", "outreach"),
  importance: fc.constantFrom("essential", "asset", null),
  target: fc.option(level, { nil: null }),
  agreed: fc.option(level, { nil: null }),
});

describe("gaps", () => {
  it("is target − agreed, never below 0; unassessed is not 0; no target, no gap", () => {
    assert.deepEqual(gapOf(4, 2), { kind: "assessed", target: 4, agreed: 2, gap: 2 });
    assert.deepEqual(gapOf(3, 5), { kind: "assessed", target: 3, agreed: 5, gap: 0 });
    assert.deepEqual(gapOf(3, null), { kind: "unassessed", target: 3 });
    assert.deepEqual(gapOf(null, 2), { kind: "none" });
    fc.assert(
      fc.property(level, level, (target, agreed) => {
        const gap = gapOf(target, agreed);
        assert.equal(gap.kind, "assessed");
        if (gap.kind === "assessed") {
          assert.ok(gap.gap >= 0 && gap.gap <= target - 1);
          assert.equal(gap.gap === 0, agreed >= target);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("a distribution counts every person once: at a level, unassessed, or beyond the scale", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { nil: null })),
        fc.integer({ min: 1, max: 6 }),
        (levels, count) => {
          const d = distributionOf(levels, count);
          assert.equal(d.byLevel.length, count);
          assert.equal(d.byLevel.reduce((a, b) => a + b, 0) + d.unassessed + d.beyondScale, levels.length);
          assert.equal(d.unassessed, levels.filter((l) => l === null).length);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe("training priorities", () => {
  it("scores importance × gap × people affected when everyone shares the importance", () => {
    const base = { unitId: null, positionId: null, frameworkId: "f", importance: "essential" };
    const rows: AssessedCompetency[] = [
      { ...base, personId: "a", itemId: "storytime", target: 4, agreed: 2 },
      { ...base, personId: "b", itemId: "storytime", target: 4, agreed: 2 },
      { ...base, personId: "c", itemId: "storytime", target: 4, agreed: 5 },
      { ...base, personId: "d", itemId: "storytime", target: 4, agreed: null },
      { ...base, personId: "a", itemId: "reference", target: 3, agreed: 1, importance: "asset" },
    ];
    const [first, second] = rankPriorities(rows);
    assert.deepEqual(first, {
      frameworkId: "f",
      itemId: "storytime",
      score: IMPORTANCE_WEIGHTS.essential * 2 * 2,
      people: 4,
      affected: 2,
      unassessed: 1,
      gapTotal: 4,
    });
    assert.equal(second?.itemId, "reference");
    assert.equal(second?.score, IMPORTANCE_WEIGHTS.asset * 2 * 1);
  });

  it("ranks by score, then people affected, then first appearance; each competency once; the score adds up", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const ranked = rankPriorities(rows);
        const keys = ranked.map((p) => p.itemId);
        assert.equal(new Set(keys).size, keys.length);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]] as const;
          assert.ok(a && b);
          assert.ok(a.score > b.score || (a.score === b.score && a.affected >= b.affected));
          if (a.score === b.score && a.affected === b.affected) {
            const firstSeen = (item: string) => rows.findIndex((r) => r.itemId === item && r.target !== null);
            assert.ok(firstSeen(a.itemId) < firstSeen(b.itemId));
          }
        }
        for (const p of ranked) {
          const mine = rows.filter((r) => r.itemId === p.itemId && r.target !== null);
          assert.equal(p.people, mine.length);
          assert.equal(p.unassessed, mine.filter((r) => r.agreed === null).length);
          const below = mine.filter((r) => r.agreed !== null && r.agreed < (r.target as number));
          assert.equal(p.affected, below.length);
          const score = below.reduce(
            (sum, r) => sum + importanceWeight(r.importance) * ((r.target as number) - (r.agreed as number)),
            0,
          );
          assert.equal(p.score, score);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("per unit and per position, the groups add up to the whole organisation", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom("unit", "position" as const), (rows, by) => {
        const whole = new Map(rankPriorities(rows).map((p) => [p.itemId, p]));
        const sums = new Map<string, { score: number; people: number; affected: number }>();
        for (const group of prioritiesBy(rows, by).values())
          for (const p of group) {
            const s = sums.get(p.itemId) ?? { score: 0, people: 0, affected: 0 };
            sums.set(p.itemId, {
              score: s.score + p.score,
              people: s.people + p.people,
              affected: s.affected + p.affected,
            });
          }
        assert.deepEqual([...sums.keys()].sort(), [...whole.keys()].sort());
        for (const [item, s] of sums) {
          const w = whole.get(item);
          assert.deepEqual(s, { score: w?.score, people: w?.people, affected: w?.affected });
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
