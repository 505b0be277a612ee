/**
 * The team insights as files: the heatmap and the ranked gaps as tables (CSV: BOM, CRLF,
 * formula-safe; XLSX: one sheet each, the heatmap's cells coloured as on the page with the number
 * or the word in them). The PDF is pdf.ts. All read the same model as the page.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { type Lang, messages } from "../../i18n/index.ts";
import { type Cell, cellValue, type Heatmap, type HeatmapOptions, type RankedGap } from "./model.ts";
import { areaName, competencyLabel, competencyName } from "./views.tsx";

const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell a spreadsheet would read as a formula keeps its text behind an apostrophe. */
export const safeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

type Value = string | number;

/** What a cell says outside the page: its number in the mode, or a word (empty when absent). */
export function cellText(cell: Cell, mode: HeatmapOptions["mode"], lang: Lang): Value {
  const value = cellValue(cell, mode);
  if (value !== null) return value;
  const t = messages(lang);
  if (cell.kind === "absent") return "";
  return cell.kind === "unassessed" ? t.itCellUnassessed : t.itCellNoTarget;
}

/** The heatmap as rows: a header, then one row per person, in the page's order. */
export function heatmapTable(heatmap: Heatmap, options: HeatmapOptions, lang: Lang): Value[][] {
  const t = messages(lang);
  return [
    [
      t.itColPerson,
      t.itColEmployeeNumber,
      t.itColLine,
      ...heatmap.columns.map((c) => (options.group ? `${areaName(c.area, lang)} — ` : "") + competencyLabel(c, lang)),
      t.itColTotalGap,
      t.itColUnassessed,
    ],
    ...heatmap.rows.map((row) => [
      row.person.name,
      row.person.employeeNumber,
      row.person.depth === 1 ? t.itDirect : t.itIndirect,
      ...row.cells.map((cell) => cellText(cell, options.mode, lang)),
      row.assessmentId === null ? t.itNoAssessment : row.totalGap,
      row.assessmentId === null ? "" : row.unassessed,
    ]),
  ];
}

/** The ranked gaps as rows: a header, then one row per competency, most needed first. */
export function gapsTable(ranked: readonly RankedGap[], lang: Lang): Value[][] {
  const t = messages(lang);
  return [
    [
      t.itColRank,
      t.itColCode,
      t.itColCompetency,
      t.itColArea,
      t.itColScore,
      t.itColAffected,
      t.itColGapTotal,
      t.itColUnassessed,
      t.itColPeople,
    ],
    ...ranked.map((r, index) => [
      index + 1,
      r.competency.code ?? "",
      `${competencyName(r.competency, lang)}${r.competency.gone ? ` (${t.itGone})` : ""}`,
      r.competency.area ? areaName(r.competency.area, lang) : "",
      r.score,
      r.affected,
      r.gapTotal,
      r.unassessed,
      r.people,
    ]),
  ];
}

export function toCsv(table: readonly Value[][]): Buffer {
  const text = table.map((row) => row.map((cell) => (typeof cell === "number" ? String(cell) : safeCell(cell))));
  return Buffer.from(stringify(text, { bom: true, record_delimiter: "windows" }), "utf8");
}

/** Fill colours of the page's classes (src/ui/assets/app.css), as ARGB. */
export const GAP_FILLS = ["FFE3F1E6", "FFFFF1C2", "FFFFD8A8", "FFF8B4B4"];
export const LEVEL_FILLS = ["FFEEF4FB", "FFD4E4F5", "FFB3CFEE", "FF8DB7E3", "FF6A9FD8"];
export const UNASSESSED_FILL = "FFE5E7EA";
export const NO_TARGET_FILL = "FFFFFFFF";

/** The fill of a cell in the mode, as ARGB; null for none. */
export function cellFill(cell: Cell, mode: HeatmapOptions["mode"]): string | null {
  if (cell.kind === "absent") return null;
  if (cell.kind === "unassessed") return UNASSESSED_FILL;
  const value = cellValue(cell, mode);
  if (value === null) return NO_TARGET_FILL;
  return mode === "gap"
    ? (GAP_FILLS[Math.min(value, 3)] as string)
    : (LEVEL_FILLS[Math.min(Math.max(value, 1), 5) - 1] as string);
}

const sheetName = (name: string, fallback: string) => name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || fallback;

export async function teamXlsx(
  heatmap: Heatmap,
  ranked: readonly RankedGap[],
  options: HeatmapOptions,
  lang: Lang,
): Promise<Buffer> {
  const t = messages(lang);
  const workbook = new ExcelJS.Workbook();
  const map = workbook.addWorksheet(sheetName(t.itSheetHeatmap, "Heatmap"), {
    views: [{ state: "frozen", ySplit: 1, xSplit: 1 }],
  });
  const [header, ...body] = heatmapTable(heatmap, options, lang);
  map.addRow((header as Value[]).map((v) => (typeof v === "string" ? safeCell(v) : v))).font = { bold: true };
  body.forEach((values, index) => {
    const row = map.addRow(values.map((v) => (typeof v === "string" ? safeCell(v) : v)));
    const cells = heatmap.rows[index]?.cells ?? [];
    cells.forEach((cell, at) => {
      const fill = cellFill(cell, options.mode);
      if (fill) row.getCell(4 + at).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    });
  });
  map.columns.forEach((column, i) => {
    column.width = i === 0 ? 28 : i < 3 ? 14 : 10;
  });
  const gaps = workbook.addWorksheet(sheetName(t.itSheetGaps, "Gaps"), { views: [{ state: "frozen", ySplit: 1 }] });
  const [gapsHeader, ...gapsBody] = gapsTable(ranked, lang);
  gaps.addRow((gapsHeader as Value[]).map((v) => (typeof v === "string" ? safeCell(v) : v))).font = { bold: true };
  for (const values of gapsBody) gaps.addRow(values.map((v) => (typeof v === "string" ? safeCell(v) : v)));
  gaps.columns.forEach((column, i) => {
    column.width = [8, 10, 48, 28, 10, 10, 10, 12, 10][i] ?? 10;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
