/** The header's account corner: "Sign in" for readers; "Account" and "Sign out" once signed in. */
import { type Lang, messages } from "../i18n/index.ts";
import type { Actor } from "../policy/index.ts";
import { authUrls } from "./urls.ts";

export function AccountArea(props: { lang: Lang; user: Actor | null }) {
  const t = messages(props.lang);
  if (!props.user) {
    return (
      <a class="account-link" href={authUrls.signIn(props.lang)}>
        {t.authSignIn}
      </a>
    );
  }
  return (
    <nav class="account-area" aria-label={t.authAccountNav}>
      <a class="account-link" href={authUrls.account(props.lang)}>
        {t.authAccount}
      </a>
      <form method="post" action={authUrls.signOut(props.lang)}>
        <button type="submit">{t.authSignOut}</button>
      </form>
    </nav>
  );
}
