/**
 * The JSON an edition stores, by format version (decision 015):
 * - `editions.snapshot`, version 2: a cache of the edition's content (EditionContent), the rows'
 *   copy for fast reading. Version 1 (the API's tree, before migration 008) is no longer read: that
 *   migration turned every one into rows and a version-2 cache.
 * - `editions.case_data`, version 1: what only CASE carries (associations, definitions).
 */
import { z } from "zod";
import type { CaseAssociationsTable, CaseDefinitionsTable } from "../db/schema.ts";
import { readVersionedJson, type StoredAt, type VersionedFormat } from "../db/stored-json.ts";
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
