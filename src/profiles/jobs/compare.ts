/**
 * Two job profiles side by side (pure): which competencies only one of them requires, which both
 * require at a different level or importance, which both require alike; and which of their fields
 * differ. A competency is the same in both when it is the same item of the same framework, whatever
 * edition each pinned (the edition's wording is shown, not compared).
 */
import type { BilingualLine } from "./fields.ts";

export interface ComparedRequirement {
  frameworkId: string;
  itemId: string;
  targetLevel: number;
  importance: "essential" | "asset";
}

export interface RequirementComparison<R extends ComparedRequirement> {
  onlyInA: R[];
  onlyInB: R[];
  /** In both, with a different level or importance: [A's, B's]. */
  differ: [R, R][];
  same: [R, R][];
}

const key = (r: ComparedRequirement) => `${r.frameworkId} ${r.itemId}`;

/** Each list keeps the order of the profile it comes from (A's order for what both have). */
export function compareRequirements<R extends ComparedRequirement>(
  a: readonly R[],
  b: readonly R[],
): RequirementComparison<R> {
  const inB = new Map(b.map((r) => [key(r), r]));
  const inA = new Set(a.map(key));
  const result: RequirementComparison<R> = { onlyInA: [], onlyInB: [], differ: [], same: [] };
  for (const ra of a) {
    const rb = inB.get(key(ra));
    if (!rb) result.onlyInA.push(ra);
    else if (rb.targetLevel === ra.targetLevel && rb.importance === ra.importance) result.same.push([ra, rb]);
    else result.differ.push([ra, rb]);
  }
  for (const rb of b) if (!inA.has(key(rb))) result.onlyInB.push(rb);
  return result;
}

export const COMPARED_FIELDS = [
  "title_en",
  "title_fr",
  "code",
  "grade",
  "summary_en",
  "summary_fr",
  "duties",
  "qualifications",
  "working_conditions_en",
  "working_conditions_fr",
  "units",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface ComparedFields {
  title_en: string;
  title_fr: string;
  code: string | null;
  grade: string | null;
  summary_en: string;
  summary_fr: string;
  duties: BilingualLine[];
  qualifications: BilingualLine[];
  working_conditions_en: string;
  working_conditions_fr: string;
  /** Unit ids (order does not matter). */
  units: string[];
}

const same = (field: ComparedField, a: ComparedFields, b: ComparedFields): boolean => {
  if (field === "units") return [...a.units].sort().join("\n") === [...b.units].sort().join("\n");
  return JSON.stringify(a[field]) === JSON.stringify(b[field]);
};

/** The fields whose values differ, in the order of COMPARED_FIELDS. */
export const differingFields = (a: ComparedFields, b: ComparedFields): ComparedField[] =>
  COMPARED_FIELDS.filter((field) => !same(field, a, b));
