/**
 * Development plans (issue 16, decisions 042 and 049): one plan per person and year, its goals (a
 * competency by framework and item, at most the organisation's `max_plan_goals`), their activities
 * and the plan's check-ins. Every write runs in one transaction that first takes the plan's
 * `version` (optimistic concurrency, as the editor and profiles: a stale write changes nothing and
 * throws `StalePlanError`), checks what the plan's state allows (rules.ts) and bumps the version.
 * Every query is scoped to the organisation: another organisation's plan, goal or activity is unknown.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { planSettings } from "../settings.ts";
import { type ActivityKind, contentEditable, type PlanState } from "./rules.ts";

/** Someone changed the plan since the form was opened. */
export class StalePlanError extends Error {}

export type RefusalReason =
  | "exists"
  | "state"
  | "goal-limit"
  | "duplicate-goal"
  | "unknown-competency"
  | "unknown-resource"
  | "not-found";

/** A write the plan refuses as it stands (its state, its limit, an unknown reference). */
export class PlanRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly limit?: number,
  ) {
    super(`development plan: ${reason}`);
  }
}

export interface PlanKey {
  organisationId: string;
  planId: string;
  /** The version the form was opened on. */
  version: number;
}

export interface Author {
  /** The account (check-ins keep it; null for none). */
  userId: string | null;
  label: string;
}

type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
type PlanRow = DB["development_plans"] extends infer T ? { [K in keyof T]: T[K] } : never;

export const stamp = (now: Date) => now.toISOString();

const PLANS_PERSON_YEAR = {
  postgres: "development_plans_person_year",
  sqlite: "development_plans.person_id, development_plans.year",
};

/** Creates the person's plan for the year; refuses a second one ("exists"). Returns its id. */
export async function createPlan(
  db: Db,
  input: { organisationId: string; personId: string; year: number },
  now = new Date(),
): Promise<string> {
  // The check answers the usual case; the catch answers a parallel request that created the plan
  // between our check and our insert (PostgreSQL lets both transactions see none).
  const created = db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("people")
      .select("id")
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", input.personId)
      .executeTakeFirst();
    if (!person) throw new PlanRefused("not-found");
    const existing = await trx
      .selectFrom("development_plans")
      .select("id")
      .where("person_id", "=", input.personId)
      .where("year", "=", input.year)
      .executeTakeFirst();
    if (existing) throw new PlanRefused("exists");
    const id = randomUUID();
    await trx
      .insertInto("development_plans")
      .values({
        id,
        organisation_id: input.organisationId,
        person_id: input.personId,
        year: input.year,
        state: "draft",
        submitted_at: null,
        approved_by: null,
        approved_by_label: null,
        approved_at: null,
        closed_at: null,
        returned_reason: null,
        returned_by_label: null,
        returned_at: null,
        version: 1,
        created_at: stamp(now),
        updated_at: stamp(now),
      })
      .execute();
    return id;
  });
  return created.catch((error: unknown) => {
    throw isUniqueViolation(error, PLANS_PERSON_YEAR) ? new PlanRefused("exists") : error;
  });
}

/**
 * Runs `work` on the plan in one transaction after taking its version: the plan must be this
 * organisation's, at the version given, and in a state `allowed` accepts; its version is bumped.
 */
export async function onPlan<T>(
  db: Db,
  key: PlanKey,
  allowed: (state: PlanState) => boolean,
  work: (trx: Trx, plan: PlanRow) => Promise<T>,
  now: Date,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom("development_plans")
      .selectAll()
      .where("organisation_id", "=", key.organisationId)
      .where("id", "=", key.planId)
      .executeTakeFirst();
    if (!plan) throw new PlanRefused("not-found");
    // The version is taken by the update itself, so two writers racing past the read still conflict.
    const taken = await trx
      .updateTable("development_plans")
      .set({ version: key.version + 1, updated_at: stamp(now) })
      .where("id", "=", key.planId)
      .where("version", "=", key.version)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw new StalePlanError();
    if (!allowed(plan.state as PlanState)) throw new PlanRefused("state");
    return work(trx, plan);
  });
}

async function competencyExists(trx: Trx, frameworkId: string, itemId: string): Promise<boolean> {
  // The competency as the framework's latest published edition has it (decision 042: not pinned).
  const row = await trx
    .selectFrom("editions as e")
    .innerJoin("frameworks as f", "f.id", "e.framework_id")
    .innerJoin("published_items as i", "i.edition_id", "e.id")
    .select("i.item_id")
    .where("f.status", "=", "published")
    .where("e.framework_id", "=", frameworkId)
    .where("i.item_id", "=", itemId)
    .where("i.type_code", "=", "competency")
    .where("e.number", "=", (eb) =>
      eb
        .selectFrom("editions as later")
        .select((l) => l.fn.max("later.number").as("n"))
        .whereRef("later.framework_id", "=", "e.framework_id"),
    )
    .executeTakeFirst();
  return row !== undefined;
}

async function maxGoalsOf(trx: Trx, organisationId: string): Promise<number> {
  const row = await trx
    .selectFrom("organisations")
    .select("settings")
    .where("id", "=", organisationId)
    .executeTakeFirst();
  return planSettings(row?.settings).maxPlanGoals;
}

/**
 * Adds a goal on a competency (once per plan), within the organisation's limit, with its first
 * activity when given (a suggested resource: both or neither). Returns the goal's id.
 */
export async function addGoal(
  db: Db,
  key: PlanKey,
  goal: { frameworkId: string; itemId: string; text: string },
  now = new Date(),
  firstActivity?: ActivityInput,
): Promise<string> {
  return onPlan(
    db,
    key,
    contentEditable,
    async (trx, plan) => {
      const goals = await trx
        .selectFrom("development_plan_goals")
        .select(["framework_id", "item_id", "ordinal"])
        .where("plan_id", "=", plan.id)
        .execute();
      if (goals.some((g) => g.framework_id === goal.frameworkId && g.item_id === goal.itemId))
        throw new PlanRefused("duplicate-goal");
      const limit = await maxGoalsOf(trx, plan.organisation_id);
      if (goals.length >= limit) throw new PlanRefused("goal-limit", limit);
      if (!(await competencyExists(trx, goal.frameworkId, goal.itemId))) throw new PlanRefused("unknown-competency");
      const id = randomUUID();
      await trx
        .insertInto("development_plan_goals")
        .values({
          id,
          plan_id: plan.id,
          framework_id: goal.frameworkId,
          item_id: goal.itemId,
          goal: goal.text,
          ordinal: Math.max(0, ...goals.map((g) => g.ordinal)) + 1,
          created_at: stamp(now),
          updated_at: stamp(now),
        })
        .execute();
      if (firstActivity) await insertActivity(trx, plan.organisation_id, id, firstActivity, now);
      return id;
    },
    now,
  );
}

async function goalOf(trx: Trx, planId: string, goalId: string) {
  const goal = await trx
    .selectFrom("development_plan_goals")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("id", "=", goalId)
    .executeTakeFirst();
  if (!goal) throw new PlanRefused("not-found");
  return goal;
}

export async function updateGoal(db: Db, key: PlanKey, goalId: string, text: string, now = new Date()) {
  await onPlan(
    db,
    key,
    contentEditable,
    async (trx, plan) => {
      await goalOf(trx, plan.id, goalId);
      await trx
        .updateTable("development_plan_goals")
        .set({ goal: text, updated_at: stamp(now) })
        .where("id", "=", goalId)
        .execute();
    },
    now,
  );
}

/** Removes a goal and its activities. */
export async function removeGoal(db: Db, key: PlanKey, goalId: string, now = new Date()) {
  await onPlan(
    db,
    key,
    contentEditable,
    async (trx, plan) => {
      await goalOf(trx, plan.id, goalId);
      await trx.deleteFrom("development_plan_activities").where("goal_id", "=", goalId).execute();
      await trx.deleteFrom("development_plan_goals").where("id", "=", goalId).execute();
    },
    now,
  );
}

export interface ActivityInput {
  kind: ActivityKind;
  /** A resource of the organisation's catalogue, or null. */
  resourceId: string | null;
  description: string;
  /** YYYY-MM-DD or null. */
  targetDate: string | null;
}

async function checkResource(trx: Trx, organisationId: string, resourceId: string | null) {
  if (resourceId === null) return;
  const found = await trx
    .selectFrom("learning_resources")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("id", "=", resourceId)
    .executeTakeFirst();
  if (!found) throw new PlanRefused("unknown-resource");
}

async function insertActivity(trx: Trx, organisationId: string, goalId: string, activity: ActivityInput, now: Date) {
  await checkResource(trx, organisationId, activity.resourceId);
  const last = await trx
    .selectFrom("development_plan_activities")
    .select((eb) => eb.fn.max("ordinal").as("n"))
    .where("goal_id", "=", goalId)
    .executeTakeFirst();
  const id = randomUUID();
  await trx
    .insertInto("development_plan_activities")
    .values({
      id,
      goal_id: goalId,
      kind: activity.kind,
      learning_resource_id: activity.resourceId,
      description: activity.description,
      target_date: activity.targetDate,
      status: "planned",
      done_at: null,
      ordinal: Number(last?.n ?? 0) + 1,
      created_at: stamp(now),
      updated_at: stamp(now),
    })
    .execute();
  return id;
}

export async function addActivity(
  db: Db,
  key: PlanKey,
  goalId: string,
  activity: ActivityInput,
  now = new Date(),
): Promise<string> {
  return onPlan(
    db,
    key,
    contentEditable,
    async (trx, plan) => {
      await goalOf(trx, plan.id, goalId);
      return insertActivity(trx, plan.organisation_id, goalId, activity, now);
    },
    now,
  );
}

/** The activity, if it belongs to the plan (for progress.ts too). */
export async function activityOf(trx: Trx, planId: string, activityId: string) {
  const activity = await trx
    .selectFrom("development_plan_activities as a")
    .innerJoin("development_plan_goals as g", "g.id", "a.goal_id")
    .selectAll("a")
    .where("g.plan_id", "=", planId)
    .where("a.id", "=", activityId)
    .executeTakeFirst();
  if (!activity) throw new PlanRefused("not-found");
  return activity;
}

export async function updateActivity(
  db: Db,
  key: PlanKey,
  activityId: string,
  activity: ActivityInput,
  now = new Date(),
) {
  await onPlan(
    db,
    key,
    contentEditable,
    async (trx, plan) => {
      await activityOf(trx, plan.id, activityId);
      await checkResource(trx, plan.organisation_id, activity.resourceId);
      await trx
        .updateTable("development_plan_activities")
        .set({
          kind: activity.kind,
          learning_resource_id: activity.resourceId,
          description: activity.description,
          target_date: activity.targetDate,
          updated_at: stamp(now),
        })
        .where("id", "=", activityId)
        .execute();
    },
    now,
  );
}

export async function removeActivity(db: Db, key: PlanKey, activityId: string, now = new Date()) {
  await onPlan(
    db,
    key,
    contentEditable,
    async (trx, plan) => {
      await activityOf(trx, plan.id, activityId);
      await trx.deleteFrom("development_plan_activities").where("id", "=", activityId).execute();
    },
    now,
  );
}
