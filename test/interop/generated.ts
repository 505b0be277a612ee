/**
 * Frameworks of random shape and text for property tests (fast-check), as the importer takes them,
 * and helpers to export and re-read them in every format. Text is what people write: words in
 * English and French with accents, punctuation, quotes, separators and the odd emoji; trimmed
 * (spreadsheet cells are), never empty.
 */
import fc from "fast-check";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { buildFrameworkView } from "../../src/editions/catalog.ts";
import { type FrameworkJson, frameworkJson, type ItemJson } from "../../src/frameworks/json.ts";
import { findFrameworkById, findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { caseExport } from "../../src/interop/case/export.ts";
import { caseExportInput } from "../../src/interop/case/load.ts";
import type { CasePackage } from "../../src/interop/case/model.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { parseFrameworkJson } from "../../src/interop/json/parse.ts";
import type { ImportedFramework, ImportedItem, ImportResult } from "../../src/interop/model.ts";
import { exportSpreadsheet, parseSpreadsheet } from "../../src/interop/sheets/index.ts";

/** Property runs per test: small by default so a file runs quickly; FC_RUNS=200 explores more. */
export const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

/**
 * fc.assert for properties that replay whole imports: no shrinking unless FC_SHRINK=1 (each step
 * is an import), and the failing assertion's own message shown (node:test prints no `cause`).
 */
export async function assertProperty<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { numRuns, endOnFailure: process.env.FC_SHRINK !== "1" });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) (error as Error).message += `\nFailed with: ${cause.message}`;
    throw error;
  }
}

export const BASE_URL = "https://skills.example.org";

const WORDS = [
  "plan",
  "budget",
  "community",
  "Outreach",
  "collections",
  "staff,",
  "partners;",
  "“quoted”",
  '"double"',
  "l'équipe",
  "À",
  "élève",
  "Ça",
  "œuvre",
  "garçon",
  "naïve",
  "répond",
  "(brackets)",
  "50%",
  "1.2",
  "#hash",
  "📚",
  "𝔘nicode",
  "tab",
  "ünïcødé",
  "«",
  "»",
  "?",
];

/** One line of text (titles, labels, publishers: the text rule keeps them on one line). */
export const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 })
  .map((words) => words.join(" ").replace(/^[\s«»?]+|\s+$/g, "") || "text");

/** Statements and descriptions may run over several lines. */
export const paragraph = fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n"));

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const TYPE_CODES = ["category", "area", "competency", "ksa", "indicator"];
const date = fc
  .integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

interface Shape {
  statement: { en: string | null; fr: string | null };
  description: { en: string | null; fr: string | null };
  hasCode: boolean;
  updatedAt: string;
  children: Shape[];
}

const statement = fc.oneof(
  { weight: 6, arbitrary: fc.record({ en: paragraph, fr: paragraph }) },
  { weight: 1, arbitrary: fc.record({ en: paragraph, fr: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({ en: fc.constant(null), fr: paragraph }) },
);

const shape: fc.Memo<Shape> = fc.memo((n) =>
  fc.record({
    statement,
    description: fc.record({ en: maybe(paragraph), fr: maybe(paragraph) }),
    hasCode: fc.boolean(),
    updatedAt: date,
    children: n <= 1 ? fc.constant([]) : fc.array(shape(n - 1), { maxLength: 4 }),
  }),
);

/** A framework the importer takes: 1–~40 items, up to 4 levels, codes unique where present. */
export const generatedFramework: fc.Arbitrary<ImportedFramework> = fc
  .record({
    ids: fc.uniqueArray(fc.uuid(), { minLength: 201, maxLength: 201, selector: (u) => u.toLowerCase() }),
    title: fc.record({ en: text, fr: maybe(text) }),
    description: fc.record({ en: maybe(text), fr: maybe(text) }),
    publisher: maybe(text),
    licence: maybe(fc.constantFrom("CC BY 4.0", "CC0", "All rights reserved")),
    types: fc.uniqueArray(fc.constantFrom(...TYPE_CODES), { minLength: 1, maxLength: 4 }),
    labels: fc.array(fc.record({ en: text, fr: text }), { minLength: 5, maxLength: 5 }),
    roots: fc.array(shape(4), { minLength: 1, maxLength: 5 }),
    gaps: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 200, maxLength: 200 }),
    updatedAt: date,
  })
  .map((g) => {
    let n = 0;
    const build = (shapes: Shape[], depth: number): ImportedItem[] => {
      let position = 0;
      return shapes
        .filter(() => n < 150)
        .map((s) => {
          const index = n++;
          position += g.gaps[index];
          return {
            id: g.ids[index + 1].toLowerCase(),
            type: g.types[Math.min(depth, g.types.length - 1)],
            code: s.hasCode ? `C${index}.${depth}` : null,
            position,
            statement: s.statement,
            description: s.description,
            updatedAt: s.updatedAt,
            children: build(s.children, depth + 1),
          };
        });
    };
    return {
      id: g.ids[0].toLowerCase(),
      title: g.title,
      description: g.description,
      publisher: g.publisher,
      version: "1",
      status: null,
      licence: g.licence,
      updatedAt: g.updatedAt,
      itemTypes: g.types.map((code, i) => ({ code, label: g.labels[i] })),
      children: build(g.roots, 0),
    };
  });

export type Format = "json" | "case" | "xlsx" | "csv";
export const FORMATS: Format[] = ["json", "case", "xlsx", "csv"];

/** The draft of a framework in the API's JSON shape. */
export async function draftJson(db: Kysely<DB>, slug: string): Promise<FrameworkJson> {
  const framework = await findFrameworkBySlug(db, slug);
  if (!framework) throw new Error(`no framework ${slug}`);
  return frameworkJson(await buildFrameworkView(db, framework));
}

// biome-ignore lint/suspicious/noExplicitAny: tests edit exported CASE JSON freely
export type AnyJson = Record<string, any>;

export async function draftCase(db: Kysely<DB>, frameworkId: string): Promise<AnyJson> {
  const framework = await findFrameworkById(db, frameworkId);
  if (!framework) throw new Error(`no framework ${frameworkId}`);
  return caseExport(await caseExportInput(db, await buildFrameworkView(db, framework), BASE_URL));
}

/** A file's bytes as a reader of that format gives them to the importer. */
export async function reread(format: Format, file: Uint8Array): Promise<ImportResult<ImportedFramework | CasePackage>> {
  if (format === "json") return parseFrameworkJson(file);
  if (format === "case") return parseCasePackage(file);
  return parseSpreadsheet(file, format);
}

export async function fileOf(format: Format, json: FrameworkJson, casePackage?: AnyJson): Promise<Uint8Array> {
  if (format === "json") return new TextEncoder().encode(JSON.stringify(json, null, 2));
  if (format === "case") return new TextEncoder().encode(JSON.stringify(casePackage));
  return new Uint8Array(await exportSpreadsheet(json, format));
}

/** What a format carries of a framework, ids and dates aside: for "identical content" checks. */
export function content(json: FrameworkJson, format: Format) {
  const item = (i: ItemJson): unknown => ({
    type: i.type,
    code: i.code,
    statement: i.statement,
    description: i.description,
    children: i.children.map(item),
  });
  const sheetsCarry = format !== "csv";
  return {
    ...(sheetsCarry
      ? {
          title: json.title,
          description: json.description,
          publisher: json.publisher,
          licence: json.licence,
          itemTypes: json.itemTypes,
        }
      : // A CSV names the types its rows use, and nothing of them but their codes.
        { itemTypes: [...new Set(itemsOf(json).map((i) => i.type))].sort() }),
    children: json.children.map(item),
  };
}

/** Every item of an exported tree, parents first. */
export function itemsOf(json: { children: ItemJson[] }): ItemJson[] {
  const out: ItemJson[] = [];
  const stack = [...json.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop() as ItemJson;
    out.push(item);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
  }
  return out;
}
