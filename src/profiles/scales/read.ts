/**
 * Reading scales for the other parts of src/profiles (profiles, builder, documents) and later for
 * assessments: the scale an organisation uses, and per-competency level descriptors.
 */
import type { Kysely } from "kysely";
import { DEFAULT_SCALE_ID } from "../../db/migrations/012_proficiency_scales.ts";
import type { DB } from "../../db/schema.ts";

export { DEFAULT_SCALE_ID };

export interface Bilingual {
  en: string;
  fr: string;
}

export interface ScaleLevel {
  number: number;
  label: Bilingual;
  descriptor: Bilingual;
}

export interface Scale {
  id: string;
  /** Null for the instance's default scale. */
  organisationId: string | null;
  name: Bilingual;
  description: Bilingual;
  caseIdentifier: string;
  version: number;
  /** Lowest first, numbered 1..n. */
  levels: ScaleLevel[];
}

/** A scale with its levels; undefined when there is no such scale. */
export async function readScale(db: Kysely<DB>, scaleId: string): Promise<Scale | undefined> {
  const [scale, levels] = await Promise.all([
    db.selectFrom("proficiency_scales").selectAll().where("id", "=", scaleId).executeTakeFirst(),
    db.selectFrom("proficiency_levels").selectAll().where("scale_id", "=", scaleId).orderBy("number").execute(),
  ]);
  if (!scale) return undefined;
  return {
    id: scale.id,
    organisationId: scale.organisation_id,
    name: { en: scale.name_en, fr: scale.name_fr },
    description: { en: scale.description_en ?? "", fr: scale.description_fr ?? "" },
    caseIdentifier: scale.case_identifier,
    version: scale.version,
    levels: levels.map((l) => ({
      number: l.number,
      label: { en: l.label_en, fr: l.label_fr },
      descriptor: { en: l.descriptor_en, fr: l.descriptor_fr },
    })),
  };
}

/** The id of the scale an organisation uses: its choice, or the instance's default. */
export async function organisationScaleId(db: Kysely<DB>, organisationId: string): Promise<string> {
  const choice = await db
    .selectFrom("organisation_scales")
    .select("scale_id")
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return choice?.scale_id ?? DEFAULT_SCALE_ID;
}

/** The scale an organisation uses, with its levels. */
export async function organisationScale(db: Kysely<DB>, organisationId: string): Promise<Scale> {
  const scale = await readScale(db, await organisationScaleId(db, organisationId));
  if (!scale) throw new Error(`the scale of organisation ${organisationId} is missing`);
  return scale;
}

/**
 * Per-competency level descriptors of a scale for some items of a framework: item id → level number
 * → text. Items without any are absent; a level without its own descriptor is absent from its map
 * (the reader falls back to the scale's general descriptor).
 */
export async function levelDescriptors(
  db: Kysely<DB>,
  scaleId: string,
  frameworkId: string,
  itemIds: readonly string[],
): Promise<Map<string, Map<number, Bilingual>>> {
  const result = new Map<string, Map<number, Bilingual>>();
  if (itemIds.length === 0) return result;
  const rows = await db
    .selectFrom("competency_level_descriptors")
    .select(["item_id", "level_number", "descriptor_en", "descriptor_fr"])
    .where("scale_id", "=", scaleId)
    .where("framework_id", "=", frameworkId)
    .where("item_id", "in", [...new Set(itemIds)])
    .execute();
  for (const row of rows) {
    if (!row.descriptor_en && !row.descriptor_fr) continue;
    const levels = result.get(row.item_id) ?? new Map<number, Bilingual>();
    result.set(row.item_id, levels);
    levels.set(row.level_number, { en: row.descriptor_en ?? "", fr: row.descriptor_fr ?? "" });
  }
  return result;
}
