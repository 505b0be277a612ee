#!/usr/bin/env node
// The build: compiles the TypeScript sources into dist/ with esbuild (decision 019).
//
//   node scripts/build.mjs          build (what `npm run build` and `npm install` run)
//   node scripts/build.mjs --check  exit 0 when dist/ is up to date, 1 when it needs a build
//
// Three entry points: dist/cli.js (the `skillshelf` command, the server included),
// dist/parse-worker.js (the worker thread that reads uploaded files) and dist/index-worker.js (the
// worker thread that indexes a big framework for search). Code behind a dynamic import()
// becomes a chunk of its own, loaded when first needed, so `skillshelf --help` loads only the
// command table. Packages are bundled (one file loads far faster than hundreds), except native or
// optional ones, which stay in node_modules. Files read at run time (stylesheets, scripts, the
// starter framework) are not bundled: src/paths.ts finds them from dist/ as from src/.
//
// bin/skillshelf.js runs this build first whenever a source is newer than the last build, so the
// compiled code never lags behind the sources it came from.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
/** Written last by a successful build: its time is the build's. */
const STAMP = join(DIST, "build.json");

/** What a build reads: a change to any of them (or a file added or removed) makes dist/ stale. */
const INPUTS = ["src", "package.json", "package-lock.json", "scripts/build.mjs", "tsconfig.json"];

/**
 * Left in node_modules: better-sqlite3 (a native addon), pg (loaded only for PostgreSQL, and it asks
 * for the optional pg-native), markdown-it (src/ui/markdown.ts requires it on first use), PGlite (tests
 * only: a development dependency, never loaded by the server), pdfkit and fontkit (pdfkit loads its
 * standard fonts' metrics through its own package's import map at run time, which a bundle cannot
 * follow; job documents load only on a PDF download).
 */
const EXTERNAL = ["better-sqlite3", "pg", "markdown-it", "@electric-sql/pglite", "pdfkit", "fontkit"];

/** The newest modification time (ms) of a file or, for a folder, of it and anything under it. */
function newestChange(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  }
  return newest;
}

/**
 * Why dist/ needs a build, or undefined when it is current. Without TypeScript sources (an image
 * that ships only dist/) there is nothing to compare: the build present is the build.
 * `root` is for tests; the build itself always works on this project.
 */
export function staleReason(root = ROOT) {
  const stamp = join(root, "dist", "build.json");
  if (!existsSync(stamp)) return "no build yet";
  if (!existsSync(join(root, "src", "cli", "main.ts"))) return undefined;
  const built = statSync(stamp).mtimeMs;
  const changed = INPUTS.find((input) => newestChange(join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** Builds kept on disk: a server started from one of them can still load its lazy chunks. */
const KEPT_BUILDS = 3;

/** Writes a file under a temporary name, then renames it: readers see the old file or the new one. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return { builds: [] };
  }
}

/**
 * Builds into dist/ without pulling the floor from under a running server: chunks are named by
 * their content, so a new build adds files beside the old ones; the entry points are swapped in
 * one rename each; files of the last few builds stay (a server started earlier may still load a
 * lazy chunk of its own build, at its first sign-in say), older ones are removed.
 * Returns the build's duration in ms.
 */
export async function build({ quiet = false } = {}) {
  const started = performance.now();
  const { build: esbuild } = await import("esbuild");
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: {
      cli: "src/cli/main.ts",
      "parse-worker": "src/interop/guarded/worker.ts",
      "index-worker": "src/search/index-worker.ts",
    },
    outdir: DIST,
    write: false,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    // No keepNames: it wraps every function and class in a naming call (about 7% more start-up CPU);
    // identifiers are not minified, and the source maps give stack traces their sources' names.
    // Whitespace and comments are: V8 keeps each script's source in the heap for as long as the
    // process runs (functions compile lazily from it), ~11 MB unminified (decision 039, addendum 2).
    minifyWhitespace: true,
    minifySyntax: true,
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules; ES modules have none.
    banner: {
      js: 'import { createRequire as __skillshelfRequire } from "node:module";\nconst require = __skillshelfRequire(import.meta.url);',
    },
    // Chunks directly in dist/, like the entry points: src/paths.ts counts on "one level under the root".
    chunkNames: "chunk-[hash]",
    logLevel: quiet ? "error" : "warning",
  });
  const files = result.outputFiles.map((file) => relative(DIST, file.path));
  const isEntry = (file) => /^(cli|parse-worker|index-worker)\.js$/.test(relative(DIST, file.path));
  for (const file of result.outputFiles.filter((f) => !isEntry(f))) writeAtomically(file.path, file.contents);
  for (const file of result.outputFiles.filter(isEntry)) writeAtomically(file.path, file.contents);
  const builds = [files, ...readStamp().builds].slice(0, KEPT_BUILDS);
  writeAtomically(STAMP, `${JSON.stringify({ builtAt: new Date().toISOString(), builds })}\n`);
  const kept = new Set(["build.json", ...builds.flat()]);
  for (const name of readdirSync(DIST)) {
    if (!kept.has(name) && !name.endsWith(".tmp")) rmSync(join(DIST, name), { recursive: true, force: true });
  }
  return performance.now() - started;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const reason = staleReason();
    console.log(reason ? `dist/ needs a build: ${reason}` : "dist/ is up to date");
    process.exit(reason ? 1 : 0);
  }
  const ms = await build();
  console.log(`built dist/ in ${(ms / 1000).toFixed(1)} s`);
}
