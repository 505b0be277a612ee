/**
 * The organisation's change history learns the subjects issue 14 writes: job profiles (and their
 * postings) and proficiency scales. Migration 010 froze the subjects in a CHECK constraint; this one
 * widens it. PostgreSQL swaps the constraint in place; SQLite rebuilds the table (008b's procedure).
 * Going down deletes the history rows of the new subjects first (the narrower check refuses them).
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";
import { rebuildTable, sqliteRebuild } from "./008b_check_constraints.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

const NAME = "organisation_changes_subject_kind_check";
const BEFORE = ["organisation", "unit", "person", "role"];
export const SUBJECTS_016 = [...BEFORE, "profile", "posting", "scale"];

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
        throw new Error("Migration 016: the change history's subject check is not as 010 made it");
      return changed;
    }),
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceCheck(db as AnyDB, BEFORE, SUBJECTS_016);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDB;
  await any.deleteFrom("organisation_changes").where("subject_kind", "not in", BEFORE).execute();
  await replaceCheck(any, SUBJECTS_016, BEFORE);
}
