/**
 * Assessments as a person's own-data export must find them: a review cycle (names, period, state),
 * the person's assessment in it with ratings and comments on competencies of the practice framework,
 * evidence added through the evidence store (so its history lines are the real ones), a sign-off line
 * and conversation notes. Written straight into the tables otherwise, as the cycle and the work leave them.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { addFile, addLink } from "../../src/assessments/evidence/store.ts";
import type { DB } from "../../src/db/schema.ts";
import { assessmentRow, cycleRow } from "./assessment-rows.ts";
import { practiceFramework } from "./assessment-work.ts";

export interface HeldItemInput {
  self: number | null;
  selfComment: string | null;
  manager: number | null;
  managerComment: string | null;
  agreed: number | null;
}

export interface HeldInput {
  organisationId: string;
  personId: string;
  managerId?: string | null;
  cycle?: { nameEn?: string; nameFr?: string; state?: string; periodStart?: string; periodEnd?: string };
  state?: string;
  notes?: string | null;
  conversationDate?: string | null;
  /** One per competency, in the practice framework's order (at most six). */
  items?: HeldItemInput[];
  links?: { title: string; url: string; onItem?: boolean }[];
  files?: { name: string; text: string }[];
  /** The person signed: their sign-off time and history line, by this label. */
  signedBy?: string;
  author?: { id: string | null; label: string };
}

export interface HeldSeed {
  cycleId: string;
  assessmentId: string;
  frameworkId: string;
  itemIds: string[];
  evidenceIds: string[];
}

const AT = "2027-02-01T10:00:00.000Z";

export async function seedHeld(db: Kysely<DB>, input: HeldInput): Promise<HeldSeed> {
  const framework = await practiceFramework(db);
  const edition = await db
    .selectFrom("editions")
    .select("id")
    .where("framework_id", "=", framework.id)
    .orderBy("number", "desc")
    .executeTakeFirstOrThrow();
  const cycleId = randomUUID();
  await db
    .insertInto("review_cycles")
    .values(
      cycleRow({
        id: cycleId,
        organisation_id: input.organisationId,
        name_en: input.cycle?.nameEn ?? "Annual review",
        name_fr: input.cycle?.nameFr ?? "Bilan annuel",
        state: input.cycle?.state ?? "open",
        period_start: input.cycle?.periodStart ?? "2027-01-01",
        period_end: input.cycle?.periodEnd ?? "2027-12-31",
        opened_at: AT,
        participants: JSON.stringify({ units: [], profiles: [], people: [input.personId] }),
      }),
    )
    .execute();
  const assessmentId = randomUUID();
  const signedAt = input.signedBy ? "2027-03-01T15:30:00.000Z" : null;
  await db
    .insertInto("assessments")
    .values(
      assessmentRow({
        id: assessmentId,
        cycle_id: cycleId,
        organisation_id: input.organisationId,
        person_id: input.personId,
        manager_id: input.managerId ?? null,
        state: input.state ?? "in_progress",
        conversation_notes: input.notes ?? null,
        conversation_date: input.conversationDate ?? null,
        person_signed_at: signedAt,
      }),
    )
    .execute();
  const all = framework.competencies.flat();
  const itemIds = all.slice(0, (input.items ?? []).length);
  if (itemIds.length > 0)
    await db
      .insertInto("assessment_items")
      .values(
        (input.items ?? []).map((item, index) => ({
          assessment_id: assessmentId,
          framework_id: framework.id,
          item_id: itemIds[index] as string,
          edition_id: edition.id,
          ordinal: index + 1,
          origin: "profile",
          target_level: 3,
          importance: "essential",
          self_level: item.self,
          self_comment: item.selfComment,
          manager_level: item.manager,
          manager_comment: item.managerComment,
          agreed_level: item.agreed,
          updated_at: AT,
        })),
      )
      .execute();
  const author = input.author ?? { id: null, label: "Someone <someone@example.test>" };
  const evidenceIds: string[] = [];
  // Each piece a minute after the one before, so their order (and their history's) is known.
  let minute = 0;
  const next = () => new Date(Date.parse(AT) + 60_000 * minute++);
  for (const link of input.links ?? [])
    evidenceIds.push(
      await addLink(
        db,
        { assessmentId, itemId: link.onItem ? (itemIds[0] ?? null) : null, title: link.title, url: link.url },
        author,
        next(),
      ),
    );
  for (const file of input.files ?? [])
    evidenceIds.push(
      await addFile(
        db,
        {
          assessmentId,
          sentName: file.name,
          kind: "text",
          mediaType: "text/plain; charset=utf-8",
          bytes: new TextEncoder().encode(file.text),
        },
        author,
        next(),
      ),
    );
  if (signedAt && input.signedBy)
    await db
      .insertInto("assessment_history")
      .values({
        id: randomUUID(),
        assessment_id: assessmentId,
        at: signedAt,
        actor_id: null,
        actor_label: input.signedBy,
        event: "signed",
        from_state: null,
        to_state: null,
        detail: JSON.stringify({ party: "person" }),
      })
      .execute();
  return { cycleId, assessmentId, frameworkId: framework.id, itemIds, evidenceIds };
}
