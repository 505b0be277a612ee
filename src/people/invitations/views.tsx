/** The invitation pages: inviting a person, what became of the message, accepting the invitation. */
import type { Lang } from "../../i18n/index.ts";
import { messages } from "../../i18n/index.ts";
import type { MailOutcome } from "../../mail/mailer.ts";
import { ErrorSummary, type FieldErrors, Form, Hidden, Notice, Submit, TextField } from "../../ui/forms/index.ts";
import type { NotInvitable } from "./store.ts";
import { invitationUrls } from "./urls.ts";

/** The link other pages (a person's record, the people list) place to invite someone. */
export function InviteLink(props: { lang: Lang; org: string; personId: string }) {
  return (
    <a class="button button--quiet" href={invitationUrls.invite(props.lang, props.org, props.personId)}>
      {messages(props.lang).accessInviteLink}
    </a>
  );
}

export interface InvitePerson {
  id: string;
  name: string;
  email: string | null;
  lang: string;
}

function notInvitableText(lang: Lang, reason: NotInvitable): string {
  const t = messages(lang);
  if (reason === "left") return t.accessNotInvitableLeft;
  if (reason === "has_account") return t.accessNotInvitableHasAccount;
  return t.accessNotInvitableNoEmail;
}

function BackLink(props: { lang: Lang; org: string }) {
  return (
    <p>
      <a href={invitationUrls.organisation(props.lang, props.org)}>{messages(props.lang).accessBackToOrganisation}</a>
    </p>
  );
}

export function InvitePage(props: { lang: Lang; org: string; person: InvitePerson; refusal: NotInvitable | null }) {
  const { lang, person } = props;
  const t = messages(lang);
  return (
    <div class="narrow">
      <h1>{t.accessInviteTitle(person.name)}</h1>
      <p>{t.accessInviteIntro}</p>
      <h2>{t.accessInviteDetails}</h2>
      <dl>
        <dt>{t.accessInviteEmail}</dt>
        <dd>{person.email ?? "—"}</dd>
        <dt>{t.accessInviteLanguage}</dt>
        <dd>{t.accessLangName(person.lang)}</dd>
      </dl>
      {props.refusal ? (
        <Notice kind="warning">{notInvitableText(lang, props.refusal)}</Notice>
      ) : (
        <Form lang={lang} action={invitationUrls.send(lang, props.org)} class="stacked-form">
          <Hidden name="person" value={person.id} />
          <Submit>{t.accessInviteButton}</Submit>
        </Form>
      )}
      <BackLink lang={lang} org={props.org} />
    </div>
  );
}

export function InvitationSentPage(props: {
  lang: Lang;
  org: string;
  email: string;
  link: string;
  expiresAt: string;
  outcome: MailOutcome;
}) {
  const { lang, outcome } = props;
  const t = messages(lang);
  return (
    <div class="narrow">
      <h1>{t.accessInvitationSentTitle}</h1>
      {outcome.sent ? (
        <Notice>{t.accessInvitationSent(props.email)}</Notice>
      ) : (
        <>
          <Notice kind="warning">
            {outcome.reason === "not_configured" ? t.accessInvitationNotConfigured : t.accessInvitationSendFailed}
          </Notice>
          <p>
            {t.accessInvitationLinkLabel}{" "}
            <code class="copyable" data-invitation-link>
              {props.link}
            </code>
          </p>
        </>
      )}
      <p>{t.accessInvitationExpires(props.expiresAt)}</p>
      <BackLink lang={lang} org={props.org} />
    </div>
  );
}

export type AcceptState =
  /** Nobody signed in, no account with the address: choose a password. */
  | { kind: "new"; errors?: FieldErrors }
  /** An account exists with the address: sign in with it first. */
  | { kind: "existing"; signInUrl: string }
  /** Signed in with the invited address: join with this account. */
  | { kind: "signed-in"; email: string }
  /** Signed in with another address. */
  | { kind: "other-account"; email: string }
  | { kind: "account-taken" };

export function AcceptPage(props: {
  lang: Lang;
  org: string;
  organisationName: string;
  personName: string;
  email: string;
  token: string;
  state: AcceptState;
  /** The organisation's single sign-on start, when it has one turned on. */
  ssoStart?: string;
}) {
  const { lang, state } = props;
  const t = messages(lang);
  const action = invitationUrls.accept(lang, props.org, props.token);
  return (
    <div class="narrow">
      <h1>{t.accessAcceptTitle(props.organisationName)}</h1>
      <p>{t.accessAcceptFor(props.personName, props.email)}</p>
      {state.kind === "new" && (
        <>
          <p>{t.accessAcceptChoosePassword}</p>
          <ErrorSummary lang={lang} errors={state.errors} />
          <Form lang={lang} action={action} class="stacked-form" novalidate errors={state.errors}>
            {/* Lets password managers store the new password under the right account. */}
            <Hidden name="username" value={props.email} autocomplete="username" />
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
            <Submit>{t.accessAcceptCreateButton}</Submit>
          </Form>
        </>
      )}
      {props.ssoStart && (state.kind === "new" || state.kind === "existing") && (
        <p>
          <a class="button button--quiet" href={props.ssoStart}>
            {t.ssoSignInLink}
          </a>
        </p>
      )}
      {state.kind === "existing" && (
        <>
          <p>{t.accessAcceptExistingAccount}</p>
          <p>
            <a class="button" href={state.signInUrl}>
              {t.authSignIn}
            </a>
          </p>
        </>
      )}
      {state.kind === "signed-in" && (
        <Form lang={lang} action={action} class="stacked-form">
          <p>{t.accessAcceptSignedIn(state.email)}</p>
          <Submit>{t.accessAcceptLinkButton}</Submit>
        </Form>
      )}
      {state.kind === "other-account" && <Notice kind="warning">{t.accessAcceptOtherAccount(state.email)}</Notice>}
      {state.kind === "account-taken" && <Notice kind="warning">{t.accessAcceptAccountTaken}</Notice>}
    </div>
  );
}

export function InvitationInvalidPage(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.accessInvitationInvalidTitle}</h1>
      <p class="lead">{t.accessInvitationInvalidBody}</p>
    </div>
  );
}
