/**
 * From uploaded bytes to what the import writer takes, with everything the preview shows: the
 * parsers' problems, counts by type, and (for spreadsheets) the framework the rows go into.
 * Pure apart from the parsers, which run in a worker thread (src/interop/guarded); the same function
 * runs at preview and again at confirmation.
 */
import type { Framework } from "../../db/schema.ts";
import type { Bilingual } from "../../frameworks/tree.ts";
import type { Lang } from "../../i18n/index.ts";
import { type CasePackage, isCasePackage } from "../case/model.ts";
import { PARSE_LIMITS, type ParseLimits, parseUpload } from "../guarded/parse-upload.ts";
import { hasErrors, type ImportedFramework, type ImportedItem, type Problem } from "../model.ts";
import type { UploadFormat } from "./uploads.ts";

export const FORMAT_CHOICES = ["auto", "case", "xlsx", "csv"] as const;
export type FormatChoice = (typeof FORMAT_CHOICES)[number];

/** The chosen format, or the one the file's name says; undefined when neither tells. */
export function resolveFormat(choice: FormatChoice, fileName: string): UploadFormat | undefined {
  if (choice !== "auto") return choice;
  const name = fileName.toLowerCase();
  if (name.endsWith(".json")) return "case";
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".csv")) return "csv";
  return undefined;
}

export interface PreparedUpload {
  /** What importFramework takes; null when the file cannot be imported. */
  input: ImportedFramework | CasePackage | null;
  framework: ImportedFramework | null;
  problems: Problem[];
  associations: number;
  definitions: number;
}

/** Where spreadsheet rows go, decided on the first page and kept with the upload. */
export interface SheetTarget {
  /** The draft to update; undefined: the file's own framework, or a new one. */
  existing?: Framework;
  /** The draft's item types, whose labels a sheet without a types table (a CSV) must not erase. */
  existingTypes?: ImportedFramework["itemTypes"];
  /** Title for a new framework when the file has none, in the reader's language. */
  title: string;
  lang: Lang;
  /** The id the preview used, so an id-less sheet imports under the same one. */
  pinnedId?: string;
}

const FRAMEWORK_TEXT = ["publisher", "version", "licence"] as const;

export function applySheetTarget(framework: ImportedFramework, target: SheetTarget): ImportedFramework {
  const out: ImportedFramework = { ...framework };
  const existing = target.existing;
  if (existing) {
    out.id = existing.id;
    delete out.slug;
    // The sheet's own framework fields win; a CSV has none, so the draft keeps its own.
    out.title = { en: framework.title.en ?? existing.title_en, fr: framework.title.fr ?? existing.title_fr };
    out.description = {
      en: framework.description.en ?? existing.description_en,
      fr: framework.description.fr ?? existing.description_fr,
    };
    for (const key of FRAMEWORK_TEXT) out[key] = framework[key] ?? existing[key];
    const known = new Map((target.existingTypes ?? []).map((type) => [type.code, type]));
    out.itemTypes = framework.itemTypes.map((type) => {
      const old = known.get(type.code);
      if (!old) return type;
      return {
        ...type,
        label: { en: type.label.en ?? old.label.en, fr: type.label.fr ?? old.label.fr },
        extra: type.extra ?? old.extra,
      };
    });
    return out;
  }
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
  target: SheetTarget,
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
  const framework = value ? applySheetTarget(value, target) : null;
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
