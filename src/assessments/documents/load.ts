/**
 * Reads an assessment as the documents' view model (model.ts), on either database, and the policy
 * resource that decides who may read it. Its own read queries over migration 017's tables: the
 * assessment store of src/assessments/work is written at the same time, and a document needs more
 * joined text (cycle, unit, position, statements, areas, evidence names) than a rating form does.
 * Evidence bytes are never read.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Lang } from "../../i18n/index.ts";
import { personResource } from "../../people/membership.ts";
import type { OrganisationResource } from "../../policy/index.ts";
import { readScale } from "../../profiles/scales/read.ts";
import type { AssessedCompetency, AssessmentDocument, AssessmentState, RatedLevel } from "./model.ts";

export type AssessmentResource = OrganisationResource & { kind: "assessment" };

/**
 * The assessment as a policy resource (its person, their managers nearest first, its reviewer);
 * undefined when the organisation has no such assessment.
 */
export async function assessmentResource(
  db: Kysely<DB>,
  organisationId: string,
  assessmentId: string,
): Promise<AssessmentResource | undefined> {
  const row = await db
    .selectFrom("assessments")
    .select(["person_id", "manager_id"])
    .where("organisation_id", "=", organisationId)
    .where("id", "=", assessmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const person = await personResource(db, organisationId, row.person_id);
  return {
    kind: "assessment",
    organisationId,
    personId: row.person_id,
    managerChain: person?.managerChain ?? [],
    reviewerId: row.manager_id,
  };
}

const nameOf = (p: { given_name: string; family_name: string; preferred_name: string | null }) =>
  `${p.preferred_name ?? p.given_name} ${p.family_name}`;

/** The assessment in `lang`; undefined when the organisation has no such assessment. */
export async function loadAssessmentDocument(
  db: Kysely<DB>,
  input: {
    organisationId: string;
    organisation: string;
    assessmentId: string;
    lang: Lang;
    now?: Date;
    /** The organisation's effective time zone (decision 054). */
    timeZone?: string;
  },
): Promise<AssessmentDocument | undefined> {
  const { lang } = input;
  const pick = (en: string | null | undefined, fr: string | null | undefined) =>
    (lang === "fr" ? (fr ?? en) : (en ?? fr)) ?? "";
  const head = await db
    .selectFrom("assessments as a")
    .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
    .innerJoin("people as p", "p.id", "a.person_id")
    .leftJoin("people as m", "m.id", "a.manager_id")
    .leftJoin("units as u", "u.id", "p.unit_id")
    .leftJoin("job_profiles as j", "j.id", "a.profile_id")
    .select([
      "a.state",
      "a.reopened_reason",
      "a.conversation_date",
      "a.conversation_notes",
      "a.person_signed_at",
      "a.manager_signed_at",
      "a.manager_id",
      "c.name_en as cycle_en",
      "c.name_fr as cycle_fr",
      "c.period_start",
      "c.period_end",
      "c.scale_id",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
      "m.given_name as m_given",
      "m.family_name as m_family",
      "m.preferred_name as m_preferred",
      "u.name_en as unit_en",
      "u.name_fr as unit_fr",
      "j.title_en",
      "j.title_fr",
    ])
    .where("a.organisation_id", "=", input.organisationId)
    .where("a.id", "=", input.assessmentId)
    .executeTakeFirst();
  if (!head) return undefined;

  const [scale, items, evidence] = await Promise.all([
    readScale(db, head.scale_id),
    db
      .selectFrom("assessment_items as ai")
      .innerJoin("published_items as i", (j) =>
        j.onRef("i.edition_id", "=", "ai.edition_id").onRef("i.item_id", "=", "ai.item_id"),
      )
      .leftJoin("published_items as area", (j) =>
        j.onRef("area.edition_id", "=", "i.edition_id").onRef("area.item_id", "=", "i.parent_id"),
      )
      .select([
        "ai.item_id",
        "ai.origin",
        "ai.target_level",
        "ai.importance",
        "ai.self_level",
        "ai.self_comment",
        "ai.manager_level",
        "ai.manager_comment",
        "ai.agreed_level",
        "i.code",
        "i.statement_en",
        "i.statement_fr",
        "area.statement_en as area_en",
        "area.statement_fr as area_fr",
      ])
      .where("ai.assessment_id", "=", input.assessmentId)
      .orderBy("ai.ordinal")
      .orderBy("ai.item_id")
      .execute(),
    db
      .selectFrom("assessment_evidence")
      .select(["kind", "title", "url", "file_name", "item_id"])
      .where("assessment_id", "=", input.assessmentId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);

  const labels = new Map((scale?.levels ?? []).map((l) => [l.number, pick(l.label.en, l.label.fr)]));
  const level = (n: number | null): RatedLevel | null =>
    n === null || n === undefined ? null : { number: Number(n), label: labels.get(Number(n)) ?? null };
  const competencies: AssessedCompetency[] = items.map((row) => ({
    area: pick(row.area_en, row.area_fr),
    code: row.code,
    statement: pick(row.statement_en, row.statement_fr),
    origin: row.origin === "person" || row.origin === "manager" ? row.origin : "profile",
    target: level(row.target_level),
    importance: row.importance === "essential" || row.importance === "asset" ? row.importance : null,
    self: level(row.self_level),
    selfComment: row.self_comment ?? "",
    manager: level(row.manager_level),
    managerComment: row.manager_comment ?? "",
    agreed: level(row.agreed_level),
  }));
  const statements = new Map(items.map((row) => [row.item_id, pick(row.statement_en, row.statement_fr)]));
  const person = nameOf(head);
  const manager =
    head.m_given !== null && head.m_family !== null
      ? nameOf({ given_name: head.m_given, family_name: head.m_family, preferred_name: head.m_preferred })
      : null;
  return {
    lang,
    organisation: input.organisation,
    cycle: { name: pick(head.cycle_en, head.cycle_fr), periodStart: head.period_start, periodEnd: head.period_end },
    person: {
      name: person,
      unit: head.unit_en === null && head.unit_fr === null ? null : pick(head.unit_en, head.unit_fr),
      position: head.title_en === null && head.title_fr === null ? null : pick(head.title_en, head.title_fr),
    },
    manager,
    scale: {
      name: scale ? pick(scale.name.en, scale.name.fr) : "",
      levels: (scale?.levels ?? []).map((l) => ({ number: l.number, label: pick(l.label.en, l.label.fr) })),
    },
    state: head.state as AssessmentState,
    reopenedReason: head.reopened_reason,
    competencies,
    conversation: { date: head.conversation_date, notes: head.conversation_notes ?? "" },
    signOffs: {
      person: { name: person, at: head.person_signed_at },
      manager: { name: manager, at: head.manager_signed_at },
    },
    evidence: evidence.map((e) => ({
      kind: e.kind === "file" ? "file" : "link",
      title: e.title,
      url: e.url,
      fileName: e.file_name,
      competency: e.item_id ? (statements.get(e.item_id) ?? null) : null,
    })),
    generatedAt: (input.now ?? new Date()).toISOString(),
    timeZone: input.timeZone,
  };
}
