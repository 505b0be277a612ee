/** Addresses of the staff pages and API, with the language (pages) and the organisation's slug. */
import type { Lang } from "../../i18n/index.ts";

const query = (params: Record<string, string | number | boolean | undefined>) => {
  const entries = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== "" && value !== false)
    .map(([key, value]) => [key, value === true ? "1" : String(value)]);
  const text = new URLSearchParams(entries).toString();
  return text ? `?${text}` : "";
};

export const staffUrls = {
  myOrganisations: (lang: Lang) => `/${lang}/orgs`,
  organisation: (lang: Lang, org: string) => `/${lang}/orgs/${encodeURIComponent(org)}`,
  people: (lang: Lang, org: string, params: Record<string, string | number | boolean | undefined> = {}) =>
    `/${lang}/orgs/${encodeURIComponent(org)}/people${query(params)}`,
  newPerson: (lang: Lang, org: string) => `/${lang}/orgs/${encodeURIComponent(org)}/people/new`,
  person: (lang: Lang, org: string, id: string) => `/${lang}/orgs/${encodeURIComponent(org)}/people/${id}`,
  editPerson: (lang: Lang, org: string, id: string) => `/${lang}/orgs/${encodeURIComponent(org)}/people/${id}/edit`,
  /** The person's insights (src/insights/person builds the page; linked from here and the assessment). */
  personInsights: (lang: Lang, org: string, id: string) =>
    `/${lang}/orgs/${encodeURIComponent(org)}/people/${id}/insights`,
  team: (lang: Lang, org: string) => `/${lang}/orgs/${encodeURIComponent(org)}/team`,
  apiPeople: (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/people`,
  apiPerson: (org: string, id: string) => `/api/v1/orgs/${encodeURIComponent(org)}/people/${id}`,
};
