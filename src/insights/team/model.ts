/**
 * The team heatmap as data (issue 16): people × competencies of each person's latest assessment,
 * sorted and grouped as the reader asks, and the team's gaps ranked. Pure: the store reads the rows
 * (src/insights/read.ts) and the competencies' names; the page, the exports and the tests draw from
 * the same model.
 *
 * A cell is one of four kinds, never confused with a gap of 0 (decision 042): "absent" (the
 * competency is not in that person's assessment, or they have none), "none" (in the assessment
 * without a target: nothing to reach), "unassessed" (a target, no agreed level yet) and "assessed"
 * (a target and an agreed level: the gap, clamped at 0).
 */
import { gapOf } from "../gaps.ts";
import { type Priority, rankPriorities } from "../priority.ts";
import type { AssessedRow } from "../read.ts";

export interface TeamPerson {
  id: string;
  name: string;
  employeeNumber: string;
  /** 1: reports to the manager directly; more: through others. */
  depth: number;
}

export interface Bilingual {
  en: string | null;
  fr: string | null;
}

export interface Competency {
  key: string;
  frameworkId: string;
  itemId: string;
  code: string | null;
  name: Bilingual;
  /** The nearest area above it in the index; null when it has none. */
  area: { id: string; code: string | null; name: Bilingual } | null;
  /** Its place in the index (depth first across frameworks). */
  order: number;
  /** The framework's latest edition no longer has it (its name is the one it was assessed under). */
  gone: boolean;
}

export type Cell =
  | { kind: "absent" }
  | { kind: "none"; assessmentId: string; agreed: number | null }
  | { kind: "unassessed"; assessmentId: string; target: number }
  | { kind: "assessed"; assessmentId: string; target: number; agreed: number; gap: number };

export type Mode = "gap" | "level";
export type SortBy = "name" | "total" | `c:${string}`;
export type Direction = "asc" | "desc";
export type Scope = "chain" | "direct";

export interface HeatmapOptions {
  mode: Mode;
  sort: SortBy;
  dir: Direction;
  group: boolean;
  scope: Scope;
}

export const DEFAULT_OPTIONS: HeatmapOptions = { mode: "gap", sort: "name", dir: "asc", group: false, scope: "chain" };

export interface HeatmapRow {
  person: TeamPerson;
  /** Their latest assessment; null when they have none. */
  assessmentId: string | null;
  /** One per column, in the columns' order. */
  cells: Cell[];
  /** Σ gap over their assessed competencies (clamped per competency). */
  totalGap: number;
  /** Competencies with a target and no agreed level yet. */
  unassessed: number;
}

export interface AreaGroup {
  /** null: competencies without an area. */
  area: Competency["area"];
  columns: Competency[];
}

export interface Heatmap {
  columns: Competency[];
  /** The columns under their area, in the columns' order (one group, area null, when not grouped). */
  groups: AreaGroup[];
  rows: HeatmapRow[];
}

export const competencyKey = (frameworkId: string, itemId: string) => `${frameworkId}:${itemId}`;

/** The cell of one assessed row. */
export function cellOf(row: Pick<AssessedRow, "assessmentId" | "target" | "agreed">): Cell {
  const gap = gapOf(row.target, row.agreed);
  if (gap.kind === "none")
    return {
      kind: "none",
      assessmentId: row.assessmentId,
      agreed: row.agreed != null && Number.isInteger(row.agreed) && row.agreed >= 1 ? row.agreed : null,
    };
  if (gap.kind === "unassessed") return { kind: "unassessed", assessmentId: row.assessmentId, target: gap.target };
  return { kind: "assessed", assessmentId: row.assessmentId, target: gap.target, agreed: gap.agreed, gap: gap.gap };
}

/** The number a cell shows and sorts by in the mode; null when it has none. */
export function cellValue(cell: Cell, mode: Mode): number | null {
  if (mode === "gap") return cell.kind === "assessed" ? cell.gap : null;
  if (cell.kind === "assessed") return cell.agreed;
  if (cell.kind === "none") return cell.agreed;
  return null;
}

/** The team's people the scope keeps: everyone below the manager, or their direct reports only. */
export const inScope = (people: readonly TeamPerson[], scope: Scope) =>
  scope === "direct" ? people.filter((p) => p.depth === 1) : [...people];

/**
 * The heatmap of these people from their rows (rows of people not given are ignored). Columns are
 * every competency some row names, in index order (area by area when grouped; a competency the
 * names do not know goes last); rows sorted as asked, with `compare` ordering names.
 */
export function buildHeatmap(
  people: readonly TeamPerson[],
  rows: readonly AssessedRow[],
  competencies: ReadonlyMap<string, Competency>,
  options: HeatmapOptions,
  compare: (a: string, b: string) => number,
): Heatmap {
  const shown = inScope(people, options.scope);
  const ids = new Set(shown.map((p) => p.id));
  const kept = rows.filter((r) => ids.has(r.personId));
  const columns = columnsOf(kept, competencies, options.group);
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const byPerson = new Map<string, HeatmapRow>();
  for (const person of shown)
    byPerson.set(person.id, {
      person,
      assessmentId: null,
      cells: columns.map(() => ({ kind: "absent" }) as Cell),
      totalGap: 0,
      unassessed: 0,
    });
  for (const row of kept) {
    const entry = byPerson.get(row.personId);
    const at = index.get(competencyKey(row.frameworkId, row.itemId));
    if (!entry || at === undefined) continue;
    entry.assessmentId ??= row.assessmentId;
    const cell = cellOf(row);
    entry.cells[at] = cell;
  }
  for (const entry of byPerson.values()) {
    for (const cell of entry.cells) {
      if (cell.kind === "assessed") entry.totalGap += cell.gap;
      else if (cell.kind === "unassessed") entry.unassessed += 1;
    }
  }
  return {
    columns,
    groups: groupsOf(columns, options.group),
    rows: sortRows([...byPerson.values()], columns, options, compare),
  };
}

/** A stand-in for a competency no name was found for (never expected: the store reads every row's). */
const unknownCompetency = (row: AssessedRow): Competency => ({
  key: competencyKey(row.frameworkId, row.itemId),
  frameworkId: row.frameworkId,
  itemId: row.itemId,
  code: null,
  name: { en: null, fr: null },
  area: null,
  order: Number.MAX_SAFE_INTEGER,
  gone: true,
});

function columnsOf(rows: readonly AssessedRow[], competencies: ReadonlyMap<string, Competency>, group: boolean) {
  const found = new Map<string, Competency>();
  for (const row of rows) {
    const key = competencyKey(row.frameworkId, row.itemId);
    if (!found.has(key)) found.set(key, competencies.get(key) ?? unknownCompetency(row));
  }
  const columns = [...found.values()].sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (!group) return columns;
  // Areas in the order their first competency comes; competencies without one last.
  const areaRank = new Map<string, number>();
  for (const column of columns)
    if (column.area && !areaRank.has(column.area.id)) areaRank.set(column.area.id, areaRank.size);
  const rank = (c: Competency) => (c.area ? (areaRank.get(c.area.id) as number) : areaRank.size);
  return columns
    .map((column, position) => ({ column, position }))
    .sort((a, b) => rank(a.column) - rank(b.column) || a.position - b.position)
    .map(({ column }) => column);
}

function groupsOf(columns: readonly Competency[], group: boolean): AreaGroup[] {
  if (!group) return columns.length ? [{ area: null, columns: [...columns] }] : [];
  const groups: AreaGroup[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last && (last.area?.id ?? null) === (column.area?.id ?? null)) last.columns.push(column);
    else groups.push({ area: column.area, columns: [column] });
  }
  return groups;
}

/**
 * Rows sorted by name, by total gap, or by one competency's value in the mode. People with nothing
 * to sort by (no assessment; the competency absent, unassessed or without a value) come last in
 * either direction; ties by name, then id, so the order is always the same.
 */
export function sortRows(
  rows: readonly HeatmapRow[],
  columns: readonly Competency[],
  options: Pick<HeatmapOptions, "sort" | "dir" | "mode">,
  compare: (a: string, b: string) => number,
): HeatmapRow[] {
  const byName = (a: HeatmapRow, b: HeatmapRow) =>
    compare(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0);
  const sign = options.dir === "desc" ? -1 : 1;
  let readValue: ((row: HeatmapRow) => number | null) | null = null;
  if (options.sort === "total") readValue = (row) => (row.assessmentId === null ? null : row.totalGap);
  else if (options.sort.startsWith("c:")) {
    const at = columns.findIndex((c) => c.key === options.sort.slice(2));
    readValue = at < 0 ? null : (row) => cellValue(row.cells[at] as Cell, options.mode);
  }
  if (!readValue) return [...rows].sort((a, b) => sign * byName(a, b));
  const value = readValue;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The natural direction of a sort: names A to Z, gaps largest first. */
export const defaultDirection = (sort: SortBy): Direction => (sort === "name" ? "asc" : "desc");

export interface RankedGap extends Priority {
  competency: Competency;
}

/**
 * The team's competencies ranked by the priority score (rankPriorities), over the people shown.
 * The rows are put in index order first, so ties keep the index's order.
 */
export function rankTeamGaps(
  people: readonly TeamPerson[],
  rows: readonly AssessedRow[],
  competencies: ReadonlyMap<string, Competency>,
  scope: Scope,
): RankedGap[] {
  const ids = new Set(inScope(people, scope).map((p) => p.id));
  const orderOf = (row: AssessedRow) =>
    competencies.get(competencyKey(row.frameworkId, row.itemId))?.order ?? Number.MAX_SAFE_INTEGER;
  const kept = rows
    .filter((r) => ids.has(r.personId))
    .map((row, position) => ({ row, position, order: orderOf(row) }))
    .sort((a, b) => a.order - b.order || a.position - b.position)
    .map(({ row }) => row);
  const firstRow = new Map<string, AssessedRow>();
  for (const row of kept) {
    const key = competencyKey(row.frameworkId, row.itemId);
    if (!firstRow.has(key)) firstRow.set(key, row);
  }
  return rankPriorities(kept).map((priority) => {
    const key = competencyKey(priority.frameworkId, priority.itemId);
    return { ...priority, competency: competencies.get(key) ?? unknownCompetency(firstRow.get(key) as AssessedRow) };
  });
}

const SORTS = /^(name|total|c:[^\s]{1,200})$/;

/** The page's query parameters read forgivingly: anything unknown is the default. */
export function readOptions(query: Record<string, string | undefined>): HeatmapOptions {
  const sort = (SORTS.test(query.sort ?? "") ? query.sort : "name") as SortBy;
  const dir: Direction = query.dir === "asc" || query.dir === "desc" ? query.dir : defaultDirection(sort);
  return {
    mode: query.mode === "level" ? "level" : "gap",
    sort,
    dir,
    group: query.group === "area",
    scope: query.scope === "direct" ? "direct" : "chain",
  };
}

/** The query string of these options (defaults left out), for links and exports. */
export function optionsQuery(options: HeatmapOptions, changes: Partial<HeatmapOptions> = {}): string {
  const o = { ...options, ...changes };
  const params = new URLSearchParams();
  if (o.scope !== "chain") params.set("scope", o.scope);
  if (o.mode !== "gap") params.set("mode", o.mode);
  if (o.group) params.set("group", "area");
  if (o.sort !== "name") params.set("sort", o.sort);
  if (o.dir !== defaultDirection(o.sort)) params.set("dir", o.dir);
  const text = params.toString();
  return text ? `?${text}` : "";
}
