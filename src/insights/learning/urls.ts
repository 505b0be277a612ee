/** Every address of the learning resources catalogue, built in one place. */
import type { Lang } from "../../i18n/index.ts";

const seg = (value: string) => encodeURIComponent(value);
const base = (lang: Lang, org: string) => `/${lang}/orgs/${seg(org)}/learning`;

export const learningUrls = {
  list: base,
  create: (lang: Lang, org: string) => `${base(lang, org)}/new`,
  import: (lang: Lang, org: string) => `${base(lang, org)}/import`,
  export: (lang: Lang, org: string) => `${base(lang, org)}/export.csv`,
  resource: (lang: Lang, org: string, id: string) => `${base(lang, org)}/${seg(id)}`,
  edit: (lang: Lang, org: string, id: string) => `${base(lang, org)}/${seg(id)}/edit`,
  delete: (lang: Lang, org: string, id: string) => `${base(lang, org)}/${seg(id)}/delete`,
  tag: (lang: Lang, org: string, id: string) => `${base(lang, org)}/${seg(id)}/competencies`,
  untag: (lang: Lang, org: string, id: string) => `${base(lang, org)}/${seg(id)}/competencies/remove`,
};

/** A competency in a form value or a query: "framework~item". */
export const competencyValue = (ref: { frameworkId: string; itemId: string }) => `${ref.frameworkId}~${ref.itemId}`;

export function parseCompetencyValue(value: unknown): { frameworkId: string; itemId: string } | undefined {
  if (typeof value !== "string" || value.length > 80) return undefined;
  const [frameworkId, itemId, ...rest] = value.split("~");
  return frameworkId && itemId && rest.length === 0 ? { frameworkId, itemId } : undefined;
}
