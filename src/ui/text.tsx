import { raw } from "hono/html";
import { type Child, createContext, useContext } from "hono/jsx";
import type { Framework } from "../db/schema.ts";
import { type Bilingual, pick } from "../i18n/bilingual.ts";
import { type Lang, messages, typeset } from "../i18n/index.ts";
import { DEFAULT_TEXT_LANGUAGES, primarySubtag, type TextLanguages, textLanguages } from "../i18n/text-languages.ts";
import { markdownToPlain, renderMarkdown, renderMarkdownInline } from "./markdown.ts";

/**
 * The language of each text column of the framework being shown (src/frameworks/languages.ts): pages
 * of a framework whose text is German say so with lang="de", even in its first column.
 */
export const TextLanguagesContext = createContext<TextLanguages>(DEFAULT_TEXT_LANGUAGES);

/** The text inside is a framework's: each column marked with that framework's language. */
export function FrameworkTexts(props: { framework: Pick<Framework, "extra">; children: Child }) {
  return (
    <TextLanguagesContext.Provider value={textLanguages(props.framework)}>
      {props.children}
    </TextLanguagesContext.Provider>
  );
}

/**
 * Content text in the page's language; when only another language exists it is shown with its own
 * `lang` attribute, so screen readers pronounce it correctly, and marked as untranslated.
 */
type MarkdownMode = "inline" | "block" | "plain";
interface Prepared {
  /** The strings it was prepared from: a text object changed in place is prepared again. */
  en: string | null;
  fr: string | null;
  lang: Lang;
  html: string;
}

/**
 * Typography and Markdown of each text, prepared once per text object, page language and mode.
 * An edition's view keeps the same text objects for as long as it serves, so a page rendered again
 * does not parse its statements again; a draft's fresh objects are dropped with it (WeakMap).
 * Kept small, as a 50,000-item whole-framework page prepares 100,000 of them: a plain object per
 * text (not a Map), constant keys, and the text itself when preparing leaves it as it was.
 */
type PreparedKey = `${Lang}:${MarkdownMode}`;
const prepared = new WeakMap<Bilingual, Partial<Record<PreparedKey, Prepared>>>();

function prepare(text: Bilingual, lang: Lang, mode: MarkdownMode): Prepared | null {
  let byMode = prepared.get(text);
  const key: PreparedKey = `${lang}:${mode}`;
  const known = byMode?.[key];
  if (known && known.en === text.en && known.fr === text.fr) return known;
  const picked = pick(text, lang);
  if (!picked) return null;
  // French text gets its typography here, whoever wrote it (editor, import or starter).
  const value = typeset(picked.value, picked.lang);
  // Statements may use a small Markdown subset (src/ui/markdown.ts); everything else is escaped.
  const html =
    mode === "block"
      ? renderMarkdown(value)
      : mode === "inline"
        ? renderMarkdownInline(value)
        : // Where markup cannot go (links, breadcrumbs, navigation), its marks are dropped, not shown.
          escapeHtml(markdownToPlain(value));
  const result: Prepared = {
    en: text.en,
    fr: text.fr,
    lang: picked.lang,
    // The same characters as the text's: keep one copy of them, not two.
    html: html === picked.value ? picked.value : html,
  };
  if (!byMode) {
    byMode = {};
    prepared.set(text, byMode);
  }
  byMode[key] = result;
  return result;
}

/** Escapes text exactly as hono's JSX renderer escapes a string child. */
const escapeHtml = (text: string) =>
  /[&<>"']/.test(text)
    ? text.replace(
        /[&<>"']/g,
        (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
      )
    : text;

/**
 * Content text in the page's language; when only another language exists it is shown with its own
 * `lang` attribute, so screen readers pronounce it correctly, and marked as untranslated.
 */
export function Text(props: { text: Bilingual; lang: Lang; marker?: boolean; markdown?: "inline" | "block" }) {
  const tags = useContext(TextLanguagesContext);
  const chosen = prepare(props.text, props.lang, props.markdown ?? "plain");
  if (!chosen) return null;
  const content = raw(chosen.html);
  const tag = tags[chosen.lang];
  if (chosen.lang === props.lang && primarySubtag(tag) === props.lang) return <>{content}</>;
  const Wrapper = props.markdown === "block" ? "div" : "span";
  return (
    <>
      <Wrapper lang={tag}>{content}</Wrapper>
      {props.marker && <span class="fallback-lang"> ({messages(props.lang).inOtherLanguage})</span>}
    </>
  );
}

/** Plain text in the page's language (titles, meta descriptions): Markdown marks dropped. */
export function textOf(text: Bilingual, lang: Lang): string {
  const chosen = pick(text, lang);
  return chosen ? markdownToPlain(typeset(chosen.value, chosen.lang)) : "";
}
