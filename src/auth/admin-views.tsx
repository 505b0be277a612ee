/** Administrators' pages: every account, creating one, and the one-time invitation link or password. */
import { type Lang, messages } from "../i18n/index.ts";
import { ROLES } from "../policy/index.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  Notice,
  RadioGroup,
  Submit,
  TextField,
} from "../ui/forms/index.ts";
import type { AccountUser } from "./accounts.ts";
import type { CreateUserInput } from "./forms.ts";
import { authUrls } from "./urls.ts";
import { formatDateTime, roleLabel } from "./views.tsx";

export interface UsersPageProps {
  lang: Lang;
  users: AccountUser[];
  selfId: string;
  /** What the create form held when it was refused. */
  draft?: Partial<CreateUserInput>;
  errors?: FieldErrors;
  message?: string;
  notice?: string;
}

function statusOf(user: AccountUser, lang: Lang): string {
  const t = messages(lang);
  if (user.disabled) return t.authStatusDisabled;
  if (!user.hasPassword) return t.authStatusInvited;
  return t.authStatusActive;
}

function RowAction(props: {
  action: string;
  label: string;
  email: string;
  lang: Lang;
  fields?: Record<string, string>;
}) {
  return (
    <ButtonForm lang={props.lang} action={props.action} hidden={props.fields} class="button--quiet">
      {props.label}
      <span class="visually-hidden"> {messages(props.lang).authForAccount(props.email)}</span>
    </ButtonForm>
  );
}

export function UsersPage(props: UsersPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const draft = props.draft ?? {};
  return (
    <>
      <h1>{t.authUsersTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.authUsersIntro}</p>
      <p>
        <a href={authUrls.securityLog(lang)}>{t.logLink}</a> ·{" "}
        <a href={`/${lang}/admin/organisations`}>{t.orgAdminTitle}</a>
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t.authUsersCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.authColumnName}</th>
              <th scope="col">{t.authColumnEmail}</th>
              <th scope="col">{t.authRoleLabel}</th>
              <th scope="col">{t.authColumnStatus}</th>
              <th scope="col">{t.authSessionStarted}</th>
              <th scope="col">{t.authSessionActions}</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((user) => (
              <tr>
                <td>
                  {user.name} {user.id === props.selfId && <span class="meta">{t.authYou}</span>}
                </td>
                <td>{user.email}</td>
                <td>{roleLabel(user.role, lang)}</td>
                <td>{statusOf(user, lang)}</td>
                <td>{formatDateTime(user.createdAt, lang)}</td>
                <td class="row-actions">
                  {user.id !== props.selfId &&
                    (user.disabled ? (
                      <RowAction
                        action={authUrls.enableUser(lang, user.id)}
                        label={t.authEnable}
                        email={user.email}
                        lang={lang}
                      />
                    ) : (
                      <RowAction
                        action={authUrls.disableUser(lang, user.id)}
                        label={t.authDisable}
                        email={user.email}
                        lang={lang}
                      />
                    ))}
                  {user.id !== props.selfId && !user.disabled && user.role !== "member" && (
                    <RowAction
                      action={authUrls.changeRole(lang, user.id)}
                      label={user.role === "administrator" ? t.authMakeEditor : t.authMakeAdministrator}
                      email={user.email}
                      lang={lang}
                      fields={{ role: user.role === "administrator" ? "editor" : "administrator" }}
                    />
                  )}
                  {!user.disabled && (
                    <RowAction
                      action={authUrls.inviteUser(lang, user.id)}
                      label={t.authNewInvitation}
                      email={user.email}
                      lang={lang}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="create">{t.authCreateHeading}</h2>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <Form lang={lang} action={authUrls.users(lang)} class="stacked-form" novalidate errors={props.errors}>
        <TextField
          name="email"
          type="email"
          label={t.authEmailLabel}
          value={draft.email}
          autocomplete="off"
          required
          maxlength={254}
        />
        <TextField
          name="name"
          label={t.authNameLabel}
          hint={t.authNameHint}
          value={draft.name}
          autocomplete="off"
          maxlength={200}
        />
        <RadioGroup
          name="role"
          label={t.authRoleLabel}
          value={draft.role ?? "editor"}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(role, lang) }))}
        />
        <RadioGroup
          name="method"
          label={t.authMethodLegend}
          value={draft.method ?? "invitation"}
          options={[
            { value: "invitation", label: t.authMethodInvitation },
            { value: "temporary", label: t.authMethodTemporary },
          ]}
        />
        <Submit>{t.authCreateButton}</Submit>
      </Form>
    </>
  );
}

export interface CreatedProps {
  lang: Lang;
  email: string;
  /** Exactly one of the two, shown once. */
  invitationUrl?: string;
  temporaryPassword?: string;
}

export function CreatedPage(props: CreatedProps) {
  const t = messages(props.lang);
  return (
    <div class="narrow">
      <h1>{t.authCreatedTitle}</h1>
      <p>{props.invitationUrl ? t.authInvitationReady(props.email) : t.authTemporaryReady(props.email)}</p>
      {/* Shown once, to be copied: a read-only field selects and copies easily, on a phone too. */}
      <TextField
        name="secret"
        id="secret-value"
        label={props.invitationUrl ? t.authInvitationLinkLabel : t.authTemporaryPasswordLabel}
        value={props.invitationUrl ?? props.temporaryPassword}
        readonly
        spellcheck={false}
        autocomplete="off"
        class="secret-field"
      />
      <p>
        <a href={authUrls.users(props.lang)}>{t.authBackToUsers}</a>
      </p>
    </div>
  );
}
