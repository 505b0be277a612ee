/** Single sign-on pages: an organisation's settings, the sign-in entry, a refused sign-in. */
import { type Lang, messages } from "../../i18n/index.ts";
import { Checkbox, ErrorSummary, type FieldErrors, Form, Notice, Submit, TextField } from "../../ui/forms/index.ts";
import type { SsoSettings } from "./store.ts";
import { ssoUrls } from "./urls.ts";

export function SsoSettingsPage(props: {
  lang: Lang;
  org: string;
  redirectUri: string;
  settings?: SsoSettings;
  values?: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const { lang, settings } = props;
  const t = messages(lang);
  const values = props.values ?? {
    issuer: settings?.issuer ?? "",
    clientId: settings?.clientId ?? "",
    domains: settings?.emailDomains.join(", ") ?? "",
    ...(settings?.enabled ? { enabled: "on" } : {}),
  };
  return (
    <div class="narrow">
      <h1>{t.ssoSettingsTitle}</h1>
      {props.saved && <Notice>{t.ssoSaved}</Notice>}
      <p>{t.ssoSettingsIntro}</p>
      <p>
        {t.ssoRedirectUri} <code>{props.redirectUri}</code>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <Form
        lang={lang}
        action={ssoUrls.settings(lang, props.org)}
        class="stacked-form"
        novalidate
        errors={props.errors}
        values={values}
      >
        <TextField
          name="issuer"
          type="text"
          label={t.ssoIssuerLabel}
          hint={t.ssoIssuerHint}
          required
          maxlength={500}
          spellcheck={false}
        />
        <TextField name="clientId" label={t.ssoClientIdLabel} required maxlength={500} spellcheck={false} />
        <TextField
          name="clientSecret"
          type="password"
          label={t.ssoClientSecretLabel}
          hint={settings?.hasSecret ? t.ssoClientSecretHint : undefined}
          autocomplete="off"
          maxlength={2000}
        />
        <TextField
          name="domains"
          label={t.ssoDomainsLabel}
          hint={t.ssoDomainsHint}
          required
          maxlength={2000}
          spellcheck={false}
        />
        <Checkbox name="enabled" value="on" label={t.ssoEnabledLabel} />
        <Submit>{t.ssoSaveButton}</Submit>
      </Form>
    </div>
  );
}

export function SsoSignInPage(props: { lang: Lang; email?: string; errors?: FieldErrors; message?: string }) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.ssoSignInTitle}</h1>
      <p>{t.ssoSignInIntro}</p>
      <ErrorSummary lang={props.lang} errors={props.errors} message={props.message} />
      <Form lang={props.lang} action={ssoUrls.signIn(props.lang)} class="stacked-form" novalidate errors={props.errors}>
        <TextField
          name="email"
          type="email"
          label={t.authEmailLabel}
          value={props.email}
          autocomplete="username"
          required
          maxlength={254}
        />
        <Submit>{t.ssoContinueButton}</Submit>
      </Form>
    </div>
  );
}

export function SsoRefusedPage(props: { lang: Lang; message: string }) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.ssoRefusedTitle}</h1>
      <p class="lead">{props.message}</p>
      <p>
        <a href={ssoUrls.signIn(props.lang)}>{t.ssoTryAgain}</a>
      </p>
    </div>
  );
}

/** On the way to the provider: the browser moves on by itself; the link is there if it does not. */
export function SsoContinuePage(props: { lang: Lang; url: string }) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.ssoSignInTitle}</h1>
      <p>
        <a class="button" href={props.url} data-sso-continue>
          {t.ssoContinueToProvider}
        </a>
      </p>
    </div>
  );
}
