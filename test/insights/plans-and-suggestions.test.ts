/**
 * Development plan settings (max_plan_goals in the organisation's settings, default 4) and the
 * suggestions a person's gaps make from the learning catalogue (pure).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { gapOf } from "../../src/insights/gaps.ts";
import {
  DEFAULT_MAX_PLAN_GOALS,
  MAX_PLAN_GOALS_LIMIT,
  mayAddGoal,
  planSettings,
  withMaxPlanGoals,
} from "../../src/insights/settings.ts";
import { type CompetencyGap, competencyKey, suggestResources } from "../../src/insights/suggestions.ts";
import { runs } from "../support/fast-check-seed.ts";

describe("development plan settings", () => {
  it("a plan takes 4 goals unless the organisation says otherwise; anything stored wrong falls back to 4", () => {
    assert.deepEqual(planSettings("{}"), { maxPlanGoals: DEFAULT_MAX_PLAN_GOALS });
    for (const stored of [
      "not json",
      "[]",
      "null",
      '{"max_plan_goals":0}',
      '{"max_plan_goals":"6"}',
      '{"max_plan_goals":2.5}',
    ])
      assert.equal(planSettings(stored).maxPlanGoals, 4, stored);
    const six = withMaxPlanGoals('{"digest":"weekly"}', 6);
    assert.deepEqual(JSON.parse(six), { digest: "weekly", max_plan_goals: 6 }, "other settings are kept");
    assert.equal(planSettings(six).maxPlanGoals, 6);
    assert.throws(() => withMaxPlanGoals("{}", MAX_PLAN_GOALS_LIMIT + 1));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_PLAN_GOALS_LIMIT }), fc.nat(20), (max, goals) => {
        const settings = planSettings(withMaxPlanGoals("{}", max));
        assert.equal(mayAddGoal(goals, settings), goals < max);
      }),
      { numRuns: runs(50) },
    );
  });
});

describe("suggestions from gaps", () => {
  const gap = (itemId: string, target: number | null, agreed: number | null): CompetencyGap => ({
    frameworkId: "f",
    itemId,
    gap: gapOf(target, agreed),
  });

  it("suggests the resources tagged to each competency below target, largest gap first", () => {
    const catalogue = new Map([
      [competencyKey({ frameworkId: "f", itemId: "storytime" }), ["Storytime course", "Mentoring with Ana"]],
      [competencyKey({ frameworkId: "f", itemId: "reference" }), ["Reference interview video"]],
      [competencyKey({ frameworkId: "f", itemId: "weeding" }), ["Weeding guide"]],
    ]);
    const suggestions = suggestResources(
      [
        gap("storytime", 3, 2),
        gap("reference", 4, 1),
        gap("weeding", 3, 3),
        gap("outreach", 3, null),
        gap("displays", 2, 1),
      ],
      catalogue,
    );
    assert.deepEqual(
      suggestions.map((s) => [s.itemId, s.size, s.resources]),
      [
        ["reference", 3, ["Reference interview video"]],
        ["storytime", 1, ["Storytime course", "Mentoring with Ana"]],
        ["displays", 1, []],
      ],
    );
  });

  it("never suggests for a competency met, exceeded, unassessed or without a target; ties keep their order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            itemId: fc.constantFrom("a", "b", "c", "d"),
            target: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
            agreed: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          }),
          { maxLength: 12 },
        ),
        (rows) => {
          const gaps = rows.map((r) => gap(r.itemId, r.target, r.agreed));
          const suggestions = suggestResources(gaps, new Map());
          const real = gaps.filter((g) => g.gap.kind === "assessed" && g.gap.gap > 0);
          assert.equal(suggestions.length, real.length);
          for (let i = 1; i < suggestions.length; i++)
            assert.ok((suggestions[i - 1]?.size ?? 0) >= (suggestions[i]?.size ?? 0));
        },
      ),
      { numRuns: runs(80) },
    );
  });
});
