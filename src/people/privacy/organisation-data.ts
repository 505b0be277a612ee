/**
 * The people side's part of the organisation's export (decision 052): units, people, roles, the
 * access log, the change history, invitations and single sign-on, each a section read page by page;
 * and the deletion itself, one statement whose cascades take everything that hangs off the
 * organisation (every capability's rows; test/people/privacy-organisation-delete.test.ts walks every
 * table to prove it).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { keysetPages, mapPages, type OrganisationExportSection, parseJson } from "./organisation-export.ts";

type OrganisationTable = {
  [T in keyof DB]: DB[T] extends { organisation_id: string | null } ? T : never;
}[keyof DB];

/** Rows of a table that carry the organisation's id. */
export async function countByOrganisation(db: Kysely<DB>, table: OrganisationTable, organisationId: string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .where("organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A table that carries the organisation's id and an id of its own, by which its rows are paged. */
type KeyedOrganisationTable = {
  [T in OrganisationTable]: DB[T] extends { id: string } ? T : never;
}[OrganisationTable];

/**
 * The section of such a table: every row of the organisation, page after page by id, counted by
 * organisation; `shape` turns a stored row into the document's (a JSON text parsed, say).
 */
export function organisationRowsSection(
  key: string,
  table: KeyedOrganisationTable,
  countLabel: (lang: Lang, n: number) => string,
  shape?: (row: Record<string, unknown>) => unknown,
): OrganisationExportSection {
  return {
    key,
    countLabel,
    count: (db, id) => countByOrganisation(db, table, id),
    pages: (db, { organisationId }) => {
      const pages = keysetPages(
        (after, limit) =>
          db
            .selectFrom(table)
            .selectAll()
            .where("organisation_id", "=", organisationId)
            .$if(after !== null, (q) => q.where("id", ">", after as string))
            .orderBy("id")
            .limit(limit)
            .execute() as Promise<(Record<string, unknown> & { id: string })[]>,
        (row) => row.id,
      );
      return shape ? mapPages(pages, shape) : pages;
    },
  };
}

const units = organisationRowsSection("units", "units", (lang, n) => messages(lang).privacyCountUnits(n));

const people = organisationRowsSection("people", "people", (lang, n) => messages(lang).privacyCountPeople(n));

const roles: OrganisationExportSection = {
  key: "roles",
  countLabel: (lang, n) => messages(lang).privacyCountRoles(n),
  count: (db, id) => countByOrganisation(db, "organisation_roles", id),
  pages: (db, { organisationId }) =>
    keysetPages(
      (after, limit) =>
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
          .where("organisation_roles.organisation_id", "=", organisationId)
          .$if(after !== null, (q) => q.where("organisation_roles.user_id", ">", after as string))
          .orderBy("organisation_roles.user_id")
          .limit(limit)
          .execute(),
      (row) => row.user_id,
    ),
};

const accessLog = organisationRowsSection("accessLog", "access_log", (lang, n) =>
  messages(lang).privacyCountAccessLog(n),
);

const changes = organisationRowsSection(
  "changes",
  "organisation_changes",
  (lang, n) => messages(lang).privacyCountChanges(n),
  (change) => ({
    ...change,
    before: parseJson(change.before as string | null),
    after: parseJson(change.after as string | null),
  }),
);

/** Invitations as sent, without the token's hash (a secret: whoever holds it could accept). */
const invitations: OrganisationExportSection = {
  key: "invitations",
  countLabel: (lang, n) => messages(lang).orgExportCountInvitations(n),
  count: (db, id) => countByOrganisation(db, "person_invitations", id),
  pages: (db, { organisationId }) =>
    keysetPages(
      (after, limit) =>
        db
          .selectFrom("person_invitations")
          .select([
            "id",
            "organisation_id",
            "person_id",
            "email",
            "lang",
            "invited_by",
            "invited_by_label",
            "created_at",
            "expires_at",
          ])
          .where("organisation_id", "=", organisationId)
          .$if(after !== null, (q) => q.where("id", ">", after as string))
          .orderBy("id")
          .limit(limit)
          .execute(),
      (row) => row.id,
    ),
};

/** The single sign-on settings, without the client secret. */
const singleSignOn: OrganisationExportSection = {
  key: "singleSignOn",
  countLabel: (lang, n) => messages(lang).orgExportCountSingleSignOn(n),
  count: (db, id) => countByOrganisation(db, "organisation_sso", id),
  pages: async function* (db, { organisationId }) {
    const rows = await db
      .selectFrom("organisation_sso")
      .select(["organisation_id", "issuer", "client_id", "email_domains", "enabled", "updated_at", "updated_by"])
      .where("organisation_id", "=", organisationId)
      .execute();
    if (rows.length > 0) yield rows;
  },
};

/** The people side's sections, first in the document. */
export const ORGANISATION_EXPORT_SECTIONS: readonly OrganisationExportSection[] = [
  units,
  people,
  roles,
  accessLog,
  changes,
  invitations,
  singleSignOn,
];

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

/** The organisation's people's ids, page by page: the key other capabilities' per-person rows hang off. */
export function personIdPages(db: Kysely<DB>, organisationId: string, limit?: number) {
  return mapPages(
    keysetPages(
      (after, size) =>
        db
          .selectFrom("people")
          .select("id")
          .where("organisation_id", "=", organisationId)
          .$if(after !== null, (q) => q.where("id", ">", after as string))
          .orderBy("id")
          .limit(size)
          .execute(),
      (row) => row.id,
      limit,
    ),
    (row) => row.id,
  );
}
