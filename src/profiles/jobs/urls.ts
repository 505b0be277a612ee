/** Every address of the job profile pages and API, built in one place. */
import type { Lang } from "../../i18n/index.ts";

const seg = (value: string) => encodeURIComponent(value);
const base = (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/profiles`;

export const profileUrls = {
  list: base,
  create: (lang: Lang, slug: string) => `${base(lang, slug)}/new`,
  starters: (lang: Lang, slug: string) => `${base(lang, slug)}/starters`,
  starterCopy: (lang: Lang, slug: string, code: string) => `${base(lang, slug)}/starters/${seg(code)}/copy`,
  compare: (lang: Lang, slug: string) => `${base(lang, slug)}/compare`,
  mine: (lang: Lang, slug: string) => `${base(lang, slug)}/mine`,
  profile: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}`,
  action: (
    lang: Lang,
    slug: string,
    id: string,
    action: "edit" | "copy" | "delete" | "holders" | "builder" | "description",
  ) => `${base(lang, slug)}/${seg(id)}/${action}`,
  removeHolder: (lang: Lang, slug: string, id: string, personId: string) =>
    `${base(lang, slug)}/${seg(id)}/holders/${seg(personId)}/remove`,
  api: (slug: string) => `/api/v1/orgs/${seg(slug)}/profiles`,
  apiProfile: (slug: string, id: string) => `/api/v1/orgs/${seg(slug)}/profiles/${seg(id)}`,
};
