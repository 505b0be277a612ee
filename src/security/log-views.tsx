/** The security log page: a filter by kind, a table of events, and a link to older ones. */
import { formatDateTime, type Lang, messages } from "../i18n/index.ts";
import { ErrorSummary, type FieldErrors, Form, SelectField, Submit } from "../ui/forms/index.ts";
import { SECURITY_EVENT_KINDS, type SecurityEventKind, type StoredSecurityEvent } from "./events.ts";

export interface SecurityLogProps {
  lang: Lang;
  events: StoredSecurityEvent[];
  kind?: SecurityEventKind;
  /** What is wrong with the filter asked for (a kind the log does not know). */
  errors?: FieldErrors;
  /** Cursor of the next (older) page. */
  next?: string;
  /** Whether this is an older page (a link back to the newest is shown). */
  paged: boolean;
}

const logUrl = (lang: Lang, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const text = query.toString();
  return `/${lang}/admin/security-log${text ? `?${text}` : ""}`;
};

function details(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export function SecurityLogPage(props: SecurityLogProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <>
      <h1>{t.logTitle}</h1>
      <p>{t.logIntro}</p>
      <ErrorSummary lang={lang} errors={props.errors} labels={{ kind: t.logFilterLabel }} />
      <Form lang={lang} method="get" action={logUrl(lang, {})} class="inline-filter" errors={props.errors}>
        <SelectField
          bare
          name="kind"
          label={t.logFilterLabel}
          value={props.kind ?? ""}
          options={[
            { value: "", label: t.logAllKinds },
            ...SECURITY_EVENT_KINDS.map((kind) => ({ value: kind, label: t.logKind(kind) })),
          ]}
        />{" "}
        <Submit>{t.logFilterButton}</Submit>
      </Form>
      {props.events.length === 0 ? (
        <p>{t.logEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.logCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.logColumnWhen}</th>
                <th scope="col">{t.logColumnEvent}</th>
                <th scope="col">{t.logColumnBy}</th>
                <th scope="col">{t.logColumnAccount}</th>
                <th scope="col">{t.logColumnAddress}</th>
                <th scope="col">{t.logColumnRequest}</th>
                <th scope="col">{t.logColumnDetails}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((event) => (
                <tr>
                  <td>
                    <time datetime={event.at}>{formatDateTime(event.at, lang)}</time>
                  </td>
                  <td>{t.logKind(event.kind)}</td>
                  <td>{event.actorLabel ?? t.logAnonymous}</td>
                  <td>{event.subjectLabel ?? ""}</td>
                  <td>{event.address ?? ""}</td>
                  <td>
                    <code>{event.requestId ?? ""}</code>
                  </td>
                  <td>{details(event.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul class="page-actions">
        {props.next && (
          <li>
            <a href={logUrl(lang, { kind: props.kind, before: props.next })}>{t.logOlder}</a>
          </li>
        )}
        {props.paged && (
          <li>
            <a href={logUrl(lang, { kind: props.kind })}>{t.logNewest}</a>
          </li>
        )}
      </ul>
    </>
  );
}
