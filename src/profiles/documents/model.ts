/**
 * What a job description or a job posting says, in one language, ready to print: the view model every
 * document renderer of this folder reads (the printable page, the Word document, the PDF, the
 * posting's JSON-LD). The profiles store fills it from the database; the renderers never query
 * anything, so each can be tested on generated view models without a database.
 *
 * Every text is already in the document's language (`lang`) and is plain text: renderers escape it
 * for their own format, so hostile text stays text. Differences from the first sketch:
 * - a KSA's `kind` is its label in the document's language ("Knowledge", « Savoir »), shown as given;
 * - `posting.employmentType` holds schema.org's tokens (FULL_TIME, PART_TIME…); the page and the
 *   files name them in the document's language, the JSON-LD keeps the known tokens.
 */
export type DocumentLang = "en" | "fr";

export const EMPLOYMENT_TYPES = [
  "FULL_TIME",
  "PART_TIME",
  "CONTRACTOR",
  "TEMPORARY",
  "INTERN",
  "VOLUNTEER",
  "PER_DIEM",
  "OTHER",
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export function isEmploymentType(value: string): value is EmploymentType {
  return (EMPLOYMENT_TYPES as readonly string[]).includes(value);
}

export interface JobOrganisation {
  name: string;
  /** The organisation's public web site (the posting's `sameAs`). */
  url?: string;
  locality?: string;
  /** Province or territory, e.g. "ON". */
  region?: string;
  /** ISO 3166-1 alpha-2, e.g. "CA". */
  country?: string;
  postalCode?: string;
  streetAddress?: string;
}

export interface ScaleLevel {
  number: number;
  label: string;
  descriptor: string;
}

export interface JobRequirement {
  /** The competency's area, e.g. "Community engagement": requirements are grouped under it. */
  area: string;
  /** The item's human code, if it has one. */
  code: string | null;
  /** The competency's title or statement. */
  competency: string;
  targetLevel: number;
  levelLabel: string;
  /** The competency's own descriptor for this level if it has one, else the scale's general one. */
  levelDescriptor: string;
  importance: "essential" | "asset";
  /** The KSAs the author chose; empty shows none. */
  ksas: { kind: string; text: string }[];
  /** The pinned edition's label, e.g. "Edition 3 (2026-05-01)". */
  edition: string;
}

export interface JobPostingDetails {
  /** YYYY-MM-DD or a full ISO date-time. */
  datePosted: string;
  validThrough: string;
  employmentType: string[];
  hoursPerWeek?: number;
  salary?: { min?: number; max?: number; currency: string; unit: "HOUR" | "YEAR" };
  /** Plain text, paragraphs separated by blank lines. */
  howToApply: string;
  /** Where the work is, in words, when it is not simply the organisation's address. */
  location?: string;
}

export interface JobDocument {
  lang: DocumentLang;
  kind: "description" | "posting";
  organisation: JobOrganisation;
  title: string;
  code: string | null;
  units: string[];
  grade: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  summary: string;
  duties: string[];
  qualifications: string[];
  workingConditions: string;
  scale: { name: string; levels: ScaleLevel[] };
  requirements: JobRequirement[];
  /** Present when kind is "posting". */
  posting?: JobPostingDetails;
  /** ISO date-time. */
  generatedAt: string;
}

export interface RequirementGroup {
  area: string;
  requirements: JobRequirement[];
}

/**
 * The requirements grouped by area, areas in the order they first appear (the author's order), and
 * within an area the essential ones before the assets, each keeping the author's order.
 */
export function groupRequirements(requirements: readonly JobRequirement[]): RequirementGroup[] {
  const groups = new Map<string, JobRequirement[]>();
  for (const requirement of requirements) {
    const list = groups.get(requirement.area);
    if (list) list.push(requirement);
    else groups.set(requirement.area, [requirement]);
  }
  return [...groups].map(([area, list]) => ({
    area,
    requirements: [
      ...list.filter((r) => r.importance === "essential"),
      ...list.filter((r) => r.importance !== "essential"),
    ],
  }));
}

/** Plain text cut into paragraphs at blank lines; lines inside a paragraph are kept as spaces. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
}

/** The BCP 47 tag documents carry: Canadian English or Canadian French. */
export function languageTag(lang: DocumentLang): "en-CA" | "fr-CA" {
  return lang === "fr" ? "fr-CA" : "en-CA";
}

// Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, unpaired surrogates, U+FFFE and
// U+FFFF). Stored text never has them (src/text/rules.ts), but a view model may come from anywhere: a
// Word file holding one would not open, so the file renderers drop them.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with characters no document format can carry removed, and line breaks as spaces. */
export function printable(text: string): string {
  return text.replace(NOT_XML, "").replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
}
