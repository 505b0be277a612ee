/**
 * Who a single sign-on lets in: only a person already in the organisation (invited or imported),
 * found by the e-mail address the provider proved, who has not left. Their account is the one
 * linked to them, else the account with that address, else a new `member` account without a
 * password. Linking is written to the organisation's change history. No one else gets in.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { createAccount, EmailTakenError, findUserByEmail, findUserById } from "../../auth/accounts.ts";
import type { DB } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { PERSON_ACCOUNT } from "../staff/store.ts";

export type SsoMatch =
  | { ok: true; userId: string; personId: string; created: boolean }
  | { ok: false; reason: "unknown_person" | "disabled" };

export async function accountForSsoIdentity(
  db: Kysely<DB>,
  organisationId: string,
  identity: { email: string; name?: string },
  now = new Date(),
): Promise<SsoMatch> {
  const person = await db
    .selectFrom("people")
    .select(["id", "user_id", "given_name", "family_name", "preferred_name"])
    .where("organisation_id", "=", organisationId)
    .where("email", "=", identity.email)
    .where("status", "!=", "left")
    .executeTakeFirst();
  if (!person) return { ok: false, reason: "unknown_person" };
  if (person.user_id) {
    const user = await findUserById(db, person.user_id);
    if (!user) return { ok: false, reason: "unknown_person" };
    return user.disabled
      ? { ok: false, reason: "disabled" }
      : { ok: true, userId: user.id, personId: person.id, created: false };
  }
  const existing = await findUserByEmail(db, identity.email);
  if (existing?.disabled) return { ok: false, reason: "disabled" };
  const name = `${person.preferred_name?.trim() || person.given_name} ${person.family_name}`.trim();
  // Two sign-ins of one person at once (PostgreSQL lets both find no account, and the person not
  // linked yet): the second takes the account the first made, and finds the person linked to it, as
  // if it had come after.
  const { user, created } = existing ? { user: existing, created: false } : await newAccount(db, identity.email, name);
  if (user.disabled) return { ok: false, reason: "disabled" }; // the raced account, checked as `existing` was
  const linking = db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("people")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (taken) return taken.id === person.id;
    const result = await trx
      .updateTable("people")
      .set({ user_id: user.id, updated_at: now.toISOString() })
      .where("id", "=", person.id)
      .where("user_id", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const linkedSince = await trx
        .selectFrom("people")
        .select("user_id")
        .where("id", "=", person.id)
        .executeTakeFirst();
      return linkedSince?.user_id === user.id;
    }
    await trx
      .insertInto("organisation_changes")
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        at: now.toISOString(),
        actor_id: user.id,
        actor_label: user.name || user.email,
        subject_kind: "person",
        subject_id: person.id,
        action: "update",
        batch_id: randomUUID(),
        before: JSON.stringify({ user_id: null }),
        after: JSON.stringify({ user_id: user.id, via: "single sign-on" }),
      })
      .execute();
    return true;
  });
  // The account linked to another of the organisation's people meanwhile: refused as `taken` is.
  const linked = await linking.catch((error: unknown) => {
    if (isUniqueViolation(error, PERSON_ACCOUNT)) return false;
    throw error;
  });
  if (!linked) return { ok: false, reason: "unknown_person" };
  return { ok: true, userId: user.id, personId: person.id, created };
}

/** A new member account for the address, or the one a parallel sign-in made first. */
async function newAccount(db: Kysely<DB>, email: string, name: string) {
  try {
    return { user: await createAccount(db, { email, name, role: "member" }), created: true };
  } catch (error) {
    const made = error instanceof EmailTakenError ? await findUserByEmail(db, email) : undefined;
    if (!made) throw error;
    return { user: made, created: false };
  }
}
