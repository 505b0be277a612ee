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
export function Text(props: { text: Bilingual; lang: Lang; marker?: boolean; markdown?: "inline" | "block" }) {
  const tags = useContext(TextLanguagesContext);
  const picked = pick(props.text, props.lang);
  if (!picked) return null;
  // French text gets its typography here, whoever wrote it (editor, import or starter).
  const chosen = { ...picked, value: typeset(picked.value, picked.lang) };
  // Statements may use a small Markdown subset (src/ui/markdown.ts); everything else is escaped.
  const content =
    props.markdown === "block"
      ? raw(renderMarkdown(chosen.value))
      : props.markdown === "inline"
        ? raw(renderMarkdownInline(chosen.value))
        : // Where markup cannot go (links, breadcrumbs, navigation), its marks are dropped, not shown.
          markdownToPlain(chosen.value);
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
