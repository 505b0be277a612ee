/**
 * Development plans as the pages, the data export and the tests read them: a person's years, and one
 * plan whole (goals with the competency as the framework's latest edition names it — or null when that
 * edition no longer has it, decision 042 — their activities with the catalogue resource's titles, the
 * check-ins newest first).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { latestEditions } from "../learning/store.ts";
import type { ActivityKind, ActivityStatus, PlanState } from "./rules.ts";

export interface PlanSummary {
  id: string;
  year: number;
  state: PlanState;
  goals: number;
  updatedAt: string;
}

export interface PlanActivity {
  id: string;
  kind: ActivityKind;
  resource: { id: string; titleEn: string; titleFr: string; url: string | null } | null;
  description: string;
  targetDate: string | null;
  status: ActivityStatus;
  doneAt: string | null;
}

export interface PlanGoal {
  id: string;
  frameworkId: string;
  itemId: string;
  /** As the framework's latest published edition has it; null when it no longer has it. */
  competency: { code: string | null; statement: { en: string | null; fr: string | null } } | null;
  goal: string;
  activities: PlanActivity[];
}

export interface PlanCheckin {
  id: string;
  at: string;
  authorLabel: string;
  note: string;
}

export interface Plan {
  id: string;
  organisationId: string;
  personId: string;
  year: number;
  state: PlanState;
  version: number;
  submittedAt: string | null;
  approvedByLabel: string | null;
  approvedAt: string | null;
  closedAt: string | null;
  returned: { reason: string; byLabel: string | null; at: string | null } | null;
  goals: PlanGoal[];
  checkins: PlanCheckin[];
}

/** The person's plans, newest year first. */
export async function listPlans(db: Kysely<DB>, organisationId: string, personId: string): Promise<PlanSummary[]> {
  const rows = await db
    .selectFrom("development_plans as p")
    .leftJoin("development_plan_goals as g", "g.plan_id", "p.id")
    .select(["p.id", "p.year", "p.state", "p.updated_at", (eb) => eb.fn.count("g.id").as("goals")])
    .where("p.organisation_id", "=", organisationId)
    .where("p.person_id", "=", personId)
    .groupBy(["p.id", "p.year", "p.state", "p.updated_at"])
    .orderBy("p.year", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: Number(r.year),
    state: r.state as PlanState,
    goals: Number(r.goals),
    updatedAt: r.updated_at,
  }));
}

/** The person's plan for the year, whole; undefined when there is none. */
export async function readPlan(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  year: number,
): Promise<Plan | undefined> {
  const row = await db
    .selectFrom("development_plans")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("person_id", "=", personId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (!row) return undefined;
  const goalRows = await db
    .selectFrom("development_plan_goals as g")
    .leftJoin(latestEditions(db).as("latest"), "latest.framework_id", "g.framework_id")
    .leftJoin("published_items as i", (join) =>
      join.onRef("i.edition_id", "=", "latest.edition_id").onRef("i.item_id", "=", "g.item_id"),
    )
    .select([
      "g.id",
      "g.framework_id",
      "g.item_id",
      "g.goal",
      "i.code",
      "i.statement_en",
      "i.statement_fr",
      "i.edition_id as found_in",
    ])
    .where("g.plan_id", "=", row.id)
    .orderBy("g.ordinal")
    .execute();
  const activityRows =
    goalRows.length === 0
      ? []
      : await db
          .selectFrom("development_plan_activities as a")
          .leftJoin("learning_resources as r", "r.id", "a.learning_resource_id")
          .select([
            "a.id",
            "a.goal_id",
            "a.kind",
            "a.description",
            "a.target_date",
            "a.status",
            "a.done_at",
            "r.id as resource_id",
            "r.title_en",
            "r.title_fr",
            "r.url",
          ])
          .where(
            "a.goal_id",
            "in",
            goalRows.map((g) => g.id),
          )
          .orderBy("a.goal_id")
          .orderBy("a.ordinal")
          .execute();
  const checkins = await db
    .selectFrom("development_plan_checkins")
    .select(["id", "at", "author_label", "note"])
    .where("plan_id", "=", row.id)
    .orderBy("at", "desc")
    .orderBy("id")
    .execute();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    personId: row.person_id,
    year: Number(row.year),
    state: row.state as PlanState,
    version: Number(row.version),
    submittedAt: row.submitted_at,
    approvedByLabel: row.approved_by_label,
    approvedAt: row.approved_at,
    closedAt: row.closed_at,
    returned: row.returned_reason
      ? { reason: row.returned_reason, byLabel: row.returned_by_label, at: row.returned_at }
      : null,
    goals: goalRows.map((g) => ({
      id: g.id,
      frameworkId: g.framework_id,
      itemId: g.item_id,
      competency: g.found_in
        ? { code: g.code ?? null, statement: { en: g.statement_en ?? null, fr: g.statement_fr ?? null } }
        : null,
      goal: g.goal,
      activities: activityRows
        .filter((a) => a.goal_id === g.id)
        .map((a) => ({
          id: a.id,
          kind: a.kind as ActivityKind,
          resource:
            a.resource_id && a.title_en !== null && a.title_fr !== null
              ? { id: a.resource_id, titleEn: a.title_en, titleFr: a.title_fr, url: a.url ?? null }
              : null,
          description: a.description,
          targetDate: a.target_date,
          status: a.status as ActivityStatus,
          doneAt: a.done_at,
        })),
    })),
    checkins: checkins.map((c) => ({ id: c.id, at: c.at, authorLabel: c.author_label, note: c.note })),
  };
}
