/**
 * What a development plan allows in each of its states (issue 16, decision 049). Pure: the store
 * asks these before every write, the pages to decide which forms to show.
 *
 * draft → submitted (the person) → approved (a manager up the chain) → closed (a manager);
 * submitted → draft again when a manager sends it back with a reason.
 * - The plan's content (goals, activities' wording and dates) changes only in draft: what a manager
 *   approved is what the person does.
 * - How far each activity got changes until the plan is closed; check-ins too.
 * - A closed plan is a record: nothing changes.
 */
export const PLAN_STATES = ["draft", "submitted", "approved", "closed"] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const ACTIVITY_KINDS = ["course", "practice", "mentoring", "resource"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export type PlanTransition = "submit" | "approve" | "return" | "close";

const TRANSITIONS: Record<PlanTransition, { from: PlanState; to: PlanState }> = {
  submit: { from: "draft", to: "submitted" },
  approve: { from: "submitted", to: "approved" },
  return: { from: "submitted", to: "draft" },
  close: { from: "approved", to: "closed" },
};

/** The state a transition leads to from this state, or undefined when it does not apply. */
export function transition(state: PlanState, move: PlanTransition): PlanState | undefined {
  const rule = TRANSITIONS[move];
  return rule.from === state ? rule.to : undefined;
}

/** Goals and activities may be added, reworded, re-dated or removed. */
export const contentEditable = (state: PlanState) => state === "draft";
/** Activities' statuses may change and check-ins be written. */
export const progressOpen = (state: PlanState) => state !== "closed";

/** The `done_at` an activity keeps after a status change: set when it becomes done, kept while done, cleared otherwise. */
export function doneAtAfter(status: ActivityStatus, previous: string | null, now: string): string | null {
  if (status !== "done") return null;
  return previous ?? now;
}

/** The plan year a page offers to create: the current one, in the organisation's time (UTC here). */
export const currentYear = (now: Date) => now.getUTCFullYear();
