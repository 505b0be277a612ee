/**
 * `skillshelf import`: a framework in as CASE, a spreadsheet, pasted text or Skillshelf JSON. Every
 * import is one transaction; a dry run writes nothing at all. What it prints: import-report.ts;
 * `skillshelf export`: export-command.ts.
 */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { readConfig } from "../config.ts";
import { type Database, isPostgresUrl, openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { EditionSummaryText } from "../editions/label.ts";
import { SUMMARY_MAX } from "../editor/commands/publish.ts";
import { isLang } from "../i18n/index.ts";
import { type CasePackage, DEFAULT_MAX_IMPORT_BYTES, isCasePackage } from "../interop/case/model.ts";
import { oversizeProblem } from "../interop/case/source.ts";
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from "../interop/detect.ts";
import { findDraftFramework, loadDraftAsImport } from "../interop/draft-store.ts";
import { PARSE_LIMITS, parseOnce } from "../interop/guarded/parse-upload.ts";
import { type HandedOver, type ImportOutcome, type ImportTarget, importHandedOver, isSlug } from "../interop/import.ts";
import { hasErrors, type ImportedFramework, type ImportedItem, type ImportResult } from "../interop/model.ts";
import { parsePastedText } from "../interop/text/index.ts";
import { newFrameworkWithArea, placeArea } from "../interop/text/place.ts";
import { collectGarbage } from "./collect.ts";
import { type Command, ENV_NOTE, terminal, UsageError } from "./command.ts";
import { writeOut } from "./export-command.ts";
import { printProblems, printReport, problemJson, treeJson } from "./import-report.ts";
import { type Progress, progressBar } from "./progress.ts";

const FORMATS = IMPORT_FORMATS;
/** Files above this size get a progress bar (when stderr is a terminal). */
const LARGE_FILE = 2 * 1024 * 1024;

/** The first bytes of a file, to tell its format by content. */
function readHead(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const head = new Uint8Array(64 * 1024);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

async function readWithProgress(path: string, progress: Progress): Promise<Buffer> {
  const total = statSync(path).size;
  const chunks: Buffer[] = [];
  let done = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    chunks.push(chunk as Buffer);
    done += (chunk as Buffer).length;
    progress.update("reading", done, total);
  }
  return Buffer.concat(chunks);
}

/** A database to compare a dry run against, without creating or migrating anything. */
async function openExistingDatabase(): Promise<Database | null> {
  const { databaseUrl } = readConfig();
  if (!isPostgresUrl(databaseUrl) && (databaseUrl === ":memory:" || !existsSync(databaseUrl))) return null;
  return openDatabase(databaseUrl);
}

async function parseFile(
  path: string,
  format: ImportFormat,
  values: Record<string, unknown>,
  progress: Progress,
): Promise<ImportResult<ImportedFramework | CasePackage>> {
  if (format === "case" || format === "json") {
    const tooLarge = oversizeProblem(statSync(path).size, readConfig().importParse.maxBytes);
    if (tooLarge) return { value: null, problems: [tooLarge] };
  }
  const bytes = await readWithProgress(path, progress);
  progress.update("checking", 0, 0);
  // The same guarded parse as the web wizard: a worker with a heap and a time limit.
  if (format !== "text") return parseOnce(bytes, format, { ...PARSE_LIMITS, ...readConfig().importParse });
  return textImport(bytes.toString("utf8"), values);
}

/**
 * Pasted text gives one area: it goes into an existing framework's draft (--framework, under
 * --parent) or into a new framework (--title). Importing the same text again replaces that area.
 */
async function textImport(text: string, values: Record<string, unknown>): Promise<ImportResult<ImportedFramework>> {
  const textLang = (values["text-lang"] as string | undefined) ?? (values.lang as string | undefined) ?? "en";
  if (!isLang(textLang)) throw new UsageError("--text-lang must be en or fr");
  const parsed = parsePastedText(text);
  if (!parsed.value || hasErrors(parsed.problems)) return { value: null, problems: parsed.problems };
  const slug = values.framework as string | undefined;
  const seed = `${slug ?? "new"}:${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
  if (!slug) {
    const title = (values.title as string | undefined)?.trim();
    if (!title)
      throw new UsageError("text imports need --framework SLUG (an existing framework) or --title TITLE (a new one)");
    return { value: newFrameworkWithArea(seed, title, textLang, parsed.value), problems: parsed.problems };
  }
  const database = await openDatabase(readConfig().databaseUrl);
  try {
    await migrateToLatest(database.db);
    const framework = await findDraftFramework(database.db, slug);
    if (!framework) throw new UsageError(`no framework with slug "${slug}"`);
    const draft = await loadDraftAsImport(database.db, framework);
    const code = values.parent as string | undefined;
    let parentId: string | null = null;
    if (code) {
      const stack = [...draft.children];
      while (stack.length > 0 && parentId === null) {
        const node = stack.pop() as ImportedItem;
        if (node.code === code || node.id === code) parentId = node.id;
        stack.push(...node.children);
      }
      if (parentId === null) throw new UsageError(`"${slug}" has no item with code "${code}"`);
    }
    const placed = placeArea(draft, parentId, parsed.value, textLang, seed);
    if (!placed) throw new UsageError(`"${slug}" has no item with code "${code}"`);
    return { value: placed, problems: parsed.problems };
  } finally {
    await database.close();
  }
}

/** An edition's summary from --publish (English) and --publish-fr (French): both, or neither. */
export function publishSummary(en: string | undefined, fr: string | undefined): EditionSummaryText | undefined {
  if (en === undefined && fr === undefined) return undefined;
  if (en === undefined) throw new UsageError("--publish-fr needs --publish (the summary in English)");
  if (fr === undefined) throw new UsageError("--publish needs --publish-fr (the same summary in French)");
  if (en.trim() === "") throw new UsageError("--publish needs a summary");
  if (fr.trim() === "") throw new UsageError("--publish-fr needs a summary");
  for (const [option, text] of [
    ["--publish", en],
    ["--publish-fr", fr],
  ] as const)
    if (text.trim().length > SUMMARY_MAX) throw new UsageError(`${option}: use at most ${SUMMARY_MAX} characters`);
  return { en, fr };
}

export const importCommand: Command = {
  positionals: true,
  help: `Usage: skillshelf import FILE [--format case|json|xlsx|csv|text] [--framework SLUG | --as-new SLUG]
                        [--dry-run] [--json] [--publish SUMMARY --publish-fr SUMMARY]

Reads FILE, reports every problem with where it is, and imports it in ONE transaction: nothing is
written unless the whole file can be imported. Importing the same identifiers again updates the
framework in place and reports what changed, field by field. A new framework starts as an
unpublished draft. Every export (--format case, json, xlsx, csv) imports back.
  --format FORMAT    case (CASE 1.0/1.1 CFPackage JSON, at most ${DEFAULT_MAX_IMPORT_BYTES / 1e6} MB unless IMPORT_MAX_MB says
                     otherwise), json (Skillshelf's own, as \`export --format json\` writes it; the same
                     limit), xlsx, csv or text; by default from the
                     extension (.xlsx, .csv, .txt), else from the content (.json, .case, none…)
  --framework SLUG   import into this framework (a CSV names none; another file's own is ignored);
                     for text: the framework whose draft receives the pasted area
  --as-new SLUG      import as a new framework with this short name: a copy, with new identifiers
  --dry-run          check the file and report what would change; write nothing
  --json             print JSON: the parsed tree in the API's shape with a "problems" list
                     (and "changes" when the database can be compared)
  --publish SUMMARY  publish the result as the framework's next edition, with this summary of
                     what changed (in English); needs --publish-fr. No edition is made when the
                     import changed nothing and the latest edition already shows it all
  --publish-fr SUMMARY  the same summary in French (readers see the one in their language)
  --lang en|fr       language of the messages (default en)
  --parent CODE      text only: the item the area goes under (default: top level)
  --title TITLE      text only: title of a new framework for the area (without --framework)
  --text-lang en|fr  text only: the language of the pasted text (default: --lang)
Exit status: 0 imported (or would be), 1 problems stopped the import, 2 bad arguments.
${ENV_NOTE}`,
  options: {
    format: { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
    publish: { type: "string" },
    "publish-fr": { type: "string" },
    lang: { type: "string" },
    framework: { type: "string" },
    "as-new": { type: "string" },
    parent: { type: "string" },
    title: { type: "string" },
    "text-lang": { type: "string" },
  },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError("give exactly one FILE to import");
    const [path] = positionals;
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`no such file: ${path}`);
    const format = (values.format as string | undefined) ?? detectFormat(basename(path), readHead(path));
    if (!format)
      throw new UsageError(
        `cannot tell the format of ${path} from its name or content: give --format ${FORMATS.join("|")}`,
      );
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`unknown format "${format}" (formats: ${FORMATS.join(", ")})`);
    const into = values.framework as string | undefined;
    const asNew = values["as-new"] as string | undefined;
    if (into !== undefined && asNew !== undefined) throw new UsageError("give --framework or --as-new, not both");
    if (format === "text" && asNew !== undefined)
      throw new UsageError("text imports make a new framework with --title TITLE, not --as-new");
    if (asNew !== undefined && !isSlug(asNew))
      throw new UsageError(`--as-new "${asNew}": a short name is lower-case letters, digits and single hyphens`);
    const target: ImportTarget | undefined =
      format === "text"
        ? undefined
        : into !== undefined
          ? { kind: "into", slug: into }
          : asNew !== undefined
            ? { kind: "new", slug: asNew }
            : undefined;
    const lang = (values.lang as string | undefined) ?? "en";
    if (!isLang(lang)) throw new UsageError("--lang must be en or fr");
    const dryRun = Boolean(values["dry-run"]);
    const asJson = Boolean(values.json);
    const publish = publishSummary(values.publish as string | undefined, values["publish-fr"] as string | undefined);

    const progress = progressBar(statSync(path).size >= LARGE_FILE && !asJson);
    let parsed: ImportResult<ImportedFramework | CasePackage>;
    try {
      parsed = await parseFile(path, format as ImportFormat, values, progress);
    } finally {
      progress.done();
    }
    const problems = [...parsed.problems];
    // Only a dry run prints the tree; otherwise the import is the only holder of what was read, and
    // lets go of it before publishing (a large package then needs less memory).
    const framework =
      dryRun && parsed.value ? (isCasePackage(parsed.value) ? parsed.value.framework : parsed.value) : null;
    const caseSummary =
      parsed.value && isCasePackage(parsed.value)
        ? {
            caseVersion: parsed.value.caseVersion,
            associations: parsed.value.associations.length,
            definitions: parsed.value.definitions.length,
          }
        : null;
    const blocked = !parsed.value || hasErrors(problems);
    const handed: HandedOver = { input: parsed.value };
    parsed = { value: null, problems: parsed.problems };
    // The parse's garbage (the worker's reply as it arrived) goes before the import allocates more.
    if (handed.input) collectGarbage();

    let outcome: ImportOutcome | null = null;
    if (!blocked && handed.input) {
      const database = dryRun ? await openExistingDatabase() : await openDatabase(readConfig().databaseUrl);
      if (database) {
        try {
          if (!dryRun) await migrateToLatest(database.db);
          const write = progressBar(!asJson && !dryRun);
          outcome = await importHandedOver(database.db, handed, {
            dryRun,
            publish,
            target,
            baseUrl: readConfig().baseUrl,
            onProgress: (done, total) => write.update("writing", done, total),
            between: collectGarbage,
          }).catch((error) => {
            // A database that was never migrated cannot say what would change; the file is still fine.
            if (dryRun) return null;
            throw error;
          });
          write.done();
        } finally {
          await database.close();
        }
      }
      if (outcome && !outcome.ok) problems.push(...outcome.problems);
    }
    const failed = blocked || (outcome !== null && !outcome.ok);

    if (asJson) {
      const result: Record<string, unknown> = dryRun && framework ? treeJson(framework) : {};
      if (caseSummary) result.case = caseSummary;
      if (outcome?.ok) result.changes = outcome.report;
      result.problems = problems.map((p) => problemJson(p, lang));
      await writeOut(undefined, async (out) => out.write(`${JSON.stringify(result, null, 2)}\n`));
    } else {
      printProblems(problems, lang);
      if (outcome?.ok) printReport(outcome.report);
      else if (!failed && dryRun)
        terminal.console.log("the file can be imported (no database to compare with); dry run: nothing was written");
      if (failed) terminal.console.error("nothing was imported");
    }
    return failed ? 1 : 0;
  },
};
