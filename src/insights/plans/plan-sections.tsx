/**
 * Two sections of the plan page: the suggestions from the person's latest assessment (each gap with
 * "Add as a goal" and, for each resource tagged to it, "Add this resource as an activity") and the
 * check-ins with their form.
 */
import { formatDateTime, messages } from "../../i18n/index.ts";
import { ButtonForm, Form, Hidden, Submit, TextArea, TextField } from "../../ui/forms/index.ts";
import { GOAL_MAX, NOTE_MAX } from "./forms.ts";
import type { PlanPageProps } from "./page-model.ts";
import { progressOpen } from "./rules.ts";
import { planUrls } from "./urls.ts";
import { CompetencyText, competencyText } from "./words.tsx";

/** The refused form of this scope, to draw again with what was typed. */
export const keptFor = (props: PlanPageProps, scope: string) => (props.kept?.scope === scope ? props.kept : undefined);

export function SuggestionsSection(props: PlanPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { plan, person } = props;
  const version = String(plan.version);
  const planned = new Set(plan.goals.map((g) => `${g.frameworkId}~${g.itemId}`));
  const full = plan.goals.length >= props.maxGoals;
  return (
    <section aria-labelledby="plan-suggestions">
      <h2 id="plan-suggestions">{t.planSuggestionsHeading}</h2>
      {props.suggestions.length === 0 ? (
        <p>{t.planNoSuggestions}</p>
      ) : (
        <>
          <p>{t.planSuggestionsIntro}</p>
          {props.suggestions.map((s, index) => {
            const value = `${s.frameworkId}~${s.itemId}`;
            const name = competencyText(s.competency, lang);
            const already = planned.has(value);
            const goalOf = plan.goals.find((g) => `${g.frameworkId}~${g.itemId}` === value);
            const scope = `suggestion-${index}`;
            const kept = keptFor(props, scope);
            return (
              <section aria-labelledby={`suggestion-${index}-name`} class="plan-suggestion">
                <h3 id={`suggestion-${index}-name`}>
                  <CompetencyText lang={lang} competency={s.competency} />
                </h3>
                <p>{t.planGapText(s.agreed, s.target, s.size)}</p>
                {already ? (
                  <p>{t.planAlreadyGoal}</p>
                ) : full ? null : (
                  <Form
                    lang={lang}
                    action={planUrls.goals(lang, slug, person.id, plan.year)}
                    scope={scope}
                    values={kept?.values ?? { goal: t.planGoalDefault(s.target) }}
                    errors={kept?.errors}
                  >
                    <Hidden name="version" value={version} />
                    <Hidden name="competency" value={value} />
                    <Hidden name="scope" value={scope} />
                    <TextField name="goal" label={t.planGoalFor(name)} required maxlength={GOAL_MAX} />
                    <Submit>{t.planAddAsGoal}</Submit>
                  </Form>
                )}
                {s.resources.length > 0 && (
                  <ul>
                    {s.resources.map((r) => {
                      const title = lang === "fr" ? r.titleFr : r.titleEn;
                      return (
                        <li>
                          {r.url ? <a href={r.url}>{title}</a> : title}{" "}
                          {goalOf ? (
                            <ButtonForm
                              lang={lang}
                              action={planUrls.activities(lang, slug, person.id, plan.year, goalOf.id)}
                              hidden={{ version, kind: r.kind, resource: r.id, description: title }}
                              label={t.planAddResourceLabel(title, name)}
                            >
                              {t.planAddResource}
                            </ButtonForm>
                          ) : full ? null : (
                            <ButtonForm
                              lang={lang}
                              action={planUrls.goals(lang, slug, person.id, plan.year)}
                              hidden={{ version, competency: value, goal: t.planGoalDefault(s.target), resource: r.id }}
                              label={t.planAddResourceLabel(title, name)}
                            >
                              {t.planAddResource}
                            </ButtonForm>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

export function CheckinsSection(props: PlanPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const { plan, person } = props;
  const scope = "checkin";
  return (
    <section aria-labelledby="plan-checkins">
      <h2 id="plan-checkins">{t.planCheckinsHeading}</h2>
      {plan.checkins.length === 0 ? (
        <p>{t.planNoCheckins}</p>
      ) : (
        <ol class="plan-checkins">
          {plan.checkins.map((c) => (
            <li>
              <p>
                <strong>{t.planCheckinBy(c.authorLabel, formatDateTime(c.at, lang, props.frame.timeZone))}</strong>
              </p>
              <p>{c.note}</p>
            </li>
          ))}
        </ol>
      )}
      {props.can.checkin && progressOpen(plan.state) && (
        <Form
          lang={lang}
          action={planUrls.checkins(lang, slug, person.id, plan.year)}
          scope={scope}
          values={keptFor(props, scope)?.values}
          errors={keptFor(props, scope)?.errors}
        >
          <Hidden name="version" value={String(plan.version)} />
          <TextArea name="note" label={t.planCheckinNote} required maxlength={NOTE_MAX} rows={3} />
          <Submit>{t.planAddCheckin}</Submit>
        </Form>
      )}
    </section>
  );
}
