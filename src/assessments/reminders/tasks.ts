/**
 * What waits for whom (issue 15, decision 044), pure: from an organisation's review cycles (their
 * state and step due dates), its assessments (state, person, reviewing manager, sign-offs) and
 * today's date, the tasks of each person and of the organisation's administrators (HR).
 *
 *   person:  start or finish the self-assessment (self step), go back to a reopened one (self step),
 *            sign off an agreed one (sign-off step);
 *   manager: review a submitted assessment (manager step), record the agreement and the
 *            conversation of one in review (conversation step), sign off an agreed one (sign-off step);
 *   HR:      for each open cycle with anyone overdue, how many people are overdue.
 *
 * Only open cycles count; withdrawn and signed-off assessments wait on nobody. A task is overdue
 * once its step's due date has passed (the due date itself is still on time). Dates are calendar
 * dates (YYYY-MM-DD); "today" is the caller's (the UTC date by default, see `dayOf`). A step's due
 * date for one assessment is the later of the cycle's and the assessment's own (`effectiveDue`).
 */
import { dayOf, effectiveDue, isOverdue } from "../due.ts";

export type Step = "self" | "manager" | "conversation" | "signoff";

export type TaskKind =
  | "self-start"
  | "self-finish"
  | "reopened"
  | "review"
  | "agree"
  | "signoff-person"
  | "signoff-manager"
  | "cycle-overdue";

/** Whose task it is: the person assessed, their reviewing manager, or the organisation's HR. */
export type TaskRole = "person" | "manager" | "hr";

export interface CycleFacts {
  id: string;
  state: string;
  nameEn: string;
  nameFr: string;
  /** Due date by step (steps a cycle does not have are absent). */
  due: Partial<Record<Step, string>>;
}

export interface AssessmentFacts {
  id: string;
  cycleId: string;
  personId: string;
  /** The person's name as others see it (for a manager's task). */
  personName: string;
  managerId: string | null;
  state: string;
  personSignedAt: string | null;
  managerSignedAt: string | null;
  /** When the assessment entered its current state (YYYY-MM-DD…): a "waiting" reminder's date. */
  stateSince: string;
  /** The assessment's own due date (set when reopened), or null: see `effectiveDue`. */
  dueOn: string | null;
}

export interface OrganisationFacts {
  cycles: readonly CycleFacts[];
  assessments: readonly AssessmentFacts[];
}

interface TaskBase {
  kind: TaskKind;
  role: TaskRole;
  cycleId: string;
  cycleName: { en: string; fr: string };
  /** The step whose due date applies. */
  step: Step;
  /** YYYY-MM-DD, or null when the cycle has no such step. */
  due: string | null;
  overdue: boolean;
}

export interface AssessmentTask extends TaskBase {
  kind: Exclude<TaskKind, "cycle-overdue">;
  role: "person" | "manager";
  /** Who must act: the person assessed, or their reviewing manager. */
  recipientId: string;
  assessmentId: string;
  /** The person assessed (for a manager's task, whose assessment it is). */
  personId: string;
  personName: string;
  stateSince: string;
}

export interface CycleTask extends TaskBase {
  kind: "cycle-overdue";
  role: "hr";
  /** People with at least one overdue task in the cycle. */
  overduePeople: number;
}

export type Task = AssessmentTask | CycleTask;

export { dayOf } from "../due.ts";

/** A date plus (or minus) whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

/** Who must act on an assessment now, and in which step. Nobody for a finished or withdrawn one. */
function pending(
  assessment: AssessmentFacts,
): { kind: AssessmentTask["kind"]; role: "person" | "manager"; step: Step; recipientId: string | null }[] {
  const person = assessment.personId;
  const manager = assessment.managerId;
  switch (assessment.state) {
    case "not_started":
      return [{ kind: "self-start", role: "person", step: "self", recipientId: person }];
    case "in_progress":
      return [{ kind: "self-finish", role: "person", step: "self", recipientId: person }];
    case "reopened":
      return [{ kind: "reopened", role: "person", step: "self", recipientId: person }];
    case "submitted":
      return [{ kind: "review", role: "manager", step: "manager", recipientId: manager }];
    case "in_review":
      return [{ kind: "agree", role: "manager", step: "conversation", recipientId: manager }];
    case "agreed":
      return [
        ...(assessment.personSignedAt
          ? []
          : [
              {
                kind: "signoff-person" as const,
                role: "person" as const,
                step: "signoff" as const,
                recipientId: person,
              },
            ]),
        ...(assessment.managerSignedAt
          ? []
          : [
              {
                kind: "signoff-manager" as const,
                role: "manager" as const,
                step: "signoff" as const,
                recipientId: manager,
              },
            ]),
      ];
    default:
      // signed_off, withdrawn (and any state this module does not know): nothing waits.
      return [];
  }
}

/** Every person's and manager's task in the organisation (HR's are `cycleTasks`). */
export function assessmentTasks(facts: OrganisationFacts, today: string): AssessmentTask[] {
  const cycles = new Map(facts.cycles.filter((c) => c.state === "open").map((c) => [c.id, c]));
  const tasks: AssessmentTask[] = [];
  for (const assessment of facts.assessments) {
    const cycle = cycles.get(assessment.cycleId);
    if (!cycle) continue;
    for (const p of pending(assessment)) {
      // An assessment without a reviewer waits on nobody for its manager's steps: HR sees it overdue.
      if (p.recipientId === null) continue;
      const due = effectiveDue(cycle.due[p.step], assessment.dueOn);
      tasks.push({
        kind: p.kind,
        role: p.role,
        recipientId: p.recipientId,
        assessmentId: assessment.id,
        personId: assessment.personId,
        personName: assessment.personName,
        cycleId: cycle.id,
        cycleName: { en: cycle.nameEn, fr: cycle.nameFr },
        step: p.step,
        due,
        overdue: isOverdue(due, today),
        stateSince: assessment.stateSince,
      });
    }
  }
  return tasks;
}

/** HR's tasks: each open cycle where someone's step is overdue, with how many people are. */
export function cycleTasks(facts: OrganisationFacts, today: string): CycleTask[] {
  const overdueByCycle = new Map<string, Set<string>>();
  const cycles = facts.cycles.filter((c) => c.state === "open");
  const open = new Map(cycles.map((c) => [c.id, c]));
  for (const assessment of facts.assessments) {
    const cycle = open.get(assessment.cycleId);
    if (!cycle) continue;
    // Counted whoever must act, even when nobody is named as the reviewer.
    if (pending(assessment).some((p) => isOverdue(effectiveDue(cycle.due[p.step], assessment.dueOn), today))) {
      const people = overdueByCycle.get(cycle.id) ?? new Set<string>();
      people.add(assessment.personId);
      overdueByCycle.set(cycle.id, people);
    }
  }
  return cycles.flatMap((cycle) => {
    const people = overdueByCycle.get(cycle.id);
    if (!people) return [];
    // The latest step already past: the cycle's most pressing due date.
    const latest = (Object.entries(cycle.due) as [Step, string][])
      .filter(([, day]) => today > day)
      .sort((x, y) => x[1].localeCompare(y[1]))
      .at(-1);
    return [
      {
        kind: "cycle-overdue" as const,
        role: "hr" as const,
        cycleId: cycle.id,
        cycleName: { en: cycle.nameEn, fr: cycle.nameFr },
        step: latest?.[0] ?? "self",
        due: latest?.[1] ?? null,
        overdue: true,
        overduePeople: people.size,
      },
    ];
  });
}

export interface Viewer {
  /** The viewer's person in the organisation (null for an administrator without a record). */
  personId: string | null;
  administrator: boolean;
}

/** Everything waiting for one viewer, overdue first, then by due date. */
export function tasksFor(facts: OrganisationFacts, viewer: Viewer, today: string): Task[] {
  const own = viewer.personId ? assessmentTasks(facts, today).filter((t) => t.recipientId === viewer.personId) : [];
  const hr = viewer.administrator ? cycleTasks(facts, today) : [];
  return sortTasks([...own, ...hr]);
}

export function sortTasks<T extends Task>(tasks: T[]): T[] {
  const rank = (t: Task) => (t.overdue ? 0 : 1);
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
      a.kind.localeCompare(b.kind) ||
      (a.kind === "cycle-overdue" || b.kind === "cycle-overdue"
        ? a.cycleId.localeCompare(b.cycleId)
        : a.personName.localeCompare(b.personName) || a.assessmentId.localeCompare(b.assessmentId)),
  );
}
