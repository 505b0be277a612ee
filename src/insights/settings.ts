/**
 * The organisation's settings for development plans. They live where every organisation setting
 * does: the JSON object in `organisations.settings` (migration 010), under their own keys, so no
 * migration is needed and other keys are left as they are.
 *
 * - `max_plan_goals`: how many competencies a person's plan may work on in a year (default 4,
 *   between 1 and 12). The store enforces it when a goal is added; lowering it later does not
 *   remove goals from existing plans, it only stops new ones.
 */
import { z } from "zod";

export const DEFAULT_MAX_PLAN_GOALS = 4;
export const MAX_PLAN_GOALS_LIMIT = 12;

const maxPlanGoals = z.number().int().min(1).max(MAX_PLAN_GOALS_LIMIT);

export interface PlanSettings {
  maxPlanGoals: number;
}

function parsed(settings: string | null | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(settings ?? "{}") as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The plan settings an organisation's stored settings give; the defaults for anything missing or wrong. */
export function planSettings(settings: string | null | undefined): PlanSettings {
  const stored = maxPlanGoals.safeParse(parsed(settings).max_plan_goals);
  return { maxPlanGoals: stored.success ? stored.data : DEFAULT_MAX_PLAN_GOALS };
}

/** The stored settings with `max_plan_goals` set (other keys kept); throws on a value out of range. */
export function withMaxPlanGoals(settings: string | null | undefined, value: number): string {
  return JSON.stringify({ ...parsed(settings), max_plan_goals: maxPlanGoals.parse(value) });
}

/** Whether a plan holding `goals` goals may take one more. */
export const mayAddGoal = (goals: number, settings: PlanSettings) => goals < settings.maxPlanGoals;
