/** A manager's team (everyone below them, with how each reaches them) and "my organisations". */
import { type Lang, messages } from "../../../i18n/index.ts";
import { PrivacyNoticeLink } from "../../privacy/notice.tsx";
import { staffUrls } from "../urls.ts";
import { displayName, statusLabel, unitName } from "./common.tsx";

export interface TeamMember {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  employeeNumber: string;
  status: string;
  unitNameEn: string | null;
  unitNameFr: string | null;
  depth: number;
  /** Their own manager's name (who links them to the team's manager, for an indirect report). */
  managerName: string | null;
}

export function TeamPage(props: {
  lang: Lang;
  org: string;
  organisationName: string;
  members: TeamMember[];
  page: number;
  lastPage: number;
}) {
  const { lang, org } = props;
  const t = messages(lang);
  return (
    <>
      <h1>{t.staffTeamTitle}</h1>
      <p>{t.staffTeamIntro}</p>
      {/* The team's insights (src/insights/team) live beside the team, one level down. */}
      {props.members.length > 0 && (
        <p>
          <a href={`${staffUrls.team(lang, org)}/insights`}>{t.itTeamLink}</a>
        </p>
      )}
      {props.members.length === 0 ? (
        <p>{t.staffTeamEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.staffTeamCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.staffColumnName}</th>
                <th scope="col">{t.staffColumnEmployeeNumber}</th>
                <th scope="col">{t.staffColumnUnit}</th>
                <th scope="col">{t.staffColumnStatus}</th>
                <th scope="col">{t.staffTeamColumnLine}</th>
              </tr>
            </thead>
            <tbody>
              {props.members.map((member) => (
                <tr>
                  <td>
                    <a href={staffUrls.person(lang, org, member.id)}>{displayName(member)}</a>
                  </td>
                  <td>{member.employeeNumber}</td>
                  <td>{unitName({ en: member.unitNameEn, fr: member.unitNameFr }, lang)}</td>
                  <td>{statusLabel(member.status, lang)}</td>
                  <td>{member.depth === 1 ? t.staffTeamDirect : t.staffTeamIndirect(member.managerName ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.lastPage > 1 && (
        <nav aria-label={t.staffPaging}>
          <ul class="page-actions">
            {props.page > 1 && (
              <li>
                <a rel="prev" href={`${staffUrls.team(lang, org)}?page=${props.page - 1}`}>
                  {t.staffPreviousPage}
                </a>
              </li>
            )}
            {props.page < props.lastPage && (
              <li>
                <a rel="next" href={`${staffUrls.team(lang, org)}?page=${props.page + 1}`}>
                  {t.staffNextPage}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
      <PrivacyNoticeLink lang={lang} organisation={{ slug: org }} />
    </>
  );
}

export interface MyOrganisation {
  slug: string;
  nameEn: string;
  nameFr: string;
  administrator: boolean;
  personId: string | null;
  hasReports: boolean;
}

export function MyOrganisationsPage(props: {
  lang: Lang;
  organisations: MyOrganisation[];
  /** Links other capabilities add per organisation slug (src/people/services.ts `LandingLinks`). */
  links?: ReadonlyMap<string, readonly { href: string; text: string }[]>;
}) {
  const { lang } = props;
  const t = messages(lang);
  return (
    <>
      <h1>{t.staffMyOrganisationsTitle}</h1>
      {props.organisations.length === 0 ? (
        <p>{t.staffMyOrganisationsEmpty}</p>
      ) : (
        <>
          <p>{t.staffMyOrganisationsIntro}</p>
          <ul class="organisations">
            {props.organisations.map((o) => (
              <li>
                <h2>
                  <a href={staffUrls.organisation(lang, o.slug)}>{lang === "fr" ? o.nameFr : o.nameEn}</a>
                  {o.administrator && <span class="meta"> — {t.staffAdministratorRole}</span>}
                </h2>
                <ul class="page-actions">
                  {(props.links?.get(o.slug) ?? []).map((link) => (
                    <li>
                      <a href={link.href}>{link.text}</a>
                    </li>
                  ))}
                  {o.personId && (
                    <li>
                      <a href={staffUrls.person(lang, o.slug, o.personId)}>{t.staffMyRecord}</a>
                    </li>
                  )}
                  {o.personId && o.hasReports && (
                    <li>
                      <a href={staffUrls.team(lang, o.slug)}>{t.staffMyTeam}</a>
                    </li>
                  )}
                  {o.administrator && (
                    <li>
                      <a href={staffUrls.people(lang, o.slug)}>{t.staffOrganisationPeople}</a>
                    </li>
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
