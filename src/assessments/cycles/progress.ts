/**
 * HR's view of a cycle's progress (pure): for each assessment, the step it waits at, that step's due
 * date and whether it is overdue on a given day; the counts per state; the filters by unit and
 * state. "Today" is a parameter, so the logic is tested on any day.
 *
 * Which step an assessment waits at, from its state (decision 040):
 * not started, in progress, reopened → the self-assessment; submitted → the manager's review;
 * in review → the conversation (the manager has taken it up; agreeing ends it); agreed → the
 * sign-off; signed off and withdrawn wait for nothing.
 *
 * The step's due date for one assessment is the later of the cycle's and the assessment's own
 * (`effectiveDue`, decision 053: a reopened assessment's extension), as in the waiting lists.
 */
import { ASSESSMENT_STATES } from "../../db/migrations/017_assessments.ts";
import { effectiveDue, isOverdue } from "../due.ts";
import type { CycleStep } from "./form.ts";

export type AssessmentState = (typeof ASSESSMENT_STATES)[number];
export { ASSESSMENT_STATES };

export function stepOf(state: string): CycleStep | null {
  switch (state) {
    case "not_started":
    case "in_progress":
    case "reopened":
      return "self";
    case "submitted":
      return "manager";
    case "in_review":
      return "conversation";
    case "agreed":
      return "signoff";
    default:
      return null;
  }
}

/** Overdue: the step's due date (its last allowed day) is before today. Both YYYY-MM-DD. */
export { isOverdue };

export interface ProgressInput {
  assessmentId: string;
  personId: string;
  name: string;
  employeeNumber: string;
  unitId: string | null;
  unitName: { en: string; fr: string } | null;
  managerName: string | null;
  state: string;
  /** The assessment's own due date (set when reopened), or null. */
  dueOn: string | null;
}

export interface ProgressRow extends ProgressInput {
  step: CycleStep | null;
  due: string | null;
  overdue: boolean;
}

export interface ProgressFilter {
  /** The unit and all units under it (the caller expands it); undefined: every unit. */
  units?: ReadonlySet<string>;
  state?: string;
}

export interface Progress {
  rows: ProgressRow[];
  /** Per state, over the whole cycle (not only the filtered rows). */
  counts: Record<AssessmentState, number>;
  overdue: number;
}

export function progressOf(
  assessments: readonly ProgressInput[],
  due: Partial<Record<CycleStep, string>>,
  today: string,
  filter: ProgressFilter = {},
): Progress {
  const counts = Object.fromEntries(ASSESSMENT_STATES.map((s) => [s, 0])) as Record<AssessmentState, number>;
  let overdue = 0;
  const rows: ProgressRow[] = [];
  for (const assessment of assessments) {
    if (assessment.state in counts) counts[assessment.state as AssessmentState]++;
    const step = stepOf(assessment.state);
    const stepDue = step ? effectiveDue(due[step], assessment.dueOn) : null;
    const late = isOverdue(stepDue, today);
    if (late) overdue++;
    if (filter.units && !(assessment.unitId !== null && filter.units.has(assessment.unitId))) continue;
    if (filter.state && assessment.state !== filter.state) continue;
    rows.push({ ...assessment, step, due: stepDue, overdue: late });
  }
  return { rows, counts, overdue };
}

export { dayOf } from "../due.ts";
