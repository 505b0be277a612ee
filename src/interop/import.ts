/**
 * `importFramework`: writes what a parser produced (CASE package, spreadsheet, Skillshelf JSON,
 * pasted text) in ONE transaction. Same identifiers → the framework is updated in place. What
 * changes is decided by `planImport` (plan.ts, pure); this module loads the framework as it is,
 * applies the plan through the frameworks' repositories (bulk-store.ts, case-store.ts; no SQL of
 * its own), and publishes when asked. Any failure rolls everything back; a dry run does all
 * the work and then rolls back too.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { againOnUniqueViolation } from "../db/unique-violation.ts";
import { type EditionSummaryText, editionLabel } from "../editions/label.ts";
import { latestEditionNumber } from "../editions/store.ts";
import { publishEdition } from "../editor/commands/publish.ts";
import { recordImportedTexts } from "../editor/flags-store.ts";
import {
  deleteTypes,
  findForeignItems,
  findTakenTypeIds,
  insertFrameworkRow,
  insertTypes,
  listItemsForImport,
  listTypesForImport,
  removeItems,
  updateFrameworkRow,
  updateType,
  upsertItems,
} from "../frameworks/bulk-store.ts";
import {
  deleteAssociations,
  deleteDefinitions,
  listAssociations,
  listDefinitions,
  upsertAssociations,
  upsertDefinitions,
} from "../frameworks/case-store.ts";
import {
  bumpContentRevision,
  findFrameworkById,
  findFrameworkBySlug,
  NEW_FRAMEWORK_KEYS,
} from "../frameworks/store.ts";
import type { Bilingual } from "../frameworks/tree.ts";
import { minimiseCasePackage } from "./case/minimise.ts";
import { type CasePackage, isCasePackage } from "./case/model.ts";
import { draftIsLatestEdition } from "./import-publish.ts";
import { hasErrors, type ImportedFramework, type ImportResult, type Problem } from "./model.ts";
import {
  type Change,
  type ChangeCounts,
  type CurrentState,
  flatten,
  type ImportPlan,
  planChangesAnything,
  planImport,
} from "./plan.ts";
import { asNewFramework, type ImportTarget, intoFramework } from "./retarget.ts";
import { checkImportedText } from "./text-problems.ts";

export type { Change, ChangeCounts } from "./plan.ts";
export type { ImportTarget } from "./retarget.ts";

export interface ImportOptions {
  /** Do everything, report it, and roll back. */
  dryRun?: boolean;
  /**
   * Publish the result as the framework's next edition, with this summary (in English and French),
   * in the same transaction. Without it the import changes the editors' draft only (a new framework
   * starts as a draft). Nothing is published when the import changed nothing and the draft is the
   * latest edition.
   */
  publish?: EditionSummaryText;
  /** Slug for a framework the import creates (default: from its English or French title). */
  slug?: string;
  /** Into an existing framework, or as a new one; by default, the framework the file names. */
  target?: ImportTarget;
  /**
   * This instance's public origin. A CASE package this instance exported carries URIs and links
   * built on it; knowing it, the import keeps none of what an export writes anyway.
   */
  baseUrl?: string;
  /** Called as rows are written: (rows written so far, rows to write). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called between the import's large steps (the plan written; each step of publishing), when what
   * the last one held is garbage: the command line asks V8 to collect it there (src/cli/collect.ts).
   */
  between?: () => void;
  /** Runs last inside the transaction (publishing an edition, recording history). */
  afterWrite?: (trx: Transaction<DB>, report: ImportReport) => Promise<void>;
}

export interface ImportReport {
  frameworkId: string;
  slug: string;
  /** The framework's title after the import, to name it to people. */
  title: Bilingual;
  created: boolean;
  dryRun: boolean;
  items: ChangeCounts;
  itemTypes: ChangeCounts;
  /** CASE associations and definitions (all zero for imports that carry none). */
  associations: ChangeCounts;
  definitions: ChangeCounts;
  /** Every change, field by field (a framework the import creates lists none). */
  changes: Change[];
  /** The edition number published, when `publish` was asked for. */
  published?: number;
  /** `publish` was asked for, but the import changed nothing the latest edition does not show. */
  nothingToPublish?: boolean;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; problems: Problem[] };

class DryRunRollback extends Error {}

const error = (where: string, code: string, params?: Problem["params"]): Problem => ({
  where,
  code,
  params,
  severity: "error",
});

export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "framework";
}

/** Whether a slug is one Skillshelf would make itself (lower-case letters, digits, single hyphens). */
export const isSlug = (text: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text) && text.length <= 80;

async function freeSlug(trx: Transaction<DB>, wanted: string): Promise<string> {
  let slug = wanted;
  for (let n = 2; await findFrameworkBySlug(trx, slug); n++) slug = `${wanted.slice(0, 74)}-${n}`;
  return slug;
}

const titleOf = (t: { title_en: string | null; title_fr: string | null; slug: string }) =>
  t.title_en ?? t.title_fr ?? t.slug;

/**
 * Imports what a parser produced only when it found no error: a report with errors never writes.
 * The CLI and the web wizard both go through here.
 */
export async function importChecked(
  db: Kysely<DB>,
  parsed: ImportResult<ImportedFramework | CasePackage>,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  if (!parsed.value || hasErrors(parsed.problems)) return { ok: false, problems: parsed.problems };
  return importFramework(db, parsed.value, options);
}

export function importFramework(
  db: Kysely<DB>,
  input: ImportedFramework | CasePackage,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  // The same file imported twice at once (a repeated submit), or another framework taking the slug,
  // between the import's checks and its insert: run again, and it finds the framework to update or
  // the slug taken (PostgreSQL lets both transactions see neither). The caller keeps the input, so
  // it can be handed over a second time.
  return againOnUniqueViolation(NEW_FRAMEWORK_KEYS, () => importHandedOver(db, { input }, options));
}

/** An import's input, handed over: the import lets go of it once it is written. */
export interface HandedOver {
  input: ImportedFramework | CasePackage | null;
}

/**
 * `importFramework` for a caller that keeps no other reference to the input: once the plan is
 * written, `handed.input` is emptied, so the package, its minimised copy and the plan can be
 * collected before publishing reads the whole framework back (a 50,000-item import peaks lower).
 */
export async function importHandedOver(
  db: Kysely<DB>,
  handed: HandedOver,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const refused = checkInput(handed.input);
  if (refused) return refused;

  let outcome: ImportOutcome | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      outcome = await write(trx, take(handed), options);
      options.between?.();
      if (outcome.ok && options.publish !== undefined) {
        const { report } = outcome;
        if (!report.created && report.changes.length === 0 && (await draftIsLatestEdition(trx, report.frameworkId)))
          report.nothingToPublish = true;
        else
          report.published = (
            await publishEdition(trx, report.frameworkId, null, options.publish, { between: options.between })
          ).number;
      }
      if (outcome.ok && options.afterWrite) await options.afterWrite(trx, outcome.report);
      if (outcome.ok && options.dryRun) throw new DryRunRollback();
    });
  } catch (caught) {
    if (!(caught instanceof DryRunRollback)) throw caught;
  }
  return outcome as ImportOutcome;
}

/** The input, no longer held by `handed`: once `write` returns, nothing holds it. */
function take(handed: HandedOver): ImportedFramework | CasePackage {
  const input = handed.input;
  if (!input) throw new Error("importHandedOver: the input was already taken");
  handed.input = null;
  return input;
}

/** Whichever way the text came, the one text rule holds, and no identifier repeats, before anything is written. */
function checkInput(input: ImportedFramework | CasePackage | null): ImportOutcome | null {
  if (!input) throw new Error("importHandedOver: no input");
  const source = isCasePackage(input) ? input.framework : input;
  const refused = checkImportedText(source);
  if (refused.length > 0) return { ok: false, problems: refused };
  const seen = new Set<string>();
  for (const { item } of flatten(source.children)) {
    if (seen.has(item.id))
      return { ok: false, problems: [error(item.id, "import.duplicate_identifier", { id: item.id })] };
    seen.add(item.id);
  }
  return null;
}

/** The input aimed where the person said, or the problem that stops it. */
async function aim(
  trx: Transaction<DB>,
  input: ImportedFramework | CasePackage,
  target: ImportTarget | undefined,
): Promise<{ input: ImportedFramework | CasePackage } | { problem: Problem }> {
  if (!target) return { input };
  const existing = await findFrameworkBySlug(trx, target.slug);
  if (target.kind === "into") {
    if (!existing) return { problem: error("", "import.no_such_framework", { slug: target.slug }) };
    return { input: intoFramework(input, existing.id) };
  }
  if (!isSlug(target.slug)) return { problem: error("", "import.invalid_slug", { slug: target.slug.slice(0, 100) }) };
  if (existing)
    return {
      problem: error("", "import.slug_taken", {
        slug: target.slug,
        framework: titleOf(existing),
        framework_fr: existing.title_fr ?? titleOf(existing),
      }),
    };
  return { input: asNewFramework(input, target.slug) };
}

async function loadState(trx: Transaction<DB>, frameworkId: string): Promise<CurrentState | null> {
  const framework = await findFrameworkById(trx, frameworkId);
  if (!framework) return null;
  const [types, items, associations, definitions] = await Promise.all([
    listTypesForImport(trx, frameworkId),
    listItemsForImport(trx, frameworkId),
    listAssociations(trx, frameworkId),
    listDefinitions(trx, frameworkId),
  ]);
  return { framework, types, items, associations, definitions };
}

async function write(
  trx: Transaction<DB>,
  given: ImportedFramework | CasePackage,
  options: ImportOptions,
): Promise<ImportOutcome> {
  // A copy is reconciled as the package it came as (what this exporter wrote is recognised by the
  // source's identifiers), then given identifiers of its own.
  const copy = options.target?.kind === "new";
  const source =
    copy && isCasePackage(given) ? minimiseCasePackage(given, { status: "draft", baseUrl: options.baseUrl }) : given;
  const aimed = await aim(trx, source, options.target);
  if ("problem" in aimed) return { ok: false, problems: [aimed.problem] };
  let input = aimed.input;
  const current = await loadState(trx, (isCasePackage(input) ? input.framework : input).id);
  if (isCasePackage(input) && !copy)
    input = minimiseCasePackage(input, {
      status: current?.framework.status ?? "draft",
      baseUrl: options.baseUrl,
      stored: current
        ? {
            framework: current.framework,
            frameworkExtra: current.framework.extra,
            itemExtras: new Map(current.items.map((i) => [i.id, i.extra])),
            associations: current.associations,
            definitions: current.definitions,
          }
        : undefined,
    });
  const imported = isCasePackage(input) ? input.framework : input;

  const flat = flatten(imported.children);
  const foreign = await findForeignItems(
    trx,
    flat.map((f) => f.item.id),
    imported.id,
  );
  if (foreign.length > 0) {
    // One problem per framework the items belong to, naming it, rather than one per item.
    const byFramework = new Map<string, (typeof foreign)[number][]>();
    for (const f of foreign) byFramework.set(f.framework_id, [...(byFramework.get(f.framework_id) ?? []), f]);
    return {
      ok: false,
      problems: [...byFramework.values()].map((list) =>
        error(list[0].id, "import.items_in_other_framework", {
          count: list.length,
          framework: titleOf(list[0]),
          framework_fr: list[0].title_fr ?? titleOf(list[0]),
          slug: list[0].slug,
          id: list[0].id,
        }),
      ),
    };
  }

  const now = new Date().toISOString();
  const slug = current
    ? current.framework.slug
    : await freeSlug(
        trx,
        slugify(options.slug ?? imported.slug ?? imported.title.en ?? imported.title.fr ?? imported.id),
      );
  const wantedTypeIds = imported.itemTypes.flatMap((t) => (t.id ? [t.id.toLowerCase()] : []));
  const editions = current ? await latestEditionNumber(trx, current.framework.id) : 0;
  const plan = planImport(current, input, {
    now,
    slug,
    takenTypeIds: wantedTypeIds.length > 0 ? await findTakenTypeIds(trx, wantedTypeIds, imported.id) : undefined,
    editionLabels: new Set(Array.from({ length: editions }, (_, i) => editionLabel(i + 1))),
  });
  await apply(trx, plan, options.onProgress);
  // Translation flags follow the imported texts as they follow an editor's saves (decision 008).
  if (current) {
    const oldItems = new Map(current.items.map((row) => [row.id, row]));
    await recordImportedTexts(trx, plan.frameworkId, [
      ...(plan.framework ? [{ itemId: null, before: current.framework, after: plan.framework }] : []),
      ...plan.itemWrites.flatMap((row) => {
        const old = oldItems.get(row.id);
        return old ? [{ itemId: row.id, before: old, after: row }] : [];
      }),
    ]);
  }
  return {
    ok: true,
    report: {
      frameworkId: plan.frameworkId,
      slug: plan.slug,
      title: plan.title,
      created: plan.created,
      dryRun: Boolean(options.dryRun),
      ...plan.counts,
      changes: plan.changes,
    },
  };
}

/** Writes a plan: parents before children, links before what they point at is removed. */
async function apply(trx: Transaction<DB>, plan: ImportPlan, onProgress?: (done: number, total: number) => void) {
  const id = plan.frameworkId;
  if (plan.framework && plan.created) await insertFrameworkRow(trx, plan.framework);
  else if (plan.framework) await updateFrameworkRow(trx, plan.framework);
  await insertTypes(trx, plan.typeInserts);
  for (const type of plan.typeUpdates) await updateType(trx, type);

  const total = plan.itemWrites.length + plan.associationWrites.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  await upsertItems(trx, plan.itemWrites, progress);
  await deleteAssociations(trx, id, plan.associationDeletes);
  await removeItems(trx, plan.itemRemovals);
  await deleteTypes(trx, plan.typeDeletes);
  for (let i = 0; i < plan.associationWrites.length; i += 2000) {
    await upsertAssociations(trx, plan.associationWrites.slice(i, i + 2000));
    progress(Math.min(2000, plan.associationWrites.length - i));
  }
  await upsertDefinitions(trx, plan.definitionWrites);
  await deleteDefinitions(trx, id, plan.definitionDeletes);
  if (planChangesAnything(plan) || plan.itemWrites.length > 0) await bumpContentRevision(trx);
}
