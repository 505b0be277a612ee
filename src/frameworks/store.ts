/** Repository functions for frameworks and their items. Explicit columns; no SQL outside this folder. */
import type { Kysely, Transaction } from "kysely";
import type { DB, Framework, ItemType, NewFramework, NewItem } from "../db/schema.ts";
import type { UniqueKey } from "../db/unique-violation.ts";
import type { ItemRow } from "./tree.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export const frameworkColumns = [
  "id",
  "slug",
  "title_en",
  "title_fr",
  "description_en",
  "description_fr",
  "publisher",
  "version",
  "status",
  "licence",
  "created_at",
  "updated_at",
  "extra",
] as const;

export function listFrameworks(db: Executor): Promise<Framework[]> {
  return db.selectFrom("frameworks").select(frameworkColumns).orderBy("created_at").orderBy("slug").execute();
}

export async function findFrameworkBySlug(db: Executor, slug: string): Promise<Framework | undefined> {
  return db.selectFrom("frameworks").select(frameworkColumns).where("slug", "=", slug).executeTakeFirst();
}

export async function findFrameworkById(db: Executor, id: string): Promise<Framework | undefined> {
  return db.selectFrom("frameworks").select(frameworkColumns).where("id", "=", id).executeTakeFirst();
}

/**
 * What a new framework meets when a parallel request makes the same one (its id, minted with the
 * form or named by the file) or takes its slug: the creators run again (againOnUniqueViolation),
 * and their checks then find it.
 */
export const NEW_FRAMEWORK_KEYS: readonly UniqueKey[] = [
  { postgres: "frameworks_pkey", sqlite: "frameworks.id" },
  { postgres: "frameworks_slug_key", sqlite: "frameworks.slug" },
];

export function listItemTypes(db: Executor, frameworkId: string): Promise<ItemType[]> {
  return db
    .selectFrom("item_types")
    .select(["id", "framework_id", "code", "label_en", "label_fr", "position"])
    .where("framework_id", "=", frameworkId)
    .orderBy("position")
    .execute();
}

/** The types with how a CASE source named each (`extra`): what an edition freezes. */
export function listItemTypesWithExtra(db: Executor, frameworkId: string): Promise<ItemType[]> {
  return db
    .selectFrom("item_types")
    .select(["id", "framework_id", "code", "label_en", "label_fr", "position", "extra"])
    .where("framework_id", "=", frameworkId)
    .orderBy("position")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, position: Number(r.position) })));
}

/** The columns of an ItemRow (items joined with their type). */
const ITEM_ROW_COLUMNS = [
  "items.id",
  "items.parent_id",
  "item_types.code as type_code",
  "items.code",
  "items.position",
  "items.statement_en",
  "items.statement_fr",
  "items.description_en",
  "items.description_fr",
  "items.updated_at",
] as const;

/** Every item as an edition freezes it: the reader's row plus kept source fields and the adopted source item. */
export function listPublishableRows(
  db: Executor,
  frameworkId: string,
): Promise<(ItemRow & { extra: string | null; source_item_id: string | null })[]> {
  return db
    .selectFrom("items")
    .innerJoin("item_types", "item_types.id", "items.type_id")
    .select([...ITEM_ROW_COLUMNS, "items.extra", "items.source_item_id"])
    .where("items.framework_id", "=", frameworkId)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, position: Number(r.position) })));
}

/** Every item of a framework in one query, with its type's code (no N+1 when building the tree). */
export function listItemRows(db: Executor, frameworkId: string): Promise<ItemRow[]> {
  return db
    .selectFrom("items")
    .innerJoin("item_types", "item_types.id", "items.type_id")
    .select(ITEM_ROW_COLUMNS)
    .where("items.framework_id", "=", frameworkId)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, position: Number(r.position) })));
}

export interface FrameworkInsert {
  framework: NewFramework;
  itemTypes: { id: string; code: string; label_en: string | null; label_fr: string | null; position: number }[];
  /** Parents before children. */
  items: NewItem[];
}

const INSERT_CHUNK = 500;

/** Writes a whole framework; call inside a transaction so a failure leaves nothing behind. */
export async function insertFramework(trx: Executor, data: FrameworkInsert): Promise<void> {
  await trx.insertInto("frameworks").values(data.framework).execute();
  if (data.itemTypes.length > 0) {
    await trx
      .insertInto("item_types")
      .values(data.itemTypes.map((t) => ({ ...t, framework_id: data.framework.id })))
      .execute();
  }
  for (let i = 0; i < data.items.length; i += INSERT_CHUNK) {
    await trx
      .insertInto("items")
      .values(data.items.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

export async function deleteFramework(trx: Executor, id: string): Promise<void> {
  // Children reference parents: delete leaves first by clearing the parent links, then the rows.
  await trx.updateTable("items").set({ parent_id: null }).where("framework_id", "=", id).execute();
  await trx.deleteFrom("items").where("framework_id", "=", id).execute();
  await trx.deleteFrom("item_types").where("framework_id", "=", id).execute();
  await trx.deleteFrom("frameworks").where("id", "=", id).execute();
}

const REVISION_KEY = "content_revision";

/** A counter every content write increases, so caches in any process can tell they are stale. */
export async function readContentRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", REVISION_KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function bumpContentRevision(trx: Executor): Promise<void> {
  const current = await readContentRevision(trx);
  const value = String(current + 1);
  if (current === 0) {
    await trx
      .insertInto("meta")
      .values({ key: REVISION_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
      .execute();
  } else {
    await trx.updateTable("meta").set({ value }).where("key", "=", REVISION_KEY).execute();
  }
}
