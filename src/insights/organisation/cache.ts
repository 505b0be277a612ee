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
  const { rows } = await sql<Record<string, unknown>>`
    select
      (select count(*) from assessments where organisation_id = ${organisationId}) as a_count,
      (select sum(version) from assessments where organisation_id = ${organisationId}) as a_versions,
      (select max(updated_at) from assessments where organisation_id = ${organisationId}) as a_changed,
      (select count(*) from assessments where organisation_id = ${organisationId} and state = 'withdrawn') as a_withdrawn,
      (select count(*) from review_cycles where organisation_id = ${organisationId}) as c_count,
      (select max(updated_at) from review_cycles where organisation_id = ${organisationId}) as c_changed,
      (select count(*) from review_cycles where organisation_id = ${organisationId} and state = 'open') as c_open,
      (select count(*) from review_cycles where organisation_id = ${organisationId} and state = 'closed') as c_closed,
      (select count(*) from people where organisation_id = ${organisationId}) as p_count,
      (select max(updated_at) from people where organisation_id = ${organisationId}) as p_changed
  `.execute(db);
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
