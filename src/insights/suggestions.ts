/**
 * "A gap suggests the resources tagged to that competency": for a person's gaps, the catalogue's
 * resources that build each competency, largest gap first. Pure; the resources come from
 * `resourcesForCompetencies` (src/insights/learning/store.ts), ready for the person's insight page.
 *
 * Only a real gap suggests anything: a competency at or above its target, or not assessed yet, has
 * no suggestion (an unassessed competency is not a gap of zero, and not a gap either). Ties keep the
 * order the gaps came in (the assessment's order).
 */
import type { Gap } from "./gaps.ts";

export interface CompetencyGap {
  frameworkId: string;
  itemId: string;
  gap: Gap;
}

export interface Suggestion<R> {
  frameworkId: string;
  itemId: string;
  /** Levels below the target. */
  size: number;
  resources: R[];
}

export const competencyKey = (ref: { frameworkId: string; itemId: string }) => `${ref.frameworkId}~${ref.itemId}`;

/** At most `perCompetency` resources for each competency with a gap, in the order the catalogue gave them. */
export function suggestResources<R>(
  gaps: readonly CompetencyGap[],
  resourcesByCompetency: ReadonlyMap<string, readonly R[]>,
  perCompetency = 5,
): Suggestion<R>[] {
  return gaps
    .flatMap((g, index) => (g.gap.kind === "assessed" && g.gap.gap > 0 ? [{ g, size: g.gap.gap, index }] : []))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({ g, size }) => ({
      frameworkId: g.frameworkId,
      itemId: g.itemId,
      size,
      resources: (resourcesByCompetency.get(competencyKey(g)) ?? []).slice(0, Math.max(0, perCompetency)),
    }));
}
