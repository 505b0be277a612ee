/**
 * The team insights page: the options (real GET form), the heatmap table (people × competencies,
 * headers with scope, sort links on the column headers, colour with the number or a word in every
 * cell, a legend), and the team's gaps ranked (chart and table with the same numbers).
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { assessmentUrls } from "../../assessments/work/urls.ts";
import { pick } from "../../i18n/bilingual.ts";
import { formatNumber, type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import { Checkbox, Form, Hidden, RadioGroup, Submit } from "../../ui/forms/index.ts";
import { barChartSvg } from "./chart.ts";
import {
  type Cell,
  type Competency,
  cellValue,
  defaultDirection,
  type Heatmap,
  type HeatmapOptions,
  optionsQuery,
  type RankedGap,
  type SortBy,
} from "./model.ts";
import { teamInsightUrls } from "./urls.ts";

export interface TeamInsightsProps {
  frame: OrganisationFrame;
  options: HeatmapOptions;
  heatmap: Heatmap;
  ranked: RankedGap[];
  /** People in the team before the scope filter (0: the manager has no one below them). */
  teamSize: number;
}

/** How many ranked gaps the chart draws (the table lists them all). */
export const CHART_BARS = 15;

export const competencyName = (c: Competency, lang: Lang) => pick(c.name, lang)?.value ?? c.itemId;
export const competencyLabel = (c: Competency, lang: Lang) =>
  `${c.code ? `${c.code} ` : ""}${competencyName(c, lang)}${c.gone ? ` (${messages(lang).itGone})` : ""}`;
export const areaName = (area: Competency["area"], lang: Lang) =>
  area ? (pick(area.name, lang)?.value ?? area.code ?? "") : messages(lang).itNoArea;

/** The colour class of a cell in the mode (the legend lists them). */
export function cellClass(cell: Cell, options: Pick<HeatmapOptions, "mode">): string {
  if (cell.kind === "absent") return "it-cell it-absent";
  if (cell.kind === "unassessed") return "it-cell it-unassessed";
  if (options.mode === "gap") {
    if (cell.kind === "none") return "it-cell it-notarget";
    return `it-cell it-gap-${Math.min(cell.gap, 3)}`;
  }
  const level = cellValue(cell, "level");
  return level === null ? "it-cell it-notarget" : `it-cell it-level-${Math.min(level, 5)}`;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The heatmap's cells as HTML text: a 40-person team over 150 competencies is 6,000 cells, and
 * writing them as strings instead of one JSX component each keeps the page well inside its time
 * budget. Every value is escaped; the structure is the same a component would write.
 */
export function cellsHtml(cells: readonly Cell[], options: HeatmapOptions, lang: Lang, org: string): string {
  const t = messages(lang);
  const absent = `<td class="it-cell it-absent"><span aria-hidden="true">·</span><span class="visually-hidden">${escapeHtml(t.itCellAbsent)}</span></td>`;
  const words = {
    unassessed: `<span aria-hidden="true">?</span><span class="visually-hidden">${escapeHtml(t.itCellUnassessed)}</span>`,
    none: `<span aria-hidden="true">∅</span><span class="visually-hidden">${escapeHtml(t.itCellNoTarget)}</span>`,
  };
  let html = "";
  for (const cell of cells) {
    if (cell.kind === "absent") {
      html += absent;
      continue;
    }
    const value = cellValue(cell, options.mode);
    const text =
      value !== null
        ? escapeHtml(formatNumber(value, lang))
        : words[cell.kind === "unassessed" ? "unassessed" : "none"];
    html += `<td class="${cellClass(cell, options)}"><a href="${escapeHtml(assessmentUrls.page(lang, org, cell.assessmentId))}">${text}</a></td>`;
  }
  return html;
}

function SortHeader(props: {
  sort: SortBy;
  options: HeatmapOptions;
  frame: OrganisationFrame;
  children: Child;
  class?: string;
}) {
  const { options, frame } = props;
  const current = options.sort === props.sort;
  const dir = current ? (options.dir === "asc" ? "desc" : "asc") : defaultDirection(props.sort);
  const t = messages(frame.lang);
  return (
    <th
      scope="col"
      class={props.class}
      aria-sort={current ? (options.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <a
        href={`${teamInsightUrls.page(frame.lang, frame.slug)}${optionsQuery(options, { sort: props.sort, dir })}#it-heatmap`}
      >
        {props.children}
        <span class="visually-hidden">{` — ${dir === "asc" ? t.itSortAscending : t.itSortDescending}`}</span>
      </a>
    </th>
  );
}

function Options(props: { frame: OrganisationFrame; options: HeatmapOptions }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const o = props.options;
  return (
    <>
      <h2 id="it-options-heading">{t.itOptionsHeading}</h2>
      <Form
        lang={lang}
        method="get"
        action={teamInsightUrls.page(lang, slug)}
        class="it-options"
        label={t.itOptionsHeading}
        scope="it-options"
        values={{ scope: o.scope, mode: o.mode, group: o.group ? "area" : "" }}
      >
        <RadioGroup
          name="scope"
          label={t.itScopeLegend}
          options={[
            { value: "chain", label: t.itScopeChain },
            { value: "direct", label: t.itScopeDirect },
          ]}
        />
        <RadioGroup
          name="mode"
          label={t.itModeLegend}
          options={[
            { value: "gap", label: t.itModeGap },
            { value: "level", label: t.itModeLevel },
          ]}
        />
        <Checkbox name="group" value="area" label={t.itGroupByArea} class="it-group" />
        {o.sort !== "name" && <Hidden name="sort" value={o.sort} />}
        {o.dir !== defaultDirection(o.sort) && <Hidden name="dir" value={o.dir} />}
        <Submit>{t.itApply}</Submit>
      </Form>
    </>
  );
}

function Legend(props: { lang: Lang; mode: HeatmapOptions["mode"] }) {
  const t = messages(props.lang);
  const entries: [string, string, string][] =
    props.mode === "gap"
      ? [
          ["it-gap-0", "0", t.itLegendGap0],
          ["it-gap-1", "1", t.itLegendGap(1)],
          ["it-gap-2", "2", t.itLegendGap(2)],
          ["it-gap-3", "3+", t.itLegendGap3],
        ]
      : [1, 2, 3, 4, 5].map((n) => [`it-level-${n}`, n === 5 ? "5+" : String(n), t.itLegendLevel(n)]);
  entries.push(["it-unassessed", "?", t.itCellUnassessed]);
  if (props.mode === "gap") entries.push(["it-notarget", "∅", t.itCellNoTarget]);
  entries.push(["it-absent", "·", t.itCellAbsent]);
  return (
    <div class="it-legend">
      <h3 id="it-legend-heading">{t.itLegendHeading}</h3>
      <ul aria-labelledby="it-legend-heading">
        {entries.map(([klass, sample, text]) => (
          <li>
            <span class={`it-cell it-swatch ${klass}`} aria-hidden="true">
              {sample}
            </span>{" "}
            {text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function HeatmapTable(props: TeamInsightsProps) {
  const { frame, options, heatmap } = props;
  const { lang, slug } = frame;
  const t = messages(lang);
  // A column's heading mid-sentence is lower case ("sorted by total gap"); a competency keeps its own.
  const column = heatmap.columns.find((c) => `c:${c.key}` === options.sort);
  const sortLabel = column
    ? competencyLabel(column, lang)
    : (options.sort === "total" ? t.itColTotalGap : t.itColPerson).toLocaleLowerCase(lang === "fr" ? "fr-CA" : "en-CA");
  return (
    <section class="table-wrap" aria-labelledby="it-heatmap-caption" tabindex={0}>
      <table class="it-heatmap">
        <caption id="it-heatmap-caption">{t.itCaption(options.mode, options.scope, sortLabel, options.dir)}</caption>
        <thead>
          {options.group && (
            <tr>
              <td />
              {heatmap.groups.map((group) => (
                <th scope="colgroup" colspan={group.columns.length} class="it-area">
                  {areaName(group.area, lang)}
                </th>
              ))}
              <td colspan={2} />
            </tr>
          )}
          <tr>
            <SortHeader sort="name" options={options} frame={frame}>
              {t.itColPerson}
            </SortHeader>
            {heatmap.columns.map((column) => (
              <SortHeader sort={`c:${column.key}`} options={options} frame={frame} class="it-competency">
                <span aria-hidden="true">{column.code ?? competencyName(column, lang).slice(0, 12)}</span>
                <span class="visually-hidden">{competencyLabel(column, lang)}</span>
              </SortHeader>
            ))}
            <SortHeader sort="total" options={options} frame={frame}>
              {t.itColTotalGap}
            </SortHeader>
            <th scope="col">{t.itColUnassessed}</th>
          </tr>
        </thead>
        <tbody>
          {heatmap.rows.map((row) => (
            <tr>
              <th scope="row">
                {row.person.name}
                <span class="it-line"> {row.person.depth === 1 ? t.itDirect : t.itIndirect}</span>
                {row.assessmentId === null && <span class="it-line"> {t.itNoAssessment}</span>}
              </th>
              {raw(cellsHtml(row.cells, options, lang, slug))}
              <td class="it-total">{row.assessmentId === null ? "—" : formatNumber(row.totalGap, lang)}</td>
              <td class="it-total">{row.assessmentId === null ? "—" : formatNumber(row.unassessed, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CompetencyKey(props: { lang: Lang; columns: Competency[] }) {
  const t = messages(props.lang);
  return (
    <details class="it-key">
      <summary>{t.itKeyHeading}</summary>
      <dl>
        {props.columns.map((c) => (
          <>
            <dt>{c.code ?? "—"}</dt>
            <dd>
              {competencyName(c, props.lang)}
              {c.gone ? ` (${t.itGone})` : ""}
              {c.area ? ` — ${areaName(c.area, props.lang)}` : ""}
            </dd>
          </>
        ))}
      </dl>
    </details>
  );
}

export function RankedGaps(props: { lang: Lang; ranked: RankedGap[] }) {
  const { lang, ranked } = props;
  const t = messages(lang);
  if (ranked.length === 0) return <p>{t.itGapsEmpty}</p>;
  // The bars carry the code (the table beside them has the full names): a long name would not fit.
  const bars = ranked.slice(0, CHART_BARS).map((r) => ({
    label: r.competency.code ?? competencyName(r.competency, lang).slice(0, 32),
    value: r.score,
  }));
  const svg = barChartSvg(bars, {
    title: t.itChartTitle,
    description: t.itChartDescription(bars.length, ranked.length),
    xLabel: t.itColScore,
  });
  return (
    <>
      <figure class="chart it-chart">
        {raw(svg)}
        <figcaption>{t.itChartCaption}</figcaption>
      </figure>
      <div class="table-wrap">
        <table>
          <caption>{t.itGapsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.itColRank}</th>
              <th scope="col">{t.itColCompetency}</th>
              <th scope="col">{t.itColScore}</th>
              <th scope="col">{t.itColAffected}</th>
              <th scope="col">{t.itColGapTotal}</th>
              <th scope="col">{t.itColUnassessed}</th>
              <th scope="col">{t.itColPeople}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((r, index) => (
              <tr>
                <td>{formatNumber(index + 1, lang)}</td>
                <th scope="row">{competencyLabel(r.competency, lang)}</th>
                <td>{formatNumber(r.score, lang)}</td>
                <td>{formatNumber(r.affected, lang)}</td>
                <td>{formatNumber(r.gapTotal, lang)}</td>
                <td>{formatNumber(r.unassessed, lang)}</td>
                <td>{formatNumber(r.people, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function TeamInsightsPage(props: TeamInsightsProps) {
  const { frame, options, heatmap } = props;
  const { lang, slug } = frame;
  const t = messages(lang);
  const query = optionsQuery(options);
  return (
    <>
      <OrganisationNav {...frame} />
      <h1>{t.itTitle}</h1>
      <p>{t.itIntro}</p>
      {props.teamSize === 0 ? (
        <p>{t.itEmptyTeam}</p>
      ) : (
        <>
          <nav aria-label={t.itDownloads}>
            <ul class="link-list">
              <li>
                <a href={`${teamInsightUrls.heatmapCsv(lang, slug)}${query}`}>{t.itDownloadHeatmapCsv}</a>
              </li>
              <li>
                <a href={`${teamInsightUrls.gapsCsv(lang, slug)}${query}`}>{t.itDownloadGapsCsv}</a>
              </li>
              <li>
                <a href={`${teamInsightUrls.xlsx(lang, slug)}${query}`}>{t.itDownloadXlsx}</a>
              </li>
              <li>
                <a href={`${teamInsightUrls.pdf(lang, slug)}${query}`}>{t.itDownloadPdf}</a>
              </li>
            </ul>
          </nav>
          <Options frame={frame} options={options} />
          <h2 id="it-heatmap">{t.itHeatmapHeading}</h2>
          <Legend lang={lang} mode={options.mode} />
          {heatmap.rows.length === 0 ? (
            <p>{t.itEmptyScope}</p>
          ) : heatmap.columns.length === 0 ? (
            <p>{t.itEmptyRows}</p>
          ) : (
            <>
              <HeatmapTable {...props} />
              <CompetencyKey lang={lang} columns={heatmap.columns} />
            </>
          )}
          <h2 id="it-gaps">{t.itGapsHeading}</h2>
          <p>{t.itGapsIntro}</p>
          <RankedGaps lang={lang} ranked={props.ranked} />
        </>
      )}
    </>
  );
}
