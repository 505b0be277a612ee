/**
 * The organisation's change history (`organisation_changes`): who changed which organisation setting,
 * unit or role, and when, with the values before and after. Every write of this capability records
 * here in the same transaction as the change itself, so the history cannot miss a change nor list
 * one that was rolled back.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * Profiles, postings and scales: issue 14 (migration 016); review cycles: issue 15 (migration 019).
 * People does not know more of them than their name.
 */
export const CHANGE_SUBJECTS = [
  "organisation",
  "unit",
  "person",
  "role",
  "profile",
  "posting",
  "scale",
  "cycle",
] as const;
export type ChangeSubject = (typeof CHANGE_SUBJECTS)[number];
export const CHANGE_ACTIONS = ["create", "update", "delete", "import", "purge"] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** Who made a change: an account (null for the command line), and how it is shown later. */
export interface ChangeAuthor {
  id: string | null;
  label: string;
}

/** The command line acts for whoever runs it: the history names it so. */
export const COMMAND_LINE: ChangeAuthor = { id: null, label: "command line" };

/** How an account is named in the history and the access log: its name and address (names repeat). */
export const actorLabel = (user: { email: string; name: string | null }): string =>
  user.name ? `${user.name} <${user.email}>` : user.email;

export const authorOf = (user: { id: string; email: string; name: string | null }): ChangeAuthor => ({
  id: user.id,
  label: actorLabel(user),
});

export interface ChangeRecord {
  organisationId: string;
  subject: ChangeSubject;
  subjectId: string;
  action: ChangeAction;
  before?: unknown;
  after?: unknown;
  /** Changes made by one action (an import, a deletion with its sub-units) share one. */
  batchId?: string;
}

export async function recordChange(
  db: Kysely<DB>,
  author: ChangeAuthor,
  change: ChangeRecord,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto("organisation_changes")
    .values({
      id: randomUUID(),
      organisation_id: change.organisationId,
      at: now.toISOString(),
      actor_id: author.id,
      actor_label: author.label.slice(0, 254),
      subject_kind: change.subject,
      subject_id: change.subjectId,
      action: change.action,
      batch_id: change.batchId ?? randomUUID(),
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
    })
    .execute();
}

export interface StoredChange {
  id: string;
  at: string;
  actorLabel: string;
  subject: ChangeSubject;
  subjectId: string;
  action: ChangeAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const parsed = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return null;
  }
};

export interface ChangesPage {
  changes: StoredChange[];
  total: number;
}

/** The organisation's changes, newest first, optionally of one kind of subject; paged. */
export async function listChanges(
  db: Kysely<DB>,
  organisationId: string,
  options: { subject?: ChangeSubject; offset?: number; limit?: number } = {},
): Promise<ChangesPage> {
  let query = db.selectFrom("organisation_changes").where("organisation_id", "=", organisationId);
  if (options.subject) query = query.where("subject_kind", "=", options.subject);
  const [rows, count] = await Promise.all([
    query
      .select(["id", "at", "actor_label", "subject_kind", "subject_id", "action", "before", "after"])
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .offset(options.offset ?? 0)
      .limit(options.limit ?? 50)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    changes: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorLabel: row.actor_label,
      subject: row.subject_kind as ChangeSubject,
      subjectId: row.subject_id,
      action: row.action as ChangeAction,
      before: parsed(row.before),
      after: parsed(row.after),
    })),
  };
}
