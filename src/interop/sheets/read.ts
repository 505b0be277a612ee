/**
 * Reads XLSX or CSV bytes into plain tables of trimmed text cells (null when empty), reporting cells
 * that cannot be taken as text: formulas, spreadsheet errors, over-long text. Row i of a table is
 * spreadsheet row i + 1, empty rows included, so every problem can name its cell.
 *
 * Hostile files are bounded: a workbook's archive is checked before it is unpacked (zip-guard.ts),
 * its rows are streamed and the reading stops keeping them past MAX_ROWS; a CSV stops at MAX_ROWS
 * records and at records longer than any row can be. Only the first MAX_COLUMNS columns are read.
 */
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { normaliseText } from "../../text/rules.ts";
import type { Problem } from "../model.ts";
import { columnLetter, MAX_CELL_LENGTH, MAX_ROWS } from "./layout.ts";
import { guardXlsxArchive } from "./zip-guard.ts";

export type Cell = string | null;
export interface Table {
  name: string;
  /** "Items!" in a workbook; "" in a CSV, which has a single table. */
  prefix: string;
  rows: Cell[][];
}

/** Columns read from each sheet; the layout has nine, and anything right of this is ignored. */
export const MAX_COLUMNS = 100;

export class NotASpreadsheet extends Error {}
/** A spreadsheet refused as a whole before its cells are read (an archive that could be a bomb). */
export class RefusedSpreadsheet extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

const ERROR_TEXT = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** A cell's problem before its sheet's name is known (a streamed workbook names its sheets last). */
type CellProblem = Omit<Problem, "where">;

function checkedText(text: string, problems: CellProblem[]): Cell {
  const value = normaliseText(text);
  if (value.length > MAX_CELL_LENGTH) {
    problems.push({
      code: "sheet.cell_too_long",
      params: { length: value.length, max: MAX_CELL_LENGTH },
      severity: "error",
    });
    return null;
  }
  return value === "" ? null : value;
}

function cellText(cell: ExcelJS.Cell, problems: CellProblem[]): Cell {
  const value = cell.value as unknown;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      problems.push({ code: "sheet.formula_cell", severity: "error" });
      return null;
    case ExcelJS.ValueType.Error: {
      const error = (value as { error?: string } | null)?.error ?? "#ERROR";
      problems.push({ code: "sheet.error_cell", params: { value: String(error).slice(0, 40) }, severity: "error" });
      return null;
    }
    case ExcelJS.ValueType.Date: {
      const time = (value as Date).getTime();
      return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
    }
    case ExcelJS.ValueType.RichText:
      return checkedText(
        (value as { richText: { text: string }[] }).richText.map((run) => run.text).join(""),
        problems,
      );
    case ExcelJS.ValueType.Hyperlink:
      return checkedText(String((value as { text?: unknown }).text ?? ""), problems);
    case ExcelJS.ValueType.Boolean:
      return value ? "TRUE" : "FALSE";
    default:
      return checkedText(String(value), problems);
  }
}

interface StreamedSheet {
  id: string;
  rows: Cell[][];
  problems: { row: number; column: number; problem: CellProblem }[];
  tooManyRows: boolean;
  columnsIgnored: boolean;
}

/** Sheet number (xl/worksheets/sheetN.xml) → its name, from the workbook and its relationships. */
function sheetNames(reader: unknown): Map<string, { name: string; order: number }> {
  const { model, workbookRels } = reader as {
    model?: { sheets?: { name: string; rId: string }[] };
    workbookRels?: { Id: string; Target: string }[];
  };
  const targets = new Map((workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  const names = new Map<string, { name: string; order: number }>();
  (model?.sheets ?? []).forEach((sheet, order) => {
    const number = /sheet(\d+)\.xml$/.exec(targets.get(sheet.rId) ?? "")?.[1];
    if (number !== undefined) names.set(number, { name: sheet.name, order });
  });
  return names;
}

export async function readWorkbook(bytes: Uint8Array, problems: Problem[]): Promise<Table[]> {
  const guarded = await guardXlsxArchive(bytes);
  if ("problem" in guarded) throw new RefusedSpreadsheet(guarded.problem);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([guarded.bytes]), {
    sharedStrings: "cache",
    styles: "cache", // dates are numbers with a date format
    hyperlinks: "ignore", // a link cell's text is all an import wants
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: StreamedSheet[] = [];
  try {
    for await (const worksheet of reader) {
      const sheet: StreamedSheet = {
        id: String((worksheet as unknown as { id: string | number }).id),
        rows: [],
        problems: [],
        tooManyRows: false,
        columnsIgnored: false,
      };
      sheets.push(sheet);
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        // Past the limit, rows are read to the end of the sheet (bounded by the archive's checked
        // size) but no longer kept.
        if (sheet.tooManyRows || row.number > MAX_ROWS + 1) {
          sheet.tooManyRows = true;
          continue;
        }
        while (sheet.rows.length < row.number - 1) sheet.rows.push([]);
        const cells: Cell[] = [];
        const count = Math.min(row.cellCount, MAX_COLUMNS);
        if (row.cellCount > MAX_COLUMNS) sheet.columnsIgnored = true;
        for (let c = 1; c <= count; c++) {
          const found: CellProblem[] = [];
          cells.push(cellText(row.getCell(c), found));
          for (const problem of found) sheet.problems.push({ row: row.number, column: c, problem });
        }
        sheet.rows.push(cells);
      }
    }
  } catch (error) {
    if (error instanceof RangeError) throw error; // out of memory or stack: not the file's shape
    throw new NotASpreadsheet();
  }

  const names = sheetNames(reader);
  // Every worksheet the workbook lists must have been read: a reader that lost one would otherwise
  // import the rest as if it were the whole file.
  const read = new Set(sheets.map((sheet) => sheet.id));
  if ([...names.keys()].some((number) => !read.has(number))) throw new NotASpreadsheet();
  const named = sheets.map((sheet) => ({
    sheet,
    ...(names.get(sheet.id) ?? { name: `Sheet${sheet.id}`, order: 1e9 }),
  }));
  named.sort((a, b) => a.order - b.order);
  return named.map(({ sheet, name }) => {
    const prefix = `${name}!`;
    for (const { row, column, problem } of sheet.problems) {
      problems.push({ ...problem, where: `${prefix}${columnLetter(column - 1)}${row}` });
    }
    if (sheet.columnsIgnored) {
      problems.push({
        where: prefix,
        code: "sheet.columns_ignored",
        params: { column: columnLetter(MAX_COLUMNS - 1) },
        severity: "warning",
      });
    }
    if (sheet.tooManyRows) {
      problems.push({ where: prefix, code: "sheet.over_row_limit", params: { max: MAX_ROWS }, severity: "error" });
      return { name, prefix, rows: [] };
    }
    return { name, prefix, rows: sheet.rows };
  });
}

function decodeText(bytes: Uint8Array, problems: Problem[]): string {
  if (bytes.includes(0) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new NotASpreadsheet();
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel's plain "CSV" on Windows is Windows-1252, not UTF-8; French accents survive this way.
    problems.push({
      where: "",
      code: "sheet.legacy_encoding",
      params: { encoding: "Windows-1252" },
      severity: "warning",
    });
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Excel set to French writes ";" between fields; the header line says which separator is used. */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** csv-parse's error, as far as it is read here. */
interface CsvError {
  code?: string;
  lines?: number;
}

export function readCsv(bytes: Uint8Array, problems: Problem[]): Table {
  const text = decodeText(bytes, problems);
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: guessDelimiter(text.replace(/^\uFEFF/, "")),
      relax_column_count: true,
      skip_empty_lines: false,
      // A record holds at most the nine columns' text (and their quotes): anything longer is a
      // quote left open, or a file built to exhaust memory.
      max_record_size: MAX_CELL_LENGTH * 20,
      // One record past the limit says the file is too long, without reading the rest.
      to: MAX_ROWS + 2,
    }) as string[][];
  } catch (caught) {
    const error = caught as CsvError;
    if (error.code === "CSV_MAX_RECORD_SIZE") {
      problems.push({
        where: `${error.lines ?? "?"}:${error.lines ?? "?"}`,
        code: "sheet.row_too_large",
        params: { row: error.lines ?? "?", max: MAX_CELL_LENGTH * 20 },
        severity: "error",
      });
      return { name: "CSV", prefix: "", rows: [] };
    }
    throw new NotASpreadsheet();
  }
  if (records.length > MAX_ROWS + 1) {
    problems.push({ where: "", code: "sheet.over_row_limit", params: { max: MAX_ROWS }, severity: "error" });
    return { name: "CSV", prefix: "", rows: [] };
  }
  let columnsIgnored = false;
  const rows = records.map((record, r) => {
    if (record.length > MAX_COLUMNS) columnsIgnored = true;
    return record.slice(0, MAX_COLUMNS).map((raw, c) => {
      const where = `${columnLetter(c)}${r + 1}`;
      const text = raw.trim();
      const found: CellProblem[] = [];
      let cell: Cell;
      if (text.startsWith("=")) {
        found.push({ code: "sheet.formula_cell", severity: "error" });
        cell = null;
      } else if (ERROR_TEXT.test(text)) {
        found.push({ code: "sheet.error_cell", params: { value: text }, severity: "error" });
        cell = null;
      } else {
        // Undo the quote that export puts before text a spreadsheet would run as a formula.
        cell = checkedText(/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw, found);
      }
      for (const problem of found) problems.push({ ...problem, where });
      return cell;
    });
  });
  if (columnsIgnored) {
    problems.push({
      where: "",
      code: "sheet.columns_ignored",
      params: { column: columnLetter(MAX_COLUMNS - 1) },
      severity: "warning",
    });
  }
  return { name: "CSV", prefix: "", rows };
}
