/**
 * Reads a staff file as HR systems export it (CSV or XLSX) into one table of text cells, and finds
 * its header row. Pure apart from exceljs's in-memory parse: no I/O, no database.
 *
 * What HR exports do, and what is handled here:
 *  - CSV from Excel in French writes ";" between fields, in English ","; some systems use tabs. The
 *    separator is the one the header line uses most.
 *  - UTF-8 with or without a BOM; Excel's plain "CSV" on Windows is Windows-1252 (a superset of
 *    Latin-1 for letters): bytes that are not UTF-8 are read that way, so accents survive.
 *  - A title line or two ("Staff list — exported 2026-11-30") above the header: the header is the
 *    first of the first rows in which at least two cells are known column names.
 *  - Dates in a workbook are real dates: they become YYYY-MM-DD here; numbers become their text.
 *
 * Hostile files are bounded: at most MAX_STAFF_ROWS rows and MAX_COLUMNS columns are kept, and a
 * cell longer than MAX_CELL is cut (validation then refuses it by name).
 */
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { guessField } from "./columns.ts";
import { checkXlsxArchive } from "./zip-check.ts";

export type StaffFileFormat = "csv" | "xlsx";

/** The file as read: its header cells and its data rows, each with its row number in the file. */
export interface StaffTable {
  format: StaffFileFormat;
  /** Header cells ("" for an empty header cell). */
  headers: string[];
  /** Data rows below the header (empty rows left out), cells as trimmed text ("" when empty). */
  rows: { line: number; cells: string[] }[];
  /** The header's row number in the file (1-based). */
  headerLine: number;
  /** "windows-1252" when the bytes were not UTF-8. */
  encoding: "utf-8" | "windows-1252";
}

/** A file that cannot be read as a staff list at all (not CSV or XLSX, empty, too many rows). */
export class UnreadableStaffFile extends Error {
  constructor(
    readonly code: "not_a_table" | "empty" | "too_many_rows" | "unpacks_too_large",
    readonly params: Record<string, number> = {},
  ) {
    super(code);
  }
}

export const MAX_STAFF_ROWS = 20_000;
export const MAX_COLUMNS = 60;
export const MAX_CELL = 1000;
/** Rows looked at to find the header. */
const HEADER_SEARCH_ROWS = 10;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Tells a workbook from a CSV by content (a workbook is a zip archive). */
export function detectStaffFormat(bytes: Uint8Array): StaffFileFormat {
  return isZip(bytes) ? "xlsx" : "csv";
}

export async function readStaffFile(bytes: Uint8Array): Promise<StaffTable> {
  const format = detectStaffFormat(bytes);
  const { rows, encoding } =
    format === "xlsx" ? { rows: await xlsxRows(bytes), encoding: "utf-8" as const } : csvRows(bytes);
  return tableFromRows(format, rows, encoding);
}

/** Decodes CSV bytes: UTF-8 (BOM or not) when they are UTF-8, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: StaffTable["encoding"] } {
  if (bytes.includes(0)) throw new UnreadableStaffFile("not_a_table");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** The separator the header line uses most (quoted text aside): ";", "," or a tab. */
export function guessSeparator(text: string): string {
  const firstLines = text.split(/\r\n|\n|\r/, HEADER_SEARCH_ROWS).filter((line) => line.trim() !== "");
  const unquoted = (line: string) => line.replace(/"[^"]*"/g, "");
  let best = ",";
  let bestCount = 0;
  for (const separator of [",", ";", "\t"]) {
    // The line with most separators: a title line above the header has few or none.
    const count = Math.max(0, ...firstLines.map((line) => unquoted(line).split(separator).length - 1));
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

function csvRows(bytes: Uint8Array): { rows: string[][]; encoding: StaffTable["encoding"] } {
  const { text, encoding } = decodeCsv(bytes);
  const body = text.replace(/^\uFEFF/, "");
  let records: string[][];
  try {
    records = parseCsv(body, {
      delimiter: guessSeparator(body),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_CELL * MAX_COLUMNS,
      to: MAX_STAFF_ROWS + HEADER_SEARCH_ROWS + 1,
    }) as string[][];
  } catch {
    throw new UnreadableStaffFile("not_a_table");
  }
  return { rows: records, encoding };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    // A formula: its last computed result, as the person exporting saw it.
    if ("result" in value)
      return value.result instanceof Date ? isoDate(value.result) : cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const verdict = checkXlsxArchive(bytes);
  if (verdict === "unreadable") throw new UnreadableStaffFile("not_a_table");
  if (verdict === "too_large") throw new UnreadableStaffFile("unpacks_too_large");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's load() mistypes a Buffer under @types/node 20: an ArrayBuffer is what it takes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new UnreadableStaffFile("not_a_table");
  }
  // The first sheet with something in it: HR exports put the staff list first.
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new UnreadableStaffFile("empty");
  if (sheet.rowCount > MAX_STAFF_ROWS + HEADER_SEARCH_ROWS + 1)
    throw new UnreadableStaffFile("too_many_rows", { max: MAX_STAFF_ROWS });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

const clean = (cell: string | undefined) =>
  (cell ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_CELL + 1);

/** The header row: the first of the first rows with two or more known column names; else the first non-empty row. */
export function findHeaderRow(rows: readonly string[][]): number {
  let firstNonEmpty = -1;
  for (let i = 0; i < rows.length && i < HEADER_SEARCH_ROWS; i++) {
    const cells = rows[i].map(clean);
    if (cells.every((cell) => cell === "")) continue;
    if (firstNonEmpty < 0) firstNonEmpty = i;
    const known = new Set(cells.map((cell) => guessField(cell)?.field).filter(Boolean));
    if (known.size >= 2) return i;
  }
  return firstNonEmpty;
}

/** Builds the table from raw rows (row i is the file's row i + 1). */
export function tableFromRows(
  format: StaffFileFormat,
  raw: readonly string[][],
  encoding: StaffTable["encoding"] = "utf-8",
): StaffTable {
  const headerIndex = findHeaderRow(raw);
  if (headerIndex < 0) throw new UnreadableStaffFile("empty");
  const headers = raw[headerIndex].slice(0, MAX_COLUMNS).map(clean);
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  const rows: StaffTable["rows"] = [];
  for (let i = headerIndex + 1; i < raw.length; i++) {
    const cells = raw[i].slice(0, Math.max(headers.length, 1)).map(clean);
    if (cells.every((cell) => cell === "")) continue;
    if (rows.length === MAX_STAFF_ROWS) throw new UnreadableStaffFile("too_many_rows", { max: MAX_STAFF_ROWS });
    rows.push({ line: i + 1, cells });
  }
  return { format, headers, rows, headerLine: headerIndex + 1, encoding };
}
