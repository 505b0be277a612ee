/** Pages of the second factor: the sign-in challenge, the account's two-step page, enrolment, new codes. */
import { type Lang, messages } from "../i18n/index.ts";
import { ErrorSummary, Field, Notice } from "./form-parts.tsx";
import type { FieldErrors } from "./forms.ts";
import { authUrls } from "./urls.ts";

function PasswordField(props: { lang: Lang; id: string; errors?: FieldErrors; invalid?: boolean }) {
  const t = messages(props.lang);
  return (
    <Field
      lang={props.lang}
      name={props.id}
      type="password"
      label={t.authCurrentPasswordLabel}
      errors={props.errors}
      invalid={props.invalid}
      autocomplete="current-password"
      required
    />
  );
}

function CodeField(props: { lang: Lang; errors?: FieldErrors; invalid?: boolean }) {
  const t = messages(props.lang);
  return (
    <Field
      lang={props.lang}
      name="code"
      label={t.sfCodeLabel}
      hint={t.sfCodeHint}
      errors={props.errors}
      invalid={props.invalid}
      autocomplete="one-time-code"
      required
      maxlength={40}
    />
  );
}

export function ChallengePage(props: { lang: Lang; next?: string; errors?: FieldErrors; message?: string }) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.sfChallengeTitle}</h1>
      <p>{t.sfChallengeIntro}</p>
      <ErrorSummary lang={props.lang} errors={props.errors} message={props.message} />
      <form method="post" action={authUrls.secondFactor(props.lang)} class="stacked-form" novalidate>
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <CodeField lang={props.lang} errors={props.errors} invalid={Boolean(props.message)} />
        <button type="submit">{t.sfContinue}</button>
      </form>
    </div>
  );
}

export interface TwoStepProps {
  lang: Lang;
  enabled: boolean;
  /** Which form failed, and why. */
  errors?: FieldErrors;
  message?: string;
  notice?: string;
}

/** The account's two-step page: what it is, whether it is on, and the forms to change that. */
export function TwoStepPage(props: TwoStepProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <div class="narrow">
      <h1>{t.sfTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.sfIntro}</p>
      <p>
        <strong>{props.enabled ? t.sfStatusOn : t.sfStatusOff}</strong>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      {props.enabled ? (
        <>
          <h2>{t.sfRenewCodes}</h2>
          <form method="post" action={authUrls.recoveryCodes(lang)} class="stacked-form" novalidate>
            <p>{t.sfRenewHelp}</p>
            <PasswordField lang={lang} id="password" errors={props.errors} />
            <button type="submit">{t.sfRenewCodes}</button>
          </form>
          <h2>{t.sfTurnOff}</h2>
          <form method="post" action={authUrls.disableSecondFactor(lang)} class="stacked-form" novalidate>
            <p>{t.sfTurnOffHelp}</p>
            <PasswordField lang={lang} id="current" errors={props.errors} />
            <button type="submit">{t.sfTurnOff}</button>
          </form>
        </>
      ) : (
        <form method="post" action={authUrls.enrolSecondFactor(lang)} class="stacked-form" novalidate>
          <p>{t.sfTurnOnHelp}</p>
          <PasswordField lang={lang} id="password" errors={props.errors} />
          <button type="submit">{t.sfTurnOn}</button>
        </form>
      )}
      <p>
        <a href={authUrls.account(lang)}>{t.sfBackToAccount}</a>
      </p>
    </div>
  );
}

function CodeList(props: { codes: string[]; label: string }) {
  return (
    <ul class="recovery-codes" aria-label={props.label}>
      {props.codes.map((code) => (
        <li>
          <code>{code}</code>
        </li>
      ))}
    </ul>
  );
}

export interface EnrolProps {
  lang: Lang;
  /** Absent when the page is shown again after a wrong first code (the key is not shown twice). */
  secret?: string;
  uri?: string;
  recoveryCodes?: string[];
  errors?: FieldErrors;
  message?: string;
}

export function EnrolPage(props: EnrolProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <div class="narrow">
      <h1>{t.sfEnrolTitle}</h1>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <ol aria-label={t.sfStepsLabel}>
        {props.secret && (
          <li>
            <p>{t.sfEnrolStep1}</p>
            <dl class="facts">
              <dt>{t.sfSecretLabel}</dt>
              <dd>
                <code class="secret">{props.secret}</code>
              </dd>
            </dl>
            {props.uri && (
              <p>
                <a href={props.uri}>{t.sfUriLink}</a>
              </p>
            )}
          </li>
        )}
        {props.recoveryCodes && props.recoveryCodes.length > 0 && (
          <li>
            <p>{t.sfEnrolStep2}</p>
            <CodeList codes={props.recoveryCodes} label={t.sfRecoveryCodes} />
          </li>
        )}
        <li>
          <p>{t.sfEnrolStep3}</p>
          <form method="post" action={authUrls.confirmSecondFactor(lang)} class="stacked-form" novalidate>
            <Field
              lang={lang}
              name="code"
              label={t.sfCodeLabel}
              errors={props.errors}
              invalid={Boolean(props.message)}
              autocomplete="one-time-code"
              required
              maxlength={12}
            />
            <button type="submit">{t.sfConfirm}</button>
          </form>
        </li>
      </ol>
      <p>
        <a href={authUrls.secondFactorSettings(lang)}>{t.sfBackToAccount}</a>
      </p>
    </div>
  );
}

export function RecoveryCodesPage(props: { lang: Lang; codes: string[] }) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.sfCodesTitle}</h1>
      <p>{t.sfCodesIntro}</p>
      <CodeList codes={props.codes} label={t.sfRecoveryCodes} />
      <p>
        <a href={authUrls.secondFactorSettings(props.lang)}>{t.sfBackToAccount}</a>
      </p>
    </div>
  );
}
