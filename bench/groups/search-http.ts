/**
 * Search over HTTP at 32 connections: `GET /api/v1/search` over a realistic query mix, on a server
 * whose database holds the starter framework and the generated 50,000-item bilingual package
 * (imported and published as `skillshelf import --publish` does it), against a bare `node:http` server (separate process)
 * sending a JSON body of the mix's average size with the API's headers. Paired rounds, median ratio;
 * then one mixed run with per-request latencies, to print each kind of query's p95.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { syntheticCasePackage } from "../case/synthetic.ts";
import { capture, startBareServer } from "../lib/bare.ts";
import type { BenchContext, BenchGroup } from "../lib/figures.ts";
import { closedLoop, type Tagged } from "../lib/latency.ts";
import { CONNECTIONS, type LoadResult, load } from "../lib/load.ts";
import { waitFor200 } from "../lib/process.ts";
import { AREA_PAGE_PATH, startSkillshelf } from "../lib/server.ts";
import { median, percentile } from "../lib/stats.ts";

const GENERATED_ITEMS = 50_000;
const ROUNDS = 3;
const RUN_SECONDS = 4;
const MIXED_SECONDS = 8;

const LONG =
  "community partnerships budget planning collections reference service children literacy programs technology privacy safety reconciliation volunteers marketing staff training outreach data policy";

/** The kinds of query people send, a few of each; every kind weighs the same in the mix. */
export const QUERY_CLASSES: Record<string, readonly string[]> = {
  common: ["service", "community", "staff", "program"],
  rare: ["reconciliation", "copyright", "privacy", "wayfinding"],
  "one letter": ["p", "s", "b", "m"],
  "two letters": ["co", "pl", "se", "bu"],
  "French, accented": ["collectivité", "données", "médias", "compétences"],
  "French, unaccented": ["collectivite", "donnees", "medias", "competences"],
  typos: ["comunity", "budjet", "partnrship", "litteracy"],
  "several words": ["community service", "staff training", "service à la clientèle", "budget report plan"],
  "200 characters": [LONG.slice(0, 200), `${LONG.split(" ").reverse().join(" ")}`.slice(0, 200)],
};

/** The mix, interleaved by kind so every stretch of it holds each kind; languages alternate. */
export function queryMix(): Tagged[] {
  const mix: Tagged[] = [];
  const classes = Object.entries(QUERY_CLASSES);
  const longest = Math.max(...classes.map(([, queries]) => queries.length));
  for (let i = 0; i < longest * 2; i++)
    for (const [tag, queries] of classes) {
      const q = queries[i % queries.length];
      mix.push({ tag, path: `/api/v1/search?q=${encodeURIComponent(q)}&lang=${i % 2 ? "fr" : "en"}` });
    }
  return mix;
}

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

export const searchHttp: BenchGroup = {
  id: "search-http",
  title: `search over HTTP (starter + ${GENERATED_ITEMS.toLocaleString("en")} generated items in the server's database)`,
  figures: [
    {
      key: "search_http_ratio",
      unit: "×",
      label: "/api/v1/search req/s over the query mix ÷ bare node:http, same-size JSON",
      goal: { op: ">=", target: 0.3 },
    },
    { key: "search_http_rps", unit: "req/s", label: "/api/v1/search requests per second over the mix" },
    { key: "search_http_p95_ms", unit: "ms", label: "/api/v1/search latency p95 over the mix (32 connections)" },
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

    const server = await startSkillshelf(context, { DATABASE_URL: databaseUrl });
    let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
    try {
      await waitFor200(server, `${server.origin}${AREA_PAGE_PATH}`, 120_000);
      started = performance.now();
      const first = await capture(`${server.origin}/api/v1/search?q=service`);
      console.log(`  first search (builds the index): ${(performance.now() - started).toFixed(0)} ms`);
      const mix = queryMix();
      let bytes = 0;
      for (const { path } of mix) {
        const answer = await capture(`${server.origin}${path}`);
        bytes += answer.body.length;
      }
      const averageBytes = Math.round(bytes / mix.length);
      bare = await startBareServer(context, "search", jsonOfSize(averageBytes), first.headers);
      const paths = mix.map((m) => m.path);
      console.log(
        `  ${mix.length} queries in ${Object.keys(QUERY_CLASSES).length} kinds, answers ${averageBytes} bytes on average; ${CONNECTIONS} connections, ${ROUNDS}×${RUN_SECONDS} s each, alternating`,
      );

      await load(`${server.origin}/`, 1, paths);
      await load(`${bare.origin}/`, 1, paths);
      const searchRuns: LoadResult[] = [];
      const bareRuns: LoadResult[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const a = await load(`${server.origin}/`, RUN_SECONDS, paths);
        const b = await load(`${bare.origin}/`, RUN_SECONDS, paths);
        searchRuns.push(a);
        bareRuns.push(b);
        console.log(
          `  round ${round}: search ${a.requestsPerSecond.toFixed(0)} req/s (p99 ${a.p99Ms} ms), bare node:http ${b.requestsPerSecond.toFixed(0)} req/s, ratio ${(a.requestsPerSecond / b.requestsPerSecond).toFixed(3)}`,
        );
      }
      report(
        "search_http_ratio",
        median(searchRuns.map((a, i) => a.requestsPerSecond / bareRuns[i].requestsPerSecond)),
        `median of ${ROUNDS} paired rounds`,
      );
      report(
        "search_http_rps",
        median(searchRuns.map((r) => r.requestsPerSecond)),
        `bare node:http: ${median(bareRuns.map((r) => r.requestsPerSecond)).toFixed(0)} req/s`,
      );

      const mixed = await closedLoop(server.origin, mix, CONNECTIONS, MIXED_SECONDS);
      if (mixed.failures > 0) throw new Error(`${mixed.failures} of ${mixed.total} searches failed`);
      const all = [...mixed.latencies.values()].flat();
      report("search_http_p95_ms", percentile(all, 95), `${all.length} requests in ${MIXED_SECONDS} s, mixed`);
      for (const [tag, latencies] of mixed.latencies)
        console.log(
          `    ${tag.padEnd(20)} p95 ${percentile(latencies, 95).toFixed(1)} ms, p50 ${percentile(latencies, 50).toFixed(1)} ms (${latencies.length} requests)`,
        );
    } finally {
      await bare?.stop();
      await server.stop();
    }
  },
};
