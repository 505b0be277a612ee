/**
 * What the team heatmap reads, bounded to the manager's team: the people below the manager (one
 * recursive query over the manager lines, nearest line first), their latest assessments through the
 * shared reader (limited to those people), the competencies' names and areas as the framework's
 * latest edition has them (one query per edition involved, not per person), and one access-log
 * insert for everyone the view shows. Nothing here reads the whole organisation.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { actorLabel } from "../../people/organisations/changes.ts";
import { displayName } from "../../people/staff/queries.ts";
import type { OrganisationActor } from "../../policy/index.ts";
import { type AssessedRow, assessedRows } from "../read.ts";
import { type Competency, competencyKey, type TeamPerson } from "./model.ts";

/** Manager lines deeper than this are not followed (as the team page does). */
const MAX_DEPTH = 64;

/** Everyone below the manager, directly (depth 1) or not, with their nearest depth. */
export async function teamOf(db: Kysely<DB>, organisationId: string, managerId: string): Promise<TeamPerson[]> {
  const { rows } = await sql<{
    id: string;
    given_name: string;
    family_name: string;
    preferred_name: string | null;
    employee_number: string;
    depth: number | string;
  }>`
    with recursive team(id, depth) as (
      select id, 1 from people where manager_id = ${managerId} and organisation_id = ${organisationId}
      union all
      select p.id, team.depth + 1 from people p join team on p.manager_id = team.id
      where team.depth < ${MAX_DEPTH}
    ),
    nearest(id, depth) as (select id, min(depth) from team group by id)
    select p.id, p.given_name, p.family_name, p.preferred_name, p.employee_number, nearest.depth
    from nearest join people p on p.id = nearest.id
    where p.organisation_id = ${organisationId} and p.id <> ${managerId}`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    name: displayName({ givenName: row.given_name, familyName: row.family_name, preferredName: row.preferred_name }),
    employeeNumber: row.employee_number,
    depth: Number(row.depth),
  }));
}

/** The team's latest assessed competencies (the shared reader, limited to the team). */
export function teamRows(
  db: Kysely<DB>,
  organisationId: string,
  people: readonly TeamPerson[],
): Promise<AssessedRow[]> {
  if (people.length === 0) return Promise.resolve([]);
  return assessedRows(db, organisationId, { personIds: people.map((p) => p.id), cycles: "latest" });
}

interface ItemRow {
  edition_id: string;
  item_id: string;
  parent_id: string | null;
  type_code: string;
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
}

const AREA_TYPE = "area";

/**
 * The competencies of these rows as the latest edition of their framework has them: code, name,
 * area (the nearest ancestor of type "area"), and their place in the index (depth first). A
 * competency that edition no longer has keeps the code and name of the edition it was assessed
 * against, marked gone, and sorts after the others.
 */
export async function competenciesOf(db: Kysely<DB>, rows: readonly AssessedRow[]): Promise<Map<string, Competency>> {
  const result = new Map<string, Competency>();
  if (rows.length === 0) return result;
  const frameworkIds = [...new Set(rows.map((r) => r.frameworkId))];
  const editions = await db
    .selectFrom("editions")
    .select(["id", "framework_id", "number"])
    .where("framework_id", "in", frameworkIds)
    .execute();
  const latest = new Map<string, { id: string; number: number }>();
  for (const e of editions) {
    const seen = latest.get(e.framework_id);
    if (!seen || Number(e.number) > seen.number) latest.set(e.framework_id, { id: e.id, number: Number(e.number) });
  }
  const latestIds = [...latest.values()].map((e) => e.id);
  const items = latestIds.length
    ? await db
        .selectFrom("published_items")
        .select(["edition_id", "item_id", "parent_id", "type_code", "code", "position", "statement_en", "statement_fr"])
        .where("edition_id", "in", latestIds)
        .execute()
    : [];
  const byEdition = new Map<string, ItemRow[]>();
  for (const item of items) {
    const list = byEdition.get(item.edition_id);
    if (list) list.push(item);
    else byEdition.set(item.edition_id, [item]);
  }
  let order = 0;
  // Frameworks in the order the rows first name them (the assessments' own order).
  for (const frameworkId of frameworkIds) {
    const edition = latest.get(frameworkId);
    const list = edition ? (byEdition.get(edition.id) ?? []) : [];
    const byId = new Map(list.map((item) => [item.item_id, item]));
    const children = new Map<string | null, ItemRow[]>();
    for (const item of list) {
      const parent = item.parent_id && byId.has(item.parent_id) ? item.parent_id : null;
      const siblings = children.get(parent);
      if (siblings) siblings.push(item);
      else children.set(parent, [item]);
    }
    for (const siblings of children.values()) siblings.sort((a, b) => Number(a.position) - Number(b.position));
    const walk = (parent: string | null, area: ItemRow | null) => {
      for (const item of children.get(parent) ?? []) {
        const key = competencyKey(frameworkId, item.item_id);
        result.set(key, {
          key,
          frameworkId,
          itemId: item.item_id,
          code: item.code,
          name: { en: item.statement_en, fr: item.statement_fr },
          area: area ? { id: `${frameworkId}:${area.item_id}`, code: area.code, name: nameOf(area) } : null,
          order: order++,
          gone: false,
        });
        walk(item.item_id, item.type_code === AREA_TYPE ? item : area);
      }
    };
    walk(null, null);
  }
  // Items not in the index to walk: keep only the keys the rows need; gone ones read their own edition.
  const needed = new Set(rows.map((r) => competencyKey(r.frameworkId, r.itemId)));
  for (const key of [...result.keys()]) if (!needed.has(key)) result.delete(key);
  const gone = rows.filter((r) => !result.has(competencyKey(r.frameworkId, r.itemId)));
  if (gone.length > 0) {
    const pinned = await db
      .selectFrom("published_items")
      .select(["edition_id", "item_id", "code", "statement_en", "statement_fr"])
      .where("edition_id", "in", [...new Set(gone.map((r) => r.editionId))])
      .where("item_id", "in", [...new Set(gone.map((r) => r.itemId))])
      .execute();
    const then = new Map(pinned.map((p) => [`${p.edition_id}\u0000${p.item_id}`, p]));
    for (const row of gone) {
      const key = competencyKey(row.frameworkId, row.itemId);
      if (result.has(key)) continue;
      const old = then.get(`${row.editionId}\u0000${row.itemId}`);
      result.set(key, {
        key,
        frameworkId: row.frameworkId,
        itemId: row.itemId,
        code: old?.code ?? null,
        name: { en: old?.statement_en ?? null, fr: old?.statement_fr ?? null },
        area: null,
        order: order++,
        gone: true,
      });
    }
  }
  return result;
}

const nameOf = (item: ItemRow) => ({ en: item.statement_en, fr: item.statement_fr });

/**
 * The view in the access log: one row per person shown (the view is a view of each report's
 * record), written in one insert. The manager's own row, if ever given, is not a view of another's.
 */
export async function logTeamView(
  db: Kysely<DB>,
  input: {
    organisationId: string;
    actor: OrganisationActor;
    personIds: readonly string[];
    path: string;
    requestId?: string;
  },
  now = new Date(),
): Promise<number> {
  const own = input.actor.membership?.organisationId === input.organisationId ? input.actor.membership.personId : null;
  const ids = [...new Set(input.personIds)].filter((id) => id !== own);
  if (ids.length === 0) return 0;
  const at = now.toISOString();
  await db
    .insertInto("access_log")
    .values(
      ids.map((personId) => ({
        id: randomUUID(),
        organisation_id: input.organisationId,
        at,
        actor_id: input.actor.id,
        actor_label: actorLabel(input.actor),
        person_id: personId,
        what: "insights",
        path: input.path.slice(0, 500),
        request_id: input.requestId ?? null,
      })),
    )
    .execute();
  return ids.length;
}
