/**
 * A review cycle as its form sends it, checked without the database (pure): both names, the period,
 * the scale, who takes part (units and profiles ticked, people as one e-mail address or employee
 * number a line), what happens to leavers and movers, and the four steps' due dates — on or after the
 * period's start, in the steps' order. Every problem names its field, in the reader's language.
 * Extending is checked here too: a new end or due date may only be later.
 */
import { z } from "zod";
import { CYCLE_STEPS, LEAVER_RULES } from "../../db/migrations/017_assessments.ts";
import { customIssue, type FieldErrors, fieldErrors, says } from "../../ui/forms/index.ts";

export type CycleStep = (typeof CYCLE_STEPS)[number];
export type LeaverRule = (typeof LEAVER_RULES)[number];
export { CYCLE_STEPS, LEAVER_RULES };

/** The form field of each step's due date. */
export const dueField = (step: CycleStep) => `due_${step}` as const;

/** At most this many lines of people (a library system's whole staff fits). */
export const MAX_PEOPLE_LINES = 20_000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day written YYYY-MM-DD (2027-02-30 is not one). */
export function isDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const text = (max: number) => z.string(says("formRequired")).trim().min(1, says("formRequired")).max(max);
const day = z.string(says("formRequired")).trim().min(1, says("formRequired")).refine(isDay, says("cyclesErrorDate"));
/** A form sends one value as a string and several as an array; none as nothing. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""));

export const cycleForm = z
  .object({
    name_en: text(200),
    name_fr: text(200),
    period_start: day,
    period_end: day,
    scale: z.string(says("formChoose")).min(1, says("formChoose")).max(36),
    units: many,
    profiles: many,
    people: z.string().max(2_000_000).optional().default(""),
    leaver_rule: z.enum(LEAVER_RULES, says("formChoose")),
    due_self: day,
    due_manager: day,
    due_conversation: day,
    due_signoff: day,
  })
  .superRefine((form, ctx) => {
    if (isDay(form.period_start) && isDay(form.period_end) && form.period_end < form.period_start)
      ctx.addIssue(customIssue("cyclesErrorEndBeforeStart", ["period_end"]));
    let previous: string | undefined;
    for (const step of CYCLE_STEPS) {
      const due = form[dueField(step)];
      if (!isDay(due)) continue;
      if (isDay(form.period_start) && due < form.period_start)
        ctx.addIssue(customIssue("cyclesErrorDueBeforeStart", [dueField(step)]));
      else if (previous !== undefined && due < previous)
        ctx.addIssue(customIssue("cyclesErrorDueOrder", [dueField(step)]));
      previous = due;
    }
    if (peopleLines(form.people).length > MAX_PEOPLE_LINES)
      ctx.addIssue(customIssue({ key: "cyclesErrorTooManyPeople", args: [MAX_PEOPLE_LINES] }, ["people"]));
  });

export type CycleForm = z.infer<typeof cycleForm>;

/** The non-empty lines of the people field, with their line number (1-based), trimmed. */
export function peopleLines(value: string): { line: number; text: string }[] {
  return value
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
    .filter((entry) => entry.text !== "");
}

/** The due dates of a form, by step. */
export const dueDates = (form: Pick<CycleForm, `due_${CycleStep}`>): Record<CycleStep, string> =>
  Object.fromEntries(CYCLE_STEPS.map((step) => [step, form[dueField(step)]])) as Record<CycleStep, string>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function checkCycleForm(body: unknown): Checked<CycleForm> {
  const result = cycleForm.safeParse(body);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/** Extending: a later period end and later (or the same) due dates, still in the steps' order. */
export interface Extension {
  periodEnd: string;
  due: Record<CycleStep, string>;
}

export function checkExtension(
  body: Record<string, unknown>,
  current: { periodStart: string; periodEnd: string; due: Partial<Record<CycleStep, string>> },
): Checked<Extension> {
  const errors: FieldErrors = {};
  const read = (name: string) => (typeof body[name] === "string" ? (body[name] as string).trim() : "");
  const periodEnd = read("period_end");
  if (!isDay(periodEnd)) errors.period_end = periodEnd === "" ? "formRequired" : "cyclesErrorDate";
  else if (periodEnd < current.periodEnd) errors.period_end = "cyclesErrorEarlier";
  const due = {} as Record<CycleStep, string>;
  let previous: string | undefined;
  for (const step of CYCLE_STEPS) {
    const field = dueField(step);
    const value = read(field);
    due[step] = value;
    const before = current.due[step];
    if (!isDay(value)) errors[field] = value === "" ? "formRequired" : "cyclesErrorDate";
    else if (before !== undefined && value < before) errors[field] = "cyclesErrorEarlier";
    else if (previous !== undefined && value < previous) errors[field] = "cyclesErrorDueOrder";
    if (isDay(value)) previous = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: { periodEnd, due } };
}
