/**
 * The reminder planner (issue 15, decision 044), pure: given what waits for whom today, each
 * person's choice (each reminder, or a weekly digest) and what was already sent, which messages to
 * send now.
 *
 * Reminders of a task (person's or manager's; HR reads its overdue counts on the waiting page):
 *   - waiting:  the step has just started waiting on them (submitted → the manager; agreed → both
 *               signatures; reopened → the person), keyed by the day it started;
 *   - before:   N days before the step's due date, for each N of `daysBefore` (7 and 1 by default),
 *               keyed by the day it falls on; a job that missed a day sends only the latest one due;
 *   - overdue:  once, the first day after the due date, keyed by the due date.
 * A key names the kind, the step, the assessment (which names the cycle and the person) and a date,
 * so an extended due date or a re-submission gets reminders of its own. One task gives at most one
 * line in a message however many of its reminders fall due together; all their keys are spent.
 *
 * Weekly digest: a person who chose it gets no individual reminder, but at most one message per ISO
 * week (key "digest:YYYY-Www") listing everything waiting for them, when anything is.
 *
 * The planner leaves out what `sent` says was sent; the job claims every key in `reminders_sent`
 * (unique per person and key) before sending, so two processes planning at once still send once.
 */
import { type AssessmentTask, addDays } from "./tasks.ts";

export type ReminderMode = "each" | "weekly";
export type ReminderKind = "waiting" | "before" | "overdue";

export interface ReminderPolicy {
  /** Days before a due date a reminder goes out, e.g. [7, 1]. */
  daysBefore: readonly number[];
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { daysBefore: [7, 1] };

/** One task's line in a message: the most pressing of its reminders due now, and every key it spends. */
export interface ReminderLine {
  kind: ReminderKind;
  task: AssessmentTask;
  keys: string[];
}

export type PlannedMessage =
  | { type: "reminders"; personId: string; lines: ReminderLine[] }
  | { type: "digest"; personId: string; key: string; week: string; tasks: AssessmentTask[] };

export interface PlanInput {
  /** Everything waiting on people (tasks.ts `assessmentTasks`). */
  tasks: readonly AssessmentTask[];
  /** Each person's choice; absent means "each". */
  modes: ReadonlyMap<string, ReminderMode>;
  /** Already sent (or claimed) for this person. */
  sent: (personId: string, key: string) => boolean;
  today: string;
  policy?: ReminderPolicy;
}

/** ISO 8601 week of a date: "2027-W09" (the week with the year's first Thursday is week 1). */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const WAITS_ON_SOMEONE = new Set<AssessmentTask["kind"]>(["review", "signoff-person", "signoff-manager", "reopened"]);

/** The reminders of one task falling due today, most pressing first (key and kind). */
export function remindersDue(
  task: AssessmentTask,
  today: string,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): { kind: ReminderKind; key: string }[] {
  const due: { kind: ReminderKind; key: string }[] = [];
  const id = `${task.step}:${task.assessmentId}`;
  if (task.due !== null && today > task.due) due.push({ kind: "overdue", key: `overdue:${id}:${task.due}` });
  // "Now waiting for you" says more than "due on …" (its line gives the due date too).
  const since = task.stateSince.slice(0, 10);
  if (WAITS_ON_SOMEONE.has(task.kind) && since <= today) due.push({ kind: "waiting", key: `waiting:${id}:${since}` });
  if (task.due !== null && today <= task.due) {
    // The latest of the reminders before the due date that has come (a missed day sends only that one).
    const triggers = policy.daysBefore
      .filter((n) => Number.isInteger(n) && n > 0)
      .map((n) => addDays(task.due as string, -n))
      .filter((day) => day <= today)
      .sort();
    const latest = triggers.at(-1);
    if (latest) due.push({ kind: "before", key: `before:${id}:${latest}` });
  }
  return due;
}

/** The messages to send now, one per person at most. */
export function planReminders(input: PlanInput): PlannedMessage[] {
  const byPerson = new Map<string, AssessmentTask[]>();
  for (const task of input.tasks) {
    const list = byPerson.get(task.recipientId) ?? [];
    list.push(task);
    byPerson.set(task.recipientId, list);
  }
  const messages: PlannedMessage[] = [];
  for (const [personId, tasks] of [...byPerson].sort(([a], [b]) => a.localeCompare(b))) {
    if ((input.modes.get(personId) ?? "each") === "weekly") {
      const week = isoWeek(input.today);
      const key = `digest:${week}`;
      if (!input.sent(personId, key)) messages.push({ type: "digest", personId, key, week, tasks });
      continue;
    }
    const lines: ReminderLine[] = [];
    for (const task of tasks) {
      const fresh = remindersDue(task, input.today, input.policy).filter((r) => !input.sent(personId, r.key));
      if (fresh.length > 0) lines.push({ kind: fresh[0].kind, task, keys: fresh.map((r) => r.key) });
    }
    if (lines.length > 0) messages.push({ type: "reminders", personId, lines });
  }
  return messages;
}

/** Every key a planned message spends (what the job claims before sending it). */
export const keysOf = (message: PlannedMessage): string[] =>
  message.type === "digest" ? [message.key] : message.lines.flatMap((line) => line.keys);
