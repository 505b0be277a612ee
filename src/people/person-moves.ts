/**
 * When someone leaves the organisation or moves (another manager, unit or position), capabilities
 * above people may have to follow — a review cycle moves or withdraws the person's assessment
 * (issue 15, decision 040). People must not know them: they register here when the app is composed,
 * and every write that leaves or moves someone announces it inside its own transaction, so what they
 * do is committed, or rolled back, with the change itself.
 */
import type { Kysely } from "kysely";
import type { DB, Person } from "../db/schema.ts";
import type { ChangeAuthor } from "./organisations/changes.ts";

export type MoveKind = "manager" | "unit" | "position";

export interface PersonMove {
  organisationId: string;
  personId: string;
  /** The person left the organisation with this change (status became "left"). */
  left: boolean;
  /** What else changed. */
  moved: MoveKind[];
  /** Their manager after the change. */
  managerId: string | null;
}

export type PersonMoveListener = (
  trx: Kysely<DB>,
  moves: readonly PersonMove[],
  author: ChangeAuthor,
  now: Date,
) => Promise<void>;

const listeners = new Set<PersonMoveListener>();

/** Registers a listener (once, however often it is called); returns how to unregister it. */
export function onPersonMoves(listener: PersonMoveListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What a write of a person's record changed that listeners care about (undefined: nothing). */
export function moveOf(
  before: Pick<Person, "organisation_id" | "id" | "status" | "unit_id" | "manager_id">,
  after: Pick<Person, "status" | "unit_id" | "manager_id">,
): PersonMove | undefined {
  const left = before.status !== "left" && after.status === "left";
  const moved: MoveKind[] = [];
  if (before.manager_id !== after.manager_id) moved.push("manager");
  if (before.unit_id !== after.unit_id) moved.push("unit");
  if (!left && moved.length === 0) return undefined;
  return { organisationId: before.organisation_id, personId: before.id, left, moved, managerId: after.manager_id };
}

/** Tells every listener, in the caller's transaction. */
export async function announceMoves(
  trx: Kysely<DB>,
  moves: readonly (PersonMove | undefined)[],
  author: ChangeAuthor,
  now: Date,
): Promise<void> {
  const real = moves.filter((m): m is PersonMove => m !== undefined);
  if (real.length === 0) return;
  for (const listener of listeners) await listener(trx, real, author, now);
}
