/**
 * What the waiting list and the reminder job read and write, straight from migration 017's tables
 * (the contract between issue 15's parts): open cycles with their steps, their assessments with the
 * day each entered its state, the people to write to, each person's reminder setting, and the
 * ledger of reminders sent (`reminders_sent`, unique per person and key).
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ReminderMode } from "./planner.ts";
import type { AssessmentFacts, CycleFacts, OrganisationFacts, Step } from "./tasks.ts";

const STEPS = new Set<string>(["self", "manager", "conversation", "signoff"]);

const displayName = (p: { preferred_name: string | null; given_name: string; family_name: string }) =>
  `${p.preferred_name?.trim() || p.given_name} ${p.family_name}`;

/** The open cycles of one organisation (or of all, for the job) and their assessments. */
export async function loadFacts(db: Kysely<DB>, organisationId: string): Promise<OrganisationFacts> {
  return (await loadFactsByOrganisation(db, [organisationId])).get(organisationId) ?? { cycles: [], assessments: [] };
}

/** By organisation id: these organisations' facts, or every organisation's (the job). */
export async function loadFactsByOrganisation(
  db: Kysely<DB>,
  organisationIds?: readonly string[],
): Promise<Map<string, OrganisationFacts>> {
  if (organisationIds?.length === 0) return new Map();
  let cycleQuery = db
    .selectFrom("review_cycles")
    .select(["id", "organisation_id", "state", "name_en", "name_fr"])
    .where("state", "=", "open");
  if (organisationIds) cycleQuery = cycleQuery.where("organisation_id", "in", [...organisationIds]);
  const cycleRows = await cycleQuery.execute();
  const byOrganisation = new Map<string, OrganisationFacts>();
  if (cycleRows.length === 0) return byOrganisation;
  const cycleIds = cycleRows.map((c) => c.id);

  const steps = await db
    .selectFrom("review_cycle_steps")
    .select(["cycle_id", "step", "due_date"])
    .where("cycle_id", "in", cycleIds)
    .execute();
  const cycles = new Map<string, CycleFacts & { organisationId: string }>();
  for (const c of cycleRows)
    cycles.set(c.id, {
      id: c.id,
      organisationId: c.organisation_id,
      state: c.state,
      nameEn: c.name_en,
      nameFr: c.name_fr,
      due: {},
    });
  for (const s of steps) {
    const cycle = cycles.get(s.cycle_id);
    if (cycle && STEPS.has(s.step)) cycle.due[s.step as Step] = s.due_date;
  }

  const rows = await db
    .selectFrom("assessments as a")
    .innerJoin("people as p", "p.id", "a.person_id")
    .select((eb) => [
      "a.id",
      "a.cycle_id",
      "a.organisation_id",
      "a.person_id",
      "a.manager_id",
      "a.state",
      "a.person_signed_at",
      "a.manager_signed_at",
      "a.due_on",
      "a.updated_at",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
      // When it entered its current state: the latest history entry that moved it there.
      eb
        .selectFrom("assessment_history as h")
        .select((h) => h.fn.max("h.at").as("at"))
        .whereRef("h.assessment_id", "=", "a.id")
        .whereRef("h.to_state", "=", "a.state")
        .as("state_since"),
    ])
    .where("a.cycle_id", "in", cycleIds)
    .where("a.state", "not in", ["signed_off", "withdrawn"])
    .orderBy("a.id")
    .execute();
  for (const cycle of cycles.values()) {
    const facts = byOrganisation.get(cycle.organisationId) ?? { cycles: [], assessments: [] };
    (facts.cycles as CycleFacts[]).push(cycle);
    byOrganisation.set(cycle.organisationId, facts);
  }
  for (const row of rows) {
    const facts = byOrganisation.get(row.organisation_id);
    if (!facts) continue;
    const assessment: AssessmentFacts = {
      id: row.id,
      cycleId: row.cycle_id,
      personId: row.person_id,
      personName: displayName(row),
      managerId: row.manager_id,
      state: row.state,
      personSignedAt: row.person_signed_at,
      managerSignedAt: row.manager_signed_at,
      stateSince: (row.state_since as string | null) ?? row.updated_at,
      dueOn: row.due_on,
    };
    (facts.assessments as AssessmentFacts[]).push(assessment);
  }
  return byOrganisation;
}

/** Someone a reminder can be written to: their address, language and organisation. */
export interface Recipient {
  personId: string;
  organisationId: string;
  organisationSlug: string;
  name: string;
  /** The person's own address, else their account's; null: nobody to write to. */
  email: string | null;
  lang: "en" | "fr";
  mode: ReminderMode;
}

/** The people (who have not left) among `personIds`, with their address, language and setting. */
export async function loadRecipients(db: Kysely<DB>, personIds: readonly string[]): Promise<Map<string, Recipient>> {
  const recipients = new Map<string, Recipient>();
  if (personIds.length === 0) return recipients;
  const rows = await db
    .selectFrom("people as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .leftJoin("users as u", "u.id", "p.user_id")
    .leftJoin("reminder_settings as s", "s.person_id", "p.id")
    .select([
      "p.id",
      "p.organisation_id",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
      "p.email",
      "p.preferred_lang",
      "p.status",
      "o.slug",
      "o.default_lang",
      "u.email as account_email",
      "s.mode",
    ])
    .where("p.id", "in", [...personIds])
    .execute();
  for (const row of rows) {
    if (row.status === "left") continue;
    const lang = [row.preferred_lang, row.default_lang].find((l) => l === "en" || l === "fr") ?? "en";
    recipients.set(row.id, {
      personId: row.id,
      organisationId: row.organisation_id,
      organisationSlug: row.slug,
      name: displayName(row),
      email: row.email || row.account_email || null,
      lang: lang as "en" | "fr",
      mode: row.mode === "weekly" ? "weekly" : "each",
    });
  }
  return recipients;
}

/** Which of these keys were already sent (or claimed) for these people: "person|key". */
export async function sentKeys(db: Kysely<DB>, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("reminders_sent")
    .select(["person_id", "reminder_key"])
    .where("person_id", "in", [...personIds])
    .execute();
  return new Set(rows.map((r) => `${r.person_id}|${r.reminder_key}`));
}

/**
 * Claims the keys of one message for the person, in one transaction: each key is inserted unless it
 * is already there (the unique index decides between two processes). Returns the keys this call
 * claimed; the message is sent only with what they cover.
 */
export async function claimKeys(
  db: Kysely<DB>,
  claim: { personId: string; keys: readonly { key: string; assessmentId: string | null }[]; at: string },
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const claimed: string[] = [];
    for (const { key, assessmentId } of claim.keys) {
      const result = await trx
        .insertInto("reminders_sent")
        .values({
          id: randomUUID(),
          person_id: claim.personId,
          assessment_id: assessmentId,
          reminder_key: key,
          sent_at: claim.at,
        })
        .onConflict((oc) => oc.columns(["person_id", "reminder_key"]).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 1) claimed.push(key);
    }
    return claimed;
  });
}

/** Gives back keys whose message could not be sent, so the next run tries again. */
export async function releaseKeys(db: Kysely<DB>, personId: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .deleteFrom("reminders_sent")
    .where("person_id", "=", personId)
    .where("reminder_key", "in", [...keys])
    .execute();
}

export async function reminderMode(db: Kysely<DB>, personId: string): Promise<ReminderMode> {
  const row = await db
    .selectFrom("reminder_settings")
    .select("mode")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row?.mode === "weekly" ? "weekly" : "each";
}

export async function saveReminderMode(
  db: Kysely<DB>,
  personId: string,
  mode: ReminderMode,
  at: string,
): Promise<void> {
  await db
    .insertInto("reminder_settings")
    .values({ person_id: personId, mode, updated_at: at })
    .onConflict((oc) => oc.column("person_id").doUpdateSet({ mode, updated_at: at }))
    .execute();
}
