/** CASE associations and definitions as table rows, and what changed between two sets of them. Pure. */
import type { CaseAssociationsTable, CaseDefinitionsTable } from "../../db/schema.ts";
import { readKeptFields } from "../../db/stored-json.ts";
import type { CaseAssociation, CaseDefinition } from "./model.ts";

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Columns in the order the repository reads them, so equal rows serialise equally. */
export function associationRow(frameworkId: string, a: CaseAssociation): CaseAssociationsTable {
  return {
    framework_id: frameworkId,
    id: a.id,
    association_type: a.type,
    uri: a.uri,
    origin_item_id: a.origin.itemId,
    origin_identifier: a.origin.identifier,
    origin_uri: a.origin.uri,
    origin_title: a.origin.title,
    destination_item_id: a.destination.itemId,
    destination_identifier: a.destination.identifier,
    destination_uri: a.destination.uri,
    destination_title: a.destination.title,
    sequence_number: a.sequenceNumber,
    grouping_id: a.groupingId,
    tree_position: a.treePosition,
    ordinal: a.ordinal,
    last_change: a.lastChange,
    extra: json(a.extra),
  };
}

/** The inverse of associationRow (the kept fields parsed back). */
export function associationFromRow(row: CaseAssociationsTable): CaseAssociation {
  const extra = row.extra
    ? readKeptFields(row.extra, { column: "case_associations.extra", row: `association ${row.id}` })
    : null;
  return {
    id: row.id,
    type: row.association_type,
    uri: row.uri,
    origin: {
      itemId: row.origin_item_id,
      identifier: row.origin_identifier,
      uri: row.origin_uri,
      title: row.origin_title,
    },
    destination: {
      itemId: row.destination_item_id,
      identifier: row.destination_identifier,
      uri: row.destination_uri,
      title: row.destination_title,
    },
    sequenceNumber: row.sequence_number,
    groupingId: row.grouping_id,
    lastChange: row.last_change,
    treePosition: row.tree_position,
    ordinal: row.ordinal,
    extra,
  };
}

export function definitionRow(frameworkId: string, d: CaseDefinition): CaseDefinitionsTable {
  return { framework_id: frameworkId, kind: d.kind, id: d.id, ordinal: d.ordinal, body: JSON.stringify(d.body) };
}

export interface RowChanges<T> {
  /** New and changed rows, to upsert. */
  writes: T[];
  /** Rows that are no longer there. */
  removed: T[];
  report: { added: number; updated: number; removed: number; unchanged: number };
}

/** What turns `before` into `after`, rows matched by `key` and compared whole. */
export function diffRows<T>(before: readonly T[], after: readonly T[], key: (row: T) => string): RowChanges<T> {
  const old = new Map(before.map((row) => [key(row), row]));
  const report = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  const writes: T[] = [];
  for (const row of after) {
    const k = key(row);
    const previous = old.get(k);
    old.delete(k);
    if (previous && JSON.stringify(previous) === JSON.stringify(row)) report.unchanged++;
    else {
      writes.push(row);
      if (previous) report.updated++;
      else report.added++;
    }
  }
  report.removed = old.size;
  return { writes, removed: [...old.values()], report };
}
