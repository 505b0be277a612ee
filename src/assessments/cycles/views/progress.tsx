/** HR's progress page of a cycle: counts per state, overdue, a filter, each person's row, downloads. */
import { formatDay, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import { Form, SelectField, Submit } from "../../../ui/forms/index.ts";
import { ASSESSMENT_STATES, type Progress } from "../progress.ts";
import type { UnitChoice } from "../progress-read.ts";
import type { Cycle } from "../store.ts";
import { cycleUrls } from "../urls.ts";

export interface ProgressPageProps {
  frame: OrganisationFrame;
  cycle: Cycle;
  progress: Progress & { units: UnitChoice[] };
  today: string;
  filter: { unit: string; state: string };
}

export function ProgressPage(props: ProgressPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { cycle, progress } = props;
  const total = Object.values(progress.counts).reduce((a, b) => a + b, 0);
  const query = new URLSearchParams(Object.entries(props.filter).filter(([, v]) => v !== "")).toString();
  const withQuery = (url: string) => (query ? `${url}?${query}` : url);
  return (
    <>
      <OrganisationNav {...props.frame} current="cycles" />
      <h1>{t.cyclesProgressTitle(cycle.name[lang])}</h1>
      <p>
        <a href={cycleUrls.cycle(lang, slug, cycle.id)}>{cycle.name[lang]}</a>
      </p>
      <p>{t.cyclesProgressToday(formatDay(props.today, lang))}</p>
      <table>
        <caption>{t.cyclesCountsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cyclesColState}</th>
            <th scope="col">{t.cyclesColCount}</th>
          </tr>
        </thead>
        <tbody>
          {ASSESSMENT_STATES.map((state) => (
            <tr>
              <th scope="row">{t.cyclesAssessmentState(state)}</th>
              <td>{t.cyclesCount(progress.counts[state])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.cyclesOverdueCount(progress.overdue)}</p>
      <Form
        lang={lang}
        method="get"
        action={cycleUrls.progress(lang, slug, cycle.id)}
        role="search"
        label={t.cyclesFilterLabel}
        values={props.filter}
      >
        <SelectField
          name="unit"
          label={t.cyclesFilterUnit}
          options={[
            { value: "", label: t.cyclesAllUnits },
            ...progress.units.map((u) => ({ value: u.id, label: u.name[lang] })),
          ]}
        />
        <SelectField
          name="state"
          label={t.cyclesFilterState}
          options={[
            { value: "", label: t.cyclesAllStates },
            ...ASSESSMENT_STATES.map((s) => ({ value: s, label: t.cyclesAssessmentState(s) })),
          ]}
        />
        <Submit>{t.cyclesFilterButton}</Submit>
      </Form>
      <ul class="link-list">
        <li>
          <a href={withQuery(cycleUrls.download(lang, slug, cycle.id, "csv"))} download>
            {t.cyclesDownloadCsv}
          </a>
        </li>
        <li>
          <a href={withQuery(cycleUrls.download(lang, slug, cycle.id, "xlsx"))} download>
            {t.cyclesDownloadXlsx}
          </a>
        </li>
      </ul>
      {progress.rows.length === 0 ? (
        <p>{total === 0 ? t.cyclesProgressEmpty : t.cyclesProgressNone}</p>
      ) : (
        <table>
          <caption>{t.cyclesProgressCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.cyclesColPerson}</th>
              <th scope="col">{t.cyclesColUnit}</th>
              <th scope="col">{t.cyclesColManager}</th>
              <th scope="col">{t.cyclesColState}</th>
              <th scope="col">{t.cyclesColStep}</th>
              <th scope="col">{t.cyclesColDue}</th>
            </tr>
          </thead>
          <tbody>
            {progress.rows.map((row) => (
              <tr>
                <th scope="row">
                  {row.name} <span class="meta">({row.employeeNumber})</span>
                </th>
                <td>{row.unitName ? row.unitName[lang] : t.cyclesNone}</td>
                <td>{row.managerName ?? t.cyclesNone}</td>
                <td>{t.cyclesAssessmentState(row.state)}</td>
                <td>{row.step ? t.cyclesStepName(row.step) : t.cyclesNone}</td>
                <td>
                  {row.due ? formatDay(row.due, lang) : t.cyclesNone}
                  {row.overdue && (
                    <>
                      {" "}
                      <strong class="badge">{t.cyclesOverdue}</strong>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
