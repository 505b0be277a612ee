/**
 * The team insights' files as a spreadsheet reads them (pure): whatever the people's names and
 * competencies' wording, no CSV cell starts a formula, each text reads back as written (behind an
 * apostrophe when it would have been one), and the numbers are the heatmap's; the XLSX holds the
 * same table with its cells filled by kind.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { AssessedRow } from "../../src/insights/read.ts";
import { cellFill, cellText, heatmapTable, safeCell, teamXlsx, toCsv } from "../../src/insights/team/exports.ts";
import {
  buildHeatmap,
  type Competency,
  competencyKey,
  DEFAULT_OPTIONS,
  rankTeamGaps,
} from "../../src/insights/team/model.ts";
import { runs } from "../support/fast-check-seed.ts";

const FORMULA = /^[=+\-@\t\r]/;
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom("=SUM(A1)", "+1", "-2", "@x", "\tTab"),
);

const worldArb = fc
  .record({
    names: fc.array(text, { minLength: 1, maxLength: 5 }),
    statements: fc.array(text, { minLength: 1, maxLength: 4 }),
    levels: fc.array(
      fc.tuple(
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      ),
      {
        minLength: 20,
        maxLength: 20,
      },
    ),
    mode: fc.constantFrom("gap" as const, "level" as const),
  })
  .map(({ names, statements, levels, mode }) => {
    const people = names.map((name, i) => ({ id: `p${i}`, name, employeeNumber: `E-${i}`, depth: 1 }));
    const competencies = new Map<string, Competency>(
      statements.map((statement, i) => {
        const key = competencyKey("f", `c${i}`);
        return [
          key,
          {
            key,
            frameworkId: "f",
            itemId: `c${i}`,
            code: null,
            name: { en: statement, fr: statement },
            area: null,
            order: i,
            gone: false,
          },
        ];
      }),
    );
    const rows: AssessedRow[] = people.flatMap((person, p) =>
      statements.map((_, c) => {
        const [target, agreed] = levels[(p * 4 + c) % levels.length] as [number | null, number | null];
        return {
          personId: person.id,
          unitId: null,
          positionId: null,
          frameworkId: "f",
          itemId: `c${c}`,
          importance: "essential",
          target,
          agreed,
          assessmentId: `a${p}`,
          cycleId: "cy",
          editionId: "e",
          ordinal: c + 1,
          state: "agreed",
        };
      }),
    );
    const options = { ...DEFAULT_OPTIONS, mode };
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return { people, rows, competencies, options, heatmap: buildHeatmap(people, rows, competencies, options, compare) };
  });

describe("team insights exports", () => {
  it("writes CSV no spreadsheet runs as a formula, reading back as written and with the heatmap's numbers", () => {
    fc.assert(
      fc.property(worldArb, ({ heatmap, options }) => {
        const bytes = toCsv(heatmapTable(heatmap, options, "en"));
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        const records = parse(bytes.subarray(3).toString("utf8"), {
          record_delimiter: "\r\n",
          relax_column_count: false,
        }) as string[][];
        const expected = heatmapTable(heatmap, options, "en");
        assert.equal(records.length, expected.length);
        records.forEach((record, r) => {
          record.forEach((cell, c) => {
            assert.ok(!FORMULA.test(cell), `cell ${r},${c} "${cell}" would run as a formula`);
            const value = expected[r]?.[c];
            assert.equal(cell, typeof value === "number" ? String(value) : safeCell(value as string));
          });
        });
        heatmap.rows.forEach((row, r) => {
          row.cells.forEach((cell, c) => {
            assert.equal(records[r + 1]?.[3 + c], String(cellText(cell, options.mode, "en")));
          });
        });
      }),
      { numRuns: runs(60) },
    );
  });

  it("writes the same table to XLSX, numbers as numbers, cells filled by kind, texts formula-safe", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ people, rows, competencies, heatmap, options }) => {
        const ranked = rankTeamGaps(people, rows, competencies, "chain");
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await teamXlsx(heatmap, ranked, options, "fr")) as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0];
        heatmap.rows.forEach((row, r) => {
          const line = sheet?.getRow(r + 2);
          assert.equal(line?.getCell(1).value, safeCell(row.person.name));
          row.cells.forEach((cell, c) => {
            const written = line?.getCell(4 + c);
            const value = cellText(cell, options.mode, "fr");
            assert.equal(written?.value ?? "", typeof value === "number" ? value : safeCell(value));
            const fill = cellFill(cell, options.mode);
            assert.equal(
              (written?.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb,
              fill ?? undefined,
            );
          });
        });
        assert.equal(workbook.worksheets[1]?.rowCount, ranked.length + 1);
      }),
      { numRuns: runs(15) },
    );
  });
});
