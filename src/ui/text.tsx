import { raw } from "hono/html";
import { type Bilingual, pick } from "../frameworks/tree.ts";
import { type Lang, messages, typeset } from "../i18n/index.ts";
import { markdownToPlain, renderMarkdown, renderMarkdownInline } from "./markdown.ts";

/**
 * Content text in the page's language; when only the other language exists it is shown with its own
 * `lang` attribute, so screen readers pronounce it correctly, and marked as untranslated.
 */
export function Text(props: { text: Bilingual; lang: Lang; marker?: boolean; markdown?: "inline" | "block" }) {
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
  if (chosen.lang === props.lang) return <>{content}</>;
  const Wrapper = props.markdown === "block" ? "div" : "span";
  return (
    <>
      <Wrapper lang={chosen.lang}>{content}</Wrapper>
      {props.marker && <span class="fallback-lang"> ({messages(props.lang).inOtherLanguage})</span>}
    </>
  );
}

/** Plain text in the page's language (titles, meta descriptions): Markdown marks dropped. */
export function textOf(text: Bilingual, lang: Lang): string {
  const chosen = pick(text, lang);
  return chosen ? markdownToPlain(typeset(chosen.value, chosen.lang)) : "";
}
