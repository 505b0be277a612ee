/**
 * Open-loop clients in a worker thread (assessment-save bench): every request has a time fixed in
 * advance and is sent at that time whether or not the answers before it have come back, so a slow
 * server is not given breathing room by its own slowness. Each time runs from the request's planned
 * moment (not from when a late timer sent it) to the last byte of the answer. The worker keeps the
 * clients' own work (timers, HTTP parsing) off the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";

// Plain JavaScript: a worker thread does not inherit the TypeScript loader the bench runs under.
// Input: { origin, plan: [{ at, path, init }], expect }; answer: PacedResult (assessment-save.ts).

/** @param {{ origin: string; plan: { at: number; path: string; init: RequestInit }[]; expect: string }} input */
async function run(input) {
  const times = [];
  const late = [];
  let refused = 0;
  let failed = 0;
  let firstFailure = null;
  const start = performance.now() + 50;
  const one = async (request) => {
    const planned = start + request.at;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    late.push(performance.now() - planned);
    try {
      const response = await fetch(`${input.origin}${request.path}`, request.init);
      const body = await response.text();
      times.push(performance.now() - planned);
      if (response.status !== 200) {
        failed++;
        firstFailure ??= `status ${response.status}`;
      } else if (!body.startsWith(input.expect)) refused++;
    } catch (error) {
      failed++;
      firstFailure ??= String(error.cause ?? error);
    }
  };
  await Promise.all(input.plan.map(one));
  late.sort((a, b) => a - b);
  return {
    times,
    refused,
    failed,
    firstFailure,
    elapsedMs: performance.now() - start,
    lateP95Ms: late[Math.max(0, Math.ceil(0.95 * late.length) - 1)] ?? 0,
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  run(workerData).then(
    (result) => port.postMessage(result),
    (error) => port.postMessage({ error: String(error) }),
  );
}
