/**
 * Giving the heap back after a rebuild (decision 039). When a rebuilt revision of the published
 * frameworks goes live, the previous one (50,000-item views, a search index) and the build's own
 * leftovers become garbage at once; V8 collects them only when the old generation next reaches its
 * limit, which a quiet server may not do for a long time, so its memory stays at the rebuild's
 * high-water mark. Asking V8 to measure the heap's memory eagerly starts a major collection with
 * incremental and concurrent marking (not the stop-the-world collection `gc()` would run), after
 * which V8 releases the pages it no longer needs.
 */
import { constants, PerformanceObserver, performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { measureMemory } from "node:vm";

/** Long enough for the requests still holding the previous revision to finish. */
export const COLLECT_AFTER_MS = 1000;

/**
 * A function that asks for one major collection `delayMs` after its last call (calls in between
 * push it back: a burst of rebuilds asks once).
 */
export function collectorAfterRebuilds(delayMs = COLLECT_AFTER_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      collectGarbage();
    }, delayMs);
    timer.unref();
  };
}

/** Starts a major collection (incremental marking); the answer (memory figures) is not needed. */
export function collectGarbage(): void {
  // Node 20 calls vm.measureMemory experimental and warns once through process.emitWarning: the
  // server uses it for its side effect only, so that warning would only puzzle whoever reads the log.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    measureMemory({ execution: "eager" }).catch(() => undefined);
  } catch {
    // Not offered by this runtime: memory is then given back at V8's own pace.
  } finally {
    process.emitWarning = emitWarning;
  }
}

export interface QuietCollection {
  /** How often the server's activity and heap are looked at, in ms. */
  intervalMs: number;
  /** Growth of the heap since the last major collection that is worth one, in bytes. */
  growthBytes: number;
  /** Share of the last interval the event loop may have been busy for the server to count as quiet. */
  quietUtilization: number;
}

export const QUIET_COLLECTION: QuietCollection = {
  intervalMs: 2000,
  growthBytes: 32 * 1024 * 1024,
  quietUtilization: 0.05,
};

/**
 * Whether to ask for a major collection now: the server was quiet over the last interval and its
 * heap has grown by enough since the last major collection (a page of 50,000 items rendered, an
 * export produced). A busy server is left to V8's own pace. Pure.
 */
export function shouldCollect(
  seen: { utilization: number; usedBytes: number; usedAfterLastMajor: number },
  policy: QuietCollection = QUIET_COLLECTION,
): boolean {
  return seen.utilization <= policy.quietUtilization && seen.usedBytes - seen.usedAfterLastMajor >= policy.growthBytes;
}

/**
 * Gives memory back when the server goes quiet (V8 by itself waits for its old generation's limit,
 * or about eight seconds after a major collection): every interval, if the event loop was nearly idle
 * and the heap grew by `growthBytes` since the last major collection, asks for one. Returns stop().
 */
export function startQuietCollector(policy: QuietCollection = QUIET_COLLECTION): () => void {
  let usedAfterLastMajor = getHeapStatistics().used_heap_size;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) usedAfterLastMajor = getHeapStatistics().used_heap_size;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  let before = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, before);
    before = now;
    const usedBytes = getHeapStatistics().used_heap_size;
    if (!shouldCollect({ utilization, usedBytes, usedAfterLastMajor }, policy)) return;
    // Not asked again before this collection has reported (or the heap grown as much again).
    usedAfterLastMajor = usedBytes;
    collectGarbage();
  }, policy.intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    observer.disconnect();
  };
}
