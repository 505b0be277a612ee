/**
 * The reopen form (decision 053), checked without the database: a reason, and the day by which the
 * person should finish again — a real calendar day, not before today, at most two years ahead. The
 * form offers today plus two weeks. Each problem names its field, in the reader's language.
 */
import { z } from "zod";
import { customIssue, type ParsedForm, parseForm, says } from "../../ui/forms/index.ts";
import { isDay } from "../cycles/form.ts";

/** The reason's longest kept length (as before this form had a date). */
export const REASON_MAX = 2000;
/** Days from today the form offers as the new due date. */
export const REOPEN_OFFERED_DAYS = 14;
/** How far ahead the new due date may be, in years. */
export const REOPEN_MAX_YEARS = 2;

const shift = (day: string, by: { days?: number; years?: number }): string => {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (by.years) date.setUTCFullYear(date.getUTCFullYear() + by.years);
  if (by.days) date.setUTCDate(date.getUTCDate() + by.days);
  return date.toISOString().slice(0, 10);
};

/** The due date the form offers on a given day. */
export const offeredDueOn = (today: string): string => shift(today, { days: REOPEN_OFFERED_DAYS });
/** The latest due date the form accepts on a given day. */
export const latestDueOn = (today: string): string => shift(today, { years: REOPEN_MAX_YEARS });

const reopenForm = (today: string) =>
  z.object({
    reason: z
      .string(says("awReasonRequired"))
      .transform((s) => s.slice(0, REASON_MAX))
      .refine((s) => s.trim() !== "", says("awReasonRequired")),
    due_on: z
      .string(says("awReopenDueRequired"))
      .trim()
      .superRefine((value, ctx) => {
        if (value === "") ctx.addIssue(customIssue("awReopenDueRequired"));
        else if (!isDay(value)) ctx.addIssue(customIssue("awReopenDueInvalid"));
        else if (value < today) ctx.addIssue(customIssue("awReopenDuePast"));
        else if (value > latestDueOn(today))
          ctx.addIssue(customIssue({ key: "awReopenDueTooFar", args: [REOPEN_MAX_YEARS] }));
      }),
  });

export interface Reopening {
  reason: string;
  dueOn: string;
}

/** The posted reopen form on `today` (YYYY-MM-DD): the reason and due date, or each field's problem. */
export function checkReopen(body: unknown, today: string): ParsedForm<Reopening> {
  const parsed = parseForm(reopenForm(today), body);
  return parsed.ok ? { ok: true, data: { reason: parsed.data.reason, dueOn: parsed.data.due_on } } : parsed;
}
