/**
 * Guessing passwords (and second-factor codes) is slowed by a progressive delay per key, kept in the
 * database so that every process of one installation shares it and a restart forgets nothing.
 *
 * Each attempt first *reserves* itself on each of its keys (an account, a client address…) with one
 * conditional upsert per key: the row's failure count goes up by one unless the key is still in its
 * delay, in which case nothing is written and the attempt is refused before any password is checked.
 * The check and the count are one statement, so a burst of parallel guesses cannot all pass it: at
 * most the free attempts are checked, the rest wait. A reservation is a failure until the attempt
 * proves otherwise: a success gives back only its own reservation (`release`), so a success in the
 * middle of a burst does not wipe the burst's failures.
 *
 * The first `free` failures cost nothing; after that each failure makes the key wait, doubling from
 * `firstDelayMs` up to `maxDelayMs`. Refused attempts are not failures and do not extend the wait, so
 * flooding a key gets nothing checked and costs its owner no more than the current delay. A key's
 * failures are forgotten `forgetAfterMs` after its last one.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";

export interface ThrottleRule {
  /** Failures allowed before any delay. */
  free: number;
  /** The wait after the first failure beyond `free`; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

export const THROTTLE_RULES = {
  /** Guesses at one account from a browser that never signed in to it. */
  account: { free: 5, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  /** Attempts at one account from a browser that signed in to it before (see known-device.ts). */
  knownDevice: { free: 5, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  /** Everything from one client address, whatever the account. */
  address: { free: 20, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  /** Second-factor codes for one account (after the right password). */
  secondFactor: { free: 5, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  /**
   * One use of one authenticator code ("code:<user>:<code>"): a code is accepted while it is current
   * (up to 90 s with the clock drift allowed), so it is claimed once and refused again for that long.
   */
  codeUse: { free: 1, firstDelayMs: 90_000, maxDelayMs: 90_000, forgetAfterMs: 90_000 },
} as const satisfies Record<string, ThrottleRule>;

/** Rows idle this long are deleted (longer than any rule remembers), so random keys cannot pile up. */
const PRUNE_AFTER_MS = 2 * 60 * MINUTE;
const PRUNE_EVERY_MS = 10 * MINUTE;

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

export type Reservation = { ok: true; release: () => Promise<void> } | { ok: false; retryAfterMs: number };

/** The wait a key owes after its `failures`-th failure. Pure: what the SQL below encodes. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.firstDelayMs * 2 ** (failures - rule.free), rule.maxDelayMs);
}

/** Keys are bounded: an address or email longer than this is cut (the column holds 400). */
const keyOf = (key: string) => key.slice(0, 400);

export class Throttle {
  private lastPrune = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Reserves one attempt on every key, or none: when a key refuses, the reservations already made
   * are given back and the attempt must wait `retryAfterMs`.
   */
  async reserve(keys: ThrottleKey[]): Promise<Reservation> {
    await this.pruneNowAndThen();
    const taken: ThrottleKey[] = [];
    for (const key of keys) {
      if (await this.reserveOne(key)) {
        taken.push(key);
        continue;
      }
      await this.releaseAll(taken);
      const waits = await Promise.all(keys.map((k) => this.waitMs(k.key)));
      return { ok: false, retryAfterMs: Math.max(1000, ...waits) };
    }
    let released = false;
    return {
      ok: true,
      release: async () => {
        if (released) return;
        released = true;
        await this.releaseAll(taken);
      },
    };
  }

  /** Milliseconds before the key accepts an attempt; 0 when it does now. */
  async waitMs(key: string): Promise<number> {
    const row = await this.db
      .selectFrom("auth_throttle")
      .select("next_allowed_at")
      .where("key", "=", keyOf(key))
      .executeTakeFirst();
    return row ? Math.max(0, Date.parse(row.next_allowed_at) - this.now()) : 0;
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.db
      .deleteFrom("auth_throttle")
      .where("last_failure_at", "<", new Date(now - PRUNE_AFTER_MS).toISOString())
      .where("next_allowed_at", "<", new Date(now).toISOString())
      .execute();
  }

  private async reserveOne({ key, rule }: ThrottleKey): Promise<boolean> {
    const now = this.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const nowIso = iso(now);
    const forgetBefore = iso(now - rule.forgetAfterMs);
    // The delay after the new count, as a CASE over the old count: one branch per doubling step.
    const steps: ReturnType<typeof sql>[] = [];
    for (let failures = rule.free; ; failures++) {
      const delay = delayAfter(rule, failures);
      steps.push(sql`when auth_throttle.failures + 1 = ${failures} then ${iso(now + delay)}`);
      if (delay >= rule.maxDelayMs) break;
    }
    const forgotten = sql`auth_throttle.last_failure_at < ${forgetBefore}`;
    const row = await this.db
      .insertInto("auth_throttle")
      .values({
        key: keyOf(key),
        failures: 1,
        last_failure_at: nowIso,
        next_allowed_at: iso(now + delayAfter(rule, 1)),
      })
      .onConflict((oc) =>
        oc
          .column("key")
          .doUpdateSet({
            failures: sql`case when ${forgotten} then 1 else auth_throttle.failures + 1 end`,
            last_failure_at: nowIso,
            next_allowed_at: sql`case
              when ${forgotten} then ${iso(now + delayAfter(rule, 1))}
              when auth_throttle.failures + 1 < ${rule.free} then ${nowIso}
              ${sql.join(steps, sql` `)}
              else ${iso(now + rule.maxDelayMs)} end`,
          })
          .where(sql<boolean>`auth_throttle.next_allowed_at <= ${nowIso} or ${forgotten}`),
      )
      .returning("failures")
      .executeTakeFirst();
    return row !== undefined;
  }

  private async releaseAll(keys: ThrottleKey[]): Promise<void> {
    for (const { key } of keys) {
      await this.db
        .updateTable("auth_throttle")
        .set({ failures: sql`failures - 1` })
        .where("key", "=", keyOf(key))
        .where("failures", ">", 0)
        .execute();
    }
  }
}
