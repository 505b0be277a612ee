/**
 * What a job profile is made of, checked at the edge (zod), without any database: its texts in both
 * languages, its code and grade, its units, and the ordered bilingual lists (duties, qualifications)
 * with the operations the edit form offers on them (add a row, remove one, move one up or down).
 *
 * A form sends a list as numbered pairs (`duties_en_0`, `duties_fr_0`, …): a row left empty in both
 * languages is dropped, a row written in one language only is refused on the missing field, so a
 * job description never prints a duty in one language and a blank in the other.
 */
import { z } from "zod";
import { type FieldErrors, says } from "../../ui/forms/index.ts";

export const TITLE_MAX = 200;
export const CODE_MAX = 60;
export const GRADE_MAX = 120;
export const SUMMARY_MAX = 5000;
export const LINE_MAX = 1000;
export const CONDITIONS_MAX = 3000;
/** Rows a list may hold (a description of 40 duties is already a manual). */
export const LIST_MAX = 40;

export const LISTS = ["duties", "qualifications"] as const;
export type ListName = (typeof LISTS)[number];

export interface BilingualLine {
  en: string;
  fr: string;
}

/** Everything an author writes about a profile (requirements are the builder's). */
export interface ProfileInput {
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
  unit_ids: string[];
}

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, says("formRequired")).max(max);
/** Optional text: blank is none. */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const line = z.object({ en: required(LINE_MAX), fr: required(LINE_MAX) }).strict();

/** The JSON shape (API, store): both titles required, lists of complete pairs. */
export const profileInput = z
  .object({
    title_en: required(TITLE_MAX),
    title_fr: required(TITLE_MAX),
    code: optional(CODE_MAX),
    grade: optional(GRADE_MAX),
    summary_en: text(SUMMARY_MAX).default(""),
    summary_fr: text(SUMMARY_MAX).default(""),
    duties: z.array(line).max(LIST_MAX).default([]),
    qualifications: z.array(line).max(LIST_MAX).default([]),
    working_conditions_en: text(CONDITIONS_MAX).default(""),
    working_conditions_fr: text(CONDITIONS_MAX).default(""),
    unit_ids: z.array(z.string().max(36)).max(200).default([]),
  })
  .strict();

/** Codes are compared without case and surrounding spaces ("LT-2" and "lt-2 " are one code). */
export const codeKey = (code: string) => code.trim().toLowerCase();

export type FormBody = Record<string, string | File | undefined>;
const field = (body: FormBody, name: string): string => {
  const value = body[name];
  return typeof value === "string" ? value : "";
};

/** The rows of a list as the form numbered them, in order, with their field names. */
export function formRows(body: FormBody, list: ListName): BilingualLine[] {
  const numbers = new Set<number>();
  const pattern = new RegExp(`^${list}_(en|fr)_(\\d{1,3})$`);
  for (const name of Object.keys(body)) {
    const match = pattern.exec(name);
    if (match) numbers.add(Number(match[2]));
  }
  return [...numbers]
    .sort((a, b) => a - b)
    .map((n) => ({ en: field(body, `${list}_en_${n}`), fr: field(body, `${list}_fr_${n}`) }));
}

/** A list as stored: rows blank in both languages dropped, the rest trimmed. */
export const keptRows = (rows: readonly BilingualLine[]): BilingualLine[] =>
  rows.map((r) => ({ en: r.en.trim(), fr: r.fr.trim() })).filter((r) => r.en !== "" || r.fr !== "");

/** The units ticked on the form (`unit_<id>` checkboxes). */
export const formUnits = (body: FormBody): string[] =>
  Object.keys(body)
    .filter((name) => name.startsWith("unit_") && body[name] !== "")
    .map((name) => name.slice("unit_".length));

/** The form's flat fields with its lists re-numbered as kept (0..n-1), as the page shows them again. */
export function formValues(input: Omit<ProfileInput, "unit_ids"> & { unit_ids?: string[] }): Record<string, string> {
  const values: Record<string, string> = {
    title_en: input.title_en,
    title_fr: input.title_fr,
    code: input.code ?? "",
    grade: input.grade ?? "",
    summary_en: input.summary_en,
    summary_fr: input.summary_fr,
    working_conditions_en: input.working_conditions_en,
    working_conditions_fr: input.working_conditions_fr,
  };
  for (const list of LISTS)
    input[list].forEach((row, i) => {
      values[`${list}_en_${i}`] = row.en;
      values[`${list}_fr_${i}`] = row.fr;
    });
  for (const id of input.unit_ids ?? []) values[`unit_${id}`] = "on";
  return values;
}

export type ParsedProfileForm =
  | { ok: true; input: ProfileInput }
  | { ok: false; errors: FieldErrors; rows: Record<ListName, BilingualLine[]> };

/**
 * The edit form's body as a profile: the lists gathered from their numbered rows, and every problem
 * named on its own field (`duties_fr_2` when the third duty has no French).
 */
export function parseProfileForm(body: FormBody): ParsedProfileForm {
  const rows = {
    duties: keptRows(formRows(body, "duties")),
    qualifications: keptRows(formRows(body, "qualifications")),
  };
  const candidate = {
    title_en: field(body, "title_en"),
    title_fr: field(body, "title_fr"),
    code: field(body, "code"),
    grade: field(body, "grade"),
    summary_en: field(body, "summary_en"),
    summary_fr: field(body, "summary_fr"),
    working_conditions_en: field(body, "working_conditions_en"),
    working_conditions_fr: field(body, "working_conditions_fr"),
    duties: rows.duties,
    qualifications: rows.qualifications,
    unit_ids: formUnits(body),
  };
  const result = profileInput.safeParse(candidate);
  if (result.success) return { ok: true, input: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const [first, index, lang] = issue.path;
    // A list row's problem belongs to that row's field in that language.
    const name =
      (first === "duties" || first === "qualifications") && typeof index === "number" && typeof lang === "string"
        ? `${first}_${lang}_${index}`
        : String(first ?? "form");
    errors[name] ??=
      issue.code === "too_small"
        ? "formRequired"
        : issue.code === "too_big" && issue.origin === "string"
          ? { key: "formTooLong", args: [Number(issue.maximum)] }
          : issue.code === "too_big"
            ? { key: "profileListTooLong", args: [LIST_MAX] }
            : "formInvalid";
  }
  return { ok: false, errors, rows };
}

/** What the edit form's list buttons do: `duties:up:2`, `qualifications:remove:0`, `duties:add`. */
export type ListOp =
  | { list: ListName; kind: "add" }
  | { list: ListName; kind: "up" | "down" | "remove"; index: number };

export function parseListOp(value: unknown): ListOp | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(duties|qualifications):(add|up|down|remove)(?::(\d{1,3}))?$/.exec(value);
  if (!match) return undefined;
  const list = match[1] as ListName;
  if (match[2] === "add") return { list, kind: "add" };
  if (match[3] === undefined) return undefined;
  return { list, kind: match[2] as "up" | "down" | "remove", index: Number(match[3]) };
}

/**
 * One list operation on a list, returning a new list (the original is untouched). Out-of-range moves
 * and removals change nothing; adding appends an empty row (up to LIST_MAX).
 */
export function applyListOp<T>(list: readonly T[], op: ListOp, empty: T): T[] {
  const next = [...list];
  if (op.kind === "add") {
    if (next.length < LIST_MAX) next.push(empty);
    return next;
  }
  const i = op.index;
  if (i < 0 || i >= next.length) return next;
  if (op.kind === "remove") next.splice(i, 1);
  else {
    const j = op.kind === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= next.length) return next;
    [next[i], next[j]] = [next[j] as T, next[i] as T];
  }
  return next;
}
