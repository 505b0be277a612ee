/**
 * The actor's standing in an organisation and a person's place in the manager lines, read for the
 * policy (src/policy/organisations.ts). Two small queries per organisation request.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Membership, OrganisationResource } from "../policy/index.ts";

export async function loadMembership(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
): Promise<Membership | null> {
  const [role, person] = await Promise.all([
    db
      .selectFrom("organisation_roles")
      .select("role")
      .where("organisation_id", "=", organisationId)
      .where("user_id", "=", userId)
      .where("role", "=", "administrator")
      .executeTakeFirst(),
    db
      .selectFrom("people")
      .select((eb) => [
        "id",
        eb
          .exists(eb.selectFrom("people as report").select("report.id").whereRef("report.manager_id", "=", "people.id"))
          .as("has_reports"),
        eb
          .selectFrom("person_positions")
          .select("person_positions.profile_id")
          .whereRef("person_positions.person_id", "=", "people.id")
          .as("position_profile_id"),
      ])
      .where("organisation_id", "=", organisationId)
      .where("user_id", "=", userId)
      // Someone who has left keeps their record but no longer acts in the organisation.
      .where("status", "!=", "left")
      .executeTakeFirst(),
  ]);
  if (!role && !person) return null;
  return {
    organisationId,
    administrator: role !== undefined,
    personId: person?.id ?? null,
    hasReports: Boolean(person?.has_reports),
    positionProfileId: person?.position_profile_id ?? null,
  };
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
