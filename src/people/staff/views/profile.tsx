/** A person's record: the fields held, the manager line up (nearest first) and the direct reports. */
import { formatDateTime, type Lang, messages } from "../../../i18n/index.ts";
import { PrivacyNoticeLink } from "../../privacy/notice.tsx";
import { privacyUrls } from "../../privacy/urls.ts";
import type { PersonProfile, PersonSummary } from "../queries.ts";
import { staffUrls } from "../urls.ts";
import { displayName, langLabel, statusLabel, statusText, unitName } from "./common.tsx";

export interface ProfileProps {
  lang: Lang;
  org: string;
  /** The organisation's effective time zone (decision 054). */
  timeZone: string;
  profile: PersonProfile;
  /** Whether the reader may open these people's records (links only where they lead somewhere). */
  canOpen: (personId: string) => boolean;
  canEdit: boolean;
  canList: boolean;
  /** The person's development plans (src/insights/plans, at …/people/:person/plans). */
  canReadPlans?: boolean;
  self: boolean;
  /** The reader may see the person's insights (src/insights/person). */
  canSeeInsights?: boolean;
  /** The view was written to the access log. */
  logged: boolean;
  notice?: string;
}

function PersonLink(props: { lang: Lang; org: string; person: PersonSummary; canOpen: boolean }) {
  const name = displayName(props.person);
  const status = props.person.status === "active" ? "" : ` (${statusLabel(props.person.status, props.lang)})`;
  return props.canOpen ? (
    <>
      <a href={staffUrls.person(props.lang, props.org, props.person.id)}>{name}</a>
      {status}
    </>
  ) : (
    <>
      {name}
      {status}
    </>
  );
}

export function ProfilePage(props: ProfileProps) {
  const { lang, org, profile } = props;
  const t = messages(lang);
  const person = profile.person;
  const row = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value === "" ? t.staffNone : value}</dd>
    </>
  );
  return (
    <>
      <h1>{displayName(person)}</h1>
      {props.notice && (
        <p role="status" class="notice">
          {props.notice}
        </p>
      )}
      <p>{props.self ? t.staffYourRecord : t.staffProfileIntro}</p>
      {props.logged && <p class="meta">{t.staffViewLogged}</p>}
      <dl class="record">
        {row(t.staffGivenName, person.givenName)}
        {row(t.staffFamilyName, person.familyName)}
        {row(t.staffPreferredName, person.preferredName ?? "")}
        {row(t.staffEmployeeNumber, person.employeeNumber)}
        {row(t.staffEmail, person.email ?? "")}
        {row(t.staffUnit, unitName({ en: person.unitNameEn, fr: person.unitNameFr }, lang))}
        {row(t.staffStatus, statusText(person.status, person.statusSince, lang))}
        {row(t.staffPreferredLang, langLabel(person.preferredLang, lang))}
        {row(t.staffAccount, person.hasAccount ? t.staffHasAccount : t.staffNoAccount)}
      </dl>
      <p class="meta">
        <time datetime={person.updatedAt}>{formatDateTime(person.updatedAt, lang, props.timeZone)}</time>
      </p>

      <h2>{t.staffManagerLine}</h2>
      {profile.managerLine.length === 0 ? (
        <p>{t.staffNoManager}</p>
      ) : (
        <>
          <p>{t.staffManagerLineIntro}</p>
          <ol>
            {profile.managerLine.map((manager) => (
              <li>
                <PersonLink lang={lang} org={org} person={manager} canOpen={props.canOpen(manager.id)} />
              </li>
            ))}
          </ol>
        </>
      )}

      <h2>{t.staffDirectReports}</h2>
      {profile.directReports.length === 0 ? (
        <p>{t.staffNoReports}</p>
      ) : (
        <ul>
          {profile.directReports.map((report) => (
            <li>
              <PersonLink lang={lang} org={org} person={report} canOpen={props.canOpen(report.id)} />
            </li>
          ))}
        </ul>
      )}

      <ul class="page-actions">
        {props.canEdit && (
          <li>
            <a href={staffUrls.editPerson(lang, org, person.id)}>{t.staffEditPerson}</a>
          </li>
        )}
        {props.canSeeInsights && (
          <li>
            <a href={staffUrls.personInsights(lang, org, person.id)}>{t.ipLinkLabel}</a>
          </li>
        )}
        {props.canReadPlans && (
          <li>
            <a href={`${staffUrls.person(lang, org, person.id)}/plans`}>
              {props.self ? t.planMyPlansLink : t.planPersonLink}
            </a>
          </li>
        )}
        {props.canList && (
          <li>
            <a href={staffUrls.people(lang, org)}>{t.staffBackToPeople}</a>
          </li>
        )}
        {props.self && (
          <>
            <li>
              <a href={privacyUrls.personAccessLog(lang, org, person.id)}>{t.privacyMyAccessLogLink}</a>
            </li>
            <li>
              <a href={privacyUrls.personData(lang, org, person.id)}>{t.privacyMyDataLink}</a>
            </li>
          </>
        )}
      </ul>
      <PrivacyNoticeLink lang={lang} organisation={{ slug: org }} />
    </>
  );
}
