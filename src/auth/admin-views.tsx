/** Administrators' pages: every account, creating one, and the one-time invitation link or password. */
import { type Lang, messages } from "../i18n/index.ts";
import { ROLES } from "../policy/index.ts";
import type { AccountUser } from "./accounts.ts";
import { ErrorSummary, Field, fieldId, Notice } from "./form-parts.tsx";
import type { CreateUserInput, FieldErrors } from "./forms.ts";
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
    <form method="post" action={props.action} class="inline-form">
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="button--quiet">
        {props.label}
        <span class="visually-hidden"> {messages(props.lang).authForAccount(props.email)}</span>
      </button>
    </form>
  );
}

export function UsersPage(props: UsersPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const draft = props.draft ?? {};
  const roleError = props.errors?.role;
  const methodError = props.errors?.method;
  return (
    <>
      <h1>{t.authUsersTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.authUsersIntro}</p>
      <p>
        <a href={authUrls.securityLog(lang)}>{t.logLink}</a>
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
                  {user.id !== props.selfId && !user.disabled && (
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
      <form method="post" action={authUrls.users(lang)} class="stacked-form" novalidate>
        <Field
          lang={lang}
          name="email"
          type="email"
          label={t.authEmailLabel}
          value={draft.email}
          errors={props.errors}
          autocomplete="off"
          required
          maxlength={254}
        />
        <Field
          lang={lang}
          name="name"
          label={t.authNameLabel}
          hint={t.authNameHint}
          value={draft.name}
          errors={props.errors}
          autocomplete="off"
          maxlength={200}
        />
        <fieldset
          class={roleError ? "field field--invalid" : "field"}
          aria-describedby={roleError ? `${fieldId("role")}-error` : undefined}
        >
          <legend>{t.authRoleLabel}</legend>
          {roleError && (
            <p class="field-error" id={`${fieldId("role")}-error`}>
              {t[roleError]}
            </p>
          )}
          {ROLES.map((role, index) => (
            <label class="choice">
              <input
                type="radio"
                name="role"
                value={role}
                id={index === 0 ? fieldId("role") : undefined}
                checked={(draft.role ?? "editor") === role}
                aria-invalid={roleError ? "true" : undefined}
              />{" "}
              {roleLabel(role, lang)}
            </label>
          ))}
        </fieldset>
        <fieldset
          class={methodError ? "field field--invalid" : "field"}
          aria-describedby={methodError ? `${fieldId("method")}-error` : undefined}
        >
          <legend>{t.authMethodLegend}</legend>
          {methodError && (
            <p class="field-error" id={`${fieldId("method")}-error`}>
              {t[methodError]}
            </p>
          )}
          <label class="choice">
            <input
              type="radio"
              name="method"
              value="invitation"
              id={fieldId("method")}
              checked={(draft.method ?? "invitation") === "invitation"}
              aria-invalid={methodError ? "true" : undefined}
            />{" "}
            {t.authMethodInvitation}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="method"
              value="temporary"
              checked={draft.method === "temporary"}
              aria-invalid={methodError ? "true" : undefined}
            />{" "}
            {t.authMethodTemporary}
          </label>
        </fieldset>
        <button type="submit">{t.authCreateButton}</button>
      </form>
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
      {props.invitationUrl ? (
        <>
          <p>{t.authInvitationReady(props.email)}</p>
          <p>
            <label for="secret-value">{t.authInvitationLinkLabel}</label>
            <input
              id="secret-value"
              type="text"
              readonly
              value={props.invitationUrl}
              class="secret-value"
              spellcheck={false}
            />
          </p>
        </>
      ) : (
        <>
          <p>{t.authTemporaryReady(props.email)}</p>
          <p>
            <label for="secret-value">{t.authTemporaryPasswordLabel}</label>
            <input
              id="secret-value"
              type="text"
              readonly
              value={props.temporaryPassword}
              class="secret-value"
              spellcheck={false}
              autocomplete="off"
            />
          </p>
        </>
      )}
      <p>
        <a href={authUrls.users(props.lang)}>{t.authBackToUsers}</a>
      </p>
    </div>
  );
}
