/** The assessment pages' addresses, built in one place (the list, reminders and documents link to them). */
import type { Lang } from "../../i18n/index.ts";

const seg = (value: string) => encodeURIComponent(value);
const base = (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/assessments`;

export const assessmentUrls = {
  list: base,
  page: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}`,
  self: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}/self`,
  review: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}/review`,
  sign: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}/sign`,
  reopen: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}/reopen`,
  withdraw: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}/withdraw`,
  add: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}/competencies`,
  remove: (lang: Lang, slug: string, id: string, key: string) =>
    `${base(lang, slug)}/${seg(id)}/competencies/${seg(key)}/remove`,
};
