/** The organisation's review cycles: state, period and counts, with the way to a new one. */
import { formatDay, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import { Notice } from "../../../ui/forms/index.ts";
import type { CycleSummary } from "../store.ts";
import { cycleUrls } from "../urls.ts";

export function CyclesPage(props: { frame: OrganisationFrame; cycles: CycleSummary[]; notice?: string }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  return (
    <>
      <OrganisationNav {...props.frame} current="cycles" />
      <h1>{t.cyclesTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.cyclesIntro}</p>
      <p>
        <a href={cycleUrls.create(lang, slug)}>{t.cyclesNewLink}</a>
      </p>
      {props.cycles.length === 0 ? (
        <p>{t.cyclesEmpty}</p>
      ) : (
        <table>
          <caption>{t.cyclesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.cyclesColName}</th>
              <th scope="col">{t.cyclesColState}</th>
              <th scope="col">{t.cyclesColPeriod}</th>
              <th scope="col">{t.cyclesColAssessments}</th>
              <th scope="col">{t.cyclesColSignedOff}</th>
            </tr>
          </thead>
          <tbody>
            {props.cycles.map((cycle) => (
              <tr>
                <th scope="row">
                  <a href={cycleUrls.cycle(lang, slug, cycle.id)}>{cycle.name[lang]}</a>
                </th>
                <td>{t.cyclesCycleState(cycle.state)}</td>
                <td>{t.cyclesPeriod(formatDay(cycle.periodStart, lang), formatDay(cycle.periodEnd, lang))}</td>
                <td>{t.cyclesCount(cycle.assessments)}</td>
                <td>{t.cyclesCount(cycle.signedOff)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
