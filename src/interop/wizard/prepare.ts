/**
 * From uploaded bytes to what the import writer takes, with everything the preview shows: the
 * parsers' problems, counts by type, and (for spreadsheets) the framework the rows go into.
 * Pure apart from the parsers, which run in a worker thread (src/interop/guarded); the same function
 * runs at preview and again at confirmation. Where the upload goes (into a framework, as a new one)
 * is the importer's business (import.ts).
 */
import type { Framework } from "../../db/schema.ts";
import type { Bilingual } from "../../frameworks/tree.ts";
import type { Lang } from "../../i18n/index.ts";
import { type CasePackage, isCasePackage } from "../case/model.ts";
import { detectFormat } from "../detect.ts";
import { PARSE_LIMITS, type ParseLimits, parseUpload } from "../guarded/parse-upload.ts";
import { hasErrors, type ImportedFramework, type ImportedItem, type Problem } from "../model.ts";
import type { ImportTarget } from "../retarget.ts";
import type { UploadFormat } from "./uploads.ts";

export const FORMAT_CHOICES = ["auto", "case", "json", "xlsx", "csv"] as const;
export type FormatChoice = (typeof FORMAT_CHOICES)[number];

/** The chosen format, or the one the file's name or content says; undefined when neither tells. */
export function resolveFormat(choice: FormatChoice, fileName: string, bytes: Uint8Array): UploadFormat | undefined {
  if (choice !== "auto") return choice;
  const found = detectFormat(fileName, bytes);
  return found === "text" ? undefined : found;
}

export interface PreparedUpload {
  /** What importFramework takes; null when the file cannot be imported. */
  input: ImportedFramework | CasePackage | null;
  framework: ImportedFramework | null;
  problems: Problem[];
  associations: number;
  definitions: number;
}

/** Where an upload goes, decided on the first page and kept with the upload. */
export interface UploadTarget {
  /** file: the framework the file names (or a new one); new: a copy under `slug`; into: `existing`. */
  kind: "file" | "new" | "into";
  existing?: Framework;
  /** The short name of the new framework (kind "new"). */
  slug?: string;
  /** Title for a new framework when the file has none, in the reader's language. */
  title: string;
  lang: Lang;
  /** The id the preview used, so an id-less sheet imports under the same one. */
  pinnedId?: string;
}

/** What importFramework is told about where the upload goes. */
export function importTarget(target: UploadTarget): ImportTarget | undefined {
  if (target.kind === "into" && target.existing) return { kind: "into", slug: target.existing.slug };
  if (target.kind === "new" && target.slug) return { kind: "new", slug: target.slug };
  return undefined;
}

/** A sheet that makes a framework: the same id as at preview, and a title when it has none. */
export function applySheetTarget(framework: ImportedFramework, target: UploadTarget): ImportedFramework {
  if (target.kind === "into") return framework;
  const out: ImportedFramework = { ...framework };
  if (target.pinnedId) out.id = target.pinnedId;
  const title = target.title.trim();
  if (!framework.title.en && !framework.title.fr && title !== "")
    out.title = target.lang === "en" ? { en: title, fr: null } : { en: null, fr: title };
  return out;
}

export const hasTitle = (framework: ImportedFramework) => Boolean(framework.title.en || framework.title.fr);

export async function prepareUpload(
  bytes: Uint8Array,
  format: UploadFormat,
  target: UploadTarget,
  limits: Partial<ParseLimits> = {},
): Promise<PreparedUpload> {
  const { value, problems } = await parseUpload(bytes, format, { ...PARSE_LIMITS, ...limits });
  if (format === "case" || (value && isCasePackage(value))) {
    const casePackage = value && isCasePackage(value) ? value : null;
    return {
      input: casePackage && !hasErrors(problems) ? casePackage : null,
      framework: casePackage?.framework ?? null,
      problems,
      associations: casePackage?.associations.length ?? 0,
      definitions: casePackage?.definitions.length ?? 0,
    };
  }
  const framework = value && format !== "json" ? applySheetTarget(value, target) : value;
  return {
    input: framework && !hasErrors(problems) ? framework : null,
    framework,
    problems,
    associations: 0,
    definitions: 0,
  };
}

export interface TypeCount {
  code: string;
  label: Bilingual;
  count: number;
}

/** How many items of each type, in the framework's order of types (types without items left out). */
export function countByType(framework: ImportedFramework): { total: number; types: TypeCount[] } {
  const counts = new Map<string, number>();
  const stack: ImportedItem[] = [...framework.children];
  let total = 0;
  while (stack.length > 0) {
    const item = stack.pop() as ImportedItem;
    total++;
    counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
    stack.push(...item.children);
  }
  const labels = new Map(framework.itemTypes.map((t) => [t.code, t.label]));
  const order = [...framework.itemTypes.map((t) => t.code), ...counts.keys()];
  const types = [...new Set(order)]
    .filter((code) => counts.has(code))
    .map((code) => ({ code, label: labels.get(code) ?? { en: null, fr: null }, count: counts.get(code) as number }));
  return { total, types };
}

/** Errors first, then warnings, each kind in the order the parser found them. */
export function orderProblems(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")];
}
