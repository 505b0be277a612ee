/**
 * Everything the assessments hold about one person, for "everything held about me"
 * (src/people/privacy/own-data.tsx, decision 050): each of their assessments in every cycle
 * (withdrawn ones too), its competencies as the pinned edition published them, the levels and
 * comments, evidence (without the files' bytes: a pointer to where each downloads), sign-offs and
 * history; and their reminder choice and the reminders sent to them.
 *
 * A fixed number of queries whatever the number of assessments, competencies or evidence: each
 * table is read once, narrowed by a subquery on the person's assessments (no list of ids is bound,
 * so no database's limit on parameters is ever met).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Lang } from "../../i18n/index.ts";
import type { Bilingual } from "../../profiles/scales/read.ts";
import { evidenceUrls } from "../evidence/urls.ts";
import { assessmentUrls } from "../work/urls.ts";

export interface HeldRating {
  level: number | null;
  comment: string | null;
}

export interface HeldCompetency {
  framework: { id: string; slug: string | null; title: { en: string | null; fr: string | null } };
  edition: { id: string; number: number | null };
  itemId: string;
  code: string | null;
  /** The competency's statement as the edition the assessment is pinned to published it. */
  statement: { en: string | null; fr: string | null };
  origin: string;
  targetLevel: number | null;
  importance: string | null;
  self: HeldRating;
  manager: HeldRating;
  agreedLevel: number | null;
}

export interface HeldEvidence {
  id: string;
  kind: "link" | "file";
  title: string;
  /** The competency it supports (its item id); null for the assessment as a whole. */
  itemId: string | null;
  addedAt: string;
  /** Who added it, by the name the assessment's history stored then; null when no line says. */
  addedBy: string | null;
  /** For a link. */
  url: string | null;
  /** For a file: its description; the bytes are not in the document (decision 050), `download` is where they are. */
  file: { name: string | null; mediaType: string | null; size: number | null; download: string } | null;
}

export interface HeldHistoryLine {
  at: string;
  actor: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  /** What the line recorded (item, before/after, reason…), as stored. */
  detail: unknown;
}

export interface HeldSignOff {
  at: string;
  /** The signer's name as the history stored it; null when no line says. */
  by: string | null;
}

export interface HeldAssessment {
  id: string;
  /** The assessment's page, where it reads and its files download. */
  page: string;
  cycle: {
    id: string;
    name: Bilingual;
    periodStart: string;
    periodEnd: string;
    state: string;
    openedAt: string | null;
    closedAt: string | null;
  };
  scale: { id: string; name: Bilingual; levels: { number: number; label: Bilingual }[] };
  state: string;
  withdrawn: boolean;
  reopenedReason: string | null;
  /** The assessment's own due date (set when it was reopened), YYYY-MM-DD. */
  dueOn: string | null;
  version: number;
  reviewer: { id: string; name: string } | null;
  conversation: { date: string | null; notes: string | null };
  signOffs: { person: HeldSignOff | null; manager: HeldSignOff | null };
  createdAt: string;
  updatedAt: string;
  competencies: HeldCompetency[];
  evidence: HeldEvidence[];
  history: HeldHistoryLine[];
}

export interface HeldReminders {
  /** each | weekly; null when the person never chose (each reminder is then sent). */
  mode: string | null;
  modeChangedAt: string | null;
  sent: { key: string; assessmentId: string | null; at: string }[];
}

const nameOf = (p: { given: string | null; family: string | null; preferred: string | null }) =>
  p.given === null ? null : `${p.preferred || p.given} ${p.family ?? ""}`.trim();

const parseDetail = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** The person's assessments, newest cycle first, with all they hold. Six queries, whatever their number. */
export async function readHeldAssessments(
  db: Kysely<DB>,
  subject: { organisationId: string; organisationSlug: string; personId: string; lang: Lang },
): Promise<HeldAssessment[]> {
  const theirs = db
    .selectFrom("assessments")
    .select("id")
    .where("organisation_id", "=", subject.organisationId)
    .where("person_id", "=", subject.personId);
  const heads = await db
    .selectFrom("assessments as a")
    .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
    .leftJoin("people as m", "m.id", "a.manager_id")
    .selectAll("a")
    .select([
      "c.name_en",
      "c.name_fr",
      "c.period_start",
      "c.period_end",
      "c.state as cycle_state",
      "c.opened_at",
      "c.closed_at",
      "c.scale_id",
      "m.given_name as m_given",
      "m.family_name as m_family",
      "m.preferred_name as m_preferred",
    ])
    .where("a.organisation_id", "=", subject.organisationId)
    .where("a.person_id", "=", subject.personId)
    .orderBy("c.period_start", "desc")
    .orderBy("a.created_at", "desc")
    .orderBy("a.id")
    .execute();
  if (heads.length === 0) return [];
  // A handful of scales at most (one per cycle): bound as a list.
  const scaleIds = [...new Set(heads.map((h) => h.scale_id))];

  const [items, evidence, history, scales, levels] = await Promise.all([
    db
      .selectFrom("assessment_items as ai")
      .innerJoin("published_items as pi", (join) =>
        join.onRef("pi.edition_id", "=", "ai.edition_id").onRef("pi.item_id", "=", "ai.item_id"),
      )
      .leftJoin("editions as e", "e.id", "ai.edition_id")
      .leftJoin("frameworks as f", "f.id", "ai.framework_id")
      .selectAll("ai")
      .select([
        "pi.code",
        "pi.statement_en",
        "pi.statement_fr",
        "e.number as edition_number",
        "f.slug as framework_slug",
        "e.title_en as framework_en",
        "e.title_fr as framework_fr",
      ])
      .where("ai.assessment_id", "in", theirs)
      .orderBy("ai.assessment_id")
      .orderBy("ai.ordinal")
      .orderBy("ai.item_id")
      .execute(),
    // Never the bytes: a person's files may add up to far more than one document should hold.
    db
      .selectFrom("assessment_evidence")
      .select([
        "id",
        "assessment_id",
        "item_id",
        "kind",
        "title",
        "url",
        "file_name",
        "media_type",
        "size",
        "created_at",
      ])
      .where("assessment_id", "in", theirs)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("assessment_history")
      .select(["assessment_id", "at", "actor_label", "event", "from_state", "to_state", "detail"])
      .where("assessment_id", "in", theirs)
      .orderBy("at")
      .orderBy("id")
      .execute(),
    db.selectFrom("proficiency_scales").select(["id", "name_en", "name_fr"]).where("id", "in", scaleIds).execute(),
    db
      .selectFrom("proficiency_levels")
      .select(["scale_id", "number", "label_en", "label_fr"])
      .where("scale_id", "in", scaleIds)
      .orderBy("scale_id")
      .orderBy("number")
      .execute(),
  ]);

  const group = <T extends { assessment_id: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const row of rows) by.set(row.assessment_id, [...(by.get(row.assessment_id) ?? []), row]);
    return by;
  };
  const itemsOf = group(items);
  const evidenceOf = group(evidence);
  const historyOf = group(history);
  const scaleById = new Map(scales.map((s) => [s.id, s]));

  return heads.map((head) => {
    const lines: HeldHistoryLine[] = (historyOf.get(head.id) ?? []).map((row) => ({
      at: row.at,
      actor: row.actor_label,
      event: row.event,
      fromState: row.from_state,
      toState: row.to_state,
      detail: parseDetail(row.detail),
    }));
    // Who signed, and who added each piece of evidence: the assessment table keeps when, its history who.
    const signer = (party: "person" | "manager", at: string | null): HeldSignOff | null => {
      if (at === null) return null;
      const signed = lines.filter((l) => l.event === "signed" && field(l.detail, "party") === party);
      const line = signed.find((l) => l.at === at) ?? signed.at(-1);
      return { at, by: line?.actor ?? null };
    };
    const adder = new Map<string, string>();
    for (const line of lines)
      if (line.event === "evidence" && field(line.detail, "action") === "added") {
        const id = field(line.detail, "evidence");
        if (typeof id === "string") adder.set(id, line.actor);
      }
    const files = evidenceUrls(subject.lang, subject.organisationSlug, head.id);
    const scale = scaleById.get(head.scale_id);
    const reviewer = nameOf({ given: head.m_given, family: head.m_family, preferred: head.m_preferred });
    return {
      id: head.id,
      page: assessmentUrls.page(subject.lang, subject.organisationSlug, head.id),
      cycle: {
        id: head.cycle_id,
        name: { en: head.name_en, fr: head.name_fr },
        periodStart: head.period_start,
        periodEnd: head.period_end,
        state: head.cycle_state,
        openedAt: head.opened_at,
        closedAt: head.closed_at,
      },
      scale: {
        id: head.scale_id,
        name: { en: scale?.name_en ?? "", fr: scale?.name_fr ?? "" },
        levels: levels
          .filter((l) => l.scale_id === head.scale_id)
          .map((l) => ({ number: Number(l.number), label: { en: l.label_en, fr: l.label_fr } })),
      },
      state: head.state,
      withdrawn: head.state === "withdrawn",
      reopenedReason: head.reopened_reason,
      dueOn: head.due_on,
      version: Number(head.version),
      reviewer: head.manager_id && reviewer ? { id: head.manager_id, name: reviewer } : null,
      conversation: { date: head.conversation_date, notes: head.conversation_notes },
      signOffs: {
        person: signer("person", head.person_signed_at),
        manager: signer("manager", head.manager_signed_at),
      },
      createdAt: head.created_at,
      updatedAt: head.updated_at,
      competencies: (itemsOf.get(head.id) ?? []).map((i) => ({
        framework: {
          id: i.framework_id,
          slug: i.framework_slug,
          title: { en: i.framework_en, fr: i.framework_fr },
        },
        edition: { id: i.edition_id, number: i.edition_number === null ? null : Number(i.edition_number) },
        itemId: i.item_id,
        code: i.code,
        statement: { en: i.statement_en, fr: i.statement_fr },
        origin: i.origin,
        targetLevel: i.target_level === null ? null : Number(i.target_level),
        importance: i.importance,
        self: { level: i.self_level === null ? null : Number(i.self_level), comment: i.self_comment },
        manager: { level: i.manager_level === null ? null : Number(i.manager_level), comment: i.manager_comment },
        agreedLevel: i.agreed_level === null ? null : Number(i.agreed_level),
      })),
      evidence: (evidenceOf.get(head.id) ?? []).map((e) => ({
        id: e.id,
        kind: e.kind === "file" ? "file" : "link",
        title: e.title,
        itemId: e.item_id,
        addedAt: e.created_at,
        addedBy: adder.get(e.id) ?? null,
        url: e.kind === "file" ? null : e.url,
        file:
          e.kind === "file"
            ? {
                name: e.file_name,
                mediaType: e.media_type,
                size: e.size === null ? null : Number(e.size),
                download: files.file(e.id),
              }
            : null,
      })),
      history: lines,
    };
  });
}

/** The person's reminder choice and the reminders sent to them, newest first. Two queries. */
export async function readHeldReminders(
  db: Kysely<DB>,
  subject: { organisationId: string; personId: string },
): Promise<HeldReminders> {
  // The person row is the organisation's: a person of another organisation asked for here holds nothing.
  const person = db
    .selectFrom("people")
    .select("id")
    .where("organisation_id", "=", subject.organisationId)
    .where("id", "=", subject.personId);
  const [setting, sent] = await Promise.all([
    db.selectFrom("reminder_settings").selectAll().where("person_id", "in", person).executeTakeFirst(),
    db
      .selectFrom("reminders_sent")
      .select(["reminder_key", "assessment_id", "sent_at"])
      .where("person_id", "in", person)
      .orderBy("sent_at", "desc")
      .orderBy("id")
      .execute(),
  ]);
  return {
    mode: setting?.mode ?? null,
    modeChangedAt: setting?.updated_at ?? null,
    sent: sent.map((row) => ({ key: row.reminder_key, assessmentId: row.assessment_id, at: row.sent_at })),
  };
}
