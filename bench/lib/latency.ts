/**
 * A closed-loop load with per-request latencies, for what autocannon does not give: percentiles per
 * kind of request in one mixed run. `connections` loops each send one request, wait for the whole
 * answer, and send the next, over node:http keep-alive connections (cheaper per request than fetch).
 */
import { Agent, request } from "node:http";

export interface Tagged {
  path: string;
  tag: string;
}

export async function closedLoop(
  origin: string,
  requests: readonly Tagged[],
  connections: number,
  durationSeconds: number,
): Promise<{ latencies: Map<string, number[]>; total: number; failures: number }> {
  const { hostname, port } = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies = new Map<string, number[]>();
  let total = 0;
  let failures = 0;
  const deadline = performance.now() + durationSeconds * 1000;
  const one = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ agent, hostname, port, path, method: "GET" }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  const loop = async (start: number) => {
    for (let i = start; performance.now() < deadline; i += connections) {
      const { path, tag } = requests[i % requests.length];
      const started = performance.now();
      const status = await one(path).catch(() => 0);
      const elapsed = performance.now() - started;
      total++;
      if (status !== 200) {
        failures++;
        continue;
      }
      const list = latencies.get(tag) ?? [];
      list.push(elapsed);
      latencies.set(tag, list);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, start) => loop(start)));
  agent.destroy();
  return { latencies, total, failures };
}
