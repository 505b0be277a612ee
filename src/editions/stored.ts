/**
 * The JSON an edition stores, by format version (decision 015):
 * - `editions.snapshot`, version 2: a cache of the edition's content (EditionContent), the rows'
 *   copy for fast reading. Version 1 (the API's tree, before migration 008) is no longer read: that
 *   migration turned every one into rows and a version-2 cache.
 * - `editions.case_data`, version 1: what only CASE carries (associations, definitions).
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { parseChunked } from "@discoveryjs/json-ext";
import { z } from "zod";
import type { CaseAssociationsTable, CaseDefinitionsTable } from "../db/schema.ts";
import { explain, readVersionedJson, type StoredAt, StoredJsonError, type VersionedFormat } from "../db/stored-json.ts";
import { inSlices, SLICE_MS, STEP, type Steps } from "../slices.ts";
import type { EditionContent } from "./content.ts";

const text = z.string();
const nullableText = z.string().nullable();
const bilingual = z.object({ en: nullableText, fr: nullableText });

const cacheV2 = z
  .object({
    v: z.literal(2),
    framework: z.object({
      id: text,
      title_en: nullableText,
      title_fr: nullableText,
      description_en: nullableText,
      description_fr: nullableText,
      publisher: nullableText,
      licence: nullableText,
      created_at: text,
      updated_at: text,
      extra: nullableText,
    }),
    adoptedFrom: z.object({ id: text, slug: text, title: bilingual, edition: z.number().int() }).nullable(),
    types: z.array(
      z.object({
        code: text,
        type_id: nullableText,
        label_en: nullableText,
        label_fr: nullableText,
        position: z.number().int(),
        extra: nullableText,
      }),
    ),
    items: z.array(
      z.object({
        id: text,
        parent_id: nullableText,
        type_code: text,
        code: nullableText,
        position: z.number(),
        statement_en: nullableText,
        statement_fr: nullableText,
        description_en: nullableText,
        description_fr: nullableText,
        updated_at: text,
        extra: nullableText,
        source_item_id: nullableText,
      }),
    ),
  })
  .transform(({ v: _v, ...content }): EditionContent => content);

export const EDITION_CACHE: VersionedFormat<EditionContent> = { 2: cacheV2 };

export const writeEditionCache = (content: EditionContent): string => JSON.stringify({ v: 2, ...content });

export const readEditionCache = (stored: string, at: StoredAt): EditionContent =>
  readVersionedJson(EDITION_CACHE, stored, at);

/** What only CASE carries, as an edition froze it. */
export interface EditionCaseData {
  associations: CaseAssociationsTable[];
  definitions: CaseDefinitionsTable[];
}

const association = z.object({
  framework_id: text,
  id: text,
  association_type: text,
  uri: nullableText,
  origin_item_id: nullableText,
  origin_identifier: text,
  origin_uri: nullableText,
  origin_title: nullableText,
  destination_item_id: nullableText,
  destination_identifier: text,
  destination_uri: nullableText,
  destination_title: nullableText,
  sequence_number: z.number().nullable(),
  grouping_id: nullableText,
  tree_position: z.number().nullable(),
  ordinal: z.number(),
  last_change: text,
  extra: nullableText,
});

const definition = z.object({ framework_id: text, kind: text, id: text, ordinal: z.number(), body: text });

const caseV1 = z
  .object({ v: z.literal(1).optional(), associations: z.array(association), definitions: z.array(definition) })
  .transform(({ v: _v, ...data }): EditionCaseData => data);

export const EDITION_CASE_DATA: VersionedFormat<EditionCaseData> = { 1: caseV1 };

export const writeEditionCaseData = (data: EditionCaseData): string => JSON.stringify({ v: 1, ...data });

export const readEditionCaseData = (stored: string, at: StoredAt): EditionCaseData =>
  readVersionedJson(EDITION_CASE_DATA, stored, at);

/** Characters handed to the chunked parser at a time (a fraction of a slice's work). */
const PARSE_CHUNK = 65_536;

/**
 * The text (or its UTF-8 bytes) in pieces, the event loop given back whenever a slice of main-thread
 * time is used. The parser decodes bytes across the pieces' boundaries.
 */
async function* piecesOf(
  text: string | Uint8Array,
  sliceMs: number,
  size: number,
): AsyncGenerator<string | Uint8Array> {
  let started = performance.now();
  for (let at = 0; at < text.length; at += size) {
    yield typeof text === "string" ? text.slice(at, at + size) : text.subarray(at, at + size);
    if (performance.now() - started >= sliceMs) {
      await nextTurn();
      started = performance.now();
    }
  }
}

const caseShape = z.object({
  v: z.number().int().positive().optional(),
  associations: z.array(z.unknown()),
  definitions: z.array(z.unknown()),
});

/** Checks each row against its schema, STEP rows between yields; the first problem names its row. */
function* checkedRows<T>(rows: unknown[], schema: z.ZodType<T>, name: string, at: StoredAt): Steps<T[]> {
  const checked: T[] = [];
  for (const [index, row] of rows.entries()) {
    const result = schema.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = [name, index, ...(issue?.path ?? [])].join(".");
      throw new StoredJsonError(at.column, at.row, `version 1: ${path}: ${issue?.message ?? explain(result.error)}`);
    }
    checked.push(result.data);
    if (index % STEP === STEP - 1) yield;
  }
  return checked;
}

/**
 * readEditionCaseData a slice at a time. A big framework's CASE data is tens of megabytes (43 MB at
 * 50,000 items: an association per item), which JSON.parse and the rows' checks would hold the main
 * thread on for about 0.4 s, every reader waiting: parsed in pieces (@discoveryjs/json-ext) and
 * checked row by row instead, giving the event loop back between slices. Same result and errors.
 */
export async function readEditionCaseDataInSlices(
  stored: string | Uint8Array,
  at: StoredAt,
  sliceMs = SLICE_MS,
  /** Characters (or bytes) per piece: tests cut the text everywhere with small pieces. */
  pieceSize = PARSE_CHUNK,
): Promise<EditionCaseData> {
  let value: unknown;
  try {
    value = await parseChunked(() => piecesOf(stored, sliceMs, pieceSize));
  } catch (error) {
    throw new StoredJsonError(at.column, at.row, `not JSON (${(error as Error).message})`);
  }
  const version = z.object({ v: z.number().int().positive().optional() }).loose().safeParse(value);
  if (!version.success) throw new StoredJsonError(at.column, at.row, explain(version.error));
  const number = version.data.v ?? 1;
  if (!EDITION_CASE_DATA[number])
    throw new StoredJsonError(
      at.column,
      at.row,
      `format version ${number} is not one this version of Skillshelf reads (${Object.keys(EDITION_CASE_DATA).join(", ")})`,
    );
  const shape = caseShape.safeParse(value);
  if (!shape.success) throw new StoredJsonError(at.column, at.row, `version 1: ${explain(shape.error)}`);
  const associations = await inSlices(checkedRows(shape.data.associations, association, "associations", at), sliceMs);
  const definitions = await inSlices(checkedRows(shape.data.definitions, definition, "definitions", at), sliceMs);
  return { associations, definitions };
}
