/**
 * An assessment to attach evidence to: a review cycle of the organisation (open by default) and the
 * person's assessment in it, with one competency of a small published framework as its item.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { assessmentRow, cycleRow } from "./assessment-rows.ts";
import { publishSmallFramework, type SmallFramework } from "./profile-framework.ts";

const frameworks = new WeakMap<Kysely<DB>, Promise<SmallFramework>>();
const frameworkOf = (db: Kysely<DB>) => {
  let framework = frameworks.get(db);
  if (!framework) {
    framework = publishSmallFramework(db, `evidence-${randomUUID().slice(0, 6)}`);
    frameworks.set(db, framework);
  }
  return framework;
};

export interface SeededAssessment {
  cycle: string;
  assessment: string;
  /** The competency assessed (`assessment_items.item_id`). */
  item: string;
}

export async function seedAssessment(
  db: Kysely<DB>,
  options: {
    organisationId: string;
    personId: string;
    managerId?: string | null;
    state?: string;
    cycleState?: string;
    cycleName?: string;
  },
): Promise<SeededAssessment> {
  const framework = await frameworkOf(db);
  const cycle = randomUUID();
  const assessment = randomUUID();
  const name = options.cycleName ?? "Annual review";
  await db
    .insertInto("review_cycles")
    .values(
      cycleRow({
        id: cycle,
        organisation_id: options.organisationId,
        name_en: name,
        name_fr: `Bilan annuel (${name})`,
        state: options.cycleState ?? "open",
      }),
    )
    .execute();
  await db
    .insertInto("assessments")
    .values(
      assessmentRow({
        id: assessment,
        cycle_id: cycle,
        organisation_id: options.organisationId,
        person_id: options.personId,
        manager_id: options.managerId ?? null,
        state: options.state ?? "in_progress",
      }),
    )
    .execute();
  const item = framework.competencies[0]?.[0] as string;
  const edition = await db
    .selectFrom("published_items")
    .select("edition_id")
    .where("item_id", "=", item)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("assessment_items")
    .values({
      assessment_id: assessment,
      framework_id: framework.id,
      item_id: item,
      edition_id: edition.edition_id,
      ordinal: 1,
      origin: "profile",
      target_level: 3,
      importance: "essential",
      self_level: null,
      self_comment: null,
      manager_level: null,
      manager_comment: null,
      agreed_level: null,
      updated_at: new Date().toISOString(),
    })
    .execute();
  return { cycle, assessment, item };
}
