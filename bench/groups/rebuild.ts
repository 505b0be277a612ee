/**
 * A 50,000-item publish taken up by a running server (decision 022). The compiled server runs on a
 * SQLite file of its own (starter only); a few closed-loop readers fetch the area page throughout;
 * another process (rebuild-publish-child.ts, as the command line would beside the server) writes and
 * publishes the generated bilingual framework with notes (bench/search/synthetic.ts). The server
 * notices the new revision within a second and rebuilds its frameworks and search index in slices
 * while it keeps serving the previous ones.
 *
 * - `rebuild_stall_ms`: the slowest area-page answer from the moment the command has committed
 *   (its process has exited) until the server serves the new framework, plus one second after
 *   (the first pages of the new revision are rendered then), minus the idle p99 measured before.
 * - `full_page_ms_first` / `full_page_ms_repeat`: the new framework's whole page (English), first
 *   request (rendered) and the median of three more (the page cache).
 * - `large_output_stall_ms`: the slowest area-page answer while each large output is produced for
 *   the first time (the whole page, the whole-tree JSON, the CASE package: readers run alongside
 *   each first request, so those `_first` figures are for a server serving others meanwhile), minus
 *   the idle p99: what one large request costs everyone else.
 * - `server_rss_50k_mb_rest` / `server_rss_50k_mb_peak`: the server's VmRSS with the starter and the
 *   50k framework loaded, after things settle; and its high-water mark (VmHWM: start-up, the rebuild,
 *   the whole page renders — the whole life of the process).
 */
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext, BenchGroup } from "../lib/figures.ts";
import { AREA_PAGE_PATH, SERVER_NODE_ARGS as SERVER_ARGS, startSkillshelfReady } from "../lib/server.ts";
import { median, percentile } from "../lib/stats.ts";

const ITEMS = 50_000;
const READERS = 4;
const IDLE_SECONDS = 3;
const AFTER_TAKE_UP_MS = 1000;
const REST_SECONDS = 5;
/** When the memory at rest is read again, for the detail line (seconds after the renders). */
const SETTLE_SECONDS = [10, 20];

/**
 * Diagnostics, never on by default: with BENCH_PROFILE_DIR set, the server runs with a CPU profile
 * (written when it stops), GC tracing (its output in server.log) and a heap snapshot taken at rest
 * (after the memory is read, so the figures are unchanged), all in that folder.
 */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const PROFILE_ARGS = PROFILE_DIR
  ? [
      "--cpu-prof",
      `--cpu-prof-dir=${PROFILE_DIR}`,
      "--trace-gc",
      "--heapsnapshot-signal=SIGUSR2",
      `--diagnostic-dir=${PROFILE_DIR}`,
    ]
  : [];

/** Asks the server for a heap snapshot (SIGUSR2) and waits until its file stops growing. */
async function heapSnapshot(pid: number, dir: string): Promise<string> {
  const snapshots = () => readdirSync(dir).filter((name) => name.endsWith(".heapsnapshot"));
  const before = new Set(snapshots());
  process.kill(pid, "SIGUSR2");
  let last = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const file = snapshots().find((name) => !before.has(name));
    if (!file) continue;
    const size = statSync(join(dir, file)).size;
    if (size > 0 && size === last) return join(dir, file);
    last = size;
  }
}

interface Sample {
  at: number;
  ms: number;
}

/** `n` closed-loop readers of `url` until stop() is called; every answer's start time and latency. */
function readers(url: string, n: number) {
  const samples: Sample[] = [];
  let running = true;
  const loops = Array.from({ length: n }, async () => {
    while (running) {
      const at = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      samples.push({ at, ms: performance.now() - at });
    }
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** Publishes the generated framework from another process (rebuild-publish-child.ts); resolves when it has exited. */
function publishElsewhere(context: BenchContext, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(context.root, "bench/groups/rebuild-publish-child.ts"), databaseUrl],
      { cwd: context.root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (d) => (output = (output + d).slice(-4000)));
    child.stderr.on("data", (d) => (output = (output + d).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`the publish exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * GETs `url` from a child process, reading the body as it comes, and gives the status, the bytes
 * and the time from sending to the last byte (timed in the child). Not in this process: taking in
 * a 72 MB answer here would hold up this process's own readers, whose latencies are the figures.
 */
function fetchElsewhere(url: string): Promise<{ ms: number; bytes: number }> {
  // A first request, untimed: a fresh process loads its HTTP client on its first fetch.
  const script = `
    await (await fetch(new URL("/en", process.argv[1]))).arrayBuffer();
    const started = performance.now();
    const response = await fetch(process.argv[1]);
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    console.log(JSON.stringify({ status: response.status, bytes, ms: performance.now() - started }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, url], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        const answer = JSON.parse(output.trim().split("\n").at(-1) ?? "") as {
          status: number;
          bytes: number;
          ms: number;
        };
        if (code !== 0 || answer.status !== 200) throw new Error(`answered ${answer.status}`);
        resolve({ ms: answer.ms, bytes: answer.bytes });
      } catch (error) {
        reject(new Error(`${url}: ${(error as Error).message} (${code}): ${output.slice(-500)}`));
      }
    });
  });
}

async function frameworkSlugs(origin: string): Promise<string[]> {
  const response = await fetch(`${origin}/api/v1/frameworks`);
  const body = (await response.json()) as { frameworks: { slug: string }[] };
  return body.frameworks.map((f) => f.slug);
}

export const rebuildBench: BenchGroup = {
  id: "rebuild",
  title: `a ${ITEMS.toLocaleString("en")}-item publish taken up by a running server (compiled, SQLite)`,
  figures: [
    {
      key: "rebuild_stall_ms",
      unit: "ms",
      label: "worst area-page latency while the server takes up a 50k publish, minus idle p99",
      goal: { op: "<=", target: 100 },
    },
    {
      key: "large_output_stall_ms",
      unit: "ms",
      label:
        "worst area-page latency while the 50k whole page, tree JSON and CASE package are first produced, minus idle p99",
      goal: { op: "<=", target: 100 },
    },
    { key: "full_page_ms_first", unit: "ms", label: "50k whole-framework page (EN), first request" },
    { key: "full_page_ms_repeat", unit: "ms", label: "50k whole-framework page (EN), repeated (median of 3)" },
    { key: "tree_json_ms_first", unit: "ms", label: "50k whole-tree JSON (/api/v1/frameworks/ID), first request" },
    { key: "tree_json_ms_repeat", unit: "ms", label: "50k whole-tree JSON, repeated (median of 3, stored bytes)" },
    { key: "case_package_ms_first", unit: "ms", label: "50k CASE package (CFPackages/ID), first request" },
    { key: "case_package_ms_repeat", unit: "ms", label: "50k CASE package, repeated (median of 3, stored bytes)" },
    {
      key: "server_rss_50k_mb_rest",
      unit: "MB",
      label: "server RSS with starter + 50k loaded, at rest",
      goal: { op: "<=", target: 250 },
    },
    {
      key: "server_rss_50k_mb_peak",
      unit: "MB",
      label: "server peak RSS (VmHWM) through the take-up and the page renders",
      goal: { op: "<=", target: 400 },
    },
  ],
  async run(context, report) {
    const databaseUrl = join(context.tmp, "rebuild.db");
    if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
    console.log(`  server started with ${SERVER_ARGS.join(" ") || "no node flags"}`);
    const { server } = await startSkillshelfReady(context, { DATABASE_URL: databaseUrl }, [
      ...SERVER_ARGS,
      ...PROFILE_ARGS,
    ]);
    if (PROFILE_DIR) server.child.stdout?.on("data", (d) => appendFileSync(join(PROFILE_DIR, "server.log"), d));
    try {
      const area = `${server.origin}${AREA_PAGE_PATH}`;
      const before = await frameworkSlugs(server.origin);
      // Warm: the page cache and the search index of the starter.
      await fetch(`${server.origin}/api/v1/search?q=budget`).then((r) => r.arrayBuffer());
      const idle = readers(area, READERS);
      await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
      await idle.stop();
      const idleP99 = percentile(
        idle.samples.map((s) => s.ms),
        99,
      );

      const peakRss = { value: 0 };
      const sampler = setInterval(() => {
        peakRss.value = Math.max(peakRss.value, memoryOf(server.pid).rss);
      }, 50);
      const busy = readers(area, READERS);
      const importStarted = performance.now();
      await publishElsewhere(context, databaseUrl);
      const committed = performance.now();
      let slug: string | undefined;
      while (!slug) {
        slug = (await frameworkSlugs(server.origin)).find((s) => !before.includes(s));
        if (!slug) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const takenUp = performance.now();
      await new Promise((resolve) => setTimeout(resolve, AFTER_TAKE_UP_MS));
      await busy.stop();
      clearInterval(sampler);
      // Reads sent once the command had committed: the server's own take-up. Reads sent before
      // (the other process parsing and writing, sharing the two cores) are reported apart.
      const during = busy.samples.filter((s) => s.at >= committed);
      const whileImporting = busy.samples.filter((s) => s.at < committed).map((s) => s.ms);
      const worst = Math.max(...during.map((s) => s.ms));
      const slowest = [...during]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3)
        .map((s) => `${s.ms.toFixed(0)} ms at +${((s.at - committed) / 1000).toFixed(1)} s`)
        .join(", ");
      report(
        "rebuild_stall_ms",
        worst - idleP99,
        `worst ${worst.toFixed(0)} ms over ${during.length} reads (slowest: ${slowest}), idle p99 ` +
          `${idleP99.toFixed(1)} ms; taken up ${((takenUp - committed) / 1000).toFixed(1)} s after the commit; ` +
          `while the other process wrote and published (${((committed - importStarted) / 1000).toFixed(1)} s, sharing ` +
          `the CPU): worst ${Math.max(0, ...whileImporting).toFixed(0)} ms, p99 ${percentile(whileImporting, 99).toFixed(0)} ms`,
      );
      if (PROFILE_DIR) {
        // On the server's own clock (ms since it was spawned), to match --trace-gc's lines.
        const slow = during.filter((s) => s.ms > idleP99 * 2 && s.ms > 30);
        console.log(
          `  profile: commit at ${(committed - server.spawnedAt).toFixed(0)} ms, slow reads (start → end, server clock): ` +
            slow
              .map((s) => `${(s.at - server.spawnedAt).toFixed(0)}→${(s.at + s.ms - server.spawnedAt).toFixed(0)}`)
              .join(", "),
        );
      }

      const whole = `${server.origin}/en/frameworks/${slug}/full`;
      const timed = (url = whole) => fetchElsewhere(url);
      // Each large output's first request with readers alongside: how long others wait meanwhile.
      const stalls: { name: string; worst: Sample }[] = [];
      const alongside = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const others = readers(area, READERS);
        try {
          return await work();
        } finally {
          await others.stop();
          const worst = others.samples.reduce((a, b) => (b.ms > a.ms ? b : a), { at: 0, ms: 0 });
          stalls.push({ name, worst });
        }
      };
      const first = await alongside("whole page", () => timed());
      report("full_page_ms_first", first.ms, `${(first.bytes / 1e6).toFixed(1)} MB, readers alongside`);
      const repeats = [await timed(), await timed(), await timed()];
      report("full_page_ms_repeat", median(repeats.map((r) => r.ms)));

      await new Promise((resolve) => setTimeout(resolve, REST_SECONDS * 1000));
      const memory = memoryOf(server.pid);
      // How the memory at rest goes on settling (V8 gives committed pages back only in a
      // memory-reducing collection, which its memory reducer may start ~8 s after the last major
      // one): printed beside the figure, read before any heap snapshot (whose collection reduces).
      const later: string[] = [];
      let waited = REST_SECONDS;
      for (const seconds of SETTLE_SECONDS) {
        await new Promise((resolve) => setTimeout(resolve, (seconds - waited) * 1000));
        waited = seconds;
        later.push(`${memoryOf(server.pid).rss.toFixed(0)} MB at ${seconds} s`);
      }
      if (PROFILE_DIR) {
        writeFileSync(join(PROFILE_DIR, "smaps-at-rest.txt"), readFileSync(`/proc/${server.pid}/smaps`));
        console.log(`  profile: heap snapshot at rest ${await heapSnapshot(server.pid, PROFILE_DIR)}`);
      }
      report("server_rss_50k_mb_rest", memory.rss, `after ${REST_SECONDS} s; then ${later.join(", ")}`);
      report(
        "server_rss_50k_mb_peak",
        memory.hwm,
        `highest VmRSS sampled during the take-up: ${peakRss.value.toFixed(0)} MB`,
      );

      // After the memory at rest, which therefore excludes the exports' kept bytes (OUTPUT_CACHE_MB).
      const listed = (await (await fetch(`${server.origin}/api/v1/frameworks`)).json()) as {
        frameworks: { id: string; slug: string }[];
      };
      const id = listed.frameworks.find((f) => f.slug === slug)?.id;
      if (!id) throw new Error(`${slug} is not listed by /api/v1/frameworks`);
      for (const [name, url] of [
        ["tree_json", `${server.origin}/api/v1/frameworks/${id}`],
        ["case_package", `${server.origin}/ims/case/v1p1/CFPackages/${id}`],
      ] as const) {
        const once = await alongside(name, () => timed(url));
        report(`${name}_ms_first`, once.ms, `${(once.bytes / 1e6).toFixed(1)} MB, readers alongside`);
        const again = [await timed(url), await timed(url), await timed(url)];
        report(`${name}_ms_repeat`, median(again.map((r) => r.ms)));
      }
      const worstOutput = Math.max(...stalls.map((s) => s.worst.ms));
      report(
        "large_output_stall_ms",
        worstOutput - idleP99,
        `worst per output: ${stalls.map((s) => `${s.name} ${s.worst.ms.toFixed(0)} ms`).join(", ")}; idle p99 ${idleP99.toFixed(1)} ms`,
      );
    } finally {
      await server.stop();
    }
  },
};
