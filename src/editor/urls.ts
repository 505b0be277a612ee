/** Every URL of the editor, built in one place (earlier editions are public pages: src/ui/urls.ts). */
import type { Lang } from "../i18n/index.ts";

const e = encodeURIComponent;

const base = (lang: Lang) => `/${lang}/editor`;
const fw = (lang: Lang, slug: string) => `${base(lang)}/frameworks/${e(slug)}`;
const item = (lang: Lang, slug: string, id: string) => `${fw(lang, slug)}/items/${e(id)}`;

/** Adds `?done=…` (a notice the next page shows) or other query values. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const editorUrls = {
  home: base,
  newFramework: (lang: Lang) => `${base(lang)}/new`,
  createFramework: (lang: Lang) => `${base(lang)}/frameworks`,
  adopt: (lang: Lang) => `${base(lang)}/adopt`,
  /** The import wizard's first page (src/interop/wizard builds its other addresses from it). */
  importWizard: (lang: Lang) => `${base(lang)}/import`,
  framework: fw,
  details: (lang: Lang, slug: string) => `${fw(lang, slug)}/details`,
  item,
  /** The outline at an item (its children) or at the top level. */
  outline: (lang: Lang, slug: string, id: string | null) => (id ? item(lang, slug, id) : fw(lang, slug)),
  newItem: (lang: Lang, slug: string, parentId: string | null) =>
    withQuery(`${fw(lang, slug)}/new-item`, { parent: parentId ?? "root" }),
  addItem: (lang: Lang, slug: string) => `${fw(lang, slug)}/items`,
  edit: (lang: Lang, slug: string, id: string) => `${item(lang, slug, id)}/edit`,
  reorder: (lang: Lang, slug: string, id: string) => `${item(lang, slug, id)}/reorder`,
  move: (lang: Lang, slug: string, id: string) => `${item(lang, slug, id)}/move`,
  remove: (lang: Lang, slug: string, id: string) => `${item(lang, slug, id)}/delete`,
  history: (lang: Lang, slug: string, id: string) => `${item(lang, slug, id)}/history`,
  order: (lang: Lang, slug: string) => `${fw(lang, slug)}/order`,
  changes: (lang: Lang, slug: string) => `${fw(lang, slug)}/changes`,
  changesCsv: (lang: Lang, slug: string) => `${fw(lang, slug)}/changes.csv`,
  restore: (lang: Lang, slug: string, changeId: string) => `${fw(lang, slug)}/changes/${e(changeId)}/restore`,
  translations: (lang: Lang, slug: string) => `${fw(lang, slug)}/translations`,
  /** The jump box's answer: an item of the draft by code or words. */
  find: (lang: Lang, slug: string, q?: string) => withQuery(`${fw(lang, slug)}/find`, { q }),
  confirmTranslation: (lang: Lang, slug: string) => `${fw(lang, slug)}/translations/confirm`,
  publish: (lang: Lang, slug: string) => `${fw(lang, slug)}/publish`,
  upstream: (lang: Lang, slug: string) => `${fw(lang, slug)}/upstream`,
  decide: (lang: Lang, slug: string, upstreamId: string) => `${fw(lang, slug)}/upstream/${e(upstreamId)}`,
  merge: (lang: Lang, slug: string, upstreamId: string) => `${fw(lang, slug)}/upstream/${e(upstreamId)}/merge`,
};
