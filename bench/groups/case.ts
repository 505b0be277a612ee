/**
 * CASE import and export. The real 585-item SBAC package is imported into a fresh SQLite file
 * (median of 5 runs after a warm-up) and compared with JSON.parse of the same text; a generated
 * bilingual 50,000-item package (~55 MB, notes in both languages) is imported in a child process
 * (so its peak memory is the import's alone), then exported as a stream to a file; the same package
 * goes through the compiled command `skillshelf import --publish` (publishing included); a
 * generated package just under 200 MB goes through `skillshelf import`, when the machine has the
 * memory for it. The real package comes from ../shared/case: without it those two figures are not
 * measured.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { buildFrameworkView } from "../../src/editions/catalog.ts";
import { listFrameworks } from "../../src/frameworks/store.ts";
import { writeCaseExport } from "../../src/interop/case/export.ts";
import { caseExportInput } from "../../src/interop/case/load.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importChecked } from "../../src/interop/import.ts";
import { syntheticCaseChunks, syntheticCasePackage } from "../case/synthetic.ts";
import type { BenchContext, BenchGroup } from "../lib/figures.ts";
import { median } from "../lib/stats.ts";

const SAMPLE = "sbac__math_content_specification.json";
const SYNTHETIC_ITEMS = 50_000;
const RUNS = 5;
/** Items of a generated package just under the 200 MB default limit (~1,120 bytes each). */
const LARGE_ITEMS = 178_000;
/** The large import is skipped below this much available memory, and stopped after this long. */
const LARGE_NEEDS_MB = 3000;
const LARGE_TIMEOUT_MS = 10 * 60_000;

/** MemAvailable from /proc/meminfo, in MB (Infinity where there is no such file). */
function availableMb(): number {
  try {
    const match = /^MemAvailable:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/meminfo", "utf8"));
    return match ? Number(match[1]) / 1024 : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The compiled command (`node dist/cli.js`, as `npx skillshelf` runs it) in a child process of its
 * own, with bench/lib/peak-memory.cjs preloaded to report the child's own peak (VmHWM).
 */
function runCompiledCli(
  context: BenchContext,
  args: string[],
  databaseUrl: string,
  timeoutMs: number,
): Promise<{ ms: number; peakMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["-r", join(context.root, "bench/lib/peak-memory.cjs"), join(context.root, "dist/cli.js"), ...args],
      {
        cwd: context.root,
        env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.pid && process.kill(child.pid, "SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const peak = /peak-memory-mb: ([\d.]+)/.exec(err);
      if (code === 0 && peak) resolve({ ms, peakMb: Number(peak[1]), stdout: out });
      else
        reject(
          new Error(
            signal === "SIGKILL"
              ? `skillshelf ${args[0]} stopped after ${timeoutMs / 1000} s`
              : `skillshelf ${args[0]} exited ${code}: ${err.slice(-2000)}`,
          ),
        );
    });
  });
}

async function importOnce(context: BenchContext, text: string, n: number): Promise<number> {
  const database = await openDatabase(join(context.tmp, `case-import-${n}.db`));
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    const outcome = await importChecked(database.db, parseCasePackage(text));
    const ms = performance.now() - started;
    if (!outcome.ok) throw new Error(`the sample did not import: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    return ms;
  } finally {
    await database.close();
  }
}

function runChild(
  context: BenchContext,
  file: string,
  databaseUrl: string,
): Promise<{ ms: number; items: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(context.root, "bench/case/import-child.ts"), file, databaseUrl],
      {
        cwd: context.root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop() as string))
        : reject(new Error(`import child exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

export const caseInterop: BenchGroup = {
  id: "case",
  title: "CASE import and export (SQLite)",
  figures: [
    {
      key: "case_import_ms",
      unit: "ms",
      label: `import ${SAMPLE} (585 items, 3,368 associations): parse + write`,
      goal: { op: "<=", target: 1000 },
    },
    { key: "case_import_parse_ratio", unit: "×", label: "that import ÷ JSON.parse of the same text" },
    {
      key: "synthetic_import_s",
      unit: "s",
      label: `import a generated ${SYNTHETIC_ITEMS.toLocaleString("en")}-item package (child process)`,
      goal: { op: "<=", target: 20 },
    },
    {
      key: "synthetic_import_peak_mb",
      unit: "MB",
      label: "peak memory (VmHWM) of that import's process",
      goal: { op: "<=", target: 500 },
    },
    {
      key: "publish_import_peak_mb",
      unit: "MB",
      label: `\`skillshelf import --publish\` of that package (compiled CLI, SQLite): peak memory (VmHWM), publishing included`,
      goal: { op: "<=", target: 500 },
    },
    { key: "publish_import_s", unit: "s", label: "that import with --publish: wall time of the whole command" },
    {
      key: "large_case_import_peak_mb",
      unit: "MB",
      label: `\`skillshelf import\` of a generated ${LARGE_ITEMS.toLocaleString("en")}-item package just under 200 MB: peak memory (no publishing)`,
    },
    { key: "large_case_import_s", unit: "s", label: "that import: wall time of the whole command" },
    {
      key: "case_export_ms",
      unit: "ms",
      label: `export that ${SYNTHETIC_ITEMS.toLocaleString("en")}-item framework as CASE, streamed to a file`,
    },
  ],
  async run(context, report) {
    const sample = join(context.root, "..", "shared", "case", "samples", SAMPLE);
    if (existsSync(sample)) {
      const text = readFileSync(sample, "utf8");
      await importOnce(context, text, 0); // warm-up: JIT and file cache
      const imports: number[] = [];
      const parses: number[] = [];
      for (let n = 1; n <= RUNS; n++) {
        const started = performance.now();
        JSON.parse(text);
        parses.push(performance.now() - started);
        imports.push(await importOnce(context, text, n));
      }
      report("case_import_ms", median(imports), `runs: ${imports.map((ms) => ms.toFixed(0)).join(", ")} ms`);
      report(
        "case_import_parse_ratio",
        median(imports) / median(parses),
        `JSON.parse median ${median(parses).toFixed(1)} ms`,
      );
    } else {
      console.log(`  skipped: ../shared/case not found (${SAMPLE})`);
    }

    const file = join(context.tmp, "synthetic-50k.json");
    writeFileSync(file, syntheticCasePackage(SYNTHETIC_ITEMS));
    const databaseUrl = join(context.tmp, "case-synthetic.db");
    const child = await runChild(context, file, databaseUrl);
    if (child.items !== SYNTHETIC_ITEMS) throw new Error(`imported ${child.items} items, not ${SYNTHETIC_ITEMS}`);
    report("synthetic_import_s", child.ms / 1000, `${(statSync(file).size / 1e6).toFixed(1)} MB file`);
    report("synthetic_import_peak_mb", child.peakMb, "VmHWM of the import's own process");

    const published = await runCompiledCli(
      context,
      ["import", file, "--publish", "Imported", "--publish-fr", "Importé"],
      join(context.tmp, "case-publish.db"),
      LARGE_TIMEOUT_MS,
    );
    if (!/published as edition 1/.test(published.stdout)) throw new Error(`not published: ${published.stdout}`);
    report("publish_import_peak_mb", published.peakMb, "VmHWM of the command's own process (parse worker included)");
    report("publish_import_s", published.ms / 1000);

    const available = availableMb();
    if (available < LARGE_NEEDS_MB) {
      console.log(
        `  skipped the ~200 MB import: ${Math.round(available)} MB of memory available, it needs about ${LARGE_NEEDS_MB}`,
      );
    } else {
      const large = join(context.tmp, "synthetic-200mb.json");
      const out = createWriteStream(large);
      for (const chunk of syntheticCaseChunks(LARGE_ITEMS, { seed: "large:" }))
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      try {
        const run = await runCompiledCli(
          context,
          ["import", large],
          join(context.tmp, "case-large.db"),
          LARGE_TIMEOUT_MS,
        );
        report("large_case_import_peak_mb", run.peakMb, `${(statSync(large).size / 1e6).toFixed(1)} MB file`);
        report("large_case_import_s", run.ms / 1000);
      } finally {
        rmSync(large, { force: true });
      }
    }

    const database = await openDatabase(databaseUrl);
    try {
      const [framework] = await listFrameworks(database.db);
      const out = join(context.tmp, "synthetic-export.json");
      const started = performance.now();
      const view = await buildFrameworkView(database.db, framework);
      const input = await caseExportInput(database.db, view, "https://skills.example.org");
      const stream = createWriteStream(out);
      await writeCaseExport(input, stream);
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      report(
        "case_export_ms",
        performance.now() - started,
        `${(statSync(out).size / 1e6).toFixed(1)} MB written (database read included)`,
      );
    } finally {
      await database.close();
    }
  },
};
