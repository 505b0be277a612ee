/**
 * A compact inverted index: a sorted term dictionary (dictionary.ts) finds the index terms a query
 * term reaches (exact, by prefix, within an edit distance), and the postings of each term are typed
 * arrays scored with BM25. Pure and synchronous.
 *
 * Why not the MiniSearch class itself: it scores through Maps and allocates an object per matching
 * posting, which at 50,000 items costs tens of milliseconds for a common word, and several hundred
 * megabytes. Here a posting costs a few array reads, so a query stays within a few milliseconds.
 */
import { finish, type Steps } from "../slices.ts";
import { TermDictionary, type TermEntry } from "./dictionary.ts";
import { type PackedPostings, packPostingsSteps } from "./postings.ts";
import { lowerBound, type Pass, scoreByLevels, scoredLists, scoreEligible, scoreOneTerm } from "./pruning.ts";
import { partOf, popcount, TopK } from "./top-k.ts";

export type { TermEntry } from "./dictionary.ts";
export type { PackedPostings } from "./postings.ts";
export { TopK } from "./top-k.ts";

export interface InvertedIndex {
  documentCount: number;
  fieldCount: number;
  terms: TermDictionary;
  /** BM25 length factor of each document's field, row-major (doc * fieldCount + field). */
  lengthFactor: Float32Array;
  docBoost: Float32Array;
  // Scratch space reused by every query (queries run one at a time: search is synchronous).
  scores: Float64Array;
  termScores: Float64Array;
  matchedMask: Uint16Array;
  touched: Int32Array;
  termTouched: Int32Array;
}

export interface QueryTermOptions {
  prefix: boolean;
  /** Largest edit distance allowed (0: none). */
  fuzzy: number;
}

export interface EvaluateOptions {
  /** Weight of each field (by position), for this query. */
  fieldBoosts: readonly number[];
  limit: number;
  options: (term: string) => QueryTermOptions;
  /** Only documents from `start` (included) to `end` (excluded) count: one framework's items. */
  range?: { start: number; end: number };
  /** Ascending start positions of consecutive parts (frameworks): the results are counted per part. */
  parts?: readonly number[];
}

export interface Match {
  doc: number;
  score: number;
  /** The index terms through which the document matched. */
  terms: string[];
}

export interface Evaluation {
  total: number;
  matches: Match[];
  /**
   * For each query term (by position), the index term it was read as when it matched only through
   * typo tolerance — no document in range holds it or a word it begins — else null.
   */
  corrections: (string | null)[];
  /** With `parts`: how many of the `total` results fall in each part. */
  partCounts?: number[];
  counters: WorkCounters;
}

/** A prefix or a typo is worth less than the word itself (MiniSearch's weights). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Most index terms one query term may reach; the closest are kept. Bounds the cost of "re". */
export const MAX_EXPANSIONS = 48;
/**
 * Most index terms a whole query may reach: the terms of a long query get fewer each (at least
 * MIN_EXPANSIONS), so twelve words cost about what four do.
 */
export const MAX_QUERY_EXPANSIONS = 192;
export const MIN_EXPANSIONS = 8;
/** Most typo-tolerant index terms one query term may reach (the closest are kept). */
export const MAX_FUZZY_EXPANSIONS = 16;

/** How much work one query did: for tests and diagnostics (no clock involved). */
export interface WorkCounters {
  /** Index terms each query term reached, after the caps. */
  expansions: number[];
  /** Index terms offered before the caps (exact, prefix and typo-tolerant). */
  candidates: number;
  /** Dictionary entries looked at to find the words a query term begins (the lookup counts one). */
  prefixNodes: number;
  /** Postings (document, term) read while scoring. */
  postings: number;
  /** Documents given a score. */
  scored: number;
}

/** The expansion cap of each term of a query of `termCount` terms. */
export function expansionCap(termCount: number): number {
  return Math.min(MAX_EXPANSIONS, Math.max(MIN_EXPANSIONS, Math.floor(MAX_QUERY_EXPANSIONS / Math.max(1, termCount))));
}
/** The query-term bit mask is 16 bits wide. */
export const MAX_TERMS = 16;

/**
 * Builds the index. `termsOf(doc, field)` gives a document field's index terms (repeats allowed;
 * the count of terms is the field's length).
 */
export function buildInvertedIndex(
  documentCount: number,
  fieldCount: number,
  termsOf: (doc: number, field: number) => readonly string[],
  docBoost: (doc: number) => number,
): InvertedIndex {
  return finish(buildInvertedIndexSteps(documentCount, fieldCount, termsOf, docBoost));
}

/** buildInvertedIndex as steps (src/slices.ts): the postings packed, then adopted. */
export function* buildInvertedIndexSteps(
  documentCount: number,
  fieldCount: number,
  termsOf: (doc: number, field: number) => readonly string[],
  docBoost: (doc: number) => number,
): Steps<InvertedIndex> {
  const packed = yield* packPostingsSteps(documentCount, fieldCount, termsOf, docBoost);
  return yield* adoptPostingsSteps(packed);
}

/** The index over packed postings: the term dictionary is the packed arrays themselves. */
// biome-ignore lint/correctness/useYield: a step function like the others (src/slices.ts), with nothing left to cut up.
export function* adoptPostingsSteps(packed: PackedPostings): Steps<InvertedIndex> {
  const { documentCount } = packed;
  return {
    documentCount,
    fieldCount: packed.fieldCount,
    terms: new TermDictionary(packed),
    lengthFactor: packed.lengthFactor,
    docBoost: packed.docBoost,
    scores: new Float64Array(documentCount),
    termScores: new Float64Array(documentCount),
    matchedMask: new Uint16Array(documentCount),
    touched: new Int32Array(documentCount),
    termTouched: new Int32Array(documentCount),
  };
}

export interface Expansion {
  term: string;
  entry: TermEntry;
  weight: number;
  /** Edit distance for a typo-tolerant match; 0 for the term itself or a word it begins. */
  distance: number;
}

/** A term reached, by its position in the dictionary (sorted, so positions order terms as strings do). */
interface Candidate {
  id: number;
  weight: number;
  distance: number;
}

/** Best first: weight, then the rarer term, then alphabetical (a total order: results are stable). */
function rankOf(dictionary: TermDictionary) {
  return (a: Candidate, b: Candidate) =>
    b.weight - a.weight || dictionary.count(a.id) - dictionary.count(b.id) || a.id - b.id;
}

/**
 * Offers the words `term` begins, shortest first, and stops after the first length at which at
 * least `wanted` were offered. A prefix match weighs less the longer the word, so every word left
 * unoffered ranks below all of those offered: the cap keeps the same terms offering every word
 * would. The words `term` begins are neighbours in the dictionary; their lengths are read once.
 */
function offerPrefixed(
  dictionary: TermDictionary,
  term: string,
  wanted: number,
  counters: WorkCounters | undefined,
  offer: (id: number, suffixLength: number) => void,
) {
  const { start, end } = dictionary.prefixRange(term);
  if (counters) counters.prefixNodes += 1 + (end - start);
  // perLength[n]: words with n letters beyond the term.
  const perLength: number[] = [];
  for (let id = start; id < end; id++) {
    const extra = dictionary.termLength(id) - term.length;
    perLength[extra] = (perLength[extra] ?? 0) + 1;
  }
  let longest = perLength.length - 1;
  for (let extra = 0, offered = 0; extra < perLength.length; extra++) {
    offered += perLength[extra] ?? 0;
    if (offered >= wanted) {
      longest = extra;
      break;
    }
  }
  for (let id = start; id < end; id++) {
    const extra = dictionary.termLength(id) - term.length;
    if (extra <= longest) offer(id, extra);
  }
}

/** The index terms one query term reaches, best first, at most `cap`. */
export function expandTerm(
  index: InvertedIndex,
  term: string,
  options: QueryTermOptions,
  cap = MAX_EXPANSIONS,
  counters?: WorkCounters,
): Expansion[] {
  const dictionary = index.terms;
  const byRank = rankOf(dictionary);
  const found = new Map<number, Candidate>();
  const offer = (id: number, weight: number, distance: number) => {
    if (counters) counters.candidates++;
    const known = found.get(id);
    if (!known || known.weight < weight) found.set(id, { id, weight, distance });
  };
  const exact = dictionary.find(term);
  if (exact >= 0) offer(exact, 1, 0);
  if (options.prefix) {
    // One more than the cap: the exact term is offered again at length 0 and not counted twice.
    offerPrefixed(dictionary, term, cap + 1, counters, (id, extra) => {
      if (extra > 0) offer(id, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra), 0);
    });
  }
  if (options.fuzzy > 0) {
    const typos: Candidate[] = [];
    dictionary.fuzzy(term, options.fuzzy, (id, distance) => {
      if (distance > 0) typos.push({ id, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance), distance });
    });
    typos.sort(byRank);
    for (const typo of typos.slice(0, MAX_FUZZY_EXPANSIONS)) offer(typo.id, typo.weight, typo.distance);
  }
  const all = [...found.values()];
  all.sort(byRank);
  return (all.length > cap ? all.slice(0, cap) : all).map(({ id, weight, distance }) => ({
    term: dictionary.term(id),
    entry: dictionary.entry(id),
    weight,
    distance,
  }));
}

/**
 * Most query terms whose expansions an index remembers. A query term's expansions depend only on
 * the index (built once per content revision, never changed) and the term's options, and walking
 * the dictionary for typos is most of a long query's cost: people repeat words, so a term is walked
 * once per revision. Least recently used first; the expansions hold views of the shared postings,
 * not copies.
 */
export const EXPANSION_CACHE_TERMS = 4_096;
const expansionCaches = new WeakMap<InvertedIndex, Map<string, Expansion[]>>();

/** expandTerm, remembered per index (the counters count only the walks actually done). */
export function cachedExpansions(
  index: InvertedIndex,
  term: string,
  options: QueryTermOptions,
  cap: number,
  counters?: WorkCounters,
): Expansion[] {
  let cache = expansionCaches.get(index);
  if (!cache) {
    cache = new Map();
    expansionCaches.set(index, cache);
  }
  const key = `${cap}\u0000${options.prefix ? 1 : 0}\u0000${options.fuzzy}\u0000${term}`;
  const known = cache.get(key);
  if (known) {
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const reached = expandTerm(index, term, options, cap, counters);
  cache.set(key, reached);
  if (cache.size > EXPANSION_CACHE_TERMS) cache.delete(cache.keys().next().value as string);
  return reached;
}

/** How many of a term's documents fall in the range. */
function countInRange(docs: Int32Array, start: number, end: number): number {
  return lowerBound(docs, end) - lowerBound(docs, start);
}

/**
 * What a query term was corrected to: when every index term it reached in range is a typo-tolerant
 * one, the closest, and among those the most used (the word a person most likely meant).
 */
function correctionOf(reached: readonly Expansion[], start: number, end: number): string | null {
  let best: { term: string; distance: number; count: number } | null = null;
  for (const { term, entry, distance } of reached) {
    const count = countInRange(entry.docs, start, end);
    if (count === 0) continue;
    if (distance === 0) return null;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count))
      best = { term, distance, count };
  }
  return best?.term ?? null;
}

function contains(docs: Int32Array, doc: number): boolean {
  let low = 0;
  let high = docs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = docs[middle];
    if (value === doc) return true;
    if (value < doc) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Scores the documents for distinct query terms. A document's score for one query term is its best
 * match among that term's expansions; its total is the sum over query terms. Documents that hold
 * every query term are the results; when there are none, documents holding any are, ranked by score
 * times the number of terms they hold.
 *
 * Every document reached is counted, but only those that can reach the top k are scored
 * (pruning.ts): the results are those of scoring every document.
 */
export function evaluate(index: InvertedIndex, queryTerms: readonly string[], options: EvaluateOptions): Evaluation {
  const terms = queryTerms.slice(0, MAX_TERMS);
  const counters: WorkCounters = { expansions: [], candidates: 0, prefixNodes: 0, postings: 0, scored: 0 };
  const cap = expansionCap(terms.length);
  const { scores, matchedMask, touched } = index;
  const n = index.documentCount;
  const start = options.range?.start ?? 0;
  const end = options.range?.end ?? n;
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const expansions: Expansion[][] = [];
  const corrections: (string | null)[] = [];

  // Which query terms each document in range holds: every posting read once, nothing scored yet.
  // One term reaching one index term (a common query) needs no marks: its documents in range are
  // the results, counted from the list's bounds, and scoring reads each of them once.
  const parts = options.parts;
  const unmarked = terms.length === 1 && !parts;
  let touchedCount = 0;
  let listed = 0;
  terms.forEach((term, position) => {
    const bit = 1 << position;
    const reached = cachedExpansions(index, term, options.options(term), cap, counters);
    expansions.push(reached);
    counters.expansions.push(reached.length);
    corrections.push(correctionOf(reached, start, end));
    if (unmarked && reached.length === 1) {
      listed = countInRange(reached[0].entry.docs, start, end);
      counters.postings += listed;
      return;
    }
    for (const { entry } of reached) {
      const { docs } = entry;
      const first = start === 0 ? 0 : lowerBound(docs, start);
      let i = first;
      for (; i < docs.length; i++) {
        const doc = docs[i];
        if (doc >= end) break;
        if (matchedMask[doc] === 0) touched[touchedCount++] = doc;
        matchedMask[doc] |= bit;
      }
      counters.postings += i - first;
    }
  });
  const marked = !(unmarked && expansions[0].length === 1);

  const all = (1 << terms.length) - 1;
  const held = new Int32Array(terms.length + 1);
  let allCount = 0;
  // With one term every document reached holds it: only several terms need the counts per level.
  if (terms.length === 1) allCount = marked ? touchedCount : listed;
  else
    for (let i = 0; i < touchedCount; i++) {
      const mask = matchedMask[touched[i]];
      if (mask === all) allCount++;
      held[popcount(mask)]++;
    }
  const requireAll = allCount > 0;
  const total = requireAll ? allCount : touchedCount;
  const partCounts = parts ? parts.map(() => 0) : undefined;
  if (parts && partCounts)
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      if (!requireAll || matchedMask[doc] === all) partCounts[partOf(parts, doc)]++;
    }

  // Score only what can reach the top k; the scored documents are listed in termTouched's twin.
  const k = Math.max(1, options.limit);
  const pass: Pass = { index, boosts: options.fieldBoosts, start, end, matchedMask };
  const lists = expansions.map((reached) => scoredLists(index, reached, options.fieldBoosts, idfOf));
  const scored = scoredScratch(index);
  let scoredCount = 0;
  if (total > 0) {
    if (terms.length === 1) scoredCount = scoreOneTerm(pass, lists[0], k, scored);
    else if (requireAll) scoredCount = scoreEligible(pass, lists, (mask) => mask === all, scored, 0);
    else scoredCount = scoreByLevels(pass, lists, held, k, scored);
  }
  const top = new TopK(k);
  for (let i = 0; i < scoredCount; i++) {
    const doc = scored[i];
    top.offer(doc, requireAll ? scores[doc] : scores[doc] * popcount(matchedMask[doc]));
  }
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i];
    scores[doc] = 0;
    matchedMask[doc] = 0;
  }
  if (!marked) for (let i = 0; i < scoredCount; i++) scores[scored[i]] = 0;

  const matches = top.sorted().map(({ doc, score }) => {
    const matched: string[] = [];
    for (const reached of expansions)
      for (const { term, entry } of reached) if (contains(entry.docs, doc)) matched.push(term);
    return { doc, score, terms: matched };
  });
  counters.scored = scoredCount;
  return { total, matches, corrections, counters, ...(partCounts ? { partCounts } : {}) };
}

/** The documents one query scored, in a list reused by every query of the index (they run one at a time). */
const scoredDocs = new WeakMap<InvertedIndex, Int32Array>();
function scoredScratch(index: InvertedIndex): Int32Array {
  let list = scoredDocs.get(index);
  if (!list) {
    list = new Int32Array(index.documentCount);
    scoredDocs.set(index, list);
  }
  return list;
}
