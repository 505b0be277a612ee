/**
 * A development plan's page: its state and what happened to it, the goals with their activities,
 * the check-ins, and the forms each reader may use (the person edits a draft, submits, reports
 * progress and attaches finished activities as evidence; a manager up the chain approves, sends
 * back with a reason, closes, and writes check-ins). Real forms; no JavaScript needed.
 */
import { pick } from "../../i18n/bilingual.ts";
import { formatDate, formatDay, messages } from "../../i18n/index.ts";
import { OrganisationNav } from "../../people/organisations/views.tsx";
import {
  ButtonForm,
  ErrorSummary,
  Fieldset,
  Form,
  Hidden,
  Notice,
  SelectField,
  Submit,
  TextArea,
  TextField,
} from "../../ui/forms/index.ts";
import { DESCRIPTION_MAX, GOAL_MAX, REASON_MAX } from "./forms.ts";
import type { PlanPageProps } from "./page-model.ts";
import { CheckinsSection, keptFor, SuggestionsSection } from "./plan-sections.tsx";
import type { PlanActivity, PlanGoal } from "./read.ts";
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, contentEditable, progressOpen } from "./rules.ts";
import { planUrls } from "./urls.ts";
import { ActivityKindText, ActivityStatusText, CompetencyText, competencyText, StateText } from "./words.tsx";

export function PlanPage(props: PlanPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { plan, person } = props;
  const editing = props.can.edit && contentEditable(plan.state);
  return (
    <>
      <OrganisationNav {...props.frame} />
      <p>
        <a href={planUrls.list(lang, slug, person.id)}>{t.planBackToList(person.name)}</a>
      </p>
      <h1>{t.planTitle(person.name, plan.year)}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} message={props.message} errors={props.kept?.errors} scope={props.kept?.scope} />
      <StateSection {...props} />
      <section aria-labelledby="plan-goals">
        <h2 id="plan-goals">{t.planGoalsHeading(plan.goals.length, props.maxGoals)}</h2>
        {plan.goals.length === 0 ? (
          <p>{t.planNoGoals}</p>
        ) : (
          plan.goals.map((goal) => <GoalBlock {...props} goal={goal} />)
        )}
        {editing && plan.goals.length < props.maxGoals && <p>{t.planAddGoalHint}</p>}
        {editing && plan.goals.length >= props.maxGoals && <p>{t.planGoalLimitReached(props.maxGoals)}</p>}
      </section>
      {editing && <SuggestionsSection {...props} />}
      <CheckinsSection {...props} />
    </>
  );
}

function StateSection(props: PlanPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { plan, person } = props;
  const version = String(plan.version);
  const returnScope = "return";
  return (
    <section aria-labelledby="plan-state">
      <h2 id="plan-state">{t.planStateHeading}</h2>
      <p>
        <StateText lang={lang} state={plan.state} />
      </p>
      <ul>
        {plan.submittedAt && <li>{t.planSubmittedOn(formatDate(plan.submittedAt, lang, props.frame.timeZone))}</li>}
        {plan.approvedAt && (
          <li>
            {t.planApprovedBy(
              plan.approvedByLabel ?? t.planSomeone,
              formatDate(plan.approvedAt, lang, props.frame.timeZone),
            )}
          </li>
        )}
        {plan.closedAt && <li>{t.planClosedOn(formatDate(plan.closedAt, lang, props.frame.timeZone))}</li>}
      </ul>
      {plan.returned && (
        <div class="notice notice--warning">
          <p>
            {t.planReturnedBy(
              plan.returned.byLabel ?? t.planSomeone,
              plan.returned.at ? formatDate(plan.returned.at, lang, props.frame.timeZone) : "",
            )}
          </p>
          <blockquote>{plan.returned.reason}</blockquote>
        </div>
      )}
      {props.can.edit && plan.state === "draft" && plan.goals.length > 0 && (
        <ButtonForm lang={lang} action={planUrls.move(lang, slug, person.id, plan.year, "submit")} hidden={{ version }}>
          {t.planSubmit}
        </ButtonForm>
      )}
      {props.can.approve && plan.state === "submitted" && (
        <>
          <ButtonForm
            lang={lang}
            action={planUrls.move(lang, slug, person.id, plan.year, "approve")}
            hidden={{ version }}
          >
            {t.planApprove}
          </ButtonForm>
          <Form
            lang={lang}
            action={planUrls.move(lang, slug, person.id, plan.year, "return")}
            scope={returnScope}
            values={keptFor(props, returnScope)?.values}
            errors={keptFor(props, returnScope)?.errors}
          >
            <Hidden name="version" value={version} />
            <TextArea name="reason" label={t.planReturnReason} required maxlength={REASON_MAX} rows={3} />
            <Submit>{t.planReturn}</Submit>
          </Form>
        </>
      )}
      {props.can.approve && plan.state === "approved" && (
        <ButtonForm lang={lang} action={planUrls.move(lang, slug, person.id, plan.year, "close")} hidden={{ version }}>
          {t.planClose}
        </ButtonForm>
      )}
    </section>
  );
}

function GoalBlock(props: PlanPageProps & { goal: PlanGoal }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { plan, person, goal } = props;
  const editing = props.can.edit && contentEditable(plan.state);
  const version = String(plan.version);
  const headingId = `goal-${goal.id}`;
  const goalScope = `goal-${goal.id}`;
  const activityScope = `activity-${goal.id}`;
  const keptActivity = keptFor(props, activityScope);
  return (
    <section aria-labelledby={headingId} class="plan-goal">
      <h3 id={headingId}>
        <CompetencyText lang={lang} competency={goal.competency} />
      </h3>
      {editing ? (
        <Form
          lang={lang}
          action={planUrls.goal(lang, slug, person.id, plan.year, goal.id)}
          scope={goalScope}
          values={keptFor(props, goalScope)?.values ?? { goal: goal.goal }}
          errors={keptFor(props, goalScope)?.errors}
        >
          <Hidden name="version" value={version} />
          <TextArea name="goal" label={t.planGoalText} required maxlength={GOAL_MAX} rows={2} />
          <Submit>{t.planSaveGoal}</Submit>
        </Form>
      ) : (
        <p>
          <strong>{t.planGoalText}</strong> {goal.goal}
        </p>
      )}
      {goal.activities.length === 0 ? (
        <p>{t.planNoActivities}</p>
      ) : (
        <table>
          <caption>{t.planActivitiesCaption(competencyText(goal.competency, lang))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.planColumnActivity}</th>
              <th scope="col">{t.planColumnKind}</th>
              <th scope="col">{t.planColumnTarget}</th>
              <th scope="col">{t.planColumnStatus}</th>
            </tr>
          </thead>
          <tbody>
            {goal.activities.map((activity) => (
              <ActivityRow {...props} activity={activity} />
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <>
          <Form
            lang={lang}
            action={planUrls.activities(lang, slug, person.id, plan.year, goal.id)}
            scope={activityScope}
            values={keptActivity?.values ?? { kind: "practice" }}
            errors={keptActivity?.errors}
          >
            <Hidden name="version" value={version} />
            <Fieldset legend={t.planAddActivityFor(competencyText(goal.competency, lang))}>
              <SelectField
                name="kind"
                label={t.planColumnKind}
                options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ActivityKindText({ lang, kind }) }))}
              />
              <TextArea name="description" label={t.planDescription} required maxlength={DESCRIPTION_MAX} rows={2} />
              <TextField name="target_date" type="date" label={t.planTargetDate} hint={t.planTargetDateHint} />
              <Submit>{t.planAddActivity}</Submit>
            </Fieldset>
          </Form>
          <ButtonForm
            lang={lang}
            action={planUrls.removeGoal(lang, slug, person.id, plan.year, goal.id)}
            hidden={{ version }}
            class="button--quiet"
            label={t.planRemoveGoalLabel(competencyText(goal.competency, lang))}
          >
            {t.planRemoveGoal}
          </ButtonForm>
        </>
      )}
    </section>
  );
}

function ActivityRow(props: PlanPageProps & { goal: PlanGoal; activity: PlanActivity }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { plan, person, activity } = props;
  const version = String(plan.version);
  const resourceTitle = activity.resource
    ? lang === "fr"
      ? activity.resource.titleFr
      : activity.resource.titleEn
    : null;
  const targets = props.evidence.get(activity.id) ?? [];
  const mayProgress = props.can.edit && progressOpen(plan.state);
  return (
    <tr>
      <th scope="row">
        {activity.description}
        {resourceTitle && (
          <>
            <br />
            {activity.resource?.url ? (
              <a href={activity.resource.url}>{t.planResourceLink(resourceTitle)}</a>
            ) : (
              t.planResourceLink(resourceTitle)
            )}
          </>
        )}
        {props.can.edit && contentEditable(plan.state) && <ActivityEdit {...props} />}
        {props.can.edit && contentEditable(plan.state) && (
          <ButtonForm
            lang={lang}
            action={planUrls.removeActivity(lang, slug, person.id, plan.year, activity.id)}
            hidden={{ version }}
            class="button--quiet"
            label={t.planRemoveActivityLabel(activity.description)}
          >
            {t.planRemoveActivity}
          </ButtonForm>
        )}
      </th>
      <td>
        <ActivityKindText lang={lang} kind={activity.kind} />
      </td>
      <td>{activity.targetDate ? formatDay(activity.targetDate, lang) : t.planNoDate}</td>
      <td>
        {mayProgress ? (
          <Form
            lang={lang}
            action={planUrls.status(lang, slug, person.id, plan.year, activity.id)}
            scope={`status-${activity.id}`}
            values={{ status: activity.status }}
            class="inline-form"
          >
            <Hidden name="version" value={version} />
            <SelectField
              name="status"
              label={t.planStatusOf(activity.description)}
              labelHidden
              options={ACTIVITY_STATUSES.map((status) => ({
                value: status,
                label: ActivityStatusText({ lang, status }),
              }))}
            />
            <Submit label={t.planSaveStatusOf(activity.description)}>{t.planSaveStatus}</Submit>
          </Form>
        ) : (
          <ActivityStatusText lang={lang} status={activity.status} />
        )}
        {activity.doneAt && <p>{t.planDoneOn(formatDate(activity.doneAt, lang, props.frame.timeZone))}</p>}
        {props.can.edit &&
          targets.map((target) =>
            target.attached ? (
              <p>{t.planEvidenceAttached(pick(target.cycleName, lang)?.value ?? "")}</p>
            ) : (
              <ButtonForm
                lang={lang}
                action={planUrls.evidence(lang, slug, person.id, plan.year, activity.id)}
                hidden={{ version, assessment: target.assessmentId }}
                label={t.planAttachEvidenceLabel(activity.description, pick(target.cycleName, lang)?.value ?? "")}
              >
                {t.planAttachEvidence(pick(target.cycleName, lang)?.value ?? "")}
              </ButtonForm>
            ),
          )}
      </td>
    </tr>
  );
}

/** Rewording, re-dating or changing the kind of an activity of a draft (opened as a disclosure). */
function ActivityEdit(props: PlanPageProps & { activity: PlanActivity }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { plan, person, activity } = props;
  const scope = `edit-${activity.id}`;
  const kept = keptFor(props, scope);
  return (
    <details open={kept !== undefined}>
      <summary>{t.planEditActivity}</summary>
      <Form
        lang={lang}
        action={planUrls.activity(lang, slug, person.id, plan.year, activity.id)}
        scope={scope}
        values={
          kept?.values ?? {
            kind: activity.kind,
            description: activity.description,
            target_date: activity.targetDate ?? "",
          }
        }
        errors={kept?.errors}
      >
        <Hidden name="version" value={String(plan.version)} />
        {activity.resource && <Hidden name="resource" value={activity.resource.id} />}
        <SelectField
          name="kind"
          label={t.planColumnKind}
          options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ActivityKindText({ lang, kind }) }))}
        />
        <TextArea name="description" label={t.planDescription} required maxlength={DESCRIPTION_MAX} rows={2} />
        <TextField name="target_date" type="date" label={t.planTargetDate} hint={t.planTargetDateHint} />
        <Submit label={t.planSaveActivityOf(activity.description)}>{t.planSaveActivity}</Submit>
      </Form>
    </details>
  );
}
