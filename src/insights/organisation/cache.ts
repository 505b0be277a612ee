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

/** How old the figures kept may be to be served while newer ones are computed. */
export const STALE_SERVE_MS = 5 * 60_000;

interface Computation {
  version: string;
  value: Promise<unknown>;
  /** When it finished (null while it runs). */
  settledAt: number | null;
}

interface Slot {
  current?: Computation;
  running?: Computation;
}

const latest = new WeakMap<Kysely<DB>, Map<string, Slot>>();

/**
 * The organisation's data of this version, computed once per version. While a newer version is
 * computed (seconds for a large organisation), the figures already kept are served if they are at
 * most STALE_SERVE_MS old, so a request never waits for one save's recomputation: figures over a
 * whole organisation may lag its very latest saves by the time one computation takes. At most one
 * computation runs per organisation; the version served is returned with the value, so everything
 * derived from it is keyed on what was actually served.
 */
export async function latestOf<T>(
  db: Kysely<DB>,
  organisationId: string,
  version: string,
  compute: () => Promise<T>,
  now: () => number = Date.now,
): Promise<{ version: string; value: T }> {
  let byOrganisation = latest.get(db);
  if (!byOrganisation) {
    byOrganisation = new Map();
    latest.set(db, byOrganisation);
  }
  let slot = byOrganisation.get(organisationId);
  if (!slot) {
    slot = {};
    byOrganisation.set(organisationId, slot);
  }
  const { current } = slot;
  const served = async (computation: Computation) => ({
    version: computation.version,
    value: (await computation.value) as T,
  });
  if (current?.version === version) return served(current);
  if (!slot.running) {
    // Started after the current turn of the event loop: on SQLite the reads run on this thread, so a
    // request served the kept figures answers first instead of waiting behind the first reads.
    const started = current ? new Promise<void>((resolve) => setImmediate(resolve)).then(compute) : compute();
    const running: Computation = { version, value: started, settledAt: null };
    const held = slot;
    slot.running = running;
    running.value.then(
      () => {
        running.settledAt = now();
        if (held.running === running) {
          held.current = running;
          held.running = undefined;
        }
      },
      () => {
        if (held.running === running) held.running = undefined;
      },
    );
  }
  const fresh = current?.settledAt != null && now() - current.settledAt <= STALE_SERVE_MS;
  return served(fresh && current ? current : (slot.running as Computation));
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
