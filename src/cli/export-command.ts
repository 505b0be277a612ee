/** `skillshelf export`: a framework's latest edition (or its draft) as CASE, Skillshelf JSON, XLSX or CSV. */
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { readConfig } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { buildFrameworkView, createCatalog, type FrameworkView } from "../editions/catalog.ts";
import { frameworkJson } from "../frameworks/json.ts";
import { findFrameworkBySlug, listFrameworks } from "../frameworks/store.ts";
import { writeCaseExport } from "../interop/case/export.ts";
import { caseExportInput } from "../interop/case/load.ts";
import { exportSpreadsheet } from "../interop/sheets/index.ts";
import { type Command, ENV_NOTE, UsageError } from "./command.ts";

/** Writes to a file, or to standard output (waiting until all of it is handed over). */
export async function writeOut(path: string | undefined, write: (out: Writable) => Promise<unknown>) {
  if (!path) {
    await write(process.stdout);
    // Wait until everything is handed to the OS: main() ends with process.exit(), which would cut a
    // pipe (`skillshelf export | jq`) short. A reader that quits early makes it an EPIPE error.
    await new Promise<void>((resolve, reject) => {
      process.stdout.once("error", reject);
      process.stdout.write("", (error) => (error ? reject(error) : resolve()));
    });
    return;
  }
  const out = createWriteStream(path);
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  await write(out);
  out.end();
  await finished;
  console.error(`wrote ${path}`);
}

export const exportCommand: Command = {
  help: `Usage: skillshelf export [--framework SLUG] [--format case|json|xlsx|csv] [--out FILE] [--draft]

Writes a framework's latest published edition (or its draft, if it was never published, or with
--draft). Every export carries the framework's version and dates.
  --framework SLUG   which framework (default: the first one)
  --format FORMAT    case: CASE 1.1 CFPackage JSON (both languages; written as a stream)
                     json: the shape of GET /api/v1/frameworks/:id (default)
                     xlsx, csv: the spreadsheet template's layout (one row per item)
  --out FILE         write to FILE instead of standard output
  --draft            export the editors' draft instead of the published edition
${ENV_NOTE}`,
  options: {
    framework: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    draft: { type: "boolean" },
  },
  async run(values) {
    const format = (values.format as string | undefined) ?? "json";
    if (!["case", "json", "xlsx", "csv"].includes(format))
      throw new UsageError(`unsupported format "${format}" (formats: case, json, xlsx, csv)`);
    const out = values.out as string | undefined;
    if (format === "xlsx" && !out && process.stdout.isTTY)
      throw new UsageError("an XLSX file is binary: give --out FILE");
    const config = readConfig();
    const database = await openDatabase(config.databaseUrl);
    try {
      const db = database.db;
      await migrateToLatest(db);
      const slug = values.framework as string | undefined;
      const framework = slug ? await findFrameworkBySlug(db, slug) : (await listFrameworks(db))[0];
      if (!framework) throw new Error(slug ? `no framework with slug "${slug}"` : "the database holds no framework");
      let view: FrameworkView | undefined = values.draft ? undefined : await createCatalog(db).get(framework.slug);
      if (!view) {
        if (!values.draft) console.error(`"${framework.slug}" has no published edition: exporting its draft`);
        view = await buildFrameworkView(db, framework);
      }
      const published = view;
      if (format === "case") {
        const input = await caseExportInput(db, published, config.baseUrl);
        await writeOut(out, async (stream) => {
          await writeCaseExport(input, stream);
          stream.write("\n");
        });
      } else if (format === "json") {
        await writeOut(out, async (stream) => stream.write(`${JSON.stringify(frameworkJson(published), null, 2)}\n`));
      } else {
        const bytes = await exportSpreadsheet(frameworkJson(published), format as "xlsx" | "csv");
        await writeOut(out, async (stream) => stream.write(bytes));
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};
