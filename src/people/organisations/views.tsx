/** An organisation's own pages: home, settings, administrators, change history. */
import { formatDateTime, type Lang, messages } from "../../i18n/index.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  Notice,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import type { ChangeAction, ChangeSubject, StoredChange } from "./changes.ts";
import { OrganisationFields } from "./fields.tsx";
import type { Administrator } from "./store.ts";
import { orgUrls } from "./urls.ts";

/** What the actor may open in this organisation (asked of the policy by the route). */
export interface OrganisationLinks {
  units: boolean;
  settings: boolean;
  roles: boolean;
  history: boolean;
  /** The proficiency scale and the job profiles (issue 14), served by src/profiles. */
  scale: boolean;
  profiles: boolean;
  /** Review cycles (issue 15), served by src/assessments: administrators only. */
  cycles: boolean;
  /** The learning resources catalogue (issue 16), served by src/insights. */
  learning: boolean;
  /** The organisation's training priorities (issue 16): HR and managers. */
  insights: boolean;
}

export interface OrganisationFrame {
  lang: Lang;
  slug: string;
  name: string;
  links: OrganisationLinks;
  /** The organisation's effective time zone (decision 054): the times and "today" its pages show. */
  timeZone: string;
}

/** The organisation's own navigation, on each of its pages. */
export function OrganisationNav(props: OrganisationFrame & { current?: keyof OrganisationLinks | "home" }) {
  const t = messages(props.lang);
  const entries: [keyof OrganisationLinks | "home", string, string][] = [
    ["home", orgUrls.home(props.lang, props.slug), props.name],
    ["units", orgUrls.units(props.lang, props.slug), t.unitsTitle],
    ["settings", orgUrls.settings(props.lang, props.slug), t.orgSettingsTitle],
    ["roles", orgUrls.roles(props.lang, props.slug), t.orgRolesTitle],
    ["scale", orgUrls.scale(props.lang, props.slug), t.scaleTitle],
    ["profiles", orgUrls.profiles(props.lang, props.slug), t.profilesTitle],
    ["cycles", orgUrls.cycles(props.lang, props.slug), t.cyclesTitle],
    ["learning", orgUrls.learning(props.lang, props.slug), t.learningTitle],
    ["insights", orgUrls.insights(props.lang, props.slug), t.ioTitle],
    ["history", orgUrls.history(props.lang, props.slug), t.orgHistoryTitle],
  ];
  return (
    <nav class="org-nav" aria-label={t.orgNavLabel}>
      <ul>
        {entries
          .filter(([key]) => key === "home" || props.links[key])
          .map(([key, href, label]) => (
            <li>
              <a href={href} aria-current={props.current === key ? "page" : undefined}>
                {label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

export function HomePage(props: OrganisationFrame & { units: number }) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{props.name}</h1>
      <p>{t.orgHomeIntro}</p>
      <OrganisationNav {...props} current="home" />
      {props.links.units && <p class="meta">{t.orgUnitsCount(props.units)}</p>}
    </>
  );
}

export function SettingsPage(
  props: OrganisationFrame & { values: FormValues; errors?: FieldErrors; saved?: boolean; instanceZone: string },
) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.orgSettingsTitle}</h1>
      <OrganisationNav {...props} current="settings" />
      {props.saved && <Notice>{t.orgSettingsSaved}</Notice>}
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <Form
        lang={props.lang}
        action={orgUrls.settings(props.lang, props.slug)}
        class="stacked-form"
        novalidate
        errors={props.errors}
        values={props.values}
      >
        <OrganisationFields lang={props.lang} slugNote={t.orgSettingsSlugNote} instanceZone={props.instanceZone} />
        <Submit>{t.orgSettingsSave}</Submit>
      </Form>
      {/* The development plans' own settings (src/insights/plans). */}
      <p>
        <a href={`/${props.lang}/orgs/${encodeURIComponent(props.slug)}/plans/settings`}>{t.planSettingsLink}</a>
      </p>
    </>
  );
}

export function RolesPage(
  props: OrganisationFrame & {
    administrators: Administrator[];
    selfId: string;
    notice?: string;
    message?: string;
    values?: FormValues;
    errors?: FieldErrors;
  },
) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <>
      <h1>{t.orgRolesTitle}</h1>
      <OrganisationNav {...props} current="roles" />
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.orgRolesIntro}</p>
      {props.administrators.length === 0 ? (
        <p>{t.orgNoAdministrators}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.orgRolesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.orgColumnAccount}</th>
                <th scope="col">{t.orgColumnSince}</th>
                <th scope="col">{t.orgColumnActions}</th>
              </tr>
            </thead>
            <tbody>
              {props.administrators.map((administrator) => (
                <tr>
                  <td>
                    {administrator.name && `${administrator.name} · `}
                    {administrator.email}
                    {administrator.userId === props.selfId && <span class="meta"> {t.authYou}</span>}
                  </td>
                  <td>{formatDateTime(administrator.grantedAt, lang, props.timeZone)}</td>
                  <td>
                    <ButtonForm
                      lang={lang}
                      action={orgUrls.removeRole(lang, props.slug, administrator.userId)}
                      class="button--quiet"
                    >
                      {t.orgRemoveAdministrator}
                      <span class="visually-hidden"> {t.orgRemoveFor(administrator.email)}</span>
                    </ButtonForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="appoint">{t.orgAppointHeading}</h2>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <Form
        lang={lang}
        action={orgUrls.roles(lang, props.slug)}
        class="stacked-form"
        novalidate
        errors={props.errors}
        values={props.values}
      >
        <TextField name="email" type="email" label={t.authEmailLabel} required maxlength={254} autocomplete="off" />
        <Submit>{t.orgAppointButton}</Submit>
      </Form>
    </>
  );
}

export function subjectLabel(lang: Lang, subject: ChangeSubject): string {
  const t = messages(lang);
  return {
    organisation: t.historySubjectOrganisation,
    unit: t.historySubjectUnit,
    person: t.historySubjectPerson,
    role: t.historySubjectRole,
    profile: t.historySubjectProfile,
    posting: t.historySubjectPosting,
    scale: t.historySubjectScale,
    cycle: t.historySubjectCycle,
  }[subject];
}

function actionLabel(lang: Lang, action: ChangeAction): string {
  const t = messages(lang);
  return {
    create: t.historyActionCreate,
    update: t.historyActionUpdate,
    delete: t.historyActionDelete,
    import: t.historyActionImport,
    purge: t.historyActionPurge,
  }[action];
}

const shown = (value: unknown, lang: Lang): string => {
  if (value === null || value === undefined || value === "") return messages(lang).historyEmpty;
  return typeof value === "string" ? value : JSON.stringify(value);
};

/** What the change was about, by the name it had (a unit's or a person's), when it says one. */
function subjectName(change: StoredChange, lang: Lang): string | undefined {
  const values = { ...change.before, ...change.after };
  const named = values[`name_${lang}`] ?? values.name ?? values.account ?? values.email;
  if (typeof named === "string") return named;
  const given = values.given_name ?? values.givenName;
  const family = values.family_name ?? values.familyName;
  return typeof given === "string" || typeof family === "string"
    ? [given, family].filter(Boolean).join(" ")
    : undefined;
}

function Details(props: { change: StoredChange; lang: Lang }) {
  const before = props.change.before ?? {};
  const after = props.change.after ?? {};
  // Values carried on both sides only to name the subject (a unit's names on a move) are not changes.
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !(key in before && key in after && JSON.stringify(before[key]) === JSON.stringify(after[key])),
  );
  if (keys.length === 0) return null;
  return (
    <ul class="history-details">
      {keys.map((key) => (
        <li>
          <code>{key}</code>:{" "}
          {props.change.action === "update" || (key in before && key in after)
            ? `${shown(before[key], props.lang)} → ${shown(after[key], props.lang)}`
            : shown(key in after ? after[key] : before[key], props.lang)}
        </li>
      ))}
    </ul>
  );
}

export interface HistoryPageProps extends OrganisationFrame {
  changes: StoredChange[];
  total: number;
  offset: number;
  pageSize: number;
  subject?: ChangeSubject;
  subjects: readonly ChangeSubject[];
}

export function HistoryPage(props: HistoryPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const base = orgUrls.history(lang, props.slug);
  const link = (offset: number) => {
    const query = new URLSearchParams();
    if (props.subject) query.set("subject", props.subject);
    if (offset > 0) query.set("offset", String(offset));
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  const from = props.offset + 1;
  const to = props.offset + props.changes.length;
  return (
    <>
      <h1>{t.orgHistoryTitle}</h1>
      <OrganisationNav {...props} current="history" />
      <p>{t.historyIntro}</p>
      <Form lang={lang} action={base} method="get" label={t.historyFilterForm} class="inline-filter">
        <SelectField
          name="subject"
          label={t.historyFilterLabel}
          value={props.subject ?? ""}
          options={[
            { value: "", label: t.historyFilterAll },
            ...props.subjects.map((subject) => ({ value: subject, label: subjectLabel(lang, subject) })),
          ]}
        />
        <Submit>{t.historyFilterButton}</Submit>
      </Form>
      {props.changes.length === 0 ? (
        <p>{t.historyNone}</p>
      ) : (
        <>
          <p class="meta">{t.historyPages(from, to, props.total)}</p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t.historyCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.historyWhen}</th>
                  <th scope="col">{t.historyWho}</th>
                  <th scope="col">{t.historyWhat}</th>
                  <th scope="col">{t.historyDetails}</th>
                </tr>
              </thead>
              <tbody>
                {props.changes.map((change) => {
                  const name = subjectName(change, lang);
                  return (
                    <tr>
                      <td>{formatDateTime(change.at, lang, props.timeZone)}</td>
                      <td>{change.actorLabel}</td>
                      <td>
                        {subjectLabel(lang, change.subject)}
                        {name && (lang === "fr" ? ` « ${name} »` : ` “${name}”`)} — {actionLabel(lang, change.action)}
                      </td>
                      <td>
                        <Details change={change} lang={lang} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label={t.historyCaption}>
            {props.offset > 0 && <a href={link(Math.max(0, props.offset - props.pageSize))}>{t.historyNewer}</a>}{" "}
            {to < props.total && <a href={link(to)}>{t.historyOlder}</a>}
          </nav>
        </>
      )}
    </>
  );
}
