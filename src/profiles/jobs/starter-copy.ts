/**
 * Copying a starter job profile into an organisation. The starter profiles (content/starter-profiles,
 * loaded by src/content/starter-profiles.ts) name starter competencies by their stable item ids, with
 * a target level on the default five-level scale. The copy:
 * - pins every requirement to the starter framework's CURRENT published edition (the newest one); a
 *   competency or KSA that edition no longer has (retired) is left out and reported, not invented;
 * - maps levels onto the organisation's scale when it has another number of levels, keeping each
 *   level's relative place between the lowest and the highest (`mapLevel`): on a 3-level scale, 1→1,
 *   2→2, 3→2, 4→3, 5→3; on a 7-level one, 1→1, 2→3, 3→4, 4→6, 5→7. Lowest stays lowest, highest stays
 *   highest, and the order of two requirements' levels never reverses.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ChangeAuthor } from "../../people/organisations/changes.ts";
import { organisationScale } from "../scales/read.ts";
import type { ProfileInput } from "./fields.ts";
import { createProfile, type Profile, type RequirementRow } from "./store.ts";

/** The starter profile as the loader gives it (only what a copy reads). */
export interface StarterProfileTexts {
  title: string;
  grade: string;
  summary: string;
  duties: string[];
  qualifications: string[];
  workingConditions: string;
}
export interface StarterProfileLike {
  code: string;
  en: StarterProfileTexts;
  fr: StarterProfileTexts;
  requirements: {
    itemId: string;
    position: number;
    level: number;
    importance: "essential" | "asset";
    ksas: { itemId: string }[];
  }[];
}

/** The starter's scale: the default one, five levels. */
export const STARTER_LEVEL_COUNT = 5;

/** A level of a scale of `from` levels, placed on a scale of `to` levels (see the file's comment). */
export function mapLevel(level: number, from: number, to: number): number {
  if (from === to) return Math.min(Math.max(level, 1), to);
  if (to <= 1 || from <= 1) return 1;
  const clamped = Math.min(Math.max(level, 1), from);
  return Math.round(1 + ((clamped - 1) * (to - 1)) / (from - 1));
}

/** The profile's texts from the starter's two languages (pairs kept in order; the code is the organisation's). */
export function starterProfileInput(starter: StarterProfileLike): ProfileInput {
  const pairs = (en: string[], fr: string[]) =>
    Array.from({ length: Math.max(en.length, fr.length) }, (_, i) => ({
      en: en[i] ?? fr[i] ?? "",
      fr: fr[i] ?? en[i] ?? "",
    }));
  return {
    title_en: starter.en.title,
    title_fr: starter.fr.title,
    code: null,
    grade: starter.en.grade === starter.fr.grade ? starter.en.grade : `${starter.en.grade} / ${starter.fr.grade}`,
    summary_en: starter.en.summary,
    summary_fr: starter.fr.summary,
    duties: pairs(starter.en.duties, starter.fr.duties),
    qualifications: pairs(starter.en.qualifications, starter.fr.qualifications),
    working_conditions_en: starter.en.workingConditions,
    working_conditions_fr: starter.fr.workingConditions,
    unit_ids: [],
  };
}

/** The requirements a copy writes, given the items the pinned edition has (pure). */
export function starterRequirements(
  starter: StarterProfileLike,
  pin: { frameworkId: string; editionId: string; items: ReadonlySet<string> },
  levelCount: number,
): { rows: RequirementRow[]; missing: string[] } {
  const missing: string[] = [];
  const rows: RequirementRow[] = [];
  const ordered = [...starter.requirements].sort((a, b) => a.position - b.position);
  for (const requirement of ordered) {
    if (!pin.items.has(requirement.itemId)) {
      missing.push(requirement.itemId);
      continue;
    }
    const ksas = requirement.ksas.map((k) => k.itemId).filter((id) => pin.items.has(id));
    rows.push({
      framework_id: pin.frameworkId,
      item_id: requirement.itemId,
      edition_id: pin.editionId,
      ordinal: rows.length,
      target_level: mapLevel(requirement.level, STARTER_LEVEL_COUNT, levelCount),
      importance: requirement.importance,
      ksa_ids: ksas.length > 0 ? JSON.stringify(ksas) : null,
    });
  }
  return { rows, missing };
}

export class StarterNotPublishedError extends Error {
  constructor() {
    super("the starter framework has no published edition here");
  }
}

/** The newest published edition of a framework, if any. */
export async function currentEdition(
  db: Kysely<DB>,
  frameworkId: string,
): Promise<{ id: string; number: number } | undefined> {
  const row = await db
    .selectFrom("editions")
    .select(["id", "number"])
    .where("framework_id", "=", frameworkId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && { id: row.id, number: Number(row.number) };
}

/** Copies the starter profile into the organisation; `missing` lists retired item ids left out. */
export async function copyStarterProfile(
  db: Kysely<DB>,
  organisationId: string,
  starter: StarterProfileLike,
  frameworkId: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<{ profile: Profile; missing: string[] }> {
  const edition = await currentEdition(db, frameworkId);
  if (!edition) throw new StarterNotPublishedError();
  const wanted = starter.requirements.flatMap((r) => [r.itemId, ...r.ksas.map((k) => k.itemId)]);
  const present =
    wanted.length === 0
      ? []
      : await db
          .selectFrom("published_items")
          .select("item_id")
          .where("edition_id", "=", edition.id)
          .where("item_id", "in", [...new Set(wanted)])
          .execute();
  const scale = await organisationScale(db, organisationId);
  const { rows, missing } = starterRequirements(
    starter,
    { frameworkId, editionId: edition.id, items: new Set(present.map((p) => p.item_id)) },
    scale.levels.length,
  );
  const profile = await createProfile(
    db,
    organisationId,
    starterProfileInput(starter),
    author,
    { copiedFrom: `starter:${starter.code}`, scaleId: scale.id, requirements: rows },
    now,
  );
  return { profile, missing };
}
