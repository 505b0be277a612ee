/**
 * In-process search speed over the starter framework plus a SYNTHETIC framework of generated items:
 * index build time, then the p95 of a fixed list of queries run several times (after one unmeasured
 * pass that lets the JIT settle).
 */
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { buildFrameworkView, type FrameworkView } from "../../src/editions/catalog.ts";
import { listFrameworks } from "../../src/frameworks/store.ts";
import { buildSearchIndex, search } from "../../src/search/engine.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { percentile } from "../lib/stats.ts";
import { benchmarkQueries } from "../search/queries.ts";
import { syntheticFrameworkView } from "../search/synthetic.ts";

const SYNTHETIC_ITEMS = 50_000;
const MEASURED_PASSES = 3;
const RESULT_LIMIT = 50;

async function starterViews(): Promise<FrameworkView[]> {
  const database = await openDatabase(":memory:");
  try {
    await migrateToLatest(database.db);
    await loadStarterFramework(database.db);
    return await Promise.all((await listFrameworks(database.db)).map((f) => buildFrameworkView(database.db, f)));
  } finally {
    await database.close();
  }
}

export const searchSpeed: BenchGroup = {
  id: "search",
  title: `search (starter + ${SYNTHETIC_ITEMS.toLocaleString("en")} synthetic items, in process)`,
  figures: [
    { key: "search_index_build_ms", unit: "ms", label: "build the search index (starter + synthetic)" },
    {
      key: "search_p95_ms",
      unit: "ms",
      label: "query time p95 (starter + synthetic items)",
      goal: { op: "<=", target: 5 },
    },
    { key: "search_p50_ms", unit: "ms", label: "query time median (starter + synthetic items)" },
    { key: "search_cpu_p95_ms", unit: "ms", label: "query CPU time p95 (barely affected by a busy machine)" },
  ],
  async run(_context, report) {
    const starter = await starterViews();
    const synthetic = syntheticFrameworkView(starter[0], SYNTHETIC_ITEMS);
    const items = starter.reduce((sum, v) => sum + v.itemCount, 0);
    console.log(`  ${items} starter items + ${synthetic.itemCount} synthetic items (generated, seeded)`);

    const buildStarted = performance.now();
    const index = buildSearchIndex([...starter, synthetic]);
    report("search_index_build_ms", performance.now() - buildStarted);

    const queries = benchmarkQueries();
    const timings: number[] = [];
    // CPU time of this process does not advance while another process has the core, so on a
    // shared machine it tells the query's own cost apart from waiting for the scheduler.
    const cpuTimings: number[] = [];
    for (let pass = 0; pass <= MEASURED_PASSES; pass++) {
      for (const { query, lang } of queries) {
        const cpuStarted = process.cpuUsage();
        const started = performance.now();
        search(index, query, { lang, limit: RESULT_LIMIT });
        const elapsed = performance.now() - started;
        const cpu = process.cpuUsage(cpuStarted);
        if (pass > 0) {
          timings.push(elapsed);
          cpuTimings.push((cpu.user + cpu.system) / 1000);
        }
      }
    }
    const slowest = queries
      .map((q, i) => ({
        q: q.query,
        ms: Math.max(...Array.from({ length: MEASURED_PASSES }, (_, p) => timings[p * queries.length + i])),
      }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5);
    console.log(
      `  ${queries.length} queries × ${MEASURED_PASSES} passes; slowest: ${slowest.map((s) => `${JSON.stringify(s.q.slice(0, 30))} ${s.ms.toFixed(1)} ms`).join(", ")}`,
    );
    report("search_p95_ms", percentile(timings, 95), `${timings.length} timed queries`);
    report("search_p50_ms", percentile(timings, 50));
    report("search_cpu_p95_ms", percentile(cpuTimings, 95));
  },
};
