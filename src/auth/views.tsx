/** Pages a person sees about their own account: sign in, their sessions, their password, an invitation. */
import { formatDateTime, type Lang, messages } from "../i18n/index.ts";
import type { Actor } from "../policy/index.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  Hidden,
  Notice,
  Submit,
  TextField,
} from "../ui/forms/index.ts";
import type { SessionSummary } from "./accounts.ts";
import { authUrls } from "./urls.ts";

// Dates with times ("1er juillet 2026 à 9 h 07") come from the one formatting module.
export { formatDateTime };

export function roleLabel(role: Actor["role"], lang: Lang): string {
  const t = messages(lang);
  return role === "administrator" ? t.authRoleAdministrator : role === "member" ? t.authRoleMember : t.authRoleEditor;
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
      <p>
        <a href={authUrls.ssoSignIn(props.lang)}>{t.ssoSignInLink}</a>
      </p>
      <ErrorSummary lang={props.lang} errors={props.errors} message={props.message} />
      <Form
        lang={props.lang}
        action={authUrls.signIn(props.lang)}
        class="stacked-form"
        novalidate
        errors={props.errors}
      >
        {props.next && <Hidden name="next" value={props.next} />}
        <TextField
          name="email"
          type="email"
          label={t.authEmailLabel}
          value={props.email}
          invalid={failed}
          autocomplete="username"
          required
          maxlength={254}
        />
        <TextField
          name="password"
          type="password"
          label={t.authPasswordLabel}
          invalid={failed}
          autocomplete="current-password"
          required
        />
        <Submit>{t.authSignIn}</Submit>
      </Form>
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
                    <ButtonForm lang={lang} action={authUrls.endSession(lang, session.id)} class="button--quiet">
                      {t.authSessionEnd}
                    </ButtonForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="everywhere-help">{t.authSignOutEverywhereHelp}</p>
      <ButtonForm
        lang={lang}
        action={authUrls.signOutEverywhere(lang)}
        formClass="stacked-form"
        describedBy="everywhere-help"
      >
        {t.authSignOutEverywhere}
      </ButtonForm>
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
      <Form
        lang={props.lang}
        action={authUrls.password(props.lang)}
        class="stacked-form"
        novalidate
        errors={props.errors}
      >
        <TextField
          name="current"
          type="password"
          label={t.authCurrentPasswordLabel}
          invalid={Boolean(props.message)}
          autocomplete="current-password"
          required
        />
        <NewPasswordFields lang={props.lang} />
        <Submit>{t.authSavePassword}</Submit>
      </Form>
    </div>
  );
}

function NewPasswordFields(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={t.authNewPasswordLabel}
        hint={t.authPasswordHint}
        autocomplete="new-password"
        required
      />
      <TextField
        name="confirm"
        type="password"
        label={t.authConfirmPasswordLabel}
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
      <Form
        lang={props.lang}
        action={authUrls.invitation(props.lang, props.token)}
        class="stacked-form"
        novalidate
        errors={props.errors}
      >
        {/* Lets password managers store the new password under the right account. */}
        <Hidden name="username" value={props.email} autocomplete="username" />
        <NewPasswordFields lang={props.lang} />
        <Submit>{t.authSetPasswordButton}</Submit>
      </Form>
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
