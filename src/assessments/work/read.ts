/**
 * Reading an assessment for its pages (decision 032): the assessment and its cycle, each competency
 * as the edition it is pinned to published it, with the three levels and comments, the cycle's scale
 * and each competency's own level descriptors; its history; and the lists of the index page.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { personResource } from "../../people/membership.ts";
import type { OrganisationResource } from "../../policy/index.ts";
import { type Bilingual, levelDescriptors, readScale, type Scale } from "../../profiles/scales/read.ts";
import type { AssessmentState } from "./states.ts";

export type Origin = "profile" | "person" | "manager";

export interface Rating {
  level: number | null;
  comment: string | null;
}

export interface AssessmentItem {
  /** `framework~item`: the competency's key in forms and addresses. */
  key: string;
  frameworkId: string;
  itemId: string;
  editionId: string;
  code: string | null;
  statement: { en: string | null; fr: string | null };
  origin: Origin;
  targetLevel: number | null;
  importance: string | null;
  self: Rating;
  manager: Rating;
  agreedLevel: number | null;
  /** The competency's own descriptor of each level of the cycle's scale, when written. */
  descriptors: Map<number, Bilingual>;
}

export interface AssessmentView {
  id: string;
  organisationId: string;
  personId: string;
  personName: string;
  reviewerId: string | null;
  reviewerName: string | null;
  state: AssessmentState;
  reopenedReason: string | null;
  /** The assessment's own due date (YYYY-MM-DD, set when reopened), or null (decision 053). */
  dueOn: string | null;
  conversationDate: string | null;
  conversationNotes: string | null;
  personSignedAt: string | null;
  managerSignedAt: string | null;
  version: number;
  cycle: { id: string; name: Bilingual; state: string; periodStart: string; periodEnd: string };
  scale: Scale;
  items: AssessmentItem[];
}

export const itemKey = (frameworkId: string, itemId: string) => `${frameworkId}~${itemId}`;

export function parseItemKey(key: string): { frameworkId: string; itemId: string } | undefined {
  const [frameworkId, itemId, ...rest] = key.split("~");
  if (!frameworkId || !itemId || rest.length > 0) return undefined;
  return { frameworkId, itemId };
}

export const personName = (p: { given_name: string; family_name: string; preferred_name: string | null }) =>
  `${p.preferred_name || p.given_name} ${p.family_name}`;

/** The assessment with everything its page shows; undefined when the organisation has no such assessment. */
export async function readAssessment(
  db: Kysely<DB>,
  organisationId: string,
  assessmentId: string,
): Promise<AssessmentView | undefined> {
  const row = await db
    .selectFrom("assessments as a")
    .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
    .innerJoin("people as p", "p.id", "a.person_id")
    .leftJoin("people as m", "m.id", "a.manager_id")
    .selectAll("a")
    .select([
      "c.name_en",
      "c.name_fr",
      "c.state as cycle_state",
      "c.period_start",
      "c.period_end",
      "c.scale_id",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
      "m.given_name as m_given",
      "m.family_name as m_family",
      "m.preferred_name as m_preferred",
    ])
    .where("a.id", "=", assessmentId)
    .where("a.organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [scale, items] = await Promise.all([
    readScale(db, row.scale_id),
    db
      .selectFrom("assessment_items as ai")
      .innerJoin("published_items as pi", (join) =>
        join.onRef("pi.edition_id", "=", "ai.edition_id").onRef("pi.item_id", "=", "ai.item_id"),
      )
      .selectAll("ai")
      .select(["pi.code", "pi.statement_en", "pi.statement_fr"])
      .where("ai.assessment_id", "=", assessmentId)
      .orderBy("ai.ordinal")
      .orderBy("ai.item_id")
      .execute(),
  ]);
  if (!scale) throw new Error(`the scale of review cycle ${row.cycle_id} is missing`);
  const descriptors = new Map<string, Map<string, Map<number, Bilingual>>>();
  for (const frameworkId of new Set(items.map((i) => i.framework_id)))
    descriptors.set(
      frameworkId,
      await levelDescriptors(
        db,
        scale.id,
        frameworkId,
        items.filter((i) => i.framework_id === frameworkId).map((i) => i.item_id),
      ),
    );
  return {
    id: row.id,
    organisationId: row.organisation_id,
    personId: row.person_id,
    personName: personName(row),
    reviewerId: row.manager_id,
    reviewerName: row.m_given
      ? personName({ given_name: row.m_given, family_name: row.m_family ?? "", preferred_name: row.m_preferred })
      : null,
    state: row.state as AssessmentState,
    reopenedReason: row.reopened_reason,
    dueOn: row.due_on,
    conversationDate: row.conversation_date,
    conversationNotes: row.conversation_notes,
    personSignedAt: row.person_signed_at,
    managerSignedAt: row.manager_signed_at,
    version: row.version,
    cycle: {
      id: row.cycle_id,
      name: { en: row.name_en, fr: row.name_fr },
      state: row.cycle_state,
      periodStart: row.period_start,
      periodEnd: row.period_end,
    },
    scale,
    items: items.map((i) => ({
      key: itemKey(i.framework_id, i.item_id),
      frameworkId: i.framework_id,
      itemId: i.item_id,
      editionId: i.edition_id,
      code: i.code,
      statement: { en: i.statement_en, fr: i.statement_fr },
      origin: i.origin as Origin,
      targetLevel: i.target_level,
      importance: i.importance,
      self: { level: i.self_level, comment: i.self_comment },
      manager: { level: i.manager_level, comment: i.manager_comment },
      agreedLevel: i.agreed_level,
      descriptors: descriptors.get(i.framework_id)?.get(i.item_id) ?? new Map(),
    })),
  };
}

/** The assessment as a policy resource: whose it is, their managers, and its reviewer. */
export async function assessmentResource(
  db: Kysely<DB>,
  assessment: { organisationId: string; personId: string; reviewerId: string | null },
): Promise<OrganisationResource & { kind: "assessment" }> {
  const person = await personResource(db, assessment.organisationId, assessment.personId);
  return {
    kind: "assessment",
    organisationId: assessment.organisationId,
    personId: assessment.personId,
    managerChain: person?.managerChain ?? [],
    reviewerId: assessment.reviewerId,
  };
}

export interface HistoryLine {
  at: string;
  actor: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  detail: Record<string, unknown>;
}

export async function readHistory(db: Kysely<DB>, assessmentId: string): Promise<HistoryLine[]> {
  const rows = await db
    .selectFrom("assessment_history")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((row) => {
    let detail: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(row.detail ?? "{}");
      if (parsed && typeof parsed === "object") detail = parsed;
    } catch {
      // A detail that is not JSON is shown without it.
    }
    return {
      at: row.at,
      actor: row.actor_label,
      event: row.event,
      fromState: row.from_state,
      toState: row.to_state,
      detail,
    };
  });
}
