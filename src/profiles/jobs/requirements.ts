/**
 * A profile's competency requirements as the profile page, the comparison and the documents read
 * them: each with the texts of the edition it is pinned to (the competency, its area, the chosen
 * KSAs), not the framework's current draft. Writing requirements is the builder's (src/profiles/builder).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { BilingualLine } from "./fields.ts";

export interface PinnedRequirement {
  frameworkId: string;
  itemId: string;
  editionId: string;
  editionNumber: number;
  /** YYYY-MM-DD */
  editionDate: string;
  ordinal: number;
  targetLevel: number;
  importance: "essential" | "asset";
  code: string | null;
  competency: BilingualLine;
  /** The competency's parent in the same edition (its area); empty when it has none. */
  area: BilingualLine;
  /** The chosen KSAs in the edition's order; empty when the competency is required as a whole. */
  ksas: { itemId: string; type: string; text: BilingualLine }[];
}

const ids = (json: string | null): string[] => {
  if (json === null) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
};

const texts = (row: { statement_en: string | null; statement_fr: string | null }): BilingualLine => ({
  en: row.statement_en ?? row.statement_fr ?? "",
  fr: row.statement_fr ?? row.statement_en ?? "",
});

/** The requirements of one profile (or several), in the author's order. */
export async function readRequirements(
  db: Kysely<DB>,
  profileIds: readonly string[],
): Promise<Map<string, PinnedRequirement[]>> {
  const result = new Map<string, PinnedRequirement[]>(profileIds.map((id) => [id, []]));
  if (profileIds.length === 0) return result;
  const rows = await db
    .selectFrom("job_profile_requirements as r")
    .innerJoin("published_items as i", (j) =>
      j.onRef("i.edition_id", "=", "r.edition_id").onRef("i.item_id", "=", "r.item_id"),
    )
    .innerJoin("editions as e", "e.id", "r.edition_id")
    .leftJoin("published_items as a", (j) =>
      j.onRef("a.edition_id", "=", "i.edition_id").onRef("a.item_id", "=", "i.parent_id"),
    )
    .select([
      "r.profile_id",
      "r.framework_id",
      "r.item_id",
      "r.edition_id",
      "r.ordinal",
      "r.target_level",
      "r.importance",
      "r.ksa_ids",
      "e.number as edition_number",
      "e.published_at",
      "i.code",
      "i.statement_en",
      "i.statement_fr",
      "a.statement_en as area_en",
      "a.statement_fr as area_fr",
    ])
    .where("r.profile_id", "in", [...profileIds])
    .orderBy("r.profile_id")
    .orderBy("r.ordinal")
    .execute();
  const wanted = rows.flatMap((r) => ids(r.ksa_ids).map((id) => ({ edition: r.edition_id, id })));
  const ksaRows =
    wanted.length === 0
      ? []
      : await db
          .selectFrom("published_items")
          .select(["edition_id", "item_id", "parent_id", "type_code", "position", "statement_en", "statement_fr"])
          .where("edition_id", "in", [...new Set(wanted.map((w) => w.edition))])
          .where("item_id", "in", [...new Set(wanted.map((w) => w.id))])
          .orderBy("position")
          .execute();
  for (const row of rows) {
    const chosen = new Set(ids(row.ksa_ids));
    result.get(row.profile_id)?.push({
      frameworkId: row.framework_id,
      itemId: row.item_id,
      editionId: row.edition_id,
      editionNumber: Number(row.edition_number),
      editionDate: row.published_at.slice(0, 10),
      ordinal: Number(row.ordinal),
      targetLevel: Number(row.target_level),
      importance: row.importance === "asset" ? "asset" : "essential",
      code: row.code,
      competency: texts(row),
      area: { en: row.area_en ?? row.area_fr ?? "", fr: row.area_fr ?? row.area_en ?? "" },
      ksas: ksaRows
        .filter((k) => k.edition_id === row.edition_id && chosen.has(k.item_id))
        .map((k) => ({ itemId: k.item_id, type: k.type_code, text: texts(k) })),
    });
  }
  return result;
}

export async function requirementsOf(db: Kysely<DB>, profileId: string): Promise<PinnedRequirement[]> {
  return (await readRequirements(db, [profileId])).get(profileId) ?? [];
}
