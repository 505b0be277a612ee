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
  lang: Lang;
  html: string;
}

/**
 * Typography and Markdown of each text, prepared once per text, page language and mode, so a page
 * rendered again does not parse its statements again. Keyed by the strings themselves: an edition's
 * compact views (src/frameworks/compact-tree.ts) make a fresh text object on each access but hand
 * out the same string objects, whose hashes V8 keeps, so a look-up costs no copy of the text.
 * Bounded: past PREPARED_LIMIT entries the cache starts again (a 50,000-item whole-framework page
 * prepares 100,000 texts once per edition and keeps its output elsewhere; area pages stay warm).
 */
type PreparedKey = `${Lang}:${MarkdownMode}`;
const PREPARED_LIMIT = 20_000;
/** A missing text (null) and an empty one prepare alike: one key for both. */
const NONE = "";
let prepared = new Map<PreparedKey, Map<string, Map<string, Prepared | null>>>();
let preparedCount = 0;

function prepare(text: Bilingual, lang: Lang, mode: MarkdownMode): Prepared | null {
  const key: PreparedKey = `${lang}:${mode}`;
  const en = text.en ?? NONE;
  const fr = text.fr ?? NONE;
  let byEnglish = prepared.get(key);
  const known = byEnglish?.get(en)?.get(fr);
  if (known !== undefined) return known;
  const result = prepareAfresh(text, lang, mode);
  if (preparedCount >= PREPARED_LIMIT) {
    prepared = new Map();
    preparedCount = 0;
    byEnglish = undefined;
  }
  if (!byEnglish) {
    byEnglish = new Map();
    prepared.set(key, byEnglish);
  }
  let byFrench = byEnglish.get(en);
  if (!byFrench) {
    byFrench = new Map();
    byEnglish.set(en, byFrench);
  }
  byFrench.set(fr, result);
  preparedCount += 1;
  return result;
}

function prepareAfresh(text: Bilingual, lang: Lang, mode: MarkdownMode): Prepared | null {
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
  // The same characters as the text's: keep one copy of them, not two.
  return { lang: picked.lang, html: html === picked.value ? picked.value : html };
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
