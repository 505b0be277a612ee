/** Giving the heap back (src/ops/heap.ts, decision 039): when to ask, and that asking collects. */
import assert from "node:assert/strict";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { describe, test } from "node:test";
import fc from "fast-check";
import { collectGarbage, QUIET_COLLECTION, shouldCollect } from "../../src/ops/heap.ts";
import { runs } from "../support/fast-check-seed.ts";

const MB = 1024 * 1024;

describe("collection when the server goes quiet", () => {
  test("asks only when quiet and the heap grew by the threshold since the last major collection", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2048 }),
        fc.integer({ min: 0, max: 2048 }),
        (utilization, usedMb, afterMb) => {
          const asked = shouldCollect({ utilization, usedBytes: usedMb * MB, usedAfterLastMajor: afterMb * MB });
          const quiet = utilization <= QUIET_COLLECTION.quietUtilization;
          const grown = (usedMb - afterMb) * MB >= QUIET_COLLECTION.growthBytes;
          assert.equal(asked, quiet && grown);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  test("a busy server is left alone, however much its heap grew", () => {
    assert.equal(shouldCollect({ utilization: 0.5, usedBytes: 900 * MB, usedAfterLastMajor: 100 * MB }), false);
    assert.equal(shouldCollect({ utilization: 0.01, usedBytes: 900 * MB, usedAfterLastMajor: 100 * MB }), true);
    assert.equal(shouldCollect({ utilization: 0.01, usedBytes: 110 * MB, usedAfterLastMajor: 100 * MB }), false);
  });

  test("asking starts a major collection", { timeout: 60_000 }, async () => {
    const major = new Promise<void>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
            observer.disconnect();
            resolve();
          }
      });
      observer.observe({ entryTypes: ["gc"] });
    });
    // V8's marking runs in tasks that do not keep the event loop alive (a server's socket does).
    const alive = setInterval(() => undefined, 1000);
    collectGarbage();
    await major;
    clearInterval(alive);
  });
});
