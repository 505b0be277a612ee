/**
 * Full-text search over the published frameworks: every item (category, area, competency, KSA, or
 * whatever types a framework brings) in both languages, with prefix and fuzzy matching, results
 * grouped by area. The index lives in memory (see inverted.ts), is built on first use and again after
 * content changes.
 */
import type { Catalog, FrameworkView } from "../editions/catalog.ts";
import type { Bilingual } from "../frameworks/tree.ts";
import type { Lang } from "../i18n/index.ts";
import { finish, inSlices, type Steps } from "../slices.ts";
import { TermWords } from "./dictionary.ts";
import { indexTextsOffThread } from "./index-build.ts";
import {
  adoptPostingsSteps,
  evaluate,
  type InvertedIndex,
  type QueryTermOptions,
  type WorkCounters,
} from "./inverted.ts";
import { collectItems, type IndexedItem, type IndexedItems } from "./items.ts";
import { cleanQuery, processTerm, readTerms, singular, tokenize } from "./normalize.ts";
import { FIELDS, type Field, type IndexedTexts, indexTextsSteps } from "./texts.ts";

export type { IndexedItem, IndexedItems } from "./items.ts";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;

export interface SearchIndex {
  /** The indexed items, in index order (each framework's in reading order). */
  items: IndexedItems;
  inverted: InvertedIndex;
  /** Each framework's items are consecutive: slug → [start, end) positions in `items`. */
  ranges: Map<string, { start: number; end: number }>;
  /** Index term → a word of the content it comes from (where it differs), to show a corrected query in words people wrote. */
  wordOf: TermWords;
}

export interface SearchArea {
  id: string;
  key: string;
  code: string | null;
  statement: Bilingual;
  frameworkSlug: string;
}

export interface SearchHit {
  id: string;
  key: string;
  code: string | null;
  type: string;
  statement: Bilingual;
  /** Index terms (folded) that matched, for highlighting. */
  matchedTerms: string[];
  score: number;
}

export interface SearchGroup {
  area: SearchArea;
  hits: SearchHit[];
}

export interface SearchResults {
  /** The query as searched: trimmed, cleaned and cut to length. */
  query: string;
  /**
   * When some of its words matched only through typo tolerance: the query with those words replaced
   * by what they were read as ("budjet" → "budget"). Absent otherwise.
   */
  correctedQuery?: string;
  /**
   * How many distinct words of the query were not searched (beyond MAX_QUERY_TERMS); absent when
   * every word was.
   */
  termsIgnored?: number;
  /** Number of matching items, of which at most `limit` are in `groups`. */
  total: number;
  groups: SearchGroup[];
  /** With `countByFramework`: how many of `total` each framework holds (those with any), in index order. */
  frameworkCounts?: { slug: string; count: number }[];
  /** With `measure`: how much work the query did (terms reached, postings read, documents scored). */
  work?: WorkCounters;
}

export interface SearchOptions {
  lang: Lang;
  limit?: number;
  /** Only this framework's items (its slug); one the index does not hold finds nothing. */
  framework?: string;
  /** Also count the results per framework (the search page offers to narrow to one). */
  countByFramework?: boolean;
  /** Also say how much work the query did (`work`): tests and diagnostics. */
  measure?: boolean;
}

/**
 * Builds the search index over the given frameworks. Synchronous and free of I/O, so the bench can
 * time it over synthetic content.
 */
export function buildSearchIndex(views: readonly FrameworkView[]): SearchIndex {
  return finish(buildSearchIndexSteps(views));
}

/** buildSearchIndex as steps (src/slices.ts): the catalog builds it a slice at a time. */
export function* buildSearchIndexSteps(views: readonly FrameworkView[]): Steps<SearchIndex> {
  const ranges = new Map<string, { start: number; end: number }>();
  const items = yield* collectItems(views, ranges);
  yield;
  const texts = yield* indexTextsSteps(
    items.length,
    (position, field) => items.text(position, FIELDS[field]),
    (position) => items.boost(position),
  );
  return yield* adoptIndexSteps(items, ranges, texts);
}

/** From this many items the texts are indexed in a worker thread (index-build.ts); fewer take a few slices. */
export const OFF_THREAD_MIN_ITEMS = 5000;

/**
 * buildSearchIndex for a running server: the items gathered a slice at a time, their texts indexed
 * in a worker thread when there are at least `offThreadFrom` of them (in slices here when there are
 * fewer, or when the worker cannot be used), the result adopted a slice at a time (decision 039).
 */
export async function buildSearchIndexInBackground(
  views: readonly FrameworkView[],
  offThreadFrom = OFF_THREAD_MIN_ITEMS,
): Promise<SearchIndex> {
  const ranges = new Map<string, { start: number; end: number }>();
  const items = await inSlices(collectItems(views, ranges));
  const textOf = (position: number, field: number) => items.text(position, FIELDS[field]);
  const boostOf = (position: number) => items.boost(position);
  const inProcess = () => inSlices(indexTextsSteps(items.length, textOf, boostOf));
  // A worker that cannot start or fails (its heap limit, a missing bundle) costs time, not the index.
  const texts =
    items.length >= offThreadFrom
      ? await indexTextsOffThread(items.length, textOf, boostOf).catch(inProcess)
      : await inProcess();
  return inSlices(adoptIndexSteps(items, ranges, texts));
}

/** The index from its items and what indexing their texts computed (here or in the index worker). */
function* adoptIndexSteps(
  items: IndexedItems,
  ranges: Map<string, { start: number; end: number }>,
  texts: IndexedTexts,
): Steps<SearchIndex> {
  const inverted = yield* adoptPostingsSteps(texts.postings);
  return { items, inverted, ranges, wordOf: new TermWords(inverted.terms, texts.words) };
}

/**
 * The query as it was read: each word that matched only through typo tolerance replaced by the word
 * of the content it was read as; undefined when no word was corrected.
 */
function correctedQueryOf(index: SearchIndex, query: string, terms: string[], corrections: (string | null)[]) {
  const replacement = new Map<string, string>();
  terms.forEach((term, position) => {
    const corrected = corrections[position];
    if (corrected) replacement.set(term, index.wordOf.get(corrected) ?? corrected);
  });
  if (replacement.size === 0) return undefined;
  return tokenize(query)
    .map((word) => {
      const term = processTerm(word);
      return (term && replacement.get(singular(term))) ?? word;
    })
    .join(" ");
}

const FIELD_BOOSTS: Record<Lang, number[]> = {
  en: FIELDS.map((field) => fieldBoost(field, "en")),
  fr: FIELDS.map((field) => fieldBoost(field, "fr")),
};

/** Statements weigh more than descriptions, and the reader's language more than the other. */
function fieldBoost(field: Field, lang: Lang): number {
  if (field === "code") return 2;
  const ownLanguage = field.endsWith(`_${lang}`);
  if (field.startsWith("statement")) return ownLanguage ? 3 : 2.4;
  return ownLanguage ? 1.1 : 1;
}

/**
 * Prefix search from two letters (results while typing); typo tolerance only from five letters
 * (below that one typo makes another word), one typo up to seven letters, two beyond. Terms with
 * digits are codes ("ML.CR.6") and never fuzzy: ML.CR.1 is not a typo for it.
 */
function termOptions(term: string): QueryTermOptions {
  const length = term.length;
  const fuzzy = length < 5 || /\d/.test(term) ? 0 : Math.min(2, Math.round(length * 0.2));
  return { prefix: length >= 2, fuzzy };
}

const round = (score: number) => Math.round(score * 1000) / 1000;

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/**
 * Searches the index. Never throws: any input gives a result, at worst an empty one. All the words
 * must match (with prefix and typo tolerance); when no item has them all, items with any are given.
 */
export function search(index: SearchIndex, rawQuery: unknown, options: SearchOptions): SearchResults {
  const query = cleanQuery(rawQuery);
  const { terms, ignored } = readTerms(query);
  const cut = ignored > 0 ? { termsIgnored: ignored } : {};
  const range = options.framework === undefined ? undefined : index.ranges.get(options.framework);
  if (terms.length === 0 || (options.framework !== undefined && !range)) return { query, ...cut, total: 0, groups: [] };
  const frameworks = options.countByFramework ? [...index.ranges].filter(([, r]) => r.end > r.start) : undefined;
  const { total, matches, corrections, partCounts, counters } = evaluate(index.inverted, terms, {
    fieldBoosts: FIELD_BOOSTS[options.lang] ?? FIELD_BOOSTS.en,
    limit: clampLimit(options.limit),
    options: termOptions,
    range,
    parts: frameworks?.map(([, r]) => r.start),
  });
  const frameworkCounts = frameworks
    ?.map(([slug], position) => ({ slug, count: partCounts?.[position] ?? 0 }))
    .filter((entry) => entry.count > 0);
  const correctedQuery = total > 0 ? correctedQueryOf(index, query, terms, corrections) : undefined;

  const groups = new Map<number, SearchGroup>();
  const { items } = index;
  for (const match of matches) {
    const group = items.groups[match.doc];
    let found = groups.get(group);
    if (!found) {
      const { id, key, code, statement, frameworkSlug } = items.shown(group);
      found = { area: { id, key, code, statement, frameworkSlug }, hits: [] };
      groups.set(group, found);
    }
    const { id, key, code, type, statement } = items.shown(match.doc);
    found.hits.push({ id, key, code, type, statement, matchedTerms: match.terms, score: round(match.score) });
  }
  return {
    query,
    ...(correctedQuery ? { correctedQuery } : {}),
    ...cut,
    total,
    groups: [...groups.values()],
    ...(frameworkCounts ? { frameworkCounts } : {}),
    ...(options.measure ? { work: counters } : {}),
  };
}

/** What a results page needs beyond the API's shape: type label, description and link targets. */
export function hitDetails(index: SearchIndex, id: string): IndexedItem | undefined {
  const position = index.items.find(id);
  return position < 0 ? undefined : index.items.at(position);
}

/** The catalog keeps the search index with the frameworks it indexes (Catalog.derive). */
const SEARCH_INDEX = Symbol("search index");

/**
 * The search index of a catalog's published frameworks: built a slice at a time on first use, and
 * for each later revision before that revision goes live, so a search never waits for a rebuild
 * while the catalog serves the previous revision (decision 022). Concurrent callers share one build.
 */
export function searchIndexFor(catalog: Catalog): Promise<SearchIndex> {
  return catalog.derive(SEARCH_INDEX, (views) => buildSearchIndexInBackground(views));
}
