/**
 * A manager's team page: everyone below them, nearest first, each with their unit and the manager
 * who links them in, a page at a time — one recursive query with its total, however deep the lines.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { displayName } from "./queries.ts";
import type { TeamMember } from "./views/team.tsx";

const MAX_DEPTH = 64;

export async function teamMembers(
  db: Kysely<DB>,
  organisationId: string,
  managerId: string,
  paging: { page: number; pageSize: number },
): Promise<{ members: TeamMember[]; total: number }> {
  const { rows } = await sql<{
    id: string;
    given_name: string;
    family_name: string;
    preferred_name: string | null;
    employee_number: string;
    status: string;
    unit_name_en: string | null;
    unit_name_fr: string | null;
    depth: number | string;
    manager_given_name: string | null;
    manager_family_name: string | null;
    manager_preferred_name: string | null;
    total: number | string;
  }>`
    with recursive team(id, depth) as (
      select id, 1 from people where manager_id = ${managerId}
      union all
      select p.id, team.depth + 1 from people p join team on p.manager_id = team.id
      where team.depth < ${MAX_DEPTH}
    ),
    nearest(id, depth) as (select id, min(depth) from team group by id)
    select p.id, p.given_name, p.family_name, p.preferred_name, p.employee_number, p.status,
      u.name_en as unit_name_en, u.name_fr as unit_name_fr, nearest.depth,
      m.given_name as manager_given_name, m.family_name as manager_family_name,
      m.preferred_name as manager_preferred_name,
      count(*) over () as total
    from nearest
    join people p on p.id = nearest.id
    left join units u on u.id = p.unit_id
    left join people m on m.id = p.manager_id
    where p.organisation_id = ${organisationId}
    order by nearest.depth, lower(p.family_name), lower(coalesce(p.preferred_name, p.given_name)), p.id
    limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`.execute(db);
  const total =
    rows.length > 0
      ? Number(rows[0].total)
      : paging.page > 1
        ? (await teamMembers(db, organisationId, managerId, { page: 1, pageSize: 1 })).total
        : 0;
  return {
    total,
    members: rows.map((row) => ({
      id: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      preferredName: row.preferred_name,
      employeeNumber: row.employee_number,
      status: row.status,
      unitNameEn: row.unit_name_en,
      unitNameFr: row.unit_name_fr,
      depth: Number(row.depth),
      managerName:
        row.manager_given_name !== null && row.manager_family_name !== null
          ? displayName({
              givenName: row.manager_given_name,
              familyName: row.manager_family_name,
              preferredName: row.manager_preferred_name,
            })
          : null,
    })),
  };
}
