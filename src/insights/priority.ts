/**
 * Training priorities: which competencies most need training, overall, by unit and by position.
 * Pure: the rows are one per person and competency assessed (the latest cycle's agreed levels
 * against the targets copied at opening), read by a store the views will add.
 *
 * The score of a competency in a group of people is Σ weight(importance) × gap over its people:
 * importance × size of gap × people affected, exactly, when everyone has the same importance, and
 * each person's own importance otherwise (two profiles may rate the same competency differently).
 * Weights: essential 3, asset 1, none (added without a profile target: no gap, so no score) 0.
 * Ties keep a stable order: higher score, then more people affected, then the order the
 * competencies first appear in the rows (the caller passes them in index order).
 */
import { gapOf } from "./gaps.ts";

export const IMPORTANCE_WEIGHTS = { essential: 3, asset: 1 } as const;

export interface AssessedCompetency {
  personId: string;
  /** The person's unit and position (job profile) then; null when none. */
  unitId: string | null;
  positionId: string | null;
  frameworkId: string;
  itemId: string;
  importance: string | null;
  target: number | null;
  agreed: number | null;
}

export interface Priority {
  frameworkId: string;
  itemId: string;
  score: number;
  /** People with a target on it (assessed or not). */
  people: number;
  /** People assessed below their target. */
  affected: number;
  /** People with a target and no agreed level yet: not counted as a gap. */
  unassessed: number;
  /** Σ gap over the people assessed (levels). */
  gapTotal: number;
}

export const importanceWeight = (importance: string | null): number =>
  importance === "essential" || importance === "asset" ? IMPORTANCE_WEIGHTS[importance] : 0;

const keyOf = (row: Pick<AssessedCompetency, "frameworkId" | "itemId">) => `${row.frameworkId}\u0000${row.itemId}`;

/** Competencies ranked by need over the rows given (one group of people). */
export function rankPriorities(rows: readonly AssessedCompetency[]): Priority[] {
  const byCompetency = new Map<string, Priority & { first: number }>();
  for (const row of rows) {
    const gap = gapOf(row.target, row.agreed);
    if (gap.kind === "none") continue;
    const key = keyOf(row);
    let entry = byCompetency.get(key);
    if (!entry) {
      entry = {
        frameworkId: row.frameworkId,
        itemId: row.itemId,
        score: 0,
        people: 0,
        affected: 0,
        unassessed: 0,
        gapTotal: 0,
        first: byCompetency.size,
      };
      byCompetency.set(key, entry);
    }
    entry.people += 1;
    if (gap.kind === "unassessed") entry.unassessed += 1;
    else if (gap.gap > 0) {
      entry.affected += 1;
      entry.gapTotal += gap.gap;
      entry.score += importanceWeight(row.importance) * gap.gap;
    }
  }
  return [...byCompetency.values()]
    .sort((a, b) => b.score - a.score || b.affected - a.affected || a.first - b.first)
    .map(({ first: _first, ...priority }) => priority);
}

export type Grouping = "unit" | "position";

/** The rows' priorities per unit or per position (key "" for people with none), groups in first-seen order. */
export function prioritiesBy(rows: readonly AssessedCompetency[], by: Grouping): Map<string, Priority[]> {
  const groups = new Map<string, AssessedCompetency[]>();
  for (const row of rows) {
    const key = (by === "unit" ? row.unitId : row.positionId) ?? "";
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return new Map([...groups].map(([key, group]) => [key, rankPriorities(group)]));
}
