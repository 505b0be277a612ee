/**
 * Pieces of the import plan (plan.ts) that compare: field by field between two versions of a row,
 * and sibling order between two versions of a tree; the change report's own types. Pure.
 */
import { keptFieldsOrNone } from "../db/stored-json.ts";
import type { ItemWrite } from "../frameworks/bulk-store.ts";
import { compareSiblings } from "../frameworks/tree.ts";
import type { ImportedFramework, ImportedItem } from "./model.ts";

export interface FieldChange {
  /** A field of the API's shape ("statement.en", "parent") or a kept CASE field ("case.notes"). */
  field: string;
  before: unknown;
  after: unknown;
}

/** JSON text of a kept-fields object, parsed (unreadable or absent: empty). */
export function parseObject(text: string | null | undefined): Record<string, unknown> {
  return keptFieldsOrNone(text);
}

/**
 * Link fields some servers add that a CASE package may not carry (decision 006): a package export
 * leaves them out, so a package without them says nothing about them. What was kept stays.
 */
const PACKAGE_LINKS = ["CFDocumentURI", "CFPackageURI"];

export function keepPackageLinks(stored: string | null, incoming: string | null): string | null {
  const before = parseObject(stored);
  const missing = PACKAGE_LINKS.filter((key) => key in before);
  if (missing.length === 0) return incoming;
  const after = parseObject(incoming);
  if (missing.every((key) => key in after)) return incoming;
  for (const key of missing) if (!(key in after)) after[key] = before[key];
  return JSON.stringify(after);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The named fields that differ, each under its reported name. */
export function diffFields(
  before: object,
  after: object,
  fields: readonly (readonly [string, string])[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, name] of fields) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (!same(a, b)) changes.push({ field: name, before: a ?? null, after: b ?? null });
  }
  return changes;
}

/** The kept CASE fields (an `extra` column's JSON) that differ, key by key, as "case.<key>". */
export function diffExtra(before: string | null, after: string | null): FieldChange[] {
  if (before === after) return [];
  const a = parseObject(before);
  const b = parseObject(after);
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!same(a[key], b[key])) changes.push({ field: `case.${key}`, before: a[key] ?? null, after: b[key] ?? null });
  }
  // Text that differs but parses the same (key order, spacing) is no change.
  return changes;
}

/**
 * Which members of a sibling group changed place: the fewest items whose move turns the old order
 * into the new one (those outside a longest run that kept its order). `oldRank` gives each member's
 * rank in the old order; members are listed in the new order.
 */
export function movedMembers<T>(members: readonly T[], oldRank: (member: T) => number): Set<T> {
  const ranks = members.map(oldRank);
  // Longest increasing subsequence, O(n log n), remembering predecessors to recover it.
  const tails: number[] = [];
  const previous = new Array<number>(ranks.length).fill(-1);
  for (let i = 0; i < ranks.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[tails[mid]] < ranks[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) kept.add(i);
  const moved = new Set<T>();
  members.forEach((member, i) => {
    if (!kept.has(i)) moved.add(member);
  });
  return moved;
}

export interface ChangeCounts {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface Change {
  entity: "framework" | "itemType" | "item" | "association" | "definition";
  kind: "added" | "updated" | "removed";
  /** Item or association identifier, type code, "kind:identifier" of a definition. */
  id: string;
  /** How people recognise it: an item's code or statement, a type's code. */
  label: string | null;
  /** For "updated": each field that changed, with its value before and after. */
  fields: FieldChange[];
}

export const emptyCounts = (): ChangeCounts => ({ added: 0, updated: 0, removed: 0, unchanged: 0 });

/**
 * Sibling order. For each group of siblings in the import: which members that were already there
 * changed place (the fewest moves), and the position each item gets. A group whose members kept
 * their order and gained nobody keeps its stored numbers; otherwise it takes the source's, or 1…n
 * when the source's numbers would not give its order.
 */
export function siblingPositions(
  currentItems: readonly ItemWrite[] | undefined,
  imported: ImportedFramework,
  old: Map<string, ItemWrite>,
): { moved: Set<string>; position: Map<string, number> } {
  const moved = new Set<string>();
  const position = new Map<string, number>();
  const oldRank = new Map<string, number>();
  if (currentItems) {
    const groups = new Map<string | null, ItemWrite[]>();
    for (const row of currentItems) {
      const list = groups.get(row.parent_id) ?? [];
      list.push(row);
      groups.set(row.parent_id, list);
    }
    const node = (r: ItemWrite) => ({ position: r.position, code: r.code, id: r.id }) as never;
    for (const list of groups.values()) {
      list.sort((a, b) => compareSiblings(node(a), node(b)));
      list.forEach((row, i) => {
        oldRank.set(row.id, i);
      });
    }
  }
  const visit = (parentId: string | null, children: readonly ImportedItem[]) => {
    const stayed = children.filter((c) => old.get(c.id)?.parent_id === parentId && old.has(c.id));
    for (const c of movedMembers(stayed, (m) => oldRank.get(m.id) as number)) moved.add(c.id);
    const settled = stayed.length === children.length && !stayed.some((c) => moved.has(c.id));
    const increasing = children.every((c, i) => i === 0 || children[i - 1].position < c.position);
    children.forEach((c, i) => {
      position.set(c.id, settled ? (old.get(c.id) as ItemWrite).position : increasing ? c.position : i + 1);
    });
  };
  const stack: { parentId: string | null; children: readonly ImportedItem[] }[] = [
    { parentId: null, children: imported.children },
  ];
  while (stack.length > 0) {
    const group = stack.pop() as { parentId: string | null; children: readonly ImportedItem[] };
    visit(group.parentId, group.children);
    for (const c of group.children) if (c.children.length > 0) stack.push({ parentId: c.id, children: c.children });
  }
  return { moved, position };
}
