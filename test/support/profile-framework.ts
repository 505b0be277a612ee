/**
 * A small published framework (category → areas → competencies → KSAs) and job profiles for the
 * requirements and builder tests, made through the editor's own commands; and edits between editions.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DEFAULT_SCALE_ID } from "../../src/db/migrations/012_proficiency_scales.ts";
import type { DB } from "../../src/db/schema.ts";
import { createFramework } from "../../src/editor/commands/frameworks.ts";
import { addItem } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";

export interface SmallFramework {
  id: string;
  slug: string;
  category: string;
  areas: string[];
  /** Competencies of each area, by area index. */
  competencies: string[][];
  /** KSAs of each competency, by competency id. */
  ksas: Record<string, string[]>;
}

const item = (type: string, code: string, en: string, fr: string) => ({
  type,
  code,
  statement_en: en,
  statement_fr: fr,
  description_en: null,
  description_fr: null,
});

/**
 * Publishes a framework of one category, `areas` areas of `perArea` competencies, each with `ksas`
 * KSAs (three by default). Statements are made up here ("Lending practice 1.2"), never the starter's.
 */
export async function publishSmallFramework(
  db: Kysely<DB>,
  slug = `tiny-${randomUUID().slice(0, 8)}`,
  shape: { areas?: number; perArea?: number; ksas?: number } = {},
): Promise<SmallFramework> {
  const id = randomUUID();
  await createFramework(db, null, {
    id,
    slug,
    title_en: `Practice framework ${slug}`,
    title_fr: `Référentiel d'essai ${slug}`,
    description_en: null,
    description_fr: null,
  });
  const add = async (parent: string, input: ReturnType<typeof item>) =>
    (await addItem(db, null, id, { ...input, id: randomUUID(), parent })).id;
  const category = await add("", item("category", "P", "Practice", "Pratique"));
  const result: SmallFramework = { id, slug, category, areas: [], competencies: [], ksas: {} };
  for (let a = 1; a <= (shape.areas ?? 2); a++) {
    const area = await add(category, item("area", `P${a}`, `Lending area ${a}`, `Domaine du prêt ${a}`));
    result.areas.push(area);
    const competencies: string[] = [];
    for (let n = 1; n <= (shape.perArea ?? 3); n++) {
      const code = `P${a}.${n}`;
      const competency = await add(
        area,
        item("competency", code, `Lending practice ${code}`, `Pratique du prêt ${code}`),
      );
      competencies.push(competency);
      result.ksas[competency] = [];
      for (let k = 1; k <= (shape.ksas ?? 3); k++)
        result.ksas[competency].push(
          await add(
            competency,
            item("ksa", `${code}.${k}`, `Knows step ${k} of ${code}`, `Connaît l'étape ${k} de ${code}`),
          ),
        );
    }
    result.competencies.push(competencies);
  }
  await publishEdition(db, id, null, { en: "First edition.", fr: "Première édition." });
  return result;
}

/** Publishes the framework's draft as its next edition. */
export async function publishAgain(db: Kysely<DB>, frameworkId: string) {
  return publishEdition(db, frameworkId, null, { en: "Next edition.", fr: "Édition suivante." });
}

/** Rewords an item in the draft (the next edition publishes it). */
export async function reword(db: Kysely<DB>, itemId: string, en: string, fr: string) {
  await db.updateTable("items").set({ statement_en: en, statement_fr: fr }).where("id", "=", itemId).execute();
}

/** Deletes an item and its children from the draft. */
export async function retire(db: Kysely<DB>, itemId: string) {
  await db.deleteFrom("items").where("parent_id", "=", itemId).execute();
  await db.deleteFrom("items").where("id", "=", itemId).execute();
}

/** A job profile of the organisation on the default scale, with no requirements. */
export async function insertProfile(db: Kysely<DB>, organisationId: string, title = "Circulation assistant") {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto("job_profiles")
    .values({
      id,
      organisation_id: organisationId,
      code: null,
      title_en: title,
      title_fr: `Commis à la circulation (${title})`,
      grade: null,
      summary_en: "Helps people borrow and return.",
      summary_fr: "Aide les gens à emprunter et à rendre.",
      duties: "[]",
      qualifications: "[]",
      working_conditions_en: "",
      working_conditions_fr: "",
      scale_id: DEFAULT_SCALE_ID,
      copied_from: null,
      version: 1,
      created_at: now,
      updated_at: now,
      updated_by: null,
    })
    .execute();
  return id;
}
