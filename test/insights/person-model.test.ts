/**
 * A person's insights (pure model, src/insights/person/model.ts): the latest assessment's lines
 * keep every competency once, in the assessment's order, grouped by area, with decision 042's gap
 * (unassessed is not 0, no target is no gap); the change across cycles says, for every competency and
 * every cycle the person was assessed in, the agreed level, "not agreed" or "not assessed in that
 * cycle" — checked against the rows for any set of rows (fast-check).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { gapOf } from "../../src/insights/gaps.ts";
import { gapsChart, historyChart } from "../../src/insights/person/charts.ts";
import { type CompetencyInfo, type PersonRow, personInsights } from "../../src/insights/person/model.ts";
import { runs } from "../support/fast-check-seed.ts";

const CYCLES = [
  { id: "c2025", name: "Review 2025", periodStart: "2025-01-01", periodEnd: "2025-12-31" },
  { id: "c2026", name: "Review 2026", periodStart: "2026-01-01", periodEnd: "2026-12-31" },
  { id: "c2027", name: "Review 2027", periodStart: "2027-01-01", periodEnd: "2027-12-31" },
];
const ITEMS = ["i1", "i2", "i3", "i4", "i5", "i6"];
/** i6 is no longer in the index; i5 has no area. */
const COMPETENCIES = new Map<string, CompetencyInfo>([
  ["f~i1", { code: "A1", name: "Storytime", area: "Children" }],
  ["f~i2", { code: "B1", name: "Reference", area: "Adults" }],
  ["f~i3", { code: "A2", name: "Outreach", area: "Children" }],
  ["f~i4", { code: "B2", name: "Cataloguing", area: "Adults" }],
  ["f~i5", { code: null, name: "Teamwork", area: null }],
]);

const level = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
/** Per cycle, a subset of competencies in some order, each with a target and maybe an agreed level. */
const assessment = (cycleId: string) =>
  fc
    .subarray(ITEMS, { minLength: 0 })
    .chain((items) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }))
    .chain((items) =>
      fc.tuple(
        ...items.map((itemId, index) =>
          fc.record({
            assessmentId: fc.constant(`a-${cycleId}`),
            cycleId: fc.constant(cycleId),
            frameworkId: fc.constant("f"),
            itemId: fc.constant(itemId),
            ordinal: fc.constant(index + 1),
            importance: fc.constantFrom("essential", "asset", null),
            target: level,
            agreed: level,
          }),
        ),
      ),
    );
const world = fc
  .tuple(...CYCLES.map((cycle) => assessment(cycle.id)))
  .map((perCycle) => perCycle.flat() as PersonRow[]);

const latestOf = (rows: PersonRow[]) =>
  CYCLES.map((c) => c.id)
    .filter((id) => rows.some((r) => r.cycleId === id))
    .pop();

describe("person insights model", () => {
  it("keeps every competency of the latest assessment once, in its order within each area, with gapOf's gap", () => {
    fc.assert(
      fc.property(world, (rows) => {
        const latestCycleId = latestOf(rows) ?? null;
        const model = personInsights({ rows, latestCycleId, cycles: CYCLES, competencies: COMPETENCIES });
        const latest = rows.filter((r) => r.cycleId === latestCycleId).sort((a, b) => a.ordinal - b.ordinal);
        if (latest.length === 0) {
          assert.equal(model.kind, "no-assessment");
          return;
        }
        assert.equal(model.kind, "assessed");
        if (model.kind !== "assessed") return;
        assert.equal(model.latest.cycle.id, latestCycleId);
        const lines = model.latest.groups.flatMap((g) => g.lines);
        assert.deepEqual(lines.map((l) => l.itemId).sort(), latest.map((r) => r.itemId).sort());
        for (const group of model.latest.groups) {
          const ordinals = group.lines.map((l) => latest.find((r) => r.itemId === l.itemId)?.ordinal ?? 0);
          assert.deepEqual(
            ordinals,
            [...ordinals].sort((a, b) => a - b),
            "assessment order within an area",
          );
          for (const line of group.lines) {
            const info = COMPETENCIES.get(line.key);
            if (group.gone) assert.equal(info, undefined);
            else assert.equal(group.area, info?.area ?? null);
            assert.equal(line.name, info?.name ?? null);
          }
        }
        const gone = model.latest.groups.filter((g) => g.gone);
        assert.ok(gone.length <= 1 && (gone.length === 0 || model.latest.groups.at(-1)?.gone), "gone last");
        for (const line of lines) {
          const row = latest.find((r) => r.itemId === line.itemId) as PersonRow;
          assert.deepEqual(line.gap, gapOf(row.target, row.agreed));
        }
        const { counts } = model.latest;
        assert.equal(counts.below + counts.met + counts.unassessed + counts.noTarget, latest.length);
        assert.equal(
          counts.unassessed,
          latest.filter((r) => r.target !== null && r.agreed === null).length,
          "unassessed is counted apart, never as met",
        );
        assert.equal(
          model.latest.anyAgreed,
          latest.some((r) => r.agreed !== null),
        );
      }),
      { numRuns: runs(150) },
    );
  });

  it("the change across cycles gives each competency's agreed level, 'not agreed' or 'absent' per cycle assessed", () => {
    fc.assert(
      fc.property(world, (rows) => {
        const latestCycleId = latestOf(rows) ?? null;
        const model = personInsights({ rows, latestCycleId, cycles: CYCLES, competencies: COMPETENCIES });
        if (model.kind !== "assessed") return;
        const assessedIn = CYCLES.filter((c) => rows.some((r) => r.cycleId === c.id)).map((c) => c.id);
        assert.deepEqual(
          model.history.cycles.map((c) => c.id),
          assessedIn,
          "only cycles the person was assessed in, oldest first",
        );
        const keys = model.history.lines.map((l) => l.key);
        assert.equal(new Set(keys).size, keys.length, "each competency once");
        assert.deepEqual(new Set(keys), new Set(rows.map((r) => `f~${r.itemId}`)));
        const latestKeys = model.latest.groups.flatMap((g) => g.lines).map((l) => l.key);
        for (const key of latestKeys) assert.ok(keys.includes(key));
        for (const line of model.history.lines)
          line.cells.forEach((cell, i) => {
            const cycleId = model.history.cycles[i]?.id;
            const row = rows.find((r) => r.cycleId === cycleId && `f~${r.itemId}` === line.key);
            if (!row) assert.deepEqual(cell, { kind: "absent" });
            else if (row.agreed === null) assert.deepEqual(cell, { kind: "not-agreed" });
            else assert.deepEqual(cell, { kind: "agreed", level: row.agreed });
          });
      }),
      { numRuns: runs(150) },
    );
  });

  it("the charts draw the model's numbers: a bar per agreed level, a target mark per target, a cell per cycle", () => {
    const text = { title: "Chart", description: "Same numbers as the table." };
    fc.assert(
      fc.property(world, (rows) => {
        const model = personInsights({
          rows,
          latestCycleId: latestOf(rows) ?? null,
          cycles: CYCLES,
          competencies: COMPETENCIES,
        });
        if (model.kind !== "assessed") return;
        const lines = model.latest.groups.flatMap((g) => g.lines);
        const gaps = gapsChart(lines, text);
        const bars = /<g fill="#0b5a7a"[^>]*>([\s\S]*?)<\/g>/.exec(gaps)?.[1] ?? "";
        assert.equal((bars.match(/<rect\b/g) ?? []).length, lines.filter((l) => l.agreed !== null).length);
        const ticks = /<g[^>]*stroke-width="4"[^>]*>([\s\S]*?)<\/g>/.exec(gaps)?.[1] ?? "";
        assert.equal((ticks.match(/<line\b/g) ?? []).length, lines.filter((l) => l.target !== null).length);
        const { cycles, lines: history } = model.history;
        const grid = historyChart(cycles, history, text);
        const cells = history.flatMap((l) => l.cells);
        assert.equal(
          (grid.match(/<rect\b/g) ?? []).length,
          cells.length + cells.filter((c) => c.kind === "agreed").length,
          "a frame per cell, a shade per agreed level",
        );
        assert.equal(gapsChart(lines, text), gaps, "the same numbers draw the same chart");
      }),
      { numRuns: runs(25) },
    );
  });

  it("an assessment with nothing agreed still lists its competencies as not assessed, none at a gap of 0", () => {
    const rows: PersonRow[] = [
      {
        assessmentId: "a",
        cycleId: "c2027",
        frameworkId: "f",
        itemId: "i1",
        ordinal: 1,
        importance: "essential",
        target: 3,
        agreed: null,
      },
      {
        assessmentId: "a",
        cycleId: "c2027",
        frameworkId: "f",
        itemId: "i5",
        ordinal: 2,
        importance: null,
        target: null,
        agreed: null,
      },
    ];
    const model = personInsights({ rows, latestCycleId: "c2027", cycles: CYCLES, competencies: COMPETENCIES });
    assert.equal(model.kind, "assessed");
    if (model.kind !== "assessed") return;
    assert.equal(model.latest.anyAgreed, false);
    assert.deepEqual(model.latest.counts, { below: 0, met: 0, unassessed: 1, noTarget: 1 });
    assert.deepEqual(
      model.latest.groups.map((g) => [g.area, g.lines.map((l) => l.gap.kind)]),
      [
        ["Children", ["unassessed"]],
        [null, ["none"]],
      ],
    );
  });

  it("no assessment (or a latest cycle without rows) is the empty state", () => {
    assert.deepEqual(personInsights({ rows: [], latestCycleId: null, cycles: CYCLES, competencies: COMPETENCIES }), {
      kind: "no-assessment",
    });
  });
});
