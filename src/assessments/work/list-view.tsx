/** The list of assessments: one's own, and one's reports' (or, for HR, the organisation's). */
import { pick } from "../../i18n/bilingual.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import type { ListedAssessment } from "./read.ts";
import { assessmentUrls } from "./urls.ts";

const shown = (text: { en: string | null; fr: string | null }, lang: Lang) => pick(text, lang)?.value ?? "";

export interface AssessmentListProps extends OrganisationFrame {
  mine: ListedAssessment[];
  others: ListedAssessment[];
  /** HR sees every assessment of the organisation. */
  all: boolean;
}

function ListTable(props: { rows: ListedAssessment[]; lang: Lang; slug: string; caption: string }) {
  const t = messages(props.lang);
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.awColumnPerson}</th>
          <th scope="col">{t.awColumnCycle}</th>
          <th scope="col">{t.awColumnState}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">
              <a href={assessmentUrls.page(props.lang, props.slug, row.id)}>{row.personName}</a>
            </th>
            <td>{shown(row.cycleName, props.lang)}</td>
            <td>{t.awStateName(row.state)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AssessmentListPage(props: AssessmentListProps) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.awListTitle}</h1>
      <OrganisationNav {...props} />
      <p>{t.awListIntro}</p>
      {props.mine.length === 0 && props.others.length === 0 && <p>{t.awListNone}</p>}
      {props.mine.length > 0 && (
        <ListTable rows={props.mine} lang={props.lang} slug={props.slug} caption={t.awListMine} />
      )}
      {props.others.length > 0 && (
        <ListTable
          rows={props.others}
          lang={props.lang}
          slug={props.slug}
          caption={props.all ? t.awListAll : t.awListReports}
        />
      )}
    </>
  );
}
