import type { Lang } from "../i18n/index.ts";

/**
 * A slug as a path: each segment encoded. Real slugs have one segment; an earlier edition's view
 * carries "slug/editions/N" so the index views link within that edition (src/editions).
 */
const slugPath = (slug: string) => slug.split("/").map(encodeURIComponent).join("/");

/** Every public URL is built here, so a page and its other-language twin always line up. */
export const urls = {
  home: (lang: Lang) => `/${lang}`,
  frameworks: (lang: Lang) => `/${lang}/frameworks`,
  framework: (lang: Lang, slug: string) => `/${lang}/frameworks/${slugPath(slug)}`,
  full: (lang: Lang, slug: string) => `/${lang}/frameworks/${slugPath(slug)}/full`,
  /** The list of a framework's published editions (src/editions). */
  editions: (lang: Lang, slug: string) => `/${lang}/frameworks/${slugPath(slug)}/editions`,
  item: (lang: Lang, slug: string, key: string) =>
    `/${lang}/frameworks/${slugPath(slug)}/items/${encodeURIComponent(key)}`,
  itemPrint: (lang: Lang, slug: string, key: string) => `${urls.item(lang, slug, key)}/print`,
  /** Signing in (src/auth), with the page to come back to; the guard (src/policy) sends people here. */
  signIn: (lang: Lang, next?: string) =>
    next ? `/${lang}/sign-in?next=${encodeURIComponent(next)}` : `/${lang}/sign-in`,
  /** Choosing a new password (src/auth): where a temporary password leads first. */
  password: (lang: Lang) => `/${lang}/account/password`,
  /** The search page; with a query, and optionally only within one framework (its slug). */
  search: (lang: Lang, q?: string, framework?: string) => {
    const query = [
      q ? `q=${encodeURIComponent(q)}` : "",
      framework ? `framework=${encodeURIComponent(framework)}` : "",
    ];
    const text = query.filter(Boolean).join("&");
    return text ? `/${lang}/search?${text}` : `/${lang}/search`;
  },
};

/** Public pages of earlier editions. */
export const editionUrls = {
  list: (lang: Lang, slug: string) => urls.editions(lang, slug),
  edition: (lang: Lang, slug: string, n: number) => `${urls.editions(lang, slug)}/${n}`,
  /**
   * The "slug" an earlier edition's view carries so that the index views, which build their links
   * from the slug, link within that edition (slugPath encodes each path segment of it).
   */
  viewSlug: (slug: string, n: number) => `${slug}/editions/${n}`,
};

/** The same path in the other language: only the first segment changes. */
export function switchLangPath(path: string, to: Lang): string {
  return path.replace(/^\/(en|fr)(?=\/|$|\?)/, `/${to}`);
}
