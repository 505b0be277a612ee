/**
 * Writing an assessment (decision 032). Every write runs in one transaction that first bumps the
 * assessment's `version` (which, on PostgreSQL, also locks its row until the end, so two saves of
 * the same assessment never interleave), asks the workflow table (states.ts) whether this party
 * may, and writes a line of history per change.
 *
 * Concurrency: "the person and the manager editing at once never lose each other's work". Each party
 * writes only its own columns; a save carries the value each field had when the form was loaded.
 * If a field has changed since (someone else saved it) and differs from what this save wants, the
 * save is refused with a conflict naming both values and nothing is written; a field that changed
 * elsewhere but is not touched by this save is left as the other party wrote it.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ChangeAuthor } from "../../people/organisations/changes.ts";
import { currentEdition } from "../../profiles/requirements/read.ts";
import { type Action, decide, type FieldGroup, type Party, type Refusal, type Standing } from "./states.ts";

export interface AssessmentRef {
  organisationId: string;
  assessmentId: string;
}

/** The fields of one group: self and manager have a level and a comment; agreed has a level. */
export interface Fields {
  level: number | null;
  comment?: string | null;
}

export interface ItemChange {
  frameworkId: string;
  itemId: string;
  /** What the form shows now (what to save). */
  values: Fields;
  /** What the form was loaded with. */
  previous: Fields;
  /**
   * What the database held for this competency's group when the request read it, before the save's
   * lock (the light save's read, save-target.ts). Given, the save decides on it and writes only if
   * the row still holds it (compare and set), saving a read under the lock; if it no longer does, or
   * the decision is a conflict or no change, the save runs again reading under the lock.
   */
  stored?: Fields;
}

export interface FieldConflict {
  frameworkId: string;
  itemId: string;
  field: "level" | "comment";
  /** The value saved meanwhile by someone else. */
  theirs: number | string | null;
  /** The value this save wanted. */
  yours: number | string | null;
}

export class AssessmentRefused extends Error {
  constructor(readonly refusal: Refusal | "not-found" | "level" | "item") {
    super(`assessment: ${refusal}`);
  }
}

export class AssessmentConflict extends Error {
  constructor(readonly conflicts: FieldConflict[]) {
    super(`assessment: ${conflicts.length} conflicting field(s)`);
  }
}

export interface Saved {
  version: number;
  state: string;
  at: string;
}

export const COLUMNS = {
  self: { level: "self_level", comment: "self_comment" },
  manager: { level: "manager_level", comment: "manager_comment" },
  agreed: { level: "agreed_level", comment: null },
} as const;

export const blank = (value: string | null | undefined) => (value == null || value.trim() === "" ? null : value);

type Row = DB["assessments"];
export type Columns = (typeof COLUMNS)[FieldGroup];

interface HistoryLog {
  assessmentId: string;
  lastMs: number;
}

/**
 * The assessment row, its version bumped (and, on PostgreSQL, locked), with its cycle's state and the
 * number of levels of the cycle's scale — one statement: these are read on every autosave.
 */
export async function lockForWrite(trx: Transaction<DB>, ref: AssessmentRef, at: string) {
  const updated = await trx
    .updateTable("assessments")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: at }))
    .where("id", "=", ref.assessmentId)
    .where("organisation_id", "=", ref.organisationId)
    .returningAll()
    .returning((eb) => [
      eb
        .selectFrom("review_cycles")
        .select("review_cycles.state")
        .whereRef("review_cycles.id", "=", "assessments.cycle_id")
        .as("cycle_state"),
      eb
        .selectFrom("proficiency_levels")
        .innerJoin("review_cycles", "review_cycles.scale_id", "proficiency_levels.scale_id")
        .select((inner) => inner.fn.countAll().as("n"))
        .whereRef("review_cycles.id", "=", "assessments.cycle_id")
        .as("scale_levels"),
      eb
        .selectFrom("assessment_history")
        .select((inner) => inner.fn.max("assessment_history.at").as("at"))
        .whereRef("assessment_history.assessment_id", "=", "assessments.id")
        .as("last_history_at"),
    ])
    .executeTakeFirst();
  if (!updated) throw new AssessmentRefused("not-found");
  const { cycle_state, scale_levels, last_history_at, ...row } = updated;
  if (cycle_state == null) throw new Error(`the review cycle of assessment ${row.id} is missing`);
  const log: HistoryLog = { assessmentId: row.id, lastMs: last_history_at ? Date.parse(last_history_at) : Number.NaN };
  return { row: row as Row, cycle: { state: cycle_state, levels: Number(scale_levels ?? 0) }, log };
}

export const standingOf = (row: Row, cycleState: string): Standing => ({
  state: row.state as Standing["state"],
  personSigned: row.person_signed_at !== null,
  reviewerSigned: row.manager_signed_at !== null,
  cycleOpen: cycleState === "open",
});

export function decideOrThrow(standing: Standing, action: Action, party: Party): Standing {
  const decision = decide(standing, action, party);
  if (!decision.ok) throw new AssessmentRefused(decision.refusal);
  return decision.next;
}

export async function history(
  trx: Transaction<DB>,
  log: HistoryLog,
  actor: ChangeAuthor,
  at: string,
  event: string,
  detail: Record<string, unknown>,
  states?: { from: string; to: string },
) {
  // The history is read in the order of `at`: each line is at least a millisecond after the last, so
  // two lines written in the same millisecond (a save and the state it moves) keep their order. The
  // last line's time came with the row's lock (lockForWrite), so no query reads it again.
  const when = log.lastMs >= Date.parse(at) ? new Date(log.lastMs + 1).toISOString() : at;
  log.lastMs = Date.parse(when);
  await trx
    .insertInto("assessment_history")
    .values({
      id: randomUUID(),
      assessment_id: log.assessmentId,
      at: when,
      actor_id: actor.id,
      actor_label: actor.label.slice(0, 300),
      event,
      from_state: states?.from ?? null,
      to_state: states?.to ?? null,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/** Writes the state (and what goes with it) when the table moved it, with its history line. */
export async function moveState(
  trx: Transaction<DB>,
  log: HistoryLog,
  row: Row,
  next: Standing,
  actor: ChangeAuthor,
  at: string,
  extra: Partial<Row> = {},
  detail: Record<string, unknown> = {},
) {
  if (next.state === row.state && Object.keys(extra).length === 0) return;
  await trx
    .updateTable("assessments")
    .set({ state: next.state, ...extra })
    .where("id", "=", row.id)
    .execute();
  if (next.state !== row.state)
    await history(trx, log, actor, at, "state", detail, { from: row.state, to: next.state });
}

export interface Conversation {
  notes: string | null;
  date: string | null;
}

/** The conversation's notes and date (the reviewer, in review), with the same conflict rule per field. */
export async function saveConversation(
  db: Kysely<DB>,
  ref: AssessmentRef,
  input: { values: Conversation; previous: Conversation; party: Party; actor: ChangeAuthor; now?: Date },
): Promise<Saved> {
  const at = (input.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const { row, cycle, log } = await lockForWrite(trx, ref, at);
    decideOrThrow(standingOf(row, cycle.state), { kind: "save", group: "agreed" }, input.party);
    const current = { notes: blank(row.conversation_notes), date: blank(row.conversation_date) };
    const wanted = { notes: blank(input.values.notes), date: blank(input.values.date) };
    const loaded = { notes: blank(input.previous.notes), date: blank(input.previous.date) };
    const conflicts: FieldConflict[] = [];
    const set: Partial<Row> = {};
    for (const field of ["notes", "date"] as const) {
      if (current[field] === wanted[field]) continue;
      if (current[field] !== loaded[field])
        conflicts.push({ frameworkId: "", itemId: "", field: "comment", theirs: current[field], yours: wanted[field] });
      else if (field === "notes") set.conversation_notes = wanted.notes;
      else set.conversation_date = wanted.date;
    }
    if (conflicts.length > 0) throw new AssessmentConflict(conflicts);
    if (Object.keys(set).length > 0) {
      await trx.updateTable("assessments").set(set).where("id", "=", row.id).execute();
      await history(trx, log, input.actor, at, "conversation", { before: current, after: wanted });
    }
    return { version: row.version, state: row.state, at };
  });
}

export type StateAction = "submit" | "agree" | "sign" | "reopen" | "withdraw";

/**
 * Submit (person), agree (reviewer), sign (either), reopen (reviewer or HR), withdraw (HR); the last
 * two with a reason. A reopening also sets the assessment's own due date (`dueOn`, checked by the
 * caller, decision 053), in the same transaction and in the history line.
 */
export async function changeState(
  db: Kysely<DB>,
  ref: AssessmentRef,
  input: { action: StateAction; reason?: string; dueOn?: string; party: Party; actor: ChangeAuthor; now?: Date },
): Promise<Saved> {
  const at = (input.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const { row, cycle, log } = await lockForWrite(trx, ref, at);
    const standing = standingOf(row, cycle.state);
    let action: Action;
    if (input.action === "agree") {
      const missing = await trx
        .selectFrom("assessment_items")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("assessment_id", "=", row.id)
        .where("agreed_level", "is", null)
        .executeTakeFirstOrThrow();
      action = { kind: "agree", complete: Number(missing.n) === 0 };
    } else if (input.action === "reopen" || input.action === "withdraw")
      action = { kind: input.action, reason: (input.reason ?? "").slice(0, 2000) };
    else action = { kind: input.action };
    const next = decideOrThrow(standing, action, input.party);
    const extra: Partial<Row> = {};
    if (input.action === "sign") {
      if (input.party === "person") extra.person_signed_at = at;
      else extra.manager_signed_at = at;
    }
    if (input.action === "reopen") {
      extra.reopened_reason = (input.reason ?? "").trim().slice(0, 2000);
      if (input.dueOn !== undefined) extra.due_on = input.dueOn;
      extra.person_signed_at = null;
      extra.manager_signed_at = null;
    }
    await moveState(
      trx,
      log,
      row,
      next,
      input.actor,
      at,
      extra,
      input.action === "reopen"
        ? { reason: extra.reopened_reason, ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}) }
        : input.action === "withdraw"
          ? { reason: (input.reason ?? "").trim().slice(0, 2000) }
          : {},
    );
    if (input.action === "sign") await history(trx, log, input.actor, at, "signed", { party: input.party });
    return { version: row.version, state: next.state, at };
  });
}

/** Adds a competency of the index (pinned to its framework's current edition) as the person's or the manager's. */
export async function addCompetency(
  db: Kysely<DB>,
  ref: AssessmentRef,
  input: { frameworkId: string; itemId: string; party: Party; actor: ChangeAuthor; now?: Date },
): Promise<Saved> {
  const at = (input.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const { row, cycle, log } = await lockForWrite(trx, ref, at);
    const next = decideOrThrow(standingOf(row, cycle.state), { kind: "add-item" }, input.party);
    const edition = await currentEdition(trx, input.frameworkId);
    const published = edition
      ? await trx
          .selectFrom("published_items")
          .select("type_code")
          .where("edition_id", "=", edition.id)
          .where("item_id", "=", input.itemId)
          .executeTakeFirst()
      : undefined;
    if (!edition || published?.type_code !== "competency") throw new AssessmentRefused("item");
    const there = await trx
      .selectFrom("assessment_items")
      .select(["item_id"])
      .where("assessment_id", "=", row.id)
      .where("framework_id", "=", input.frameworkId)
      .where("item_id", "=", input.itemId)
      .executeTakeFirst();
    if (there) return { version: row.version, state: row.state, at };
    const last = await trx
      .selectFrom("assessment_items")
      .select((eb) => eb.fn.max("ordinal").as("n"))
      .where("assessment_id", "=", row.id)
      .executeTakeFirst();
    await trx
      .insertInto("assessment_items")
      .values({
        assessment_id: row.id,
        framework_id: input.frameworkId,
        item_id: input.itemId,
        edition_id: edition.id,
        ordinal: Number(last?.n ?? 0) + 1,
        origin: input.party === "person" ? "person" : "manager",
        target_level: null,
        importance: null,
        self_level: null,
        self_comment: null,
        manager_level: null,
        manager_comment: null,
        agreed_level: null,
        updated_at: at,
      })
      .execute();
    await history(trx, log, input.actor, at, "item-added", { item: input.itemId, framework: input.frameworkId });
    await moveState(trx, log, row, next, input.actor, at);
    return { version: row.version, state: next.state, at };
  });
}

/** Removes a competency the same party added (the profile's are assessed; they stay). */
export async function removeCompetency(
  db: Kysely<DB>,
  ref: AssessmentRef,
  input: { frameworkId: string; itemId: string; party: Party; actor: ChangeAuthor; now?: Date },
): Promise<Saved> {
  const at = (input.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const { row, cycle, log } = await lockForWrite(trx, ref, at);
    const item = await trx
      .selectFrom("assessment_items")
      .select(["origin"])
      .where("assessment_id", "=", row.id)
      .where("framework_id", "=", input.frameworkId)
      .where("item_id", "=", input.itemId)
      .executeTakeFirst();
    if (!item) throw new AssessmentRefused("item");
    const origin = item.origin as "profile" | "person" | "manager";
    const next = decideOrThrow(standingOf(row, cycle.state), { kind: "remove-item", origin }, input.party);
    await trx
      .deleteFrom("assessment_items")
      .where("assessment_id", "=", row.id)
      .where("framework_id", "=", input.frameworkId)
      .where("item_id", "=", input.itemId)
      .execute();
    await history(trx, log, input.actor, at, "item-removed", { item: input.itemId, framework: input.frameworkId });
    await moveState(trx, log, row, next, input.actor, at);
    return { version: row.version, state: next.state, at };
  });
}
