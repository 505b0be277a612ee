/**
 * The insights side's part of the organisation's export (decision 052): learning resources and the
 * competencies they develop, and development plans with their goals, activities and check-ins. The
 * plan settings are among the organisation's settings, in the document's head.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { messages } from "../i18n/index.ts";
import { organisationRowsSection } from "../people/privacy/organisation-data.ts";
import {
  childPages,
  EXPORT_PARENT_PAGE_SIZE,
  keysetPages,
  mapPages,
  type OrganisationExportSection,
} from "../people/privacy/organisation-export.ts";

const idsOf = (db: Kysely<DB>, table: "learning_resources" | "development_plans", organisationId: string) =>
  mapPages(
    keysetPages(
      (after, size) =>
        db
          .selectFrom(table)
          .select("id")
          .where("organisation_id", "=", organisationId)
          .$if(after !== null, (q) => q.where("id", ">", after as string))
          .orderBy("id")
          .limit(size)
          .execute(),
      (row) => row.id,
      EXPORT_PARENT_PAGE_SIZE,
    ),
    (row) => row.id,
  );

const countThroughPlans = async (
  db: Kysely<DB>,
  table: "development_plan_goals" | "development_plan_checkins",
  organisationId: string,
) => {
  const row = await db
    .selectFrom(table)
    .innerJoin("development_plans", "development_plans.id", `${table}.plan_id`)
    .select((eb) => eb.fn.countAll().as("n"))
    .where("development_plans.organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

const resources = organisationRowsSection("learningResources", "learning_resources", (lang, n) =>
  messages(lang).orgExportCountResources(n),
);

const resourceCompetencies: OrganisationExportSection = {
  key: "learningResourceCompetencies",
  countLabel: (lang, n) => messages(lang).orgExportCountResourceCompetencies(n),
  async count(db, organisationId) {
    const row = await db
      .selectFrom("learning_resource_competencies")
      .innerJoin("learning_resources", "learning_resources.id", "learning_resource_competencies.resource_id")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("learning_resources.organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "learning_resources", organisationId), (keys) =>
      db
        .selectFrom("learning_resource_competencies")
        .selectAll()
        .where("resource_id", "in", keys)
        .orderBy("resource_id")
        .orderBy("framework_id")
        .orderBy("item_id")
        .execute(),
    ),
};

const plans = organisationRowsSection("developmentPlans", "development_plans", (lang, n) =>
  messages(lang).orgExportCountPlans(n),
);

const goals: OrganisationExportSection = {
  key: "developmentPlanGoals",
  countLabel: (lang, n) => messages(lang).orgExportCountPlanGoals(n),
  count: (db, id) => countThroughPlans(db, "development_plan_goals", id),
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "development_plans", organisationId), (keys) =>
      db
        .selectFrom("development_plan_goals")
        .selectAll()
        .where("plan_id", "in", keys)
        .orderBy("plan_id")
        .orderBy("ordinal")
        .orderBy("id")
        .execute(),
    ),
};

const activities: OrganisationExportSection = {
  key: "developmentPlanActivities",
  countLabel: (lang, n) => messages(lang).orgExportCountPlanActivities(n),
  async count(db, organisationId) {
    const row = await db
      .selectFrom("development_plan_activities")
      .innerJoin("development_plan_goals", "development_plan_goals.id", "development_plan_activities.goal_id")
      .innerJoin("development_plans", "development_plans.id", "development_plan_goals.plan_id")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("development_plans.organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  pages: (db, { organisationId }) =>
    keysetPages(
      (after, limit) =>
        db
          .selectFrom("development_plan_activities")
          .innerJoin("development_plan_goals", "development_plan_goals.id", "development_plan_activities.goal_id")
          .innerJoin("development_plans", "development_plans.id", "development_plan_goals.plan_id")
          .selectAll("development_plan_activities")
          .where("development_plans.organisation_id", "=", organisationId)
          .$if(after !== null, (q) => q.where("development_plan_activities.id", ">", after as string))
          .orderBy("development_plan_activities.id")
          .limit(limit)
          .execute(),
      (row) => row.id,
    ),
};

const checkins: OrganisationExportSection = {
  key: "developmentPlanCheckins",
  countLabel: (lang, n) => messages(lang).orgExportCountPlanCheckins(n),
  count: (db, id) => countThroughPlans(db, "development_plan_checkins", id),
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "development_plans", organisationId), (keys) =>
      db
        .selectFrom("development_plan_checkins")
        .selectAll()
        .where("plan_id", "in", keys)
        .orderBy("plan_id")
        .orderBy("at")
        .orderBy("id")
        .execute(),
    ),
};

export const INSIGHT_EXPORT_SECTIONS: readonly OrganisationExportSection[] = [
  resources,
  resourceCompetencies,
  plans,
  goals,
  activities,
  checkins,
];
