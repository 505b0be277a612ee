/**
 * Organisations and who administers them (decision 024). Every change is written to the
 * organisation's change history in the same transaction (./changes.ts).
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB, Organisation } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import type { Lang } from "../../i18n/index.ts";
import { type ChangeAuthor, recordChange } from "./changes.ts";
import type { OrganisationSettingsInput } from "./schemas.ts";

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`the web address name "${slug}" is already used by another organisation`);
  }
}

export const organisationName = (organisation: Pick<Organisation, "name_en" | "name_fr">, lang: Lang): string =>
  lang === "fr" ? organisation.name_fr : organisation.name_en;

export async function findOrganisation(db: Kysely<DB>, slug: string): Promise<Organisation | undefined> {
  return db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** The settings a person edits, as the history shows them. */
const settingsOf = (
  o: Pick<Organisation, "slug" | "name_en" | "name_fr" | "default_lang"> & { time_zone?: string | null },
) => ({
  slug: o.slug,
  name_en: o.name_en,
  name_fr: o.name_fr,
  default_lang: o.default_lang,
  time_zone: o.time_zone ?? null,
});

async function slugTaken(db: Kysely<DB>, slug: string, except?: string): Promise<boolean> {
  let query = db.selectFrom("organisations").select("id").where("slug", "=", slug);
  if (except) query = query.where("id", "!=", except);
  return (await query.executeTakeFirst()) !== undefined;
}

const ORGANISATIONS_SLUG = { postgres: "organisations_slug_key", sqlite: "organisations.slug" };

/**
 * slugTaken answers the usual case; this answers a parallel request that took the same slug between
 * our check and our write (PostgreSQL lets both transactions see it free).
 */
const refusingSlugClash = (slug: string) => (error: unknown) => {
  throw isUniqueViolation(error, ORGANISATIONS_SLUG) ? new SlugTakenError(slug) : error;
};

/** Creates the organisation and, in the same transaction, appoints its first administrators. */
export async function createOrganisation(
  db: Kysely<DB>,
  input: OrganisationSettingsInput,
  author: ChangeAuthor,
  options: { administrators?: { id: string; email: string }[]; now?: Date } = {},
): Promise<Organisation> {
  const now = options.now ?? new Date();
  const id = randomUUID();
  const at = now.toISOString();
  const created = db.transaction().execute(async (trx) => {
    if (await slugTaken(trx, input.slug)) throw new SlugTakenError(input.slug);
    await trx
      .insertInto("organisations")
      .values({ id, ...settingsOf(input), settings: "{}", created_at: at, updated_at: at })
      .execute();
    await recordChange(
      trx,
      author,
      { organisationId: id, subject: "organisation", subjectId: id, action: "create", after: settingsOf(input) },
      now,
    );
    for (const user of options.administrators ?? []) await insertAdministrator(trx, id, user, author, now);
  });
  await created.catch(refusingSlugClash(input.slug));
  return (await findOrganisation(db, input.slug)) as Organisation;
}

/** Changes names, default language or web address name; records only what changed. */
export async function updateOrganisation(
  db: Kysely<DB>,
  organisation: Organisation,
  input: OrganisationSettingsInput,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Organisation> {
  const before = settingsOf(organisation);
  // A form without the zone (the command line) keeps the organisation's.
  const after = settingsOf(input.time_zone === undefined ? { ...input, time_zone: organisation.time_zone } : input);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]);
  if (changed.length === 0) return organisation;
  const updated = db.transaction().execute(async (trx) => {
    if (after.slug !== before.slug && (await slugTaken(trx, after.slug, organisation.id)))
      throw new SlugTakenError(after.slug);
    await trx
      .updateTable("organisations")
      .set({ ...after, updated_at: now.toISOString() })
      .where("id", "=", organisation.id)
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId: organisation.id,
        subject: "organisation",
        subjectId: organisation.id,
        action: "update",
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
      now,
    );
  });
  await updated.catch(refusingSlugClash(after.slug));
  return { ...organisation, ...after, updated_at: now.toISOString() };
}

export interface Administrator {
  userId: string;
  email: string;
  name: string | null;
  grantedAt: string;
}

export async function listAdministrators(db: Kysely<DB>, organisationId: string): Promise<Administrator[]> {
  const rows = await db
    .selectFrom("organisation_roles")
    .innerJoin("users", "users.id", "organisation_roles.user_id")
    .select(["users.id", "users.email", "users.name", "organisation_roles.granted_at"])
    .where("organisation_roles.organisation_id", "=", organisationId)
    .where("organisation_roles.role", "=", "administrator")
    .orderBy("users.email")
    .execute();
  return rows.map((row) => ({ userId: row.id, email: row.email, name: row.name, grantedAt: row.granted_at }));
}

export interface OrganisationSummary {
  organisation: Organisation;
  administrators: string[];
}

/** Every organisation of the instance with its administrators' e-mail addresses (two queries). */
export async function listOrganisations(db: Kysely<DB>): Promise<OrganisationSummary[]> {
  const [organisations, roles] = await Promise.all([
    db.selectFrom("organisations").selectAll().orderBy("slug").execute(),
    db
      .selectFrom("organisation_roles")
      .innerJoin("users", "users.id", "organisation_roles.user_id")
      .select(["organisation_roles.organisation_id", "users.email"])
      .where("organisation_roles.role", "=", "administrator")
      .orderBy("users.email")
      .execute(),
  ]);
  return organisations.map((organisation) => ({
    organisation,
    administrators: roles.filter((r) => r.organisation_id === organisation.id).map((r) => r.email),
  }));
}

const ORGANISATION_ROLES = {
  postgres: "organisation_roles_pk",
  sqlite: "organisation_roles.organisation_id, organisation_roles.user_id, organisation_roles.role",
};

/** Makes the account an administrator of the organisation; false if it already was. */
export async function appointAdministrator(
  db: Kysely<DB>,
  organisationId: string,
  user: { id: string; email: string },
  author: ChangeAuthor,
  now = new Date(),
): Promise<boolean> {
  const appointed = db.transaction().execute((trx) => insertAdministrator(trx, organisationId, user, author, now));
  // A parallel request appointed them between insertAdministrator's check and its insert: as the
  // check would have found, they already are.
  return appointed.catch((error: unknown) => {
    if (isUniqueViolation(error, ORGANISATION_ROLES)) return false;
    throw error;
  });
}

async function insertAdministrator(
  trx: Kysely<DB>,
  organisationId: string,
  user: { id: string; email: string },
  author: ChangeAuthor,
  now: Date,
): Promise<boolean> {
  const existing = await trx
    .selectFrom("organisation_roles")
    .select("user_id")
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", user.id)
    .where("role", "=", "administrator")
    .executeTakeFirst();
  if (existing) return false;
  await trx
    .insertInto("organisation_roles")
    .values({
      organisation_id: organisationId,
      user_id: user.id,
      role: "administrator",
      granted_at: now.toISOString(),
      granted_by: author.id,
    })
    .execute();
  await recordChange(
    trx,
    author,
    {
      organisationId,
      subject: "role",
      subjectId: user.id,
      action: "create",
      after: { role: "administrator", account: user.email },
    },
    now,
  );
  return true;
}

/** Removes the account's administrator role; false if it did not hold it. */
export async function removeAdministrator(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const holder = await trx
      .selectFrom("organisation_roles")
      .innerJoin("users", "users.id", "organisation_roles.user_id")
      .select("users.email")
      .where("organisation_roles.organisation_id", "=", organisationId)
      .where("organisation_roles.user_id", "=", userId)
      .where("organisation_roles.role", "=", "administrator")
      .executeTakeFirst();
    if (!holder) return false;
    await trx
      .deleteFrom("organisation_roles")
      .where("organisation_id", "=", organisationId)
      .where("user_id", "=", userId)
      .where("role", "=", "administrator")
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "role",
        subjectId: userId,
        action: "delete",
        before: { role: "administrator", account: holder.email },
      },
      now,
    );
    return true;
  });
}
