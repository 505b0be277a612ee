/** Repository functions for what CASE keeps beyond items: associations and definitions. */
import type { Kysely, Transaction } from "kysely";
import type { CaseAssociationsTable, CaseDefinitionsTable, DB } from "../db/schema.ts";
import { type JsonObject, readKeptFields } from "../db/stored-json.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** What an association says (compared by import plans); the rest is its key, place and leftovers. */
export const ASSOCIATION_CONTENT_COLUMNS = [
  "association_type",
  "uri",
  "origin_item_id",
  "origin_identifier",
  "origin_uri",
  "origin_title",
  "destination_item_id",
  "destination_identifier",
  "destination_uri",
  "destination_title",
  "sequence_number",
  "grouping_id",
  "tree_position",
  "last_change",
] as const;

export const associationColumns = ["framework_id", "id", ...ASSOCIATION_CONTENT_COLUMNS, "ordinal", "extra"] as const;

/** PostgreSQL answers integers of some drivers as strings; rows leave here with numbers. */
const numeric = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export async function listAssociations(db: Executor, frameworkId: string): Promise<CaseAssociationsTable[]> {
  const rows = await db
    .selectFrom("case_associations")
    .select(associationColumns)
    .where("framework_id", "=", frameworkId)
    .orderBy("ordinal")
    .execute();
  return rows.map((r) => ({
    ...r,
    sequence_number: numeric(r.sequence_number),
    tree_position: numeric(r.tree_position),
    ordinal: Number(r.ordinal),
  }));
}

export async function listDefinitions(db: Executor, frameworkId: string): Promise<CaseDefinitionsTable[]> {
  const rows = await db
    .selectFrom("case_definitions")
    .select(["framework_id", "kind", "id", "ordinal", "body"])
    .where("framework_id", "=", frameworkId)
    .orderBy("kind")
    .orderBy("ordinal")
    .execute();
  return rows.map((r) => ({ ...r, ordinal: Number(r.ordinal) }));
}

/** items.extra of every item that has one, parsed. */
export async function listItemExtras(db: Executor, frameworkId: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db
    .selectFrom("items")
    .select(["id", "extra"])
    .where("framework_id", "=", frameworkId)
    .where("extra", "is not", null)
    .execute();
  const extras = new Map<string, JsonObject>();
  // An unreadable extra is an error naming the item, not kept fields silently left out of an export.
  for (const row of rows)
    if (row.extra !== null)
      extras.set(row.id, readKeptFields(row.extra, { column: "items.extra", row: `item ${row.id}` }));
  return extras;
}

/** item_types.extra by type code (null: a type made in Skillshelf). */
export async function listTypeExtras(db: Executor, frameworkId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom("item_types")
    .select(["code", "extra"])
    .where("framework_id", "=", frameworkId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.extra ?? null]));
}

const CHUNK = 400;

export async function upsertAssociations(trx: Executor, rows: readonly CaseAssociationsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("case_associations")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(["framework_id", "id"]).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const column of associationColumns)
            if (column !== "framework_id" && column !== "id") set[column] = eb.ref(`excluded.${column}`);
          return set;
        }),
      )
      .execute();
  }
}

export async function deleteAssociations(trx: Executor, frameworkId: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await trx
      .deleteFrom("case_associations")
      .where("framework_id", "=", frameworkId)
      .where("id", "in", ids.slice(i, i + CHUNK))
      .execute();
  }
}

export async function upsertDefinitions(trx: Executor, rows: readonly CaseDefinitionsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("case_definitions")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(["framework_id", "kind", "id"])
          .doUpdateSet((eb) => ({ ordinal: eb.ref("excluded.ordinal"), body: eb.ref("excluded.body") })),
      )
      .execute();
  }
}

export async function deleteDefinitions(
  trx: Executor,
  frameworkId: string,
  keys: readonly { kind: string; id: string }[],
): Promise<void> {
  for (const key of keys) {
    await trx
      .deleteFrom("case_definitions")
      .where("framework_id", "=", frameworkId)
      .where("kind", "=", key.kind)
      .where("id", "=", key.id)
      .execute();
  }
}
