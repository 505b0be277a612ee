/**
 * The progressive delay on guesses (src/auth/throttle.ts), on each database: reservations are
 * atomic under parallel attempts, a success gives back only its own reservation, refused attempts
 * never extend the wait, and the wait is bounded.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { delayAfter, THROTTLE_RULES, Throttle, type ThrottleRule } from "../../src/auth/throttle.ts";
import type { Database } from "../../src/db/connect.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";

const RULE: ThrottleRule = { free: 3, firstDelayMs: 10_000, maxDelayMs: 80_000, forgetAfterMs: 3_600_000 };

describe("delayAfter", () => {
  test("nothing for the free failures, then doubling, never above the maximum", () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => delayAfter(RULE, n)),
      [0, 0, 10_000, 20_000, 40_000, 80_000, 80_000, 80_000],
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (failures) => {
        for (const rule of Object.values(THROTTLE_RULES)) {
          const delay = delayAfter(rule, failures);
          assert.ok(delay >= 0 && delay <= rule.maxDelayMs);
          assert.ok(delayAfter(rule, failures + 1) >= delay);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});

for (const dialect of testDialects()) {
  describe(`throttle store (${dialect})`, () => {
    let database: Database;
    let clock = Date.parse("2026-03-01T12:00:00.000Z");
    const now = () => clock;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database?.close());

    const failures = async (key: string) =>
      Number(
        (await database.db.selectFrom("auth_throttle").select("failures").where("key", "=", key).executeTakeFirst())
          ?.failures ?? 0,
      );

    test("200 parallel attempts on one key: only the free ones get through", async () => {
      const throttle = new Throttle(database.db, now);
      const key = { key: "account:burst@example.org", rule: RULE };
      const results = await Promise.all(Array.from({ length: 200 }, () => throttle.reserve([key])));
      assert.equal(results.filter((r) => r.ok).length, RULE.free);
      const refused = results.find((r) => !r.ok);
      assert.ok(refused && !refused.ok && refused.retryAfterMs === RULE.firstDelayMs);
      assert.equal(await failures(key.key), RULE.free);
    });

    test("a success in a burst gives back its own reservation only", async () => {
      const throttle = new Throttle(database.db, now);
      const key = { key: "account:success@example.org", rule: RULE };
      const results = await Promise.all(Array.from({ length: 10 }, () => throttle.reserve([key])));
      const passed = results.filter((r) => r.ok);
      assert.equal(passed.length, RULE.free);
      const first = passed[0];
      assert.ok(first.ok);
      await first.release();
      await first.release(); // twice is still once
      assert.equal(await failures(key.key), RULE.free - 1);
    });

    test("refused attempts do not extend the wait; after it, one attempt at a time", async () => {
      const throttle = new Throttle(database.db, now);
      const key = { key: "address:198.51.100.7", rule: RULE };
      for (let i = 0; i < RULE.free; i++) assert.ok((await throttle.reserve([key])).ok);
      const waiting = await throttle.reserve([key]);
      assert.ok(!waiting.ok && waiting.retryAfterMs === 10_000);
      clock += 5_000;
      for (let i = 0; i < 50; i++) assert.equal((await throttle.reserve([key])).ok, false);
      assert.equal(await throttle.waitMs(key.key), 5_000);
      clock += 5_000;
      assert.ok((await throttle.reserve([key])).ok);
      assert.equal(await throttle.waitMs(key.key), 20_000);
      // The wait never exceeds the maximum, however long someone keeps guessing.
      for (let i = 0; i < 10; i++) {
        clock += RULE.maxDelayMs;
        assert.ok((await throttle.reserve([key])).ok);
        assert.ok((await throttle.waitMs(key.key)) <= RULE.maxDelayMs);
      }
    });

    test("a key refusing gives back the other keys' reservations", async () => {
      const throttle = new Throttle(database.db, now);
      const blocked = { key: "account:blocked@example.org", rule: RULE };
      const address = { key: "address:203.0.113.5", rule: RULE };
      for (let i = 0; i < RULE.free; i++) assert.ok((await throttle.reserve([blocked])).ok);
      const refused = await throttle.reserve([address, blocked]);
      assert.equal(refused.ok, false);
      assert.equal(await failures(address.key), 0);
    });

    test("failures are forgotten an hour after the last one", async () => {
      const throttle = new Throttle(database.db, now);
      const key = { key: "account:forget@example.org", rule: RULE };
      for (let i = 0; i < RULE.free; i++) assert.ok((await throttle.reserve([key])).ok);
      clock += RULE.forgetAfterMs + 1;
      assert.ok((await throttle.reserve([key])).ok);
      assert.equal(await failures(key.key), 1);
      assert.equal(await throttle.waitMs(key.key), 0);
    });
  });
}
