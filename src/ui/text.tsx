import { type Lang, messages } from "../i18n/index.ts";
import { type Bilingual, pick } from "../frameworks/tree.ts";

/**
 * Content text in the page's language; when only the other language exists it is shown with its own
 * `lang` attribute, so screen readers pronounce it correctly, and marked as untranslated.
 */
export function Text(props: { text: Bilingual; lang: Lang; marker?: boolean }) {
  const chosen = pick(props.text, props.lang);
  if (!chosen) return null;
  if (chosen.lang === props.lang) return <>{chosen.value}</>;
  return (
    <>
      <span lang={chosen.lang}>{chosen.value}</span>
      {props.marker && <span class="fallback-lang"> ({messages(props.lang).inOtherLanguage})</span>}
    </>
  );
}

export function textOf(text: Bilingual, lang: Lang): string {
  return pick(text, lang)?.value ?? "";
}
