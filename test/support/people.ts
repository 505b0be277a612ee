/**
 * Organisations and units for tests, written as rows (their own stores belong to other parts of the
 * work); people go through the people store, as the app writes them.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB, Person } from "../../src/db/schema.ts";
import { type PersonFields, personFields } from "../../src/people/staff/fields.ts";
import { type ChangeActor, createPerson } from "../../src/people/staff/store.ts";

export const TEST_CHANGE_ACTOR: ChangeActor = { id: null, label: "test" };

export async function insertOrganisation(
  db: Kysely<DB>,
  slug: string,
  names: { en?: string; fr?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto("organisations")
    .values({
      id,
      slug,
      name_en: names.en ?? `${slug} library`,
      name_fr: names.fr ?? `Bibliothèque ${slug}`,
      default_lang: "en",
      settings: "{}",
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function insertUnit(
  db: Kysely<DB>,
  organisationId: string,
  name: string,
  parentId: string | null = null,
  ordinal = 0,
): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto("units")
    .values({
      id,
      organisation_id: organisationId,
      parent_id: parentId,
      name_en: name,
      name_fr: `${name} (fr)`,
      ordinal,
      head_person_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Makes the account an administrator (HR) of the organisation. */
export async function grantAdministrator(db: Kysely<DB>, organisationId: string, userId: string): Promise<void> {
  await db
    .insertInto("organisation_roles")
    .values({
      organisation_id: organisationId,
      user_id: userId,
      role: "administrator",
      granted_at: new Date().toISOString(),
      granted_by: null,
    })
    .execute();
}

/** A person through the store (fields through the same schema forms use); throws on a refusal. */
export async function addPerson(
  db: Kysely<DB>,
  organisationId: string,
  fields: Partial<PersonFields> & { givenName: string; familyName: string; employeeNumber: string },
): Promise<Person> {
  const parsed = personFields.parse({ preferredLang: "en", ...fields });
  const result = await createPerson(db, organisationId, parsed, TEST_CHANGE_ACTOR);
  if (!result.ok) throw new Error(`addPerson ${fields.employeeNumber}: ${JSON.stringify(result.errors)}`);
  return result.person;
}
