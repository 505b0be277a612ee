/**
 * What every insight reads: the organisation's assessed competencies — each person's agreed level
 * against the target their profile set when the cycle opened (decision 042). The person's page,
 * the team heatmap, the organisation's priorities and the development plans all read these rows,
 * so they agree on which assessment counts and on what a gap is.
 *
 * Which assessments count: not withdrawn, in a cycle that is open or closed (a draft cycle has
 * none). "latest" keeps each person's latest: the cycle ending last, then the one opened last, then
 * the id, so the choice never depends on the database's row order.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { AssessedCompetency } from "./priority.ts";

export interface AssessedRow extends AssessedCompetency {
  assessmentId: string;
  cycleId: string;
  /** The edition the competency was assessed against (its wording then). */
  editionId: string;
  /** The competency's place in the assessment. */
  ordinal: number;
  /** The assessment's state (in_progress, agreed, signed_off…). */
  state: string;
}

export interface CycleRef {
  id: string;
  nameEn: string;
  nameFr: string;
  periodStart: string;
  periodEnd: string;
  state: string;
  scaleId: string;
}

export interface AssessedScope {
  /** Only these people (an empty list reads nobody). */
  personIds?: readonly string[];
  /** "latest" (the default): each person's latest assessment; "all": every cycle; or these cycles. */
  cycles?: "latest" | "all" | readonly string[];
}

const ITEM_COLUMNS = [
  "assessment_id",
  "framework_id",
  "item_id",
  "edition_id",
  "ordinal",
  "importance",
  "target_level",
  "agreed_level",
] as const;
type ItemRow = Pick<DB["assessment_items"], (typeof ITEM_COLUMNS)[number]>;

/** Ids per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 900;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK));
  return out;
}

interface AssessmentHead {
  id: string;
  person_id: string;
  profile_id: string | null;
  cycle_id: string;
  state: string;
  period_end: string;
  opened_at: string | null;
  unit_id: string | null;
}

async function assessmentHeads(
  db: Kysely<DB>,
  organisationId: string,
  scope: AssessedScope,
  personIds: readonly string[] | null,
): Promise<AssessmentHead[]> {
  const query = (ids: readonly string[] | null) => {
    let q = db
      .selectFrom("assessments as a")
      .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
      .innerJoin("people as p", "p.id", "a.person_id")
      .select([
        "a.id",
        "a.person_id",
        "a.profile_id",
        "a.cycle_id",
        "a.state",
        "c.period_end",
        "c.opened_at",
        "p.unit_id",
      ])
      .where("a.organisation_id", "=", organisationId)
      .where("a.state", "!=", "withdrawn")
      .where("c.state", "in", ["open", "closed"]);
    if (ids) q = q.where("a.person_id", "in", ids);
    if (Array.isArray(scope.cycles)) q = q.where("a.cycle_id", "in", scope.cycles as string[]);
    return q.execute();
  };
  if (!personIds) return query(null);
  const heads: AssessmentHead[] = [];
  for (const ids of chunks(personIds)) heads.push(...(await query(ids)));
  return heads;
}

/** Later first: the cycle ending last, then opened last, then the id. */
const later = (a: AssessmentHead, b: AssessmentHead) =>
  b.period_end.localeCompare(a.period_end) ||
  (b.opened_at ?? "").localeCompare(a.opened_at ?? "") ||
  b.id.localeCompare(a.id);

/** Each person's latest assessment among the heads. */
export function latestPerPerson<T extends AssessmentHead>(heads: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const head of heads) {
    const current = best.get(head.person_id);
    if (!current || later(head, current) < 0) best.set(head.person_id, head);
  }
  return [...best.values()];
}

/** The organisation's assessed competencies, ordered by person, then cycle (oldest first), then ordinal. */
export async function assessedRows(
  db: Kysely<DB>,
  organisationId: string,
  scope: AssessedScope = {},
): Promise<AssessedRow[]> {
  if (scope.personIds && scope.personIds.length === 0) return [];
  if (Array.isArray(scope.cycles) && scope.cycles.length === 0) return [];
  const all = await assessmentHeads(db, organisationId, scope, scope.personIds ?? null);
  const heads = (scope.cycles ?? "latest") === "latest" ? latestPerPerson(all) : all;
  heads.sort((a, b) => a.person_id.localeCompare(b.person_id) || later(b, a));
  const byId = new Map(heads.map((head, index) => [head.id, { head, index }]));
  const items: (ItemRow & { index: number })[] = [];
  for (const ids of chunks([...byId.keys()])) {
    // Only what the rows carry: never the comments, which are most of an item's bytes.
    const rows = await db
      .selectFrom("assessment_items")
      .select(ITEM_COLUMNS)
      .where("assessment_id", "in", ids)
      .execute();
    for (const row of rows) items.push({ ...row, index: byId.get(row.assessment_id)?.index ?? 0 });
  }
  items.sort((a, b) => a.index - b.index || a.ordinal - b.ordinal);
  return items.map((item) => {
    const head = (byId.get(item.assessment_id) as { head: AssessmentHead }).head;
    return {
      personId: head.person_id,
      unitId: head.unit_id,
      positionId: head.profile_id,
      frameworkId: item.framework_id,
      itemId: item.item_id,
      importance: item.importance,
      target: item.target_level,
      agreed: item.agreed_level,
      assessmentId: head.id,
      cycleId: head.cycle_id,
      editionId: item.edition_id,
      ordinal: item.ordinal,
      state: head.state,
    };
  });
}

/** The organisation's cycles that have assessments (open or closed), oldest first. */
export async function cyclesOf(db: Kysely<DB>, organisationId: string): Promise<CycleRef[]> {
  const rows = await db
    .selectFrom("review_cycles")
    .select(["id", "name_en", "name_fr", "period_start", "period_end", "state", "scale_id", "opened_at"])
    .where("organisation_id", "=", organisationId)
    .where("state", "in", ["open", "closed"])
    .execute();
  return rows
    .sort(
      (a, b) =>
        a.period_end.localeCompare(b.period_end) ||
        (a.opened_at ?? "").localeCompare(b.opened_at ?? "") ||
        a.id.localeCompare(b.id),
    )
    .map((row) => ({
      id: row.id,
      nameEn: row.name_en,
      nameFr: row.name_fr,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      state: row.state,
      scaleId: row.scale_id,
    }));
}
