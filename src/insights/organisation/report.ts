/**
 * The organisation's insights as tables of cells, in the reader's language: what the page shows,
 * what its charts draw and what every export (CSV, XLSX, PDF) writes. One function builds them from
 * the page model, so a figure the suppression plan hides reads "fewer than 5" in all of them alike.
 */
import { pick } from "../../i18n/bilingual.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import type { CycleRef } from "../read.ts";
import type { Bilingual, CompetencyLabel, Names } from "./load.ts";
import { competencyKey, type Entry, type PrioritiesModel, type Trend, type View } from "./model.ts";
import type { Candidate } from "./readiness.ts";

/** A cell: a number (formatted by the reader), a text, or a suppressed figure. */
export type Cell = number | string | { suppressed: true };
export const SUPPRESSED: Cell = { suppressed: true };
export const isSuppressed = (cell: Cell): cell is { suppressed: true } => typeof cell === "object";

export interface Table {
  caption: string;
  header: string[];
  rows: Cell[][];
}

export interface DistributionBlock {
  name: string;
  /** null: the group is suppressed; otherwise one row per level, then beyond the scale, then not assessed. */
  table: Table | null;
  bars: { label: string; value: number }[];
}

export interface PrioritiesReport {
  viewName: string;
  ranking: Table;
  rankingBars: { label: string; value: number }[];
  distributions: DistributionBlock[];
  trends: Table;
  trendPoints: { series: string; x: string; value: number }[];
  cycleNames: string[];
}

/** How many competencies the distributions, charts and trends follow. */
export const TOP = 5;

const text = (value: Bilingual | undefined, lang: Lang) => (value ? value[lang] || value.en : "");

export function competencyText(label: CompetencyLabel | undefined, lang: Lang): string {
  const t = messages(lang);
  if (!label?.statement) return [label?.code, `(${t.ioRetired})`].filter(Boolean).join(" ");
  const statement = pick(label.statement, lang)?.value ?? "";
  return [label.code, statement].filter(Boolean).join(" ");
}

export function viewName(view: View, names: Names, lang: Lang): string {
  const t = messages(lang);
  if (view.by === "unit") return t.ioViewUnit(view.key ? text(names.units.get(view.key), lang) : t.ioNoUnit);
  if (view.by === "position")
    return t.ioViewPosition(view.key ? text(names.positions.get(view.key), lang) : t.ioNoPosition);
  return t.ioViewAll;
}

const refOf = (entry: Entry) => (entry.kind === "shown" ? entry.priority : entry);

export function prioritiesReport(
  model: PrioritiesModel,
  trends: readonly Trend[],
  cycles: readonly CycleRef[],
  names: Names,
  lang: Lang,
): PrioritiesReport {
  const t = messages(lang);
  const name = (ref: { frameworkId: string; itemId: string }) =>
    competencyText(names.competencies.get(competencyKey(ref)), lang);
  const code = (ref: { frameworkId: string; itemId: string }) => names.competencies.get(competencyKey(ref))?.code ?? "";
  const shownName = viewName(model.view, names, lang);
  const ranking: Table = {
    caption: t.ioRankingCaption(shownName),
    header: [
      t.ioColRank,
      t.ioColCode,
      t.ioColCompetency,
      t.ioColScore,
      t.ioColPeople,
      t.ioColAffected,
      t.ioColUnassessed,
      t.ioColGapTotal,
    ],
    rows: model.entries.map((entry) => {
      const ref = refOf(entry);
      if (entry.kind === "suppressed")
        return [t.ioUnranked, code(ref), name(ref), SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED];
      const p = entry.priority;
      return [entry.rank, code(ref), name(ref), p.score, p.people, p.affected, p.unassessed, p.gapTotal];
    }),
  };
  const shown = model.entries.filter((e): e is Extract<Entry, { kind: "shown" }> => e.kind === "shown");
  const rankingBars = shown
    .slice(0, 10)
    .map((e) => ({ label: code(e.priority) || name(e.priority), value: e.priority.score }));

  const distributionRows = (entry: Extract<Entry, { kind: "shown" }>): Cell[][] => {
    const d = entry.distribution;
    const rows: Cell[][] = d.byLevel.map((n, i) => [t.ioLevel(i + 1), n]);
    if (d.beyondScale > 0) rows.push([t.ioBeyondScale, d.beyondScale]);
    rows.push([t.ioNotAssessed, d.unassessed]);
    return rows;
  };
  const distributions: DistributionBlock[] = [
    ...shown.slice(0, TOP),
    ...model.entries.filter((e) => e.kind === "suppressed"),
  ].map((entry) => {
    const ref = refOf(entry);
    if (entry.kind === "suppressed") return { name: name(ref), table: null, bars: [] };
    const rows = distributionRows(entry);
    return {
      name: name(ref),
      table: { caption: t.ioDistributionCaption(name(ref)), header: [t.ioColLevel, t.ioColPeopleAtLevel], rows },
      bars: rows.map(([label, value]) => ({ label: String(label), value: value as number })),
    };
  });

  const cycleName = new Map(cycles.map((c) => [c.id, lang === "fr" ? c.nameFr || c.nameEn : c.nameEn || c.nameFr]));
  const trendRows: Cell[][] = [];
  const trendPoints: PrioritiesReport["trendPoints"] = [];
  for (const trend of trends)
    for (const point of trend.points) {
      const series = code(trend) || name(trend);
      const x = cycleName.get(point.cycleId) ?? point.cycleId;
      trendRows.push([
        x,
        code(trend),
        name(trend),
        point.score,
        point.meanGap === null ? "" : Math.round(point.meanGap * 100) / 100,
        point.people,
        point.assessed,
      ]);
      trendPoints.push({ series, x, value: point.score });
    }
  return {
    viewName: shownName,
    ranking,
    rankingBars,
    distributions,
    trends: {
      caption: t.ioTrendsCaption,
      header: [
        t.ioColCycle,
        t.ioColCode,
        t.ioColCompetency,
        t.ioColScore,
        t.ioColMeanGap,
        t.ioColPeople,
        t.ioColAssessed,
      ],
      rows: trendRows,
    },
    trendPoints,
    cycleNames: cycles
      .filter((c) => trends.some((tr) => tr.points.some((p) => p.cycleId === c.id)))
      .map((c) => cycleName.get(c.id) ?? c.id),
  };
}

/** Every distribution as one table (the exports' sheet): competency, level, people. */
export function distributionsTable(report: PrioritiesReport, lang: Lang): Table {
  const t = messages(lang);
  return {
    caption: t.ioDistributionsHeading,
    header: [t.ioColCompetency, t.ioColLevel, t.ioColPeopleAtLevel],
    rows: report.distributions.flatMap((block) =>
      block.table ? block.table.rows.map((row) => [block.name, ...row]) : [[block.name, "", SUPPRESSED]],
    ),
  };
}

export function readinessTable(
  candidates: readonly Candidate[],
  profileTitle: string,
  names: Names,
  lang: Lang,
): Table {
  const t = messages(lang);
  return {
    caption: t.ioReadinessCaption(profileTitle, candidates.length),
    header: [t.ioColPerson, t.ioColMet, t.ioColShortfall, t.ioColMissing],
    rows: candidates.map((c) => [
      c.name,
      t.ioMetOf(c.met, c.total),
      c.shortfall,
      c.missing.length === 0
        ? t.ioAllMet
        : c.missing
            .map((m) =>
              t.ioMissingLevel(competencyText(names.competencies.get(competencyKey(m)), lang), m.agreed, m.target),
            )
            .join("; "),
    ]),
  };
}

/** A cell as the reader reads it. */
export function cellText(cell: Cell, lang: Lang): string {
  const t = messages(lang);
  if (isSuppressed(cell)) return t.ioFewerThan5;
  return typeof cell === "number" ? t.ioDecimal(cell) : cell;
}
