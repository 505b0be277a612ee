/**
 * What a benchmark group declares and reports. Groups declare their figures up front, so a group
 * that fails still appears in the summary (as "not measured") and the JSON keeps a stable shape.
 */
export interface Goal {
  op: "<=" | ">=";
  target: number;
}

export interface FigureSpec {
  /** Key in the final JSON line, e.g. "area_page_ratio". */
  key: string;
  unit: string;
  /** What the number is, in a few words, for the human table. */
  label: string;
  goal?: Goal;
}

export interface BenchContext {
  /** Repository root: where `src/cli/main.ts` and `bench/fixtures` live. */
  root: string;
  /** A temporary folder of this run, removed at the end. */
  tmp: string;
  /** SQLite file shared by the server groups (created by whichever starts a server first). */
  databaseUrl: string;
  /** Free-form notes groups leave for later ones (e.g. the area page path). */
  shared: Map<string, unknown>;
}

export interface BenchGroup {
  /** Short name to pick groups on the command line: `npm run bench -- cold-start`. */
  id: string;
  title: string;
  figures: FigureSpec[];
  /** Measures and calls `report` once per figure, as soon as each is known. */
  run(context: BenchContext, report: (key: string, value: number, detail?: string) => void): Promise<void>;
}

export type GoalStatus = "met" | "missed" | "no goal" | "not measured";

export function goalStatus(spec: FigureSpec, value: number | null | undefined): GoalStatus {
  if (value === null || value === undefined || !Number.isFinite(value)) return "not measured";
  if (!spec.goal) return "no goal";
  const { op, target } = spec.goal;
  return (op === "<=" ? value <= target : value >= target) ? "met" : "missed";
}

export function formatGoal(goal: Goal | undefined): string {
  return goal ? `${goal.op === "<=" ? "≤" : "≥"} ${goal.target}` : "—";
}

/** Rounds to a sensible number of significant digits for both the table and the JSON. */
export function roundFigure(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return Number(value.toFixed(digits));
}
