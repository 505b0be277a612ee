/** The cycle pages' addresses, built in one place. */
import type { Lang } from "../../i18n/index.ts";

const seg = (value: string) => encodeURIComponent(value);
const base = (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/cycles`;

export type CycleAction = "edit" | "open" | "extend" | "close" | "reopen";

export const cycleUrls = {
  list: base,
  create: (lang: Lang, slug: string) => `${base(lang, slug)}/new`,
  cycle: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}`,
  action: (lang: Lang, slug: string, id: string, action: CycleAction) => `${base(lang, slug)}/${seg(id)}/${action}`,
  progress: (lang: Lang, slug: string, id: string) => `${base(lang, slug)}/${seg(id)}/progress`,
  download: (lang: Lang, slug: string, id: string, format: "csv" | "xlsx") =>
    `${base(lang, slug)}/${seg(id)}/progress.${format}`,
};
