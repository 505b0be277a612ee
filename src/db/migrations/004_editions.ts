/**
 * Editions, change history and adoption. The live `items`/`frameworks` rows become the editors'
 * draft; `editions` freezes what readers see; `changes` records who changed what, field by field.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { type FrameworkRow004, type ItemRow004, type ItemTypeRow004, snapshotAt004 } from "./004_editions.snapshot.ts";

/** The tables as this migration reads and writes them (005 split `summary` by language). */
interface TablesAt004 {
  frameworks: FrameworkRow004;
  item_types: ItemTypeRow004 & { framework_id: string; position: number };
  items: Omit<ItemRow004, "type_code"> & { framework_id: string; type_id: string };
  editions: {
    id: string;
    framework_id: string;
    number: number;
    summary: string;
    published_at: string;
    published_by: string | null;
    published_by_label: string | null;
    snapshot: string;
  };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Optimistic concurrency: every save names the version it started from.
  await db.schema
    .alterTable("items")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("editions")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("published_at", "varchar(30)", (c) => c.notNull())
    .addColumn("published_by", "varchar(64)")
    .addColumn("published_by_label", "text")
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addUniqueConstraint("editions_framework_number", ["framework_id", "number"])
    .execute();

  await db.schema
    .createTable("changes")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    // No foreign key: the history of a deleted item outlives it.
    .addColumn("item_id", "varchar(36)")
    // "/root/…/item/": the item's ancestry when it changed, so a change log can filter by area even after a delete.
    .addColumn("item_path", "text")
    .addColumn("batch_id", "varchar(36)", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("actor_id", "varchar(64)")
    .addColumn("actor_label", "text")
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addColumn("kind", "varchar(20)", (c) => c.notNull())
    .addColumn("field", "varchar(40)")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .execute();
  await db.schema.createIndex("changes_framework_at").on("changes").columns(["framework_id", "at"]).execute();
  await db.schema.createIndex("changes_item_at").on("changes").columns(["item_id", "at"]).execute();

  // An adopted framework remembers where it came from and which upstream edition it has caught up with.
  await db.schema
    .createTable("adoptions")
    .addColumn("framework_id", "varchar(36)", (c) => c.primaryKey().references("frameworks.id").onDelete("cascade"))
    .addColumn("source_framework_id", "varchar(36)", (c) => c.notNull())
    .addColumn("source_edition", "integer", (c) => c.notNull())
    .addColumn("adopted_edition", "integer", (c) => c.notNull())
    .addColumn("adopted_at", "varchar(30)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("adoption_decisions")
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("source_item_id", "varchar(36)", (c) => c.notNull())
    // Identifies the upstream state decided on: a later upstream change to the same item asks again.
    .addColumn("fingerprint", "varchar(64)", (c) => c.notNull())
    .addColumn("decision", "varchar(10)", (c) => c.notNull())
    .addColumn("actor_id", "varchar(64)")
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addPrimaryKeyConstraint("adoption_decisions_pk", ["framework_id", "source_item_id", "fingerprint"])
    .execute();

  await publishWhatWasPublic(db as unknown as Kysely<TablesAt004>);
}

/**
 * A database from before editions already shows its published frameworks to readers: each becomes
 * edition 1, as it is, so an upgrade changes nothing readers see. Reads only columns of 001.
 */
async function publishWhatWasPublic(db: Kysely<TablesAt004>): Promise<void> {
  const frameworks = await db
    .selectFrom("frameworks")
    .select([
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
    ])
    .where("status", "=", "published")
    .execute();
  for (const framework of frameworks) {
    const types = await db
      .selectFrom("item_types")
      .select(["id", "framework_id", "code", "label_en", "label_fr", "position"])
      .where("framework_id", "=", framework.id)
      .orderBy("position")
      .execute();
    const rows = await db
      .selectFrom("items")
      .innerJoin("item_types", "item_types.id", "items.type_id")
      .select([
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
      ])
      .where("items.framework_id", "=", framework.id)
      .execute();
    const snapshot = snapshotAt004(
      framework,
      types,
      rows.map((r) => ({ ...r, position: Number(r.position) })),
    );
    await db
      .insertInto("editions")
      .values({
        id: randomUUID(),
        framework_id: framework.id,
        number: 1,
        summary: "Published before editions existed.",
        published_at: new Date().toISOString(),
        published_by: null,
        published_by_label: null,
        snapshot: JSON.stringify(snapshot),
      })
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["adoption_decisions", "adoptions", "changes", "editions"])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable("items").dropColumn("version").execute();
}
