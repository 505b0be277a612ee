/** The security log page: a filter by kind, a table of events, and a link to older ones. */
import { formatDateTime, type Lang, messages } from "../i18n/index.ts";
import { SECURITY_EVENT_KINDS, type SecurityEventKind, type StoredSecurityEvent } from "./events.ts";

export interface SecurityLogProps {
  lang: Lang;
  events: StoredSecurityEvent[];
  kind?: SecurityEventKind;
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
      <form method="get" action={logUrl(lang, {})} class="inline-filter">
        <label for="log-kind">{t.logFilterLabel}</label>{" "}
        <select id="log-kind" name="kind">
          <option value="">{t.logAllKinds}</option>
          {SECURITY_EVENT_KINDS.map((kind) => (
            <option value={kind} selected={props.kind === kind}>
              {t.logKind(kind)}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t.logFilterButton}</button>
      </form>
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
