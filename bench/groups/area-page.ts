/**
 * Area page throughput against a bare `node:http` server (a separate process, no Hono, no app)
 * sending the same bytes with the same headers: first with the page cache (the page is rendered
 * once and then served from memory), then with PAGE_CACHE=off (every request renders the page).
 * Runs alternate A B A B … so a noisy neighbour hurts both sides alike; each pair gives a ratio and
 * the median ratio is reported. Also the p99 of each at 32 connections, and the server's memory.
 */
import { readFileSync } from "node:fs";
import { BENCH_FLAG } from "../../src/bench-routes.ts";
import { type Captured, capture, headerBytes, startBareServer } from "../lib/bare.ts";
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

interface Paired {
  ratio: number;
  pageRps: number;
  bareRps: number;
  pageP99: number;
  bareP99: number;
  /** The server process's CPU time (user + system) per answered request, µs, median of the rounds. */
  pageCpuUs: number;
  bareCpuUs: number;
}

/** A process's CPU time so far (user + system), in µs, from /proc (clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** One load run, with the server's CPU time per answered request beside it. */
async function measured(url: string, pid: number): Promise<LoadResult & { cpuUs: number }> {
  const before = cpuMicros(pid);
  const result = await load(url, RUN_SECONDS);
  return { ...result, cpuUs: (cpuMicros(pid) - before) / Math.max(1, result.total) };
}

/** Warms both up, then alternates them ROUNDS times. */
async function paired(
  label: string,
  page: { url: string; pid: number },
  bare: { url: string; pid: number },
): Promise<Paired> {
  await load(page.url, WARM_UP_SECONDS);
  await load(bare.url, WARM_UP_SECONDS);
  const pageRuns: (LoadResult & { cpuUs: number })[] = [];
  const bareRuns: (LoadResult & { cpuUs: number })[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const a = await measured(page.url, page.pid);
    const b = await measured(bare.url, bare.pid);
    pageRuns.push(a);
    bareRuns.push(b);
    console.log(
      `  ${label} round ${round}: page ${a.requestsPerSecond.toFixed(0)} req/s (p99 ${a.p99Ms} ms, ${a.cpuUs.toFixed(0)} µs CPU each), bare node:http ${b.requestsPerSecond.toFixed(0)} req/s (p99 ${b.p99Ms} ms, ${b.cpuUs.toFixed(0)} µs CPU each), ratio ${(a.requestsPerSecond / b.requestsPerSecond).toFixed(3)}`,
    );
  }
  return {
    ratio: median(pageRuns.map((a, i) => a.requestsPerSecond / bareRuns[i].requestsPerSecond)),
    pageRps: median(pageRuns.map((r) => r.requestsPerSecond)),
    bareRps: median(bareRuns.map((r) => r.requestsPerSecond)),
    pageP99: median(pageRuns.map((r) => r.p99Ms)),
    bareP99: median(bareRuns.map((r) => r.p99Ms)),
    pageCpuUs: median(pageRuns.map((r) => r.cpuUs)),
    bareCpuUs: median(bareRuns.map((r) => r.cpuUs)),
  };
}

function sameBytes(page: Captured, bare: Captured, what: string) {
  if (page.sha === bare.sha && page.type === bare.type) return;
  let at = 0;
  while (at < page.body.length && page.body[at] === bare.body[at]) at++;
  throw new Error(
    `the bare server's copy differs from ${what}: ${page.body.length} and ${bare.body.length} bytes (${page.type}, ${bare.type}), first difference at byte ${at}: ${JSON.stringify(page.body.subarray(Math.max(0, at - 40), at + 40).toString())} / ${JSON.stringify(bare.body.subarray(Math.max(0, at - 40), at + 40).toString())}`,
  );
}

/** The CPU figure's comparison: less sensitive to a busy machine than requests per second. */
const cpuDetail = (run: Paired) =>
  `median of ${ROUNDS} runs; bare node:http ${run.bareCpuUs.toFixed(0)} µs, so ${(run.bareCpuUs / run.pageCpuUs).toFixed(3)}× its cost (the client's own CPU excluded)`;

export const areaPage: BenchGroup = {
  id: "area-page",
  title: "area page under load, against a bare node:http server sending the same bytes",
  figures: [
    {
      key: "area_page_ratio",
      unit: "×",
      label: "area page req/s (page cache) ÷ bare node:http, same bytes",
      goal: { op: ">=", target: 0.6 },
    },
    { key: "area_page_rps", unit: "req/s", label: "area page requests per second (page cache)" },
    {
      key: "area_page_p99_ms",
      unit: "ms",
      label: "area page latency p99 (page cache)",
      goal: { op: "<=", target: 25 },
    },
    {
      key: "area_page_render_ratio",
      unit: "×",
      label: "area page req/s rendered every time (PAGE_CACHE=off) ÷ bare node:http",
      goal: { op: ">=", target: 0.2 },
    },
    { key: "area_page_render_p99_ms", unit: "ms", label: "area page latency p99, rendered every time" },
    {
      key: "area_page_cpu_us",
      unit: "µs",
      label: "server CPU time per area page answered from the page cache",
    },
    { key: "area_page_render_cpu_us", unit: "µs", label: "server CPU time per area page rendered" },
    { key: "rss_mb", unit: "MB", label: "server resident memory after load", goal: { op: "<=", target: 200 } },
  ],
  async run(context, report) {
    // The first start on this run's fresh database also creates, migrates and loads it.
    const cached = await startSkillshelfReady(context, { [BENCH_FLAG]: "1" });
    let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
    try {
      const areaUrl = `${cached.server.origin}${AREA_PAGE_PATH}`;
      await capture(areaUrl);
      const page = await capture(areaUrl);
      bare = await startBareServer(context, "area-page", page.body, page.headers);
      const bareUrl = `${bare.origin}${AREA_PAGE_PATH}`;
      sameBytes(page, await capture(bareUrl), "the area page");
      console.log(
        `  ${AREA_PAGE_PATH}: ${page.body.length} bytes (${page.type}), ${headerBytes(page.headers)} bytes of headers; ${CONNECTIONS} connections, ${ROUNDS}×${RUN_SECONDS} s each, alternating`,
      );
      const withCache = await paired(
        "cached",
        { url: areaUrl, pid: cached.server.pid },
        { url: bareUrl, pid: bare.pid },
      );
      report("area_page_ratio", withCache.ratio, `median of ${ROUNDS} paired rounds`);
      report("area_page_rps", withCache.pageRps, `bare node:http: ${withCache.bareRps.toFixed(0)} req/s`);
      report(
        "area_page_p99_ms",
        withCache.pageP99,
        `median of ${ROUNDS} runs; bare node:http p99 ${withCache.bareP99} ms`,
      );
      report("area_page_cpu_us", withCache.pageCpuUs, cpuDetail(withCache));
      const memory = (await (await fetch(`${cached.server.origin}/__bench/memory`)).json()) as NodeJS.MemoryUsage;
      const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
      report(
        "rss_mb",
        residentMegabytes(cached.server.pid),
        `VmRSS of pid ${cached.server.pid}; JS heap ${mb(memory.heapUsed)} used of ${mb(memory.heapTotal)}, external ${mb(memory.external)}`,
      );
    } finally {
      await bare?.stop();
      // SQLite serves one server process at a time: the second one starts once this one is gone.
      await cached.server.stop();
    }

    const rendering = await startSkillshelfReady(context, { PAGE_CACHE: "off" });
    let bareRendered: Awaited<ReturnType<typeof startBareServer>> | undefined;
    try {
      const areaUrl = `${rendering.server.origin}${AREA_PAGE_PATH}`;
      await capture(areaUrl);
      const page = await capture(areaUrl);
      if (page.headers.some(([name, value]) => name === "x-cache" && value === "hit"))
        throw new Error("PAGE_CACHE=off still served the page from the cache");
      // Its own copy: printouts name the server's address, whose port differs from the first one's.
      bareRendered = await startBareServer(context, "area-page-rendered", page.body, page.headers);
      const bareUrl = `${bareRendered.origin}${AREA_PAGE_PATH}`;
      sameBytes(page, await capture(bareUrl), "the rendered area page");
      const rendered = await paired(
        "rendered",
        { url: areaUrl, pid: rendering.server.pid },
        { url: bareUrl, pid: bareRendered.pid },
      );
      report("area_page_render_ratio", rendered.ratio, `median of ${ROUNDS} paired rounds`);
      report(
        "area_page_render_p99_ms",
        rendered.pageP99,
        `median of ${ROUNDS} runs; ${rendered.pageRps.toFixed(0)} req/s against ${rendered.bareRps.toFixed(0)} bare`,
      );
      report("area_page_render_cpu_us", rendered.pageCpuUs, cpuDetail(rendered));
    } finally {
      await bareRendered?.stop();
      await rendering.server.stop();
    }
  },
};
