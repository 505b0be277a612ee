/**
 * What the organisation's insight pages read: the assessed rows (src/insights/read.ts), who the
 * viewer may see individually, the names of competencies, units, positions and cycles, the scale's
 * levels, and for readiness a profile's requirements and the people's names. Queries only; the
 * figures are the pure model's (model.ts, readiness.ts).
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { actorLabel } from "../../people/organisations/changes.ts";
import { displayName, teamOf } from "../../people/staff/queries.ts";
import type { OrganisationActor } from "../../policy/index.ts";
import { organisationScale } from "../../profiles/scales/read.ts";
import { IMPORTANCE_WEIGHTS } from "../priority.ts";
import { type AssessedRow, assessedRows, type CycleRef, cyclesOf } from "../read.ts";
import { competencyKey, type Trend, type TrendPoint, type View } from "./model.ts";
import type { Requirement } from "./readiness.ts";

export interface Bilingual {
  en: string;
  fr: string;
}

export interface CompetencyLabel {
  code: string | null;
  /** As the framework's latest edition has it; null when that edition no longer has it (decision 042). */
  statement: { en: string | null; fr: string | null } | null;
}

export interface Names {
  competencies: Map<string, CompetencyLabel>;
  units: Map<string, Bilingual>;
  positions: Map<string, Bilingual>;
}

/**
 * Who the viewer may read person by person (the `person.read` rule, decision 042): HR everyone; a
 * manager everyone below them and themself. Everyone else of a figure is "unseen".
 */
export async function seenBy(
  db: Kysely<DB>,
  organisationId: string,
  actor: OrganisationActor,
): Promise<{ all: boolean; key: string; ids: string[]; seen: (personId: string) => boolean }> {
  const membership = actor.membership;
  if (membership?.administrator) return { all: true, key: "all", ids: [], seen: () => true };
  const own = membership?.personId;
  if (!own) return { all: false, key: "none", ids: [], seen: () => false };
  const team = new Set((await teamOf(db, organisationId, own)).map((m) => m.id));
  team.add(own);
  return { all: false, key: `person:${own}`, ids: [...team], seen: (personId) => team.has(personId) };
}

/** The rows of everyone's latest assessment, and the scale's level count for the distributions. */
export async function latestRows(db: Kysely<DB>, organisationId: string) {
  const [rows, scale] = await Promise.all([
    assessedRows(db, organisationId, { cycles: "latest" }),
    organisationScale(db, organisationId),
  ]);
  return { rows, levelCount: scale.levels.length };
}

/** The organisation's open and closed cycles, oldest first. */
export const cyclesOfOrganisation = (db: Kysely<DB>, organisationId: string): Promise<CycleRef[]> =>
  cyclesOf(db, organisationId);

/** Competencies as each framework's latest edition names them; units' and positions' names. */
export async function namesOf(
  db: Kysely<DB>,
  organisationId: string,
  refs: readonly { frameworkId: string; itemId: string }[],
): Promise<Names> {
  const frameworkIds = [...new Set(refs.map((r) => r.frameworkId))];
  const itemIds = [...new Set(refs.map((r) => r.itemId))];
  const competencies = new Map<string, CompetencyLabel>();
  for (const ref of refs) competencies.set(competencyKey(ref), { code: null, statement: null });
  if (frameworkIds.length > 0 && itemIds.length > 0) {
    const latest = db
      .selectFrom("editions as e")
      .select(["e.id as edition_id", "e.framework_id"])
      .where("e.framework_id", "in", frameworkIds)
      .where("e.number", "=", (eb) =>
        eb
          .selectFrom("editions as later")
          .select((l) => l.fn.max("later.number").as("n"))
          .whereRef("later.framework_id", "=", "e.framework_id"),
      );
    for (let i = 0; i < itemIds.length; i += 500) {
      const rows = await db
        .selectFrom(latest.as("latest"))
        .innerJoin("published_items as i", "i.edition_id", "latest.edition_id")
        .select(["latest.framework_id", "i.item_id", "i.code", "i.statement_en", "i.statement_fr"])
        .where("i.item_id", "in", itemIds.slice(i, i + 500))
        .execute();
      for (const row of rows) {
        const key = competencyKey({ frameworkId: row.framework_id, itemId: row.item_id });
        if (competencies.has(key))
          competencies.set(key, { code: row.code, statement: { en: row.statement_en, fr: row.statement_fr } });
      }
    }
  }
  const [units, positions] = await Promise.all([
    db.selectFrom("units").select(["id", "name_en", "name_fr"]).where("organisation_id", "=", organisationId).execute(),
    db
      .selectFrom("job_profiles")
      .select(["id", "title_en", "title_fr"])
      .where("organisation_id", "=", organisationId)
      .execute(),
  ]);
  return {
    competencies,
    units: new Map(units.map((u) => [u.id, { en: u.name_en, fr: u.name_fr }])),
    positions: new Map(positions.map((p) => [p.id, { en: p.title_en, fr: p.title_fr }])),
  };
}

/** A profile of the organisation with its requirements in the profile's order; undefined if none. */
export async function profileRequirements(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
): Promise<{ title: Bilingual; requirements: Requirement[] } | undefined> {
  const profile = await db
    .selectFrom("job_profiles")
    .select(["id", "title_en", "title_fr"])
    .where("organisation_id", "=", organisationId)
    .where("id", "=", profileId)
    .executeTakeFirst();
  if (!profile) return undefined;
  const rows = await db
    .selectFrom("job_profile_requirements")
    .select(["framework_id", "item_id", "target_level", "importance"])
    .where("profile_id", "=", profileId)
    .orderBy("ordinal")
    .execute();
  return {
    title: { en: profile.title_en, fr: profile.title_fr },
    requirements: rows.map((r) => ({
      frameworkId: r.framework_id,
      itemId: r.item_id,
      target: r.target_level,
      importance: r.importance,
    })),
  };
}

/** People of the organisation (not left) with their latest agreed levels, by competency key. */
export async function peopleLevels(db: Kysely<DB>, organisationId: string, rows: readonly AssessedRow[]) {
  const people = await db
    .selectFrom("people")
    .select(["id", "given_name", "family_name", "preferred_name"])
    .where("organisation_id", "=", organisationId)
    .where("status", "!=", "left")
    .execute();
  const levels = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const map = levels.get(row.personId) ?? new Map<string, number | null>();
    map.set(competencyKey(row), row.agreed);
    levels.set(row.personId, map);
  }
  return people.map((p) => ({
    personId: p.id,
    name: displayName({ givenName: p.given_name, familyName: p.family_name, preferredName: p.preferred_name }),
    agreed: levels.get(p.id) ?? new Map<string, number | null>(),
  }));
}

/** The readiness list shows people's agreed levels: one access-log line per person shown (not oneself). */
export async function logReadinessViews(
  db: Kysely<DB>,
  organisationId: string,
  actor: OrganisationActor,
  personIds: readonly string[],
  path: string,
  requestId: string | undefined,
) {
  const at = new Date().toISOString();
  const others = personIds.filter((id) => id !== actor.membership?.personId);
  for (let i = 0; i < others.length; i += 200) {
    await db
      .insertInto("access_log")
      .values(
        others.slice(i, i + 200).map((personId) => ({
          id: randomUUID(),
          organisation_id: organisationId,
          at,
          actor_id: actor.id,
          actor_label: actorLabel(actor),
          person_id: personId,
          what: "assessment",
          path: path.slice(0, 500),
          request_id: requestId ?? null,
        })),
      )
      .execute();
  }
}

/**
 * The trends' figures per cycle, summed by the database (every cycle's assessments are 450,000 rows
 * at 5,000 people × 30 competencies × 3 cycles: too many to carry). The same figures as the pure
 * `trendsOf` over `assessedRows(…, { cycles: "all" })` (tested on every dialect): a competency's
 * people have a target; assessed, an agreed level; the gap is clamped at 0; the score weighs it by
 * importance. `personIds` limits the people (a manager's trends cover the people they may see),
 * `group` to a unit (people's current unit) or a position (each cycle's job profile).
 */
export async function trendFigures(
  db: Kysely<DB>,
  organisationId: string,
  cycleIds: readonly string[],
  competencies: readonly { frameworkId: string; itemId: string }[],
  scope: { personIds?: readonly string[]; group?: View } = {},
): Promise<Trend[]> {
  const personIds = scope.personIds;
  const sums = new Map<string, Omit<TrendPoint, "meanGap">>();
  const itemIds = [...new Set(competencies.map((c) => c.itemId))];
  if (itemIds.length === 0 || cycleIds.length === 0) return competencies.map((c) => ({ ...c, points: [] }));
  const gap = sql`case when i.agreed_level >= 1 and i.target_level > i.agreed_level then i.target_level - i.agreed_level else 0 end`;
  const weight = sql`case i.importance when 'essential' then ${IMPORTANCE_WEIGHTS.essential} when 'asset' then ${IMPORTANCE_WEIGHTS.asset} else 0 end`;
  const batches = personIds
    ? Array.from({ length: Math.ceil(personIds.length / 500) }, (_, n) => personIds.slice(n * 500, n * 500 + 500))
    : [undefined];
  for (const people of batches) {
    if (people && people.length === 0) continue;
    let query = db
      .selectFrom("assessment_items as i")
      .innerJoin("assessments as a", "a.id", "i.assessment_id")
      .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
      .select((eb) => [
        "a.cycle_id",
        "i.framework_id",
        "i.item_id",
        eb.fn.countAll<number | string>().as("people"),
        sql<number | string>`sum(case when i.agreed_level >= 1 then 1 else 0 end)`.as("assessed"),
        sql<number | string>`sum(${gap})`.as("gap_total"),
        sql<number | string>`sum(${gap} * ${weight})`.as("score"),
      ])
      .where("a.organisation_id", "=", organisationId)
      .where("a.state", "!=", "withdrawn")
      .where("c.state", "!=", "draft")
      .where("i.target_level", ">=", 1)
      .where("i.item_id", "in", itemIds)
      .where("a.cycle_id", "in", [...cycleIds]);
    if (people) query = query.where("a.person_id", "in", people);
    const group = scope.group;
    // A unit is the person's current unit (as the latest view has it); a position, the cycle's own.
    if (group?.by === "unit")
      query = query.where("a.person_id", "in", (eb) => {
        const inOrganisation = eb.selectFrom("people").select("id").where("organisation_id", "=", organisationId);
        return group.key
          ? inOrganisation.where("unit_id", "=", group.key)
          : inOrganisation.where("unit_id", "is", null);
      });
    if (group?.by === "position")
      query = group.key ? query.where("a.profile_id", "=", group.key) : query.where("a.profile_id", "is", null);
    const rows = await query.groupBy(["a.cycle_id", "i.framework_id", "i.item_id"]).execute();
    for (const row of rows) {
      const key = `${row.cycle_id}\u0000${competencyKey({ frameworkId: row.framework_id, itemId: row.item_id })}`;
      const before = sums.get(key) ?? { cycleId: row.cycle_id, people: 0, assessed: 0, score: 0, gapTotal: 0 };
      sums.set(key, {
        cycleId: row.cycle_id,
        people: before.people + Number(row.people),
        assessed: before.assessed + Number(row.assessed),
        score: before.score + Number(row.score),
        gapTotal: before.gapTotal + Number(row.gap_total),
      });
    }
  }
  return competencies.map((ref) => ({
    frameworkId: ref.frameworkId,
    itemId: ref.itemId,
    points: cycleIds.flatMap((cycleId) => {
      const point = sums.get(`${cycleId}\u0000${competencyKey(ref)}`);
      return point ? [{ ...point, meanGap: point.assessed > 0 ? point.gapTotal / point.assessed : null }] : [];
    }),
  }));
}
