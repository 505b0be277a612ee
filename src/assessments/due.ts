import { dayIn } from "../i18n/zones.ts";

/**
 * When a step of one assessment is due (decision 053), in one place for the waiting lists, HR's
 * cycle progress and the reminder job: the later of the cycle's due date for that step and the
 * assessment's own due date (set when it is reopened), when either is known. A reopened assessment
 * is then not overdue the moment it is reopened, and every view of it agrees on when it is.
 * Dates are calendar days, YYYY-MM-DD, so the later one is the greater string.
 */
export function effectiveDue(cycleDue: string | null | undefined, dueOn: string | null | undefined): string | null {
  const cycle = cycleDue ?? null;
  const own = dueOn ?? null;
  if (cycle === null) return own;
  if (own === null) return cycle;
  // Strings, not numbers (Math.max would not do): the later of the two in code-unit order.
  return [cycle, own].sort()[1] as string;
}

/** Overdue once the due date (its last allowed day) is before today; no due date is never overdue. */
export const isOverdue = (due: string | null, today: string): boolean => due !== null && due < today;

/**
 * The calendar date of an instant in a zone: "today" for due dates is the organisation's own day
 * (decision 054), so a step is not overdue in Toronto at 20:00 on its due date although UTC has
 * moved on. Without a zone, UTC: date arithmetic on YYYY-MM-DD strings (addDays) relies on it.
 */
export const dayOf = (at: Date, timeZone = "UTC"): string => dayIn(at, timeZone);
