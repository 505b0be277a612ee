/**
 * The team heatmap's model (pure): rows → people × competencies with four kinds of cell (never a
 * gap of 0 for "not assessed" or "no target"), totals, sorting by name / total / one competency in
 * either direction with the people who have nothing to sort by last, grouping columns by area, the
 * direct-reports filter, the ranked gaps, and the query parameters read forgivingly.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { gapOf } from "../../src/insights/gaps.ts";
import { rankPriorities } from "../../src/insights/priority.ts";
import type { AssessedRow } from "../../src/insights/read.ts";
import {
  buildHeatmap,
  type Cell,
  type Competency,
  cellValue,
  competencyKey,
  DEFAULT_OPTIONS,
  type HeatmapOptions,
  type HeatmapRow,
  optionsQuery,
  rankTeamGaps,
  readOptions,
  type TeamPerson,
} from "../../src/insights/team/model.ts";
import { runs } from "../support/fast-check-seed.ts";

const compare = new Intl.Collator("fr-CA", { sensitivity: "base" }).compare;

const AREAS = [
  { id: "f:a1", code: "A1", name: { en: "Lending", fr: "Prêt" } },
  { id: "f:a2", code: "A2", name: { en: "Programs", fr: "Animation" } },
];
const ITEMS = ["c1", "c2", "c3", "c4", "c5"];
/** Index order c1..c5; areas interleaved (c1, c3, c5 in A1; c2 in A2; c4 in none) so grouping moves columns. */
const COMPETENCIES = new Map<string, Competency>(
  ITEMS.map((itemId, order) => {
    const key = competencyKey("f", itemId);
    const area = itemId === "c4" ? null : itemId === "c2" ? AREAS[1] : AREAS[0];
    return [
      key,
      {
        key,
        frameworkId: "f",
        itemId,
        code: itemId.toUpperCase(),
        name: { en: `Competency ${itemId}`, fr: `Compétence ${itemId}` },
        area: area ?? null,
        order,
        gone: false,
      },
    ];
  }),
);

const NAMES = ["Élodie Roy", "ana Brun", "Zoé Côté", "Marc Ouellet", "Léa Gagnon", "Ana Brun"];
const peopleArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 6 })
  .chain((indexes) =>
    fc.tuple(
      fc.constant(indexes),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: indexes.length, maxLength: indexes.length }),
    ),
  )
  .map(([indexes, depths]) =>
    indexes.map(
      (i, n): TeamPerson => ({
        id: `p${i}`,
        name: NAMES[i] as string,
        employeeNumber: `E${i}`,
        depth: depths[n] as number,
      }),
    ),
  );

const level = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

/** People with their rows: each person assessed (once, latest) on a subset of the items, or not at all. */
const worldArb = peopleArb.chain((people) =>
  fc
    .tuple(
      ...people.map((person) =>
        fc.option(
          fc.uniqueArray(fc.constantFrom(...ITEMS), { maxLength: ITEMS.length }).chain((items) =>
            fc.tuple(
              ...items.map((itemId, ordinal) =>
                fc
                  .record({ target: level, agreed: level, importance: fc.constantFrom("essential", "asset", null) })
                  .map(
                    (values): AssessedRow => ({
                      personId: person.id,
                      unitId: null,
                      positionId: null,
                      frameworkId: "f",
                      itemId,
                      importance: values.importance,
                      target: values.target,
                      agreed: values.agreed,
                      assessmentId: `a-${person.id}`,
                      cycleId: "cycle",
                      editionId: "e",
                      ordinal: ordinal + 1,
                      state: "agreed",
                    }),
                  ),
              ),
            ),
          ),
          { nil: null },
        ),
      ),
    )
    .map((perPerson) => ({ people, rows: perPerson.flatMap((rows) => rows ?? []) })),
);

const optionsArb: fc.Arbitrary<HeatmapOptions> = fc.record({
  mode: fc.constantFrom("gap" as const, "level" as const),
  sort: fc.constantFrom("name" as const, "total" as const, ...ITEMS.map((i) => `c:${competencyKey("f", i)}` as const)),
  dir: fc.constantFrom("asc" as const, "desc" as const),
  group: fc.boolean(),
  scope: fc.constantFrom("chain" as const, "direct" as const),
});

const sortValue = (row: HeatmapRow, options: HeatmapOptions, columns: Competency[]) => {
  if (options.sort === "total") return row.assessmentId === null ? null : row.totalGap;
  const at = columns.findIndex((c) => `c:${c.key}` === options.sort);
  return cellValue(row.cells[at] as Cell, options.mode);
};

describe("team heatmap model", () => {
  it("has one cell per person and competency, of the row's kind, and 'absent' where the person has no row", () => {
    fc.assert(
      fc.property(worldArb, optionsArb, ({ people, rows }, options) => {
        const heatmap = buildHeatmap(people, rows, COMPETENCIES, options, compare);
        const shown = options.scope === "direct" ? people.filter((p) => p.depth === 1) : people;
        assert.deepEqual(new Set(heatmap.rows.map((r) => r.person.id)), new Set(shown.map((p) => p.id)));
        const shownIds = new Set(shown.map((p) => p.id));
        const keys = new Set(
          rows.filter((r) => shownIds.has(r.personId)).map((r) => competencyKey(r.frameworkId, r.itemId)),
        );
        assert.deepEqual(new Set(heatmap.columns.map((c) => c.key)), keys);
        for (const row of heatmap.rows) {
          assert.equal(row.cells.length, heatmap.columns.length);
          let total = 0;
          let unassessed = 0;
          heatmap.columns.forEach((column, at) => {
            const cell = row.cells[at] as Cell;
            const source = rows.find(
              (r) => r.personId === row.person.id && competencyKey(r.frameworkId, r.itemId) === column.key,
            );
            if (!source) {
              assert.equal(cell.kind, "absent");
              return;
            }
            const gap = gapOf(source.target, source.agreed);
            if (gap.kind === "none") assert.equal(cell.kind, "none");
            else if (gap.kind === "unassessed") {
              assert.equal(cell.kind, "unassessed");
              assert.equal(cellValue(cell, "gap"), null, "not assessed is no number, never a gap of 0");
              unassessed += 1;
            } else {
              assert.deepEqual(cell, { assessmentId: source.assessmentId, ...gap });
              total += gap.gap;
            }
            assert.equal("assessmentId" in cell && cell.assessmentId, `a-${row.person.id}`);
          });
          assert.equal(row.totalGap, total);
          assert.equal(row.unassessed, unassessed);
          assert.equal(row.assessmentId, rows.some((r) => r.personId === row.person.id) ? `a-${row.person.id}` : null);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it("sorts by the chosen key in the chosen direction, people with nothing to sort by last, ties by name", () => {
    fc.assert(
      fc.property(worldArb, optionsArb, ({ people, rows }, options) => {
        const heatmap = buildHeatmap(people, rows, COMPETENCIES, options, compare);
        const sign = options.dir === "desc" ? -1 : 1;
        // A competency no one shown has is no column: the rows are sorted by name instead.
        const byNameOnly =
          options.sort === "name" ||
          (options.sort !== "total" && !heatmap.columns.some((c) => `c:${c.key}` === options.sort));
        for (let i = 1; i < heatmap.rows.length; i++) {
          const a = heatmap.rows[i - 1] as HeatmapRow;
          const b = heatmap.rows[i] as HeatmapRow;
          const byName = compare(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : 1);
          if (byNameOnly) {
            assert.ok(sign * byName < 0, `${a.person.name} before ${b.person.name}`);
            continue;
          }
          const x = sortValue(a, options, heatmap.columns);
          const y = sortValue(b, options, heatmap.columns);
          if (x === null) assert.equal(y, null, "a person with nothing to sort by comes after everyone who has");
          if (x !== null && y !== null) assert.ok(sign * (x - y) < 0 || (x === y && byName < 0));
          if (x === null && y === null) assert.ok(byName < 0);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it("groups columns under their area, each area's columns together, index order kept inside an area", () => {
    fc.assert(
      fc.property(worldArb, optionsArb, ({ people, rows }, options) => {
        const flat = buildHeatmap(people, rows, COMPETENCIES, { ...options, group: false }, compare);
        const grouped = buildHeatmap(people, rows, COMPETENCIES, { ...options, group: true }, compare);
        assert.deepEqual(
          flat.columns.map((c) => c.order),
          [...flat.columns.map((c) => c.order)].sort((a, b) => a - b),
        );
        assert.deepEqual(new Set(grouped.columns.map((c) => c.key)), new Set(flat.columns.map((c) => c.key)));
        assert.deepEqual(
          grouped.groups.flatMap((g) => g.columns.map((c) => c.key)),
          grouped.columns.map((c) => c.key),
        );
        const areas = grouped.groups.map((g) => g.area?.id ?? null);
        assert.equal(new Set(areas).size, areas.length, "each area once");
        if (areas.includes(null)) assert.equal(areas.at(-1), null, "competencies without an area last");
        for (const group of grouped.groups) {
          for (const column of group.columns) assert.equal(column.area?.id ?? null, group.area?.id ?? null);
          const orders = group.columns.map((c) => c.order);
          assert.deepEqual(
            orders,
            [...orders].sort((a, b) => a - b),
          );
        }
        // The same people, the same cells, only the columns moved.
        for (const row of grouped.rows) {
          const other = flat.rows.find((r) => r.person.id === row.person.id) as HeatmapRow;
          grouped.columns.forEach((column, at) => {
            assert.deepEqual(row.cells[at], other.cells[flat.columns.findIndex((c) => c.key === column.key)]);
          });
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("groups this example as A1 (C1, C3), A2 (C2), then no area (C4)", () => {
    const people = [{ id: "p", name: "Ana", employeeNumber: "1", depth: 1 }];
    const rows = ["c4", "c3", "c2", "c1"].map(
      (itemId, i): AssessedRow => ({
        personId: "p",
        unitId: null,
        positionId: null,
        frameworkId: "f",
        itemId,
        importance: "essential",
        target: 3,
        agreed: i + 1,
        assessmentId: "a",
        cycleId: "c",
        editionId: "e",
        ordinal: i + 1,
        state: "agreed",
      }),
    );
    const grouped = buildHeatmap(people, rows, COMPETENCIES, { ...DEFAULT_OPTIONS, group: true }, compare);
    assert.deepEqual(
      grouped.groups.map((g) => [g.area?.code ?? null, g.columns.map((c) => c.code)]),
      [
        ["A1", ["C1", "C3"]],
        ["A2", ["C2"]],
        [null, ["C4"]],
      ],
    );
    assert.deepEqual(
      grouped.rows[0]?.cells.map((c) => cellValue(c, "gap")),
      [0, 1, 0, 2],
    );
  });

  it("ranks the team's gaps exactly as rankPriorities does over the people shown, in index order", () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom("chain" as const, "direct" as const), ({ people, rows }, scope) => {
        const shown = new Set((scope === "direct" ? people.filter((p) => p.depth === 1) : people).map((p) => p.id));
        const inIndexOrder = rows
          .filter((r) => shown.has(r.personId))
          .map((row, position) => ({ row, position }))
          .sort((a, b) => a.row.itemId.localeCompare(b.row.itemId) || a.position - b.position)
          .map(({ row }) => row);
        const ranked = rankTeamGaps(people, rows, COMPETENCIES, scope);
        assert.deepEqual(
          ranked.map(({ competency: _c, ...priority }) => priority),
          rankPriorities(inIndexOrder),
        );
        for (const r of ranked) assert.equal(r.competency.key, competencyKey(r.frameworkId, r.itemId));
      }),
      { numRuns: runs(100) },
    );
  });

  it("reads any query forgivingly and writes back the options it read", () => {
    assert.deepEqual(readOptions({}), DEFAULT_OPTIONS);
    assert.deepEqual(
      readOptions({ mode: "x", sort: "bogus sort", dir: "up", group: "yes", scope: "all" }),
      DEFAULT_OPTIONS,
    );
    assert.deepEqual(readOptions({ sort: "total" }), { ...DEFAULT_OPTIONS, sort: "total", dir: "desc" });
    fc.assert(
      fc.property(optionsArb, (options) => {
        const query = Object.fromEntries(new URLSearchParams(optionsQuery(options)));
        assert.deepEqual(readOptions(query), { ...options });
      }),
      { numRuns: runs(100) },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("mode", "sort", "dir", "group", "scope"), fc.string()), (query) => {
        const options = readOptions(query);
        assert.ok(["gap", "level"].includes(options.mode));
        assert.ok(["asc", "desc"].includes(options.dir));
      }),
      { numRuns: runs(100) },
    );
  });
});
