/**
 * A framework's tree as arrays (decision 039, addendum 2): every item at its position in reading
 * order (depth first, siblings sorted), its numbers and links in typed arrays, its texts in one
 * array of strings, no object per item. A 50,000-item framework held ~50,000 node objects, two text
 * objects each and Maps by id and URL key (~20 MB beyond the texts); this holds ~4 MB beyond them,
 * and a major collection has ~300,000 fewer objects to mark.
 *
 * Readers still see `TreeNode`s: `byId.get`, `roots` and `children` hand out small objects made on
 * the spot (a position in this tree), which the page or search that asked drops when it is done.
 * So a node is not the same object from one call to the next: compare ids, not nodes.
 */
import type { Bilingual } from "../i18n/bilingual.ts";
import { STEP, type Steps } from "../slices.ts";
import { findPosition, sortedPositionsSteps } from "./compact-lookup.ts";
export interface ItemRow {
  id: string;
  parent_id: string | null;
  type_code: string;
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  updated_at: string;
}

export interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly type: string;
  readonly code: string | null;
  readonly position: number;
  readonly statement: Bilingual;
  readonly description: Bilingual;
  /** Change time of this item alone. */
  readonly updatedAt: string;
  /** Newest change time in this item's subtree (itself included). */
  readonly lastUpdated: string;
  readonly depth: number;
  /** Made for each node asked for: changing the array changes nothing in the tree. */
  readonly children: TreeNode[];
}

export interface Tree {
  roots: TreeNode[];
  byId: ReadonlyMap<string, TreeNode>;
  /** Rows whose parent is missing or that sit on a cycle; they are left out of `roots`. */
  detached: string[];
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Siblings sort by position, then by human code in natural order ("1.2" before "1.10"), then id. */
export function compareSiblings(a: SiblingFields, b: SiblingFields): number {
  return a.position - b.position || collator.compare(a.code ?? "", b.code ?? "") || a.id.localeCompare(b.id);
}
type SiblingFields = Pick<TreeNode, "position" | "code" | "id">;

const STATEMENT_EN = 0;
const STATEMENT_FR = 1;
const DESCRIPTION_EN = 2;
const DESCRIPTION_FR = 3;
const TEXTS_PER_ITEM = 4;

export class CompactTree implements Tree {
  /** Items' ids by position (reading order). */
  readonly ids: string[];
  /** Position of each item's parent; -1 for a root. */
  readonly parents: Int32Array;
  /** Each item's subtree is positions [position, ends[position]): children follow their parent. */
  readonly ends: Int32Array;
  readonly depths: Int32Array;
  readonly positions: Float64Array;
  /** Each item's type, as a position in `typeCodes` (one string per type). */
  readonly typeOf: Int32Array;
  readonly typeCodes: string[];
  readonly codes: (string | null)[];
  /**
   * Statement EN, FR and description EN, FR of each item, four in a row. Where the French is the
   * English (a code-like statement, an untranslated note) both hold the same string.
   */
  readonly texts: (string | null)[];
  /** Change time of each item and newest in its subtree, as positions in `times` (one string per time). */
  readonly updated: Int32Array;
  readonly newest: Int32Array;
  readonly times: string[];
  /** Positions sorted by id (compact-lookup.ts). */
  readonly byIdOrder: Int32Array;
  readonly detached: string[];
  readonly byId: ReadonlyMap<string, TreeNode>;

  constructor(parts: Omit<CompactTree, "byId" | "roots" | "size" | "idOf" | "find" | "childrenOf" | "node">) {
    this.ids = parts.ids;
    this.parents = parts.parents;
    this.ends = parts.ends;
    this.depths = parts.depths;
    this.positions = parts.positions;
    this.typeOf = parts.typeOf;
    this.typeCodes = parts.typeCodes;
    this.codes = parts.codes;
    this.texts = parts.texts;
    this.updated = parts.updated;
    this.newest = parts.newest;
    this.times = parts.times;
    this.byIdOrder = parts.byIdOrder;
    this.detached = parts.detached;
    this.byId = new PositionMap(this, this.byIdOrder, this.idOf, (at) => this.node(at));
  }

  get size(): number {
    return this.ids.length;
  }

  readonly idOf = (position: number): string => this.ids[position];

  /** The position of the item with that id, or -1. */
  find(id: string): number {
    return findPosition(this.byIdOrder, this.idOf, id);
  }

  node(position: number): TreeNode {
    return new CompactNode(this, position);
  }

  /**
   * The roots, made for each call (kept, they would keep every node a page asked for through their
   * children: read them once into a variable).
   */
  get roots(): TreeNode[] {
    return this.childrenOf(-1);
  }

  /** The children of the item at `position` (-1: the roots), in reading order. */
  childrenOf(position: number): TreeNode[] {
    const children: TreeNode[] = [];
    const end = position < 0 ? this.ids.length : this.ends[position];
    for (let child = position + 1; child < end; child = this.ends[child]) children.push(this.node(child));
    return children;
  }
}

/** Is this node a position in a compact tree (which knows its height without walking objects)? */
export function isCompactNode(node: TreeNode): node is CompactNode {
  return node instanceof CompactNode;
}

/** A position in a compact tree, read as a `TreeNode`. */
export class CompactNode implements TreeNode {
  readonly #tree: CompactTree;
  readonly #at: number;
  #children: TreeNode[] | undefined;

  constructor(tree: CompactTree, at: number) {
    this.#tree = tree;
    this.#at = at;
  }
  get id() {
    return this.#tree.ids[this.#at];
  }
  get parentId() {
    const parent = this.#tree.parents[this.#at];
    return parent < 0 ? null : this.#tree.ids[parent];
  }
  get type() {
    return this.#tree.typeCodes[this.#tree.typeOf[this.#at]];
  }
  get code() {
    return this.#tree.codes[this.#at];
  }
  get position() {
    return this.#tree.positions[this.#at];
  }
  get statement(): Bilingual {
    const at = this.#at * TEXTS_PER_ITEM;
    return { en: this.#tree.texts[at + STATEMENT_EN], fr: this.#tree.texts[at + STATEMENT_FR] };
  }
  get description(): Bilingual {
    const at = this.#at * TEXTS_PER_ITEM;
    return { en: this.#tree.texts[at + DESCRIPTION_EN], fr: this.#tree.texts[at + DESCRIPTION_FR] };
  }
  get updatedAt() {
    return this.#tree.times[this.#tree.updated[this.#at]];
  }
  get lastUpdated() {
    return this.#tree.times[this.#tree.newest[this.#at]];
  }
  get depth() {
    return this.#tree.depths[this.#at];
  }
  get children(): TreeNode[] {
    this.#children ??= this.#tree.childrenOf(this.#at);
    return this.#children;
  }
  /** Height of the subtree (0 for a leaf), from the arrays. */
  height(): number {
    const tree = this.#tree;
    let deepest = tree.depths[this.#at];
    for (let at = this.#at + 1; at < tree.ends[this.#at]; at++)
      if (tree.depths[at] > deepest) deepest = tree.depths[at];
    return deepest - tree.depths[this.#at];
  }
  /** What JSON.stringify writes: the node's fields, as for a plain node object, not its private position. */
  toJSON(): object {
    const { id, parentId, type, code, position, statement, description, updatedAt, lastUpdated, depth, children } =
      this;
    return { id, parentId, type, code, position, statement, description, updatedAt, lastUpdated, depth, children };
  }
}

/**
 * A read-only Map over a compact tree's positions sorted by a string key (an id, a URL key): what
 * pages and search used as a Map, without one. Iterates in reading order.
 */
export class PositionMap<V> implements ReadonlyMap<string, V> {
  readonly #tree: CompactTree;
  readonly #sorted: Int32Array;
  readonly #keyOf: (position: number) => string;
  readonly #valueOf: (position: number) => V;

  constructor(
    tree: CompactTree,
    sorted: Int32Array,
    keyOf: (position: number) => string,
    valueFor: (position: number) => V,
  ) {
    this.#tree = tree;
    this.#sorted = sorted;
    this.#keyOf = keyOf;
    this.#valueOf = valueFor;
  }
  get size() {
    return this.#sorted.length;
  }
  /** The tree this map reads. */
  get tree(): CompactTree {
    return this.#tree;
  }
  /** The value at a position of the tree, without a look-up. */
  valueAt(position: number): V {
    return this.#valueOf(position);
  }
  get(key: string): V | undefined {
    if (typeof key !== "string") return undefined;
    const at = findPosition(this.#sorted, this.#keyOf, key);
    return at < 0 ? undefined : this.#valueOf(at);
  }
  has(key: string): boolean {
    return typeof key === "string" && findPosition(this.#sorted, this.#keyOf, key) >= 0;
  }
  *entries(): MapIterator<[string, V]> {
    for (let at = 0; at < this.#tree.size; at++) yield [this.#keyOf(at), this.#valueOf(at)];
  }
  *keys(): MapIterator<string> {
    for (let at = 0; at < this.#tree.size; at++) yield this.#keyOf(at);
  }
  *values(): MapIterator<V> {
    for (let at = 0; at < this.#tree.size; at++) yield this.#valueOf(at);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown) {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

/** One string per distinct value: rows read from the database bring their own copy of each. */
class Interned {
  readonly values: string[] = [];
  readonly #positions = new Map<string, number>();
  positionOf(value: string): number {
    let at = this.#positions.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.#positions.set(value, at);
    }
    return at;
  }
}

/**
 * The compact tree of rows, as steps (src/slices.ts). Rows whose parent is missing or that sit on a
 * cycle are left out (listed in `detached`); a later row with the id of an earlier one replaces it.
 */
export function* compactTreeSteps(rows: readonly ItemRow[]): Steps<CompactTree> {
  let work = 0;
  // The row holding each id (a later one replaces an earlier one, as a Map filled in order would).
  const rowOf = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    rowOf.set(rows[r].id, r);
    if (++work % STEP === 0) yield;
  }
  const kept: number[] = [...rowOf.values()];
  // Children of each row as one list (compressed rows: a row's children are firstChild[r]…firstChild[r+1]).
  const parentRow = new Int32Array(rows.length).fill(-2);
  const counts = new Int32Array(rows.length + 1);
  const roots: number[] = [];
  for (const r of kept) {
    const parentId = rows[r].parent_id;
    if (parentId === null) {
      parentRow[r] = -1;
      roots.push(r);
    } else {
      const parent = rowOf.get(parentId);
      if (parent !== undefined) {
        parentRow[r] = parent;
        counts[parent + 1]++;
      }
    }
    if (++work % STEP === 0) yield;
  }
  for (let r = 0; r < rows.length; r++) counts[r + 1] += counts[r];
  const childRows = new Int32Array(counts[rows.length]);
  const filled = counts.slice(0, rows.length);
  for (const r of kept) if (parentRow[r] >= 0) childRows[filled[parentRow[r]]++] = r;
  const siblingOrder = (a: number, b: number) =>
    compareSiblings(siblingFields(rows[a]), siblingFields(rows[b])) || a - b;
  roots.sort(siblingOrder);
  for (let r = 0; r < rows.length; r++) {
    if (counts[r + 1] - counts[r] > 1) {
      childRows.subarray(counts[r], counts[r + 1]).sort(siblingOrder);
      work += counts[r + 1] - counts[r];
    }
    if (++work % STEP === 0) yield;
  }

  // Depth first from the roots: positions in reading order. A row on a cycle is never reached.
  const order: number[] = [];
  const stack: number[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  for (let r = stack.pop(); r !== undefined; r = stack.pop()) {
    order.push(r);
    for (let c = counts[r + 1] - 1; c >= counts[r]; c--) stack.push(childRows[c]);
    if (++work % STEP === 0) yield;
  }
  const size = order.length;
  const positionOfRow = new Int32Array(rows.length).fill(-1);
  for (let at = 0; at < size; at++) positionOfRow[order[at]] = at;

  const ids: string[] = new Array(size);
  const parents = new Int32Array(size);
  const ends = new Int32Array(size);
  const depths = new Int32Array(size);
  const positions = new Float64Array(size);
  const typeOf = new Int32Array(size);
  const codes: (string | null)[] = new Array(size);
  const texts: (string | null)[] = new Array(size * TEXTS_PER_ITEM);
  const updated = new Int32Array(size);
  const types = new Interned();
  const times = new Interned();
  for (let at = 0; at < size; at++) {
    const row = rows[order[at]];
    const parent = parentRow[order[at]] < 0 ? -1 : positionOfRow[parentRow[order[at]]];
    ids[at] = row.id;
    parents[at] = parent;
    depths[at] = parent < 0 ? 0 : depths[parent] + 1;
    positions[at] = row.position;
    typeOf[at] = types.positionOf(row.type_code);
    codes[at] = row.code;
    const t = at * TEXTS_PER_ITEM;
    texts[t + STATEMENT_EN] = row.statement_en;
    texts[t + STATEMENT_FR] = row.statement_fr === row.statement_en ? row.statement_en : row.statement_fr;
    texts[t + DESCRIPTION_EN] = row.description_en;
    texts[t + DESCRIPTION_FR] = row.description_fr === row.description_en ? row.description_en : row.description_fr;
    updated[at] = times.positionOf(row.updated_at);
    if (++work % STEP === 0) yield;
  }
  // Going backwards meets every child before its parent: subtree ends and newest times roll up.
  const newest = updated.slice();
  for (let at = 0; at < size; at++) ends[at] = at + 1;
  for (let at = size - 1; at >= 0; at--) {
    const parent = parents[at];
    if (parent >= 0) {
      if (ends[at] > ends[parent]) ends[parent] = ends[at];
      if (times.values[newest[at]] > times.values[newest[parent]]) newest[parent] = newest[at];
    }
    if (++work % STEP === 0) yield;
  }
  const detached: string[] = [];
  for (const r of kept) if (positionOfRow[r] < 0) detached.push(rows[r].id);
  const byIdOrder = yield* sortedPositionsSteps(size, (at) => ids[at]);
  return new CompactTree({
    ids,
    parents,
    ends,
    depths,
    positions,
    typeOf,
    typeCodes: types.values,
    codes,
    texts,
    updated,
    newest,
    times: times.values,
    byIdOrder,
    detached,
  });
}

const siblingFields = (row: ItemRow) => ({ position: row.position, code: row.code, id: row.id });

/** Every item's URL key (code or id, decided by tree.ts) and the items by URL key, over one compact tree. */
export interface CompactKeys {
  /** item id → URL key. */
  keys: ReadonlyMap<string, string>;
  /** URL key → item. */
  byKey: ReadonlyMap<string, TreeNode>;
}

/**
 * The URL key of every item: its human code where that is unique and URL-friendly, else its id.
 * One byte per item says which; the keys are sorted once for look-ups by key.
 */
export function* compactKeysSteps(tree: CompactTree): Steps<CompactKeys> {
  let work = 0;
  const counts = new Map<string, number>();
  for (const code of tree.codes) {
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    if (++work % STEP === 0) yield;
  }
  const usesCode = new Uint8Array(tree.size);
  for (let at = 0; at < tree.size; at++) {
    const code = tree.codes[at];
    usesCode[at] = code && counts.get(code) === 1 && /^[\p{L}\p{N}._~-]{1,120}$/u.test(code) ? 1 : 0;
    if (++work % STEP === 0) yield;
  }
  const keyOf = (at: number) => (usesCode[at] ? (tree.codes[at] as string) : tree.ids[at]);
  const byKeyOrder = yield* sortedPositionsSteps(tree.size, keyOf);
  const keys = new PositionMap(tree, tree.byIdOrder, tree.idOf, keyOf);
  const byKey = new PositionMap(tree, byKeyOrder, keyOf, (at) => tree.node(at));
  return { keys, byKey };
}

/** tree.ts's urlKeySteps over a compact tree: id → URL key. */
export function* urlKeyMapSteps(tree: CompactTree): Steps<ReadonlyMap<string, string>> {
  return (yield* compactKeysSteps(tree)).keys;
}
