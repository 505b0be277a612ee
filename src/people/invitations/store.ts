/**
 * Invitations of an organisation's people to sign in (migration 011). An invitation is a random
 * token in a link; only its hash is stored, with the person, the address, the language and who
 * invited. A new invitation replaces the person's earlier ones. Accepting uses the link up and links
 * the account to the person in one transaction, so of two requests with the same link only one
 * succeeds; the link is written to the organisation's change history.
 *
 * Only people already in the organisation (added by its administrators or imported) can be invited:
 * there is no way to sign up into an organisation.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { hashToken, INVITATION_TTL_MS, isWellFormedToken, newInvitationToken } from "../../auth/secrets.ts";
import type { DB, Person } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import type { Actor } from "../../policy/index.ts";
import { PERSON_ACCOUNT } from "../staff/store.ts";

export interface IssuedInvitation {
  token: string;
  expiresAt: Date;
  email: string;
  lang: "en" | "fr";
}

/** Why a person cannot be invited (shown to the administrator). */
export type NotInvitable = "no_email" | "has_account" | "left";

export function whyNotInvitable(person: Pick<Person, "email" | "user_id" | "status">): NotInvitable | null {
  if (person.status === "left") return "left";
  if (person.user_id) return "has_account";
  if (!person.email) return "no_email";
  return null;
}

export const langOf = (value: string): "en" | "fr" => (value === "fr" ? "fr" : "en");

/** Issues a new invitation for the person (replacing any earlier one); the token is returned once. */
export async function issueInvitation(
  db: Kysely<DB>,
  input: { organisationId: string; person: Person; invitedBy: Actor; now?: Date },
): Promise<IssuedInvitation> {
  const { person } = input;
  if (!person.email || whyNotInvitable(person)) throw new Error("this person cannot be invited");
  const now = input.now ?? new Date();
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const lang = langOf(person.preferred_lang);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("person_invitations")
      .where("organisation_id", "=", input.organisationId)
      .where("person_id", "=", person.id)
      .execute();
    await trx
      .insertInto("person_invitations")
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        person_id: person.id,
        token_hash: hashToken(token),
        email: person.email as string,
        lang,
        invited_by: input.invitedBy.id,
        invited_by_label: input.invitedBy.name ?? input.invitedBy.email,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
  });
  return { token, expiresAt, email: person.email, lang };
}

export interface OpenInvitation {
  id: string;
  email: string;
  lang: "en" | "fr";
  expiresAt: string;
  person: Person;
}

/**
 * The current invitation a token opens in this organisation, if any: unexpired, for a person still
 * in the organisation, who has not left and has no account yet.
 */
export async function findOpenInvitation(
  db: Kysely<DB>,
  organisationId: string,
  token: string,
  now = new Date(),
): Promise<OpenInvitation | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const row = await db
    .selectFrom("person_invitations")
    .select(["id", "email", "lang", "expires_at", "person_id"])
    .where("organisation_id", "=", organisationId)
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= now.getTime()) return undefined;
  const person = await db
    .selectFrom("people")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", row.person_id)
    .executeTakeFirst();
  if (!person || person.status === "left" || person.user_id) return undefined;
  return { id: row.id, email: row.email, lang: langOf(row.lang), expiresAt: row.expires_at, person };
}

export type AcceptOutcome =
  | { ok: true; personId: string }
  /** The link was used, replaced or has expired meanwhile, or the person changed. */
  | { ok: false; reason: "invalid" }
  /** The account is already another person of this organisation. */
  | { ok: false; reason: "account_taken" };

/**
 * Uses the invitation up and links the account to its person, in one transaction; the change is
 * written to the organisation's history. Exactly one of several parallel acceptances succeeds.
 */
export async function acceptInvitation(
  db: Kysely<DB>,
  input: { organisationId: string; token: string; user: Actor; now?: Date },
): Promise<AcceptOutcome> {
  const now = input.now ?? new Date();
  if (!isWellFormedToken(input.token)) return { ok: false, reason: "invalid" };
  const accepted = db.transaction().execute(async (trx): Promise<AcceptOutcome> => {
    const used = await trx
      .deleteFrom("person_invitations")
      .where("organisation_id", "=", input.organisationId)
      .where("token_hash", "=", hashToken(input.token))
      .returning(["person_id", "expires_at"])
      .executeTakeFirst();
    if (!used || Date.parse(used.expires_at) <= now.getTime()) return { ok: false, reason: "invalid" };
    const taken = await trx
      .selectFrom("people")
      .select("id")
      .where("organisation_id", "=", input.organisationId)
      .where("user_id", "=", input.user.id)
      .executeTakeFirst();
    if (taken) return { ok: false, reason: "account_taken" };
    const linked = await trx
      .updateTable("people")
      .set({ user_id: input.user.id, updated_at: now.toISOString() })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", used.person_id)
      .where("user_id", "is", null)
      .where("status", "!=", "left")
      .executeTakeFirst();
    if (Number(linked.numUpdatedRows) !== 1) return { ok: false, reason: "invalid" };
    await trx
      .insertInto("organisation_changes")
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        at: now.toISOString(),
        actor_id: input.user.id,
        actor_label: input.user.name ?? input.user.email,
        subject_kind: "person",
        subject_id: used.person_id,
        action: "update",
        batch_id: randomUUID(),
        before: JSON.stringify({ user_id: null }),
        after: JSON.stringify({ user_id: input.user.id, via: "invitation" }),
      })
      .execute();
    return { ok: true, personId: used.person_id };
  });
  // The `taken` check answers the usual case; this answers the same account accepting another
  // person's invitation in parallel, linked between our check and our update (PostgreSQL lets both
  // see the account free). The answer is the same; the transaction is rolled back, so this
  // invitation, which the check's answer uses up, stays open.
  return accepted.catch((error: unknown): AcceptOutcome => {
    if (isUniqueViolation(error, PERSON_ACCOUNT)) return { ok: false, reason: "account_taken" };
    throw error;
  });
}
