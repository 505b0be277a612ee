/** The instance administrator's page: every organisation, creating one, appointing administrators. */
import { type Lang, messages } from "../../i18n/index.ts";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  Notice,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import { langLabel, OrganisationFields } from "./fields.tsx";
import { type OrganisationSummary, organisationName } from "./store.ts";
import { orgUrls } from "./urls.ts";

export interface OrganisationsPageProps {
  lang: Lang;
  organisations: OrganisationSummary[];
  notice?: string;
  /** The create form's last submission and its problems. */
  create?: { values: FormValues; errors: FieldErrors };
  /** The appoint form's last submission and its problems. */
  appoint?: { values: FormValues; errors: FieldErrors; message?: string };
}

export function OrganisationsPage(props: OrganisationsPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <>
      <h1>{t.orgAdminTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.orgAdminIntro}</p>
      {props.organisations.length === 0 ? (
        <p>{t.orgAdminNone}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.orgAdminCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.orgColumnName}</th>
                <th scope="col">{t.orgColumnSlug}</th>
                <th scope="col">{t.orgColumnLang}</th>
                <th scope="col">{t.orgColumnAdministrators}</th>
              </tr>
            </thead>
            <tbody>
              {props.organisations.map(({ organisation, administrators }) => (
                <tr>
                  <td>
                    <a href={orgUrls.home(lang, organisation.slug)}>{organisationName(organisation, lang)}</a>
                  </td>
                  <td>
                    <code>{organisation.slug}</code>
                  </td>
                  <td>{langLabel(lang, organisation.default_lang)}</td>
                  <td>{administrators.length === 0 ? t.orgNoAdministrator : administrators.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {props.organisations.length > 0 && (
        <>
          <h2 id="appoint">{t.orgAppointHeading}</h2>
          <ErrorSummary lang={lang} errors={props.appoint?.errors} message={props.appoint?.message} scope="appoint" />
          <Form
            lang={lang}
            action={orgUrls.adminAppoint(lang)}
            class="stacked-form"
            novalidate
            scope="appoint"
            errors={props.appoint?.errors}
            values={props.appoint?.values}
          >
            <SelectField
              name="organisation"
              label={t.orgAppointOrganisationLabel}
              options={props.organisations.map(({ organisation }) => ({
                value: organisation.slug,
                label: organisationName(organisation, lang),
              }))}
            />
            <TextField name="email" type="email" label={t.authEmailLabel} required maxlength={254} autocomplete="off" />
            <Submit>{t.orgAppointButton}</Submit>
          </Form>
        </>
      )}

      <h2 id="create">{t.orgCreateHeading}</h2>
      <ErrorSummary lang={lang} errors={props.create?.errors} scope="create" />
      <Form
        lang={lang}
        action={orgUrls.admin(lang)}
        class="stacked-form"
        novalidate
        scope="create"
        errors={props.create?.errors}
        values={{ default_lang: lang, ...props.create?.values }}
      >
        <OrganisationFields lang={lang} />
        <TextField
          name="administrator"
          type="email"
          label={t.orgFirstAdministratorLabel}
          hint={t.orgFirstAdministratorHint}
          maxlength={254}
          autocomplete="off"
        />
        <Submit>{t.orgCreateButton}</Submit>
      </Form>
    </>
  );
}
