/**
 * Property tests (fast-check), one convention for every test file; loaded before each file by
 * `--import ./test/support/fast-check-seed.ts` (scripts/test.mjs passes it).
 *
 * Seed: fixed, so a run of `npm test` (and CI) is repeatable: the same inputs every time. To explore
 * new inputs, run with FC_SEED=random (or a number); a failure prints its seed and counterexample,
 * which then belongs in a regular test.
 *
 * Runs: each property states a small count, `{ numRuns: runs(50) }`, so the whole suite stays quick;
 * FC_RUNS=1000 runs every property that many times instead (a property without a count gets
 * FC_RUNS too, or fast-check's 100). Explore with both: `FC_SEED=random FC_RUNS=1000 npm run test:unit`.
 */
import fc from "fast-check";

const seed = process.env.FC_SEED ?? "20261128";
const wanted = runsFromEnvironment(process.env.FC_RUNS);

fc.configureGlobal({
  ...(seed === "random" ? {} : { seed: Number(seed) }),
  ...(wanted === undefined ? {} : { numRuns: wanted }),
});

/** How many times to run one property: `fallback` unless FC_RUNS says otherwise. */
export function runs(fallback: number): number {
  return wanted ?? fallback;
}

function runsFromEnvironment(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`FC_RUNS must be a whole number ≥ 1, not "${value}"`);
  return count;
}
