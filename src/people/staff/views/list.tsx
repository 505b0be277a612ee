/**
 * The people list: a filter form (GET, so a filtered list has an address and works without
 * JavaScript), a table whose column headings sort it, and pages.
 */
import { type Lang, messages } from "../../../i18n/index.ts";
import { Form, SelectField, Submit, TextField } from "../../../ui/forms/index.ts";
import { PrivacyNoticeLink } from "../../privacy/notice.tsx";
import { PERSON_STATUSES } from "../fields.ts";
import { PEOPLE_SORTS, type PeoplePage, type PeopleSort } from "../queries.ts";
import { staffUrls } from "../urls.ts";
import { displayName, statusLabel, unitName } from "./common.tsx";

export interface PeopleFilters {
  q?: string;
  unit?: string;
  status?: string;
  manager?: string;
  sort: PeopleSort;
  desc: boolean;
  page: number;
  size: number;
}

export interface PeopleListProps {
  lang: Lang;
  org: string;
  organisationName: string;
  /** Everyone (an administrator), or a manager's team. */
  scope: "organisation" | "team";
  canAdd: boolean;
  filters: PeopleFilters;
  result: PeoplePage;
  units: { value: string; label: string }[];
  managers: { value: string; label: string }[];
  notice?: string;
}

const sortColumn = (sort: PeopleSort, lang: Lang) => {
  const t = messages(lang);
  return {
    name: t.staffColumnName,
    employeeNumber: t.staffColumnEmployeeNumber,
    unit: t.staffColumnUnit,
    status: t.staffColumnStatus,
    manager: t.staffColumnManager,
  }[sort];
};

export function PeopleListPage(props: PeopleListProps) {
  const { lang, filters, result } = props;
  const t = messages(lang);
  const link = (changes: Partial<PeopleFilters>) => {
    const next = { ...filters, ...changes };
    return staffUrls.people(lang, props.org, {
      q: next.q,
      unit: next.unit,
      status: next.status,
      manager: next.manager,
      sort: next.sort === "name" ? undefined : next.sort,
      desc: next.desc,
      page: next.page > 1 ? next.page : undefined,
      size: next.size === 50 ? undefined : next.size,
    });
  };
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.total, result.page * result.pageSize);
  const lastPage = Math.max(1, Math.ceil(result.total / result.pageSize));

  const heading = (sort: PeopleSort) => {
    const label = sortColumn(sort, lang);
    const current = filters.sort === sort;
    return (
      <th scope="col" aria-sort={current ? (filters.desc ? "descending" : "ascending") : undefined}>
        <a
          href={link({ sort, desc: current ? !filters.desc : false, page: 1 })}
          aria-label={current ? t.staffSortedBy(label, filters.desc) : t.staffSortBy(label)}
        >
          {label}
          {current && <span aria-hidden="true">{filters.desc ? " ▼" : " ▲"}</span>}
        </a>
      </th>
    );
  };

  return (
    <>
      <h1>{t.staffPeopleTitleIn(props.organisationName)}</h1>
      <p>{props.scope === "organisation" ? t.staffPeopleIntroAdministrator : t.staffPeopleIntroManager}</p>
      {props.canAdd && (
        <p>
          <a class="button" href={staffUrls.newPerson(lang, props.org)}>
            {t.staffAddPerson}
          </a>
        </p>
      )}
      <Form
        lang={lang}
        method="get"
        action={staffUrls.people(lang, props.org)}
        class="inline-filter"
        role="search"
        label={t.staffFilterLabel}
        values={{
          q: filters.q,
          unit: filters.unit ?? "",
          status: filters.status ?? "",
          manager: filters.manager ?? "",
          sort: filters.sort,
          desc: filters.desc ? "1" : "",
        }}
      >
        <TextField name="q" type="search" label={t.staffSearchLabel} maxlength={200} />
        <SelectField
          name="unit"
          label={t.staffUnitLabel}
          options={[{ value: "", label: t.staffAllUnits }, ...props.units]}
        />
        <SelectField
          name="status"
          label={t.staffStatusLabel}
          options={[
            { value: "", label: t.staffAllStatuses },
            ...PERSON_STATUSES.map((status) => ({ value: status, label: statusLabel(status, lang) })),
          ]}
        />
        {props.managers.length > 0 && (
          <SelectField
            name="manager"
            label={t.staffManagerFilterLabel}
            options={[{ value: "", label: t.staffAnyManager }, ...props.managers]}
          />
        )}
        <SelectField
          name="sort"
          label={t.staffSortLabel}
          options={PEOPLE_SORTS.map((sort) => ({ value: sort, label: sortColumn(sort, lang) }))}
        />
        <SelectField
          name="desc"
          label={t.staffDescendingLabel}
          options={[
            { value: "", label: "▲" },
            { value: "1", label: "▼" },
          ]}
        />
        <Submit>{t.staffFilterButton}</Submit> <a href={staffUrls.people(lang, props.org)}>{t.staffClearFilters}</a>
      </Form>
      {props.notice && (
        <p role="status" class="notice">
          {props.notice}
        </p>
      )}
      {result.rows.length === 0 ? (
        <p>{t.staffNoneFound}</p>
      ) : (
        <>
          <p>{t.staffShowing(from, to, result.total)}</p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t.staffPeopleCaption}</caption>
              <thead>
                <tr>
                  {heading("name")}
                  {heading("employeeNumber")}
                  {heading("unit")}
                  {heading("status")}
                  {heading("manager")}
                  <th scope="col">{t.staffColumnEmail}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr>
                    <td>
                      <a href={staffUrls.person(lang, props.org, row.id)}>{displayName(row)}</a>
                    </td>
                    <td>{row.employeeNumber}</td>
                    <td>{unitName({ en: row.unitNameEn, fr: row.unitNameFr }, lang)}</td>
                    <td>{statusLabel(row.status, lang)}</td>
                    <td>{row.managerName ?? ""}</td>
                    <td>{row.email ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {lastPage > 1 && (
        <nav aria-label={t.staffPaging}>
          <ul class="page-actions">
            {result.page > 1 && (
              <li>
                <a rel="prev" href={link({ page: result.page - 1 })}>
                  {t.staffPreviousPage}
                </a>
              </li>
            )}
            {result.page < lastPage && (
              <li>
                <a rel="next" href={link({ page: result.page + 1 })}>
                  {t.staffNextPage}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
      <PrivacyNoticeLink lang={lang} organisation={{ slug: props.org }} />
    </>
  );
}
