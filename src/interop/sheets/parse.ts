/**
 * Spreadsheet import: the layout of layout.ts back into a framework tree. Every problem names its
 * cell ("Items!C7" in a workbook, "C7" in a CSV). Nothing is returned unless the whole sheet reads
 * cleanly; warnings (generated identifiers, ignored columns) do not stop it.
 */
import { randomUUID } from "node:crypto";
import type { Bilingual } from "../../frameworks/tree.ts";
import { checkText, type TextKind } from "../../text/rules.ts";
import { hasErrors, type ImportedFramework, type ImportedItem, type ImportResult, type Problem } from "../model.ts";
import { textProblem } from "../text-problems.ts";
import type { SheetFormat } from "./export.ts";
import {
  columnLetter,
  FRAMEWORK_KEYS,
  type FrameworkKey,
  ITEM_COLUMNS,
  type ItemColumn,
  REQUIRED_COLUMNS,
  SHEET,
} from "./layout.ts";
import { type Cell, NotASpreadsheet, RefusedSpreadsheet, readCsv, readWorkbook, type Table } from "./read.ts";

export interface SpreadsheetImportOptions {
  /** Framework fields that win over the sheet's (CLI options); a CSV carries none of its own. */
  framework?: Partial<Omit<ImportedFramework, "children">>;
}

interface Draft {
  row: number;
  id: string;
  parentRef: string | null;
  parentId: string | null;
  type: string;
  code: string | null;
  position: number | null;
  statement: Bilingual;
  description: Bilingual;
  children: Draft[];
}

const STOPPING = new Set(["sheet.over_row_limit", "sheet.row_too_large"]);

/** The text rule's kind for each column the import keeps (src/text/rules.ts). */
const ITEM_KINDS: Record<ItemColumn, TextKind | null> = {
  identifier: "reference",
  parent: "reference",
  type: "typeCode",
  code: "code",
  position: null,
  statement_en: "statement",
  statement_fr: "statement",
  description_en: "description",
  description_fr: "description",
};
const FRAMEWORK_KINDS: Record<FrameworkKey, TextKind> = {
  id: "reference",
  slug: "reference",
  title_en: "title",
  title_fr: "title",
  description_en: "description",
  description_fr: "description",
  publisher: "publisher",
  version: "version",
  status: "reference",
  licence: "licence",
};

/** The cell's text if the rule of its kind accepts it; otherwise reported (too long, as cells say it) and null. */
function ruled(value: Cell, kind: TextKind | null, where: string, field: string, problems: Problem[]): Cell {
  if (value === null || kind === null) return value;
  const issue = checkText(value, kind);
  if (!issue) return value;
  if (issue.rule === "tooLong")
    problems.push({
      where,
      code: "sheet.cell_too_long",
      params: { length: issue.length, max: issue.max },
      severity: "error",
    });
  else problems.push(textProblem(issue, where, field));
  return null;
}

const columnKey = (header: Cell) =>
  (header ?? "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
const findTable = (tables: Table[], name: string) =>
  tables.find((t) => t.name.trim().toLowerCase() === name.toLowerCase());

function readItems(table: Table, problems: Problem[]): Draft[] | null {
  const error = (where: string, code: string, params?: Problem["params"]) =>
    problems.push({ where, code, params, severity: "error" });
  const header = table.rows[0] ?? [];
  const columns = new Map<ItemColumn, number>();
  header.forEach((cell, c) => {
    const key = columnKey(cell);
    if (key === "") return;
    if ((ITEM_COLUMNS as readonly string[]).includes(key) && !columns.has(key as ItemColumn))
      columns.set(key as ItemColumn, c);
    else
      problems.push({
        where: `${table.prefix}${columnLetter(c)}1`,
        code: "sheet.unknown_column",
        params: { column: cell ?? "" },
        severity: "warning",
      });
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  for (const column of missing) error(`${table.prefix}1:1`, "sheet.missing_column", { column });
  if (missing.length > 0) return null;

  const at = (column: ItemColumn, r: number) => `${table.prefix}${columnLetter(columns.get(column) ?? 0)}${r}`;
  const drafts: Draft[] = [];
  const firstRowOf = new Map<string, number>();
  table.rows.forEach((cells, index) => {
    const r = index + 1;
    if (r === 1 || cells.every((cell) => cell === null)) return;
    const get = (column: ItemColumn): Cell => {
      const c = columns.get(column);
      return c === undefined ? null : ruled(cells[c] ?? null, ITEM_KINDS[column], at(column, r), column, problems);
    };
    let id = get("identifier");
    if (id === null) {
      id = randomUUID();
      const where = columns.has("identifier") ? at("identifier", r) : `${table.prefix}${r}:${r}`;
      problems.push({ where, code: "sheet.generated_identifier", params: { id }, severity: "warning" });
    } else if (firstRowOf.has(id)) {
      error(at("identifier", r), "sheet.duplicate_identifier", { id, firstRow: firstRowOf.get(id) as number });
    } else firstRowOf.set(id, r);
    const type = get("type");
    if (type === null) error(at("type", r), "sheet.missing_type");
    const statement = { en: get("statement_en"), fr: get("statement_fr") };
    if (statement.en === null && statement.fr === null) error(at("statement_en", r), "sheet.empty_statement");
    const positionText = get("position");
    let position: number | null = null;
    if (positionText !== null) {
      const n = Number(positionText);
      if (Number.isInteger(n) && Math.abs(n) <= 1_000_000_000) position = n;
      else error(at("position", r), "sheet.invalid_position", { value: positionText.slice(0, 40) });
    }
    drafts.push({
      row: r,
      id,
      parentRef: get("parent"),
      parentId: null,
      type: type ?? "",
      code: get("code"),
      position,
      statement,
      description: { en: get("description_en"), fr: get("description_fr") },
      children: [],
    });
  });
  if (drafts.length === 0) problems.push({ where: table.prefix, code: "sheet.no_items", severity: "error" });
  if (hasErrors(problems)) return null;

  // A parent is named by identifier, or by code when that code is unique (handy when writing by hand).
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const byCode = new Map<string, Draft | null>();
  for (const d of drafts) if (d.code !== null) byCode.set(d.code, byCode.has(d.code) ? null : d);
  for (const d of drafts) {
    if (d.parentRef === null) continue;
    const parent = byId.get(d.parentRef) ?? byCode.get(d.parentRef);
    if (parent) d.parentId = parent.id;
    else error(at("parent", d.row), "sheet.unknown_parent", { parent: d.parentRef.slice(0, 80) });
  }
  reportCycles(drafts, byId, (d, chain) => error(at("parent", d.row), "sheet.parent_cycle", { chain }));
  return hasErrors(problems) ? null : drafts;
}

function reportCycles(drafts: Draft[], byId: Map<string, Draft>, report: (d: Draft, chain: string) => void) {
  const done = new Set<string>();
  for (const start of drafts) {
    const path: Draft[] = [];
    const onPath = new Set<string>();
    let node: Draft | undefined = start;
    while (node && !done.has(node.id) && !onPath.has(node.id)) {
      path.push(node);
      onPath.add(node.id);
      node = node.parentId === null ? undefined : byId.get(node.parentId);
    }
    if (node && onPath.has(node.id)) {
      const cycle = path.slice(path.indexOf(node));
      const chain = [...cycle, node].map((d) => d.code ?? d.id).join(" → ");
      for (const member of cycle) report(member, chain.length > 300 ? `${chain.slice(0, 300)}…` : chain);
    }
    for (const visited of path) done.add(visited.id);
  }
}

/** Siblings by position, rows without one keeping their place in the sheet. */
function buildTree(drafts: Draft[]): ImportedItem[] {
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const roots: Draft[] = [];
  for (const d of drafts) (d.parentId === null ? roots : (byId.get(d.parentId) as Draft).children).push(d);
  const toItem = (d: Draft, index: number): ImportedItem => ({
    id: d.id,
    type: d.type,
    code: d.code,
    position: d.position ?? index + 1,
    statement: d.statement,
    description: d.description,
    children: order(d.children),
  });
  const order = (siblings: Draft[]) =>
    siblings
      .map(toItem)
      .map((item, index) => ({ item, index }))
      .sort((a, b) => a.item.position - b.item.position || a.index - b.index)
      .map(({ item }) => item);
  return order(roots);
}

function readFrameworkFields(table: Table | undefined, problems: Problem[]): Partial<Record<FrameworkKey, string>> {
  const fields: Partial<Record<FrameworkKey, string>> = {};
  if (!table) return fields;
  table.rows.forEach((cells, index) => {
    const key = columnKey(cells[0] ?? null);
    if (key === "" || (index === 0 && key === "key")) return;
    if ((FRAMEWORK_KEYS as readonly string[]).includes(key)) {
      const value = ruled(
        cells[1] ?? null,
        FRAMEWORK_KINDS[key as FrameworkKey],
        `${table.prefix}B${index + 1}`,
        key,
        problems,
      );
      if (value != null) fields[key as FrameworkKey] = value;
    } else {
      problems.push({
        where: `${table.prefix}A${index + 1}`,
        code: "sheet.unknown_field",
        params: { field: cells[0] ?? "" },
        severity: "warning",
      });
    }
  });
  return fields;
}

function readTypes(
  table: Table | undefined,
  used: Iterable<string>,
  problems: Problem[],
): ImportedFramework["itemTypes"] {
  const types = new Map<string, ImportedFramework["itemTypes"][number]>();
  for (const [index, cells] of (table?.rows ?? []).entries()) {
    const row = index + 1;
    const prefix = table?.prefix ?? "";
    const code = ruled(cells[0] ?? null, "typeCode", `${prefix}A${row}`, "code", problems);
    if (!code || (index === 0 && code.toLowerCase() === "code")) continue;
    const label = {
      en: ruled(cells[1] ?? null, "label", `${prefix}B${row}`, "label_en", problems),
      fr: ruled(cells[2] ?? null, "label", `${prefix}C${row}`, "label_fr", problems),
    };
    if (!types.has(code)) types.set(code, { code, label });
  }
  // Types used but not listed: their labels stay unknown, for the writer to keep or fill.
  for (const code of used) if (!types.has(code)) types.set(code, { code, label: { en: null, fr: null } });
  return [...types.values()];
}

export async function parseSpreadsheet(
  bytes: Uint8Array,
  format: SheetFormat,
  options: SpreadsheetImportOptions = {},
): Promise<ImportResult> {
  const problems: Problem[] = [];
  if (bytes.byteLength === 0)
    return { value: null, problems: [{ where: "", code: "sheet.empty_file", severity: "error" }] };
  let tables: Table[];
  try {
    tables = format === "xlsx" ? await readWorkbook(bytes, problems) : [readCsv(bytes, problems)];
  } catch (caught) {
    if (caught instanceof RefusedSpreadsheet) return { value: null, problems: [caught.problem] };
    if (!(caught instanceof NotASpreadsheet)) throw caught;
    return {
      value: null,
      problems: [
        { where: "", code: "sheet.not_a_spreadsheet", params: { format: format.toUpperCase() }, severity: "error" },
      ],
    };
  }
  // A file refused as a whole (too many rows, a runaway row) has no rows worth checking further.
  if (problems.some((p) => STOPPING.has(p.code))) return { value: null, problems };
  const others = new Set<string>([SHEET.framework, SHEET.types, SHEET.instructions].map((n) => n.toLowerCase()));
  const items =
    format === "csv"
      ? tables[0]
      : (findTable(tables, SHEET.items) ?? tables.find((t) => !others.has(t.name.toLowerCase())));
  if (!items)
    return {
      value: null,
      problems: [
        ...problems,
        { where: "", code: "sheet.missing_sheet", params: { sheet: SHEET.items }, severity: "error" },
      ],
    };
  if (items.rows.every((row) => row.every((cell) => cell === null)) && !hasErrors(problems)) {
    return {
      value: null,
      problems: [...problems, { where: items.prefix, code: "sheet.empty_file", severity: "error" }],
    };
  }
  const drafts = readItems(items, problems);
  if (!drafts || hasErrors(problems)) return { value: null, problems };

  const fields = format === "xlsx" ? readFrameworkFields(findTable(tables, SHEET.framework), problems) : {};
  const framework: ImportedFramework = {
    id: fields.id ?? randomUUID(),
    ...(fields.slug ? { slug: fields.slug } : {}),
    title: { en: fields.title_en ?? null, fr: fields.title_fr ?? null },
    description: { en: fields.description_en ?? null, fr: fields.description_fr ?? null },
    publisher: fields.publisher ?? null,
    version: fields.version ?? null,
    status: fields.status ?? null,
    licence: fields.licence ?? null,
    itemTypes: readTypes(
      format === "xlsx" ? findTable(tables, SHEET.types) : undefined,
      new Set(drafts.map((d) => d.type)),
      problems,
    ),
    children: buildTree(drafts),
    // A sheet's empty framework fields (a CSV has none at all) are "not given", not "erase".
    sparse: true,
    // Without a types table (a CSV), only the types the rows use are known: the others stay.
    ...(format === "xlsx" && findTable(tables, SHEET.types) ? {} : { partialTypes: true }),
    ...options.framework,
  };
  return { value: framework, problems };
}
