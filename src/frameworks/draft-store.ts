/**
 * Repository functions for the editors' draft: the live frameworks and items. Explicit columns; every
 * query is scoped to one framework so an id from another framework answers like an unknown one.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB, Framework, ItemType } from "../db/schema.ts";
import type { DraftItem, TextField } from "./item-state.ts";
import { frameworkColumns, listItemTypes } from "./store.ts";

export type Executor = Kysely<DB> | Transaction<DB>;

const itemColumns = [
  "items.id",
  "items.parent_id",
  "items.position",
  "item_types.code as type",
  "items.code",
  "items.statement_en",
  "items.statement_fr",
  "items.description_en",
  "items.description_fr",
  "items.version",
  "items.updated_at",
] as const;

const normalise = (row: DraftItem): DraftItem => ({
  ...row,
  position: Number(row.position),
  version: Number(row.version),
});

export async function listDraftItems(db: Executor, frameworkId: string): Promise<DraftItem[]> {
  const rows = await db
    .selectFrom("items")
    .innerJoin("item_types", "item_types.id", "items.type_id")
    .select(itemColumns)
    .where("items.framework_id", "=", frameworkId)
    .execute();
  return rows.map(normalise);
}

export async function findDraftItem(db: Executor, frameworkId: string, id: string): Promise<DraftItem | undefined> {
  const row = await db
    .selectFrom("items")
    .innerJoin("item_types", "item_types.id", "items.type_id")
    .select(itemColumns)
    .where("items.framework_id", "=", frameworkId)
    .where("items.id", "=", id)
    .executeTakeFirst();
  return row && normalise(row);
}

/** Root first, the item itself last: what a history record stores as its path. One query, any depth. */
export async function ancestryOf(
  db: Executor,
  frameworkId: string,
  item: { id: string; parent_id: string | null },
): Promise<string[]> {
  if (!item.parent_id) return [item.id];
  // Bounded depth, so a corrupt cycle cannot hang a save.
  const { rows } = await sql<{ id: string }>`
    with recursive chain (id, parent_id, depth) as (
      select id, parent_id, 1 from items where framework_id = ${frameworkId} and id = ${item.parent_id}
      union all
      select items.id, items.parent_id, chain.depth + 1 from items join chain on items.id = chain.parent_id
      where items.framework_id = ${frameworkId} and chain.depth < 64
    )
    select id from chain order by depth desc`.execute(db);
  return [...rows.map((r) => r.id), item.id];
}

/** The id of one of the framework's item types, by code. */
export async function typeIdByCode(db: Executor, frameworkId: string, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("item_types")
    .select("id")
    .where("framework_id", "=", frameworkId)
    .where("code", "=", code)
    .executeTakeFirst();
  return row?.id;
}

export async function findFrameworkForEditor(db: Executor, slug: string): Promise<Framework | undefined> {
  return db.selectFrom("frameworks").select(frameworkColumns).where("slug", "=", slug).executeTakeFirst();
}

export async function typesByCode(db: Executor, frameworkId: string): Promise<Map<string, ItemType>> {
  return new Map((await listItemTypes(db, frameworkId)).map((t) => [t.code, t]));
}

/** Siblings under one parent (null: the top level), as placements. */
export async function listSiblings(db: Executor, frameworkId: string, parentId: string | null) {
  let query = db.selectFrom("items").select(["id", "parent_id", "position"]).where("framework_id", "=", frameworkId);
  query = parentId === null ? query.where("parent_id", "is", null) : query.where("parent_id", "=", parentId);
  return (await query.execute()).map((r) => ({ ...r, position: Number(r.position) }));
}

/**
 * Saves an item's own fields if nobody saved it since `expectedVersion`; returns the new version,
 * or undefined when it was stale (or gone).
 */
export async function updateItemFields(
  trx: Executor,
  frameworkId: string,
  id: string,
  expectedVersion: number,
  fields: Partial<Record<Exclude<TextField, "type">, string | null>> & { type_id?: string },
  at: string,
): Promise<number | undefined> {
  const row = await trx
    .updateTable("items")
    .set((eb) => ({ ...fields, updated_at: at, version: eb("version", "+", 1) }))
    .where("framework_id", "=", frameworkId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returning("version")
    .executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

export async function setPlacement(
  trx: Executor,
  frameworkId: string,
  id: string,
  parentId: string | null,
  position: number,
  at?: string,
) {
  await trx
    .updateTable("items")
    .set(at ? { parent_id: parentId, position, updated_at: at } : { parent_id: parentId, position })
    .where("framework_id", "=", frameworkId)
    .where("id", "=", id)
    .execute();
}

/** A structural change under an item (a child added, removed or moved) is news for its "last updated". */
export async function touchItem(trx: Executor, frameworkId: string, id: string | null, at: string): Promise<void> {
  if (!id) return;
  await trx
    .updateTable("items")
    .set({ updated_at: at })
    .where("framework_id", "=", frameworkId)
    .where("id", "=", id)
    .execute();
}

/** Deletes items given children before parents. */
export async function deleteItems(
  trx: Executor,
  frameworkId: string,
  idsDeepestFirst: readonly string[],
): Promise<void> {
  for (let i = 0; i < idsDeepestFirst.length; i += 200) {
    await trx
      .deleteFrom("items")
      .where("framework_id", "=", frameworkId)
      .where("id", "in", idsDeepestFirst.slice(i, i + 200))
      .execute();
  }
}

export interface FrameworkSummary {
  framework: Framework;
  items: number;
  latestEdition: number;
  /** Set for an adopted framework: the slug it was copied from (if still there). */
  sourceSlug: string | null;
}

export async function listFrameworkSummaries(db: Executor): Promise<FrameworkSummary[]> {
  const [frameworks, counts, editions, adoptions] = await Promise.all([
    db.selectFrom("frameworks").select(frameworkColumns).orderBy("created_at").orderBy("slug").execute(),
    db
      .selectFrom("items")
      .select(["framework_id", (eb) => eb.fn.countAll().as("n")])
      .groupBy("framework_id")
      .execute(),
    db
      .selectFrom("editions")
      .select(["framework_id", (eb) => eb.fn.max("number").as("n")])
      .groupBy("framework_id")
      .execute(),
    db
      .selectFrom("adoptions")
      .innerJoin("frameworks", "frameworks.id", "adoptions.source_framework_id")
      .select(["adoptions.framework_id", "frameworks.slug"])
      .execute(),
  ]);
  const count = new Map(counts.map((r) => [r.framework_id, Number(r.n)]));
  const latest = new Map(editions.map((r) => [r.framework_id, Number(r.n)]));
  const source = new Map(adoptions.map((r) => [r.framework_id, r.slug]));
  return frameworks.map((framework) => ({
    framework,
    items: count.get(framework.id) ?? 0,
    latestEdition: latest.get(framework.id) ?? 0,
    sourceSlug: source.get(framework.id) ?? null,
  }));
}
