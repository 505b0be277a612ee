/** A person's development plans, one per year, and the button that starts this year's; HR's plan settings. */
import { formatDate, formatNumber, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  Notice,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import { MAX_PLAN_GOALS_LIMIT } from "../settings.ts";
import type { PlanSummary } from "./read.ts";
import { planUrls } from "./urls.ts";
import { StateText } from "./words.tsx";

export function PlanListPage(props: {
  frame: OrganisationFrame;
  person: { id: string; name: string };
  plans: PlanSummary[];
  /** This year's, when the reader may start it and it does not exist yet. */
  createYear?: number;
  message?: string;
}) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{t.planListTitle(props.person.name)}</h1>
      <ErrorSummary lang={lang} message={props.message} />
      <p>{t.planListIntro}</p>
      {props.plans.length === 0 ? (
        <p>{t.planListEmpty}</p>
      ) : (
        <table>
          <caption>{t.planListCaption(props.person.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.planColumnYear}</th>
              <th scope="col">{t.planColumnState}</th>
              <th scope="col">{t.planColumnGoals}</th>
              <th scope="col">{t.planColumnUpdated}</th>
            </tr>
          </thead>
          <tbody>
            {props.plans.map((plan) => (
              <tr>
                <th scope="row">
                  <a href={planUrls.plan(lang, slug, props.person.id, plan.year)}>{t.planYearLink(plan.year)}</a>
                </th>
                <td>
                  <StateText lang={lang} state={plan.state} />
                </td>
                <td>{formatNumber(plan.goals, lang)}</td>
                <td>{formatDate(plan.updatedAt, lang, props.frame.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.createYear !== undefined && (
        <ButtonForm
          lang={lang}
          action={planUrls.list(lang, slug, props.person.id)}
          hidden={{ year: String(props.createYear) }}
        >
          {t.planCreate(props.createYear)}
        </ButtonForm>
      )}
    </>
  );
}

export function PlanSettingsPage(props: {
  frame: OrganisationFrame;
  values: FormValues;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  return (
    <>
      <OrganisationNav {...props.frame} current="settings" />
      <h1>{t.planSettingsTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} errors={props.errors} labels={{ max_plan_goals: t.planMaxGoals }} />
      <Form lang={lang} action={planUrls.settings(lang, slug)} values={props.values} errors={props.errors}>
        <TextField
          name="max_plan_goals"
          type="number"
          min={1}
          max={MAX_PLAN_GOALS_LIMIT}
          required
          label={t.planMaxGoals}
          hint={t.planMaxGoalsHint(MAX_PLAN_GOALS_LIMIT)}
        />
        <Submit>{t.planSaveSettings}</Submit>
      </Form>
    </>
  );
}
