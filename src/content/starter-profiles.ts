/**
 * Starter job profiles (content/starter-profiles/): six common public-library jobs, written for this
 * project in English and French, whose competency requirements name items of the starter framework
 * by code. Loading validates every file and resolves every code against the starter content, so a
 * profile never reaches an organisation pointing at a competency the starter does not have.
 */
import { readdirSync } from "node:fs";
import type { Insertable } from "kysely";
import { z } from "zod";
import type { JobProfileRequirementsTable, JobProfilesTable } from "../db/profile-tables.ts";
import { frenchTypography } from "../i18n/typography.ts";
import { projectPath } from "../paths.ts";
import type { ContentNode } from "./schema.ts";
import {
  ContentError,
  loadStarterContent,
  readJson,
  type StarterContent,
  starterFrameworkId,
  starterItemId,
  zodProblems,
} from "./starter.ts";

export const STARTER_PROFILES_DIR = projectPath("content/starter-profiles/");

/** The default scale's levels (1 = lowest): a requirement's target level is one of them. */
export const STARTER_LEVELS = [1, 2, 3, 4, 5] as const;
export const IMPORTANCES = ["essential", "asset"] as const;
export type Importance = (typeof IMPORTANCES)[number];

const line = (max: number) => z.string().trim().min(1).max(max);
const itemCode = z.string().regex(/^[A-Z0-9][A-Z0-9.-]*$/, "codes use A-Z, 0-9, '.' and '-'");

/** A profile's texts in one language. Duties are ordered: the first is what the job is most about. */
const profileTexts = z
  .object({
    title: line(200),
    /** A suggested grade or band in words ("Entry level"); an organisation puts its own. */
    grade: line(120),
    summary: line(2000),
    duties: z.array(line(500)).min(5).max(9),
    qualifications: z.array(line(500)).min(3).max(6),
    workingConditions: line(2000),
  })
  .strict();

export type ProfileTexts = z.infer<typeof profileTexts>;

const requirementEntry = z
  .object({
    /** Code of a competency of the starter framework. */
    item: itemCode,
    level: z
      .number()
      .int()
      .min(STARTER_LEVELS[0])
      .max(STARTER_LEVELS[STARTER_LEVELS.length - 1]),
    importance: z.enum(IMPORTANCES),
    /** Codes of the competency's own KSAs the job calls for, when only some of them matter. */
    ksas: z.array(itemCode).min(1).max(8).optional(),
  })
  .strict();

/** content/starter-profiles/CODE.json */
export const starterProfileFile = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9-]{1,19}$/, "a profile code uses A-Z, 0-9 and '-', 2 to 20 characters"),
    en: profileTexts,
    fr: profileTexts,
    requirements: z.array(requirementEntry).min(6).max(20),
  })
  .strict();

export type StarterProfileFile = z.infer<typeof starterProfileFile>;

/** content/starter-profiles/index.json: the framework the profiles draw on, and the profiles in order. */
export const starterProfilesIndex = z
  .object({
    framework: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    profiles: z.array(z.string()).min(1),
  })
  .strict();

/** An item of the starter framework, by its code and by the id every edition of the starter gives it. */
export interface StarterItemRef {
  code: string;
  itemId: string;
}

export interface StarterRequirement extends StarterItemRef {
  /** 1-based, in the order the file gives (the order a job description lists them). */
  position: number;
  level: number;
  importance: Importance;
  /** The chosen KSAs, in the file's order; empty when the whole competency is meant. */
  ksas: StarterItemRef[];
}

export interface StarterProfile {
  code: string;
  /** Where it came from (for messages): "PAGE.json". */
  file: string;
  en: ProfileTexts;
  /** French as it is stored and shown: with its typography (no-break spaces), like the starter's. */
  fr: ProfileTexts;
  requirements: StarterRequirement[];
}

export interface StarterProfiles {
  /** The starter framework the requirements point into. */
  framework: { slug: string; id: string; version: string };
  /** In index.json's order. */
  profiles: StarterProfile[];
}

/** The starter's items by code, with their type and parent (categories have none). */
function itemsByCode(content: StarterContent): Map<string, { type: string; parent: string | null }> {
  const items = new Map<string, { type: string; parent: string | null }>();
  const visit = (node: ContentNode, parent: string | null) => {
    items.set(node.code, { type: node.type, parent });
    for (const child of node.children ?? []) visit(child, node.code);
  };
  for (const category of content.categories) visit(category, null);
  return items;
}

function typesetTexts(texts: ProfileTexts): ProfileTexts {
  return {
    title: frenchTypography(texts.title),
    grade: frenchTypography(texts.grade),
    summary: frenchTypography(texts.summary),
    duties: texts.duties.map(frenchTypography),
    qualifications: texts.qualifications.map(frenchTypography),
    workingConditions: frenchTypography(texts.workingConditions),
  };
}

/**
 * Checks one profile's requirements against the starter: each names a competency (not a category,
 * an area or a KSA) that the starter has, at most once; each chosen KSA belongs to that competency.
 * A code the starter no longer has is retired (codes are never reused), and is reported the same way.
 */
export function requirementProblems(
  file: string,
  profile: StarterProfileFile,
  content: StarterContent,
  items = itemsByCode(content),
): string[] {
  const problems: string[] = [];
  const version = `${content.framework.slug} ${content.framework.version}`;
  const seen = new Set<string>();
  profile.requirements.forEach((requirement, index) => {
    const where = `${file}: requirements.${index}`;
    const item = items.get(requirement.item);
    if (!item) problems.push(`${where}.item: ${requirement.item} is not in the starter framework (${version})`);
    else if (item.type !== "competency")
      problems.push(`${where}.item: ${requirement.item} is a ${item.type}, not a competency`);
    if (seen.has(requirement.item)) problems.push(`${where}.item: ${requirement.item} is required twice`);
    seen.add(requirement.item);
    const chosen = new Set<string>();
    (requirement.ksas ?? []).forEach((code, k) => {
      const ksa = items.get(code);
      if (!ksa) problems.push(`${where}.ksas.${k}: ${code} is not in the starter framework (${version})`);
      else if (ksa.type !== "ksa") problems.push(`${where}.ksas.${k}: ${code} is a ${ksa.type}, not a KSA`);
      else if (ksa.parent !== requirement.item)
        problems.push(`${where}.ksas.${k}: ${code} belongs to ${ksa.parent}, not to ${requirement.item}`);
      if (chosen.has(code)) problems.push(`${where}.ksas.${k}: ${code} is chosen twice`);
      chosen.add(code);
    });
  });
  return problems;
}

/**
 * Reads, validates and resolves the starter profiles; throws ContentError listing every problem,
 * each naming its file and field. `content` defaults to the starter framework on disk.
 */
export function loadStarterProfiles(options: { dir?: string; content?: StarterContent } = {}): StarterProfiles {
  const dir = options.dir ?? STARTER_PROFILES_DIR;
  const content = options.content ?? loadStarterContent();
  const { slug, version } = content.framework;
  const problems: string[] = [];
  const index = starterProfilesIndex.safeParse(readJson(dir, "index.json", problems));
  if (!index.success) {
    if (problems.length === 0) problems.push(...zodProblems("index.json", index.error.issues));
    throw new ContentError(problems);
  }
  if (index.data.framework !== slug)
    problems.push(`index.json: framework: the profiles draw on ${index.data.framework}, the starter is ${slug}`);
  const stray = new Set(readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "index.json"));
  const items = itemsByCode(content);
  const profiles: StarterProfile[] = [];
  const listed = new Set<string>();
  for (const code of index.data.profiles) {
    const file = `${code}.json`;
    if (listed.has(code)) problems.push(`index.json: profiles: ${code} is listed twice`);
    listed.add(code);
    stray.delete(file);
    const raw = readJson(dir, file, problems);
    if (raw === undefined) continue;
    const parsed = starterProfileFile.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error.issues));
      continue;
    }
    const profile = parsed.data;
    if (profile.code !== code) problems.push(`${file}: code: is ${profile.code}, expected ${code}`);
    // Duties and qualifications are stored as {en, fr} pairs: each line needs its other language.
    for (const list of ["duties", "qualifications"] as const)
      if (profile.fr[list].length !== profile.en[list].length)
        problems.push(
          `${file}: fr.${list}: ${profile.fr[list].length} in French, ${profile.en[list].length} in English (one of each per line)`,
        );
    problems.push(...requirementProblems(file, profile, content, items));
    profiles.push({
      code: profile.code,
      file,
      en: profile.en,
      fr: typesetTexts(profile.fr),
      requirements: profile.requirements.map((r, i) => ({
        position: i + 1,
        code: r.item,
        itemId: starterItemId(slug, r.item),
        level: r.level,
        importance: r.importance,
        ksas: (r.ksas ?? []).map((k) => ({ code: k, itemId: starterItemId(slug, k) })),
      })),
    });
  }
  for (const file of stray) problems.push(`${file}: not listed in index.json`);
  if (problems.length > 0) throw new ContentError(problems);
  return { framework: { slug, id: starterFrameworkId(slug), version }, profiles };
}

/** What a job profile copied from a starter profile holds, before the organisation's own ids. */
export type StarterJobProfileFields = Omit<
  Insertable<JobProfilesTable>,
  "id" | "organisation_id" | "scale_id" | "version" | "created_at" | "updated_at" | "updated_by"
>;

/** A copied requirement, before the profile's id and the edition it is pinned to. */
export type StarterRequirementFields = Omit<Insertable<JobProfileRequirementsTable>, "profile_id" | "edition_id">;

/**
 * A starter profile as the columns of `job_profiles` and `job_profile_requirements` (migration 013)
 * hold it. The table has one grade, "as the organisation writes it": the starter's suggestion in
 * the organisation's language. The caller adds the ids, the scale (the starter's levels are on the
 * default five-level scale) and the edition of the starter framework the requirements are pinned to.
 */
export function starterJobProfile(
  profile: StarterProfile,
  frameworkId: string,
  lang: "en" | "fr",
): { profile: StarterJobProfileFields; requirements: StarterRequirementFields[] } {
  const pairs = (en: string[], fr: string[]) => JSON.stringify(en.map((text, i) => ({ en: text, fr: fr[i] })));
  return {
    profile: {
      code: profile.code,
      title_en: profile.en.title,
      title_fr: profile.fr.title,
      grade: profile[lang].grade,
      summary_en: profile.en.summary,
      summary_fr: profile.fr.summary,
      duties: pairs(profile.en.duties, profile.fr.duties),
      qualifications: pairs(profile.en.qualifications, profile.fr.qualifications),
      working_conditions_en: profile.en.workingConditions,
      working_conditions_fr: profile.fr.workingConditions,
      copied_from: `starter:${profile.code}`,
    },
    requirements: profile.requirements.map((r) => ({
      framework_id: frameworkId,
      item_id: r.itemId,
      ordinal: r.position,
      target_level: r.level,
      importance: r.importance,
      ksa_ids: r.ksas.length > 0 ? JSON.stringify(r.ksas.map((k) => k.itemId)) : null,
    })),
  };
}
