/**
 * Edition summaries in both languages. `summary` (one text, language unknown) becomes
 * `summary_en` / `summary_fr`; an edition whose summary exists in one language only shows it, marked
 * with its language, on the other language's pages (decision 008).
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
}

export async function down(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Tables>;
  await db.schema.alterTable("editions").addColumn("summary", "text").execute();
  await db.updateTable("editions").set({ summary: sql<string>`coalesce(summary_en, summary_fr, '')` }).execute();
  await db.schema.alterTable("editions").dropColumn("summary_en").execute();
  await db.schema.alterTable("editions").dropColumn("summary_fr").execute();
}
