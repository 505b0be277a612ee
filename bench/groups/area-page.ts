/**
 * Area page throughput against the same bytes served from memory by the same process, its p99
 * latency, and the server's memory after the load. Runs alternate A B A B … so a noisy neighbour
 * hurts both sides alike; each pair gives a ratio and the median ratio is reported.
 */
import { createHash } from "node:crypto";
import { BENCH_FLAG } from "../../src/bench-routes.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { CONNECTIONS, type LoadResult, load } from "../lib/load.ts";
import { residentMegabytes } from "../lib/process.ts";
import { AREA_PAGE_PATH, startSkillshelfReady } from "../lib/server.ts";
import { median } from "../lib/stats.ts";

const WARM_UP_SECONDS = 1;
const RUN_SECONDS = 3;
// More, shorter pairs beat fewer, longer ones on a shared machine: one disturbed pair barely moves
// a median of five.
const ROUNDS = 5;
const STATIC_PATH = "/__bench/static";

async function digest(url: string): Promise<{ sha: string; bytes: number; type: string | null }> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return {
    sha: createHash("sha256").update(body).digest("hex"),
    bytes: body.length,
    type: response.headers.get("content-type"),
  };
}

export const areaPage: BenchGroup = {
  id: "area-page",
  title: "area page under load",
  figures: [
    {
      key: "area_page_ratio",
      unit: "×",
      label: "area page req/s ÷ same bytes from memory",
      goal: { op: ">=", target: 0.5 },
    },
    { key: "area_page_rps", unit: "req/s", label: "area page requests per second" },
    { key: "area_page_p99_ms", unit: "ms", label: "area page latency p99", goal: { op: "<=", target: 25 } },
    { key: "rss_mb", unit: "MB", label: "server resident memory after load", goal: { op: "<=", target: 200 } },
  ],
  async run(context, report) {
    // The first start on this run's fresh database also creates, migrates and loads it.
    const { server } = await startSkillshelfReady(context, { [BENCH_FLAG]: "1" });
    try {
      const areaUrl = `${server.origin}${AREA_PAGE_PATH}`;
      const staticUrl = `${server.origin}${STATIC_PATH}`;
      const capture = await fetch(`${staticUrl}?from=${encodeURIComponent(AREA_PAGE_PATH)}`, { method: "PUT" });
      if (capture.status !== 200)
        throw new Error(`capturing the area page failed: ${capture.status} ${await capture.text()}`);
      const [page, copy] = await Promise.all([digest(areaUrl), digest(staticUrl)]);
      if (page.sha !== copy.sha || page.type !== copy.type)
        throw new Error("the in-memory copy differs from the area page");
      console.log(
        `  ${AREA_PAGE_PATH}: ${page.bytes} bytes (${page.type}); ${CONNECTIONS} connections, ${ROUNDS}×${RUN_SECONDS} s each, alternating`,
      );

      await load(areaUrl, WARM_UP_SECONDS);
      await load(staticUrl, WARM_UP_SECONDS);
      const pageRuns: LoadResult[] = [];
      const memoryRuns: LoadResult[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const a = await load(areaUrl, RUN_SECONDS);
        const b = await load(staticUrl, RUN_SECONDS);
        pageRuns.push(a);
        memoryRuns.push(b);
        console.log(
          `  round ${round}: area page ${a.requestsPerSecond.toFixed(0)} req/s (p99 ${a.p99Ms} ms), from memory ${b.requestsPerSecond.toFixed(0)} req/s (p99 ${b.p99Ms} ms), ratio ${(a.requestsPerSecond / b.requestsPerSecond).toFixed(3)}`,
        );
      }
      const ratios = pageRuns.map((a, i) => a.requestsPerSecond / memoryRuns[i].requestsPerSecond);
      report("area_page_ratio", median(ratios), `median of ${ROUNDS} paired rounds`);
      report(
        "area_page_rps",
        median(pageRuns.map((r) => r.requestsPerSecond)),
        `from memory: ${median(memoryRuns.map((r) => r.requestsPerSecond)).toFixed(0)} req/s`,
      );
      report("area_page_p99_ms", median(pageRuns.map((r) => r.p99Ms)), `median of ${ROUNDS} runs`);
      const memory = (await (await fetch(`${server.origin}/__bench/memory`)).json()) as NodeJS.MemoryUsage;
      const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
      report(
        "rss_mb",
        residentMegabytes(server.pid),
        `VmRSS of pid ${server.pid}; JS heap ${mb(memory.heapUsed)} used of ${mb(memory.heapTotal)}, external ${mb(memory.external)}`,
      );
    } finally {
      await server.stop();
    }
  },
};
