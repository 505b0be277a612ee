/**
 * Reading a job profile's requirements (decision 037): each competency as the edition it is pinned
 * to published it, with its ancestors (category, area) and its children (KSAs) in that edition; and
 * a framework's current edition, which new requirements are pinned to and newer ones compared with.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Bilingual } from "../../frameworks/tree.ts";
import type { Importance } from "./logic.ts";

export interface ProfileRef {
  organisationId: string;
  profileId: string;
}

export interface PublishedNode {
  id: string;
  code: string | null;
  type: string;
  statement: Bilingual;
  description: Bilingual;
}

export interface Requirement {
  frameworkId: string;
  frameworkSlug: string;
  frameworkTitle: Bilingual;
  itemId: string;
  editionId: string;
  editionNumber: number;
  editionPublishedAt: string;
  ordinal: number;
  targetLevel: number;
  importance: Importance;
  /** Null: the competency as a whole. */
  ksaIds: string[] | null;
  reviewedEditionId: string | null;
  /** The competency as the pinned edition published it. */
  item: PublishedNode & { parentId: string | null };
  /** Its ancestors in that edition, from the top (category, area…). */
  ancestors: PublishedNode[];
  /** Its children in that edition (its knowledge, skills and abilities), in order. */
  ksas: PublishedNode[];
}

export type Executor = Kysely<DB> | Transaction<DB>;

export const node = (row: {
  item_id: string;
  code: string | null;
  type_code: string;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
}): PublishedNode => ({
  id: row.item_id,
  code: row.code,
  type: row.type_code,
  statement: { en: row.statement_en, fr: row.statement_fr },
  description: { en: row.description_en, fr: row.description_fr },
});

const ITEM_COLUMNS = [
  "item_id",
  "parent_id",
  "code",
  "type_code",
  "position",
  "statement_en",
  "statement_fr",
  "description_en",
  "description_fr",
] as const;

export type ItemRow = Awaited<ReturnType<typeof readItems>>[number];

/** Items of one edition by id, with their ancestors (walked up a level per query). */
async function withAncestors(db: Executor, editionId: string, itemIds: readonly string[]) {
  const rows = new Map<string, ItemRow>();
  let wanted = [...new Set(itemIds)];
  while (wanted.length > 0) {
    for (const row of await readItems(db, editionId, wanted)) rows.set(row.item_id, row);
    wanted = [
      ...new Set(
        wanted
          .map((id) => rows.get(id)?.parent_id)
          .filter((id): id is string => typeof id === "string" && !rows.has(id)),
      ),
    ];
  }
  return rows;
}

export async function readItems(db: Executor, editionId: string, itemIds: readonly string[]) {
  const rows = [];
  for (let start = 0; start < itemIds.length; start += 400)
    rows.push(
      ...(await db
        .selectFrom("published_items")
        .select(ITEM_COLUMNS)
        .where("edition_id", "=", editionId)
        .where("item_id", "in", itemIds.slice(start, start + 400))
        .execute()),
    );
  return rows;
}

/** Children of items in one edition, by parent, in order. */
export async function childrenOf(db: Executor, editionId: string, parentIds: readonly string[]) {
  const result = new Map<string, PublishedNode[]>();
  for (let start = 0; start < parentIds.length; start += 400) {
    const rows = await db
      .selectFrom("published_items")
      .select(ITEM_COLUMNS)
      .where("edition_id", "=", editionId)
      .where("parent_id", "in", parentIds.slice(start, start + 400))
      .orderBy("position")
      .orderBy("item_id")
      .execute();
    for (const row of rows) {
      const list = result.get(row.parent_id as string) ?? [];
      list.push(node(row));
      result.set(row.parent_id as string, list);
    }
  }
  return result;
}

export const parseKsaIds = (text: string | null): string[] | null => {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
  } catch {
    // Written only by this store; an unreadable list reads as the competency as a whole.
    return null;
  }
};

/** A profile's requirements in order, each with its competency as the pinned edition published it. */
export async function readRequirements(db: Executor, profileId: string): Promise<Requirement[]> {
  const rows = await db
    .selectFrom("job_profile_requirements as r")
    .innerJoin("editions as e", "e.id", "r.edition_id")
    .innerJoin("frameworks as f", "f.id", "r.framework_id")
    .select([
      "r.framework_id",
      "r.item_id",
      "r.edition_id",
      "r.ordinal",
      "r.target_level",
      "r.importance",
      "r.ksa_ids",
      "r.reviewed_edition_id",
      "e.number",
      "e.published_at",
      "f.slug",
      "f.title_en",
      "f.title_fr",
    ])
    .where("r.profile_id", "=", profileId)
    .orderBy("r.ordinal")
    .orderBy("r.item_id")
    .execute();
  const byEdition = new Map<string, string[]>();
  for (const row of rows) byEdition.set(row.edition_id, [...(byEdition.get(row.edition_id) ?? []), row.item_id]);
  const items = new Map<string, Awaited<ReturnType<typeof withAncestors>>>();
  const children = new Map<string, Map<string, PublishedNode[]>>();
  for (const [editionId, ids] of byEdition) {
    items.set(editionId, await withAncestors(db, editionId, ids));
    children.set(editionId, await childrenOf(db, editionId, ids));
  }
  return rows.map((row) => {
    const edition = items.get(row.edition_id) as Map<string, ItemRow>;
    const item = edition.get(row.item_id) as ItemRow;
    const ancestors: PublishedNode[] = [];
    for (let parent = item.parent_id; parent; ) {
      const above = edition.get(parent);
      if (!above || ancestors.length > 64) break;
      ancestors.unshift(node(above));
      parent = above.parent_id;
    }
    return {
      frameworkId: row.framework_id,
      frameworkSlug: row.slug,
      frameworkTitle: { en: row.title_en, fr: row.title_fr },
      itemId: row.item_id,
      editionId: row.edition_id,
      editionNumber: Number(row.number),
      editionPublishedAt: row.published_at,
      ordinal: Number(row.ordinal),
      targetLevel: Number(row.target_level),
      importance: row.importance === "asset" ? "asset" : "essential",
      ksaIds: parseKsaIds(row.ksa_ids),
      reviewedEditionId: row.reviewed_edition_id,
      item: { ...node(item), parentId: item.parent_id },
      ancestors,
      ksas: children.get(row.edition_id)?.get(row.item_id) ?? [],
    };
  });
}

/** The framework's current published edition (what readers see), or null when it is not published. */
export async function currentEdition(
  db: Executor,
  frameworkId: string,
): Promise<{ id: string; number: number; publishedAt: string } | null> {
  const row = await db
    .selectFrom("editions as e")
    .innerJoin("frameworks as f", "f.id", "e.framework_id")
    .select(["e.id", "e.number", "e.published_at"])
    .where("e.framework_id", "=", frameworkId)
    .where("f.status", "=", "published")
    .orderBy("e.number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, number: Number(row.number), publishedAt: row.published_at } : null;
}

/** A profile of the organisation, as the builder needs it (undefined: not this organisation's). */
export async function findProfile(db: Executor, ref: ProfileRef) {
  return db
    .selectFrom("job_profiles")
    .select([
      "id",
      "organisation_id",
      "title_en",
      "title_fr",
      "code",
      "scale_id",
      "version",
      "summary_en",
      "summary_fr",
    ])
    .where("id", "=", ref.profileId)
    .where("organisation_id", "=", ref.organisationId)
    .executeTakeFirst();
}
