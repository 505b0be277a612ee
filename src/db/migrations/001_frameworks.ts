import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("frameworks")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("slug", "varchar(120)", (c) => c.notNull().unique())
    .addColumn("title_en", "text")
    .addColumn("title_fr", "text")
    .addColumn("description_en", "text")
    .addColumn("description_fr", "text")
    .addColumn("publisher", "text")
    .addColumn("version", "varchar(60)", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("licence", "text")
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("extra", "text")
    .execute();

  await db.schema
    .createTable("item_types")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("code", "varchar(120)", (c) => c.notNull())
    .addColumn("label_en", "text")
    .addColumn("label_fr", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("item_types_framework_code", ["framework_id", "code"])
    .execute();

  await db.schema
    .createTable("items")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("parent_id", "varchar(36)", (c) => c.references("items.id").onDelete("cascade"))
    .addColumn("type_id", "varchar(36)", (c) => c.notNull().references("item_types.id"))
    .addColumn("code", "varchar(200)")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("statement_en", "text")
    .addColumn("statement_fr", "text")
    .addColumn("description_en", "text")
    .addColumn("description_fr", "text")
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("extra", "text")
    .execute();
  await db.schema.createIndex("items_framework").on("items").columns(["framework_id", "position"]).execute();
  await db.schema.createIndex("items_parent").on("items").column("parent_id").execute();
  await db.schema.createIndex("items_code").on("items").columns(["framework_id", "code"]).execute();

  await db.schema
    .createTable("meta")
    .addColumn("key", "varchar(60)", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["meta", "items", "item_types", "frameworks"]) await db.schema.dropTable(table).execute();
}
