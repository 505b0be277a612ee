#!/usr/bin/env node
// The `npm test` runner. Node 20 does not expand globs, so the test files are found here; then the
// browser tests run through Playwright.
//
//   node scripts/test.mjs                  every unit and integration test, then the browser tests
//   node scripts/test.mjs --unit           unit and integration tests only
//   node scripts/test.mjs --store          only the tests that run on every database (they call
//                                          testDialects()); CI runs these again with TEST_DATABASE_URL
//   node scripts/test.mjs test/store …     only test files under the given paths (implies --unit)
//   node scripts/test.mjs --browser        the browser tests only (as `npm test` runs them)
//
// Browser tests are skipped, with a message, when /usr/bin/chromium is absent — except under
// CI=true, where they must run and pass.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const paths = args.filter((a) => !a.startsWith("--"));
const known = new Set(["--unit", "--store", "--browser", "--help"]);
for (const flag of flags) {
  if (!known.has(flag)) {
    console.error(`test: unknown option ${flag} (known: ${[...known].join(", ")})`);
    process.exit(2);
  }
}
if (flags.has("--help")) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), "utf8")
      .split("\n")
      .slice(1, 13)
      .join("\n")
      .replace(/^\/\/ ?/gm, ""),
  );
  process.exit(0);
}

const CI = process.env.CI === "true";
const CHROMIUM = "/usr/bin/chromium";
const TEST_FILE = /\.test\.tsx?$/;
// Browser tests belong to Playwright, not to node's runner.
const SKIP_DIRS = new Set(["node_modules", "e2e", ".git", "test-results", "playwright-report"]);

function findTests(dir) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return TEST_FILE.test(dir) ? [dir] : [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) found.push(...findTests(full));
    else if (entry.isFile() && TEST_FILE.test(entry.name)) found.push(full);
  }
  return found;
}

const roots = paths.length > 0 ? paths.map((p) => resolve(root, p)) : [join(root, "src"), join(root, "test")];
for (const p of roots) {
  if (!existsSync(p)) {
    console.error(`test: no such file or folder: ${relative(root, p) || p}`);
    process.exit(2);
  }
}
let files = [...new Set(roots.flatMap(findTests))].sort();
if (flags.has("--store")) {
  files = files.filter((f) => readFileSync(f, "utf8").includes("testDialects("));
  if (!process.env.TEST_DATABASE_URL) {
    const note = "TEST_DATABASE_URL is not set, so the store tests run on SQLite and PGlite only";
    if (CI) {
      console.error(`test: ${note}; under CI=true they must reach a real PostgreSQL`);
      process.exit(1);
    }
    console.log(`test: ${note} (e.g. TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/skillshelf_test)`);
  }
}
const rel = files.map((f) => relative(root, f).split(sep).join("/"));

const results = [];
const started = Date.now();
// Every skipped test or suite (node:test and Playwright) is written here as a JSON line by the
// skip reporters, so the summary can list them with their reasons.
const skipDir = mkdtempSync(join(tmpdir(), "skillshelf-skips-"));
const skipLog = join(skipDir, "skips.jsonl");
// Each file's duration, written by the timing reporter, so the summary can name the slowest.
const timingLog = join(skipDir, "timings.jsonl");
const testEnv = { ...process.env, SKILLSHELF_SKIP_LOG: skipLog };

// 1. Unit and integration tests, with node's own runner (its summary lines stay visible for CI).
if (flags.has("--browser")) {
  // Browser tests only.
} else if (rel.length === 0) {
  console.error("test: no test files found");
  results.push({ name: "unit and integration tests", status: "failed", detail: "no test files" });
} else {
  // Two cores: two test files at a time. Files that open PGlite or a server stay isolated per process.
  // On real PostgreSQL one at a time: every test gets a schema of its own, dropped when it ends, and
  // Kysely's migrator lists the tables of every schema in the database — a schema dropped by another
  // file's test in the middle of that listing fails it ("relation … does not exist").
  const concurrency = process.env.TEST_DATABASE_URL ? 1 : Math.max(1, Math.min(2, availableParallelism()));
  console.log(
    `test: ${rel.length} test files, ${concurrency} at a time${process.env.TEST_DATABASE_URL ? ", with real PostgreSQL (TEST_DATABASE_URL)" : ""}`,
  );
  const t0 = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./test/support/fast-check-seed.ts",
      "--test",
      `--test-concurrency=${concurrency}`,
      "--test-timeout=300000",
      // node's own choice of reporter (spec at a terminal, tap otherwise), plus the skip recorder.
      `--test-reporter=${process.stdout.isTTY ? "spec" : "tap"}`,
      "--test-reporter-destination=stdout",
      "--test-reporter=./scripts/skip-reporter.mjs",
      `--test-reporter-destination=${skipLog}`,
      "--test-reporter=./scripts/timing-reporter.mjs",
      `--test-reporter-destination=${timingLog}`,
      ...rel,
    ],
    { cwd: root, stdio: "inherit", env: testEnv },
  );
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = run.status === 0;
  results.push({
    name: "unit and integration tests",
    status: ok ? "passed" : "failed",
    detail: `${rel.length} files, ${seconds} s${ok ? "" : `, exit ${run.status ?? run.signal}`}`,
  });
}

// 2. Browser tests.
const browserWanted = !flags.has("--unit") && !flags.has("--store") && paths.length === 0;
if (browserWanted) {
  const config = ["playwright.config.ts", "playwright.config.js", "playwright.config.mjs"].find((f) =>
    existsSync(join(root, f)),
  );
  const playwright = join(root, "node_modules", ".bin", process.platform === "win32" ? "playwright.cmd" : "playwright");
  const missing = !existsSync(CHROMIUM)
    ? `${CHROMIUM} is not installed (Debian: apt-get install -y chromium)`
    : !config
      ? "there is no playwright.config.ts"
      : !existsSync(playwright)
        ? "@playwright/test is not installed (npm install)"
        : null;
  if (missing && !CI) {
    console.log(`\ntest: browser tests SKIPPED because ${missing}. Set CI=true to make this an error.`);
    results.push({ name: "browser tests", status: "skipped", detail: missing });
  } else if (missing) {
    console.error(`\ntest: browser tests cannot run under CI=true: ${missing}`);
    results.push({ name: "browser tests", status: "failed", detail: `cannot run: ${missing}` });
  } else {
    console.log("\ntest: browser tests (playwright test)");
    const t0 = Date.now();
    const run = spawnSync(playwright, ["test"], { cwd: root, stdio: "inherit", env: testEnv });
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    const ok = run.status === 0;
    results.push({
      name: "browser tests",
      status: ok ? "passed" : "failed",
      detail: `${seconds} s${ok ? "" : `, exit ${run.status ?? run.signal}`}`,
    });
  }
}

const readLines = (file) =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
const slowest = readLines(timingLog)
  .filter((t) => t.kind === "file")
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 8);
const skips = readLines(skipLog);
rmSync(skipDir, { recursive: true, force: true });
if (skips.length > 0) {
  results.push({
    name: "skipped tests",
    status: CI ? "failed" : "skipped",
    detail: `${skips.length}${CI ? ", and under CI=true nothing may be skipped" : ""}`,
  });
}

console.log(`\ntest: summary (${((Date.now() - started) / 1000).toFixed(1)} s wall time)`);
for (const r of results) console.log(`  ${r.status.padEnd(7)} ${r.name} (${r.detail})`);
if (slowest.length > 0) {
  console.log("  slowest test files (each runs in its own process, two at a time):");
  for (const t of slowest)
    console.log(`    ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${relative(root, t.file).split(sep).join("/")}`);
}
for (const s of skips) {
  const where = s.file
    ? relative(root, s.file.replace(/^file:\/\//, ""))
        .split(sep)
        .join("/")
    : "";
  console.log(`    skipped: ${s.name}${where ? ` [${where}]` : ""}: ${s.reason}`);
}
process.exit(results.some((r) => r.status === "failed") ? 1 : 0);
