/**
 * The editor's jump box: find an item of the draft by its code (or id), else by words. Pure: takes
 * the draft as a reader's view would be built from it, and the search index over that view.
 */
import type { FrameworkView } from "../frameworks/view.ts";
import type { TreeNode } from "../frameworks/tree.ts";
import type { Lang } from "../i18n/index.ts";
import { buildSearchIndex, search } from "../search/engine.ts";
import { cleanQuery } from "../search/normalize.ts";

/** Most items listed; the count still says how many matched. */
export const JUMP_LIMIT = 50;

export interface JumpResult {
  /** The query as searched (cleaned). */
  query: string;
  /** The one item whose code (any case) or id is the query: the editor goes straight to it. */
  exact?: TreeNode;
  /** Otherwise the items found, best first (several items sharing the code, or matching the words). */
  hits: TreeNode[];
  total: number;
}

export function findInDraft(view: FrameworkView, raw: unknown, lang: Lang): JumpResult {
  const query = cleanQuery(raw);
  if (!query) return { query, hits: [], total: 0 };
  const wanted = query.toLocaleLowerCase("en");
  const byCode = [...view.tree.byId.values()].filter(
    (node) => node.id === wanted || (node.code !== null && node.code.toLocaleLowerCase("en") === wanted),
  );
  if (byCode.length === 1) return { query, exact: byCode[0], hits: byCode, total: 1 };
  if (byCode.length > 1) return { query, hits: byCode.slice(0, JUMP_LIMIT), total: byCode.length };
  const results = search(buildSearchIndex([view]), query, { lang, limit: JUMP_LIMIT });
  const hits = results.groups
    .flatMap((group) => group.hits)
    .map((hit) => view.tree.byId.get(hit.id))
    .filter((node) => node !== undefined);
  return { query, hits, total: results.total };
}
