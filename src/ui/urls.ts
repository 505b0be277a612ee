import type { Lang } from "../i18n/index.ts";

/** Every public URL is built here, so a page and its other-language twin always line up. */
export const urls = {
  home: (lang: Lang) => `/${lang}`,
  frameworks: (lang: Lang) => `/${lang}/frameworks`,
  framework: (lang: Lang, slug: string) => `/${lang}/frameworks/${encodeURIComponent(slug)}`,
  full: (lang: Lang, slug: string) => `/${lang}/frameworks/${encodeURIComponent(slug)}/full`,
  item: (lang: Lang, slug: string, key: string) =>
    `/${lang}/frameworks/${encodeURIComponent(slug)}/items/${encodeURIComponent(key)}`,
  itemPrint: (lang: Lang, slug: string, key: string) => `${urls.item(lang, slug, key)}/print`,
  search: (lang: Lang, q?: string) => (q ? `/${lang}/search?q=${encodeURIComponent(q)}` : `/${lang}/search`),
};

/** The same path in the other language: only the first segment changes. */
export function switchLangPath(path: string, to: Lang): string {
  return path.replace(/^\/(en|fr)(?=\/|$|\?)/, `/${to}`);
}
