/**
 * Tree moves and reorders as pure functions over parent links and positions: what positions change,
 * and whether a move is allowed at all (an item never goes under itself or its own descendants).
 */

export interface Placement {
  id: string;
  parent_id: string | null;
  position: number;
}

export interface PlacementUpdate {
  id: string;
  parent_id: string | null;
  position: number;
}

export type MoveRefusal = "unknown_item" | "unknown_parent" | "under_itself" | "under_descendant";

export type Reorder = { kind: "up" } | { kind: "down" } | { kind: "to"; position: number };

/** The ids of an item's descendants (not itself), parents before children. */
export function descendantsOf(items: readonly Placement[], id: string): string[] {
  const children = childrenIndex(items);
  const found: string[] = [];
  const queue = [id];
  const seen = new Set([id]);
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const child of children.get(current) ?? []) {
      if (seen.has(child.id)) continue; // a corrupt cycle must not hang the editor
      seen.add(child.id);
      found.push(child.id);
      queue.push(child.id);
    }
  }
  return found;
}

function childrenIndex(items: readonly Placement[]): Map<string | null, Placement[]> {
  const index = new Map<string | null, Placement[]>();
  for (const item of items) {
    const list = index.get(item.parent_id) ?? [];
    list.push(item);
    index.set(item.parent_id, list);
  }
  for (const list of index.values()) list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  return index;
}

/** The siblings under one parent, in display order. */
export function siblingsOf(items: readonly Placement[], parentId: string | null): Placement[] {
  return childrenIndex(items).get(parentId) ?? [];
}

/** Why `id` may not go under `parentId`, or null when it may. */
export function moveRefusal(items: readonly Placement[], id: string, parentId: string | null): MoveRefusal | null {
  if (!items.some((i) => i.id === id)) return "unknown_item";
  if (parentId === null) return null;
  if (parentId === id) return "under_itself";
  if (!items.some((i) => i.id === parentId)) return "unknown_parent";
  if (descendantsOf(items, id).includes(parentId)) return "under_descendant";
  return null;
}

/** Where an item lands among `count` siblings (1-based), whatever number was asked for. */
export const clampPosition = (position: number, count: number) =>
  Math.min(Math.max(1, Math.trunc(Number.isFinite(position) ? position : count)), Math.max(1, count));

/** The sibling order after moving one of them up, down or to a 1-based position. */
export function reorderIds(order: readonly string[], id: string, move: Reorder): string[] {
  const from = order.indexOf(id);
  if (from < 0) return [...order];
  const to =
    move.kind === "up"
      ? Math.max(0, from - 1)
      : move.kind === "down"
        ? Math.min(order.length - 1, from + 1)
        : clampPosition(move.position, order.length) - 1;
  const next = order.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

/** Positions 1…n for an ordered list of siblings, keeping only those that change. */
export function renumber(
  siblings: readonly Placement[],
  order: readonly string[],
  parentId: string | null,
): PlacementUpdate[] {
  const current = new Map(siblings.map((s) => [s.id, s]));
  const updates: PlacementUpdate[] = [];
  order.forEach((id, index) => {
    const before = current.get(id);
    if (!before || before.position !== index + 1 || before.parent_id !== parentId)
      updates.push({ id, parent_id: parentId, position: index + 1 });
  });
  return updates;
}

/** A reorder among siblings: the position updates it takes (empty when nothing moves). */
export function planReorder(items: readonly Placement[], id: string, move: Reorder): PlacementUpdate[] | MoveRefusal {
  const item = items.find((i) => i.id === id);
  if (!item) return "unknown_item";
  const siblings = siblingsOf(items, item.parent_id);
  const order = reorderIds(
    siblings.map((s) => s.id),
    id,
    move,
  );
  return renumber(siblings, order, item.parent_id);
}

/**
 * A move to another parent (at a 1-based position, last by default): the updates for the item, its
 * new siblings and the ones it leaves, or why it is refused.
 */
export function planMove(
  items: readonly Placement[],
  id: string,
  parentId: string | null,
  position?: number,
): PlacementUpdate[] | MoveRefusal {
  const refusal = moveRefusal(items, id, parentId);
  if (refusal) return refusal;
  const item = items.find((i) => i.id === id) as Placement;
  if (item.parent_id === parentId)
    return planReorder(items, id, { kind: "to", position: position ?? Number.POSITIVE_INFINITY });
  const left = siblingsOf(items, item.parent_id).filter((s) => s.id !== id);
  const joined = siblingsOf(items, parentId);
  const order = joined.map((s) => s.id);
  order.splice(clampPosition(position ?? order.length + 1, order.length + 1) - 1, 0, id);
  return [
    ...renumber(
      left,
      left.map((s) => s.id),
      item.parent_id,
    ),
    ...renumber([...joined, item], order, parentId),
  ];
}

/**
 * A new sibling order given whole (drag and drop): refused unless it names exactly the current
 * siblings, so a stale page cannot drop or duplicate an item.
 */
export function planSiblingOrder(
  items: readonly Placement[],
  parentId: string | null,
  order: readonly string[],
): PlacementUpdate[] | null {
  const siblings = siblingsOf(items, parentId);
  const expected = new Set(siblings.map((s) => s.id));
  if (order.length !== expected.size || new Set(order).size !== order.length || !order.every((id) => expected.has(id)))
    return null;
  return renumber(siblings, order, parentId);
}
