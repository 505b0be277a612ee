/**
 * The organisation's change history learns review cycles (issue 15): creating, editing, opening,
 * extending, closing and reopening a cycle is recorded there like a profile's changes. Same procedure
 * as migration 016: PostgreSQL swaps the CHECK constraint in place, SQLite rebuilds the table; going
 * down deletes the cycles' history rows first (the narrower check refuses them).
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";
import { rebuildTable, sqliteRebuild } from "./008b_check_constraints.ts";
import { SUBJECTS_016 } from "./016_profile_extras.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

const NAME = "organisation_changes_subject_kind_check";
export const SUBJECTS_019 = [...SUBJECTS_016, "cycle"];

const condition = (values: readonly string[]) => `"subject_kind" in (${values.map((v) => `'${v}'`).join(", ")})`;

async function replaceCheck(db: AnyDB, from: readonly string[], to: readonly string[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(`alter table "organisation_changes" drop constraint "${NAME}"`).execute(db);
    await sql.raw(`alter table "organisation_changes" add constraint "${NAME}" check (${condition(to)})`).execute(db);
    return;
  }
  await sqliteRebuild(db, () =>
    rebuildTable(db, "organisation_changes", (create) => {
      const changed = create.replace(condition(from), condition(to));
      if (changed === create)
        throw new Error("Migration 019: the change history's subject check is not as 016 made it");
      return changed;
    }),
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceCheck(db as AnyDB, SUBJECTS_016, SUBJECTS_019);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDB;
  await any.deleteFrom("organisation_changes").where("subject_kind", "=", "cycle").execute();
  await replaceCheck(any, SUBJECTS_019, SUBJECTS_016);
}
