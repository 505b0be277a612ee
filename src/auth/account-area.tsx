/**
 * The end of the page header (src/ui/layout.tsx's `headerEnd`): "Sign in" for readers; the editor's
 * link for those who may use it, "Account" and "Sign out" once signed in.
 */
import { type Lang, messages } from "../i18n/index.ts";
import { type Actor, can } from "../policy/index.ts";
import { ButtonForm } from "../ui/forms/index.ts";
import { authUrls } from "./urls.ts";

export function AccountArea(props: { lang: Lang; user: Actor | null; editorUrl: string }) {
  const t = messages(props.lang);
  if (!props.user) {
    return (
      <a class="account-link" href={authUrls.signIn(props.lang)}>
        {t.authSignIn}
      </a>
    );
  }
  return (
    <>
      {can(props.user, "editor.use") && (
        <a class="editor-link" href={props.editorUrl}>
          {t.editorTitle}
        </a>
      )}
      <nav class="account-area" aria-label={t.authAccountNav}>
        <a class="account-link" href={authUrls.account(props.lang)}>
          {t.authAccount}
        </a>
        <ButtonForm lang={props.lang} action={authUrls.signOut(props.lang)} formClass="sign-out-form">
          {t.authSignOut}
        </ButtonForm>
      </nav>
    </>
  );
}
