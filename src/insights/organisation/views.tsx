/**
 * The organisation's training priorities and readiness pages: a GET form chooses the view, each
 * chart is a server-rendered SVG image named for screen readers with the same figures as a table
 * beside it, and the downloads carry the view's query. No JavaScript needed.
 */
import { raw } from "hono/html";
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import { Form, Notice, SelectField, Submit } from "../../ui/forms/index.ts";
import { barChart, lineChart } from "./charts.ts";
import type { Bilingual, Names } from "./load.ts";
import type { View } from "./model.ts";
import { READINESS_SORTS, type ReadinessSort } from "./readiness.ts";
import { type Cell, cellText, isSuppressed, type PrioritiesReport, type Table } from "./report.ts";
import { orgInsightUrls, viewParam } from "./urls.ts";

function DataTable(props: { table: Table; lang: Lang; id?: string; links?: (string | undefined)[] }) {
  const cell = (value: Cell) =>
    isSuppressed(value) ? <em class="suppressed">{messages(props.lang).ioFewerThan5}</em> : cellText(value, props.lang);
  return (
    <table id={props.id}>
      <caption>{props.table.caption}</caption>
      <thead>
        <tr>
          {props.table.header.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.table.rows.map((row, r) => (
          <tr>
            {row.map((value, i) =>
              i === 0 ? (
                <th scope="row">{props.links?.[r] ? <a href={props.links[r]}>{cell(value)}</a> : cell(value)}</th>
              ) : (
                <td>{cell(value)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Downloads(props: { lang: Lang; urls: { csv: string; xlsx: string; pdf: string } }) {
  const t = messages(props.lang);
  return (
    <nav aria-label={t.ioExportsLabel}>
      <p>{t.ioExportsLabel}</p>
      <ul class="link-list">
        <li>
          <a href={props.urls.csv} download>
            {t.ioExportCsv}
          </a>
        </li>
        <li>
          <a href={props.urls.xlsx} download>
            {t.ioExportXlsx}
          </a>
        </li>
        <li>
          <a href={props.urls.pdf} download>
            {t.ioExportPdf}
          </a>
        </li>
      </ul>
    </nav>
  );
}

const nameIn = (value: Bilingual | undefined, lang: Lang) => (value ? value[lang] || value.en : "");

export interface PrioritiesPageProps {
  frame: OrganisationFrame;
  view: View;
  units: string[];
  positions: string[];
  names: Names;
  report: PrioritiesReport;
  /** The trends cover only the people the viewer may see individually (a manager). */
  trendsSeenOnly: boolean;
  readiness: boolean;
  unknownView?: boolean;
}

export function PrioritiesPage(props: PrioritiesPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const r = props.report;
  const param = viewParam(props.view);
  const sorted = (keys: string[], names: Map<string, Bilingual>, none: string) =>
    keys
      .map((key) => ({ value: key, label: key ? nameIn(names.get(key), lang) : none }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <>
      <OrganisationNav {...props.frame} current="insights" />
      <h1>{t.ioTitle}</h1>
      <p>{t.ioIntro}</p>
      <p>{t.ioSuppressionNote}</p>
      {props.readiness && (
        <p>
          <a href={orgInsightUrls.readiness(lang, slug)}>{t.ioReadinessLink}</a>
        </p>
      )}
      <Form lang={lang} method="get" action={orgInsightUrls.priorities(lang, slug)} class="inline-form">
        <SelectField
          name="view"
          label={t.ioViewLabel}
          value={param}
          options={[
            { value: "all", label: t.ioViewAll },
            {
              label: t.ioGroupUnits,
              choices: sorted(props.units, props.names.units, t.ioNoUnit).map((c) => ({
                value: `unit:${c.value}`,
                label: c.label,
              })),
            },
            {
              label: t.ioGroupPositions,
              choices: sorted(props.positions, props.names.positions, t.ioNoPosition).map((c) => ({
                value: `position:${c.value}`,
                label: c.label,
              })),
            },
          ]}
        />
        <Submit>{t.ioShow}</Submit>
      </Form>
      {props.unknownView ? (
        <Notice kind="warning">{t.ioUnknownView}</Notice>
      ) : (
        <>
          <Downloads lang={lang} urls={orgInsightUrls.prioritiesExports(lang, slug, props.view)} />
          <section aria-labelledby="io-ranking">
            <h2 id="io-ranking">{t.ioRankingHeading}</h2>
            {r.ranking.rows.length === 0 ? (
              <p>{t.ioNone}</p>
            ) : (
              <>
                {r.rankingBars.length > 0 &&
                  raw(barChart("io-ranking-chart", r.rankingBars, t.ioChartRanking(r.viewName), t.ioChartSame))}
                <DataTable table={r.ranking} lang={lang} />
              </>
            )}
          </section>
          <section aria-labelledby="io-distributions">
            <h2 id="io-distributions">{t.ioDistributionsHeading}</h2>
            <p>{t.ioDistributionsIntro}</p>
            {r.distributions.map((block, i) =>
              block.table ? (
                <section aria-labelledby={`io-distribution-${i}`}>
                  <h3 id={`io-distribution-${i}`}>{block.name}</h3>
                  {raw(
                    barChart(
                      `io-distribution-chart-${i}`,
                      block.bars,
                      t.ioChartDistribution(block.name),
                      t.ioChartSame,
                    ),
                  )}
                  <DataTable table={block.table} lang={lang} />
                </section>
              ) : (
                <p>{t.ioDistributionSuppressed(block.name)}</p>
              ),
            )}
          </section>
          <section aria-labelledby="io-trends">
            <h2 id="io-trends">{t.ioTrendsHeading}</h2>
            <p>{props.trendsSeenOnly ? t.ioTrendsIntroSeen : t.ioTrendsIntroAll}</p>
            {r.trends.rows.length === 0 ? (
              <p>{t.ioTrendsNone}</p>
            ) : (
              <>
                {raw(lineChart("io-trends-chart", r.trendPoints, r.cycleNames, t.ioChartTrends, t.ioChartSame))}
                <DataTable table={r.trends} lang={lang} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

export interface ReadinessPageProps {
  frame: OrganisationFrame;
  profiles: { id: string; title: string }[];
  profileId: string;
  sort: ReadinessSort;
  profileTitle?: string;
  table?: Table;
  personLinks?: string[];
  noRequirements?: boolean;
  unknownProfile?: boolean;
}

export function ReadinessPage(props: ReadinessPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const sortLabel: Record<ReadinessSort, string> = {
    met: t.ioSortMet,
    shortfall: t.ioSortShortfall,
    name: t.ioSortName,
  };
  return (
    <>
      <OrganisationNav {...props.frame} current="insights" />
      <h1>{t.ioReadinessTitle}</h1>
      <p>{t.ioReadinessIntro}</p>
      <p>
        <a href={orgInsightUrls.priorities(lang, slug)}>{t.ioPrioritiesLink}</a>
      </p>
      {props.profiles.length === 0 ? (
        <p>{t.ioReadinessNoProfiles}</p>
      ) : (
        <Form lang={lang} method="get" action={orgInsightUrls.readiness(lang, slug)} class="inline-form">
          <SelectField
            name="profile"
            label={t.ioReadinessProfile}
            value={props.profileId}
            options={[{ value: "", label: "—" }, ...props.profiles.map((p) => ({ value: p.id, label: p.title }))]}
          />
          <SelectField
            name="sort"
            label={t.ioReadinessSort}
            value={props.sort}
            options={READINESS_SORTS.map((s) => ({ value: s, label: sortLabel[s] }))}
          />
          <Submit>{t.ioShow}</Submit>
        </Form>
      )}
      {props.unknownProfile && <Notice kind="warning">{t.ioUnknownProfile}</Notice>}
      {!props.profileId && props.profiles.length > 0 && <p>{t.ioReadinessChoose}</p>}
      {props.noRequirements && <p>{t.ioReadinessNoRequirements}</p>}
      {props.table && (
        <>
          <Downloads lang={lang} urls={orgInsightUrls.readinessExports(lang, slug, props.profileId, props.sort)} />
          {props.table.rows.length === 0 ? (
            <p>{t.ioReadinessNobody}</p>
          ) : (
            <DataTable table={props.table} lang={lang} links={props.personLinks} />
          )}
        </>
      )}
    </>
  );
}
