/**
 * Saving ratings (decision 032): one group of fields (self, manager or agreed) of one or more
 * competencies, all or nothing — one conflicting field refuses the whole save, which the page shows
 * with the user's input kept. The autosave's path: decided on the light read (compare and set), as
 * durable on PostgreSQL as on SQLite (decision 032's second addendum).
 */
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { isPostgres } from "../../auth/accounts.ts";
import type { DB } from "../../db/schema.ts";
import type { ChangeAuthor } from "../../people/organisations/changes.ts";
import type { FieldGroup, Party } from "./states.ts";
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

/** The assessment whose history a transaction writes, and the time of its last line (read with the lock). */
/** Saves one group of fields of one or more competencies, all or nothing. */
export async function saveRatings(db: Kysely<DB>, ref: AssessmentRef, input: RatingsInput): Promise<Saved> {
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
}

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
      const wanted: Fields = { level };
      const loaded: Fields = { level: change.previous.level };
      if (columns.comment) {
        current.comment = blank(item[columns.comment]);
        wanted.comment = blank(change.values.comment);
        loaded.comment = blank(change.previous.comment);
      }
      const set: Record<string, unknown> = {};
      for (const field of ["level", "comment"] as const) {
        if (!(field in wanted)) continue;
        const now = current[field] ?? null;
        const want = wanted[field] ?? null;
        if (now === want) continue;
        if (now !== (loaded[field] ?? null)) {
          conflicts.push({ frameworkId: item.framework_id, itemId: item.item_id, field, theirs: now, yours: want });
          continue;
        }
        set[field === "level" ? columns.level : (columns.comment as string)] = want;
      }
      if (Object.keys(set).length > 0) writes.push({ change, set, before: current, after: wanted });
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
