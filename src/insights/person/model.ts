/**
 * A person's insights as the page, its charts and its exports read them (issue 16, decision 042).
 * Pure: the rows are the person's assessed competencies in every cycle they were assessed in
 * (src/insights/read.ts), the competencies as the framework's latest edition names them, and the
 * cycles; nothing here reads a database or a language's dictionary.
 *
 * - The latest assessment: per competency, the agreed level against the target and the gap
 *   (`gapOf`: no agreed level is "unassessed", never a gap of 0; no target is no gap), grouped by
 *   competency area in the assessment's order; a competency its framework no longer publishes stays,
 *   marked `gone`, in a group of its own at the end.
 * - The change across cycles: one row per competency assessed in any cycle, one cell per cycle the
 *   person was assessed in (oldest first): the agreed level, "not agreed" (in that assessment, no
 *   level agreed) or "absent" (not assessed in that cycle).
 */
import { type Gap, gapOf } from "../gaps.ts";
import { competencyKey } from "../suggestions.ts";

/** One competency of one of the person's assessments (the fields of read.ts's AssessedRow used here). */
export interface PersonRow {
  assessmentId: string;
  cycleId: string;
  frameworkId: string;
  itemId: string;
  ordinal: number;
  importance: string | null;
  target: number | null;
  agreed: number | null;
}

export interface CycleInfo {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
}

/** A competency as the latest edition of its framework has it, in the page's language. */
export interface CompetencyInfo {
  code: string | null;
  name: string;
  /** Its area's name (the parent in that edition); null when it has none. */
  area: string | null;
}

export interface CompetencyLine {
  frameworkId: string;
  itemId: string;
  /** "framework~item", as suggestions and catalogue tags key competencies. */
  key: string;
  code: string | null;
  /** Null when the framework's latest edition no longer has it ("no longer in the index"). */
  name: string | null;
  importance: string | null;
  target: number | null;
  agreed: number | null;
  gap: Gap;
}

export interface AreaGroup {
  /** The area's name; null for competencies without an area or no longer in the index. */
  area: string | null;
  /** True for the group of competencies no longer in the index. */
  gone: boolean;
  lines: CompetencyLine[];
}

export type HistoryCell = { kind: "agreed"; level: number } | { kind: "not-agreed" } | { kind: "absent" };

export interface HistoryLine {
  key: string;
  code: string | null;
  name: string | null;
  /** One per cycle of `history.cycles`, in that order. */
  cells: HistoryCell[];
}

export interface Counts {
  /** Assessed below the target. */
  below: number;
  /** Assessed at or above the target. */
  met: number;
  /** With a target, no agreed level yet. */
  unassessed: number;
  /** Without a target (no gap). */
  noTarget: number;
}

export type PersonInsights =
  | { kind: "no-assessment" }
  | {
      kind: "assessed";
      latest: { cycle: CycleInfo; assessmentId: string; groups: AreaGroup[]; counts: Counts; anyAgreed: boolean };
      history: { cycles: CycleInfo[]; lines: HistoryLine[] };
    };

/**
 * The page's model. `latestCycleId` is the cycle of the person's latest assessment (read.ts's
 * "latest" scope decides it); rows of other cycles are history only.
 */
export function personInsights(input: {
  rows: readonly PersonRow[];
  latestCycleId: string | null;
  /** The organisation's cycles, oldest first. */
  cycles: readonly CycleInfo[];
  competencies: ReadonlyMap<string, CompetencyInfo>;
}): PersonInsights {
  const cycleById = new Map(input.cycles.map((cycle) => [cycle.id, cycle]));
  const latestCycle = input.latestCycleId ? cycleById.get(input.latestCycleId) : undefined;
  const latestRows = byOrdinal(input.rows.filter((row) => row.cycleId === input.latestCycleId));
  if (!latestCycle || latestRows.length === 0) return { kind: "no-assessment" };

  const lineOf = (row: PersonRow): CompetencyLine => {
    const key = competencyKey(row);
    const info = input.competencies.get(key);
    return {
      frameworkId: row.frameworkId,
      itemId: row.itemId,
      key,
      code: info?.code ?? null,
      name: info?.name ?? null,
      importance: row.importance,
      target: row.target,
      agreed: row.agreed,
      gap: gapOf(row.target, row.agreed),
    };
  };
  const lines = latestRows.map(lineOf);
  return {
    kind: "assessed",
    latest: {
      cycle: latestCycle,
      assessmentId: (latestRows[0] as PersonRow).assessmentId,
      groups: groupByArea(lines, input.competencies),
      counts: countsOf(lines),
      anyAgreed: lines.some((line) => line.agreed !== null),
    },
    history: historyOf(input.rows, cycleById, input.competencies, lines),
  };
}

const byOrdinal = (rows: readonly PersonRow[]) => [...rows].sort((a, b) => a.ordinal - b.ordinal);

function groupByArea(lines: CompetencyLine[], competencies: ReadonlyMap<string, CompetencyInfo>): AreaGroup[] {
  const groups = new Map<string, AreaGroup>();
  const gone: CompetencyLine[] = [];
  for (const line of lines) {
    const info = competencies.get(line.key);
    if (!info) {
      gone.push(line);
      continue;
    }
    const name = info.area;
    const key = name ?? "\u0000";
    let group = groups.get(key);
    if (!group) {
      group = { area: name, gone: false, lines: [] };
      groups.set(key, group);
    }
    group.lines.push(line);
  }
  const result = [...groups.values()];
  if (gone.length > 0) result.push({ area: null, gone: true, lines: gone });
  return result;
}

function countsOf(lines: readonly CompetencyLine[]): Counts {
  const counts: Counts = { below: 0, met: 0, unassessed: 0, noTarget: 0 };
  for (const { gap } of lines) {
    if (gap.kind === "none") counts.noTarget += 1;
    else if (gap.kind === "unassessed") counts.unassessed += 1;
    else if (gap.gap > 0) counts.below += 1;
    else counts.met += 1;
  }
  return counts;
}

/**
 * Cycles the person was assessed in, in the order given (oldest first, as read.ts's `cyclesOf`
 * sorts them: the order its "latest" follows); competencies in the latest assessment's order, then those only assessed before,
 * in the order they were first met (oldest cycle first).
 */
function historyOf(
  rows: readonly PersonRow[],
  cycleById: ReadonlyMap<string, CycleInfo>,
  competencies: ReadonlyMap<string, CompetencyInfo>,
  latest: readonly CompetencyLine[],
): { cycles: CycleInfo[]; lines: HistoryLine[] } {
  const assessedIn = new Set(rows.map((row) => row.cycleId));
  const cycles = [...cycleById.values()].filter((cycle) => assessedIn.has(cycle.id));
  const index = new Map(cycles.map((cycle, i) => [cycle.id, i]));
  const keys: string[] = latest.map((line) => line.key);
  const known = new Set(keys);
  const cells = new Map<string, HistoryCell[]>();
  const sorted = [...rows]
    .filter((row) => index.has(row.cycleId))
    .sort((a, b) => (index.get(a.cycleId) as number) - (index.get(b.cycleId) as number) || a.ordinal - b.ordinal);
  for (const row of sorted) {
    const key = competencyKey(row);
    if (!known.has(key)) {
      known.add(key);
      keys.push(key);
    }
    let line = cells.get(key);
    if (!line) {
      line = cycles.map((): HistoryCell => ({ kind: "absent" }));
      cells.set(key, line);
    }
    line[index.get(row.cycleId) as number] =
      row.agreed !== null ? { kind: "agreed", level: row.agreed } : { kind: "not-agreed" };
  }
  return {
    cycles,
    lines: keys.map((key) => {
      const info = competencies.get(key);
      return {
        key,
        code: info?.code ?? null,
        name: info?.name ?? null,
        cells: cells.get(key) ?? cycles.map((): HistoryCell => ({ kind: "absent" })),
      };
    }),
  };
}
