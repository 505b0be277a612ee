/** The privacy pages' addresses, under /{lang}/orgs/{slug}/ (src/people/routes.tsx mounts them). */
import type { Lang } from "../../i18n/index.ts";

const org = (lang: Lang, slug: string) => `/${lang}/orgs/${encodeURIComponent(slug)}`;
const person = (lang: Lang, slug: string, personId: string) =>
  `${org(lang, slug)}/people/${encodeURIComponent(personId)}`;

export const privacyUrls = {
  notice: (lang: Lang, slug: string) => `${org(lang, slug)}/privacy`,
  editNotice: (lang: Lang, slug: string) => `${org(lang, slug)}/privacy/edit`,
  retention: (lang: Lang, slug: string) => `${org(lang, slug)}/privacy/retention`,
  accessLog: (lang: Lang, slug: string, query?: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => Boolean(e[1])));
    const text = params.toString();
    return `${org(lang, slug)}/access-log${text ? `?${text}` : ""}`;
  },
  personAccessLog: (lang: Lang, slug: string, personId: string, before?: string) =>
    `${person(lang, slug, personId)}/access-log${before ? `?before=${encodeURIComponent(before)}` : ""}`,
  personData: (lang: Lang, slug: string, personId: string) => `${person(lang, slug, personId)}/data`,
  personDataJson: (lang: Lang, slug: string, personId: string) => `${person(lang, slug, personId)}/data.json`,
  /** The signed-in person's own pages in the organisation, whatever their id. */
  myData: (lang: Lang, slug: string) => `${org(lang, slug)}/me/data`,
  myAccessLog: (lang: Lang, slug: string) => `${org(lang, slug)}/me/access-log`,
  organisationExport: (lang: Lang, slug: string) => `${org(lang, slug)}/export.json`,
  deleteOrganisation: (lang: Lang, slug: string) => `${org(lang, slug)}/delete`,
};
