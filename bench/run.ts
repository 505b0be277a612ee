/**
 * `npm run bench`: runs every benchmark group in order, prints each figure as it is measured, then a
 * table of goals and ONE final JSON line with every figure (null when a group could not measure it).
 *
 * Add figures by writing a module in bench/groups/ that exports a BenchGroup and listing it below.
 * `npm run bench -- search cold-start` runs only the named groups.
 * Exit code: 0 when every group ran (goals missed or not), 1 when a group failed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { areaPage } from "./groups/area-page.ts";
import { assessmentDocumentsBench } from "./groups/assessment-documents.ts";
import { assessmentSaveBench } from "./groups/assessment-save.ts";
import { caseInterop } from "./groups/case.ts";
import { coldStart } from "./groups/cold-start.ts";
import { cycleOpenBench } from "./groups/cycle-open.ts";
import { editorBench } from "./groups/editor.ts";
import { insightsBench } from "./groups/insights.ts";
import { jobsBench } from "./groups/jobs.ts";
import { peopleBench } from "./groups/people.ts";
import { peopleImportBench } from "./groups/people-import.ts";
import { rebuildBench } from "./groups/rebuild.ts";
import { searchSpeed } from "./groups/search.ts";
import { searchHttp } from "./groups/search-http.ts";
import { uploadBench } from "./groups/upload.ts";
import { workersBench } from "./groups/workers.ts";
import {
  type BenchContext,
  type BenchGroup,
  type FigureSpec,
  formatGoal,
  type GoalStatus,
  goalStatus,
  roundFigure,
} from "./lib/figures.ts";

const GROUPS: BenchGroup[] = [
  areaPage,
  coldStart,
  searchSpeed,
  searchHttp,
  caseInterop,
  editorBench,
  uploadBench,
  workersBench,
  rebuildBench,
  peopleImportBench,
  peopleBench,
  jobsBench,
  cycleOpenBench,
  assessmentDocumentsBench,
  assessmentSaveBench,
  insightsBench,
];

function selectGroups(args: string[]): BenchGroup[] {
  if (args.length === 0) return GROUPS;
  const unknown = args.filter((id) => !GROUPS.some((g) => g.id === id));
  if (unknown.length > 0) {
    console.error(`bench: unknown group ${unknown.join(", ")} (groups: ${GROUPS.map((g) => g.id).join(", ")})`);
    process.exit(2);
  }
  return GROUPS.filter((g) => args.includes(g.id));
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const STATUS_MARK: Record<GoalStatus, string> = {
  met: "met",
  missed: "MISSED",
  "no goal": "",
  "not measured": "NOT MEASURED",
};

/** A variable, so TypeScript does not look for the plain JavaScript module's types. */
const BUILD_SCRIPT = "../scripts/build.mjs";

async function main(): Promise<number> {
  const groups = selectGroups(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), "skillshelf-bench-"));
  const context: BenchContext = {
    root: resolve(fileURLToPath(new URL("..", import.meta.url))),
    tmp,
    databaseUrl: join(tmp, "skillshelf.db"),
    shared: new Map(),
  };
  const values = new Map<string, number>();
  const specs: FigureSpec[] = [];
  const failures: string[] = [];
  const started = performance.now();
  // Other work on the machine skews every figure: say how busy it was, before and after.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  console.log(
    `Skillshelf benchmarks — Node ${process.version}, ${availableParallelism()} CPUs, load average ${load()}, ${new Date().toISOString()}`,
  );
  // Servers run compiled, as `npm start` runs them: build first if the sources changed (decision 019).
  const builder = (await import(BUILD_SCRIPT)) as { staleReason(): string | undefined; build(): Promise<number> };
  const stale = builder.staleReason();
  if (stale) console.log(`building dist/ (${stale}): ${((await builder.build()) / 1000).toFixed(1)} s`);
  try {
    for (const group of groups) {
      specs.push(...group.figures);
      console.log(`\n▸ ${group.title}`);
      const groupStarted = performance.now();
      const report = (key: string, value: number, detail?: string) => {
        const spec = group.figures.find((f) => f.key === key);
        if (!spec) throw new Error(`group ${group.id} reported undeclared figure ${key}`);
        values.set(key, roundFigure(value));
        const status = goalStatus(spec, value);
        const goal = spec.goal ? ` (goal ${formatGoal(spec.goal)}: ${STATUS_MARK[status]})` : "";
        console.log(`  ${key} = ${roundFigure(value)} ${spec.unit}${goal}${detail ? ` — ${detail}` : ""}`);
      };
      try {
        await group.run(context, report);
      } catch (error) {
        failures.push(group.id);
        console.error(`  ✗ ${group.id} failed: ${(error as Error).stack ?? error}`);
      }
      console.log(`  (${((performance.now() - groupStarted) / 1000).toFixed(1)} s)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const rows = [["figure", "value", "unit", "goal", "status", "what"]];
  for (const spec of specs) {
    const value = values.get(spec.key);
    rows.push([
      spec.key,
      value === undefined ? "—" : String(value),
      spec.unit,
      formatGoal(spec.goal),
      STATUS_MARK[goalStatus(spec, value)],
      spec.label,
    ]);
  }
  console.log(
    `\nSummary (${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${load()})\n${table(rows)}\n`,
  );
  console.log(JSON.stringify(Object.fromEntries(specs.map((spec) => [spec.key, values.get(spec.key) ?? null]))));
  return failures.length > 0 ? 1 : 0;
}

process.exit(await main());
