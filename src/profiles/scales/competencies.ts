/**
 * The competencies level descriptors are written for: items of type "competency" as the latest
 * published edition of each published framework has them (descriptors hold the item's stable id,
 * so they stay with the competency from edition to edition).
 */
import { type Kysely, sql } from "kysely";
import { containsText } from "../../db/contains.ts";
import type { DB } from "../../db/schema.ts";

export interface CompetencyRef {
  frameworkId: string;
  frameworkTitle: { en: string | null; fr: string | null };
  itemId: string;
  code: string | null;
  statement: { en: string | null; fr: string | null };
}

export const COMPETENCY_TYPE = "competency";
const SEARCH_LIMIT = 30;

/** Each published framework's latest edition. */
function latestEditions(db: Kysely<DB>) {
  return db
    .selectFrom("editions as e")
    .innerJoin("frameworks as f", "f.id", "e.framework_id")
    .select(["e.id as edition_id", "e.framework_id", "e.title_en", "e.title_fr"])
    .where("f.status", "=", "published")
    .where("e.number", "=", (eb) =>
      eb
        .selectFrom("editions as later")
        .select((l) => l.fn.max("later.number").as("n"))
        .whereRef("later.framework_id", "=", "e.framework_id"),
    );
}

function competencies(db: Kysely<DB>) {
  return db
    .selectFrom(latestEditions(db).as("latest"))
    .innerJoin("published_items as i", "i.edition_id", "latest.edition_id")
    .select([
      "latest.framework_id",
      "latest.title_en",
      "latest.title_fr",
      "i.item_id",
      "i.code",
      "i.statement_en",
      "i.statement_fr",
    ])
    .where("i.type_code", "=", COMPETENCY_TYPE);
}

type Row = {
  framework_id: string;
  title_en: string | null;
  title_fr: string | null;
  item_id: string;
  code: string | null;
  statement_en: string | null;
  statement_fr: string | null;
};

const toRef = (row: Row): CompetencyRef => ({
  frameworkId: row.framework_id,
  frameworkTitle: { en: row.title_en, fr: row.title_fr },
  itemId: row.item_id,
  code: row.code,
  statement: { en: row.statement_en, fr: row.statement_fr },
});

/** The competency as its framework's latest edition publishes it; undefined when it has none. */
export async function findCompetency(
  db: Kysely<DB>,
  frameworkId: string,
  itemId: string,
): Promise<CompetencyRef | undefined> {
  const row = await competencies(db)
    .where("latest.framework_id", "=", frameworkId)
    .where("i.item_id", "=", itemId)
    .executeTakeFirst();
  return row ? toRef(row) : undefined;
}

/** Competencies whose code or statement (in either language) contains the words asked, in order. */
export async function searchCompetencies(db: Kysely<DB>, query: string): Promise<CompetencyRef[]> {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  if (words.length === 0) return [];
  let select = competencies(db);
  for (const word of words) {
    select = select.where((eb) =>
      eb.or([
        containsText(sql`coalesce(i.code, '')`, word),
        containsText(sql`coalesce(i.statement_en, '')`, word),
        containsText(sql`coalesce(i.statement_fr, '')`, word),
      ]),
    );
  }
  const rows = await select
    .orderBy("latest.framework_id")
    .orderBy("i.code")
    .orderBy("i.item_id")
    .limit(SEARCH_LIMIT)
    .execute();
  return rows.map(toRef);
}
