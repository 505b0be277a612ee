/** The import plan's CASE rows (associations, definitions): matched by key, compared field by field. Pure. */
import type { CaseAssociationsTable, CaseDefinitionsTable } from "../db/schema.ts";
import { ASSOCIATION_CONTENT_COLUMNS } from "../frameworks/case-store.ts";
import { type Change, diffExtra, diffFields, emptyCounts, type FieldChange } from "./plan-diff.ts";

/** CASE rows matched by key; the source's order (`ordinal`) is no change of its own. */
export function planRows<T extends { ordinal: number }>(
  before: readonly T[],
  after: readonly T[],
  key: (row: T) => string,
  entity: "association" | "definition",
  fieldsOf: (a: T, b: T) => FieldChange[],
  reportChanges: boolean,
) {
  const old = new Map(before.map((row) => [key(row), row]));
  const report = emptyCounts();
  const writes: T[] = [];
  const changes: Change[] = [];
  for (const row of after) {
    const k = key(row);
    const previous = old.get(k);
    old.delete(k);
    if (!previous) {
      writes.push(row);
      report.added++;
      if (reportChanges) changes.push({ entity, kind: "added", id: k, label: null, fields: [] });
      continue;
    }
    const fields = fieldsOf(previous, row);
    if (fields.length === 0) report.unchanged++;
    else {
      writes.push(row);
      report.updated++;
      changes.push({ entity, kind: "updated", id: k, label: null, fields });
    }
  }
  for (const k of old.keys()) changes.push({ entity, kind: "removed", id: k, label: null, fields: [] });
  report.removed = old.size;
  return { writes, removed: [...old.values()], report, changes };
}

export const associationFields = (a: CaseAssociationsTable, b: CaseAssociationsTable) => [
  ...diffFields(
    a,
    b,
    ASSOCIATION_CONTENT_COLUMNS.map((c) => [c, c] as const),
  ),
  ...diffExtra(a.extra, b.extra),
];
export const definitionFields = (a: CaseDefinitionsTable, b: CaseDefinitionsTable) =>
  diffExtra(a.body, b.body).map((f) => ({ ...f, field: f.field.replace(/^case\./, "") }));
