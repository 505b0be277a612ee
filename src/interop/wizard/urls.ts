/** The import wizard's addresses, and the editor's pages it links to. */
import { editorUrls } from "../../editor/urls.ts";
import type { Lang } from "../../i18n/index.ts";

const base = editorUrls.importWizard;
const slugPath = (slug: string) => encodeURIComponent(slug);

export const wizardUrls = {
  start: base,
  upload: (lang: Lang) => `${base(lang)}/upload`,
  uploadConfirm: (lang: Lang) => `${base(lang)}/upload/confirm`,
  paste: (lang: Lang) => `${base(lang)}/paste`,
  pasteReview: (lang: Lang) => `${base(lang)}/paste/review`,
  pasteConfirm: (lang: Lang) => `${base(lang)}/paste/confirm`,
  done: (lang: Lang, slug: string) => `${base(lang)}/done/${slugPath(slug)}`,
  template: (lang: Lang, format: "xlsx" | "csv") => `${base(lang)}/template.${format}`,
  /** The editor's page for one framework (its draft). */
  editorFramework: (lang: Lang, slug: string) => `/${lang}/editor/frameworks/${slugPath(slug)}`,
  export: (lang: Lang, slug: string, format: "json" | "case.json" | "xlsx" | "csv") =>
    `/${lang}/editor/frameworks/${slugPath(slug)}/export.${format}`,
};
