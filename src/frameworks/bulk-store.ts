/**
 * Repository functions for writing a framework in bulk (an import's plan is applied through these):
 * chunked, explicit columns, so a 50,000-item import stays a few hundred statements.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB, Framework } from "../db/schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Creates the framework's own row (its types and items follow through the functions below). */
export async function insertFrameworkRow(trx: Executor, row: Framework): Promise<void> {
  await trx.insertInto("frameworks").values(row).execute();
}

/** Rewrites an existing framework's fields; its id, slug, status and creation date stay as they are. */
export async function updateFrameworkRow(trx: Executor, row: Framework): Promise<void> {
  const { id, slug: _slug, status: _status, created_at: _created, ...fields } = row;
  await trx.updateTable("frameworks").set(fields).where("id", "=", id).execute();
}

export interface ItemWrite {
  id: string;
  framework_id: string;
  parent_id: string | null;
  type_id: string;
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  created_at: string;
  updated_at: string;
  extra: string | null;
}

export interface TypeWrite {
  id: string;
  framework_id: string;
  code: string;
  label_en: string | null;
  label_fr: string | null;
  position: number;
  extra: string | null;
}

/** Up to this many rows per INSERT: 500 × 13 parameters stays far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

/**
 * Lets other requests run between chunks. better-sqlite3 answers synchronously, so a long import
 * would otherwise hold the event loop from its first chunk to its last (seconds, for a large file);
 * readers served from memory go on meanwhile, and any query waits for the transaction as before.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function listItemsForImport(db: Executor, frameworkId: string): Promise<ItemWrite[]> {
  const rows = await db
    .selectFrom("items")
    .select([
      "id",
      "framework_id",
      "parent_id",
      "type_id",
      "code",
      "position",
      "statement_en",
      "statement_fr",
      "description_en",
      "description_fr",
      "created_at",
      "updated_at",
      "extra",
    ])
    .where("framework_id", "=", frameworkId)
    .execute();
  return rows.map((r) => ({ ...r, position: Number(r.position) }));
}

export interface ForeignItem {
  id: string;
  framework_id: string;
  slug: string;
  title_en: string | null;
  title_fr: string | null;
}

/** Which of these item ids already belong to a framework other than `frameworkId`, and to which. */
export async function findForeignItems(
  db: Executor,
  ids: readonly string[],
  frameworkId: string,
): Promise<ForeignItem[]> {
  const found: ForeignItem[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    found.push(
      ...(await db
        .selectFrom("items")
        .innerJoin("frameworks", "frameworks.id", "items.framework_id")
        .select(["items.id", "items.framework_id", "frameworks.slug", "frameworks.title_en", "frameworks.title_fr"])
        .where("items.id", "in", ids.slice(i, i + 1000))
        .where("items.framework_id", "<>", frameworkId)
        .execute()),
    );
  }
  return found;
}

/** Which of these item type ids other frameworks already use. */
export async function findTakenTypeIds(
  db: Executor,
  ids: readonly string[],
  frameworkId: string,
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom("item_types")
      .select("id")
      .where("id", "in", ids.slice(i, i + 1000))
      .where("framework_id", "<>", frameworkId)
      .execute();
    for (const row of rows) taken.add(row.id);
  }
  return taken;
}

/** Inserts new items and rewrites changed ones (parents must come before their children). */
export async function upsertItems(
  trx: Executor,
  rows: readonly ItemWrite[],
  onChunk?: (count: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await trx
      .insertInto("items")
      .values(chunk)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          parent_id: eb.ref("excluded.parent_id"),
          type_id: eb.ref("excluded.type_id"),
          code: eb.ref("excluded.code"),
          position: eb.ref("excluded.position"),
          statement_en: eb.ref("excluded.statement_en"),
          statement_fr: eb.ref("excluded.statement_fr"),
          description_en: eb.ref("excluded.description_en"),
          description_fr: eb.ref("excluded.description_fr"),
          updated_at: eb.ref("excluded.updated_at"),
          extra: eb.ref("excluded.extra"),
          // An editor holding the old version must not save over what the import brought.
          version: sql<number>`items.version + 1`,
        })),
      )
      .execute();
    onChunk?.(chunk.length);
    await breathe();
  }
}

export async function removeItems(trx: Executor, ids: readonly string[]): Promise<void> {
  // Children point at parents: unlink first, so the order of deletes does not matter.
  for (let i = 0; i < ids.length; i += 1000) {
    await trx
      .updateTable("items")
      .set({ parent_id: null })
      .where("id", "in", ids.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < ids.length; i += 1000) {
    await trx
      .deleteFrom("items")
      .where("id", "in", ids.slice(i, i + 1000))
      .execute();
  }
}

export async function listTypesForImport(db: Executor, frameworkId: string): Promise<TypeWrite[]> {
  const rows = await db
    .selectFrom("item_types")
    .select(["id", "framework_id", "code", "label_en", "label_fr", "position", "extra"])
    .where("framework_id", "=", frameworkId)
    .execute();
  return rows.map((r) => ({ ...r, position: Number(r.position), extra: r.extra ?? null }));
}

export async function insertTypes(trx: Executor, rows: readonly TypeWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto("item_types")
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function updateType(trx: Executor, row: TypeWrite): Promise<void> {
  await trx
    .updateTable("item_types")
    .set({ label_en: row.label_en, label_fr: row.label_fr, position: row.position, extra: row.extra })
    .where("id", "=", row.id)
    .execute();
}

export async function deleteTypes(trx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom("item_types").where("id", "in", ids).execute();
}
