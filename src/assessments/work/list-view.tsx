/**
 * The list of assessments: one's own, and one's reports' (or, for HR, the organisation's) — the
 * latter with a filter form (GET, so a filtered list has an address and works without JavaScript)
 * and pages.
 */
import { ASSESSMENT_STATES } from "../../db/migrations/017_assessments.ts";
import { pick } from "../../i18n/bilingual.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import { Form, SelectField, Submit, TextField } from "../../ui/forms/index.ts";
import type { AssessmentListParams, AssessmentPage, ListedAssessment } from "./list.ts";
import { assessmentUrls } from "./urls.ts";

const shown = (text: { en: string | null; fr: string | null }, lang: Lang) => pick(text, lang)?.value ?? "";

export interface AssessmentListProps extends OrganisationFrame {
  mine: ListedAssessment[];
  others: AssessmentPage;
  /** HR sees every assessment of the organisation. */
  all: boolean;
  /** Whether the actor has any assessment to list beside their own (reports, or HR). */
  hasOthers: boolean;
  filters: AssessmentListParams;
  cycles: { id: string; name_en: string; name_fr: string }[];
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

/** The address of the list with these filters (empty ones left out, page 1 implied). */
function listLink(lang: Lang, slug: string, filters: AssessmentListParams) {
  const query = new URLSearchParams();
  if (filters.q) query.set("q", filters.q);
  if (filters.cycle) query.set("cycle", filters.cycle);
  if (filters.state) query.set("state", filters.state);
  if (filters.page > 1) query.set("page", String(filters.page));
  const text = query.toString();
  return `${assessmentUrls.list(lang, slug)}${text ? `?${text}` : ""}`;
}

function OthersSection(props: AssessmentListProps) {
  const { lang, filters, others } = props;
  const t = messages(lang);
  const lastPage = Math.max(1, Math.ceil(others.total / others.pageSize));
  const from = others.total === 0 ? 0 : (others.page - 1) * others.pageSize + 1;
  const to = Math.min(others.total, others.page * others.pageSize);
  const caption = props.all ? t.awListAll : t.awListReports;
  return (
    <section aria-labelledby="aw-others">
      <h2 id="aw-others">{caption}</h2>
      <Form
        lang={lang}
        method="get"
        action={assessmentUrls.list(lang, props.slug)}
        class="inline-filter"
        role="search"
        label={t.awListFilterLabel}
        values={{ q: filters.q, cycle: filters.cycle ?? "", state: filters.state ?? "" }}
      >
        <TextField name="q" type="search" label={t.awListSearchLabel} maxlength={200} />
        <SelectField
          name="cycle"
          label={t.awListCycleLabel}
          options={[
            { value: "", label: t.awListAllCycles },
            ...props.cycles.map((cycle) => ({
              value: cycle.id,
              label: shown({ en: cycle.name_en, fr: cycle.name_fr }, lang),
            })),
          ]}
        />
        <SelectField
          name="state"
          label={t.awListStateLabel}
          options={[
            { value: "", label: t.awListAllStates },
            ...ASSESSMENT_STATES.map((state) => ({ value: state, label: t.awStateName(state) })),
          ]}
        />
        <Submit>{t.awListFilterSubmit}</Submit>
      </Form>
      {others.total === 0 ? (
        <p>{t.awListNoMatch}</p>
      ) : (
        <>
          <p role="status">{t.awListShowing(from, to, others.total)}</p>
          <ListTable rows={others.rows} lang={lang} slug={props.slug} caption={caption} />
        </>
      )}
      {lastPage > 1 && (
        <nav aria-label={t.awListPaging}>
          <ul class="page-actions">
            {others.page > 1 && (
              <li>
                <a rel="prev" href={listLink(lang, props.slug, { ...filters, page: others.page - 1 })}>
                  {t.awListPrevious}
                </a>
              </li>
            )}
            {others.page < lastPage && (
              <li>
                <a rel="next" href={listLink(lang, props.slug, { ...filters, page: others.page + 1 })}>
                  {t.awListNext}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}

export function AssessmentListPage(props: AssessmentListProps) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.awListTitle}</h1>
      <OrganisationNav {...props} />
      <p>{t.awListIntro}</p>
      {props.mine.length === 0 && !props.hasOthers && <p>{t.awListNone}</p>}
      {props.mine.length > 0 && (
        <ListTable rows={props.mine} lang={props.lang} slug={props.slug} caption={t.awListMine} />
      )}
      {props.hasOthers && <OthersSection {...props} />}
    </>
  );
}
