/**
 * The job profile form (new and edit). Without JavaScript, each list row has its own buttons (move up,
 * move down, remove), and "add" appends a blank row: those buttons send the whole form back with
 * `list_op` and the page comes back with the rows changed and nothing saved. The version the author
 * started from travels in a hidden field; a stale save shows their input again with a message.
 */
import { type Lang, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import {
  BilingualFields,
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  Fieldset,
  Form,
  type FormValues,
  Hidden,
  Submit,
  TextField,
} from "../../../ui/forms/index.ts";
import {
  type BilingualLine,
  CODE_MAX,
  CONDITIONS_MAX,
  GRADE_MAX,
  LINE_MAX,
  LIST_MAX,
  type ListName,
  SUMMARY_MAX,
  TITLE_MAX,
} from "../fields.ts";
import type { UnitName } from "./profile.tsx";

export interface ProfileFormProps {
  frame: OrganisationFrame;
  title: string;
  action: string;
  /** The profile's version when the author opened it (edit only). */
  version?: number;
  values: FormValues;
  rows: Record<ListName, BilingualLine[]>;
  units: UnitName[];
  errors?: FieldErrors;
  message?: string;
  submit: string;
  cancel?: string;
}

function ListRows(props: { lang: Lang; list: ListName; rows: BilingualLine[] }) {
  const t = messages(props.lang);
  // One blank row to write a new entry in, unless the list is full.
  const rows = props.rows.length < LIST_MAX ? [...props.rows, { en: "", fr: "" }] : props.rows;
  const legend = props.list === "duties" ? t.profileDutiesLegend : t.profileQualificationsLegend;
  return (
    <Fieldset legend={legend} class="profile-list">
      <ol>
        {rows.map((row, i) => {
          const n = i + 1;
          const real = i < props.rows.length;
          return (
            <li>
              <div class="bilingual bilingual--form">
                <TextField
                  name={`${props.list}_en_${i}`}
                  label={t.profileRowEnLabel(n)}
                  value={row.en}
                  inputLang="en"
                  maxlength={LINE_MAX}
                  class="bilingual__column"
                />
                <TextField
                  name={`${props.list}_fr_${i}`}
                  label={t.profileRowFrLabel(n)}
                  value={row.fr}
                  inputLang="fr"
                  maxlength={LINE_MAX}
                  class="bilingual__column"
                />
              </div>
              {real && (
                // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not form fields: a fieldset would misdescribe it
                <div class="outline-row__actions" role="group" aria-label={t.profileRowActions(n)}>
                  {i > 0 && (
                    <Submit name="list_op" value={`${props.list}:up:${i}`} class="button--quiet">
                      {t.profileRowUp}
                    </Submit>
                  )}
                  {i < props.rows.length - 1 && (
                    <Submit name="list_op" value={`${props.list}:down:${i}`} class="button--quiet">
                      {t.profileRowDown}
                    </Submit>
                  )}
                  <Submit name="list_op" value={`${props.list}:remove:${i}`} class="button--quiet">
                    {t.profileRowRemove}
                  </Submit>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <Submit name="list_op" value={`${props.list}:add`} class="button--quiet">
        {props.list === "duties" ? t.profileAddDuty : t.profileAddQualification}
      </Submit>
    </Fieldset>
  );
}

export function ProfileFormPage(props: ProfileFormProps) {
  const { lang } = props.frame;
  const t = messages(lang);
  const labels = {
    title_en: t.profileTitleEnLabel,
    title_fr: t.profileTitleFrLabel,
    code: t.profileCodeLabel,
    grade: t.profileGradeLabel,
    summary_en: t.profileSummaryEnLabel,
    summary_fr: t.profileSummaryFrLabel,
    working_conditions_en: t.profileConditionsEnLabel,
    working_conditions_fr: t.profileConditionsFrLabel,
  };
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{props.title}</h1>
      <Form lang={lang} action={props.action} values={props.values} errors={props.errors} novalidate>
        <ErrorSummary lang={lang} errors={props.errors} labels={labels} message={props.message} />
        {props.version !== undefined && <Hidden name="version" value={String(props.version)} />}
        {/* First in the form, so Enter in any field saves rather than pressing a row's button. */}
        <Submit>{props.submit}</Submit>
        <BilingualFields
          fields={[
            {
              base: "title",
              label: { en: t.profileTitleEnLabel, fr: t.profileTitleFrLabel },
              maxlength: TITLE_MAX,
              required: true,
            },
          ]}
        />
        <TextField name="code" label={t.profileCodeLabel} hint={t.profileCodeHint} maxlength={CODE_MAX} />
        <TextField name="grade" label={t.profileGradeLabel} maxlength={GRADE_MAX} />
        <BilingualFields
          fields={[
            {
              base: "summary",
              label: { en: t.profileSummaryEnLabel, fr: t.profileSummaryFrLabel },
              maxlength: SUMMARY_MAX,
              multiline: true,
              rows: 5,
            },
          ]}
        />
        <ListRows lang={lang} list="duties" rows={props.rows.duties} />
        <ListRows lang={lang} list="qualifications" rows={props.rows.qualifications} />
        <BilingualFields
          fields={[
            {
              base: "working_conditions",
              label: { en: t.profileConditionsEnLabel, fr: t.profileConditionsFrLabel },
              maxlength: CONDITIONS_MAX,
              multiline: true,
            },
          ]}
        />
        <Fieldset legend={t.profileUnitsLegend}>
          {props.units.length === 0 ? (
            <p>{t.profileNoUnits}</p>
          ) : (
            props.units.map((u) => (
              <Checkbox name={`unit_${u.id}`} value="on" label={lang === "fr" ? u.name_fr : u.name_en} />
            ))
          )}
        </Fieldset>
        <Submit>{props.submit}</Submit>
      </Form>
      {props.cancel && (
        <p>
          <a href={props.cancel}>{t.profileCancel}</a>
        </p>
      )}
    </>
  );
}
