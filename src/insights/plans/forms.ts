/**
 * The plan pages' forms at the edge (zod): what each accepts, and the messages naming the field.
 * Every text is bounded; a date is a real calendar day; a competency is "framework~item".
 */
import { z } from "zod";
import { says } from "../../ui/forms/index.ts";
import { parseCompetencyValue } from "../learning/urls.ts";
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from "./rules.ts";

export const GOAL_MAX = 1000;
export const DESCRIPTION_MAX = 1000;
export const NOTE_MAX = 4000;
export const REASON_MAX = 2000;

const version = z.coerce.number().int().min(1);
const text = (max: number, missing: Parameters<typeof says>[0]) =>
  z.string(says(missing)).trim().min(1, says(missing)).max(max);

/** A calendar day, YYYY-MM-DD (a date field sends "" when left empty). */
export const isDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const day = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isDay(v), says("planErrDate"));

const competency = z.string(says("planErrCompetency")).transform((v, ctx) => {
  const ref = parseCompetencyValue(v);
  if (!ref) {
    ctx.addIssue({ code: "custom", message: "planErrCompetency" });
    return z.NEVER;
  }
  return ref;
});

const optionalId = z
  .string()
  .trim()
  .max(36)
  .optional()
  .transform((v) => v || null);

export const goalForm = z.object({
  version,
  competency,
  goal: text(GOAL_MAX, "planErrGoal"),
  /** A suggested resource to start the goal with. */
  resource: optionalId,
});

export const goalTextForm = z.object({ version, goal: text(GOAL_MAX, "planErrGoal") });

export const activityForm = z.object({
  version,
  kind: z.enum(ACTIVITY_KINDS, says("planErrKind")),
  resource: optionalId,
  description: text(DESCRIPTION_MAX, "planErrDescription"),
  target_date: day,
});

export const statusForm = z.object({ version, status: z.enum(ACTIVITY_STATUSES, says("planErrStatus")) });
export const checkinForm = z.object({ version, note: text(NOTE_MAX, "planErrNote") });
export const returnForm = z.object({ version, reason: text(REASON_MAX, "planErrReason") });
export const versionForm = z.object({ version });
export const evidenceForm = z.object({ version, assessment: z.string().trim().min(1).max(36) });
export const settingsForm = z.object({
  max_plan_goals: z.coerce
    .number(says("planErrMaxGoals"))
    .int(says("planErrMaxGoals"))
    .min(1, says("planErrMaxGoals"))
    .max(12, says("planErrMaxGoals")),
});
