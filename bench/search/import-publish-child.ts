/**
 * Fills a database as an operator would before serving a big framework: `node --import tsx
 * bench/search/import-publish-child.ts PACKAGE.json DATABASE.db` migrates it, loads the starter, and
 * imports and publishes the CASE package through `importFramework` with a summary, which is what
 * `skillshelf import FILE --publish … --publish-fr …` runs. The package is handed over parsed: the
 * CLI's byte cap on CASE files (45 MiB until it becomes a setting) would refuse the 55 MB
 * bilingual package before the import under test even starts.
 */
import { readFileSync } from "node:fs";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";

const [file, databaseUrl] = process.argv.slice(2);
const database = await openDatabase(databaseUrl);
try {
  await migrateToLatest(database.db);
  await loadStarterFramework(database.db);
  const parsed = parseCasePackage(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.value) throw new Error(`the package did not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const outcome = await importFramework(database.db, parsed.value, {
    publish: { en: "Generated for the benchmark", fr: "Généré pour le banc d'essai" },
  });
  if (!outcome.ok) throw new Error(`the import failed: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
} finally {
  await database.close();
}
