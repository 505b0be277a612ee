/**
 * `planImport`: what an import would change, decided without a database. In: the framework as it is
 * (or nothing) and what a parser produced. Out: the rows to write and remove, and the change report,
 * field by field. import.ts loads the state, applies the plan in one transaction, and publishes.
 *
 * What counts as a change is what a reader or a re-export would see: texts, codes, types, parents,
 * sibling order, kept CASE fields. A date that moved alone, a position number that keeps the same
 * order, an association listed in another order: no change, and nothing is written for them.
 */

import type { CaseAssociationsTable, CaseDefinitionsTable, Framework } from "../db/schema.ts";
import { uuidV5 } from "../db/uuid.ts";
import type { ItemWrite, TypeWrite } from "../frameworks/bulk-store.ts";
import type { Bilingual } from "../frameworks/tree.ts";
import { type CasePackage, isCasePackage } from "./case/model.ts";
import { associationRow, definitionRow } from "./case/rows.ts";
import type { ImportedFramework, ImportedItem } from "./model.ts";
import { associationFields, definitionFields, planRows } from "./plan-case.ts";
import {
  type Change,
  type ChangeCounts,
  diffExtra,
  diffFields,
  emptyCounts,
  type FieldChange,
  keepPackageLinks,
  parseObject,
  siblingPositions,
} from "./plan-diff.ts";

export type { Change, ChangeCounts, FieldChange } from "./plan-diff.ts";

export interface CurrentState {
  framework: Framework;
  types: TypeWrite[];
  items: ItemWrite[];
  associations: CaseAssociationsTable[];
  definitions: CaseDefinitionsTable[];
}

export interface PlanContext {
  /** The time written on what changes without a date from the source. */
  now: string;
  /** The slug a framework the import creates gets (finding a free one needs the database). */
  slug: string;
  /** Item type identifiers other frameworks use: a source's own type identifier must be free. */
  takenTypeIds?: ReadonlySet<string>;
  /**
   * The framework's edition labels ("1", "2"…). A published export's `version` is its edition's label
   * (decision 008), not the framework's own version: such a value changes nothing.
   */
  editionLabels?: ReadonlySet<string>;
}

export interface ImportPlan {
  frameworkId: string;
  slug: string;
  created: boolean;
  title: Bilingual;
  /** The framework row to insert (created) or rewrite (changed); null when it stays as it is. */
  framework: Framework | null;
  typeInserts: TypeWrite[];
  typeUpdates: TypeWrite[];
  typeDeletes: string[];
  /** New and changed items, parents before children. */
  itemWrites: ItemWrite[];
  itemRemovals: string[];
  associationWrites: CaseAssociationsTable[];
  associationDeletes: string[];
  definitionWrites: CaseDefinitionsTable[];
  definitionDeletes: { kind: string; id: string }[];
  counts: { items: ChangeCounts; itemTypes: ChangeCounts; associations: ChangeCounts; definitions: ChangeCounts };
  /** Every change, field by field: framework, types, items, then CASE associations and definitions. */
  changes: Change[];
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
const clip = (text: string | null | undefined) => (text ? (text.length > 80 ? `${text.slice(0, 79)}…` : text) : null);
const itemLabel = (item: { code: string | null; statement_en: string | null; statement_fr: string | null }) =>
  item.code ?? clip(item.statement_en ?? item.statement_fr);

/** Parents before children, without recursion. */
export function flatten(roots: readonly ImportedItem[]): { item: ImportedItem; parentId: string | null }[] {
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

/** A framework's kept fields with the language a non-CASE source gave (CASE keeps its own). */
function withLanguage(extra: string | null, language: string | undefined): string | null {
  if (language === undefined) return extra;
  const kept = parseObject(extra);
  if (kept.language === language) return extra;
  return JSON.stringify({ ...kept, language });
}

/** When a changed row changed: as the source says (CASE dates are the source's own), else now. */
const changedAt = (source: string | undefined, now: string) => source ?? now;

const FRAMEWORK_FIELDS = [
  ["title_en", "title.en"],
  ["title_fr", "title.fr"],
  ["description_en", "description.en"],
  ["description_fr", "description.fr"],
  ["publisher", "publisher"],
  ["version", "version"],
  ["licence", "licence"],
] as const;

function planFramework(
  current: CurrentState | null,
  imported: ImportedFramework,
  isCase: boolean,
  context: PlanContext,
) {
  const old = current?.framework;
  const keep = <T>(value: T | null, stored: T | null | undefined): T | null =>
    imported.sparse && value === null ? (stored ?? null) : value;
  const wanted = {
    title_en: keep(imported.title.en, old?.title_en),
    title_fr: keep(imported.title.fr, old?.title_fr),
    description_en: keep(imported.description.en, old?.description_en),
    description_fr: keep(imported.description.fr, old?.description_fr),
    publisher: keep(imported.publisher, old?.publisher),
    version:
      (imported.version !== null && !(old && context.editionLabels?.has(imported.version)) ? imported.version : null) ??
      old?.version ??
      "",
    licence: keep(imported.licence, old?.licence),
    // Formats that know nothing of CASE (spreadsheets, pasted text) leave what CASE brought alone.
    extra: withLanguage(
      imported.extra !== undefined || isCase
        ? keepPackageLinks(old?.extra ?? null, json(imported.extra))
        : (old?.extra ?? null),
      isCase ? undefined : imported.language,
    ),
  };
  if (!old) {
    const row: Framework = {
      id: imported.id,
      slug: context.slug,
      status: "draft",
      created_at: context.now,
      updated_at: imported.updatedAt ?? context.now,
      ...wanted,
    };
    return { row, fields: [] as FieldChange[] };
  }
  const fields = [...diffFields(old, wanted, FRAMEWORK_FIELDS), ...diffExtra(old.extra, wanted.extra)];
  if (fields.length === 0) return { row: null, fields };
  return { row: { ...old, ...wanted, updated_at: changedAt(imported.updatedAt, context.now) }, fields };
}

function planTypes(
  current: CurrentState | null,
  imported: ImportedFramework,
  flat: { item: ImportedItem }[],
  isCase: boolean,
  context: PlanContext,
) {
  const frameworkId = imported.id;
  const old = new Map((current?.types ?? []).map((t) => [t.code, t]));
  const usedIds = new Set((current?.types ?? []).map((t) => t.id));
  let nextPosition = Math.max(0, ...(current?.types ?? []).map((t) => t.position)) + 1;
  const wanted = new Map<string, TypeWrite>();
  const declare = (type: ImportedFramework["itemTypes"][number]) => {
    if (wanted.has(type.code)) return;
    const before = old.get(type.code);
    const known = type.label.en !== null || type.label.fr !== null;
    let id = before?.id;
    if (!id) {
      const own = type.id?.toLowerCase();
      id =
        own && !usedIds.has(own) && !context.takenTypeIds?.has(own)
          ? own
          : uuidV5(`item-type:${frameworkId}:${type.code}`);
      usedIds.add(id);
    }
    wanted.set(type.code, {
      id,
      framework_id: frameworkId,
      code: type.code,
      label_en: known ? type.label.en : before ? before.label_en : type.code,
      label_fr: known ? type.label.fr : before ? before.label_fr : type.code,
      position: before?.position ?? nextPosition++,
      extra: type.extra !== undefined || isCase ? json(type.extra) : (before?.extra ?? null),
    });
  };
  for (const type of imported.itemTypes) declare(type);
  for (const { item } of flat) declare({ code: item.type, label: { en: null, fr: null } });

  const inserts: TypeWrite[] = [];
  const updates: TypeWrite[] = [];
  const changes: Change[] = [];
  const report = emptyCounts();
  for (const type of wanted.values()) {
    const before = old.get(type.code);
    if (!before) {
      inserts.push(type);
      report.added++;
      if (current) changes.push({ entity: "itemType", kind: "added", id: type.code, label: type.code, fields: [] });
      continue;
    }
    const fields = [
      ...diffFields(before, type, [
        ["label_en", "label.en"],
        ["label_fr", "label.fr"],
      ]),
      ...diffExtra(before.extra, type.extra),
    ];
    if (fields.length === 0) report.unchanged++;
    else {
      updates.push(type);
      report.updated++;
      changes.push({ entity: "itemType", kind: "updated", id: type.code, label: type.code, fields });
    }
  }
  const deletes: string[] = [];
  for (const type of old.values()) {
    if (wanted.has(type.code) || imported.partialTypes) continue;
    deletes.push(type.id);
    report.removed++;
    changes.push({ entity: "itemType", kind: "removed", id: type.code, label: type.code, fields: [] });
  }
  return { wanted, inserts, updates, deletes, changes, report };
}

const ITEM_FIELDS = [
  ["parent_id", "parent"],
  ["code", "code"],
  ["statement_en", "statement.en"],
  ["statement_fr", "statement.fr"],
  ["description_en", "description.en"],
  ["description_fr", "description.fr"],
] as const;

function planItems(
  current: CurrentState | null,
  imported: ImportedFramework,
  flat: { item: ImportedItem; parentId: string | null }[],
  types: Map<string, TypeWrite>,
  isCase: boolean,
  context: PlanContext,
) {
  const old = new Map((current?.items ?? []).map((r) => [r.id, r]));
  const oldTypeCode = new Map((current?.types ?? []).map((t) => [t.id, t.code]));
  const positions = siblingPositions(current?.items, imported, old);
  const changes: Change[] = [];
  const report = emptyCounts();
  const writes: ItemWrite[] = [];
  for (const { item, parentId } of flat) {
    const before = old.get(item.id);
    const row: ItemWrite = {
      id: item.id,
      framework_id: imported.id,
      parent_id: parentId,
      type_id: (types.get(item.type) as TypeWrite).id,
      code: item.code,
      position: positions.position.get(item.id) ?? item.position,
      statement_en: item.statement.en,
      statement_fr: item.statement.fr,
      description_en: item.description.en,
      description_fr: item.description.fr,
      created_at: before?.created_at ?? context.now,
      updated_at: before?.updated_at ?? item.updatedAt ?? context.now,
      extra:
        item.extra !== undefined || isCase
          ? keepPackageLinks(before?.extra ?? null, json(item.extra))
          : (before?.extra ?? null),
    };
    if (!before) {
      writes.push(row);
      report.added++;
      if (current) changes.push({ entity: "item", kind: "added", id: item.id, label: itemLabel(row), fields: [] });
      continue;
    }
    const fields = diffFields(before, row, ITEM_FIELDS);
    const typeBefore = oldTypeCode.get(before.type_id) ?? null;
    if (typeBefore !== item.type) fields.splice(1, 0, { field: "type", before: typeBefore, after: item.type });
    if (positions.moved.has(item.id)) fields.push({ field: "position", before: before.position, after: row.position });
    fields.push(...diffExtra(before.extra, row.extra));
    if (fields.length > 0) {
      row.updated_at = changedAt(item.updatedAt, context.now);
      writes.push(row);
      report.updated++;
      changes.push({ entity: "item", kind: "updated", id: item.id, label: itemLabel(row), fields });
    } else {
      report.unchanged++;
      // Same content and order; only the numbers that keep that order may be new.
      if (row.position !== before.position) writes.push({ ...before, position: row.position });
    }
  }
  const present = new Set(flat.map((f) => f.item.id));
  const removals: string[] = [];
  for (const row of old.values()) {
    if (present.has(row.id)) continue;
    removals.push(row.id);
    report.removed++;
    changes.push({ entity: "item", kind: "removed", id: row.id, label: itemLabel(row), fields: [] });
  }
  return { writes, removals, changes, report };
}

export function planImport(
  current: CurrentState | null,
  input: ImportedFramework | CasePackage,
  context: PlanContext,
): ImportPlan {
  const casePackage = isCasePackage(input) ? input : null;
  const imported = casePackage ? casePackage.framework : (input as ImportedFramework);
  const isCase = casePackage !== null;
  const flat = flatten(imported.children);
  const frameworkId = imported.id;

  const framework = planFramework(current, imported, isCase, context);
  const types = planTypes(current, imported, flat, isCase, context);
  const items = planItems(current, imported, flat, types.wanted, isCase, context);

  // CASE associations: replaced by the package's; another format keeps them, minus those whose item is gone.
  const oldAssociations = current?.associations ?? [];
  const oldById = new Map(oldAssociations.map((a) => [a.id, a]));
  const gone = new Set(items.removals);
  const associations = planRows(
    oldAssociations,
    casePackage
      ? casePackage.associations.map((a) => {
          const row = associationRow(frameworkId, a);
          const stored = oldById.get(row.id);
          return stored ? { ...row, extra: keepPackageLinks(stored.extra, row.extra) } : row;
        })
      : oldAssociations.filter((a) => !gone.has(a.origin_item_id ?? "") && !gone.has(a.destination_item_id ?? "")),
    (r) => r.id,
    "association",
    associationFields,
    current !== null,
  );
  const definitions = casePackage
    ? planRows(
        current?.definitions ?? [],
        casePackage.definitions.map((d) => definitionRow(frameworkId, d)),
        (r) => `${r.kind}:${r.id}`,
        "definition",
        definitionFields,
        current !== null,
      )
    : null;

  const changes: Change[] = [];
  if (framework.fields.length > 0)
    changes.push({
      entity: "framework",
      kind: "updated",
      id: frameworkId,
      label: clip(imported.title.en ?? imported.title.fr),
      fields: framework.fields,
    });
  changes.push(...types.changes, ...items.changes, ...associations.changes, ...(definitions?.changes ?? []));

  const row = framework.row;
  return {
    frameworkId,
    slug: current?.framework.slug ?? context.slug,
    created: current === null,
    title: {
      en: row?.title_en ?? current?.framework.title_en ?? null,
      fr: row?.title_fr ?? current?.framework.title_fr ?? null,
    },
    framework: row,
    typeInserts: types.inserts,
    typeUpdates: types.updates,
    typeDeletes: types.deletes,
    itemWrites: items.writes,
    itemRemovals: items.removals,
    associationWrites: associations.writes,
    associationDeletes: associations.removed.map((a) => a.id),
    definitionWrites: definitions?.writes ?? [],
    definitionDeletes: (definitions?.removed ?? []).map((d) => ({ kind: d.kind, id: d.id })),
    counts: {
      items: items.report,
      itemTypes: types.report,
      associations: associations.report,
      definitions: definitions?.report ?? emptyCounts(),
    },
    changes,
  };
}

/** Whether the plan changes anything at all (a framework it creates always does). */
export const planChangesAnything = (plan: ImportPlan) => plan.created || plan.changes.length > 0;
