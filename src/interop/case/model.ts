/**
 * What a CASE package becomes besides the framework tree (src/interop/model.ts): its associations
 * and definitions, kept as they came so an export gives them back.
 */
import type { ImportedFramework } from "../model.ts";

/**
 * Inputs larger than this (200 MB) are refused before parsing, unless the setting IMPORT_MAX_MB
 * says otherwise (src/config.ts). A bilingual CASE package with notes needs about 1,100 bytes per
 * item with its isChildOf association, so 50,000 items take ~55 MB and the largest package
 * (MAX_CASE_ITEMS) fits.
 */
export const DEFAULT_MAX_IMPORT_BYTES = 200_000_000;
/** Deeper trees are refused: real frameworks stop near 8 levels, and every tree walk stays shallow. */
export const MAX_CASE_DEPTH = 64;
/** Longest text accepted in one field (statements, notes, titles). */
export const MAX_CASE_TEXT = 100_000;
/** Longest human code (the `items.code` column). */
export const MAX_CASE_CODE = 200;
/** Largest number of items in one package. */
export const MAX_CASE_ITEMS = 200_000;

/** Reserved key in an `extra` object for what Skillshelf itself records about an imported node. */
export const SKILLSHELF_KEY = "$skillshelf";
/** The vendor key Skillshelf writes under CASE `extensions` (translations, fields CASE has no room for). */
export const EXTENSION_KEY = "skillshelf";

/** The kinds of CASE definition a package carries (case_definitions.kind is checked against these, migration 008b). */
export const DEFINITION_KINDS = ["itemType", "subject", "concept", "license", "associationGrouping", "rubric"] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

/** CFDefinitions collection name → kind (rubrics sit beside CFDefinitions, in CFRubrics). */
export const DEFINITION_COLLECTIONS: Record<Exclude<DefinitionKind, "rubric">, string> = {
  concept: "CFConcepts",
  subject: "CFSubjects",
  license: "CFLicenses",
  itemType: "CFItemTypes",
  associationGrouping: "CFAssociationGroupings",
};

export interface CaseEndpoint {
  /** The item's id when the endpoint is an item of this package; null otherwise. */
  itemId: string | null;
  identifier: string;
  uri: string | null;
  title: string | null;
}

export interface CaseAssociation {
  id: string;
  type: string;
  uri: string | null;
  origin: CaseEndpoint;
  destination: CaseEndpoint;
  sequenceNumber: number | null;
  groupingId: string | null;
  /** ISO-8601, UTC, milliseconds. */
  lastChange: string;
  /** The position the import gave the origin item when this isChildOf became its parent link. */
  treePosition: number | null;
  /** Order in the source. */
  ordinal: number;
  /** Source fields with no column (notes, extensions, CFDocumentURI, the original date text…). */
  extra: Record<string, unknown> | null;
}

export interface CaseDefinition {
  kind: DefinitionKind;
  id: string;
  ordinal: number;
  /** The definition's object as it came. */
  body: Record<string, unknown>;
}

export interface CasePackage {
  framework: ImportedFramework;
  associations: CaseAssociation[];
  definitions: CaseDefinition[];
  /** Which CASE version the source declared ("1.1" when CFDocument.caseVersion says so). */
  caseVersion: "1.0" | "1.1";
}

export const isCasePackage = (value: unknown): value is CasePackage =>
  typeof value === "object" && value !== null && "framework" in value && "associations" in value;

/** Standard association types of CASE 1.1 (anything else must be written "ext:…"). */
export const ASSOCIATION_TYPES = new Set([
  "isChildOf",
  "isPeerOf",
  "isPartOf",
  "exactMatchOf",
  "precedes",
  "isRelatedTo",
  "replacedBy",
  "exemplar",
  "hasSkillLevel",
  "isTranslationOf",
]);
export const EXTENSION_TYPE = /^ext:[a-zA-Z0-9.\-_|]+$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
