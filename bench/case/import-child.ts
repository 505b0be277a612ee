/**
 * Runs one CASE import in a process of its own, so its peak memory (VmHWM) is the import's alone:
 * `node --import tsx bench/case/import-child.ts PACKAGE.json DATABASE.db`. The database is created
 * and migrated before the clock starts; the clock covers reading, parsing and writing. Prints one
 * JSON line: { ms, items, peakMb }.
 */
import { readFileSync } from "node:fs";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importChecked } from "../../src/interop/import.ts";

const [file, databaseUrl] = process.argv.slice(2);
const database = await openDatabase(databaseUrl);
await migrateToLatest(database.db);
const started = performance.now();
const outcome = await importChecked(database.db, parseCasePackage(readFileSync(file)));
const ms = performance.now() - started;
await database.close();
if (!outcome.ok) {
  console.error(JSON.stringify(outcome.problems.slice(0, 5)));
  process.exit(1);
}
const peak = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
console.log(
  JSON.stringify({
    ms,
    items: outcome.report.items.added + outcome.report.items.updated + outcome.report.items.unchanged,
    peakMb: peak ? Number(peak[1]) / 1024 : null,
  }),
);
