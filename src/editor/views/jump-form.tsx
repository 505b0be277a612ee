/** The editor's jump box, on every outline page and on its own results page. */
import { type Lang, messages } from "../../i18n/index.ts";
import { MAX_QUERY_LENGTH } from "../../search/normalize.ts";
import { Form, Submit, TextField } from "../../ui/forms/index.ts";
import { editorUrls } from "../urls.ts";

/** A plain GET form: works without JavaScript; an exact code goes straight to the item. */
export function JumpForm(props: { lang: Lang; slug: string; value?: string }) {
  const t = messages(props.lang);
  return (
    <Form
      lang={props.lang}
      method="get"
      action={editorUrls.find(props.lang, props.slug)}
      class="jump-form"
      role="search"
      label={t.editorJumpLabel}
    >
      <TextField
        name="q"
        id="jump-q"
        type="search"
        label={t.editorJumpLabel}
        hint={t.editorJumpHint}
        value={props.value ?? ""}
        maxlength={MAX_QUERY_LENGTH}
        autocomplete="off"
        spellcheck={false}
      />
      <Submit>{t.editorJumpButton}</Submit>
    </Form>
  );
}
