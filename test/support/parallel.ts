/**
 * Parallel requests for the tests of unique constraints met at once (test/db/unique-violation.test.ts
 * says why): rounds of eight calls at once, each call's answer or refusal checked.
 */
import assert from "node:assert/strict";

/** The first round only warms the connection pool; in the later ones the transactions overlap. */
export const ROUNDS = 12;

/**
 * Eight calls at once. Every one answers, or is refused as `refused` says (a database error is the
 * 500 these tests are about); returns the answers.
 */
export async function eightAtOnce<T>(
  round: number,
  call: (i: number) => Promise<T>,
  refused: (error: unknown) => boolean = () => false,
): Promise<T[]> {
  const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => call(i)));
  for (const r of results) if (r.status === "rejected") assert.ok(refused(r.reason), `round ${round}: ${r.reason}`);
  return results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
}
