/**
 * Reads XLSX or CSV bytes into plain tables of trimmed text cells (null when empty), reporting cells
 * that cannot be taken as text: formulas, spreadsheet errors, over-long text. Row i of a table is
 * spreadsheet row i + 1, empty rows included, so every problem can name its cell.
 */
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Problem } from "../model.ts";
import { columnLetter, MAX_CELL_LENGTH, MAX_ROWS } from "./layout.ts";

export type Cell = string | null;
export interface Table {
  name: string;
  /** "Items!" in a workbook; "" in a CSV, which has a single table. */
  prefix: string;
  rows: Cell[][];
}

export class NotASpreadsheet extends Error {}

const ERROR_TEXT = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

function checkedText(text: string, where: string, problems: Problem[]): Cell {
  const trimmed = text.trim();
  if (trimmed.length > MAX_CELL_LENGTH) {
    problems.push({ where, code: "sheet.cell_too_long", params: { length: trimmed.length, max: MAX_CELL_LENGTH }, severity: "error" });
    return null;
  }
  return trimmed === "" ? null : trimmed;
}

function cellText(cell: ExcelJS.Cell, where: string, problems: Problem[]): Cell {
  const value = cell.value as unknown;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      problems.push({ where, code: "sheet.formula_cell", severity: "error" });
      return null;
    case ExcelJS.ValueType.Error: {
      const error = (value as { error?: string } | null)?.error ?? "#ERROR";
      problems.push({ where, code: "sheet.error_cell", params: { value: error }, severity: "error" });
      return null;
    }
    case ExcelJS.ValueType.Date:
      return (value as Date).toISOString().slice(0, 10);
    case ExcelJS.ValueType.RichText:
      return checkedText((value as { richText: { text: string }[] }).richText.map((run) => run.text).join(""), where, problems);
    case ExcelJS.ValueType.Hyperlink:
      return checkedText(String((value as { text?: unknown }).text ?? ""), where, problems);
    case ExcelJS.ValueType.Boolean:
      return value ? "TRUE" : "FALSE";
    default:
      return checkedText(String(value), where, problems);
  }
}

export async function readWorkbook(bytes: Uint8Array, problems: Problem[]): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types want a Buffer of an older @types/node; an ArrayBuffer works and type-checks.
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(copy);
  } catch {
    throw new NotASpreadsheet();
  }
  const tables: Table[] = [];
  for (const sheet of workbook.worksheets) {
    const prefix = `${sheet.name}!`;
    if (sheet.rowCount > MAX_ROWS + 1) {
      problems.push({ where: prefix, code: "sheet.too_many_rows", params: { rows: sheet.rowCount, max: MAX_ROWS }, severity: "error" });
      tables.push({ name: sheet.name, prefix, rows: [] });
      continue;
    }
    const rows: Cell[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        cells.push(cellText(row.getCell(c), `${prefix}${columnLetter(c - 1)}${r}`, problems));
      }
      rows.push(cells);
    }
    tables.push({ name: sheet.name, prefix, rows });
  }
  return tables;
}

function decodeText(bytes: Uint8Array, problems: Problem[]): string {
  if (bytes.includes(0) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new NotASpreadsheet();
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel's plain "CSV" on Windows is Windows-1252, not UTF-8; French accents survive this way.
    problems.push({ where: "", code: "sheet.legacy_encoding", params: { encoding: "Windows-1252" }, severity: "warning" });
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Excel set to French writes ";" between fields; the header line says which separator is used. */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
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
      max_record_size: MAX_CELL_LENGTH * 20,
    }) as string[][];
  } catch {
    throw new NotASpreadsheet();
  }
  if (records.length > MAX_ROWS + 1) {
    problems.push({ where: "", code: "sheet.too_many_rows", params: { rows: records.length, max: MAX_ROWS }, severity: "error" });
    return { name: "CSV", prefix: "", rows: [] };
  }
  const rows = records.map((record, r) =>
    record.map((raw, c) => {
      const where = `${columnLetter(c)}${r + 1}`;
      const text = raw.trim();
      if (text.startsWith("=")) {
        problems.push({ where, code: "sheet.formula_cell", severity: "error" });
        return null;
      }
      if (ERROR_TEXT.test(text)) {
        problems.push({ where, code: "sheet.error_cell", params: { value: text }, severity: "error" });
        return null;
      }
      // Undo the quote that export puts before text a spreadsheet would run as a formula.
      return checkedText(/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw, where, problems);
    }),
  );
  return { name: "CSV", prefix: "", rows };
}
