/**
 * An organisation's units as a tree, and the moves of the tree editor as pure functions: each move
 * gives the new parent and order of every unit it touches, or says why it cannot be made. The store
 * applies what these return; nothing else decides where a unit goes.
 */

export interface UnitPlace {
  id: string;
  parentId: string | null;
  ordinal: number;
}

export interface TreeNode<U extends UnitPlace> {
  unit: U;
  depth: number;
  children: TreeNode<U>[];
}

/** Siblings in their order (ordinal, then id, so equal ordinals still give one order). */
function childrenOf<U extends UnitPlace>(units: readonly U[]): Map<string | null, U[]> {
  const byParent = new Map<string | null, U[]>();
  const known = new Set(units.map((u) => u.id));
  for (const unit of units) {
    // A parent outside the set (which the store never writes) is read as the top level.
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null;
    const list = byParent.get(parent);
    if (list) list.push(unit);
    else byParent.set(parent, [unit]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id));
  return byParent;
}

export function buildTree<U extends UnitPlace>(units: readonly U[]): TreeNode<U>[] {
  const byParent = childrenOf(units);
  const seen = new Set<string>();
  const grow = (parent: string | null, depth: number): TreeNode<U>[] =>
    (byParent.get(parent) ?? [])
      .filter((unit) => !seen.has(unit.id) && seen.add(unit.id))
      .map((unit) => ({ unit, depth, children: grow(unit.id, depth + 1) }));
  return grow(null, 0);
}

/** The tree in reading order (parents before their children), with each unit's depth. */
export function flatten<U extends UnitPlace>(tree: readonly TreeNode<U>[]): { unit: U; depth: number }[] {
  return tree.flatMap((node) => [{ unit: node.unit, depth: node.depth }, ...flatten(node.children)]);
}

/** The unit's sub-units at every depth (not the unit itself). */
export function descendantsOf(id: string, units: readonly UnitPlace[]): string[] {
  const byParent = childrenOf(units);
  const found: string[] = [];
  const queue = [id];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    for (const child of byParent.get(queue[i]) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      found.push(child.id);
      queue.push(child.id);
    }
  }
  return found;
}

export type UnitMove =
  | { kind: "up" }
  | { kind: "down" }
  /** Under the unit just above it, as its last sub-unit. */
  | { kind: "indent" }
  /** Out to its parent's level, just after its parent. */
  | { kind: "outdent" }
  /** Under any unit (null: the top level), as its last sub-unit. */
  | { kind: "under"; parentId: string | null };

export type MoveRefusal = "unknown" | "cannot" | "cycle";

export type MovePlan = { ok: true; places: UnitPlace[] } | { ok: false; why: MoveRefusal };

/** Renumbers a list of siblings 0, 1, 2… under a parent. */
const placed = (parentId: string | null, ids: readonly string[]): UnitPlace[] =>
  ids.map((id, ordinal) => ({ id, parentId, ordinal }));

/**
 * Where every unit a move touches goes: the moved unit and its old and new siblings, renumbered.
 * Only places that change are returned.
 */
export function planMove(units: readonly UnitPlace[], id: string, move: UnitMove): MovePlan {
  const unit = units.find((u) => u.id === id);
  if (!unit) return { ok: false, why: "unknown" };
  const byParent = childrenOf(units);
  const parentOf = (u: UnitPlace) =>
    u.parentId !== null && units.some((x) => x.id === u.parentId) ? u.parentId : null;
  const parentId = parentOf(unit);
  const siblings = (byParent.get(parentId) ?? []).map((u) => u.id);
  const index = siblings.indexOf(id);
  const without = siblings.filter((s) => s !== id);

  let places: UnitPlace[];
  switch (move.kind) {
    case "up":
    case "down": {
      const target = move.kind === "up" ? index - 1 : index + 1;
      if (target < 0 || target >= siblings.length) return { ok: false, why: "cannot" };
      const order = [...without];
      order.splice(target, 0, id);
      places = placed(parentId, order);
      break;
    }
    case "indent": {
      if (index === 0) return { ok: false, why: "cannot" };
      const newParent = siblings[index - 1];
      const newSiblings = (byParent.get(newParent) ?? []).map((u) => u.id);
      places = [...placed(parentId, without), ...placed(newParent, [...newSiblings, id])];
      break;
    }
    case "outdent": {
      if (parentId === null) return { ok: false, why: "cannot" };
      const parent = units.find((u) => u.id === parentId) as UnitPlace;
      const grandParent = parentOf(parent);
      const uncles = (byParent.get(grandParent) ?? []).map((u) => u.id);
      const order = [...uncles];
      order.splice(uncles.indexOf(parentId) + 1, 0, id);
      places = [...placed(parentId, without), ...placed(grandParent, order)];
      break;
    }
    case "under": {
      const newParent = move.parentId;
      if (newParent !== null && !units.some((u) => u.id === newParent)) return { ok: false, why: "unknown" };
      if (newParent === id || (newParent !== null && descendantsOf(id, units).includes(newParent)))
        return { ok: false, why: "cycle" };
      if (newParent === parentId) return { ok: false, why: "cannot" };
      const newSiblings = (byParent.get(newParent) ?? []).map((u) => u.id);
      places = [...placed(parentId, without), ...placed(newParent, [...newSiblings, id])];
      break;
    }
  }
  const before = new Map(units.map((u) => [u.id, u]));
  const changed = places.filter((p) => {
    const old = before.get(p.id) as UnitPlace;
    return old.parentId !== p.parentId || old.ordinal !== p.ordinal;
  });
  return { ok: true, places: changed };
}
