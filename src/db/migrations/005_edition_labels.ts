/**
 * Bilingual upkeep of editions and texts (decision 008):
 * - edition summaries in both languages: `summary` (one text, language unknown) becomes `summary_en` /
 *   `summary_fr`; an edition whose summary exists in one language only shows it, marked with its
 *   language, on the other language's pages;
 * - `translation_flags`: a text whose one language changed while the other did not is flagged "may be
 *   out of date" until the other language is updated or an editor confirms it.
 * One migration, not two: code that writes texts needs the flags table wherever it can publish.
 */
import { type Kysely, sql } from "kysely";

/** The editions table as this migration sees it (before and after). */
interface Tables {
  editions: { id: string; summary: string | null; summary_en: string | null; summary_fr: string | null };
}

/** The summaries Skillshelf itself wrote before this migration, with their French. */
const KNOWN: Record<string, string> = {
  "Published before editions existed.": "Publiée avant l'arrivée des éditions.",
  "Starter content loaded.": "Contenu de départ chargé.",
  "Starter content reloaded.": "Contenu de départ rechargé.",
};

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Tables>;
  await db.schema.alterTable("editions").addColumn("summary_en", "text").execute();
  await db.schema.alterTable("editions").addColumn("summary_fr", "text").execute();
  const rows = await db.selectFrom("editions").select(["id", "summary"]).execute();
  for (const row of rows) {
    // Skillshelf's own sentences are known in both languages. An editor's was typed in a language
    // nobody recorded: it is kept as English (decision 008), and shown marked as such to French readers.
    const summary = row.summary ?? "";
    await db
      .updateTable("editions")
      .set({ summary_en: summary, summary_fr: Object.hasOwn(KNOWN, summary) ? KNOWN[summary] : null })
      .where("id", "=", row.id)
      .execute();
  }
  await db.schema.alterTable("editions").dropColumn("summary").execute();

  await untyped.schema
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
  await untyped.schema
    .createIndex("translation_flags_item")
    .on("translation_flags")
    .columns(["framework_id", "item_id", "field"])
    .execute();
  // The foreign key's own lookups (deleting an item) need an index on item_id alone.
  await untyped.schema.createIndex("translation_flags_item_id").on("translation_flags").column("item_id").execute();
}

export async function down(untyped: Kysely<unknown>): Promise<void> {
  await untyped.schema.dropTable("translation_flags").execute();
  const db = untyped as Kysely<Tables>;
  await db.schema.alterTable("editions").addColumn("summary", "text").execute();
  await db.updateTable("editions").set({ summary: sql<string>`coalesce(summary_en, summary_fr, '')` }).execute();
  await db.schema.alterTable("editions").dropColumn("summary_en").execute();
  await db.schema.alterTable("editions").dropColumn("summary_fr").execute();
}
