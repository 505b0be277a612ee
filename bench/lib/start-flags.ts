/**
 * The node flags `npm start` gives the server (package.json's start script, e.g. the heap setting
 * of decision 039), so the benchmarks start the compiled server as `npm start` does, and a test
 * holds the container's command to the same flags.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PACKAGE = fileURLToPath(new URL("../../package.json", import.meta.url));

/** The options between `node` and the launcher in package.json's start script. */
export function startNodeFlags(packageJson = readFileSync(PACKAGE, "utf8")): string[] {
  const start: string = JSON.parse(packageJson).scripts.start;
  const words = start.trim().split(/\s+/);
  const launcher = words.indexOf("bin/skillshelf.js");
  if (words[0] !== "node" || launcher < 0) throw new Error(`unexpected start script: ${start}`);
  return words.slice(1, launcher);
}
