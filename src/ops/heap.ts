/**
 * Giving the heap back after a rebuild (decision 030). When a rebuilt revision of the published
 * frameworks goes live, the previous one (50,000-item views, a search index) and the build's own
 * leftovers become garbage at once; V8 collects them only when the old generation next reaches its
 * limit, which a quiet server may not do for a long time, so its memory stays at the rebuild's
 * high-water mark. Asking V8 to measure the heap's memory eagerly starts a major collection with
 * incremental and concurrent marking (not the stop-the-world collection `gc()` would run), after
 * which V8 releases the pages it no longer needs.
 */
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
