/**
 * Search over HTTP at 32 connections: `GET /api/v1/search` over a realistic query mix, on a server
 * whose database holds the starter framework and the generated 50,000-item bilingual package
 * (imported and published as `skillshelf import --publish` does it), against a bare `node:http` server (separate process)
 * sending a JSON body of the mix's average size with the API's headers. Two servers on that database:
 * one as configured by default (answers kept per search index), one with SEARCH_CACHE=off (every
 * request searched), each with its own figure. Paired rounds, median ratio; then one mixed run per
 * server with per-request latencies, to print each kind of query's p95.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { syntheticCasePackage } from "../case/synthetic.ts";
import { capture, startBareServer } from "../lib/bare.ts";
import type { BenchContext, BenchGroup } from "../lib/figures.ts";
import { closedLoop, type Tagged } from "../lib/latency.ts";
import { CONNECTIONS, type LoadResult, load } from "../lib/load.ts";
import { waitFor200 } from "../lib/process.ts";
import { AREA_PAGE_PATH, startSkillshelf } from "../lib/server.ts";
import { median, percentile } from "../lib/stats.ts";
import { QUERY_CLASSES, queryMix } from "../search/query-mix.ts";

export { QUERY_CLASSES, queryMix } from "../search/query-mix.ts";

const GENERATED_ITEMS = 50_000;
const ROUNDS = 3;
const RUN_SECONDS = 4;
const MIXED_SECONDS = 8;

/** Runs bench/search/import-publish-child.ts: starter, then the package imported and published. */
function fillDatabase(context: BenchContext, file: string, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = join(context.root, "bench/search/import-publish-child.ts");
    const child = spawn(process.execPath, ["--import", "tsx", script, file, databaseUrl], {
      cwd: context.root,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-4000);
    });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`filling the database failed (${code}): ${err}`)),
    );
  });
}

/** A JSON body of `bytes` bytes, shaped like an answer (the bare server never parses anything). */
function jsonOfSize(bytes: number): Buffer {
  const shell = '{"query":"","lang":"en","total":0,"groups":[],"pad":""}';
  return Buffer.from(shell.replace('"pad":""', `"pad":"${"x".repeat(Math.max(0, bytes - shell.length))}"`));
}

const WARM_UP_SECONDS = 2;
const MIN_WARM_UPS = 4;
const MAX_WARM_UPS = 10;

/** Loads a server in short runs (at least four) until two in a row are within 20 %; returns the rates. */
async function warmUp(origin: string, paths: string[]): Promise<number[]> {
  const rates: number[] = [];
  for (let run = 0; run < MAX_WARM_UPS; run++) {
    rates.push((await load(`${origin}/`, WARM_UP_SECONDS, paths)).requestsPerSecond);
    const [before, last] = rates.slice(-2);
    if (rates.length >= MIN_WARM_UPS && Math.abs(last - before) <= 0.2 * Math.max(last, before)) break;
  }
  return rates;
}

/** Per-request latencies over the mix: one closed-loop run, with each kind's p95 and median printed. */
async function mixedLatencies(origin: string, mix: Tagged[], label: string): Promise<{ p95: number; detail: string }> {
  const mixed = await closedLoop(origin, mix, CONNECTIONS, MIXED_SECONDS);
  if (mixed.failures > 0) throw new Error(`${mixed.failures} of ${mixed.total} searches failed (${label})`);
  const all = [...mixed.latencies.values()].flat();
  console.log(`  ${label}, per kind of query:`);
  for (const [tag, latencies] of mixed.latencies)
    console.log(
      `    ${tag.padEnd(20)} p95 ${percentile(latencies, 95).toFixed(1)} ms, p50 ${percentile(latencies, 50).toFixed(1)} ms (${latencies.length} requests)`,
    );
  return { p95: percentile(all, 95), detail: `${all.length} requests in ${MIXED_SECONDS} s, mixed` };
}

export const searchHttp: BenchGroup = {
  id: "search-http",
  title: `search over HTTP (starter + ${GENERATED_ITEMS.toLocaleString("en")} generated items in the server's database)`,
  figures: [
    {
      key: "search_http_ratio",
      unit: "×",
      label: "/api/v1/search req/s over the query mix ÷ bare node:http, same-size JSON (answers kept, as served)",
      goal: { op: ">=", target: 0.3 },
    },
    {
      key: "search_http_ratio_uncached",
      unit: "×",
      label: "the same with SEARCH_CACHE=off: every request searched",
      goal: { op: ">=", target: 0.3 },
    },
    { key: "search_http_rps", unit: "req/s", label: "/api/v1/search requests per second over the mix (answers kept)" },
    { key: "search_http_rps_uncached", unit: "req/s", label: "the same, every request searched" },
    {
      key: "search_http_p95_ms",
      unit: "ms",
      label: "/api/v1/search latency p95 over the mix (32 connections, answers kept)",
    },
    { key: "search_http_p95_ms_uncached", unit: "ms", label: "the same, every request searched" },
  ],
  async run(context, report) {
    const databaseUrl = join(context.tmp, "search-50k.db");
    const file = join(context.tmp, "search-50k.json");
    writeFileSync(file, syntheticCasePackage(GENERATED_ITEMS));
    let started = performance.now();
    await fillDatabase(context, file, databaseUrl);
    console.log(
      `  starter + ${GENERATED_ITEMS} generated items imported and published (importFramework, as import --publish runs it) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // SQLite serves one server process: the second one gets a copy of the database, made before
    // either starts.
    const copyUrl = join(context.tmp, "search-50k-uncached.db");
    for (const suffix of ["", "-wal"])
      if (existsSync(`${databaseUrl}${suffix}`)) copyFileSync(`${databaseUrl}${suffix}`, `${copyUrl}${suffix}`);
    // Two servers on the same content: as configured by default (answers kept per index), and with
    // SEARCH_CACHE=off, so the figure for searching itself is never mistaken for cache hits.
    const server = await startSkillshelf(context, { DATABASE_URL: databaseUrl });
    let uncached: Awaited<ReturnType<typeof startSkillshelf>> | undefined;
    let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
    try {
      uncached = await startSkillshelf(context, { DATABASE_URL: copyUrl, SEARCH_CACHE: "off" });
      const mix = queryMix();
      let headers: [string, string][] = [];
      let bytes = 0;
      for (const [name, spawned] of [
        ["answers kept", server],
        ["SEARCH_CACHE=off", uncached],
      ] as const) {
        await waitFor200(spawned, `${spawned.origin}${AREA_PAGE_PATH}`, 120_000);
        started = performance.now();
        const first = await capture(`${spawned.origin}/api/v1/search?q=service`);
        if (spawned === server) headers = first.headers;
        console.log(`  first search (builds the index), ${name}: ${(performance.now() - started).toFixed(0)} ms`);
        bytes = 0;
        for (const { path } of mix) bytes += (await capture(`${spawned.origin}${path}`)).body.length;
      }
      const averageBytes = Math.round(bytes / mix.length);
      bare = await startBareServer(context, "search", jsonOfSize(averageBytes), headers);
      const paths = mix.map((m) => m.path);
      console.log(
        `  ${mix.length} queries in ${Object.keys(QUERY_CLASSES).length} kinds (${new Set(paths).size} distinct requests, repeated: after the first pass every answer kept is a hit), answers ${averageBytes} bytes on average; ${CONNECTIONS} connections, ${ROUNDS}×${RUN_SECONDS} s each, alternating`,
      );

      // A server that has just built a 50,000-item index spends its first seconds under load on
      // garbage collection and compiling: measured once, each is loaded until it settles.
      for (const [name, origin] of [
        ["answers kept", server.origin],
        ["every request searched", uncached.origin],
        ["bare node:http", bare.origin],
      ] as const)
        console.log(`  warm-up, ${name}: ${(await warmUp(origin, paths)).map((r) => r.toFixed(0)).join(", ")} req/s`);
      const keptRuns: LoadResult[] = [];
      const searchedRuns: LoadResult[] = [];
      const bareRuns: LoadResult[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const a = await load(`${server.origin}/`, RUN_SECONDS, paths);
        const b = await load(`${bare.origin}/`, RUN_SECONDS, paths);
        const c = await load(`${uncached.origin}/`, RUN_SECONDS, paths);
        keptRuns.push(a);
        bareRuns.push(b);
        searchedRuns.push(c);
        console.log(
          `  round ${round}: answers kept ${a.requestsPerSecond.toFixed(0)} req/s (p99 ${a.p99Ms} ms), bare node:http ${b.requestsPerSecond.toFixed(0)} req/s, every request searched ${c.requestsPerSecond.toFixed(0)} req/s (p99 ${c.p99Ms} ms); ratios ${(a.requestsPerSecond / b.requestsPerSecond).toFixed(3)} and ${(c.requestsPerSecond / b.requestsPerSecond).toFixed(3)}`,
        );
      }
      const ratio = (runs: LoadResult[]) =>
        median(runs.map((r, i) => r.requestsPerSecond / bareRuns[i].requestsPerSecond));
      report("search_http_ratio", ratio(keptRuns), `median of ${ROUNDS} paired rounds; answers kept per index`);
      report("search_http_ratio_uncached", ratio(searchedRuns), `median of ${ROUNDS} paired rounds; SEARCH_CACHE=off`);
      const bareRps = `bare node:http: ${median(bareRuns.map((r) => r.requestsPerSecond)).toFixed(0)} req/s`;
      report("search_http_rps", median(keptRuns.map((r) => r.requestsPerSecond)), bareRps);
      report("search_http_rps_uncached", median(searchedRuns.map((r) => r.requestsPerSecond)), bareRps);

      const kept = await mixedLatencies(server.origin, mix, "answers kept");
      report("search_http_p95_ms", kept.p95, kept.detail);
      const searched = await mixedLatencies(uncached.origin, mix, "every request searched (SEARCH_CACHE=off)");
      report("search_http_p95_ms_uncached", searched.p95, searched.detail);
    } finally {
      await bare?.stop();
      await uncached?.stop();
      await server.stop();
    }
  },
};
