/**
 * The people store (decision 024): an organisation's staff records and their manager lines. Every
 * write runs in one transaction with its entry in the change history (who, when, before/after), and
 * checks what the database alone cannot: the unit and the manager belong to the same organisation,
 * a manager line never loops (src/people/manager-lines.ts), an employee number is the organisation's
 * only one, an account is at most one person there.
 *
 * Refusals come back as field errors (dictionary keys), for the form, the API and the import alike.
 * The reads (list, team, profile) are in queries.ts and re-exported here.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB, Person } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { dayIn } from "../../i18n/zones.ts";
import type { FieldErrors } from "../../ui/forms/index.ts";
import { wouldMakeCycle } from "../manager-lines.ts";
import { announceMoves, moveOf } from "../person-moves.ts";
import type { PersonFields, PersonPatch, PersonStatus } from "./fields.ts";
import { type ChangeActor, recordChange } from "./record-change.ts";

export * from "./queries.ts";
export type { ChangeActor } from "./record-change.ts";

export type StoreResult = { ok: true; person: Person } | { ok: false; errors: FieldErrors };

/** An employee number is its organisation's only one (the key of staff imports). */
export const EMPLOYEE_NUMBER = {
  postgres: "people_employee_number_unique",
  sqlite: "people.organisation_id, people.employee_number",
};
/** An account is at most one person in an organisation. */
export const PERSON_ACCOUNT = { postgres: "people_user_unique", sqlite: "people.organisation_id, people.user_id" };

/**
 * Runs `work` in a transaction, or in the caller's (a staff import writes many people in one).
 * The checks (relationErrors, linkAccount's holder) answer the usual case; a parallel request that
 * gives the employee number or the account to someone between a check and our write meets the
 * unique constraint, refused here as the check refuses it (PostgreSQL lets both see it free). In a
 * caller's transaction the error goes to the caller: the transaction is lost with it.
 */
function inTransaction<T extends StoreResult | undefined>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T | StoreResult> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  return db
    .transaction()
    .execute(work)
    .catch((error: unknown): StoreResult => {
      if (isUniqueViolation(error, EMPLOYEE_NUMBER))
        return { ok: false, errors: { employeeNumber: "staffEmployeeNumberTaken" } };
      if (isUniqueViolation(error, PERSON_ACCOUNT)) return { ok: false, errors: { userId: "staffAccountTaken" } };
      throw error;
    });
}

/** What the change history keeps of a person: every field, without the bookkeeping timestamps. */
export function personSnapshot(person: Person) {
  const { created_at: _created, updated_at: _updated, ...fields } = person;
  return fields;
}

export interface WriteOptions {
  now?: Date;
  /** Shared by the changes of one action (an import). */
  batchId?: string;
  /** The history's action name: "import" for a staff import, else create/update. */
  historyAction?: "import";
  /**
   * The organisation's effective time zone (decision 054): a status changed without its date takes
   * effect on the organisation's today. UTC when not given.
   */
  timeZone?: string;
}

export async function createPerson(
  db: Kysely<DB>,
  organisationId: string,
  fields: PersonFields,
  actor: ChangeActor,
  options: WriteOptions = {},
): Promise<StoreResult> {
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx): Promise<StoreResult> => {
    const id = randomUUID();
    const errors = await relationErrors(trx, organisationId, id, fields);
    if (errors) return { ok: false, errors };
    const person: Person = {
      id,
      organisation_id: organisationId,
      given_name: fields.givenName,
      family_name: fields.familyName,
      preferred_name: fields.preferredName,
      email: fields.email,
      employee_number: fields.employeeNumber,
      unit_id: fields.unitId,
      manager_id: fields.managerId,
      status: fields.status,
      status_since: fields.statusSince,
      preferred_lang: fields.preferredLang,
      user_id: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await trx.insertInto("people").values(person).execute();
    await recordChange(
      trx,
      {
        organisationId,
        actor,
        subjectKind: "person",
        subjectId: id,
        action: options.historyAction ?? "create",
        before: null,
        after: personSnapshot(person),
        batchId: options.batchId,
      },
      now,
    );
    return { ok: true, person };
  });
}

/** Changes some of a person's fields; undefined when no such person is in the organisation. */
export async function updatePerson(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  patch: PersonPatch,
  actor: ChangeActor,
  options: WriteOptions = {},
): Promise<StoreResult | undefined> {
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx): Promise<StoreResult | undefined> => {
    const before = await findPerson(trx, organisationId, personId);
    if (!before) return undefined;
    const fields: PersonFields = { ...fieldsOf(before), ...definedOnly(patch) };
    const errors = await relationErrors(trx, organisationId, personId, fields, before);
    if (errors) return { ok: false, errors };
    const after: Person = {
      ...before,
      given_name: fields.givenName,
      family_name: fields.familyName,
      preferred_name: fields.preferredName,
      email: fields.email,
      employee_number: fields.employeeNumber,
      unit_id: fields.unitId,
      manager_id: fields.managerId,
      status: fields.status,
      // A new status without its date takes effect today.
      status_since:
        fields.status !== before.status && patch.statusSince === undefined
          ? dayIn(now, options.timeZone ?? "UTC")
          : fields.statusSince,
      preferred_lang: fields.preferredLang,
      updated_at: now.toISOString(),
    };
    return { ok: true, person: await writeChange(trx, before, after, actor, now, options) };
  });
}

/** A new status (active, on leave, left) from a given day (today when not given). */
export function changeStatus(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  status: PersonStatus,
  since: string | null,
  actor: ChangeActor,
  options: WriteOptions = {},
): Promise<StoreResult | undefined> {
  const day = since ?? dayIn(options.now ?? new Date(), options.timeZone ?? "UTC");
  return updatePerson(db, organisationId, personId, { status, statusSince: day }, actor, options);
}

/** Gives a person a manager (or none), refusing another organisation's people and loops. */
export function setManager(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  managerId: string | null,
  actor: ChangeActor,
  options: WriteOptions = {},
): Promise<StoreResult | undefined> {
  return updatePerson(db, organisationId, personId, { managerId }, actor, options);
}

/**
 * Links the account a person signs in with (an accepted invitation, a single sign-on match), or
 * unlinks it (null). An account is at most one person in an organisation.
 */
export async function linkAccount(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  userId: string | null,
  actor: ChangeActor,
  options: WriteOptions = {},
): Promise<StoreResult | undefined> {
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx): Promise<StoreResult | undefined> => {
    const before = await findPerson(trx, organisationId, personId);
    if (!before) return undefined;
    if (userId !== null) {
      const account = await trx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
      if (!account) return { ok: false, errors: { userId: "staffAccountUnknown" } };
      const holder = await trx
        .selectFrom("people")
        .select("id")
        .where("organisation_id", "=", organisationId)
        .where("user_id", "=", userId)
        .where("id", "!=", personId)
        .executeTakeFirst();
      if (holder) return { ok: false, errors: { userId: "staffAccountTaken" } };
    }
    const after: Person = { ...before, user_id: userId, updated_at: now.toISOString() };
    return { ok: true, person: await writeChange(trx, before, after, actor, now, options) };
  });
}

export function findPerson(db: Kysely<DB>, organisationId: string, personId: string): Promise<Person | undefined> {
  return db
    .selectFrom("people")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", personId)
    .executeTakeFirst();
}

export function findPersonByEmployeeNumber(
  db: Kysely<DB>,
  organisationId: string,
  employeeNumber: string,
): Promise<Person | undefined> {
  return db
    .selectFrom("people")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("employee_number", "=", employeeNumber)
    .executeTakeFirst();
}

/** A stored person as the schema's fields (the starting point of a patch, the edit form's values). */
export function fieldsOf(person: Person): PersonFields {
  return {
    givenName: person.given_name,
    familyName: person.family_name,
    preferredName: person.preferred_name,
    email: person.email,
    employeeNumber: person.employee_number,
    unitId: person.unit_id,
    managerId: person.manager_id,
    status: person.status as PersonStatus,
    statusSince: person.status_since,
    preferredLang: person.preferred_lang as PersonFields["preferredLang"],
  };
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

async function writeChange(
  trx: Kysely<DB>,
  before: Person,
  after: Person,
  actor: ChangeActor,
  now: Date,
  options: WriteOptions,
): Promise<Person> {
  const { id, organisation_id, created_at: _created, ...columns } = after;
  const changed = Object.entries(personSnapshot(after)).some(([key, value]) => before[key as keyof Person] !== value);
  // Saving a form unchanged is not a change: nothing written, nothing in the history.
  if (!changed) return before;
  await trx
    .updateTable("people")
    .set(columns)
    .where("id", "=", id)
    .where("organisation_id", "=", organisation_id)
    .execute();
  await recordChange(
    trx,
    {
      organisationId: organisation_id,
      actor,
      subjectKind: "person",
      subjectId: id,
      action: options.historyAction ?? "update",
      before: personSnapshot(before),
      after: personSnapshot(after),
      batchId: options.batchId,
    },
    now,
  );
  // Leaving or moving may concern capabilities above people (a review cycle): same transaction.
  await announceMoves(trx, [moveOf(before, after)], actor, now);
  return after;
}

/**
 * What the database cannot check about a person's fields: the unit and the manager are the
 * organisation's, the manager line does not loop, the employee number is free.
 */
async function relationErrors(
  trx: Kysely<DB>,
  organisationId: string,
  personId: string,
  fields: PersonFields,
  before?: Person,
): Promise<FieldErrors | undefined> {
  const errors: FieldErrors = {};
  if (fields.employeeNumber !== before?.employee_number) {
    const holder = await findPersonByEmployeeNumber(trx, organisationId, fields.employeeNumber);
    if (holder && holder.id !== personId) errors.employeeNumber = "staffEmployeeNumberTaken";
  }
  if (fields.unitId !== null && fields.unitId !== before?.unit_id) {
    const unit = await trx
      .selectFrom("units")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("id", "=", fields.unitId)
      .executeTakeFirst();
    if (!unit) errors.unitId = "staffUnitUnknown";
  }
  if (fields.managerId !== null && fields.managerId !== before?.manager_id) {
    const managerError = await managerProblem(trx, organisationId, personId, fields.managerId);
    if (managerError) errors.managerId = managerError;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

const MAX_DEPTH = 64;

async function managerProblem(
  trx: Kysely<DB>,
  organisationId: string,
  personId: string,
  managerId: string,
): Promise<FieldErrors[string]> {
  if (managerId === personId) return "staffManagerSelf";
  // The proposed manager's own line upwards, in one recursive query (along the primary key). Only
  // the first step names the organisation: a manager is always of the same organisation, so the
  // walk stays inside it, and a condition on each step would make the database scan the
  // organisation's people at every step.
  const { rows } = await sql<{ id: string; manager_id: string | null }>`
    with recursive line(id, manager_id, depth) as (
      select id, manager_id, 1 from people where id = ${managerId} and organisation_id = ${organisationId}
      union all
      select p.id, p.manager_id, line.depth + 1 from people p join line on p.id = line.manager_id
      where line.depth < ${MAX_DEPTH}
    )
    select id, manager_id from line`.execute(trx);
  if (rows.length === 0) return "staffManagerUnknown";
  const managerOf = new Map(rows.map((row) => [row.id, row.manager_id]));
  return wouldMakeCycle(personId, managerId, (id) => managerOf.get(id)) ? "staffManagerCycle" : undefined;
}
