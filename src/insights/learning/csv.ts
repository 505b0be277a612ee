/**
 * The catalogue as a spreadsheet (CSV): the same columns out and in, headed in English or French.
 * Reading is all or nothing: every problem is reported with its line and its column (as the file
 * names it), and a file with any problem imports nothing (the store runs it in one transaction).
 * Writing is formula-safe: a cell a spreadsheet would run as a formula gets a leading ', which
 * reading takes off again, so an exported file imports back as it was. Pure: no database.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Lang } from "../../i18n/index.ts";
import { type MessageRef, messageCall } from "../../i18n/message-ref.ts";
import { decodeCsv, guessSeparator } from "../../people/staff-import/read.ts";
import { checkFields, costText, hoursText, normalKey, type RawFields, type ResourceFields } from "./values.ts";

export const CSV_COLUMNS = [
  "id",
  "title_en",
  "title_fr",
  "url",
  "provider",
  "format",
  "hours",
  "cost",
  "currency",
  "competencies",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const CSV_HEADERS: Record<Lang, Record<CsvColumn, string>> = {
  en: {
    id: "id",
    title_en: "title_en",
    title_fr: "title_fr",
    url: "url",
    provider: "provider",
    format: "format",
    hours: "hours",
    cost: "cost",
    currency: "currency",
    competencies: "competencies",
  },
  fr: {
    id: "id",
    title_en: "titre_en",
    title_fr: "titre_fr",
    url: "lien",
    provider: "fournisseur",
    format: "format",
    hours: "heures",
    cost: "coût",
    currency: "devise",
    competencies: "compétences",
  },
};

const REQUIRED: readonly CsvColumn[] = ["title_en", "title_fr", "format"];
/** Competency codes in one cell are separated by "|" (a "," or ";" may be the file's own separator). */
export const CODE_SEPARATOR = "|";
export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_CELL = 4000;

export interface CsvProblem {
  /** 1-based line of the file. */
  line: number;
  /** The column as the file heads it; null for a problem with the file or the whole line. */
  column: string | null;
  message: MessageRef;
}

export interface ImportRow {
  line: number;
  /** An existing resource's id (the row replaces it), or null for a new one. */
  id: string | null;
  fields: ResourceFields;
  /** Competency codes as written. */
  codes: string[];
}

/** Each line's competency codes, kept even when the line has other problems (all are reported at once). */
export interface LineCodes {
  line: number;
  codes: string[];
}

export type CsvReading =
  | { ok: true; rows: ImportRow[]; codesColumn?: string }
  | { ok: false; problems: CsvProblem[]; codes?: LineCodes[]; codesColumn?: string };

const columnByHeader = new Map<string, CsvColumn>(
  (Object.values(CSV_HEADERS) as Record<CsvColumn, string>[]).flatMap((headers) =>
    CSV_COLUMNS.map((column) => [normalKey(headers[column]), column] as [string, CsvColumn]),
  ),
);

/**
 * The cell as its author typed it: the formula guard this module writes is taken off. A value that
 * itself starts with ' before a formula sign was guarded too (see safeCell), so one ' always goes.
 */
const unguarded = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** The file's records, each with the line it ends on (empty lines are skipped, not counted away). */
function records(bytes: Uint8Array): { cells: string[]; line: number }[] | undefined {
  try {
    const { text } = decodeCsv(bytes);
    const body = text.replace(/^\uFEFF/, "");
    const parsed = parseCsv(body, {
      delimiter: guessSeparator(body),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_CELL * CSV_COLUMNS.length,
      to: MAX_IMPORT_ROWS + 2,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch {
    // Not text (decodeCsv refuses bytes with NUL), or not CSV the parser can read.
    return undefined;
  }
}

/** Reads and checks a catalogue file; every problem at once, with its line and column. */
export function readResourceCsv(bytes: Uint8Array): CsvReading {
  const rows = records(bytes);
  if (!rows) return { ok: false, problems: [{ line: 1, column: null, message: "learningErrCsvUnreadable" }] };
  const headerLine = rows[0]?.line ?? 1;
  const [first, ...data] = rows;
  const header = first?.cells;
  if (!header || data.length === 0)
    return { ok: false, problems: [{ line: 1, column: null, message: "learningErrCsvEmpty" }] };
  if (data.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      problems: [{ line: 1, column: null, message: messageCall("learningErrCsvTooMany", MAX_IMPORT_ROWS) }],
    };

  const problems: CsvProblem[] = [];
  const at = new Map<CsvColumn, number>();
  const headed = header.map((cell) => cell.trim());
  headed.forEach((cell, index) => {
    if (cell === "") return;
    const column = columnByHeader.get(normalKey(cell));
    if (!column) problems.push({ line: headerLine, column: cell, message: "learningErrCsvUnknownColumn" });
    else if (at.has(column)) problems.push({ line: headerLine, column: cell, message: "learningErrCsvTwice" });
    else at.set(column, index);
  });
  for (const column of REQUIRED)
    if (!at.has(column))
      problems.push({
        line: headerLine,
        column: null,
        message: messageCall("learningErrCsvMissingColumn", CSV_HEADERS.en[column], CSV_HEADERS.fr[column]),
      });
  if (problems.length > 0) return { ok: false, problems };

  const nameOf = (column: CsvColumn) => headed[at.get(column) as number] ?? column;
  const read: ImportRow[] = [];
  const codesByLine: LineCodes[] = [];
  const seenIds = new Map<string, number>();
  for (const { cells, line } of data) {
    const cell = (column: CsvColumn) => {
      const i = at.get(column);
      return i === undefined ? "" : unguarded((cells[i] ?? "").trim());
    };
    const raw: RawFields = {
      title_en: cell("title_en"),
      title_fr: cell("title_fr"),
      url: cell("url"),
      provider: cell("provider"),
      format: cell("format"),
      hours: cell("hours"),
      cost: cell("cost"),
      currency: cell("currency"),
    };
    const checked = checkFields(raw);
    if (!checked.ok)
      for (const [field, message] of Object.entries(checked.problems))
        problems.push({ line, column: nameOf(field as CsvColumn), message: message as MessageRef });
    const id = cell("id") || null;
    if (id !== null) {
      const first = seenIds.get(id);
      if (first !== undefined)
        problems.push({ line, column: nameOf("id"), message: messageCall("learningErrCsvSameId", first) });
      else seenIds.set(id, line);
    }
    const codes = cell("competencies")
      .split(CODE_SEPARATOR)
      .map((code) => code.trim())
      .filter(Boolean);
    codesByLine.push({ line, codes });
    if (checked.ok) read.push({ line, id, fields: checked.fields, codes });
  }
  // The competencies' column as the file heads it, for problems found later (unknown codes).
  const codesColumn = at.has("competencies") ? nameOf("competencies") : undefined;
  return problems.length > 0
    ? { ok: false, problems, codes: codesByLine, codesColumn }
    : { ok: true, rows: read, codesColumn };
}

/** How the store finds a competency by its code: every competency with that code (0, 1 or more). */
export type CodeLookup = (code: string) => readonly { frameworkId: string; itemId: string }[];

/** Each row's competencies by code; a code that names none, or several, is a problem of its line. */
export function resolveCodes(
  rows: readonly LineCodes[],
  lookup: CodeLookup,
  header: string,
): { ok: true; tags: Map<number, { frameworkId: string; itemId: string }[]> } | { ok: false; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const tags = new Map<number, { frameworkId: string; itemId: string }[]>();
  for (const row of rows) {
    const found: { frameworkId: string; itemId: string }[] = [];
    for (const code of row.codes) {
      const matches = lookup(code);
      if (matches.length === 0)
        problems.push({ line: row.line, column: header, message: messageCall("learningErrCsvUnknownCode", code) });
      else if (matches.length > 1)
        problems.push({ line: row.line, column: header, message: messageCall("learningErrCsvAmbiguousCode", code) });
      else if (!found.some((f) => f.itemId === matches[0]?.itemId && f.frameworkId === matches[0]?.frameworkId))
        found.push(matches[0] as { frameworkId: string; itemId: string });
    }
    tags.set(row.line, found);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tags };
}

/** Spreadsheet programs run cells starting with these as formulas; a leading ' keeps them text. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
export const safeCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

export interface ExportedResource {
  id: string;
  fields: ResourceFields;
  codes: string[];
}

/** The catalogue as CSV, headed in the reader's language (UTF-8 with a BOM, CRLF: what Excel reads). */
export function resourcesCsv(resources: readonly ExportedResource[], lang: Lang): Buffer {
  const header = CSV_COLUMNS.map((column) => CSV_HEADERS[lang][column]);
  const lines = resources.map((r) => {
    const values: Record<CsvColumn, string> = {
      id: r.id,
      title_en: r.fields.titleEn,
      title_fr: r.fields.titleFr,
      url: r.fields.url ?? "",
      provider: r.fields.provider ?? "",
      format: r.fields.format,
      hours: hoursText(r.fields.durationMinutes),
      cost: costText(r.fields.costCents),
      currency: r.fields.currency ?? "",
      competencies: r.codes.join(` ${CODE_SEPARATOR} `),
    };
    return CSV_COLUMNS.map((column) => safeCell(values[column]));
  });
  return Buffer.from(stringify([header, ...lines], { bom: true, record_delimiter: "windows" }), "utf8");
}
