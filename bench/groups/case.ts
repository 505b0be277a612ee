/**
 * CASE import and export. The real 585-item SBAC package is imported into a fresh SQLite file
 * (median of 5 runs after a warm-up) and compared with JSON.parse of the same text; a generated
 * 50,000-item package is imported in a child process (so its peak memory is the import's alone),
 * then exported as a stream to a file. The real package comes from ../shared/case: without it those
 * two figures are not measured.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { buildFrameworkView } from "../../src/editions/catalog.ts";
import { listFrameworks } from "../../src/frameworks/store.ts";
import { writeCaseExport } from "../../src/interop/case/export.ts";
import { caseExportInput } from "../../src/interop/case/load.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importChecked } from "../../src/interop/import.ts";
import { syntheticCasePackage } from "../case/synthetic.ts";
import type { BenchContext, BenchGroup } from "../lib/figures.ts";
import { median } from "../lib/stats.ts";

const SAMPLE = "sbac__math_content_specification.json";
const SYNTHETIC_ITEMS = 50_000;
const RUNS = 5;

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
