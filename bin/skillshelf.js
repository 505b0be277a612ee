#!/usr/bin/env node
// Entry point for `skillshelf` and `npm start`: runs the compiled command (dist/cli.js), building it
// first when it is missing or older than the sources (scripts/build.mjs; decision 019).
// SKILLSHELF_NO_BUILD=1 runs whatever build is there, without looking at the sources.
import { existsSync } from "node:fs";

const dist = new URL("../dist/cli.js", import.meta.url);
if (process.env.SKILLSHELF_NO_BUILD !== "1") {
  const { build, staleReason } = await import("../scripts/build.mjs");
  const reason = staleReason();
  if (reason) {
    process.stderr.write(`skillshelf: building (${reason})… `);
    const ms = await build({ quiet: true });
    process.stderr.write(`done in ${(ms / 1000).toFixed(1)} s\n`);
  }
} else if (!existsSync(dist)) {
  process.stderr.write("skillshelf: dist/cli.js is missing: run `npm run build`\n");
  process.exit(1);
}
// Stack traces name the TypeScript sources (dist/*.js.map), read only when an error is printed.
process.setSourceMapsEnabled(true);
await import(dist.href);
