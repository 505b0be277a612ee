/** Pages of the second factor: the sign-in challenge, the account's two-step page, enrolment, new codes. */
import { type Lang, messages } from "../i18n/index.ts";
import { ErrorSummary, type FieldErrors, Form, Hidden, Notice, Submit, TextField } from "../ui/forms/index.ts";
import { authUrls } from "./urls.ts";

function PasswordField(props: { lang: Lang; name: "password" | "current" }) {
  const t = messages(props.lang);
  return (
    <TextField
      name={props.name}
      type="password"
      label={t.authCurrentPasswordLabel}
      autocomplete="current-password"
      required
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
      <Form
        lang={props.lang}
        action={authUrls.secondFactor(props.lang)}
        class="stacked-form"
        novalidate
        errors={props.errors}
      >
        {props.next && <Hidden name="next" value={props.next} />}
        <TextField
          name="code"
          label={t.sfCodeLabel}
          hint={t.sfCodeHint}
          invalid={Boolean(props.message)}
          autocomplete="one-time-code"
          required
          maxlength={40}
        />
        <Submit>{t.sfContinue}</Submit>
      </Form>
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
          {/* Two forms, one password field each: "password" here, "current" below, so ids stay unique. */}
          <Form lang={lang} action={authUrls.recoveryCodes(lang)} class="stacked-form" novalidate errors={props.errors}>
            <p>{t.sfRenewHelp}</p>
            <PasswordField lang={lang} name="password" />
            <Submit>{t.sfRenewCodes}</Submit>
          </Form>
          <h2>{t.sfTurnOff}</h2>
          <Form
            lang={lang}
            action={authUrls.disableSecondFactor(lang)}
            class="stacked-form"
            novalidate
            errors={props.errors}
          >
            <p>{t.sfTurnOffHelp}</p>
            <PasswordField lang={lang} name="current" />
            <Submit>{t.sfTurnOff}</Submit>
          </Form>
        </>
      ) : (
        <Form
          lang={lang}
          action={authUrls.enrolSecondFactor(lang)}
          class="stacked-form"
          novalidate
          errors={props.errors}
        >
          <p>{t.sfTurnOnHelp}</p>
          <PasswordField lang={lang} name="password" />
          <Submit>{t.sfTurnOn}</Submit>
        </Form>
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
          <Form
            lang={lang}
            action={authUrls.confirmSecondFactor(lang)}
            class="stacked-form"
            novalidate
            errors={props.errors}
          >
            <TextField
              name="code"
              label={t.sfCodeLabel}
              invalid={Boolean(props.message)}
              autocomplete="one-time-code"
              required
              maxlength={12}
            />
            <Submit>{t.sfConfirm}</Submit>
          </Form>
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
