/**
 * A person's gap on one competency: how many levels their agreed level is below the target their
 * profile sets. Pure: levels are numbers of the cycle's scale (1 = the lowest), as assessments keep them.
 *
 * - No target (a competency someone added without one): there is nothing to reach, so no gap at all.
 * - No agreed level yet: "unassessed", which is not a gap of zero; it is counted apart everywhere.
 * - Above the target: a gap of 0 (clamped: exceeding one competency does not offset another).
 */

export type Gap =
  | { kind: "none" }
  | { kind: "unassessed"; target: number }
  | { kind: "assessed"; target: number; agreed: number; gap: number };

export function gapOf(target: number | null | undefined, agreed: number | null | undefined): Gap {
  if (target == null || !Number.isInteger(target) || target < 1) return { kind: "none" };
  if (agreed == null || !Number.isInteger(agreed) || agreed < 1) return { kind: "unassessed", target };
  return { kind: "assessed", target, agreed, gap: Math.max(0, target - agreed) };
}

/** How many people are at each agreed level of one competency, and how many are not assessed yet. */
export interface Distribution {
  /** byLevel[i] is the number of people whose agreed level is i + 1. */
  byLevel: number[];
  unassessed: number;
  /** Agreed levels beyond the scale's top (a scale shortened since): counted, never dropped. */
  beyondScale: number;
  total: number;
}

/** The distribution of agreed levels on a scale of `levelCount` levels (null: not assessed). */
export function distributionOf(levels: readonly (number | null)[], levelCount: number): Distribution {
  const byLevel = Array.from({ length: Math.max(0, levelCount) }, () => 0);
  let unassessed = 0;
  let beyondScale = 0;
  for (const level of levels) {
    if (level == null || !Number.isInteger(level) || level < 1) unassessed += 1;
    else if (level > byLevel.length) beyondScale += 1;
    else byLevel[level - 1] = (byLevel[level - 1] ?? 0) + 1;
  }
  return { byLevel, unassessed, beyondScale, total: levels.length };
}
