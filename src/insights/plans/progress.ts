/**
 * How a development plan moves on once written (issue 16, decision 049): activities' statuses
 * (`done_at` exactly when done), check-ins, and the plan's state — submitted, approved by a manager up
 * the chain, sent back to draft with a reason, closed. Each write is one transaction on the plan's
 * version, as every write of store.ts.
 */

import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import {
  type ActivityStatus,
  doneAtAfter,
  type PlanState,
  type PlanTransition,
  progressOpen,
  transition,
} from "./rules.ts";
import { type Author, activityOf, onPlan, type PlanKey, PlanRefused, stamp } from "./store.ts";

type Db = Kysely<DB>;

/** How far an activity got: `done_at` is set when it becomes done, kept while done, cleared otherwise. */
export async function setActivityStatus(
  db: Db,
  key: PlanKey,
  activityId: string,
  status: ActivityStatus,
  now = new Date(),
) {
  await onPlan(
    db,
    key,
    progressOpen,
    async (trx, plan) => {
      const activity = await activityOf(trx, plan.id, activityId);
      await trx
        .updateTable("development_plan_activities")
        .set({ status, done_at: doneAtAfter(status, activity.done_at, stamp(now)), updated_at: stamp(now) })
        .where("id", "=", activityId)
        .execute();
    },
    now,
  );
}

/** A dated note on progress, with its author as they are named now. */
export async function addCheckin(db: Db, key: PlanKey, note: string, author: Author, now = new Date()) {
  return onPlan(
    db,
    key,
    progressOpen,
    async (trx, plan) => {
      const id = randomUUID();
      await trx
        .insertInto("development_plan_checkins")
        .values({
          id,
          plan_id: plan.id,
          at: stamp(now),
          author_id: author.userId,
          author_label: author.label.slice(0, 300),
          note,
        })
        .execute();
      return id;
    },
    now,
  );
}

export type StateChange =
  | { move: "submit" }
  | { move: "approve"; approver: { personId: string; label: string } }
  | { move: "return"; reason: string; by: { label: string } }
  | { move: "close" };

/** Moves the plan along draft → submitted → approved → closed (or back to draft with a reason). */
export async function changePlanState(db: Db, key: PlanKey, change: StateChange, now = new Date()) {
  const move: PlanTransition = change.move;
  await onPlan(
    db,
    key,
    (state) => transition(state, move) !== undefined,
    async (trx, plan) => {
      const to = transition(plan.state as PlanState, move) as PlanState;
      const at = stamp(now);
      if (change.move === "submit") {
        const goals = await trx
          .selectFrom("development_plan_goals")
          .select("id")
          .where("plan_id", "=", plan.id)
          .executeTakeFirst();
        // An empty plan has nothing for a manager to approve.
        if (!goals) throw new PlanRefused("state");
      }
      const set =
        change.move === "submit"
          ? { state: to, submitted_at: at, returned_reason: null, returned_by_label: null, returned_at: null }
          : change.move === "approve"
            ? {
                state: to,
                approved_by: change.approver.personId,
                approved_by_label: change.approver.label.slice(0, 300),
                approved_at: at,
              }
            : change.move === "return"
              ? {
                  state: to,
                  returned_reason: change.reason,
                  returned_by_label: change.by.label.slice(0, 300),
                  returned_at: at,
                }
              : { state: to, closed_at: at };
      await trx.updateTable("development_plans").set(set).where("id", "=", plan.id).execute();
    },
    now,
  );
}
