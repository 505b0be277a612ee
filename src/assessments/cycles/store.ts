/**
 * The review cycle store (issue 15, decision 040): create and edit a draft, open it (through
 * `openCycle`), extend, close and reopen it. Every write checks the version the form was drawn from
 * (a stale form is refused, never silently applied) and records itself in the organisation's change
 * history in the same transaction. What the form alone cannot check — the scale, units, profiles and
 * people being this organisation's — is checked here, and refused per field.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type ChangeAuthor, recordChange } from "../../people/organisations/changes.ts";
import type { FieldErrors } from "../../ui/forms/index.ts";
import { CYCLE_STEPS, type CycleForm, type CycleStep, dueDates, type Extension, peopleLines } from "./form.ts";
import { CycleError, type OpenReport, openCycle } from "./open.ts";
import { type ParticipantSelection, readSelection } from "./participants.ts";

export type CycleState = "draft" | "open" | "closed";

export interface Cycle {
  id: string;
  organisationId: string;
  name: { en: string; fr: string };
  periodStart: string;
  periodEnd: string;
  scaleId: string;
  selection: ParticipantSelection;
  leaverRule: "keep" | "move" | "withdraw";
  state: CycleState;
  openedAt: string | null;
  closedAt: string | null;
  version: number;
  due: Record<CycleStep, string>;
}

export interface CycleSummary extends Cycle {
  /** Assessments in the cycle, and how many are signed off. */
  assessments: number;
  signedOff: number;
}

/** The form refers to something that is not this organisation's, or to nobody (a people line). */
export class CycleInvalidError extends Error {
  constructor(readonly errors: FieldErrors) {
    super("review cycle: invalid");
  }
}

/** The cycle changed since the form was drawn, or is not in a state that allows the action. */
export class CycleConflictError extends Error {
  constructor() {
    super("review cycle: changed meanwhile");
  }
}

export class CycleNotFoundError extends Error {
  constructor() {
    super("review cycle: not found");
  }
}

function toCycle(row: DB["review_cycles"], steps: DB["review_cycle_steps"][]): Cycle {
  const due = Object.fromEntries(CYCLE_STEPS.map((s) => [s, ""])) as Record<CycleStep, string>;
  for (const step of steps) due[step.step as CycleStep] = step.due_date;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: { en: row.name_en, fr: row.name_fr },
    periodStart: row.period_start,
    periodEnd: row.period_end,
    scaleId: row.scale_id,
    // A damaged selection is shown as nobody chosen; opening refuses it (open.ts).
    selection: readSelection(row.participants) ?? { units: [], profiles: [], people: [] },
    leaverRule: row.leaver_rule as Cycle["leaverRule"],
    state: row.state as CycleState,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    version: row.version,
    due,
  };
}

export async function findCycle(db: Kysely<DB>, organisationId: string, cycleId: string): Promise<Cycle | undefined> {
  const row = await db
    .selectFrom("review_cycles")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", cycleId)
    .executeTakeFirst();
  if (!row) return undefined;
  const steps = await db.selectFrom("review_cycle_steps").selectAll().where("cycle_id", "=", row.id).execute();
  return toCycle(row, steps);
}

/** The organisation's cycles, newest period first, with their counts. */
export async function listCycles(db: Kysely<DB>, organisationId: string): Promise<CycleSummary[]> {
  const rows = await db
    .selectFrom("review_cycles")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .orderBy("period_start", "desc")
    .orderBy("name_en")
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [steps, counts] = await Promise.all([
    db.selectFrom("review_cycle_steps").selectAll().where("cycle_id", "in", ids).execute(),
    db
      .selectFrom("assessments")
      .select(["cycle_id", "state", (eb) => eb.fn.countAll().as("n")])
      .where("cycle_id", "in", ids)
      .groupBy(["cycle_id", "state"])
      .execute(),
  ]);
  return rows.map((row) => {
    const mine = counts.filter((c) => c.cycle_id === row.id);
    return {
      ...toCycle(
        row,
        steps.filter((s) => s.cycle_id === row.id),
      ),
      assessments: mine.reduce((sum, c) => sum + Number(c.n), 0),
      signedOff: mine.filter((c) => c.state === "signed_off").reduce((sum, c) => sum + Number(c.n), 0),
    };
  });
}

/** The scales a cycle may use: the instance's default and the organisation's own. */
export async function cycleScales(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom("proficiency_scales")
    .select(["id", "name_en", "name_fr", "organisation_id"])
    .where((eb) => eb.or([eb("organisation_id", "is", null), eb("organisation_id", "=", organisationId)]))
    .orderBy("organisation_id")
    .orderBy("name_en")
    .execute();
}

/**
 * The participants a form names, as ids of this organisation's units, profiles and people. A people
 * line is an e-mail address or an employee number; each line that matches nobody (or someone who has
 * left) is refused by its number.
 */
async function resolveSelection(
  db: Kysely<DB>,
  organisationId: string,
  form: CycleForm,
): Promise<{ selection: ParticipantSelection; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const [units, profiles, scale] = await Promise.all([
    form.units.length === 0
      ? []
      : db
          .selectFrom("units")
          .select("id")
          .where("organisation_id", "=", organisationId)
          .where("id", "in", form.units)
          .execute(),
    form.profiles.length === 0
      ? []
      : db
          .selectFrom("job_profiles")
          .select("id")
          .where("organisation_id", "=", organisationId)
          .where("id", "in", form.profiles)
          .execute(),
    (await cycleScales(db, organisationId)).find((s) => s.id === form.scale),
  ]);
  if (units.length !== new Set(form.units).size) errors.units = "cyclesErrorUnknownChoice";
  if (profiles.length !== new Set(form.profiles).size) errors.profiles = "cyclesErrorUnknownChoice";
  if (!scale) errors.scale = "formChoose";

  const lines = peopleLines(form.people);
  const people = new Set<string>();
  if (lines.length > 0) {
    const staff = await db
      .selectFrom("people")
      .select(["id", "email", "employee_number", "status"])
      .where("organisation_id", "=", organisationId)
      .where("status", "!=", "left")
      .execute();
    const byKey = new Map<string, string>();
    for (const person of staff) {
      byKey.set(`n:${person.employee_number}`, person.id);
      if (person.email) byKey.set(`e:${person.email.toLowerCase()}`, person.id);
    }
    for (const { line, text } of lines) {
      const id = text.includes("@") ? byKey.get(`e:${text.toLowerCase()}`) : byKey.get(`n:${text}`);
      if (id) people.add(id);
      else {
        // The first unknown line is named (the field shows one message); the rest follow once fixed.
        errors.people = { key: "cyclesErrorPersonLine", args: [line, text.slice(0, 80)] };
        break;
      }
    }
  }
  return {
    selection: { units: [...new Set(form.units)], profiles: [...new Set(form.profiles)], people: [...people] },
    errors,
  };
}

/** How a stored selection's people are written back into the form: one employee number a line. */
export async function peopleAsLines(db: Kysely<DB>, organisationId: string, ids: readonly string[]): Promise<string> {
  if (ids.length === 0) return "";
  const rows = await db
    .selectFrom("people")
    .select(["id", "employee_number"])
    .where("organisation_id", "=", organisationId)
    .where("id", "in", ids)
    .orderBy("employee_number")
    .execute();
  return rows.map((r) => r.employee_number).join("\n");
}

function stepRows(cycleId: string, due: Record<CycleStep, string>): DB["review_cycle_steps"][] {
  return CYCLE_STEPS.map((step) => ({ cycle_id: cycleId, step, due_date: due[step] }));
}

/** The cycle's steps as given (an edit of a draft, an extension). */
async function replaceSteps(trx: Kysely<DB>, cycleId: string, due: Record<CycleStep, string>): Promise<void> {
  await trx.deleteFrom("review_cycle_steps").where("cycle_id", "=", cycleId).execute();
  await trx.insertInto("review_cycle_steps").values(stepRows(cycleId, due)).execute();
}

/** One change of a cycle in the organisation's history: what it was, what it became. */
function recordCycleUpdate(
  trx: Kysely<DB>,
  author: ChangeAuthor,
  organisationId: string,
  cycleId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  now: Date,
) {
  return recordChange(
    trx,
    author,
    { organisationId, subject: "cycle", subjectId: cycleId, action: "update", before, after },
    now,
  );
}

/** What the change history keeps of a cycle. */
const snapshot = (c: Cycle) => ({
  name: c.name,
  period: [c.periodStart, c.periodEnd],
  scale: c.scaleId,
  participants: c.selection,
  leaverRule: c.leaverRule,
  state: c.state,
  due: c.due,
});

export async function createCycle(
  db: Kysely<DB>,
  organisationId: string,
  form: CycleForm,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Cycle> {
  return db.transaction().execute(async (trx) => {
    const { selection, errors } = await resolveSelection(trx, organisationId, form);
    if (Object.keys(errors).length > 0) throw new CycleInvalidError(errors);
    const at = now.toISOString();
    const id = randomUUID();
    await trx
      .insertInto("review_cycles")
      .values({
        id,
        organisation_id: organisationId,
        name_en: form.name_en,
        name_fr: form.name_fr,
        period_start: form.period_start,
        period_end: form.period_end,
        scale_id: form.scale,
        participants: JSON.stringify(selection),
        leaver_rule: form.leaver_rule,
        state: "draft",
        opened_at: null,
        closed_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: author.id,
      })
      .execute();
    await trx
      .insertInto("review_cycle_steps")
      .values(stepRows(id, dueDates(form)))
      .execute();
    const cycle = (await findCycle(trx, organisationId, id)) as Cycle;
    await recordChange(
      trx,
      author,
      { organisationId, subject: "cycle", subjectId: id, action: "create", after: snapshot(cycle) },
      now,
    );
    return cycle;
  });
}

/** Moves the cycle on by one version if it is still at `version` (and in one of `states`). */
async function claim(
  trx: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  states: readonly CycleState[],
): Promise<Cycle> {
  const cycle = await findCycle(trx, organisationId, cycleId);
  if (!cycle) throw new CycleNotFoundError();
  if (cycle.version !== version || !states.includes(cycle.state)) throw new CycleConflictError();
  const moved = await trx
    .updateTable("review_cycles")
    .set({ version: version + 1 })
    .where("id", "=", cycleId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new CycleConflictError();
  return cycle;
}

/** Saves a draft's form; only a draft is edited so (an open cycle is extended). */
export async function updateDraft(
  db: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  form: CycleForm,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Cycle> {
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, organisationId, cycleId, version, ["draft"]);
    const { selection, errors } = await resolveSelection(trx, organisationId, form);
    if (Object.keys(errors).length > 0) throw new CycleInvalidError(errors);
    await trx
      .updateTable("review_cycles")
      .set({
        name_en: form.name_en,
        name_fr: form.name_fr,
        period_start: form.period_start,
        period_end: form.period_end,
        scale_id: form.scale,
        participants: JSON.stringify(selection),
        leaver_rule: form.leaver_rule,
        updated_at: now.toISOString(),
        updated_by: author.id,
      })
      .where("id", "=", cycleId)
      .execute();
    await replaceSteps(trx, cycleId, dueDates(form));
    const after = (await findCycle(trx, organisationId, cycleId)) as Cycle;
    await recordCycleUpdate(trx, author, organisationId, cycleId, snapshot(before), snapshot(after), now);
    return after;
  });
}

/**
 * Opens a draft, or opens again an open cycle to add the people who joined its selection since
 * (nobody gets two assessments: openCycle adds only who is missing). One transaction: the version
 * check holds the cycle's row, so two people opening at once cannot both pass it.
 */
export async function openAndRecord(
  db: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  author: ChangeAuthor,
  now = new Date(),
): Promise<OpenReport> {
  return db.transaction().execute((trx) => openInTransaction(trx, organisationId, cycleId, version, author, now));
}

async function openInTransaction(
  trx: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  author: ChangeAuthor,
  now: Date,
): Promise<OpenReport> {
  const before = await findCycle(trx, organisationId, cycleId);
  if (!before) throw new CycleNotFoundError();
  // Touches the row at the version the form was drawn from: a concurrent opening waits for this
  // transaction, then finds another version (openCycle moves it on) and is refused.
  const held = await trx
    .updateTable("review_cycles")
    .set({ updated_at: now.toISOString() })
    .where("id", "=", cycleId)
    .where("version", "=", version)
    .where("state", "!=", "closed")
    .executeTakeFirst();
  if (Number(held.numUpdatedRows) !== 1) throw new CycleConflictError();
  let report: OpenReport;
  try {
    report = await openCycle(trx, { organisationId, cycleId, author, now });
  } catch (error) {
    if (error instanceof CycleError && error.problem === "not-found") throw new CycleNotFoundError();
    if (error instanceof CycleError) throw new CycleConflictError();
    throw error;
  }
  await recordCycleUpdate(
    trx,
    author,
    organisationId,
    cycleId,
    { state: before.state },
    { state: "open", created: report.created, withoutProfile: report.withoutProfile },
    now,
  );
  return report;
}

/** Moves the period's end and the due dates later (checked by `checkExtension`). */
export async function extendCycle(
  db: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  extension: Extension,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Cycle> {
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, organisationId, cycleId, version, ["draft", "open"]);
    // The form was checked against the cycle it was drawn from; the version says it is this one.
    await trx
      .updateTable("review_cycles")
      .set({ period_end: extension.periodEnd, updated_at: now.toISOString(), updated_by: author.id })
      .where("id", "=", cycleId)
      .execute();
    await replaceSteps(trx, cycleId, extension.due);
    const after = (await findCycle(trx, organisationId, cycleId)) as Cycle;
    await recordCycleUpdate(
      trx,
      author,
      organisationId,
      cycleId,
      { periodEnd: before.periodEnd, due: before.due },
      { periodEnd: after.periodEnd, due: after.due },
      now,
    );
    return after;
  });
}

async function changeState(
  trx: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  from: CycleState,
  to: CycleState,
  author: ChangeAuthor,
  now: Date,
): Promise<Cycle> {
  const before = await claim(trx, organisationId, cycleId, version, [from]);
  const at = now.toISOString();
  await trx
    .updateTable("review_cycles")
    .set({ state: to, closed_at: to === "closed" ? at : null, updated_at: at, updated_by: author.id })
    .where("id", "=", cycleId)
    .execute();
  await recordCycleUpdate(trx, author, organisationId, cycleId, { state: before.state }, { state: to }, now);
  return (await findCycle(trx, organisationId, cycleId)) as Cycle;
}

/** Closes an open cycle: its assessments stay readable, and nothing in it is edited any more. */
export const closeCycle = (
  db: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  author: ChangeAuthor,
  now = new Date(),
) =>
  db.transaction().execute((trx) => changeState(trx, organisationId, cycleId, version, "open", "closed", author, now));

/**
 * Reopens a closed cycle and adds whoever joined its selection since it was opened (as opening again
 * does), in one transaction.
 */
export async function reopenCycle(
  db: Kysely<DB>,
  organisationId: string,
  cycleId: string,
  version: number,
  author: ChangeAuthor,
  now = new Date(),
): Promise<OpenReport> {
  return db.transaction().execute(async (trx) => {
    const reopened = await changeState(trx, organisationId, cycleId, version, "closed", "open", author, now);
    return openInTransaction(trx, organisationId, cycleId, reopened.version, author, now);
  });
}
