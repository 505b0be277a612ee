/**
 * Reading JSON the database stores. Every stored JSON text is parsed through a zod schema for its
 * format version (decision 015), never cast: a text that does not parse, or does not match, is a
 * `StoredJsonError` naming the column, the row and what is wrong, not an object of the wrong shape
 * travelling on until something far away breaks.
 */
import { z } from "zod";

/** Any JSON value (what `JSON.parse` can give). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const jsonValue: z.ZodType<JsonValue> = z.json();
/** A JSON object (not an array, not null): the shape of every "fields kept as they came" column. */
export const jsonObject: z.ZodType<JsonObject> = z.record(z.string(), jsonValue);

export class StoredJsonError extends Error {
  readonly column: string;
  readonly row: string;
  constructor(column: string, row: string, problem: string) {
    super(`Stored JSON in ${column} (${row}) is unreadable: ${problem}`);
    this.name = "StoredJsonError";
    this.column = column;
    this.row = row;
  }
}

/** Where a stored text comes from, for the error: the column ("editions.snapshot") and the row's key. */
export interface StoredAt {
  column: string;
  row: string;
}

/** A zod error's first issues, each with its path, for a StoredJsonError. */
export const explain = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(top)"}: ${issue.message}`)
    .join("; ") + (error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "");

/** Parses `text` and checks it against `schema`; throws a StoredJsonError naming `at` otherwise. */
export function readStoredJson<S extends z.ZodType>(schema: S, text: string, at: StoredAt): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoredJsonError(at.column, at.row, `not JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredJsonError(at.column, at.row, explain(result.error));
  return result.data;
}

/** As readStoredJson, for a nullable column: null stays null. */
export function readOptionalJson<S extends z.ZodType>(
  schema: S,
  text: string | null,
  at: StoredAt,
): z.output<S> | null {
  return text === null ? null : readStoredJson(schema, text, at);
}

/**
 * A stored format that carries its version as a `v` field: the schema of each version this code can
 * read, each giving the current shape (an older version's schema transforms its value forward). A
 * text without `v` is version 1: it was written before versions.
 */
export type VersionedFormat<T> = Readonly<Record<number, z.ZodType<T>>>;

const versionOf = z.object({ v: z.number().int().positive().optional() }).loose();

export function readVersionedJson<T>(format: VersionedFormat<T>, text: string, at: StoredAt): T {
  const head = readStoredJson(versionOf, text, at);
  const version = head.v ?? 1;
  const schema = format[version];
  if (!schema)
    throw new StoredJsonError(
      at.column,
      at.row,
      `format version ${version} is not one this version of Skillshelf reads (${Object.keys(format).join(", ")})`,
    );
  const result = schema.safeParse(head);
  if (!result.success) throw new StoredJsonError(at.column, at.row, `version ${version}: ${explain(result.error)}`);
  return result.data;
}

/**
 * Fields kept as another system gave them (`extra` columns, CASE definitions' bodies): a JSON object
 * whose keys are the source's, so no `v` can be added among them. This is their format 1, the only
 * one; a later format gets a schema_version column whose default, 1, names this one (decision 015).
 */
export const readKeptFields = (text: string, at: StoredAt): JsonObject => readStoredJson(jsonObject, text, at);

/**
 * Kept fields for a reader that must go on whatever one row holds (an export, a comparison, the
 * security log): checked by the same schema, but an unreadable or absent text reads as no fields.
 * Prefer readKeptFields wherever an error naming the row can reach someone who can fix it.
 */
export function keptFieldsOrNone(text: string | null | undefined): JsonObject {
  if (!text) return {};
  try {
    return readKeptFields(text, { column: "kept fields", row: "-" });
  } catch {
    return {};
  }
}
