/**
 * Bilingual upkeep: a text whose one language changed while the other did not is flagged "may be out
 * of date" until the other language is updated or an editor confirms it (src/editor/translations.ts).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("translation_flags")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    // Null for the framework's own title and description; an item's flags go with the item.
    .addColumn("item_id", "varchar(36)", (c) => c.references("items.id").onDelete("cascade"))
    .addColumn("field", "varchar(40)", (c) => c.notNull())
    .addColumn("lang", "varchar(2)", (c) => c.notNull())
    .addColumn("flagged_at", "varchar(30)", (c) => c.notNull())
    .addColumn("flagged_by", "varchar(64)")
    .addColumn("flagged_by_label", "text")
    .execute();
  await db.schema
    .createIndex("translation_flags_item")
    .on("translation_flags")
    .columns(["framework_id", "item_id", "field"])
    .execute();
  // The foreign key's own lookups (deleting an item) need an index on item_id alone.
  await db.schema.createIndex("translation_flags_item_id").on("translation_flags").column("item_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("translation_flags").execute();
}
