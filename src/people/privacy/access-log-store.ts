/**
 * Reading the access log (src/people/access-log.ts writes it): the organisation's, for its
 * administrators, filtered by person, viewer and dates, newest first, a page at a time; and one
 * person's ("who viewed my record").
 */
import { type Kysely, sql } from "kysely";
import { containsText } from "../../db/contains.ts";
import type { DB } from "../../db/schema.ts";
import { startOfDayIn } from "../../i18n/zones.ts";

export interface AccessLogFilter {
  /** Exactly this person (a link from their pages). */
  personId?: string;
  /** Part of the person's name, or their employee number. */
  person?: string;
  /** Part of the viewer's name or e-mail as it was logged. */
  viewer?: string;
  /** First and last day (YYYY-MM-DD), both included: the organisation's days, in `timeZone`. */
  from?: string;
  to?: string;
  /** The zone whose days `from` and `to` are (decision 054); UTC when absent. */
  timeZone?: string;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  actorLabel: string;
  personId: string;
  personName: string;
  employeeNumber: string;
  what: string;
  path: string | null;
}

export interface AccessLogPage {
  entries: AccessLogEntry[];
  /** Cursor of the next (older) page. */
  next?: string;
}

/** The day after an ISO date (the "to" day is included). */
export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** "at|id" of the last entry shown: the next page starts strictly after it (newest first). */
const cursorOf = (entry: { at: string; id: string }) => `${entry.at}|${entry.id}`;
function parseCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const match = /^([0-9T:.Z-]{10,30})\|([0-9a-f-]{36})$/.exec(cursor ?? "");
  return match ? { at: match[1], id: match[2] } : undefined;
}

export async function listAccessLog(
  db: Kysely<DB>,
  organisationId: string,
  filter: AccessLogFilter,
  page: { limit: number; before?: string },
): Promise<AccessLogPage> {
  let query = db
    .selectFrom("access_log")
    .innerJoin("people", "people.id", "access_log.person_id")
    .select([
      "access_log.id",
      "access_log.at",
      "access_log.actor_label",
      "access_log.person_id",
      "access_log.what",
      "access_log.path",
      "people.given_name",
      "people.family_name",
      "people.preferred_name",
      "people.employee_number",
    ])
    .where("access_log.organisation_id", "=", organisationId);
  if (filter.personId) query = query.where("access_log.person_id", "=", filter.personId);
  if (filter.person) {
    const text = filter.person.trim();
    query = query.where((eb) =>
      eb.or([
        eb("people.employee_number", "=", text),
        containsText(sql`people.given_name || ' ' || people.family_name`, text),
        containsText(sql`coalesce(people.preferred_name, '') || ' ' || people.family_name`, text),
      ]),
    );
  }
  if (filter.viewer) query = query.where(containsText(sql`access_log.actor_label`, filter.viewer.trim()));
  // Entries are shown at the organisation's times: its days bound them, not UTC's.
  const zone = filter.timeZone ?? "UTC";
  if (filter.from) query = query.where("access_log.at", ">=", startOfDayIn(filter.from, zone));
  if (filter.to) query = query.where("access_log.at", "<", startOfDayIn(dayAfter(filter.to), zone));
  const cursor = parseCursor(page.before);
  if (cursor)
    query = query.where((eb) =>
      eb.or([
        eb("access_log.at", "<", cursor.at),
        eb.and([eb("access_log.at", "=", cursor.at), eb("access_log.id", "<", cursor.id)]),
      ]),
    );
  const rows = await query
    .orderBy("access_log.at", "desc")
    .orderBy("access_log.id", "desc")
    .limit(page.limit + 1)
    .execute();
  const entries = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    at: row.at,
    actorLabel: row.actor_label,
    personId: row.person_id,
    personName: displayName(row),
    employeeNumber: row.employee_number,
    what: row.what,
    path: row.path,
  }));
  const last = entries.at(-1);
  return { entries, next: rows.length > page.limit && last ? cursorOf(last) : undefined };
}

/** How a person is named on pages: preferred name (or given name) and family name. */
export function displayName(person: { given_name: string; family_name: string; preferred_name: string | null }) {
  return `${person.preferred_name?.trim() || person.given_name} ${person.family_name}`;
}
