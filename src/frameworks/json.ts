/** The framework as JSON: one shape for the API, `skillshelf export --format json` and later imports. */

import { frameworkLanguage } from "../i18n/text-languages.ts";
import type { Bilingual, TreeNode } from "./tree.ts";
import type { AdoptedFrom, FrameworkView } from "./view.ts";

export interface ItemJson {
  id: string;
  type: string;
  code: string | null;
  position: number;
  statement: Bilingual;
  description: Bilingual;
  updatedAt: string;
  lastUpdated: string;
  children: ItemJson[];
}

export interface FrameworkJson {
  id: string;
  slug: string;
  type: "framework";
  title: Bilingual;
  description: Bilingual;
  publisher: string | null;
  version: string;
  status: string;
  licence: string | null;
  createdAt: string;
  updatedAt: string;
  /** BCP 47 tag the framework's source gave its language; absent when it gave none. */
  language?: string;
  lastUpdated: string;
  itemTypes: { code: string; label: Bilingual }[];
  children: ItemJson[];
  /** Only for a framework adopted from another. */
  adoptedFrom?: AdoptedFrom;
}

export function itemJson(node: TreeNode): ItemJson {
  return { ...itemFields(node), children: node.children.map(itemJson) };
}

/** An item's own members, in itemJson's order (a tree's nodes are read through getters: never spread them). */
function itemFields(node: TreeNode): Omit<ItemJson, "children"> {
  return {
    id: node.id,
    type: node.type,
    code: node.code,
    position: node.position,
    statement: node.statement,
    description: node.description,
    updatedAt: node.updatedAt,
    lastUpdated: node.lastUpdated,
  };
}

/** The earlier of two ISO-8601 times. */
const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);

export function frameworkSummaryJson(view: Pick<FrameworkView, "framework">) {
  const f = view.framework;
  const language = frameworkLanguage(f);
  return {
    id: f.id,
    slug: f.slug,
    type: "framework" as const,
    title: { en: f.title_en, fr: f.title_fr },
    description: { en: f.description_en, fr: f.description_fr },
    publisher: f.publisher,
    version: f.version,
    status: f.status,
    licence: f.licence,
    // An import (or the starter) keeps its source's date of change, which may predate our copy: the
    // framework began no later than that, so createdAt is never after updatedAt.
    createdAt: earlier(f.created_at, f.updated_at),
    updatedAt: f.updated_at,
    // Only when the framework's source named its language (decision 009).
    ...(language ? { language } : {}),
  };
}

export function frameworkJson(view: FrameworkView): FrameworkJson {
  return {
    ...frameworkSummaryJson(view),
    lastUpdated: view.lastUpdated,
    itemTypes: [...view.types.values()].map((t) => ({ code: t.code, label: { en: t.label_en, fr: t.label_fr } })),
    children: view.tree.roots.map(itemJson),
    ...(view.adoptedFrom ? { adoptedFrom: view.adoptedFrom } : {}),
  };
}

/** `JSON.stringify(value)` without its closing brace, to append more members to. */
const openObject = (value: object) => JSON.stringify(value).slice(0, -1);

function* itemJsonPieces(node: TreeNode): Generator<string> {
  yield `${openObject(itemFields(node))},"children":[`;
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    if (i > 0) yield ",";
    yield* itemJsonPieces(children[i]);
  }
  yield "]}";
}

/**
 * The text of `JSON.stringify(frameworkJson(view))`, one item at a time, so a 50,000-item tree is
 * written out in small steps (src/editions/outputs.ts keeps the bytes) rather than in one call.
 */
export function* frameworkJsonPieces(view: FrameworkView): Generator<string> {
  const {
    children: _children,
    adoptedFrom,
    ...head
  } = frameworkJson({
    ...view,
    tree: { roots: [], byId: new Map(), detached: [] },
  });
  yield `${openObject(head)},"children":[`;
  const roots = view.tree.roots;
  for (let i = 0; i < roots.length; i++) {
    if (i > 0) yield ",";
    yield* itemJsonPieces(roots[i]);
  }
  yield "]";
  if (adoptedFrom) yield `,"adoptedFrom":${JSON.stringify(adoptedFrom)}`;
  yield "}";
}
