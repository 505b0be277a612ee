/**
 * Editions, change history and adoption. The live `items`/`frameworks` rows become the editors'
 * draft; `editions` freezes what readers see; `changes` records who changed what, field by field.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Optimistic concurrency: every save names the version it started from.
  await db.schema.alterTable("items").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).execute();

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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["adoption_decisions", "adoptions", "changes", "editions"]) await db.schema.dropTable(table).execute();
  await db.schema.alterTable("items").dropColumn("version").execute();
}
