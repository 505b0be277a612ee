/**
 * CPU time per request of what the `search-http` and `area-page` groups load:
 * `node --import tsx bench/search/cpu-per-request.ts [--items 50000] [--db FILE] [--rounds 5]
 * [--passes 20] [--connections 8] [--only search|area] [--kind "two letters"] [--loop SECONDS] [--kept]`.
 *
 * On a shared machine requests per second swing with other work; a process's own CPU time much
 * less. This script builds the bench's content (the starter plus the generated bilingual package,
 * imported and published by bench/search/import-publish-child.ts into a SQLite file; `--db FILE`
 * keeps it and reuses it next time), assembles the app as src/boot.ts does with SEARCH_CACHE=off and
 * PAGE_CACHE=off, serves it on loopback through the node adapter, warms it up, then prints, for each
 * query class of bench/groups/search-http.ts, µs of CPU per request (`process.cpuUsage()`, every
 * thread of this process):
 * - `search`: the engine alone (`search()`, as the API calls it), in process;
 * - `+json`: the engine and the answer's JSON (`searchAnswerJson`, a fresh search each time);
 * - `http`: this process's CPU per answered `GET /api/v1/search` sent over loopback by a client in
 *   another process (bench/search/cpu-client-child.mjs, `--connections` keep-alive connections):
 *   node's HTTP parsing and writes, the adapter, the API's fast path, the search and the JSON — what
 *   the bench's server spends per request, without the client;
 * then the area page's `http` figure (page cache off), and node:http's own floor: a bare handler
 * in this process sending a fixed body (what the bench's bare server costs per request).
 * Each figure is the median of `--rounds` rounds of `--passes` passes over the class's queries
 * (languages alternate).
 *
 * Run through tsx, JSX takes hono's development runtime and every function a naming wrapper: for
 * figures comparable with the compiled server's, bundle it as scripts/build.mjs bundles the server
 * and run the bundle from a folder one level under the repository (src/paths.ts finds the assets so):
 * `npx esbuild bench/search/cpu-per-request.ts --bundle --platform=node --format=esm
 * --packages=external --minify-whitespace --minify-syntax --outfile=.tmp/cpu-per-request.mjs` then
 * `node .tmp/cpu-per-request.mjs …` (the search index is then built in process: the worker's file
 * is not beside the bundle).
 *
 * To see where the time goes: `node --cpu-prof --import tsx … --only search --loop 10` sends the mix
 * for 10 s after the warm-up instead of measuring (`--only area`: the page; `--kind`: one class of
 * queries only); the main thread's
 * profile is the one whose name ends in `.0.001.cpuprofile`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { searchAnswerJson } from "../../src/api/search.ts";
import { createApp } from "../../src/app.tsx";
import { readConfig } from "../../src/config.ts";
import { starterSlug } from "../../src/content/starter-slug.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import type { Lang } from "../../src/i18n/index.ts";
import { createLogger } from "../../src/log.ts";
import { DEFAULT_LIMIT, type SearchIndex, search, searchIndexFor } from "../../src/search/engine.ts";
import { syntheticCasePackage } from "../case/synthetic.ts";
import { AREA_PAGE_PATH } from "../lib/area-page-path.ts";
import { median } from "../lib/stats.ts";
import { QUERY_CLASSES } from "./query-mix.ts";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "50000" },
    db: { type: "string" },
    rounds: { type: "string", default: "5" },
    passes: { type: "string", default: "20" },
    connections: { type: "string", default: "8" },
    only: { type: "string" },
    kind: { type: "string" },
    loop: { type: "string" },
    kept: { type: "boolean", default: false },
  },
});
const ITEMS = Number(values.items);
const ROUNDS = Number(values.rounds);
const PASSES = Number(values.passes);
/** The repository: the first folder up from this script holding package.json (the script may run bundled elsewhere). */
const root = (() => {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json")) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
})();

/** The starter plus the generated package, imported and published in a child process (as the bench does). */
function fillDatabase(file: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "cpu-per-request-"));
  const packageFile = join(folder, "package.json");
  writeFileSync(packageFile, syntheticCasePackage(ITEMS));
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(root, "bench/search/import-publish-child.ts"), packageFile, file],
      { cwd: root, env: { ...process.env, LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] },
    );
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`filling the database failed (${code})`))));
  }).finally(() => rmSync(folder, { recursive: true, force: true }));
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** µs of CPU per call of `run`, median of ROUNDS rounds of `calls` calls each. */
function perCall(calls: number, run: (i: number) => unknown): number {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = cpuNow();
    for (let i = 0; i < calls; i++) run(i);
    rounds.push((cpuNow() - started) / calls);
  }
  return median(rounds);
}

/** The client process: sends a list of paths `passes` times and says when every answer has come. */
function startClient(origin: string) {
  const child = spawn(
    process.execPath,
    [join(root, "bench/search/cpu-client-child.mjs"), origin, values.connections as string],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async send(paths: readonly string[], passes: number): Promise<void> {
      child.stdin.write(`${JSON.stringify({ paths, passes })}\n`);
      const { value } = await lines.next();
      const { failures } = JSON.parse(value as string) as { failures: number };
      if (failures > 0) throw new Error(`${failures} requests failed`);
    },
    /** µs of this process's CPU per request, median of ROUNDS rounds of `passes` passes. */
    async perRequest(paths: readonly string[], passes: number): Promise<number> {
      const rounds: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = cpuNow();
        await this.send(paths, passes);
        rounds.push((cpuNow() - started) / (paths.length * passes));
      }
      return median(rounds);
    },
    stop: () => child.stdin.end(),
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const databaseFile = values.db ?? join(mkdtempSync(join(tmpdir(), "cpu-per-request-db-")), "bench.db");
if (!existsSync(databaseFile)) {
  const started = performance.now();
  await fillDatabase(databaseFile);
  console.log(
    `starter + ${ITEMS} generated items imported and published in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
// As src/boot.ts assembles the server's app (the database is already migrated and filled).
const config = readConfig({
  DATABASE_URL: databaseFile,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  PAGE_CACHE: "off",
  // --kept: answers kept (as served by default), to see the path around a kept answer.
  SEARCH_CACHE: values.kept ? "on" : "off",
  BETTER_AUTH_SECRET: "bench-secret-of-at-least-32-characters-long",
});
const database = await openDatabase(databaseFile);
const catalog = createCatalog(database.db, { firstSlug: starterSlug(), serveStale: true });
const app = createApp({ config, db: database.db, catalog, logger: createLogger("warn") });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
await new Promise((resolve) => server.once("listening", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = startClient(origin);

const queries = Object.entries(QUERY_CLASSES)
  .filter(([kind]) => values.kind === undefined || kind === values.kind)
  .map(([kind, list]) => ({
    kind,
    requests: list.flatMap((q) =>
      (["en", "fr"] as Lang[]).map((lang) => ({
        q,
        lang,
        path: `/api/v1/search?q=${encodeURIComponent(q)}&lang=${lang}`,
      })),
    ),
  }));
const mixPaths = queries.flatMap(({ requests }) => requests.map((r) => r.path));

const fmt = (us: number) => us.toFixed(1).padStart(9);

/** Each class's µs per request: the engine, the engine and the JSON (as the API writes it), over HTTP. */
async function measureSearch(index: SearchIndex) {
  console.log(`µs of CPU per request (median of ${ROUNDS} rounds of ${PASSES} passes), SEARCH_CACHE=off`);
  console.log(`${"class".padEnd(20)}${"search".padStart(9)}${"+json".padStart(9)}${"http".padStart(9)}  bytes`);
  const all: number[][] = [];
  for (const { kind, requests } of queries) {
    const calls = PASSES * requests.length;
    const at = (i: number) => requests[i % requests.length];
    const read = (i: number) => ({ ok: true as const, q: at(i).q, lang: at(i).lang, limit: DEFAULT_LIMIT });
    const figures = [
      perCall(calls, (i) => search(index, at(i).q, { lang: at(i).lang, limit: DEFAULT_LIMIT })),
      // A fresh search each time, as a request makes one: JSON kept per result object would flatter it.
      perCall(calls, (i) => searchAnswerJson(index, read(i))),
      await client.perRequest(
        requests.map((r) => r.path),
        PASSES,
      ),
    ];
    const bytes = requests.reduce((sum, _, i) => sum + Buffer.byteLength(searchAnswerJson(index, read(i))), 0);
    all.push(figures);
    console.log(`${kind.padEnd(20)}${figures.map(fmt).join("")}  ${(bytes / requests.length).toFixed(0)}`);
  }
  const mean = (column: number) => all.reduce((sum, row) => sum + row[column], 0) / all.length;
  console.log(`${"mean of the classes".padEnd(20)}${[0, 1, 2].map((c) => fmt(mean(c))).join("")}`);
}

/** node:http's own cost per request here: a bare handler sending a fixed body of `bytes` bytes. */
async function bareFloor(bytes: number): Promise<number> {
  const body = Buffer.alloc(bytes, 120);
  const bare = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
  const bareClient = startClient(await listen(bare));
  try {
    await bareClient.send(["/"], 2000);
    return await bareClient.perRequest(["/"], PASSES * 50);
  } finally {
    bareClient.stop();
    bare.close();
  }
}

try {
  const page = await app.request(AREA_PAGE_PATH);
  if (page.status !== 200) throw new Error(`the area page answered ${page.status}`);
  if (values.only !== "area") {
    let started = performance.now();
    await client.send(["/api/v1/search?q=service"], 1);
    const index = await searchIndexFor(catalog);
    console.log(
      `first search (index built) in ${(performance.now() - started).toFixed(0)} ms, ${index.items.length} items`,
    );
    started = performance.now();
    // Warm-up: the mix until the JIT and each index's remembered expansions and bounds have settled.
    await client.send(mixPaths, 30);
    console.log(`warm-up ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (values.loop) {
      const until = performance.now() + Number(values.loop) * 1000;
      while (performance.now() < until) await client.send(mixPaths, 5);
    } else await measureSearch(index);
  }
  if (values.only !== "search") {
    await client.send([AREA_PAGE_PATH], 2000);
    if (values.loop) {
      const until = performance.now() + Number(values.loop) * 1000;
      while (performance.now() < until) await client.send([AREA_PAGE_PATH], 500);
    } else {
      const us = await client.perRequest([AREA_PAGE_PATH], PASSES * 50);
      console.log(`area page ${AREA_PAGE_PATH}, PAGE_CACHE=off: ${us.toFixed(1)} µs of CPU per request`);
    }
  }
  if (!values.loop) {
    const bytes = Buffer.byteLength(await (await app.request(AREA_PAGE_PATH)).text());
    console.log(`bare node:http handler, ${bytes} bytes: ${(await bareFloor(bytes)).toFixed(1)} µs of CPU per request`);
  }
} finally {
  client.stop();
  server.close();
  await database.close();
}
