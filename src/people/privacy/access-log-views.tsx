/** The access log pages: the organisation's (its administrators) and one person's ("who viewed my record"). */
import type { Organisation } from "../../db/schema.ts";
import { formatDateTime, type Lang, messages } from "../../i18n/index.ts";
import { ErrorSummary, type FieldErrors, Form, Hidden, Submit, TextField } from "../../ui/forms/index.ts";
import type { AccessLogEntry, AccessLogFilter } from "./access-log-store.ts";
import { PrivacyNoticeLink } from "./notice.tsx";
import { privacyUrls } from "./urls.ts";

type FilterValues = Pick<AccessLogFilter, "person" | "viewer" | "from" | "to">;

export function OrganisationAccessLogPage(props: {
  lang: Lang;
  organisation: Organisation;
  /** The organisation's effective time zone (decision 054): when each reading happened, there. */
  timeZone: string;
  filter: FilterValues & { personId?: string };
  /** The person the log is narrowed to, when it is (a link from their pages). */
  personName?: string;
  errors?: FieldErrors;
  entries: AccessLogEntry[];
  next?: string;
  paged: boolean;
}) {
  const { lang, organisation, filter } = props;
  const t = messages(lang);
  const slug = organisation.slug;
  const query = { ...filter };
  return (
    <>
      <h1>{t.privacyAccessLogTitle}</h1>
      <p>{t.privacyAccessLogIntro}</p>
      <ErrorSummary
        lang={lang}
        errors={props.errors}
        labels={{
          person: t.privacyFilterPerson,
          viewer: t.privacyFilterViewer,
          from: t.privacyFilterFrom,
          to: t.privacyFilterTo,
        }}
      />
      <Form
        lang={lang}
        method="get"
        action={privacyUrls.accessLog(lang, slug)}
        label={t.privacyFilterLegend}
        class="filter-form"
        errors={props.errors}
        values={filter}
      >
        {filter.personId && <Hidden name="personId" value={filter.personId} />}
        {props.personName ? (
          <p>{t.privacyFilterNarrowed(props.personName)}</p>
        ) : (
          <TextField name="person" label={t.privacyFilterPerson} hint={t.privacyFilterPersonHint} maxlength={200} />
        )}
        <TextField name="viewer" label={t.privacyFilterViewer} maxlength={200} />
        <TextField name="from" type="date" label={t.privacyFilterFrom} />
        <TextField name="to" type="date" label={t.privacyFilterTo} />
        <Submit>{t.privacyFilterButton}</Submit>
      </Form>
      {(filter.person || filter.viewer || filter.from || filter.to || filter.personId) && (
        <p>
          <a href={privacyUrls.accessLog(lang, slug)}>{t.privacyFilterClear}</a>
        </p>
      )}
      <AccessTable
        lang={lang}
        organisation={organisation}
        timeZone={props.timeZone}
        entries={props.entries}
        withPerson
      />
      <ul class="page-actions">
        {props.next && (
          <li>
            <a href={privacyUrls.accessLog(lang, slug, { ...query, before: props.next })}>{t.privacyOlder}</a>
          </li>
        )}
        {props.paged && (
          <li>
            <a href={privacyUrls.accessLog(lang, slug, query)}>{t.privacyNewest}</a>
          </li>
        )}
      </ul>
      <PrivacyNoticeLink lang={lang} organisation={organisation} />
    </>
  );
}

export function PersonAccessLogPage(props: {
  lang: Lang;
  organisation: Organisation;
  timeZone: string;
  personId: string;
  personName: string;
  self: boolean;
  entries: AccessLogEntry[];
  next?: string;
  paged: boolean;
}) {
  const { lang, organisation } = props;
  const t = messages(lang);
  return (
    <>
      <h1>{props.self ? t.privacyMyAccessLogTitle : t.privacyPersonAccessLogTitle(props.personName)}</h1>
      <p>{props.self ? t.privacyMyAccessLogIntro : t.privacyPersonAccessLogIntro}</p>
      <AccessTable lang={lang} organisation={organisation} timeZone={props.timeZone} entries={props.entries} />
      <ul class="page-actions">
        {props.next && (
          <li>
            <a href={privacyUrls.personAccessLog(lang, organisation.slug, props.personId, props.next)}>
              {t.privacyOlder}
            </a>
          </li>
        )}
        {props.paged && (
          <li>
            <a href={privacyUrls.personAccessLog(lang, organisation.slug, props.personId)}>{t.privacyNewest}</a>
          </li>
        )}
        <li>
          <a href={privacyUrls.personData(lang, organisation.slug, props.personId)}>
            {props.self ? t.privacyMyDataLink : t.privacyPersonDataLink}
          </a>
        </li>
      </ul>
      <PrivacyNoticeLink lang={lang} organisation={organisation} />
    </>
  );
}

function AccessTable(props: {
  lang: Lang;
  organisation: Organisation;
  timeZone: string;
  entries: AccessLogEntry[];
  withPerson?: boolean;
}) {
  const { lang } = props;
  const t = messages(lang);
  if (props.entries.length === 0) return <p>{t.privacyAccessNone}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t.privacyAccessLogCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.privacyColumnWhen}</th>
            <th scope="col">{t.privacyColumnViewer}</th>
            {props.withPerson && <th scope="col">{t.privacyColumnPerson}</th>}
            <th scope="col">{t.privacyColumnWhat}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>
                <time datetime={entry.at}>{formatDateTime(entry.at, lang, props.timeZone)}</time>
              </td>
              <td>{entry.actorLabel}</td>
              {props.withPerson && (
                <td>
                  <a href={privacyUrls.accessLog(lang, props.organisation.slug, { personId: entry.personId })}>
                    {entry.personName}
                  </a>{" "}
                  ({entry.employeeNumber})
                </td>
              )}
              <td>{t.privacyAccessKind(entry.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
