/**
 * `skillshelf people import FILE --org SLUG`: an organisation's staff from a CSV or XLSX file, as the
 * import pages do it (src/people/staff-import): the same reading, mapping, checks and plan, and one
 * transaction; `--dry-run` writes nothing. Exit code 0 when the import was written (or would be),
 * 1 when the file has errors (nothing is written), 2 for bad arguments.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { followLeaversAndMovers } from "../assessments/cycles/movers.ts";
import { readConfig } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { messages } from "../i18n/index.ts";
import { importStaff } from "../people/staff-import/apply.ts";
import {
  type ColumnMapping,
  guessMapping,
  headerKey,
  STAFF_FIELDS,
  type StaffField,
} from "../people/staff-import/columns.ts";
import { MAX_STAFF_FILE_BYTES } from "../people/staff-import/limits.ts";
import { readStaffFile, UnreadableStaffFile } from "../people/staff-import/read.ts";
import { errorColumn, planJson, problemText } from "../people/staff-import/report.ts";
import { type Command, ENV_NOTE, terminal, UsageError } from "./command.ts";

const t = messages("en");

/** `--map field=Header`: the file's column (by its header) for a field, over the guess. */
function mappingOf(headers: string[], maps: string[]): ColumnMapping {
  const mapping = guessMapping(headers);
  for (const entry of maps) {
    const at = entry.indexOf("=");
    const field = entry.slice(0, at).trim() as StaffField;
    if (at < 0 || !STAFF_FIELDS.includes(field))
      throw new UsageError(`--map takes FIELD=HEADER, FIELD one of ${STAFF_FIELDS.join(", ")}`);
    const header = entry.slice(at + 1).trim();
    if (header === "") {
      delete mapping[field];
      continue;
    }
    const column = headers.findIndex((h) => headerKey(h) === headerKey(header));
    if (column < 0) throw new UsageError(`the file has no column "${header}" (its columns: ${headers.join(", ")})`);
    for (const other of STAFF_FIELDS) if (mapping[other] === column) delete mapping[other];
    mapping[field] = column;
  }
  return mapping;
}

export const peopleCommand: Command = {
  help: `Usage: skillshelf people import FILE --org SLUG [--dry-run] [--json] [--mark-left] [--create-units]
                        [--map FIELD=HEADER …] [--date-order dmy|mdy]

Imports an organisation's staff from a CSV or XLSX file as an HR system exports it: one row per person,
matched by employee number (new numbers are added, known ones updated), managers named by their
employee number, units by their English or French name. Everything is written in one transaction, or
nothing when any row has an error.
  --org SLUG         the organisation (its web address name)
  --dry-run          check the file and report what would change; write nothing
  --json             print the report as JSON (counts, errors by row and column, changes)
  --mark-left        mark the organisation's people missing from the file as left (today)
  --create-units     create the units the file names that do not exist (else they are errors)
  --map FIELD=HEADER read FIELD from the column HEADER (repeat; an empty HEADER leaves the field out).
                     Fields: ${STAFF_FIELDS.join(", ")}
  --date-order ORDER how to read dates such as 04/05/2025: dmy (default) or mdy
${ENV_NOTE}`,
  options: {
    org: { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
    "mark-left": { type: "boolean" },
    "create-units": { type: "boolean" },
    map: { type: "string", multiple: true },
    "date-order": { type: "string" },
  },
  positionals: true,
  async run(values, positionals) {
    const [action, path, ...rest] = positionals;
    if (action !== "import") throw new UsageError(action ? `unknown action "${action}"` : "say what to do: import");
    if (!path || rest.length > 0) throw new UsageError("name one FILE");
    const slug = values.org as string | undefined;
    if (!slug) throw new UsageError("--org SLUG is required");
    const dateOrder = (values["date-order"] as string | undefined) ?? "dmy";
    if (dateOrder !== "dmy" && dateOrder !== "mdy") throw new UsageError("--date-order takes dmy or mdy");
    if (statSync(path).size > MAX_STAFF_FILE_BYTES)
      throw new Error(`${basename(path)} is larger than ${MAX_STAFF_FILE_BYTES / 1024 / 1024} MB`);

    let table: Awaited<ReturnType<typeof readStaffFile>>;
    try {
      table = await readStaffFile(readFileSync(path));
    } catch (error) {
      if (!(error instanceof UnreadableStaffFile)) throw error;
      const message = {
        not_a_table: t.staffImportErrUnreadable,
        empty: t.staffImportErrEmpty,
        unpacks_too_large: t.staffImportErrUnpacked,
        too_many_rows: t.staffImportErrTooManyRows(error.params.max ?? 0),
      }[error.code];
      throw new Error(`${basename(path)}: ${message}`);
    }
    const mapping = mappingOf(table.headers, (values.map as string[] | undefined) ?? []);

    const config = readConfig();
    const database = await openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(database.db);
      // As in the app: a review cycle follows the people the import marks as left or moves.
      followLeaversAndMovers();
      const organisation = await database.db
        .selectFrom("organisations")
        .select("id")
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (!organisation) throw new UsageError(`no organisation with the web address name "${slug}"`);
      const { plan, applied } = await importStaff(database.db, {
        organisationId: organisation.id,
        table,
        mapping,
        dateOrder,
        markMissingAsLeft: values["mark-left"] === true,
        createUnits: values["create-units"] === true,
        actor: { id: null, label: "command line" },
        dryRun: values["dry-run"] === true,
        instanceZone: config.timeZone,
      });
      if (values.json) {
        terminal.console.log(JSON.stringify(planJson(plan, t, applied), null, 2));
      } else {
        const c = plan.counts;
        const counts = [
          t.staffImportCountCreates(c.creates),
          t.staffImportCountUpdates(c.updates),
          t.staffImportCountUnchanged(c.unchanged),
          t.staffImportCountLeaving(c.leaving),
          t.staffImportCountUnits(c.newUnits),
        ].join(", ");
        const out = plan.errors.length > 0 ? terminal.console.error : terminal.console.log;
        out(
          `${basename(path)}: ${c.rows} rows (header on row ${table.headerLine}). ${applied ? "Imported" : plan.errors.length > 0 ? "Not imported" : "Would import"}: ${counts}.`,
        );
        for (const error of plan.errors)
          terminal.console.error(
            `  ${error.line === null ? t.staffImportWholeFile : `row ${error.line}`}, column "${errorColumn(t, error)}": ${problemText(t, error)}`,
          );
      }
      return plan.errors.length > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  },
};
