/** What readers see of one framework: its tree and URL keys, from a published edition or the live rows. */
import type { Framework, ItemType } from "../db/schema.ts";
import type { Bilingual, Tree, TreeNode } from "./tree.ts";

/** For a framework adopted from another: the source and the upstream edition this one is based on. */
export interface AdoptedFrom {
  id: string;
  slug: string;
  title: { en: string | null; fr: string | null };
  /** The source's edition the copy had caught up with when it was published. */
  edition: number;
}

export interface FrameworkView {
  framework: Framework;
  types: Map<string, ItemType>;
  tree: Tree;
  /** item id → the key used in its URL (human code when unique, else id). */
  keys: ReadonlyMap<string, string>;
  byKey: ReadonlyMap<string, TreeNode>;
  itemCount: number;
  /** Newest change anywhere in the framework. */
  lastUpdated: string;
  /** The published edition this view shows (absent for a draft view built from live rows). */
  edition?: { number: number; publishedAt: string; summary: Bilingual };
  /** Set for an adopted framework (src/adoption). */
  adoptedFrom?: AdoptedFrom;
}
