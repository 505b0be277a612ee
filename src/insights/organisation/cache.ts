/**
 * The organisation's insights are computed once per change of its data, not per request (decision
 * 048): reading 5,000 people's latest assessments (150,000 rows) and planning suppression per
 * competency costs seconds on a busy machine; a cheap version query costs milliseconds. The version
 * covers what the figures depend on: the assessments (count, Σ version — every save bumps it —,
 * latest change, withdrawals), the cycles (count, latest change, states) and the people (count,
 * latest change: a move of unit). Kept per database, in this process only; a change made by another
 * process changes the version, so it is never served stale.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";

const MAX_ENTRIES = 64;

/** A version of the organisation's insight data: equal strings, equal figures. */
export async function dataVersion(db: Kysely<DB>, organisationId: string): Promise<string> {
  // One pass over each table (its organisation index), three queries in one round trip each.
  const [assessments, cycles, people] = await Promise.all([
    sql<Record<string, unknown>>`
      select count(*) as n, sum(version) as versions, max(updated_at) as changed,
        sum(case when state = 'withdrawn' then 1 else 0 end) as withdrawn
      from assessments where organisation_id = ${organisationId}`.execute(db),
    sql<Record<string, unknown>>`
      select count(*) as n, max(updated_at) as changed,
        sum(case when state = 'open' then 1 else 0 end) as open,
        sum(case when state = 'closed' then 1 else 0 end) as closed
      from review_cycles where organisation_id = ${organisationId}`.execute(db),
    sql<Record<string, unknown>>`
      select count(*) as n, max(updated_at) as changed from people where organisation_id = ${organisationId}`.execute(
      db,
    ),
  ]);
  const rows = [{ ...assessments.rows[0], ...prefix("c", cycles.rows[0]), ...prefix("p", people.rows[0]) }];
  return Object.values(rows[0] ?? {})
    .map((value) => String(value ?? ""))
    .join("|");
}

const latest = new WeakMap<Kysely<DB>, Map<string, { version: string; value: Promise<unknown> }>>();

/** The organisation's data of this version, computed once; only the latest version is kept per organisation. */
export function latestOf<T>(
  db: Kysely<DB>,
  organisationId: string,
  version: string,
  compute: () => Promise<T>,
): Promise<T> {
  let byOrganisation = latest.get(db);
  if (!byOrganisation) {
    byOrganisation = new Map();
    latest.set(db, byOrganisation);
  }
  const kept = byOrganisation.get(organisationId);
  if (kept && kept.version === version) return kept.value as Promise<T>;
  const value = compute();
  const entry = { version, value };
  byOrganisation.set(organisationId, entry);
  value.catch(() => {
    if (byOrganisation.get(organisationId) === entry) byOrganisation.delete(organisationId);
  });
  return value;
}

const prefix = (name: string, row: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [`${name}_${key}`, value]));

const caches = new WeakMap<Kysely<DB>, Map<string, Promise<unknown>>>();

/**
 * The value for the key, computed at most once while kept (the least recently used of MAX_ENTRIES
 * goes first). A computation that fails is not kept.
 */
export function remember<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const kept = cache.get(key) as Promise<T> | undefined;
  if (kept) {
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const pending = compute();
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return pending;
}
