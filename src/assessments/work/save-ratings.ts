/**
 * Saving ratings (decision 032): one group of fields (self, manager or agreed) of one or more
 * competencies, all or nothing — one conflicting field refuses the whole save, which the page shows
 * with the user's input kept. The autosave's path: decided on the light read (compare and set), as
 * durable on PostgreSQL as on SQLite (decision 032's second addendum).
 */
import { randomUUID } from "node:crypto";
import { CompiledQuery, type ExpressionBuilder, type Kysely, sql } from "kysely";
import { isPostgres } from "../../auth/accounts.ts";
import type { DB } from "../../db/schema.ts";
import type { ChangeAuthor } from "../../people/organisations/changes.ts";
import { decide, type FieldGroup, type Party, type Standing } from "./states.ts";
import {
  AssessmentConflict,
  type AssessmentRef,
  AssessmentRefused,
  blank,
  COLUMNS,
  type Columns,
  decideOrThrow,
  type FieldConflict,
  type Fields,
  history,
  type ItemChange,
  lockForWrite,
  moveState,
  type Saved,
  standingOf,
} from "./store.ts";

/** A save decided on a read that the row no longer matched: it runs again, reading under the lock. */
class StaleRead extends Error {}

/** The item as the earlier read saw it, in the shape the save's decision reads. */
function storedItem(change: ItemChange, columns: Columns): DB["assessment_items"] {
  const stored = change.stored as Fields;
  const item = { framework_id: change.frameworkId, item_id: change.itemId } as Record<string, unknown>;
  item[columns.level] = stored.level;
  if (columns.comment) item[columns.comment] = stored.comment ?? null;
  return item as unknown as DB["assessment_items"];
}

/** The row still holds what the earlier read saw (null compared as a value, on both databases). */
function holds(eb: ExpressionBuilder<DB, "assessment_items">, columns: Columns, stored: Fields) {
  const same = (column: Columns["level"] | NonNullable<Columns["comment"]>, value: number | string | null) =>
    value === null ? eb(column, "is", null) : eb(column, "=", value);
  const checks = [same(columns.level, stored.level)];
  if (columns.comment) checks.push(same(columns.comment, stored.comment ?? null));
  return eb.and(checks);
}

/**
 * What saving one competency's group does, decided on the values it holds now: the columns to set,
 * and the fields changed since the form was loaded to something else than wanted (conflicts).
 */
export function planChange(columns: Columns, current: Fields, change: ItemChange) {
  const wanted: Fields = { level: change.values.level };
  const loaded: Fields = { level: change.previous.level };
  if (columns.comment) {
    wanted.comment = blank(change.values.comment);
    loaded.comment = blank(change.previous.comment);
  }
  const set: Record<string, number | string | null> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of ["level", "comment"] as const) {
    if (!(field in wanted)) continue;
    const now = current[field] ?? null;
    const want = wanted[field] ?? null;
    if (now === want) continue;
    if (now !== (loaded[field] ?? null)) {
      conflicts.push({ frameworkId: change.frameworkId, itemId: change.itemId, field, theirs: now, yours: want });
      continue;
    }
    set[field === "level" ? columns.level : (columns.comment as string)] = want;
  }
  return { set, conflicts, wanted };
}

/** Saves one group of fields of one or more competencies, all or nothing. */
export async function saveRatings(db: Kysely<DB>, ref: AssessmentRef, input: RatingsInput): Promise<Saved> {
  if (input.read && isPostgres(db)) {
    const saved = await saveInOneStatement(db, ref, input, input.read);
    if (saved) return saved;
  }
  if (input.changes.some((change) => change.stored)) {
    try {
      return await saveRatingsOnce(db, ref, input);
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
    }
  }
  return saveRatingsOnce(db, ref, { ...input, changes: input.changes.map(({ stored: _stored, ...change }) => change) });
}

interface RatingsInput {
  group: FieldGroup;
  changes: ItemChange[];
  party: Party;
  actor: ChangeAuthor;
  now?: Date;
  /** The assessment as the request's light read saw it (with `stored` on the change: the fast path). */
  read?: ReadStanding;
}

/** What the light read saw of the assessment itself: the one-statement save decides on it. */
export interface ReadStanding {
  standing: Standing;
  /** The number of levels of the cycle's scale. */
  levels: number;
}

/**
 * PostgreSQL's autosave in one statement (decision 032, third addendum): one competency, decided on
 * the light read — the assessment's standing and the competency's stored values — and written only
 * if the row still holds both; the version bump (which takes the assessment's lock, as lockForWrite
 * does), the item and its history line in one atomic statement, so no BEGIN, lock, insert and COMMIT
 * round trips. Undefined when this path does not apply (several competencies, a save that moves the
 * state, a conflict or nothing to do on the read) or when the row had moved on: the save then runs
 * as before, and decides again. That fallback may follow a version bump of this statement, which
 * wrote nothing else — a version says "something may have changed", as lockForWrite's does.
 */
async function saveInOneStatement(
  db: Kysely<DB>,
  ref: AssessmentRef,
  input: RatingsInput,
  read: ReadStanding,
): Promise<Saved | undefined> {
  const [change] = input.changes;
  if (input.changes.length !== 1 || !change?.stored) return undefined;
  const decision = decide(read.standing, { kind: "save", group: input.group }, input.party);
  if (!decision.ok || decision.next.state !== read.standing.state) return undefined;
  const level = change.values.level;
  if (level !== null && (!Number.isInteger(level) || level < 1 || level > read.levels)) return undefined;
  const columns = COLUMNS[input.group];
  const stored = change.stored;
  const current: Fields = { level: stored.level };
  if (columns.comment) current.comment = blank(stored.comment);
  const plan = planChange(columns, current, change);
  if (plan.conflicts.length > 0 || Object.keys(plan.set).length === 0) return undefined;
  const at = (input.now ?? new Date()).toISOString();
  const detail = JSON.stringify({
    item: change.itemId,
    framework: change.frameworkId,
    group: input.group,
    before: current,
    after: plan.wanted,
  });
  const { standing } = read;
  const values: unknown[] = [
    at,
    ref.assessmentId,
    ref.organisationId,
    standing.state,
    standing.personSigned,
    standing.reviewerSigned,
    change.frameworkId,
    change.itemId,
    randomUUID(),
    input.actor.id,
    input.actor.label.slice(0, 300),
    detail,
    plan.wanted.level ?? null,
    stored.level ?? null,
  ];
  if (columns.comment) values.push(plan.wanted.comment ?? null, stored.comment ?? null);
  const result = await db.executeQuery<{ version: number; written: number | string }>(
    CompiledQuery.raw(oneStatementSql(columns), values),
  );
  const row = result.rows[0];
  if (!row || Number(row.written) !== 1) return undefined;
  return { version: Number(row.version), state: standing.state, at };
}

/**
 * The statement, per group of columns (identifiers from COLUMNS only; every value a parameter). The
 * item's update reads the assessment's row from the version bump, so it runs after the lock is
 * taken; the history line's time is at least a millisecond after the last line's (see history()).
 * Its durability is the rating saves' (set_config with is_local: this statement's transaction).
 */
const oneStatementSql = (columns: Columns) => {
  const item = columns.comment ? `${columns.level} = $13, ${columns.comment} = $15` : `${columns.level} = $13`;
  const holds = columns.comment
    ? `${columns.level} is not distinct from $14 and ${columns.comment} is not distinct from $16`
    : `${columns.level} is not distinct from $14`;
  return `with a as (
  update assessments set version = version + 1, updated_at = $1
  where id = $2 and organisation_id = $3 and state = $4
    and (person_signed_at is not null) = $5 and (manager_signed_at is not null) = $6
    and exists (select 1 from review_cycles c where c.id = assessments.cycle_id and c.state = 'open')
  returning id, version
), i as (
  update assessment_items set ${item}, updated_at = $1
  where assessment_id = (select id from a) and framework_id = $7 and item_id = $8 and ${holds}
  returning assessment_id
), h as (
  insert into assessment_history (id, assessment_id, at, actor_id, actor_label, event, from_state, to_state, detail)
  select $9, i.assessment_id, greatest($1::text, coalesce(to_char(
      (select max(at) from assessment_history where assessment_id = $2)::timestamptz at time zone 'UTC'
        + interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), $1::text)),
    $10, $11, 'rating', null, null, $12
  from i
  returning 1
)
select a.version, (select count(*) from h) as written, set_config('synchronous_commit', 'off', true) as durability
from a`;
};

async function saveRatingsOnce(db: Kysely<DB>, ref: AssessmentRef, input: RatingsInput): Promise<Saved> {
  const at = (input.now ?? new Date()).toISOString();
  const columns = COLUMNS[input.group];
  return db.transaction().execute(async (trx) => {
    // A rating save is as durable on PostgreSQL as every write is on SQLite (WAL, synchronous =
    // NORMAL): kept through any crash of the application; a crash of the database server or the
    // machine may lose the last moments of saves, never corrupt them. It spares waiting for the disk
    // on each autosave, which costs more than the save (decision 032's addendum).
    if (isPostgres(db)) await sql`set local synchronous_commit = off`.execute(trx);
    const { row, cycle, log } = await lockForWrite(trx, ref, at);
    const next = decideOrThrow(standingOf(row, cycle.state), { kind: "save", group: input.group }, input.party);
    const levels = cycle.levels;
    const conflicts: FieldConflict[] = [];
    const writes: { change: ItemChange; set: Record<string, unknown>; before: Fields; after: Fields }[] = [];
    for (const change of input.changes) {
      const level = change.values.level;
      if (level !== null && (!Number.isInteger(level) || level < 1 || level > levels))
        throw new AssessmentRefused("level");
      const item = change.stored
        ? storedItem(change, columns)
        : await trx
            .selectFrom("assessment_items")
            .selectAll()
            .where("assessment_id", "=", row.id)
            .where("framework_id", "=", change.frameworkId)
            .where("item_id", "=", change.itemId)
            .executeTakeFirst();
      if (!item) throw new AssessmentRefused("item");
      const current: Fields = { level: item[columns.level] };
      if (columns.comment) current.comment = blank(item[columns.comment]);
      const plan = planChange(columns, current, change);
      conflicts.push(...plan.conflicts);
      if (Object.keys(plan.set).length > 0) writes.push({ change, set: plan.set, before: current, after: plan.wanted });
    }
    const decidedOnStored = input.changes.some((change) => change.stored);
    // A conflict or "nothing changed" decided on the earlier read is checked against the row itself.
    if (decidedOnStored && (conflicts.length > 0 || writes.length === 0)) throw new StaleRead();
    if (conflicts.length > 0) throw new AssessmentConflict(conflicts);
    for (const write of writes) {
      const stored = write.change.stored;
      const updated = await trx
        .updateTable("assessment_items")
        .set({ ...write.set, updated_at: at })
        .where("assessment_id", "=", row.id)
        .where("framework_id", "=", write.change.frameworkId)
        .where("item_id", "=", write.change.itemId)
        .$if(stored !== undefined, (query) => query.where((eb) => holds(eb, columns, stored as Fields)))
        .executeTakeFirst();
      if (stored && Number(updated.numUpdatedRows) !== 1) throw new StaleRead();
      await history(trx, log, input.actor, at, "rating", {
        item: write.change.itemId,
        framework: write.change.frameworkId,
        group: input.group,
        before: write.before,
        after: write.after,
      });
    }
    if (writes.length > 0) await moveState(trx, log, row, next, input.actor, at);
    return { version: row.version, state: writes.length > 0 ? next.state : row.state, at };
  });
}
