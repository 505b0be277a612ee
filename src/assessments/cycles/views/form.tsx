/**
 * The form of a draft cycle (new or edited). Participants: checkboxes of units and job profiles, and
 * people as a text area, one e-mail address or employee number a line (a library system's staff is
 * too many for checkboxes; each line is checked and an unknown one refused by its number).
 */
import { type Lang, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import {
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  Fieldset,
  Form,
  type FormValues,
  Hidden,
  RadioGroup,
  SelectField,
  Submit,
  TextArea,
  TextField,
} from "../../../ui/forms/index.ts";
import { CYCLE_STEPS, dueField, LEAVER_RULES } from "../form.ts";
import { cycleUrls } from "../urls.ts";

export interface Named {
  id: string;
  name_en: string;
  name_fr: string;
}

export interface CycleFormChoices {
  units: Named[];
  profiles: { id: string; title_en: string; title_fr: string }[];
  scales: (Named & { organisation_id: string | null })[];
}

export interface CycleFormPageProps {
  frame: OrganisationFrame;
  choices: CycleFormChoices;
  /** The draft being edited (its id, name and the version the form was drawn from). */
  editing?: { id: string; name: string; version: number };
  values: FormValues;
  units: readonly string[];
  profiles: readonly string[];
  errors?: FieldErrors;
  message?: string;
}

const named = (n: Named, lang: Lang) => (lang === "fr" ? n.name_fr : n.name_en);

export function CycleFormPage(props: CycleFormPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const editing = props.editing;
  const labels: Record<string, string> = {
    name_en: t.cyclesNameEn,
    name_fr: t.cyclesNameFr,
    period_start: t.cyclesPeriodStart,
    period_end: t.cyclesPeriodEnd,
    scale: t.cyclesScale,
    units: t.cyclesUnits,
    profiles: t.cyclesProfiles,
    people: t.cyclesPeople,
    leaver_rule: t.cyclesLeaverRule,
    ...Object.fromEntries(CYCLE_STEPS.map((step) => [dueField(step), t.cyclesStepName(step)])),
  };
  return (
    <>
      <OrganisationNav {...props.frame} current="cycles" />
      <h1>{editing ? t.cyclesEditTitle(editing.name) : t.cyclesNewTitle}</h1>
      <ErrorSummary lang={lang} errors={props.errors} labels={labels} message={props.message} />
      <Form
        lang={lang}
        action={editing ? cycleUrls.action(lang, slug, editing.id, "edit") : cycleUrls.list(lang, slug)}
        class="stacked-form"
        novalidate
        errors={props.errors}
        values={props.values}
      >
        {editing && <Hidden name="version" value={String(editing.version)} />}
        <TextField name="name_en" label={t.cyclesNameEn} inputLang="en" maxlength={200} required />
        <TextField name="name_fr" label={t.cyclesNameFr} inputLang="fr" maxlength={200} required />
        <Fieldset legend={t.cyclesPeriodLegend}>
          <TextField name="period_start" type="date" label={t.cyclesPeriodStart} required />
          <TextField name="period_end" type="date" label={t.cyclesPeriodEnd} required />
        </Fieldset>
        <SelectField
          name="scale"
          label={t.cyclesScale}
          hint={t.cyclesScaleHint}
          options={props.choices.scales.map((s) => ({
            value: s.id,
            label: s.organisation_id ? t.cyclesScaleOwn(named(s, lang)) : named(s, lang),
          }))}
        />
        <Fieldset legend={t.cyclesParticipantsLegend} hint={t.cyclesParticipantsHint} id="participants">
          {props.choices.units.length === 0 ? (
            <p>{t.cyclesNoUnits}</p>
          ) : (
            <CheckboxGroup
              name="units"
              label={t.cyclesUnits}
              values={props.units}
              options={props.choices.units.map((u) => ({ value: u.id, label: named(u, lang) }))}
            />
          )}
          {props.choices.profiles.length === 0 ? (
            <p>{t.cyclesNoProfiles}</p>
          ) : (
            <CheckboxGroup
              name="profiles"
              label={t.cyclesProfiles}
              values={props.profiles}
              options={props.choices.profiles.map((p) => ({
                value: p.id,
                label: lang === "fr" ? p.title_fr : p.title_en,
              }))}
            />
          )}
          <TextArea name="people" label={t.cyclesPeople} hint={t.cyclesPeopleHint} rows={5} />
        </Fieldset>
        <RadioGroup
          name="leaver_rule"
          label={t.cyclesLeaverRule}
          options={LEAVER_RULES.map((rule) => ({ value: rule, label: t.cyclesRuleName(rule) }))}
        />
        <DueDates lang={lang} />
        <Submit>{t.cyclesSaveDraft}</Submit>
      </Form>
    </>
  );
}

/** The four steps' due dates (the new/edit form and the extension form share them). */
export function DueDates(props: { lang: Lang; legend?: string; hint?: string }) {
  const t = messages(props.lang);
  return (
    <Fieldset legend={props.legend ?? t.cyclesStepsLegend} hint={props.hint ?? t.cyclesStepsHint} id="due-dates">
      {CYCLE_STEPS.map((step) => (
        <TextField name={dueField(step)} type="date" label={t.cyclesStepName(step)} required />
      ))}
    </Fieldset>
  );
}
