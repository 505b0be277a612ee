/** The editor's jump box, on every outline page and on its own results page. */
import { type Lang, messages } from "../../i18n/index.ts";
import { MAX_QUERY_LENGTH } from "../../search/normalize.ts";
import { editorUrls } from "../urls.ts";

/** A plain GET form: works without JavaScript; an exact code goes straight to the item. */
export function JumpForm(props: { lang: Lang; slug: string; value?: string }) {
  const t = messages(props.lang);
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; role="search" is announced everywhere
    <form
      class="jump-form"
      role="search"
      aria-label={t.editorJumpLabel}
      method="get"
      action={editorUrls.find(props.lang, props.slug)}
    >
      <div class="field">
        <label for="jump-q">{t.editorJumpLabel}</label>
        <p class="field-hint" id="jump-q-hint">
          {t.editorJumpHint}
        </p>
        <input
          id="jump-q"
          name="q"
          type="search"
          value={props.value ?? ""}
          maxlength={MAX_QUERY_LENGTH}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="jump-q-hint"
        />
      </div>
      <button type="submit">{t.editorJumpButton}</button>
    </form>
  );
}
