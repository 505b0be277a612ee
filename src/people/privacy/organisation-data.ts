/**
 * The whole organisation as one JSON document (its administrator's export), what deleting it would
 * remove (the confirmation names it), and the deletion itself: one statement whose cascades take
 * units, people, roles, the access log and the change history with the organisation.
 */
import type { Kysely } from "kysely";
import type { DB, Organisation } from "../../db/schema.ts";

export interface OrganisationCounts {
  units: number;
  people: number;
  roles: number;
  accessLogEntries: number;
  changeRecords: number;
}

export async function countOrganisation(db: Kysely<DB>, organisationId: string): Promise<OrganisationCounts> {
  const count = async (table: "units" | "people" | "organisation_roles" | "access_log" | "organisation_changes") => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .where("organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const [units, people, roles, accessLogEntries, changeRecords] = await Promise.all([
    count("units"),
    count("people"),
    count("organisation_roles"),
    count("access_log"),
    count("organisation_changes"),
  ]);
  return { units, people, roles, accessLogEntries, changeRecords };
}

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Everything the instance holds for the organisation, in the tables' own terms (ids kept, so references read). */
export async function exportOrganisation(db: Kysely<DB>, organisation: Organisation, now = new Date()) {
  const id = organisation.id;
  const [units, people, roles, accessLog, changes] = await Promise.all([
    db
      .selectFrom("units")
      .selectAll()
      .where("organisation_id", "=", id)
      .orderBy("parent_id")
      .orderBy("ordinal")
      .orderBy("id")
      .execute(),
    db.selectFrom("people").selectAll().where("organisation_id", "=", id).orderBy("employee_number").execute(),
    db
      .selectFrom("organisation_roles")
      .innerJoin("users", "users.id", "organisation_roles.user_id")
      .select([
        "organisation_roles.user_id",
        "organisation_roles.role",
        "organisation_roles.granted_at",
        "organisation_roles.granted_by",
        "users.email",
        "users.name",
      ])
      .where("organisation_roles.organisation_id", "=", id)
      .orderBy("users.email")
      .execute(),
    db.selectFrom("access_log").selectAll().where("organisation_id", "=", id).orderBy("at").orderBy("id").execute(),
    db
      .selectFrom("organisation_changes")
      .selectAll()
      .where("organisation_id", "=", id)
      .orderBy("at")
      .orderBy("id")
      .execute(),
  ]);
  const { settings, ...fields } = organisation;
  return {
    format: "skillshelf-organisation",
    version: 1,
    exportedAt: now.toISOString(),
    organisation: { ...fields, settings: parseJson(settings) },
    units,
    people,
    roles,
    accessLog,
    changes: changes.map((change) => ({ ...change, before: parseJson(change.before), after: parseJson(change.after) })),
  };
}

/** Removes the organisation and everything in it; false when it was already gone. */
export async function deleteOrganisation(db: Kysely<DB>, organisationId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Units and people point at each other; clearing those references first lets the cascades run
    // in any order on both databases.
    await trx
      .updateTable("units")
      .set({ head_person_id: null })
      .where("organisation_id", "=", organisationId)
      .execute();
    await trx
      .updateTable("people")
      .set({ manager_id: null, unit_id: null })
      .where("organisation_id", "=", organisationId)
      .execute();
    const result = await trx.deleteFrom("organisations").where("id", "=", organisationId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  });
}
