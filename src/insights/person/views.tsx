/**
 * A person's insights page: the latest assessment's agreed levels against targets (chart, then the
 * same numbers in a table per competency area, each gap with its learning resources and the
 * development plan), then the change across cycles (chart and table). Charts are server-drawn SVG
 * (charts.ts): the page works, and reads, without JavaScript.
 */
import { raw } from "hono/html";
import { assessmentUrls } from "../../assessments/work/urls.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import type { Resource } from "../learning/store.ts";
import { learningUrls } from "../learning/urls.ts";
import { gapsChart, historyChart } from "./charts.ts";
import type { ScaleLevelName } from "./load.ts";
import type { AreaGroup, CompetencyLine, PersonInsights } from "./model.ts";
import { personInsightsUrls } from "./urls.ts";
import { areaText, cellText, competencyText, gapText, importanceText, levelsText } from "./words.ts";

export interface PersonInsightsProps extends OrganisationFrame {
  personId: string;
  personName: string;
  self: boolean;
  insights: PersonInsights;
  resources: Map<string, Resource[]>;
  /** The latest cycle's scale, lowest level first. */
  levels: ScaleLevelName[];
}

const resourceTitle = (r: Resource, lang: Lang) =>
  (lang === "fr" ? r.fields.titleFr || r.fields.titleEn : r.fields.titleEn || r.fields.titleFr) ?? "";

export function PersonInsightsPage(props: PersonInsightsProps) {
  const t = messages(props.lang);
  const { lang, slug, personId } = props;
  return (
    <>
      <h1>{props.self ? t.ipTitleOwn : t.ipTitleOf(props.personName)}</h1>
      <OrganisationNav {...props} />
      <p>{props.self ? t.ipIntroOwn : t.ipIntroOf(props.personName)}</p>
      <p>
        <a href={personInsightsUrls.plans(lang, slug, personId)}>{t.ipPlanLink}</a>
      </p>
      {props.insights.kind === "no-assessment" ? (
        <p role="status">{t.ipNoAssessment}</p>
      ) : (
        <Assessed {...props} insights={props.insights} />
      )}
    </>
  );
}

function Assessed(props: PersonInsightsProps & { insights: Extract<PersonInsights, { kind: "assessed" }> }) {
  const t = messages(props.lang);
  const { lang, slug, personId } = props;
  const { latest, history } = props.insights;
  const lines = latest.groups.flatMap((group) => group.lines);
  return (
    <>
      <nav aria-labelledby="ip-downloads">
        <h2 id="ip-downloads">{t.ipDownloads}</h2>
        <ul class="inline-list">
          <li>
            <a href={personInsightsUrls.download(lang, slug, personId, "csv")}>{t.ipDownloadCsv}</a>
          </li>
          <li>
            <a href={personInsightsUrls.download(lang, slug, personId, "xlsx")}>{t.ipDownloadXlsx}</a>
          </li>
          <li>
            <a href={personInsightsUrls.download(lang, slug, personId, "pdf")}>{t.ipDownloadPdf}</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="ip-latest">
        <h2 id="ip-latest">{t.ipLatestHeading}</h2>
        <p>
          {t.ipLatestFrom(latest.cycle.name)}{" "}
          <a href={assessmentUrls.page(lang, slug, latest.assessmentId)}>{t.ipOpenAssessment}</a>
        </p>
        {!latest.anyAgreed && <p role="status">{t.ipNothingAgreed}</p>}
        <p>{t.ipSummary(latest.counts.below, latest.counts.met, latest.counts.unassessed)}</p>
        <figure class="chart">
          {raw(gapsChart(lines, { title: t.ipChartTitle, description: t.ipChartDescription }, props.levels.length))}
          <figcaption>{t.ipChartLegend}</figcaption>
        </figure>
        {props.levels.length > 0 && <p>{t.ipScaleLevels(levelsText(props.levels))}</p>}
        {latest.groups.map((group, index) => (
          <AreaTable {...props} group={group} index={index} />
        ))}
      </section>
      <section aria-labelledby="ip-history">
        <h2 id="ip-history">{t.ipHistoryHeading}</h2>
        <p>{t.ipHistoryIntro}</p>
        <figure class="chart">
          {raw(
            historyChart(history.cycles, history.lines, {
              title: t.ipHistoryChartTitle,
              description: t.ipHistoryChartDescription,
            }),
          )}
          <figcaption>{t.ipHistoryChartLegend}</figcaption>
        </figure>
        <div class="table-wrap">
          <table>
            <caption>{t.ipHistoryCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.ipColumnCompetency}</th>
                {history.cycles.map((cycle) => (
                  <th scope="col">{cycle.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.lines.map((line) => (
                <tr>
                  <th scope="row">{competencyText(line, lang)}</th>
                  {line.cells.map((cell) => (
                    <td class={cell.kind === "agreed" ? "num" : undefined}>{cellText(cell, lang)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function AreaTable(props: PersonInsightsProps & { group: AreaGroup; index: number }) {
  const t = messages(props.lang);
  const id = `ip-area-${props.index + 1}`;
  return (
    <>
      <h3 id={id}>{areaText(props.group, props.lang)}</h3>
      <div class="table-wrap">
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t.ipColumnCompetency}</th>
              <th scope="col">{t.ipColumnImportance}</th>
              <th scope="col">{t.ipColumnTarget}</th>
              <th scope="col">{t.ipColumnAgreed}</th>
              <th scope="col">{t.ipColumnGap}</th>
              <th scope="col">{t.ipColumnResources}</th>
            </tr>
          </thead>
          <tbody>
            {props.group.lines.map((line) => (
              <tr>
                <th scope="row">{competencyText(line, props.lang)}</th>
                <td>{importanceText(line.importance, props.lang)}</td>
                <td class="num">{line.target ?? t.ipNoTarget}</td>
                <td class="num">{line.agreed ?? t.ipNotAssessed}</td>
                <td>{gapText(line.gap, props.lang)}</td>
                <td>{line.gap.kind === "assessed" && line.gap.gap > 0 && <Resources {...props} line={line} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Resources(props: PersonInsightsProps & { line: CompetencyLine }) {
  const t = messages(props.lang);
  const { lang, slug } = props;
  const resources = props.resources.get(props.line.key) ?? [];
  return (
    <>
      {resources.length === 0 ? (
        <p>
          {t.ipNoResources}{" "}
          <a href={`${learningUrls.list(lang, slug)}?competency=${encodeURIComponent(props.line.key)}`}>
            {t.ipBrowseCatalogue}
          </a>
        </p>
      ) : (
        <ul>
          {resources.map((resource) => (
            <li>
              <a href={learningUrls.resource(lang, slug, resource.id)}>{resourceTitle(resource, lang)}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={personInsightsUrls.plans(lang, slug, props.personId)}>{t.ipPlanLink}</a>
      </p>
    </>
  );
}
