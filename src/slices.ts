/**
 * Long CPU work in slices that give the event loop back (decision 022). A computation is written
 * once, as a generator that yields every few hundred items; `finish` runs it straight through (tests,
 * the bench, the command line), `inSlices` runs it a few milliseconds at a time and lets the requests
 * that arrived meanwhile be answered between slices. So rebuilding a 50,000-item framework's view and
 * search index delays a reader by one slice, not by seconds.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

/** A computation that yields now and then; its return value is the result. */
export type Steps<T> = Generator<void, T, void>;

/** How many items a step loop handles between two yields: small enough for a slice, cheap to count. */
export const STEP = 256;

/** Runs the steps to the end at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Time on the main thread one slice may take before pending I/O (readers' requests) is served. */
export const SLICE_MS = 8;

/** Runs the steps a slice at a time, giving the event loop back (setImmediate) between slices. */
export async function inSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      await nextTurn();
      started = performance.now();
    }
  }
}
