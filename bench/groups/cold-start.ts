/**
 * Start-up, measured as operators and users meet it (decision 019):
 * - process spawn → first 200 on the area page (compiled server, plain node, a database already
 *   created and loaded), against a bare Hono hello-world compiled and started the same way;
 * - `skillshelf --help` (bin/skillshelf.js: its staleness check, then the compiled CLI) against
 *   `node -e 0`, the cost of starting node at all.
 * Starts alternate between the measured and the baseline so both see the same machine; medians.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext, BenchGroup } from "../lib/figures.ts";
import { spawnNode, waitFor200 } from "../lib/process.ts";
import { startSkillshelfReady } from "../lib/server.ts";
import { median } from "../lib/stats.ts";

const STARTS = 5;
const HELP_RUNS = 9;

/** The hello-world bundled like the server (one ES module file, packages inside), into the run's tmp. */
async function compileHello(context: BenchContext): Promise<string> {
  const { build } = await import("esbuild");
  const outfile = join(context.tmp, "hello.mjs");
  await build({
    absWorkingDir: context.root,
    entryPoints: ["bench/fixtures/hello.ts"],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
  });
  return outfile;
}

async function helloReadyMs(context: BenchContext, script: string): Promise<number> {
  const hello = await spawnNode({ cwd: context.root, script });
  try {
    return await waitFor200(hello, `${hello.origin}/`);
  } finally {
    await hello.stop();
  }
}

async function skillshelfReadyMs(context: BenchContext): Promise<number> {
  const { server, readyMs } = await startSkillshelfReady(context);
  await server.stop();
  return readyMs;
}

/** Wall time of one `node ...args` run to its exit, in ms; a non-zero exit is an error. */
function runMs(cwd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      const ms = performance.now() - started;
      code === 0 ? resolve(ms) : reject(new Error(`node ${args.join(" ")} exited with ${code}: ${stderr}`));
    });
  });
}

export const coldStart: BenchGroup = {
  id: "cold-start",
  title: "cold start",
  figures: [
    { key: "cold_start_ms", unit: "ms", label: "spawn → first 200 on the area page (compiled, warm database)" },
    { key: "hello_cold_start_ms", unit: "ms", label: "spawn → first 200, bare Hono hello-world (compiled)" },
    { key: "cold_start_ratio", unit: "×", label: "Skillshelf cold start ÷ hello-world", goal: { op: "<=", target: 2 } },
    { key: "cli_help_ms", unit: "ms", label: "`skillshelf --help` wall time (bin/skillshelf.js)" },
    { key: "node_startup_ms", unit: "ms", label: "`node -e 0` wall time" },
    { key: "cli_help_ratio", unit: "×", label: "`skillshelf --help` ÷ `node -e 0`", goal: { op: "<=", target: 3 } },
  ],
  async run(context, report) {
    const hello = await compileHello(context);
    // The database must exist and hold the starter framework already: a first start does that.
    if (!existsSync(context.databaseUrl)) await skillshelfReadyMs(context);
    // One unmeasured start of each warms the OS file cache.
    await skillshelfReadyMs(context);
    await helloReadyMs(context, hello);
    const skillshelf: number[] = [];
    const helloStarts: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      skillshelf.push(await skillshelfReadyMs(context));
      helloStarts.push(await helloReadyMs(context, hello));
    }
    const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
    console.log(`  Skillshelf starts (ms): ${fmt(skillshelf)}`);
    console.log(`  hello-world starts (ms): ${fmt(helloStarts)}`);
    report("cold_start_ms", median(skillshelf), `median of ${STARTS}`);
    report("hello_cold_start_ms", median(helloStarts), `median of ${STARTS}`);
    report("cold_start_ratio", median(skillshelf) / median(helloStarts));

    const help: number[] = [];
    const bare: number[] = [];
    await runMs(context.root, ["bin/skillshelf.js", "--help"]);
    for (let i = 0; i < HELP_RUNS; i++) {
      help.push(await runMs(context.root, ["bin/skillshelf.js", "--help"]));
      bare.push(await runMs(context.root, ["-e", "0"]));
    }
    console.log(`  skillshelf --help (ms): ${fmt(help)}`);
    console.log(`  node -e 0 (ms): ${fmt(bare)}`);
    report("cli_help_ms", median(help), `median of ${HELP_RUNS}`);
    report("node_startup_ms", median(bare), `median of ${HELP_RUNS}`);
    report("cli_help_ratio", median(help) / median(bare));
  },
};
