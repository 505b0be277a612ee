/**
 * `importFramework`: writes what a parser produced (CASE package, spreadsheet, pasted text) in ONE
 * transaction. Same identifiers → the framework is updated in place; the report says what changed.
 * Any failure rolls everything back; a dry run does all the work and then rolls back too.
 */
import type { Kysely, Transaction } from "kysely";
import { uuidV5 } from "../content/uuid.ts";
import type { DB } from "../db/schema.ts";
import type { EditionSummaryText } from "../editions/label.ts";
import { publishEdition } from "../editions/publish.ts";
import { recordImportedTexts } from "../editor/flags-store.ts";
import { bumpContentRevision, findFrameworkById, findFrameworkBySlug } from "../frameworks/store.ts";
import { type CasePackage, isCasePackage } from "./case/model.ts";
import { associationRow, definitionRow, diffRows } from "./case/rows.ts";
import {
  deleteAssociations,
  deleteDefinitions,
  listAssociations,
  listDefinitions,
  upsertAssociations,
  upsertDefinitions,
} from "./case/store.ts";
import {
  deleteTypes,
  findForeignItems,
  type ItemWrite,
  insertTypes,
  listItemsForImport,
  listTypesForImport,
  removeItems,
  type TypeWrite,
  updateType,
  upsertItems,
} from "./import-store.ts";
import { hasErrors, type ImportedFramework, type ImportedItem, type ImportResult, type Problem } from "./model.ts";
import { checkImportedText } from "./text-problems.ts";

export interface ImportOptions {
  /** Do everything, report it, and roll back. */
  dryRun?: boolean;
  /**
   * Publish the result as the framework's next edition, with this summary (in English and French),
   * in the same transaction. Without it the import changes the editors' draft only (a new framework
   * starts as a draft).
   */
  publish?: EditionSummaryText;
  /** Slug for a framework the import creates (default: from its English or French title). */
  slug?: string;
  /** Called as rows are written: (rows written so far, rows to write). */
  onProgress?: (done: number, total: number) => void;
  /** Runs last inside the transaction (publishing an edition, recording history). */
  afterWrite?: (trx: Transaction<DB>, report: ImportReport) => Promise<void>;
}

export interface ChangeCounts {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface ImportReport {
  frameworkId: string;
  slug: string;
  created: boolean;
  dryRun: boolean;
  items: ChangeCounts;
  itemTypes: ChangeCounts;
  /** CASE associations and definitions (all zero for imports that carry none). */
  associations: ChangeCounts;
  definitions: ChangeCounts;
  /** The edition number published, when `publish` was asked for. */
  published?: number;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; problems: Problem[] };

class DryRunRollback extends Error {}

const counts = (): ChangeCounts => ({ added: 0, updated: 0, removed: 0, unchanged: 0 });
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

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

/** Parents before children, without recursion. */
function flatten(roots: readonly ImportedItem[]): { item: ImportedItem; parentId: string | null }[] {
  const out: { item: ImportedItem; parentId: string | null }[] = [];
  const stack = [...roots].reverse().map((item) => ({ item, parentId: null as string | null }));
  while (stack.length > 0) {
    const entry = stack.pop() as { item: ImportedItem; parentId: string | null };
    out.push(entry);
    for (let i = entry.item.children.length - 1; i >= 0; i--)
      stack.push({ item: entry.item.children[i], parentId: entry.item.id });
  }
  return out;
}

const sameItem = (a: ItemWrite, b: ItemWrite) =>
  a.parent_id === b.parent_id &&
  a.type_id === b.type_id &&
  a.code === b.code &&
  a.position === b.position &&
  a.statement_en === b.statement_en &&
  a.statement_fr === b.statement_fr &&
  a.description_en === b.description_en &&
  a.description_fr === b.description_fr &&
  a.updated_at === b.updated_at &&
  a.extra === b.extra;

async function freeSlug(trx: Transaction<DB>, wanted: string): Promise<string> {
  let slug = wanted;
  for (let n = 2; await findFrameworkBySlug(trx, slug); n++) slug = `${wanted.slice(0, 74)}-${n}`;
  return slug;
}

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

export async function importFramework(
  db: Kysely<DB>,
  input: ImportedFramework | CasePackage,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const casePackage = isCasePackage(input) ? input : null;
  const imported = casePackage ? casePackage.framework : (input as ImportedFramework);
  // Whichever way the text came, the one text rule holds before anything is written.
  const refused = checkImportedText(imported);
  if (refused.length > 0) return { ok: false, problems: refused };
  const flat = flatten(imported.children);
  const seen = new Set<string>();
  for (const { item } of flat) {
    if (seen.has(item.id))
      return {
        ok: false,
        problems: [{ where: item.id, code: "import.duplicate_identifier", params: { id: item.id }, severity: "error" }],
      };
    seen.add(item.id);
  }

  let outcome: ImportOutcome | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      outcome = await write(trx, imported, casePackage, flat, options);
      if (outcome.ok && options.publish !== undefined) {
        outcome.report.published = (
          await publishEdition(trx, outcome.report.frameworkId, null, options.publish)
        ).number;
      }
      if (outcome.ok && options.afterWrite) await options.afterWrite(trx, outcome.report);
      if (outcome.ok && options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return outcome as ImportOutcome;
}

async function write(
  trx: Transaction<DB>,
  imported: ImportedFramework,
  casePackage: CasePackage | null,
  flat: { item: ImportedItem; parentId: string | null }[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const now = new Date().toISOString();
  const frameworkId = imported.id;
  const foreign = await findForeignItems(
    trx,
    flat.map((f) => f.item.id),
    frameworkId,
  );
  if (foreign.length > 0) {
    return {
      ok: false,
      problems: foreign.slice(0, 50).map((f) => ({
        where: f.id,
        code: "import.identifier_in_other_framework",
        params: { id: f.id, framework: f.framework_id },
        severity: "error" as const,
      })),
    };
  }

  // The framework row first: everything else refers to it.
  const existing = await findFrameworkById(trx, frameworkId);
  const slug =
    existing?.slug ??
    (await freeSlug(
      trx,
      slugify(options.slug ?? imported.slug ?? imported.title.en ?? imported.title.fr ?? frameworkId),
    ));
  const frameworkRow = {
    title_en: imported.title.en,
    title_fr: imported.title.fr,
    description_en: imported.description.en,
    description_fr: imported.description.fr,
    publisher: imported.publisher,
    version: imported.version ?? existing?.version ?? "1",
    licence: imported.licence,
    updated_at: imported.updatedAt ?? now,
    // Formats that know nothing of CASE (spreadsheets, pasted text) leave what CASE brought alone.
    extra: imported.extra !== undefined || casePackage ? json(imported.extra) : (existing?.extra ?? null),
  };
  if (existing) await trx.updateTable("frameworks").set(frameworkRow).where("id", "=", frameworkId).execute();
  else {
    await trx
      .insertInto("frameworks")
      .values({ id: frameworkId, slug, status: "draft", created_at: now, ...frameworkRow })
      .execute();
  }

  // Item types, matched by code.
  const typeReport = counts();
  const oldTypes = new Map((await listTypesForImport(trx, frameworkId)).map((t) => [t.code, t]));
  const wantedTypes = new Map<string, TypeWrite>();
  /** `label` null: a type only items name; it keeps the labels it has, or shows its code. */
  const declare = (code: string, label: { en: string | null; fr: string | null } | null, extra: unknown) => {
    if (wantedTypes.has(code)) return;
    const old = oldTypes.get(code);
    wantedTypes.set(code, {
      id: old?.id ?? uuidV5(`item-type:${frameworkId}:${code}`),
      framework_id: frameworkId,
      code,
      label_en: label ? label.en : old ? old.label_en : code,
      label_fr: label ? label.fr : old ? old.label_fr : code,
      position: wantedTypes.size + 1,
      extra: extra !== undefined || casePackage ? json(extra) : (old?.extra ?? null),
    });
  };
  for (const type of imported.itemTypes) declare(type.code, type.label, type.extra);
  for (const { item } of flat) declare(item.type, null, undefined);
  const newTypes: TypeWrite[] = [];
  for (const type of wantedTypes.values()) {
    const old = oldTypes.get(type.code);
    if (!old) {
      newTypes.push(type);
      typeReport.added++;
    } else if (
      old.label_en !== type.label_en ||
      old.label_fr !== type.label_fr ||
      old.position !== type.position ||
      old.extra !== type.extra
    ) {
      await updateType(trx, type);
      typeReport.updated++;
    } else typeReport.unchanged++;
  }
  await insertTypes(trx, newTypes);

  // Items: diff against what is there, then one chunked upsert in tree order and chunked deletes.
  const itemReport = counts();
  const oldItems = new Map((await listItemsForImport(trx, frameworkId)).map((r) => [r.id, r]));
  const writes: ItemWrite[] = [];
  for (const { item, parentId } of flat) {
    const old = oldItems.get(item.id);
    const row: ItemWrite = {
      id: item.id,
      framework_id: frameworkId,
      parent_id: parentId,
      type_id: (wantedTypes.get(item.type) as TypeWrite).id,
      code: item.code,
      position: item.position,
      statement_en: item.statement.en,
      statement_fr: item.statement.fr,
      description_en: item.description.en,
      description_fr: item.description.fr,
      created_at: old?.created_at ?? now,
      updated_at: item.updatedAt ?? old?.updated_at ?? now,
      extra: item.extra !== undefined || casePackage ? json(item.extra) : (old?.extra ?? null),
    };
    if (old && sameItem(old, row)) {
      itemReport.unchanged++;
      continue;
    }
    // Without a date from the source, a changed item changes now.
    if (old && !item.updatedAt) row.updated_at = now;
    if (old) itemReport.updated++;
    else itemReport.added++;
    writes.push(row);
  }
  const importedIds = new Set(flat.map((f) => f.item.id));
  const removedItems = [...oldItems.keys()].filter((id) => !importedIds.has(id));
  itemReport.removed = removedItems.length;

  // CASE associations: replaced by the package's; another format keeps them, minus those whose item is gone.
  const oldAssociations = await listAssociations(trx, frameworkId);
  const gone = new Set(removedItems);
  const associations = casePackage
    ? diffRows(
        oldAssociations,
        casePackage.associations.map((a) => associationRow(frameworkId, a)),
        (r) => r.id,
      )
    : diffRows(
        oldAssociations,
        oldAssociations.filter((a) => !gone.has(a.origin_item_id ?? "") && !gone.has(a.destination_item_id ?? "")),
        (r) => r.id,
      );
  const associationWrites = associations.writes;
  const associationDeletes = associations.removed.map((a) => a.id);
  const total = writes.length + associationWrites.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  await upsertItems(trx, writes, progress);
  // Translation flags follow the imported texts as they follow an editor's saves (decision 008).
  await recordImportedTexts(trx, frameworkId, [
    ...(existing ? [{ itemId: null, before: existing, after: frameworkRow }] : []),
    ...writes.flatMap((row) => {
      const old = oldItems.get(row.id);
      return old ? [{ itemId: row.id, before: old, after: row }] : [];
    }),
  ]);
  await deleteAssociations(trx, frameworkId, associationDeletes);
  await removeItems(trx, removedItems);
  await deleteTypes(
    trx,
    [...oldTypes.values()].filter((t) => !wantedTypes.has(t.code)).map((t) => t.id),
  );
  typeReport.removed = [...oldTypes.keys()].filter((code) => !wantedTypes.has(code)).length;
  for (let i = 0; i < associationWrites.length; i += 2000) {
    await upsertAssociations(trx, associationWrites.slice(i, i + 2000));
    progress(Math.min(2000, associationWrites.length - i));
  }

  const definitions = casePackage
    ? diffRows(
        await listDefinitions(trx, frameworkId),
        casePackage.definitions.map((d) => definitionRow(frameworkId, d)),
        (r) => `${r.kind}:${r.id}`,
      )
    : null;
  if (definitions) {
    await upsertDefinitions(trx, definitions.writes);
    await deleteDefinitions(trx, frameworkId, definitions.removed);
  }

  await bumpContentRevision(trx);
  return {
    ok: true,
    report: {
      frameworkId,
      slug,
      created: !existing,
      dryRun: Boolean(options.dryRun),
      items: itemReport,
      itemTypes: typeReport,
      associations: associations.report,
      definitions: definitions?.report ?? counts(),
    },
  };
}
