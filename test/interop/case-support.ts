/**
 * What the CASE tests share: the third-party samples and schemas (read from ../shared/case, never
 * copied into the repository), strict validators, and a snapshot of every table an import touches.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import addFormatsModule from "ajv-formats";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { buildFrameworkView } from "../../src/editions/catalog.ts";
import { findFrameworkById } from "../../src/frameworks/store.ts";
import { caseExport } from "../../src/interop/case/export.ts";
import { caseExportInput } from "../../src/interop/case/load.ts";

const addFormats = addFormatsModule.default;

const CASE_DIR = new URL("../../../shared/case/", import.meta.url);
export const casePresent = existsSync(CASE_DIR);
/** node:test `skip` option: skip with the agreed message when the samples are absent, never under CI. */
export const caseSkip = !casePresent && process.env.CI !== "true" ? "skipped: ../shared/case not found" : false;

export const sampleNames = () =>
  readdirSync(new URL("samples/", CASE_DIR))
    .filter((f) => f.endsWith(".json"))
    .sort();
export const MALFORMED = "sbac__ela_content_specification_TRIMMED_malformed.json";
export const readSample = (name: string) => readFileSync(new URL(`samples/${name}`, CASE_DIR), "utf8");
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(`schema/${name}`, CASE_DIR), "utf8"));

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
let packageValidator: Validate | undefined;

/** The official CASE 1.1 CFPackage JSON Schema (draft 2019-09), strict formats. */
export function validatePackage(pkg: unknown): { ok: boolean; errors: string } {
  if (!packageValidator) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    packageValidator = ajv.compile(readSchema("case_v1p1_cfpackage-jsonschema1.json")) as Validate;
  }
  const ok = packageValidator(pkg);
  return { ok, errors: ok ? "" : JSON.stringify((packageValidator.errors ?? []).slice(0, 5), null, 1) };
}

/**
 * The official CASE 1.1 OpenAPI 3.0 binding: each response body against the schema its operation
 * documents, $refs resolved by ajv. OpenAPI 3.0 schemas are draft-07 with extras: `nullable` is
 * turned into a null type (the file has none today) and unknown keywords are ignored.
 *
 * One erratum is patched: CFItemTypeDType requires `description` but does not list it among its
 * properties while forbidding others, so no item type could ever validate. The property is added
 * as the CFPackage JSON Schema defines it.
 */
export function openApiValidator() {
  const doc = readSchema("imscasev1p1_openapi3_v1p0.json");
  const fixNullable = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fixNullable);
    if (!node || typeof node !== "object") return node;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) copy[k] = fixNullable(v);
    if (copy.nullable === true && typeof copy.type === "string") copy.type = [copy.type, "null"];
    delete copy.nullable;
    return copy;
  };
  const schemas = fixNullable(doc.components.schemas) as Record<string, Record<string, Record<string, unknown>>>;
  schemas.CFItemTypeDType.properties.description = { type: "string" };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ components: { schemas } }, "case-openapi");
  const paths = doc.paths as Record<
    string,
    { get: { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> } }
  >;
  return (template: string, status: number, body: unknown): { ok: boolean; errors: string } => {
    const response = paths[template]?.get.responses[String(status)];
    if (!response?.content) throw new Error(`${template} documents no ${status} body`);
    const ref = response.content["application/json"].schema.$ref;
    const validate = ajv.getSchema(`case-openapi${ref}`) as Validate;
    const ok = validate(body);
    return { ok, errors: ok ? "" : JSON.stringify((validate.errors ?? []).slice(0, 5), null, 1) };
  };
}

/** Every row of every table an import may touch, in a stable order. */
export async function snapshotTables(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const tables = [
    "frameworks",
    "item_types",
    "items",
    "case_associations",
    "case_definitions",
    "meta",
    "editions",
    "published_item_types",
    "published_items",
  ] as const;
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    out[table] = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

export async function countRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    "frameworks",
    "item_types",
    "items",
    "case_associations",
    "case_definitions",
    "editions",
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read exported JSON freely
export type AnyJson = Record<string, any>;

/** The draft of a framework as a CASE package (what an import wrote, before any publishing). */
export async function exportDraft(
  db: Kysely<DB>,
  frameworkId: string,
  baseUrl = "https://skills.example.org",
): Promise<AnyJson> {
  const framework = await findFrameworkById(db, frameworkId);
  if (!framework) throw new Error(`no framework ${frameworkId}`);
  const view = await buildFrameworkView(db, framework);
  return caseExport(await caseExportInput(db, view, baseUrl));
}
