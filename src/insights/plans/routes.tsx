/**
 * Development plan pages under /{lang}/orgs/:org/people/:person/plans (issue 16, decision 049): the
 * person's years and this year's creation, one year's plan and every form on it. Access is the
 * policy's: `plan.read` (HR, the person, managers up the chain), `plan.edit` (the person),
 * `plan.approve` (managers up the chain), `plan.checkin` (the person or a manager). A person the
 * reader may not see answers as one who does not exist (404); a view of someone else's plan goes to
 * the access log. Every write carries the plan's version: a stale one answers 409 with the page drawn
 * again and what was typed kept.
 */
import { Hono } from "hono";
import type { z } from "zod";
import { messages } from "../../i18n/index.ts";
import type { OrganisationEnv } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { can, type OrganisationAction } from "../../policy/index.ts";
import { formBody } from "../../security/form-body.ts";
import { type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import type { ResourceFormat } from "../learning/values.ts";
import { planSettings } from "../settings.ts";
import {
  type Ctx,
  logView,
  planAddress,
  planAddressIn,
  type Subject,
  subjectFor,
  textValues,
  yearOf,
} from "./access.ts";
import { attachActivity, evidenceTargets } from "./evidence.ts";
import {
  activityForm,
  checkinForm,
  evidenceForm,
  goalForm,
  goalTextForm,
  returnForm,
  statusForm,
  versionForm,
} from "./forms.ts";
import { PlanListPage } from "./list-view.tsx";
import type { KeptForm } from "./page-model.ts";
import { addCheckin, changePlanState, setActivityStatus } from "./progress.ts";
import { listPlans, type Plan, readPlan } from "./read.ts";
import { currentYear } from "./rules.ts";
import {
  addActivity,
  addGoal,
  createPlan,
  type PlanKey,
  PlanRefused,
  removeActivity,
  removeGoal,
  StalePlanError,
  updateActivity,
  updateGoal,
} from "./store.ts";
import { kindOfFormat, planSuggestions } from "./suggestions.ts";
import { planUrls } from "./urls.ts";
import { PlanPage } from "./views.tsx";

const t = (c: Ctx) => messages(c.var.lang);

const DONE = {
  created: "planCreated",
  goal: "planGoalAdded",
  goalSaved: "planGoalSaved",
  goalRemoved: "planGoalRemoved",
  activity: "planActivityAdded",
  activityRemoved: "planActivityRemoved",
  activitySaved: "planActivitySaved",
  status: "planStatusSaved",
  checkin: "planCheckinAdded",
  submit: "planSubmitted",
  approve: "planApproved",
  return: "planReturned",
  close: "planClosed",
  evidence: "planEvidenceDone",
  evidenceAlready: "planEvidenceAlready",
} as const;
type Done = keyof typeof DONE;

export function planRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  app.get("/", async (c) => {
    const subject = await subjectFor(c, "plan.read");
    if (subject instanceof Response) return subject;
    const plans = await listPlans(c.var.db, c.var.organisation.id, subject.resource.personId);
    const year = currentYear(new Date());
    const mayCreate = can(subject.actor, "plan.edit", subject.resource) && !plans.some((p) => p.year === year);
    await logView(c, subject);
    return renderPrivatePage(
      c,
      <PlanListPage
        frame={frameOf(c)}
        person={{ id: subject.resource.personId, name: subject.name }}
        plans={plans}
        createYear={mayCreate ? year : undefined}
      />,
      t(c).planListTitle(subject.name),
    );
  });

  app.post("/", async (c) => {
    const subject = await subjectFor(c, "plan.edit");
    if (subject instanceof Response) return subject;
    const year = currentYear(new Date());
    try {
      await createPlan(c.var.db, { organisationId: c.var.organisation.id, personId: subject.resource.personId, year });
    } catch (error) {
      // A plan already there for the year: take the person to it.
      if (!(error instanceof PlanRefused && error.reason === "exists")) throw error;
    }
    return c.redirect(
      `${planUrls.plan(c.var.lang, c.var.organisation.slug, subject.resource.personId, year)}?done=created`,
      303,
    );
  });

  /** The plan page, with a notice, a message, and a refused form drawn again. */
  const planPage = async (
    c: Ctx,
    subject: Subject,
    plan: Plan,
    extra: { notice?: string; message?: string; kept?: KeptForm } = {},
    status: Status = 200,
  ) => {
    const { db, lang } = c.var;
    const organisation = c.var.organisation;
    const abilities = {
      edit: can(subject.actor, "plan.edit", subject.resource),
      approve: can(subject.actor, "plan.approve", subject.resource),
      checkin: can(subject.actor, "plan.checkin", subject.resource),
    };
    const activities = plan.goals.flatMap((g) =>
      g.activities.map((a) => ({ id: a.id, itemId: g.itemId, doneAt: a.doneAt, description: a.description })),
    );
    const [suggestions, evidence] = await Promise.all([
      abilities.edit && plan.state === "draft"
        ? planSuggestions(db, organisation.id, plan.personId, lang)
        : Promise.resolve([]),
      abilities.edit
        ? evidenceTargets(db, organisation.id, plan.personId, activities, planAddress(c, plan))
        : Promise.resolve(new Map()),
    ]);
    return renderPrivatePage(
      c,
      <PlanPage
        frame={frameOf(c)}
        person={{ id: plan.personId, name: subject.name }}
        plan={plan}
        can={abilities}
        maxGoals={planSettings(organisation.settings).maxPlanGoals}
        suggestions={suggestions}
        evidence={evidence}
        {...extra}
      />,
      t(c).planTitle(subject.name, plan.year),
      status,
    );
  };

  /** The plan in `:year` for the person in `:person`, if the reader may do `action`. */
  const loadPlan = async (c: Ctx, action: OrganisationAction) => {
    const subject = await subjectFor(c, action);
    if (subject instanceof Response) return subject;
    const year = yearOf(c);
    const plan =
      year === undefined ? undefined : await readPlan(c.var.db, c.var.organisation.id, subject.resource.personId, year);
    if (!plan) return c.notFound();
    return { subject, plan };
  };

  app.get("/:year", async (c) => {
    const loaded = await loadPlan(c, "plan.read");
    if (loaded instanceof Response) return loaded;
    await logView(c, loaded.subject);
    const done = c.req.query("done");
    const notice = done && done in DONE ? (t(c)[DONE[done as Done]] as string) : undefined;
    return planPage(c, loaded.subject, loaded.plan, { notice });
  });

  /**
   * One write on the plan: the form through its schema (400 with the form kept), the store call
   * (409 when stale or refused by the plan's state, with the form kept), then back to the page.
   */
  const write = <S extends z.ZodType>(options: {
    action: OrganisationAction;
    schema: S;
    scope: (c: Ctx, body: Record<string, unknown>) => string;
    run: (c: Ctx, key: PlanKey, data: z.infer<S>, subject: Subject, plan: Plan) => Promise<Done | Response>;
  }) =>
    async function handle(c: Ctx) {
      const loaded = await loadPlan(c, options.action);
      if (loaded instanceof Response) return loaded;
      const { subject, plan } = loaded;
      const body = ((await formBody(c as never)) ?? {}) as Record<string, unknown>;
      const kept = (errors?: FieldErrors): KeptForm => ({
        scope: options.scope(c, body),
        values: textValues(body),
        errors,
      });
      const parsed = parseForm(options.schema, body);
      if (!parsed.ok) return planPage(c, subject, plan, { kept: kept(parsed.errors) }, 400);
      const key = { organisationId: c.var.organisation.id, planId: plan.id, version: Number(body.version) };
      try {
        const done = await options.run(c, key, parsed.data, subject, plan);
        if (done instanceof Response) return done;
        return c.redirect(`${planAddressIn(c, plan)}?done=${done}`, 303);
      } catch (error) {
        const fresh = (await readPlan(c.var.db, plan.organisationId, plan.personId, plan.year)) ?? plan;
        if (error instanceof StalePlanError)
          return planPage(c, subject, fresh, { message: t(c).planOutdated, kept: kept() }, 409);
        if (error instanceof PlanRefused) {
          if (error.reason === "not-found") return c.notFound();
          const [message, status]: [string, Status] =
            error.reason === "goal-limit"
              ? [t(c).planErrGoalLimit(error.limit ?? 0), 409]
              : error.reason === "duplicate-goal"
                ? [t(c).planErrDuplicateGoal, 409]
                : error.reason === "unknown-competency"
                  ? [t(c).planErrCompetency, 400]
                  : error.reason === "unknown-resource"
                    ? [t(c).planErrResource, 400]
                    : [t(c).planErrState, 409];
          return planPage(c, subject, fresh, { message, kept: kept() }, status);
        }
        throw error;
      }
    };

  app.post(
    "/:year/goals",
    write({
      action: "plan.edit",
      schema: goalForm,
      // The suggestion the form came from, so its form is the one drawn again.
      scope: (_c, body) =>
        typeof body.scope === "string" && /^suggestion-\d{1,3}$/.test(body.scope) ? body.scope : "goal",
      run: async (c, key, data) => {
        let first: Parameters<typeof addGoal>[4];
        if (data.resource) {
          const resource = await c.var.db
            .selectFrom("learning_resources")
            .select(["id", "title_en", "title_fr", "format"])
            .where("organisation_id", "=", key.organisationId)
            .where("id", "=", data.resource)
            .executeTakeFirst();
          if (!resource) throw new PlanRefused("unknown-resource");
          first = {
            kind: kindOfFormat(resource.format as ResourceFormat),
            resourceId: resource.id,
            description: c.var.lang === "fr" ? resource.title_fr : resource.title_en,
            targetDate: null,
          };
        }
        await addGoal(
          c.var.db,
          key,
          { frameworkId: data.competency.frameworkId, itemId: data.competency.itemId, text: data.goal },
          new Date(),
          first,
        );
        return first ? "activity" : "goal";
      },
    }),
  );

  app.post(
    "/:year/goals/:goal",
    write({
      action: "plan.edit",
      schema: goalTextForm,
      scope: (c) => `goal-${c.req.param("goal")}`,
      run: async (c, key, data) => {
        await updateGoal(c.var.db, key, c.req.param("goal") ?? "", data.goal);
        return "goalSaved";
      },
    }),
  );

  app.post(
    "/:year/goals/:goal/remove",
    write({
      action: "plan.edit",
      schema: versionForm,
      scope: () => "remove",
      run: async (c, key) => {
        await removeGoal(c.var.db, key, c.req.param("goal") ?? "");
        return "goalRemoved";
      },
    }),
  );

  app.post(
    "/:year/goals/:goal/activities",
    write({
      action: "plan.edit",
      schema: activityForm,
      scope: (c) => `activity-${c.req.param("goal")}`,
      run: async (c, key, data) => {
        await addActivity(c.var.db, key, c.req.param("goal") ?? "", {
          kind: data.kind,
          resourceId: data.resource,
          description: data.description,
          targetDate: data.target_date,
        });
        return "activity";
      },
    }),
  );

  app.post(
    "/:year/activities/:activity",
    write({
      action: "plan.edit",
      schema: activityForm,
      scope: (c) => `edit-${c.req.param("activity")}`,
      run: async (c, key, data) => {
        await updateActivity(c.var.db, key, c.req.param("activity") ?? "", {
          kind: data.kind,
          resourceId: data.resource,
          description: data.description,
          targetDate: data.target_date,
        });
        return "activitySaved";
      },
    }),
  );

  app.post(
    "/:year/activities/:activity/status",
    write({
      action: "plan.edit",
      schema: statusForm,
      scope: (c) => `status-${c.req.param("activity")}`,
      run: async (c, key, data) => {
        await setActivityStatus(c.var.db, key, c.req.param("activity") ?? "", data.status);
        return "status";
      },
    }),
  );

  app.post(
    "/:year/activities/:activity/remove",
    write({
      action: "plan.edit",
      schema: versionForm,
      scope: () => "remove",
      run: async (c, key) => {
        await removeActivity(c.var.db, key, c.req.param("activity") ?? "");
        return "activityRemoved";
      },
    }),
  );

  app.post(
    "/:year/activities/:activity/evidence",
    write({
      action: "plan.edit",
      schema: evidenceForm,
      scope: () => "evidence",
      run: async (c, _key, data, subject, plan) => {
        const activityId = c.req.param("activity") ?? "";
        const goal = plan.goals.find((g) => g.activities.some((a) => a.id === activityId));
        const activity = goal?.activities.find((a) => a.id === activityId);
        if (!goal || !activity) throw new PlanRefused("not-found");
        const result = await attachActivity(
          c.var.db,
          {
            organisationId: plan.organisationId,
            personId: plan.personId,
            activity: {
              id: activity.id,
              itemId: goal.itemId,
              doneAt: activity.doneAt,
              description: activity.description,
            },
            assessmentId: data.assessment,
            planUrl: planAddress(c, plan),
          },
          authorOf(subject.actor),
        );
        if (result === "refused") throw new PlanRefused("state");
        return result === "already" ? "evidenceAlready" : "evidence";
      },
    }),
  );

  app.post(
    "/:year/checkins",
    write({
      action: "plan.checkin",
      schema: checkinForm,
      scope: () => "checkin",
      run: async (c, key, data, subject) => {
        await addCheckin(c.var.db, key, data.note, { userId: subject.actor.id, label: authorOf(subject.actor).label });
        return "checkin";
      },
    }),
  );

  app.post(
    "/:year/submit",
    write({
      action: "plan.edit",
      schema: versionForm,
      scope: () => "submit",
      run: async (c, key) => {
        await changePlanState(c.var.db, key, { move: "submit" });
        return "submit";
      },
    }),
  );

  app.post(
    "/:year/approve",
    write({
      action: "plan.approve",
      schema: versionForm,
      scope: () => "approve",
      run: async (c, key, _data, subject) => {
        const personId = subject.actor.membership?.personId as string;
        await changePlanState(c.var.db, key, {
          move: "approve",
          approver: { personId, label: authorOf(subject.actor).label },
        });
        return "approve";
      },
    }),
  );

  app.post(
    "/:year/return",
    write({
      action: "plan.approve",
      schema: returnForm,
      scope: () => "return",
      run: async (c, key, data, subject) => {
        await changePlanState(c.var.db, key, { move: "return", reason: data.reason, by: authorOf(subject.actor) });
        return "return";
      },
    }),
  );

  app.post(
    "/:year/close",
    write({
      action: "plan.approve",
      schema: versionForm,
      scope: () => "close",
      run: async (c, key) => {
        await changePlanState(c.var.db, key, { move: "close" });
        return "close";
      },
    }),
  );

  return app;
}
