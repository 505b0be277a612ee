/**
 * Reading an organisation's people: the list (filters, search, sort, paging) in one query with its
 * total, a manager's team through one recursive query, and a profile (the record, the manager line
 * up, the direct reports) in three. No query per row.
 */
import { type Expression, type Kysely, sql } from "kysely";
import { containsText } from "../../db/contains.ts";
import type { DB } from "../../db/schema.ts";
import type { Lang } from "../../i18n/index.ts";
import type { PersonStatus } from "./fields.ts";

export const PEOPLE_SORTS = ["name", "employeeNumber", "unit", "status", "manager"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

export interface PeopleQuery {
  /** Words matched, all of them, against names, employee number and e-mail (case-insensitive). */
  q?: string;
  /** This unit and the units under it. */
  unitId?: string;
  status?: PersonStatus;
  /** Direct reports of this person. */
  managerId?: string;
  /** Only this person's direct and indirect reports (a manager's team). */
  teamOf?: string;
  sort?: PeopleSort;
  descending?: boolean;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** The language unit names sort in. */
  lang?: Lang;
}

export interface PersonRow {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string | null;
  employeeNumber: string;
  status: PersonStatus;
  statusSince: string | null;
  preferredLang: string;
  unitId: string | null;
  unitNameEn: string | null;
  unitNameFr: string | null;
  managerId: string | null;
  managerName: string | null;
  hasAccount: boolean;
}

export interface PeoplePage {
  rows: PersonRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** The name a person goes by: their preferred given name, or their given name, then the family name. */
export const displayName = (p: { givenName: string; familyName: string; preferredName: string | null }) =>
  `${p.preferredName ?? p.givenName} ${p.familyName}`;

const MAX_DEPTH = 64;

export async function listPeople(db: Kysely<DB>, organisationId: string, query: PeopleQuery = {}): Promise<PeoplePage> {
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE), 1), 200);
  const page = Math.max(Math.trunc(query.page ?? 1), 1);
  const words = (query.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const lang = query.lang ?? "en";

  let select = db
    .selectFrom("people as p")
    .leftJoin("units as u", "u.id", "p.unit_id")
    .leftJoin("people as m", "m.id", "p.manager_id")
    .where("p.organisation_id", "=", organisationId)
    .select([
      "p.id",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
      "p.email",
      "p.employee_number",
      "p.status",
      "p.status_since",
      "p.preferred_lang",
      "p.unit_id",
      "u.name_en as unit_name_en",
      "u.name_fr as unit_name_fr",
      "p.manager_id",
      "m.given_name as manager_given_name",
      "m.family_name as manager_family_name",
      "m.preferred_name as manager_preferred_name",
      "p.user_id",
      sql<number | string>`count(*) over ()`.as("total"),
    ]);

  for (const word of words) {
    select = select.where((eb) => {
      const matches = (column: Expression<unknown>) => containsText(column, word);
      return eb.or([
        matches(eb.ref("p.given_name")),
        matches(eb.ref("p.family_name")),
        matches(sql`coalesce(${eb.ref("p.preferred_name")}, '')`),
        matches(eb.ref("p.employee_number")),
        matches(sql`coalesce(${eb.ref("p.email")}, '')`),
      ]);
    });
  }
  if (query.status) select = select.where("p.status", "=", query.status);
  if (query.managerId) select = select.where("p.manager_id", "=", query.managerId);
  if (query.unitId) {
    select = select.where(
      "p.unit_id",
      "in",
      sql<string>`(with recursive sub(id, depth) as (
        select id, 1 from units where id = ${query.unitId} and organisation_id = ${organisationId}
        union all
        select u2.id, sub.depth + 1 from units u2 join sub on u2.parent_id = sub.id where sub.depth < ${MAX_DEPTH}
      ) select id from sub)`,
    );
  }
  if (query.teamOf) select = select.where("p.id", "in", teamSubquery(query.teamOf));

  const direction = query.descending ? "desc" : "asc";
  const unitName = lang === "fr" ? "u.name_fr" : "u.name_en";
  const byName = [sql`lower(p.family_name)`, sql`lower(coalesce(p.preferred_name, p.given_name))`];
  const order = {
    name: byName,
    employeeNumber: [sql`p.employee_number`],
    unit: [sql`lower(coalesce(${sql.ref(unitName)}, ''))`, ...byName],
    status: [sql`p.status`, ...byName],
    manager: [sql`lower(coalesce(m.family_name, ''))`, sql`lower(coalesce(m.given_name, ''))`, ...byName],
  }[query.sort ?? "name"];
  for (const key of order) select = select.orderBy(sql`${key} ${sql.raw(direction)}`);
  select = select.orderBy("p.id");

  const rows = await select
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // A page past the end has no row to carry the total: count once then (rare; never on page 1).
  const total =
    rows.length > 0
      ? Number(rows[0].total)
      : page > 1
        ? (await listPeople(db, organisationId, { ...query, page: 1, pageSize: 1 })).total
        : 0;
  return {
    rows: rows.map((row) => ({
      id: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      preferredName: row.preferred_name,
      email: row.email,
      employeeNumber: row.employee_number,
      status: row.status as PersonStatus,
      statusSince: row.status_since,
      preferredLang: row.preferred_lang,
      unitId: row.unit_id,
      unitNameEn: row.unit_name_en,
      unitNameFr: row.unit_name_fr,
      managerId: row.manager_id,
      managerName:
        row.manager_given_name !== null && row.manager_family_name !== null
          ? displayName({
              givenName: row.manager_given_name,
              familyName: row.manager_family_name,
              preferredName: row.manager_preferred_name,
            })
          : null,
      hasAccount: row.user_id !== null,
    })),
    total,
    page,
    pageSize,
  };
}

/**
 * The ids of everyone below a manager, as a subquery (one recursive walk down the manager lines).
 * The walk follows manager_id alone, so the database walks the manager index: a condition on the
 * organisation inside it made SQLite scan the organisation's people at every step (1.5 s for a
 * team of 1,000 among 5,000). A manager is always of their reports' organisation (the store
 * checks it), and the outer query keeps the organisation's people only.
 */
function teamSubquery(managerId: string) {
  return sql<string>`(with recursive team(id, depth) as (
    select id, 1 from people where manager_id = ${managerId}
    union all
    select p2.id, team.depth + 1 from people p2 join team on p2.manager_id = team.id
    where team.depth < ${MAX_DEPTH}
  ) select id from team)`;
}

/** A manager's team: everyone below them, each with their distance (1: a direct report). */
export async function teamOf(
  db: Kysely<DB>,
  organisationId: string,
  managerId: string,
): Promise<{ id: string; depth: number }[]> {
  const { rows } = await sql<{ id: string; depth: number | string }>`
    with recursive team(id, depth) as (
      select id, 1 from people where manager_id = ${managerId}
      union all
      select p.id, team.depth + 1 from people p join team on p.manager_id = team.id
      where team.depth < ${MAX_DEPTH}
    )
    select team.id, min(team.depth) as depth from team join people on people.id = team.id
    where people.organisation_id = ${organisationId}
    group by team.id order by min(team.depth), team.id`.execute(db);
  return rows.map((row) => ({ id: row.id, depth: Number(row.depth) }));
}

export interface PersonSummary {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  status: PersonStatus;
}

export interface PersonProfile {
  person: PersonRow & { statusSince: string | null; userId: string | null; createdAt: string; updatedAt: string };
  /** The managers above, nearest first. */
  managerLine: PersonSummary[];
  directReports: PersonSummary[];
}

/** A person's record with their unit, the manager line up and their direct reports. */
export async function personProfile(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
): Promise<PersonProfile | undefined> {
  const person = await db
    .selectFrom("people as p")
    .leftJoin("units as u", "u.id", "p.unit_id")
    .selectAll("p")
    .select(["u.name_en as unit_name_en", "u.name_fr as unit_name_fr"])
    .where("p.organisation_id", "=", organisationId)
    .where("p.id", "=", personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const [line, reports] = await Promise.all([
    person.manager_id
      ? sql<{
          id: string;
          given_name: string;
          family_name: string;
          preferred_name: string | null;
          status: string;
          depth: number;
        }>`
          with recursive line(id, manager_id, depth) as (
            select id, manager_id, 1 from people where id = ${person.manager_id} and organisation_id = ${organisationId}
            union all
            select p.id, p.manager_id, line.depth + 1 from people p join line on p.id = line.manager_id
            where line.depth < ${MAX_DEPTH}
          )
          select people.id, people.given_name, people.family_name, people.preferred_name, people.status, line.depth
          from line join people on people.id = line.id
          where people.organisation_id = ${organisationId} order by line.depth`
          .execute(db)
          .then((result) => result.rows)
      : Promise.resolve([]),
    db
      .selectFrom("people")
      .select(["id", "given_name", "family_name", "preferred_name", "status"])
      .where("organisation_id", "=", organisationId)
      .where("manager_id", "=", personId)
      .orderBy(sql`lower(family_name)`)
      .orderBy(sql`lower(coalesce(preferred_name, given_name))`)
      .orderBy("id")
      .execute(),
  ]);
  const seen = new Set<string>();
  const managerLine: PersonSummary[] = [];
  for (const row of line) {
    if (seen.has(row.id)) break;
    seen.add(row.id);
    managerLine.push(summaryOf(row));
  }
  const manager = managerLine[0];
  return {
    person: {
      id: person.id,
      givenName: person.given_name,
      familyName: person.family_name,
      preferredName: person.preferred_name,
      email: person.email,
      employeeNumber: person.employee_number,
      status: person.status as PersonStatus,
      statusSince: person.status_since,
      preferredLang: person.preferred_lang,
      unitId: person.unit_id,
      unitNameEn: person.unit_name_en,
      unitNameFr: person.unit_name_fr,
      managerId: person.manager_id,
      managerName: manager ? displayName(manager) : null,
      hasAccount: person.user_id !== null,
      userId: person.user_id,
      createdAt: person.created_at,
      updatedAt: person.updated_at,
    },
    managerLine,
    directReports: reports.map(summaryOf),
  };
}

const summaryOf = (row: {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  status: string;
}): PersonSummary => ({
  id: row.id,
  givenName: row.given_name,
  familyName: row.family_name,
  preferredName: row.preferred_name,
  status: row.status as PersonStatus,
});

/** The organisation's units, for filters and the edit form's choice (tree order is the units' own). */
export function unitChoices(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom("units")
    .select(["id", "parent_id", "name_en", "name_fr", "ordinal"])
    .where("organisation_id", "=", organisationId)
    .orderBy("ordinal")
    .orderBy("id")
    .execute();
}
