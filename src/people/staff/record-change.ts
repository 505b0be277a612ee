/**
 * The organisation's change history (`organisation_changes`, decision 024): every write to a person,
 * unit, role or setting records who made it, when, and the record before and after, in the same
 * transaction as the write itself, so no change is stored without its trace.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { authorOf, type ChangeAuthor, recordChange as writeChange } from "../organisations/changes.ts";

/** Who made a change: an account (its id and a label kept when the account goes), or a process. */
export type ChangeActor = ChangeAuthor;

/** The change actor for a signed-in account (one label for the whole history: src/people/organisations/changes.ts). */
export const changeActorOf = authorOf;

export interface ChangeRecord {
  organisationId: string;
  actor: ChangeActor;
  subjectKind: "organisation" | "unit" | "person" | "role";
  subjectId: string;
  action: "create" | "update" | "delete" | "import" | "purge";
  before: object | null;
  after: object | null;
  /** Changes made by one action (an import, a purge) share it; a single change gets its own. */
  batchId?: string;
}

/** The people store's way of saying a change; written by the one writer of the history. */
export async function recordChange(db: Kysely<DB>, change: ChangeRecord, now = new Date()): Promise<void> {
  await writeChange(
    db,
    change.actor,
    {
      organisationId: change.organisationId,
      subject: change.subjectKind,
      subjectId: change.subjectId,
      action: change.action,
      before: change.before ?? undefined,
      after: change.after ?? undefined,
      batchId: change.batchId,
    },
    now,
  );
}
