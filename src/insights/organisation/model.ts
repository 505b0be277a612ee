/**
 * The organisation's training priorities as one pure page model (issue 16, decisions 042 and 048):
 * competencies ranked by need over each person's latest assessment, for the whole organisation, one
 * unit or one position, with each competency's distribution of agreed levels; and the trends across
 * cycles. The page, its chart and every export render this model and nothing else, so a figure the
 * suppression plan hides is hidden everywhere alike.
 *
 * A competency's people are those whose latest assessment sets a target on it (gap "none" rows have
 * nothing to reach and belong to no figure). Each competency has its own suppression table: its
 * people by unit × position, a person "seen" when the viewer may read them individually. A view
 * shows one group of each table — the organisation (ALL, ALL), a unit (unit, ALL), a position
 * (ALL, position) — so every view of a competency reads the same plan.
 */
import { type Distribution, distributionOf, gapOf } from "../gaps.ts";
import { type AssessedCompetency, type Priority, rankPriorities } from "../priority.ts";
import { ALL, planSuppression, type SuppressionPlan } from "../suppression.ts";

export type View = { by: "all" } | { by: "unit"; key: string } | { by: "position"; key: string };

/** What a view shows of one competency: its figures, or "fewer than 5" for all of them. */
export type Entry =
  | { kind: "shown"; rank: number; priority: Priority; distribution: Distribution }
  | { kind: "suppressed"; frameworkId: string; itemId: string };

export interface PrioritiesModel {
  view: View;
  /** Shown entries ranked by need, then the suppressed ones, unranked, in index order (decision 042). */
  entries: Entry[];
  /** The groups a viewer may choose ("" for people with no unit or no position), in first-seen order. */
  units: string[];
  positions: string[];
}

export const competencyKey = (ref: { frameworkId: string; itemId: string }) => `${ref.frameworkId}\u0000${ref.itemId}`;

const withTarget = (row: AssessedCompetency) => gapOf(row.target, row.agreed).kind !== "none";

const groupOf = (view: View): [string | null, string | null] =>
  view.by === "unit" ? [view.key, ALL] : view.by === "position" ? [ALL, view.key] : [ALL, ALL];

const inView = (view: View, row: AssessedCompetency) =>
  view.by === "all" ||
  (view.by === "unit" && (row.unitId ?? "") === view.key) ||
  (view.by === "position" && (row.positionId ?? "") === view.key);

/** Each competency's rows with a target, in the order competencies first appear (index order). */
export function byCompetency<R extends AssessedCompetency>(rows: readonly R[]): Map<string, R[]> {
  const found = new Map<string, R[]>();
  for (const row of rows) {
    if (!withTarget(row)) continue;
    const key = competencyKey(row);
    const list = found.get(key);
    if (list) list.push(row);
    else found.set(key, [row]);
  }
  return found;
}

/** One suppression plan per competency: its people by unit × position, seen or not by the viewer. */
export function plansOf(
  competencies: ReadonlyMap<string, readonly AssessedCompetency[]>,
  seen: (personId: string) => boolean,
): Map<string, SuppressionPlan> {
  return new Map(
    [...competencies].map(([key, rows]) => [
      key,
      planSuppression(rows.map((r) => ({ unit: r.unitId, position: r.positionId, seen: seen(r.personId) }))),
    ]),
  );
}

/** The rows by competency and one viewer's plans: what every view of that viewer shares. */
export interface Prepared {
  competencies: Map<string, AssessedCompetency[]>;
  plans: Map<string, SuppressionPlan>;
}

export function prepare(rows: readonly AssessedCompetency[], seen: (personId: string) => boolean): Prepared {
  const competencies = byCompetency(rows);
  return { competencies, plans: plansOf(competencies, seen) };
}

/**
 * The priorities of one view. `levelCount`: the scale's levels (for the distributions). `prepared`
 * (from `prepare` with the same rows and viewer) may be passed when several views are rendered.
 */
export function prioritiesModel(
  rows: readonly AssessedCompetency[],
  seen: (personId: string) => boolean,
  view: View,
  levelCount: number,
  prepared: Prepared = prepare(rows, seen),
): PrioritiesModel {
  const competencies = prepared.competencies;
  const planOf = prepared.plans;
  const [unit, position] = groupOf(view);
  const shownRows: AssessedCompetency[] = [];
  const suppressed: Entry[] = [];
  for (const [key, list] of competencies) {
    const group = list.filter((row) => inView(view, row));
    if (group.length === 0) continue;
    const plan = planOf.get(key) as SuppressionPlan;
    if (plan.isShown(unit, position)) shownRows.push(...group);
    else
      suppressed.push({ kind: "suppressed", frameworkId: group[0]?.frameworkId ?? "", itemId: group[0]?.itemId ?? "" });
  }
  const levels = new Map<string, (number | null)[]>();
  for (const row of shownRows) {
    const key = competencyKey(row);
    const list = levels.get(key) ?? [];
    list.push(row.agreed);
    levels.set(key, list);
  }
  const shown: Entry[] = rankPriorities(shownRows).map((priority, index) => ({
    kind: "shown",
    rank: index + 1,
    priority,
    distribution: distributionOf(levels.get(competencyKey(priority)) ?? [], levelCount),
  }));
  const units = new Set<string>();
  const positions = new Set<string>();
  for (const list of competencies.values())
    for (const row of list) {
      units.add(row.unitId ?? "");
      positions.add(row.positionId ?? "");
    }
  return { view, entries: [...shown, ...suppressed], units: [...units], positions: [...positions] };
}

/** Whether the view names a group that exists (an unknown unit or position is no view). */
export const viewExists = (model: Pick<PrioritiesModel, "units" | "positions">, view: View) =>
  view.by === "all" || (view.by === "unit" ? model.units : model.positions).includes(view.key);

export interface TrendPoint {
  cycleId: string;
  /** People with a target on the competency in that cycle (assessed or not). */
  people: number;
  assessed: number;
  score: number;
  gapTotal: number;
  /** Σ gap ÷ people assessed; null when nobody was assessed. */
  meanGap: number | null;
}

export interface Trend {
  frameworkId: string;
  itemId: string;
  points: TrendPoint[];
}

/**
 * Score and mean gap per cycle for the competencies given, over the rows given (every cycle's
 * assessments). The caller passes only rows the viewer may read person by person (decision 048):
 * each cycle is its own table, and a cycle's figures minus the latest view's would otherwise
 * isolate the people not reassessed since, so trends carry no suppressed figure at all.
 */
export function trendsOf(
  rows: readonly (AssessedCompetency & { cycleId: string })[],
  cycleIds: readonly string[],
  competencies: readonly { frameworkId: string; itemId: string }[],
): Trend[] {
  const wanted = new Set(competencies.map(competencyKey));
  const perCycle = new Map<string, AssessedCompetency[]>();
  for (const row of rows) {
    if (!wanted.has(competencyKey(row))) continue;
    const list = perCycle.get(row.cycleId) ?? [];
    list.push(row);
    perCycle.set(row.cycleId, list);
  }
  const ranked = new Map(
    cycleIds.map((id) => [id, new Map(rankPriorities(perCycle.get(id) ?? []).map((p) => [competencyKey(p), p]))]),
  );
  return competencies.map((ref) => ({
    frameworkId: ref.frameworkId,
    itemId: ref.itemId,
    points: cycleIds.flatMap((cycleId) => {
      const p = ranked.get(cycleId)?.get(competencyKey(ref));
      if (!p) return [];
      const assessed = p.people - p.unassessed;
      return [
        {
          cycleId,
          people: p.people,
          assessed,
          score: p.score,
          gapTotal: p.gapTotal,
          meanGap: assessed > 0 ? p.gapTotal / assessed : null,
        },
      ];
    }),
  }));
}

/** The competencies a trend follows: the view's top shown entries. */
export const topCompetencies = (model: PrioritiesModel, count: number) =>
  model.entries
    .filter((e): e is Extract<Entry, { kind: "shown" }> => e.kind === "shown")
    .slice(0, count)
    .map((e) => ({ frameworkId: e.priority.frameworkId, itemId: e.priority.itemId }));
