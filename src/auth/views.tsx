/** Pages a person sees about their own account: sign in, their sessions, their password, an invitation. */
import { formatDateTime, type Lang, messages } from "../i18n/index.ts";
import type { Actor } from "../policy/index.ts";
import type { SessionSummary } from "./accounts.ts";
import { ErrorSummary, Field, Notice } from "./form-parts.tsx";
import type { FieldErrors } from "./forms.ts";
import { authUrls } from "./urls.ts";

// Dates with times ("1er juillet 2026 à 9 h 07") come from the one formatting module.
export { formatDateTime };

export function roleLabel(role: Actor["role"], lang: Lang): string {
  const t = messages(lang);
  return role === "administrator" ? t.authRoleAdministrator : t.authRoleEditor;
}

export interface SignInProps {
  lang: Lang;
  email?: string;
  next?: string;
  errors?: FieldErrors;
  /** A message about the whole attempt: wrong credentials, disabled, too many attempts. */
  message?: string;
  notice?: string;
}

export function SignInPage(props: SignInProps) {
  const t = messages(props.lang);
  const failed = Boolean(props.message);
  return (
    <div class="narrow">
      <h1>{t.authSignInTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.authSignInIntro}</p>
      <ErrorSummary lang={props.lang} errors={props.errors} message={props.message} />
      <form method="post" action={authUrls.signIn(props.lang)} class="stacked-form" novalidate>
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <Field
          lang={props.lang}
          name="email"
          type="email"
          label={t.authEmailLabel}
          value={props.email}
          errors={props.errors}
          invalid={failed}
          autocomplete="username"
          required
          maxlength={254}
        />
        <Field
          lang={props.lang}
          name="password"
          type="password"
          label={t.authPasswordLabel}
          errors={props.errors}
          invalid={failed}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t.authSignIn}</button>
      </form>
    </div>
  );
}

export interface AccountProps {
  lang: Lang;
  actor: Actor;
  sessions: SessionSummary[];
  currentSessionId?: string;
  /** Whether the account signs in in two steps (src/auth/second-factor-routes.tsx). */
  twoFactorEnabled?: boolean;
  notice?: string;
}

export function AccountPage(props: AccountProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <>
      <h1>{t.authAccountTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.authSignedInAs(props.actor.name ?? props.actor.email, props.actor.email)}</p>
      <dl class="facts">
        <dt>{t.authRoleLabel}</dt>
        <dd>{roleLabel(props.actor.role, lang)}</dd>
        <dt>{t.sfTitle}</dt>
        <dd>{props.twoFactorEnabled ? t.sfOn : t.sfOff}</dd>
      </dl>
      <ul class="page-actions">
        <li>
          <a href={authUrls.password(lang)}>{t.authChangePassword}</a>
        </li>
        <li>
          <a href={authUrls.secondFactorSettings(lang)}>{t.sfTitle}</a>
        </li>
        {props.actor.role === "administrator" && (
          <>
            <li>
              <a href={authUrls.users(lang)}>{t.authManageAccounts}</a>
            </li>
            <li>
              <a href={authUrls.securityLog(lang)}>{t.logLink}</a>
            </li>
          </>
        )}
      </ul>
      <h2>{t.authSessionsHeading}</h2>
      <p>{t.authSessionsIntro}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t.authSessionsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.authSessionStarted}</th>
              <th scope="col">{t.authSessionLastActive}</th>
              <th scope="col">{t.authSessionBrowser}</th>
              <th scope="col">{t.authSessionAddress}</th>
              <th scope="col">{t.authSessionActions}</th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((session) => (
              <tr>
                <td>{formatDateTime(session.createdAt, lang)}</td>
                <td>{formatDateTime(session.lastActiveAt, lang)}</td>
                <td>{session.userAgent ? session.userAgent.slice(0, 120) : t.authUnknown}</td>
                <td>{session.ipAddress || t.authUnknown}</td>
                <td>
                  {session.id === props.currentSessionId ? (
                    <strong>{t.authSessionThis}</strong>
                  ) : (
                    <form method="post" action={authUrls.endSession(lang, session.id)}>
                      <button type="submit" class="button--quiet">
                        {t.authSessionEnd}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={authUrls.signOutEverywhere(lang)} class="stacked-form">
        <p id="everywhere-help">{t.authSignOutEverywhereHelp}</p>
        <button type="submit" aria-describedby="everywhere-help">
          {t.authSignOutEverywhere}
        </button>
      </form>
    </>
  );
}

export interface PasswordProps {
  lang: Lang;
  errors?: FieldErrors;
  message?: string;
  notice?: string;
}

export function ChangePasswordPage(props: PasswordProps) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.authChangePassword}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={props.lang} errors={props.errors} message={props.message} />
      <form method="post" action={authUrls.password(props.lang)} class="stacked-form" novalidate>
        <Field
          lang={props.lang}
          name="current"
          type="password"
          label={t.authCurrentPasswordLabel}
          errors={props.errors}
          invalid={Boolean(props.message)}
          autocomplete="current-password"
          required
        />
        <NewPasswordFields lang={props.lang} errors={props.errors} />
        <button type="submit">{t.authSavePassword}</button>
      </form>
    </div>
  );
}

function NewPasswordFields(props: { lang: Lang; errors?: FieldErrors }) {
  const t = messages(props.lang);
  return (
    <>
      <Field
        lang={props.lang}
        name="password"
        type="password"
        label={t.authNewPasswordLabel}
        hint={t.authPasswordHint}
        errors={props.errors}
        autocomplete="new-password"
        required
      />
      <Field
        lang={props.lang}
        name="confirm"
        type="password"
        label={t.authConfirmPasswordLabel}
        errors={props.errors}
        autocomplete="new-password"
        required
      />
    </>
  );
}

export function InvitationPage(props: { lang: Lang; email: string; token: string; errors?: FieldErrors }) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.authInvitationTitle}</h1>
      <p>{t.authInvitationIntro(props.email)}</p>
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <form method="post" action={authUrls.invitation(props.lang, props.token)} class="stacked-form" novalidate>
        {/* Lets password managers store the new password under the right account. */}
        <input type="hidden" name="username" value={props.email} autocomplete="username" />
        <NewPasswordFields lang={props.lang} errors={props.errors} />
        <button type="submit">{t.authSetPasswordButton}</button>
      </form>
    </div>
  );
}

export function InvitationInvalidPage(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.authInvitationInvalidTitle}</h1>
      <p class="lead">{t.authInvitationInvalidBody}</p>
      <p>
        <a href={authUrls.signIn(props.lang)}>{t.authSignIn}</a>
      </p>
    </>
  );
}
