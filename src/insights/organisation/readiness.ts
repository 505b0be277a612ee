/**
 * Readiness for succession planning (issue 16, HR only): who already meets a job profile's targets,
 * in whole or in part, by their latest agreed levels. Pure: the profile's requirements and each
 * person's latest agreed levels come from the store.
 *
 * A requirement is met when the person's latest agreed level on that competency reaches its target.
 * A competency their latest assessment did not cover, or has no agreed level for yet, is missing
 * with no level (never a level of zero): the shortfall counts the whole target.
 */
import { competencyKey } from "./model.ts";

export interface Requirement {
  frameworkId: string;
  itemId: string;
  target: number;
  importance: string;
}

export interface Missing {
  frameworkId: string;
  itemId: string;
  target: number;
  /** Null: not assessed on it in their latest assessment. */
  agreed: number | null;
  /** Levels short of the target. */
  short: number;
}

export interface Candidate {
  personId: string;
  name: string;
  met: number;
  total: number;
  /** Σ levels short over the requirements not met. */
  shortfall: number;
  missing: Missing[];
}

export const READINESS_SORTS = ["met", "shortfall", "name"] as const;
export type ReadinessSort = (typeof READINESS_SORTS)[number];

/**
 * People meeting at least one of the requirements, sorted: "met" most met first (then least short),
 * "shortfall" least short first (then most met), "name" alphabetically in the reader's collation.
 */
export function readiness(
  requirements: readonly Requirement[],
  people: readonly { personId: string; name: string; agreed: ReadonlyMap<string, number | null> }[],
  sort: ReadinessSort,
  collator: Intl.Collator,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const person of people) {
    const missing: Missing[] = [];
    for (const r of requirements) {
      const level = person.agreed.get(competencyKey(r)) ?? null;
      if (level !== null && level >= r.target) continue;
      missing.push({
        frameworkId: r.frameworkId,
        itemId: r.itemId,
        target: r.target,
        agreed: level,
        short: r.target - (level ?? 0),
      });
    }
    const met = requirements.length - missing.length;
    if (met === 0) continue;
    const shortfall = missing.reduce((sum, m) => sum + m.short, 0);
    candidates.push({
      personId: person.personId,
      name: person.name,
      met,
      total: requirements.length,
      shortfall,
      missing,
    });
  }
  const byName = (a: Candidate, b: Candidate) => collator.compare(a.name, b.name) || (a.personId < b.personId ? -1 : 1);
  const order: Record<ReadinessSort, (a: Candidate, b: Candidate) => number> = {
    met: (a, b) => b.met - a.met || a.shortfall - b.shortfall || byName(a, b),
    shortfall: (a, b) => a.shortfall - b.shortfall || b.met - a.met || byName(a, b),
    name: byName,
  };
  return candidates.sort(order[sort]);
}
