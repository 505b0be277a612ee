/**
 * The editor's jump box: find an item of the draft by its code (or id), else by words. Pure: takes
 * the draft as a tree. Words match the beginnings of words (accents and case folded, as in search),
 * in either language; items whose statement or code holds them all come before those that need the
 * description, each in reading order. No index to build: one pass over the draft, fast enough for
 * thousands of items, and always current.
 */
import { type Tree, type TreeNode, walk } from "../frameworks/tree.ts";
import { cleanQuery, queryTerms, termsOf } from "../search/normalize.ts";

/** Most items listed; the count still says how many matched. */
export const JUMP_LIMIT = 50;

export interface JumpResult {
  /** The query as searched (cleaned). */
  query: string;
  /** The one item whose code (any case) or id is the query: the editor goes straight to it. */
  exact?: TreeNode;
  /** Otherwise the items found (at most JUMP_LIMIT): several sharing the code, or matching the words. */
  hits: TreeNode[];
  total: number;
}

const holdsAll = (words: readonly string[], terms: readonly string[]) =>
  terms.every((term) => words.some((word) => word.startsWith(term)));

/**
 * Folding text into terms is most of the cost and the draft's texts rarely change between two
 * jumps: remembered per text, forgotten wholesale past a bound (memory stays small, results exact).
 */
const MAX_REMEMBERED = 50_000;
const remembered = new Map<string, string[]>();
function foldedTerms(text: string): string[] {
  let terms = remembered.get(text);
  if (!terms) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    terms = termsOf(text);
    remembered.set(text, terms);
  }
  return terms;
}

export function findInDraft(tree: Tree, raw: unknown): JumpResult {
  const query = cleanQuery(raw);
  if (!query) return { query, hits: [], total: 0 };
  const wanted = query.toLocaleLowerCase("en");
  const ordered = [...walk(tree.roots)];
  const byCode = ordered.filter(
    (node) => node.id === wanted || (node.code !== null && node.code.toLocaleLowerCase("en") === wanted),
  );
  if (byCode.length === 1) return { query, exact: byCode[0], hits: byCode, total: 1 };
  if (byCode.length > 1) return { query, hits: byCode.slice(0, JUMP_LIMIT), total: byCode.length };
  const terms = queryTerms(query);
  if (terms.length === 0) return { query, hits: [], total: 0 };
  const inStatement: TreeNode[] = [];
  const inDescription: TreeNode[] = [];
  for (const node of ordered) {
    const statement = foldedTerms(`${node.code ?? ""} ${node.statement.en ?? ""} ${node.statement.fr ?? ""}`);
    if (holdsAll(statement, terms)) {
      inStatement.push(node);
      continue;
    }
    const description = foldedTerms(`${node.description.en ?? ""} ${node.description.fr ?? ""}`);
    if (holdsAll([...statement, ...description], terms)) inDescription.push(node);
  }
  const found = [...inStatement, ...inDescription];
  return { query, hits: found.slice(0, JUMP_LIMIT), total: found.length };
}
