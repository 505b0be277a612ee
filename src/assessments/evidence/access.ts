/**
 * An assessment as the evidence routes need it: its state, its cycle's, and itself as a policy
 * resource (the person, their managers up the chain, the reviewer). A small read of our own; the
 * assessment store (src/assessments/work) reads more.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { personResource } from "../../people/membership.ts";
import type { OrganisationResource } from "../../policy/index.ts";

export type AssessmentResource = OrganisationResource & { kind: "assessment" };

export interface AssessmentAccess {
  id: string;
  state: string;
  cycleId: string;
  cycleState: string;
  cycleName: { en: string; fr: string };
  personName: string;
  resource: AssessmentResource;
}

/** Undefined when the organisation has no such assessment (another organisation's is unknown here). */
export async function loadAssessmentAccess(
  db: Kysely<DB>,
  organisationId: string,
  assessmentId: string,
): Promise<AssessmentAccess | undefined> {
  const row = await db
    .selectFrom("assessments as a")
    .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
    .innerJoin("people as p", "p.id", "a.person_id")
    .select([
      "a.id",
      "a.state",
      "a.person_id",
      "a.manager_id",
      "a.cycle_id",
      "c.state as cycle_state",
      "c.name_en",
      "c.name_fr",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
    ])
    .where("a.organisation_id", "=", organisationId)
    .where("a.id", "=", assessmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const person = await personResource(db, organisationId, row.person_id);
  return {
    id: row.id,
    state: row.state,
    cycleId: row.cycle_id,
    cycleState: row.cycle_state,
    cycleName: { en: row.name_en, fr: row.name_fr },
    personName: `${row.preferred_name ?? row.given_name} ${row.family_name}`,
    resource: {
      kind: "assessment",
      organisationId,
      personId: row.person_id,
      managerChain: person?.managerChain ?? [],
      reviewerId: row.manager_id,
    },
  };
}

export interface AssessedCompetency {
  itemId: string;
  code: string | null;
  statement: { en: string; fr: string };
}

/** The competencies the assessment assesses, in its order, as evidence may name them. */
export async function assessedCompetencies(db: Kysely<DB>, assessmentId: string): Promise<AssessedCompetency[]> {
  const rows = await db
    .selectFrom("assessment_items as i")
    .innerJoin("published_items as p", (join) =>
      join.onRef("p.edition_id", "=", "i.edition_id").onRef("p.item_id", "=", "i.item_id"),
    )
    .select(["i.item_id", "p.code", "p.statement_en", "p.statement_fr"])
    .where("i.assessment_id", "=", assessmentId)
    .orderBy("i.ordinal")
    .execute();
  return rows.map((r) => ({
    itemId: r.item_id,
    code: r.code,
    statement: { en: r.statement_en ?? r.statement_fr ?? "", fr: r.statement_fr ?? r.statement_en ?? "" },
  }));
}
