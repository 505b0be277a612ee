/**
 * The organisation's change history (`organisation_changes`, decision 024): every write to a person,
 * unit, role or setting records who made it, when, and the record before and after, in the same
 * transaction as the write itself, so no change is stored without its trace.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/** Who made a change: an account (its id and a label kept when the account goes), or a process. */
export interface ChangeActor {
  id: string | null;
  label: string;
}

/** The change actor for a signed-in account. */
export const changeActorOf = (account: { id: string; name: string | null; email: string }): ChangeActor => ({
  id: account.id,
  label: account.name ?? account.email,
});

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

export async function recordChange(db: Kysely<DB>, change: ChangeRecord, now = new Date()): Promise<void> {
  await db
    .insertInto("organisation_changes")
    .values({
      id: randomUUID(),
      organisation_id: change.organisationId,
      at: now.toISOString(),
      actor_id: change.actor.id,
      actor_label: change.actor.label.slice(0, 254),
      subject_kind: change.subjectKind,
      subject_id: change.subjectId,
      action: change.action,
      batch_id: change.batchId ?? randomUUID(),
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    })
    .execute();
}
