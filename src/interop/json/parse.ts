/**
 * `parseFrameworkJson`: a framework in Skillshelf's own JSON (the API's shape, what
 * `skillshelf export --format json` writes, src/frameworks/json.ts) back into the importer's tree,
 * every problem with its JSON pointer. Pure. Checked with zod one node at a time, so a deep or huge
 * tree never recurses; fields the shape computes (lastUpdated, createdAt) or that belong to the
 * instance (status) are read and ignored.
 */
import { z } from "zod";
import { MAX_CASE_CODE, MAX_CASE_DEPTH, MAX_CASE_ITEMS, MAX_CASE_TEXT } from "../case/model.ts";
import { readCaseInput } from "../case/source.ts";
import { hasErrors, type ImportedFramework, type ImportedItem, type ImportResult, type Problem } from "../model.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (max: number) => z.string().max(max).nullable();
const bilingual = z.object({ en: text(MAX_CASE_TEXT), fr: text(MAX_CASE_TEXT) });
const identifier = z.string().regex(UUID);
const dateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: "date" });

const itemSchema = z.object({
  id: identifier,
  type: z.string().min(1).max(120),
  code: text(MAX_CASE_CODE).optional(),
  position: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  statement: bilingual,
  description: bilingual.optional(),
  updatedAt: dateTime.optional(),
  children: z.array(z.unknown()).optional(),
});

const frameworkSchema = z.object({
  id: identifier,
  slug: z.string().max(120).optional(),
  type: z.literal("framework"),
  title: bilingual,
  description: bilingual.optional(),
  publisher: text(1000).optional(),
  version: z.string().max(60).nullable().optional(),
  licence: text(1000).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)
    .optional(),
  updatedAt: dateTime.optional(),
  itemTypes: z
    .array(z.object({ code: z.string().min(1).max(120), label: bilingual.optional() }))
    .max(1000)
    .optional(),
  children: z.array(z.unknown()).max(MAX_CASE_ITEMS),
});

const pointer = (base: string, path: readonly PropertyKey[]) =>
  base + path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

const jsonType = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** zod's findings as problems, in both languages through their codes (src/interop/messages.ts). */
function issuesToProblems(issues: readonly z.core.$ZodIssue[], at: string, input: unknown): Problem[] {
  return issues.map((issue) => {
    const where = pointer(at, issue.path);
    const field = String(issue.path.at(-1) ?? "");
    const value = valueAt(input, issue.path);
    const error = (code: string, params: Problem["params"]): Problem => ({ where, code, params, severity: "error" });
    if (value === undefined) return error("json.missing_field", { field });
    if (issue.code === "invalid_type")
      return error("json.wrong_type", { field, expected: String(issue.expected), actual: jsonType(value) });
    if (issue.code === "too_big" && typeof value === "string")
      return error("json.text_too_long", { field, length: value.length, max: Number(issue.maximum) });
    if (issue.code === "too_big" && Array.isArray(value))
      return error("json.too_many", { field, count: value.length, max: Number(issue.maximum) });
    if (issue.code === "invalid_format" || (issue.code === "custom" && field === "updatedAt"))
      return error("json.invalid_value", { field, value: String(value).slice(0, 80) });
    return error("json.invalid_value", { field, value: JSON.stringify(value)?.slice(0, 80) ?? "" });
  });
}

/** Whether a parsed JSON value looks like Skillshelf's framework shape (not a CASE package). */
export const isFrameworkJson = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  (value as Record<string, unknown>).type === "framework" &&
  Array.isArray((value as Record<string, unknown>).children);

const normalise = (date: string | undefined) => (date === undefined ? undefined : new Date(date).toISOString());

export function parseFrameworkJson(
  input: string | Uint8Array | unknown,
  options: { maxBytes?: number } = {},
): ImportResult {
  const { value, problem } = readCaseInput(input, options.maxBytes);
  if (problem) return { value: null, problems: [problem] };
  if (!isFrameworkJson(value))
    return { value: null, problems: [{ where: "", code: "json.not_a_framework", severity: "error" }] };
  const top = frameworkSchema.safeParse(value);
  if (!top.success) return { value: null, problems: issuesToProblems(top.error.issues, "", value) };
  const f = top.data;
  const problems: Problem[] = [];

  // Items, breadth first: each checked on its own, children linked as they come.
  const roots: ImportedItem[] = [];
  let level: { raw: unknown; at: string; into: ImportedItem[] }[] = f.children.map((raw, i) => ({
    raw,
    at: `/children/${i}`,
    into: roots,
  }));
  let count = 0;
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_CASE_DEPTH) {
      problems.push({ where: level[0].at, code: "json.too_deep", params: { max: MAX_CASE_DEPTH }, severity: "error" });
      break;
    }
    const next: typeof level = [];
    for (const { raw, at, into } of level) {
      if (++count > MAX_CASE_ITEMS) {
        problems.push({
          where: at,
          code: "json.too_many",
          params: { field: "children", count, max: MAX_CASE_ITEMS },
          severity: "error",
        });
        break;
      }
      const parsed = itemSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(...issuesToProblems(parsed.error.issues, at, raw));
        continue;
      }
      const i = parsed.data;
      const item: ImportedItem = {
        id: i.id.toLowerCase(),
        type: i.type,
        code: i.code ?? null,
        position: i.position,
        statement: i.statement,
        description: i.description ?? { en: null, fr: null },
        ...(i.updatedAt ? { updatedAt: normalise(i.updatedAt) } : {}),
        children: [],
      };
      into.push(item);
      (i.children ?? []).forEach((child, n) => {
        next.push({ raw: child, at: `${at}/children/${n}`, into: item.children });
      });
    }
    level = next;
  }
  if (hasErrors(problems)) return { value: null, problems };

  // Siblings in the order readers see them: by position, then code, then identifier (as the tree does).
  const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  const stack = [roots];
  while (stack.length > 0) {
    const siblings = stack.pop() as ImportedItem[];
    siblings.sort(
      (a, b) => a.position - b.position || collator.compare(a.code ?? "", b.code ?? "") || a.id.localeCompare(b.id),
    );
    for (const s of siblings) if (s.children.length > 0) stack.push(s.children);
  }

  const framework: ImportedFramework = {
    id: f.id.toLowerCase(),
    ...(f.slug ? { slug: f.slug } : {}),
    title: f.title,
    description: f.description ?? { en: null, fr: null },
    publisher: f.publisher ?? null,
    version: f.version ?? null,
    status: null,
    licence: f.licence ?? null,
    ...(f.updatedAt ? { updatedAt: normalise(f.updatedAt) } : {}),
    itemTypes: (f.itemTypes ?? []).map((t) => ({ code: t.code, label: t.label ?? { en: null, fr: null } })),
    ...(f.language ? { language: f.language } : {}),
    children: roots,
  };
  return { value: framework, problems };
}
