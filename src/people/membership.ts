/**
 * The actor's standing in an organisation and a person's place in the manager lines, read for the
 * policy (src/policy/organisations.ts). One query per organisation request.
 */
import { type Kysely, sql } from "kysely";
import type { DB, Organisation } from "../db/schema.ts";
import type { Membership, OrganisationResource } from "../policy/index.ts";

/** The account's standing in the organisation of this id (null when it has none there). */
export async function loadMembership(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
): Promise<Membership | null> {
  return (await loadStanding(db, userId, { id: organisationId }))?.membership ?? null;
}

/**
 * The organisation by its slug and the account's standing there, in one query (every organisation
 * request starts with it, so it is one round trip, not three): the organisation's row, whether the
 * account holds the administrator role, and the account's person there (not one who has left) with
 * whether anyone reports to them and the position they hold. Undefined when no organisation has
 * the slug.
 */
export function loadOrganisationStanding(
  db: Kysely<DB>,
  slug: string,
  userId: string,
): Promise<{ organisation: Organisation; membership: Membership | null } | undefined> {
  return loadStanding(db, userId, { slug });
}

async function loadStanding(
  db: Kysely<DB>,
  userId: string,
  which: { slug: string } | { id: string },
): Promise<{ organisation: Organisation; membership: Membership | null } | undefined> {
  const row = await db
    .selectFrom("organisations as o")
    // At most one person per account and organisation (a unique index); one who has left keeps
    // their record but no longer acts in the organisation.
    .leftJoin("people as me", (join) =>
      join.onRef("me.organisation_id", "=", "o.id").on("me.user_id", "=", userId).on("me.status", "!=", "left"),
    )
    .selectAll("o")
    .select((eb) => [
      "me.id as standing_person_id",
      eb
        .exists(
          eb
            .selectFrom("organisation_roles as r")
            .select("r.role")
            .whereRef("r.organisation_id", "=", "o.id")
            .where("r.user_id", "=", userId)
            .where("r.role", "=", "administrator"),
        )
        .as("standing_administrator"),
      eb
        .exists(eb.selectFrom("people as report").select("report.id").whereRef("report.manager_id", "=", "me.id"))
        .as("standing_has_reports"),
      eb
        .selectFrom("person_positions as pp")
        .select("pp.profile_id")
        .whereRef("pp.person_id", "=", "me.id")
        .as("standing_position_profile_id"),
    ])
    .$if("slug" in which, (query) => query.where("o.slug", "=", (which as { slug: string }).slug))
    .$if("id" in which, (query) => query.where("o.id", "=", (which as { id: string }).id))
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    standing_person_id: personId,
    standing_administrator: administrator,
    standing_has_reports: hasReports,
    standing_position_profile_id: positionProfileId,
    ...organisation
  } = row;
  // Booleans come back as 0/1 from SQLite and as booleans from PostgreSQL.
  const isAdministrator = Boolean(administrator);
  const membership: Membership | null =
    !isAdministrator && !personId
      ? null
      : {
          organisationId: organisation.id,
          administrator: isAdministrator,
          personId: personId ?? null,
          hasReports: personId ? Boolean(hasReports) : false,
          positionProfileId: positionProfileId ?? null,
        };
  return { organisation: organisation as Organisation, membership };
}

/**
 * A person as a policy resource: their organisation and their managers, nearest first (one
 * recursive query; a loop, which the store never writes, would stop at the depth bound).
 * Undefined when no such person is in the organisation.
 */
export async function personResource(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
): Promise<(OrganisationResource & { kind: "person" }) | undefined> {
  const person = await db
    .selectFrom("people")
    .select(["id", "manager_id"])
    .where("organisation_id", "=", organisationId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const chain = person.manager_id ? await managersAbove(db, person.manager_id) : [];
  return { kind: "person", organisationId, personId, managerChain: chain };
}

const MAX_DEPTH = 64;

/** The managers above a person, nearest first, starting from their own manager (a loop stops the chain). */
export async function managersAbove(db: Kysely<DB>, firstManagerId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string; depth: number }>`
    with recursive chain(id, manager_id, depth) as (
      select id, manager_id, 1 from people where id = ${firstManagerId}
      union all
      select p.id, p.manager_id, chain.depth + 1 from people p join chain on p.id = chain.manager_id
      where chain.depth < ${MAX_DEPTH}
    )
    select id, depth from chain order by depth`.execute(db);
  const seen = new Set<string>();
  const chain: string[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) break;
    seen.add(row.id);
    chain.push(row.id);
  }
  return chain;
}
