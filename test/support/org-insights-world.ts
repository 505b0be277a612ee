/**
 * Organisation A of the people world with assessments enough for the organisation's insights: a unit
 * of 8 ("Lending hall") and a unit of 3 ("Rare books"), none of them the manager's reports, plus the
 * manager's own report; two cycles (2026 closed, 2027 open) with agreed levels on three competencies
 * of a small framework; and a job profile ("Branch lead") with targets for readiness. Written
 * straight into the tables (rows from assessment-rows.ts), as a cycle's opening and agreement leave them.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { assessmentRow, cycleRow } from "./assessment-rows.ts";
import { insertPerson, insertUnit, type PeopleWorld } from "./people-world.ts";
import { insertProfile, publishSmallFramework, type SmallFramework } from "./profile-framework.ts";

export interface OrgInsightsWorld {
  framework: SmallFramework;
  /** The three competencies assessed, in order; codes P1.1, P1.2, P1.3. */
  competencies: string[];
  bigUnit: string;
  smallUnit: string;
  /** People of the small unit, and one of the big unit who meets every target of the profile. */
  smallPeople: string[];
  ready: string;
  profile: string;
  cycles: { y2026: string; y2027: string };
}

export async function buildOrgInsightsWorld(db: Kysely<DB>, world: PeopleWorld): Promise<OrgInsightsWorld> {
  const organisationId = world.a.ids.organisationId;
  const framework = await publishSmallFramework(db, `org-insights-${randomUUID().slice(0, 6)}`, {
    areas: 1,
    perArea: 3,
    ksas: 0,
  });
  const competencies = framework.competencies[0] as string[];
  const edition = await db
    .selectFrom("editions")
    .select("id")
    .where("framework_id", "=", framework.id)
    .executeTakeFirstOrThrow();
  const bigUnit = await insertUnit(db, organisationId, world.a.ids.rootUnit, "Lending hall", "Salle de prêt");
  const smallUnit = await insertUnit(db, organisationId, world.a.ids.rootUnit, "Rare books", "Livres rares");
  const profile = await insertProfile(db, organisationId, "Branch lead");
  await db
    .insertInto("job_profile_requirements")
    .values(
      competencies.slice(0, 2).map((itemId, i) => ({
        profile_id: profile,
        framework_id: framework.id,
        item_id: itemId,
        edition_id: edition.id,
        ordinal: i + 1,
        target_level: 3,
        importance: "essential",
        ksa_ids: null,
        reviewed_edition_id: null,
      })),
    )
    .execute();

  const y2026 = randomUUID();
  const y2027 = randomUUID();
  await db
    .insertInto("review_cycles")
    .values([
      cycleRow({
        id: y2026,
        organisation_id: organisationId,
        name_en: "Review 2026",
        name_fr: "Bilan 2026",
        period_start: "2026-01-01",
        period_end: "2026-12-31",
        state: "closed",
      }),
      cycleRow({
        id: y2027,
        organisation_id: organisationId,
        name_en: "Review 2027",
        name_fr: "Bilan 2027",
        state: "open",
      }),
    ])
    .execute();

  const assess = async (personId: string, cycleId: string, levels: (number | null)[]) => {
    const id = randomUUID();
    await db
      .insertInto("assessments")
      .values(
        assessmentRow({ id, cycle_id: cycleId, organisation_id: organisationId, person_id: personId, state: "agreed" }),
      )
      .execute();
    await db
      .insertInto("assessment_items")
      .values(
        competencies.map((itemId, i) => ({
          assessment_id: id,
          framework_id: framework.id,
          item_id: itemId,
          edition_id: edition.id,
          ordinal: i + 1,
          origin: "profile",
          target_level: 3,
          importance: i === 2 ? "asset" : "essential",
          self_level: null,
          self_comment: null,
          manager_level: null,
          manager_comment: null,
          agreed_level: levels[i] ?? null,
          updated_at: "2027-06-01T09:00:00.000Z",
        })),
      )
      .execute();
  };

  const person = (unitId: string, n: number) =>
    insertPerson(db, organisationId, {
      given: `Reader${n}`,
      family: `Staff${n}`,
      email: `reader${n}@org-insights.test`,
      number: `OI-${n}`,
      unitId,
    });
  const big: string[] = [];
  for (let n = 1; n <= 8; n++) big.push(await person(bigUnit, n));
  const small: string[] = [];
  for (let n = 11; n <= 13; n++) small.push(await person(smallUnit, n));
  const ready = big[0] as string;
  for (const [i, id] of big.entries()) {
    await assess(id, y2026, [1, 1, 2]);
    await assess(id, y2027, i === 0 ? [3, 4, 3] : [2, 1 + (i % 3), null]);
  }
  for (const id of small) {
    await assess(id, y2026, [1, 2, 2]);
    await assess(id, y2027, [1, 1, 1]);
  }
  await assess(world.a.ids.person, y2027, [2, 3, 3]);
  return {
    framework,
    competencies,
    bigUnit,
    smallUnit,
    smallPeople: small,
    ready,
    profile,
    cycles: { y2026, y2027 },
  };
}
