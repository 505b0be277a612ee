/**
 * The fields CASE 1.1 allows on each object and the type of each, from the official CFPackage JSON
 * Schema. The parser uses them to tell known fields from unknown ones; the exporter uses them so
 * that what it writes validates strictly (a value of the wrong shape moves under `extensions`).
 */
import { ASSOCIATION_TYPES, EXTENSION_TYPE, isUuid } from "./model.ts";

export type FieldKind =
  | "string"
  | "strings"
  | "uri"
  | "uuid"
  | "integer"
  | "number"
  | "date"
  | "datetime"
  | "link"
  | "links"
  | "linkGen"
  | "object"
  | "objects"
  | "criteria"
  | "levels"
  | "caseVersion"
  | "associationType";

export type FieldSpec = Record<string, FieldKind>;

const common = { identifier: "uuid", uri: "uri", lastChangeDateTime: "datetime", extensions: "object" } as const;

export const DOCUMENT_FIELDS: FieldSpec = {
  ...common,
  frameworkType: "string",
  caseVersion: "caseVersion",
  creator: "string",
  title: "string",
  officialSourceURL: "string",
  publisher: "string",
  description: "string",
  subject: "strings",
  subjectURI: "links",
  language: "string",
  version: "string",
  adoptionStatus: "string",
  statusStartDate: "date",
  statusEndDate: "date",
  licenseURI: "link",
  notes: "string",
};

export const ITEM_FIELDS: FieldSpec = {
  ...common,
  fullStatement: "string",
  alternativeLabel: "string",
  CFItemType: "string",
  humanCodingScheme: "string",
  listEnumeration: "string",
  abbreviatedStatement: "string",
  conceptKeywords: "strings",
  conceptKeywordsURI: "link",
  notes: "string",
  subject: "strings",
  subjectURI: "links",
  language: "string",
  educationLevel: "strings",
  CFItemTypeURI: "link",
  licenseURI: "link",
  statusStartDate: "date",
  statusEndDate: "date",
};

export const ASSOCIATION_FIELDS: FieldSpec = {
  ...common,
  associationType: "associationType",
  sequenceNumber: "integer",
  originNodeURI: "linkGen",
  destinationNodeURI: "linkGen",
  CFAssociationGroupingURI: "link",
  notes: "string",
};

export const DEFINITION_FIELDS: Record<string, FieldSpec> = {
  concept: { ...common, title: "string", keywords: "string", hierarchyCode: "string", description: "string" },
  subject: { ...common, title: "string", hierarchyCode: "string", description: "string" },
  license: { ...common, title: "string", description: "string", licenseText: "string" },
  itemType: { ...common, title: "string", description: "string", hierarchyCode: "string", typeCode: "string" },
  associationGrouping: { ...common, title: "string", description: "string" },
  rubric: { ...common, title: "string", description: "string", CFRubricCriteria: "criteria" },
};

export const CRITERION_FIELDS: FieldSpec = {
  ...common,
  category: "string",
  description: "string",
  CFItemURI: "link",
  weight: "number",
  position: "integer",
  rubricId: "uuid",
  CFRubricCriterionLevels: "levels",
};

export const LEVEL_FIELDS: FieldSpec = {
  ...common,
  extensions: "objects",
  description: "string",
  quality: "string",
  score: "number",
  feedback: "string",
  position: "integer",
  rubricCriterionId: "uuid",
};

/** Required fields each definition kind must carry in a strict export, beyond identifier/uri/date. */
export const DEFINITION_REQUIRED: Record<string, string[]> = {
  concept: ["title", "hierarchyCode"],
  subject: ["title", "hierarchyCode"],
  license: ["title", "licenseText"],
  itemType: ["title", "description", "hierarchyCode"],
  associationGrouping: ["title"],
  rubric: [],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339 date-time, as ajv-formats checks it (a time zone is required). */
const DATE_TIME = /^\d{4}-[01]\d-[0-3]\dT(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:Z|[+-]\d\d(?::?\d\d)?)$/i;
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;

export const isDateTime = (value: unknown): value is string =>
  typeof value === "string" && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
export const isAbsoluteUri = (value: unknown): value is string => typeof value === "string" && ABSOLUTE_URI.test(value);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function isLink(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.every((k) => k === "title" || k === "identifier" || k === "uri") &&
    typeof value.title === "string" &&
    isUuid(value.identifier) &&
    isAbsoluteUri(value.uri)
  );
}

export function isLinkGen(value: unknown): boolean {
  if (!isObject(value)) return false;
  return (
    Object.keys(value).every((k) => k === "title" || k === "identifier" || k === "uri" || k === "targetType") &&
    typeof value.title === "string" &&
    typeof value.identifier === "string" &&
    isAbsoluteUri(value.uri) &&
    (value.targetType === undefined ||
      value.targetType === "CASE" ||
      (typeof value.targetType === "string" && /^ext:[a-zA-Z0-9.\-_|]+$/.test(value.targetType)))
  );
}

/** Whether `value` can be written as a field of this kind in a strictly valid CASE 1.1 package. */
export function conforms(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "strings":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "uri":
      return isAbsoluteUri(value);
    case "uuid":
      return isUuid(value);
    case "integer":
      return Number.isSafeInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "date":
      return typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value));
    case "datetime":
      return isDateTime(value);
    case "link":
      return isLink(value);
    case "links":
      return Array.isArray(value) && value.every(isLink);
    case "linkGen":
      return isLinkGen(value);
    case "object":
      return isObject(value);
    case "objects":
      return Array.isArray(value) && value.every(isObject);
    case "criteria":
    case "levels":
      return Array.isArray(value) && value.every(isObject);
    case "caseVersion":
      return value === "1.1";
    case "associationType":
      return typeof value === "string" && (ASSOCIATION_TYPES.has(value) || EXTENSION_TYPE.test(value));
  }
}

/**
 * Splits an object into what a strict package may carry (`clean`) and the rest (`unmapped`, written
 * under `extensions.skillshelf.unmapped` so a re-import restores it). Nested rubric parts are
 * cleaned the same way.
 */
export function conform(
  spec: FieldSpec,
  source: Record<string, unknown>,
): { clean: Record<string, unknown>; unmapped: Record<string, unknown> } {
  const clean: Record<string, unknown> = {};
  const unmapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const kind = spec[key];
    if (value === undefined) continue;
    if (kind === "criteria" || kind === "levels") {
      if (!conforms(kind, value)) {
        unmapped[key] = value;
        continue;
      }
      const nestedSpec = kind === "criteria" ? CRITERION_FIELDS : LEVEL_FIELDS;
      clean[key] = (value as Record<string, unknown>[]).map((part) => conformNested(nestedSpec, part));
    } else if (kind && conforms(kind, value)) {
      clean[key] = value;
    } else {
      unmapped[key] = value;
    }
  }
  return { clean, unmapped };
}

/** Rubric criteria and levels: fields that do not fit go under the part's own extensions. */
function conformNested(spec: FieldSpec, part: Record<string, unknown>): Record<string, unknown> {
  const { clean, unmapped } = conform(spec, part);
  if (Object.keys(unmapped).length > 0) {
    if (spec.extensions === "objects") {
      clean.extensions = [...((clean.extensions as unknown[]) ?? []), { skillshelf: { unmapped } }];
    } else {
      clean.extensions = { ...((clean.extensions as Record<string, unknown>) ?? {}), skillshelf: { unmapped } };
    }
  }
  return clean;
}
