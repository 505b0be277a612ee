/** The form that adds a person or edits their record (organisation administrators). */
import { type Lang, messages } from "../../../i18n/index.ts";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  SelectField,
  Submit,
  TextField,
} from "../../../ui/forms/index.ts";
import { PrivacyNoticeLink } from "../../privacy/notice.tsx";
import { PERSON_STATUSES } from "../fields.ts";
import { staffUrls } from "../urls.ts";
import { statusLabel } from "./common.tsx";

export interface EditProps {
  lang: Lang;
  org: string;
  /** Absent when adding a person. */
  personId?: string;
  title: string;
  values: FormValues;
  errors?: FieldErrors;
  units: { value: string; label: string }[];
  currentManager?: string;
}

export function PersonForm(props: EditProps) {
  const { lang, org } = props;
  const t = messages(lang);
  const labels = {
    givenName: t.staffGivenName,
    familyName: t.staffFamilyName,
    preferredName: t.staffPreferredName,
    email: t.staffEmail,
    employeeNumber: t.staffEmployeeNumber,
    unitId: t.staffUnit,
    managerNumber: t.staffManagerNumber,
    status: t.staffStatus,
    statusSince: t.staffStatusSinceLabel,
    preferredLang: t.staffPreferredLang,
  };
  const action = props.personId ? staffUrls.person(lang, org, props.personId) : staffUrls.people(lang, org);
  const cancel = props.personId ? staffUrls.person(lang, org, props.personId) : staffUrls.people(lang, org);
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary lang={lang} errors={props.errors} labels={labels} />
      <Form lang={lang} action={action} class="stacked-form" novalidate errors={props.errors} values={props.values}>
        <TextField name="givenName" label={labels.givenName} required maxlength={200} autocomplete="off" />
        <TextField name="familyName" label={labels.familyName} required maxlength={200} autocomplete="off" />
        <TextField
          name="preferredName"
          label={labels.preferredName}
          hint={t.staffPreferredNameHint}
          maxlength={200}
          autocomplete="off"
        />
        <TextField name="email" type="email" label={labels.email} maxlength={254} autocomplete="off" />
        <TextField name="employeeNumber" label={labels.employeeNumber} required maxlength={60} autocomplete="off" />
        <SelectField
          name="unitId"
          label={labels.unitId}
          options={[{ value: "", label: t.staffChooseNone }, ...props.units]}
        />
        <TextField
          name="managerNumber"
          label={labels.managerNumber}
          hint={[t.staffManagerNumberHint, props.currentManager ? t.staffCurrentManager(props.currentManager) : ""]
            .filter(Boolean)
            .join(" ")}
          maxlength={60}
          autocomplete="off"
        />
        <SelectField
          name="status"
          label={labels.status}
          options={PERSON_STATUSES.map((status) => ({ value: status, label: statusLabel(status, lang) }))}
        />
        <TextField name="statusSince" type="date" label={labels.statusSince} hint={t.staffStatusSinceHint} />
        <SelectField
          name="preferredLang"
          label={labels.preferredLang}
          options={[
            { value: "en", label: t.staffLangEn },
            { value: "fr", label: t.staffLangFr },
          ]}
        />
        <Submit>{props.personId ? t.staffSave : t.staffAdd}</Submit> <a href={cancel}>{t.staffCancel}</a>
      </Form>
      <PrivacyNoticeLink lang={lang} organisation={{ slug: org }} />
    </>
  );
}
