/** One bounded autocannon run on loopback, refusing results that contain errors or non-2xx answers. */
import autocannon from "autocannon";

export const CONNECTIONS = 32;

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  total: number;
}

/** `paths`: each connection requests these in turn (a query mix) instead of `url`'s own path. */
export async function load(url: string, durationSeconds: number, paths?: readonly string[]): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationSeconds,
    timeout: 10,
    ...(paths ? { requests: paths.map((path) => ({ method: "GET", path })) } : {}),
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    total: result.requests.total,
  };
}
