/**
 * The search index's items (src/search/engine.ts) as arrays over the frameworks' compact trees
 * (src/frameworks/compact-tree.ts): what each item is grouped under and where it is shown, by
 * position. Pure: no I/O.
 */
import type { FrameworkView } from "../editions/catalog.ts";
import { CompactTree, PositionMap } from "../frameworks/compact-tree.ts";
import { type Bilingual, buildTree, type TreeNode, walk } from "../frameworks/tree.ts";
import { STEP, type Steps } from "../slices.ts";
import type { Field } from "./texts.ts";

/** One indexed item, with what a result needs to be shown and linked without going back to the tree. */
export interface IndexedItem {
  node: TreeNode;
  key: string;
  frameworkSlug: string;
  typeLabel: Bilingual;
  /** Position (in `items`) of the item this one is grouped under: its depth-1 ancestor, or itself. */
  group: number;
  /** URL key of the page that shows this item, and of the section on that page (null: the page itself). */
  pageKey: string;
  sectionKey: string | null;
  /** Broader items rank a little higher when they match as well as narrower ones. */
  boost: number;
}

const DEPTH_BOOST = [1.15, 1.3, 1.1];

/**
 * The indexed items as arrays over the frameworks' compact trees (decision 039, addendum 2): an
 * item is its position in the index; its framework's tree holds its texts, and three Int32Arrays
 * say where it is shown. An `IndexedItem` is made when a result or a results page asks for one.
 * (50,000 item objects and a Map by id held ~8 MB, and each kept its node alive.)
 */
export class IndexedItems {
  readonly length: number;
  readonly #frameworks: IndexedFramework[];
  /** Position of each item's group (its depth-1 ancestor, or itself). */
  readonly groups: Int32Array;
  /** Position of the item whose page shows each item (its depth-1 ancestor when that page shows the whole subtree, else itself). */
  readonly pages: Int32Array;
  /** Position of the item whose section of that page holds each item, or -1 (the page itself). */
  readonly sections: Int32Array;

  constructor(frameworks: IndexedFramework[], groups: Int32Array, pages: Int32Array, sections: Int32Array) {
    this.#frameworks = frameworks;
    this.length = groups.length;
    this.groups = groups;
    this.pages = pages;
    this.sections = sections;
  }

  #frameworkOf(position: number): IndexedFramework {
    let low = 0;
    let high = this.#frameworks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.#frameworks[middle].start <= position) low = middle;
      else high = middle - 1;
    }
    return this.#frameworks[low];
  }

  /** The URL key of the item at `position`. */
  keyAt(position: number): string {
    const f = this.#frameworkOf(position);
    return f.keyAt(position - f.start);
  }

  /** What a search result shows of the item at `position` (without what only a results page needs). */
  shown(position: number): {
    id: string;
    key: string;
    code: string | null;
    type: string;
    statement: Bilingual;
    frameworkSlug: string;
  } {
    const f = this.#frameworkOf(position);
    const at = position - f.start;
    const { tree } = f;
    return {
      id: tree.ids[at],
      key: f.keyAt(at),
      code: tree.codes[at],
      type: tree.typeCodes[tree.typeOf[at]],
      statement: { en: tree.texts[at * 4], fr: tree.texts[at * 4 + 1] },
      frameworkSlug: f.view.framework.slug,
    };
  }

  /** The item at `position` (0 ≤ position < length). */
  at(position: number): IndexedItem {
    const f = this.#frameworkOf(position);
    const at = position - f.start;
    const node = f.tree.node(at);
    const section = this.sections[position];
    return {
      node,
      key: this.keyAt(position),
      frameworkSlug: f.view.framework.slug,
      typeLabel: f.typeLabel(node.type),
      group: this.groups[position],
      pageKey: this.keyAt(this.pages[position]),
      sectionKey: section < 0 ? null : this.keyAt(section),
      boost: DEPTH_BOOST[f.tree.depths[at]] ?? 1,
    };
  }

  /** The position of the item with that id, or -1 (the first framework holding it answers). */
  find(id: string): number {
    for (const f of this.#frameworks) {
      const at = f.tree.find(id);
      if (at >= 0) return f.start + at;
    }
    return -1;
  }

  /** The text of an item's field, read from its tree. */
  text(position: number, field: Field): string | null {
    const f = this.#frameworkOf(position);
    const at = position - f.start;
    if (field === "code") return f.tree.codes[at];
    return f.tree.texts[at * 4 + TEXT_SLOT[field]];
  }

  /** Broader items rank a little higher when they match as well as narrower ones. */
  boost(position: number): number {
    const f = this.#frameworkOf(position);
    return DEPTH_BOOST[f.tree.depths[position - f.start]] ?? 1;
  }

  *[Symbol.iterator](): Generator<IndexedItem> {
    for (let position = 0; position < this.length; position++) yield this.at(position);
  }
}

/** Where each text field sits among an item's four texts in a compact tree (src/frameworks/compact-tree.ts). */
const TEXT_SLOT: Record<Exclude<Field, "code">, number> = {
  statement_en: 0,
  statement_fr: 1,
  description_en: 2,
  description_fr: 3,
};

interface IndexedFramework {
  view: FrameworkView;
  tree: CompactTree;
  /** Position of its first item in the index. */
  start: number;
  /** The URL key of the item at a position of its tree. */
  keyAt(at: number): string;
  /** One label per type, shared by its items. */
  typeLabel(code: string): Bilingual;
}

/** A view's tree as a compact one (views built from rows have one; a hand-made tree of nodes is converted). */
function compactOf(view: FrameworkView): CompactTree {
  if (view.tree instanceof CompactTree) return view.tree;
  return buildTree(
    [...walk(view.tree.roots)].map((node) => ({
      id: node.id,
      parent_id: node.parentId,
      type_code: node.type,
      code: node.code,
      position: node.position,
      statement_en: node.statement.en,
      statement_fr: node.statement.fr,
      description_en: node.description.en,
      description_fr: node.description.fr,
      updated_at: node.updatedAt,
    })),
  ) as CompactTree;
}

/**
 * The frameworks' items in index order (each framework's in reading order, so an item's position is
 * its framework's start plus its position in the compact tree), with each item's group and where it
 * is shown: depth 0 and 1 items are their own group and page; deeper items are grouped under their
 * depth-1 ancestor, whose page shows them in the section of their depth-2 ancestor when that page
 * shows the whole subtree (height below 3), else they link to their own page.
 */
export function* collectItems(
  views: readonly FrameworkView[],
  ranges: Map<string, { start: number; end: number }>,
): Steps<IndexedItems> {
  const frameworks: IndexedFramework[] = [];
  let length = 0;
  for (const view of views) {
    const tree = compactOf(view);
    const labels = new Map<string, Bilingual>();
    const { keys } = view;
    // A view built from rows keys its items by position; a hand-made one is looked up by id.
    const keyAt =
      keys instanceof PositionMap && keys.tree === tree
        ? (at: number) => keys.valueAt(at) as string
        : (at: number) => keys.get(tree.ids[at]) ?? tree.ids[at];
    frameworks.push({
      view,
      tree,
      start: length,
      keyAt,
      typeLabel(code: string): Bilingual {
        let label = labels.get(code);
        if (!label) {
          const type = view.types.get(code);
          label = { en: type?.label_en ?? code, fr: type?.label_fr ?? type?.label_en ?? code };
          labels.set(code, label);
        }
        return label;
      },
    });
    ranges.set(view.framework.slug, { start: length, end: length + tree.size });
    length += tree.size;
    yield;
  }
  const groups = new Int32Array(length);
  const pages = new Int32Array(length);
  const sections = new Int32Array(length);
  for (const { tree, start } of frameworks) {
    let area = -1;
    let areaShowsAll = false;
    let section = -1;
    for (let at = 0; at < tree.size; at++) {
      const position = start + at;
      const depth = tree.depths[at];
      if (depth === 1) {
        area = at;
        let deepest = depth;
        for (let below = at + 1; below < tree.ends[at]; below++)
          if (tree.depths[below] > deepest) deepest = tree.depths[below];
        areaShowsAll = deepest - depth < 3;
      } else if (depth === 2) section = at;
      if (depth < 2) {
        groups[position] = position;
        pages[position] = position;
        sections[position] = -1;
      } else {
        groups[position] = start + area;
        pages[position] = areaShowsAll ? start + area : position;
        sections[position] = areaShowsAll ? start + section : -1;
      }
      if (at % STEP === 0) yield;
    }
  }
  return new IndexedItems(frameworks, groups, pages, sections);
}
