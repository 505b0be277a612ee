/**
 * Who holds a job profile as their position (`person_positions`: at most one profile per person).
 * HR assigns people of the same organisation by employee number (names repeat) and removes them;
 * each change is written to the organisation's history as a change to the person's record.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { againOnUniqueViolation } from "../../db/unique-violation.ts";
import { type ChangeAuthor, recordChange } from "../../people/organisations/changes.ts";
import { announceMoves } from "../../people/person-moves.ts";
import { requireProfile } from "./store.ts";

export class PersonUnknownError extends Error {
  constructor() {
    super("no one on staff in this organisation has this employee number");
  }
}

export interface Holder {
  personId: string;
  name: string;
  employeeNumber: string;
  since: string | null;
}

const nameOf = (p: { given_name: string; family_name: string; preferred_name: string | null }) =>
  `${p.preferred_name ?? p.given_name} ${p.family_name}`;

/** The people holding the profile, by family name. */
export async function listHolders(db: Kysely<DB>, organisationId: string, profileId: string): Promise<Holder[]> {
  const rows = await db
    .selectFrom("person_positions as pp")
    .innerJoin("people as p", "p.id", "pp.person_id")
    .select(["p.id", "p.given_name", "p.family_name", "p.preferred_name", "p.employee_number", "pp.since"])
    .where("pp.profile_id", "=", profileId)
    .where("p.organisation_id", "=", organisationId)
    .orderBy("p.family_name")
    .orderBy("p.given_name")
    .orderBy("p.id")
    .execute();
  return rows.map((r) => ({ personId: r.id, name: nameOf(r), employeeNumber: r.employee_number, since: r.since }));
}

/** A person holds one position at most. */
const PERSON_POSITION = { postgres: "person_positions_pkey", sqlite: "person_positions.person_id" };

/** Gives the person (by employee number, on staff: not left) this profile as their position. */
export function assignPosition(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  employeeNumber: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Holder> {
  // Two assignments of one person at once (a repeated submit) both find the position as it was and
  // both write theirs (PostgreSQL: the delete does not see a row inserted since): run again, and the
  // check finds the position the other one gave.
  return againOnUniqueViolation([PERSON_POSITION], () =>
    assignOnce(db, organisationId, profileId, employeeNumber, author, now),
  );
}

async function assignOnce(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  employeeNumber: string,
  author: ChangeAuthor,
  now: Date,
): Promise<Holder> {
  return db.transaction().execute(async (trx) => {
    const profile = await requireProfile(trx, organisationId, profileId);
    const person = await trx
      .selectFrom("people")
      .select(["id", "given_name", "family_name", "preferred_name", "employee_number", "manager_id"])
      .where("organisation_id", "=", organisationId)
      .where("employee_number", "=", employeeNumber.trim())
      .where("status", "!=", "left")
      .executeTakeFirst();
    if (!person) throw new PersonUnknownError();
    const current = await trx
      .selectFrom("person_positions as pp")
      .innerJoin("job_profiles as j", "j.id", "pp.profile_id")
      .select(["pp.profile_id", "j.title_en"])
      .where("pp.person_id", "=", person.id)
      .executeTakeFirst();
    const holder = { personId: person.id, name: nameOf(person), employeeNumber: person.employee_number, since: null };
    if (current?.profile_id === profileId) return holder;
    const at = now.toISOString();
    await trx.deleteFrom("person_positions").where("person_id", "=", person.id).execute();
    await trx
      .insertInto("person_positions")
      .values({ person_id: person.id, profile_id: profileId, since: at.slice(0, 10), updated_at: at })
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "person",
        subjectId: person.id,
        action: "update",
        before: { position: current?.title_en ?? null },
        after: { position: profile.title_en },
      },
      now,
    );
    // A change of position is a move (src/people/person-moves.ts); a first position is not.
    if (current)
      await announceMoves(
        trx,
        [{ organisationId, personId: person.id, left: false, moved: ["position"], managerId: person.manager_id }],
        author,
        now,
      );
    return { ...holder, since: at.slice(0, 10) };
  });
}

/** Clears the person's position if it is this profile; returns who it was (undefined: nobody). */
export async function removePosition(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  personId: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Holder | undefined> {
  return db.transaction().execute(async (trx) => {
    const profile = await requireProfile(trx, organisationId, profileId);
    const holder = (await listHolders(trx, organisationId, profileId)).find((h) => h.personId === personId);
    if (!holder) return undefined;
    await trx
      .deleteFrom("person_positions")
      .where("person_id", "=", personId)
      .where("profile_id", "=", profileId)
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "person",
        subjectId: personId,
        action: "update",
        before: { position: profile.title_en },
        after: { position: null },
      },
      now,
    );
    const person = await trx.selectFrom("people").select("manager_id").where("id", "=", personId).executeTakeFirst();
    await announceMoves(
      trx,
      [{ organisationId, personId, left: false, moved: ["position"], managerId: person?.manager_id ?? null }],
      author,
      now,
    );
    return holder;
  });
}

/** The profile the account's person holds in this organisation, if any (from the membership). */
export const positionOf = (membership: { positionProfileId?: string | null } | null | undefined) =>
  membership?.positionProfileId ?? null;
