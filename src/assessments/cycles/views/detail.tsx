/** One cycle: what it is, its steps and due dates, and what can be done with it now (real forms). */
import { formatDay, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  Hidden,
  Hint,
  Notice,
  Submit,
  TextField,
} from "../../../ui/forms/index.ts";
import { CYCLE_STEPS, dueField } from "../form.ts";
import { selectsEveryone } from "../participants.ts";
import type { Cycle } from "../store.ts";
import { cycleUrls } from "../urls.ts";
import { DueDates } from "./form.tsx";

export interface CyclePageProps {
  frame: OrganisationFrame;
  cycle: Cycle;
  scaleName: string;
  assessments: number;
  notice?: string;
  message?: string;
  /** The extension form's entries and problems after a refusal. */
  extension?: { values: FormValues; errors: FieldErrors };
}

export function CyclePage(props: CyclePageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { cycle } = props;
  const version = { version: String(cycle.version) };
  const s = cycle.selection;
  const extensionValues: FormValues = props.extension?.values ?? {
    period_end: cycle.periodEnd,
    ...Object.fromEntries(CYCLE_STEPS.map((step) => [dueField(step), cycle.due[step]])),
  };
  return (
    <>
      <OrganisationNav {...props.frame} current="cycles" />
      <h1>{cycle.name[lang]}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary
        lang={lang}
        message={props.message}
        errors={props.extension?.errors}
        scope="extend"
        labels={{
          period_end: t.cyclesPeriodEnd,
          ...Object.fromEntries(CYCLE_STEPS.map((step) => [dueField(step), t.cyclesStepName(step)])),
        }}
      />
      <p>
        <a href={cycleUrls.list(lang, slug)}>{t.cyclesBackToList}</a>
      </p>
      <dl class="profile-facts">
        <dt>{t.cyclesStateLabel}</dt>
        <dd>{t.cyclesCycleState(cycle.state)}</dd>
        <dt>{t.cyclesColPeriod}</dt>
        <dd>{t.cyclesPeriod(formatDay(cycle.periodStart, lang), formatDay(cycle.periodEnd, lang))}</dd>
        <dt>{t.cyclesScaleLabel}</dt>
        <dd>{props.scaleName}</dd>
        <dt>{t.cyclesParticipantsLabel}</dt>
        <dd>
          {selectsEveryone(s)
            ? t.cyclesEveryone
            : t.cyclesSelection(s.units.length, s.profiles.length, s.people.length)}
        </dd>
        <dt>{t.cyclesRuleLabel}</dt>
        <dd>{t.cyclesRuleName(cycle.leaverRule)}</dd>
        <dt>{t.cyclesColAssessments}</dt>
        <dd>{t.cyclesCount(props.assessments)}</dd>
      </dl>
      <table>
        <caption>{t.cyclesStepsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cyclesColStepName}</th>
            <th scope="col">{t.cyclesColStepDue}</th>
          </tr>
        </thead>
        <tbody>
          {CYCLE_STEPS.map((step) => (
            <tr>
              <th scope="row">{t.cyclesStepName(step)}</th>
              <td>{formatDay(cycle.due[step], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cycle.state !== "draft" && (
        <p>
          <a href={cycleUrls.progress(lang, slug, cycle.id)}>{t.cyclesProgressLink}</a>
        </p>
      )}
      <h2>{t.cyclesActionsHeading}</h2>
      {cycle.state === "draft" && (
        <>
          <p>
            <a href={cycleUrls.action(lang, slug, cycle.id, "edit")}>{t.cyclesEditLink}</a>
          </p>
          <Hint id="open-hint">{t.cyclesOpenHint}</Hint>
          <ButtonForm
            lang={lang}
            action={cycleUrls.action(lang, slug, cycle.id, "open")}
            hidden={version}
            describedBy="open-hint"
          >
            {t.cyclesOpenButton}
          </ButtonForm>
        </>
      )}
      {cycle.state === "open" && (
        <>
          <Hint id="joiners-hint">{t.cyclesAddJoinersHint}</Hint>
          <ButtonForm
            lang={lang}
            action={cycleUrls.action(lang, slug, cycle.id, "open")}
            hidden={version}
            describedBy="joiners-hint"
          >
            {t.cyclesAddJoinersButton}
          </ButtonForm>
        </>
      )}
      {cycle.state !== "closed" && (
        <Form
          lang={lang}
          action={cycleUrls.action(lang, slug, cycle.id, "extend")}
          class="stacked-form"
          novalidate
          scope="extend"
          values={extensionValues}
          errors={props.extension?.errors}
        >
          <Hidden name="version" value={String(cycle.version)} />
          <h3>{t.cyclesExtendLegend}</h3>
          <TextField name="period_end" type="date" label={t.cyclesPeriodEnd} hint={t.cyclesExtendHint} required />
          <DueDates lang={lang} />
          <Submit>{t.cyclesExtendButton}</Submit>
        </Form>
      )}
      {cycle.state === "open" && (
        <>
          <Hint id="close-hint">{t.cyclesCloseHint}</Hint>
          <ButtonForm
            lang={lang}
            action={cycleUrls.action(lang, slug, cycle.id, "close")}
            hidden={version}
            describedBy="close-hint"
          >
            {t.cyclesCloseButton}
          </ButtonForm>
        </>
      )}
      {cycle.state === "closed" && (
        <>
          <Hint id="reopen-hint">{t.cyclesReopenHint}</Hint>
          <ButtonForm
            lang={lang}
            action={cycleUrls.action(lang, slug, cycle.id, "reopen")}
            hidden={version}
            describedBy="reopen-hint"
          >
            {t.cyclesReopenButton}
          </ButtonForm>
        </>
      )}
    </>
  );
}
