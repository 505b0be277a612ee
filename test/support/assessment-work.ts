/**
 * An open review cycle on the default scale and one person's assessment in it, with two competencies
 * of a small published framework (one framework per database), for the assessment work tests, the
 * route matrix and the bench: written straight into the tables, as a cycle's opening leaves them.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { assessmentRow, cycleRow } from "./assessment-rows.ts";
import { publishSmallFramework, type SmallFramework } from "./profile-framework.ts";

const frameworks = new WeakMap<Kysely<DB>, Promise<SmallFramework>>();

/** The database's practice framework (published once). */
export function practiceFramework(db: Kysely<DB>): Promise<SmallFramework> {
  let framework = frameworks.get(db);
  if (!framework) {
    framework = publishSmallFramework(db, `assess-${randomUUID().slice(0, 8)}`);
    frameworks.set(db, framework);
  }
  return framework;
}

export interface SeededAssessment {
  cycleId: string;
  assessmentId: string;
  frameworkId: string;
  /** The competencies assessed (item ids), in order; targets 3 and 2. */
  items: string[];
  /** A competency of the framework that the assessment does not have. */
  spare: string;
}

export async function seedAssessment(
  db: Kysely<DB>,
  input: {
    organisationId: string;
    personId: string;
    managerId: string | null;
    state?: DB["assessments"]["state"];
    cycleState?: DB["review_cycles"]["state"];
    cycleId?: string;
  },
): Promise<SeededAssessment> {
  const framework = await practiceFramework(db);
  const edition = await db
    .selectFrom("editions")
    .select("id")
    .where("framework_id", "=", framework.id)
    .orderBy("number", "desc")
    .executeTakeFirstOrThrow();
  const cycleId = input.cycleId ?? randomUUID();
  if (!input.cycleId)
    await db
      .insertInto("review_cycles")
      .values(
        cycleRow({
          id: cycleId,
          organisation_id: input.organisationId,
          name_en: "Annual review 2027",
          name_fr: "Bilan annuel 2027",
          state: input.cycleState ?? "open",
        }),
      )
      .execute();
  const assessmentId = randomUUID();
  await db
    .insertInto("assessments")
    .values(
      assessmentRow({
        id: assessmentId,
        cycle_id: cycleId,
        organisation_id: input.organisationId,
        person_id: input.personId,
        manager_id: input.managerId,
        state: input.state ?? "not_started",
      }),
    )
    .execute();
  const [first, second, spare] = framework.competencies[0] as string[];
  const items = [first, second] as string[];
  await db
    .insertInto("assessment_items")
    .values(
      items.map((itemId, index) => ({
        assessment_id: assessmentId,
        framework_id: framework.id,
        item_id: itemId,
        edition_id: edition.id,
        ordinal: index + 1,
        origin: "profile",
        target_level: 3 - index,
        importance: "essential",
        self_level: null,
        self_comment: null,
        manager_level: null,
        manager_comment: null,
        agreed_level: null,
        updated_at: "2027-01-10T09:00:00.000Z",
      })),
    )
    .execute();
  return { cycleId, assessmentId, frameworkId: framework.id, items, spare: spare as string };
}
