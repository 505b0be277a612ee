/**
 * A person's development plans in "everything held about me" (src/people/privacy/own-data.tsx): each
 * year's plan with its goals, activities and check-ins, as the JSON download and the readable page
 * show it. The composition (src/app.tsx) adds this section to the people side's list.
 */
import { formatDateTime, formatDay, messages } from "../../i18n/index.ts";
import { ownDataSection } from "../../people/privacy/own-data.tsx";
import { listPlans, type Plan, readPlan } from "./read.ts";
import { ActivityKindText, ActivityStatusText, competencyText, stateText } from "./words.tsx";

export const planDataSection = ownDataSection<Plan[]>({
  key: "developmentPlans",
  title: (lang) => messages(lang).planDataTitle,
  async collect(db, subject) {
    const plans: Plan[] = [];
    for (const summary of await listPlans(db, subject.organisationId, subject.personId)) {
      const plan = await readPlan(db, subject.organisationId, subject.personId, summary.year);
      if (plan) plans.push(plan);
    }
    return plans;
  },
  render(plans, lang, timeZone) {
    const t = messages(lang);
    if (plans.length === 0) return <p>{t.planListEmpty}</p>;
    return (
      <>
        {plans.map((plan) => (
          <section>
            <h3>{t.planYearLink(plan.year)}</h3>
            <p>{stateText(lang, plan.state)}</p>
            {plan.returned && <p>{t.planDataReturned(plan.returned.reason)}</p>}
            <ul>
              {plan.goals.map((goal) => (
                <li>
                  {competencyText(goal.competency, lang)} — {goal.goal}
                  <ul>
                    {goal.activities.map((a) => (
                      <li>
                        {a.description} (<ActivityKindText lang={lang} kind={a.kind} />,{" "}
                        <ActivityStatusText lang={lang} status={a.status} />
                        {a.targetDate ? `, ${formatDay(a.targetDate, lang)}` : ""})
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            {plan.checkins.length > 0 && (
              <ul>
                {plan.checkins.map((c) => (
                  <li>
                    {t.planCheckinBy(c.authorLabel, formatDateTime(c.at, lang, timeZone))}: {c.note}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </>
    );
  },
});
