/**
 * Scoring only the documents that can reach the top k (decision 031). Every document a query reaches
 * is still counted (the total and the per-framework counts are exact), but the arithmetic of BM25 —
 * field masks, length factors, the best expansion of each term — is done only where it can matter,
 * using per-list upper bounds:
 *
 * - A list's bound: the term's factor (weight × idf) times a field score no document exceeds, times
 *   the index's largest document boost, with a small margin for sums whose order differs from a
 *   score's. The field score is first the index's largest length factors under the field boosts
 *   (free); where that cannot decide, the list's own largest field score (one scan of the list,
 *   computed as a score computes it, remembered per list and language while the index lives).
 * - One query term: its expansions are scored best bound first; once k documents are, a list whose
 *   bound is below the k-th best score so far can neither bring a new document into the top k nor
 *   raise the score of one in it (a term's score is its best expansion's), so it is not scored.
 * - Several terms, some documents holding all: only those are results, and only they are scored.
 * - Several terms, none holding all: results are ranked by score × terms held. Documents holding the
 *   most terms are scored first; a document holding q terms scores at most q × the sum of the q
 *   largest term bounds, so levels whose bound is below the k-th best score are not scored. A
 *   document holding one term ranks by that term's score alone: of the lowest level, only the
 *   documents of lists whose own bound reaches the k-th best score found above it are scored.
 *
 * Scores themselves are computed exactly as exhaustive scoring does (terms in query order, each
 * term's best expansion), so the top k, their scores and their order are the same (property test in
 * test/search/pruning.test.ts).
 */
import { kthRanked, popcount } from "./top-k.ts";

/** What scoring reads of an index (inverted.ts's ScoringIndex; declared here so neither imports the other). */
export interface ScoringIndex {
  fieldCount: number;
  lengthFactor: Float32Array;
  docBoost: Float32Array;
  scores: Float64Array;
  termScores: Float64Array;
  termTouched: Int32Array;
}

/** One index term a query term reached: its postings and the weight of the way it was reached. */
export interface Reached {
  entry: { docs: Int32Array; fields: Uint8Array };
  weight: number;
}

/** Bounds are compared with this much room, for sums added in another order than the scores'. */
const MARGIN = 1 + 1e-9;

/**
 * The largest field score (Σ boost × length factor over the fields holding the term, as a score adds
 * it) of any document of a list, for one set of field boosts; remembered per list and boosts (an
 * index's lists live as long as it, and the engine has one boosts array per language).
 */
const fieldScoreMaxima = new WeakMap<Int32Array, WeakMap<readonly number[], number>>();

function maxFieldScore(index: ScoringIndex, expansion: Reached, boosts: readonly number[]): number {
  const { docs, fields } = expansion.entry;
  let byBoosts = fieldScoreMaxima.get(docs);
  const known = byBoosts?.get(boosts);
  if (known !== undefined) return known;
  const { fieldCount, lengthFactor } = index;
  let max = 0;
  for (let i = 0; i < docs.length; i++) {
    let fieldScore = 0;
    const row = docs[i] * fieldCount;
    for (let field = 0, mask = fields[i]; mask !== 0; field++, mask >>= 1) {
      if (mask & 1) fieldScore += boosts[field] * lengthFactor[row + field];
    }
    if (fieldScore > max) max = fieldScore;
  }
  if (!byBoosts) {
    byBoosts = new WeakMap();
    fieldScoreMaxima.set(docs, byBoosts);
  }
  byBoosts.set(boosts, max);
  return max;
}

/** An index's largest document boost and, per field, largest length factor (remembered per index). */
const indexMaxima = new WeakMap<Float32Array, { boost: number; lengthFactors: Float32Array }>();

function maximaOf(index: ScoringIndex): { boost: number; lengthFactors: Float32Array } {
  const known = indexMaxima.get(index.docBoost);
  if (known) return known;
  let boost = 0;
  for (const value of index.docBoost) if (value > boost) boost = value;
  const { fieldCount, lengthFactor } = index;
  const lengthFactors = new Float32Array(fieldCount);
  for (let i = 0; i < lengthFactor.length; i++)
    if (lengthFactor[i] > lengthFactors[i % fieldCount]) lengthFactors[i % fieldCount] = lengthFactor[i];
  const maxima = { boost, lengthFactors };
  indexMaxima.set(index.docBoost, maxima);
  return maxima;
}

/** What one expansion's list contributes, and bounds of any document's score from it. */
export interface ScoredList {
  expansion: Reached;
  factor: number;
  /**
   * No document's `factor × field score × document boost` from this list exceeds it: from the index's
   * largest length factors (free), or, once `exact`, from the list's own largest field score.
   */
  bound: number;
  exact: boolean;
}

export function scoredLists(
  index: ScoringIndex,
  reached: readonly Reached[],
  boosts: readonly number[],
  idfOf: (df: number) => number,
): ScoredList[] {
  const { boost, lengthFactors } = maximaOf(index);
  let anyField = 0;
  for (let field = 0; field < lengthFactors.length; field++) anyField += boosts[field] * lengthFactors[field];
  return reached.map((expansion) => {
    const factor = expansion.weight * idfOf(expansion.entry.docs.length);
    return { expansion, factor, bound: factor * anyField * boost * MARGIN, exact: false };
  });
}

/** Tightens a list's bound to its own largest field score (one scan of the list, then remembered). */
function tighten(index: ScoringIndex, list: ScoredList, boosts: readonly number[]): number {
  if (!list.exact) {
    list.bound = list.factor * maxFieldScore(index, list.expansion, boosts) * maximaOf(index).boost * MARGIN;
    list.exact = true;
  }
  return list.bound;
}

/** The scratch arrays and settings shared by the scoring passes of one query. */
export interface Pass {
  index: ScoringIndex;
  boosts: readonly number[];
  start: number;
  end: number;
  /** Query terms held by each document (filled by the counting pass before any scoring). */
  matchedMask: Uint16Array;
}

/**
 * Scores, in query-term order, the documents `eligible` accepts (by the query terms they hold),
 * adding each term's best expansion score × the document's boost to `scores`. Returns how many
 * documents were scored; they are listed in `into` from `count` on.
 */
export function scoreEligible(
  pass: Pass,
  lists: readonly (readonly ScoredList[])[],
  eligible: (mask: number) => boolean,
  into: Int32Array,
  count: number,
): number {
  const { index, boosts, start, end, matchedMask } = pass;
  const { scores, termScores, termTouched, lengthFactor, docBoost, fieldCount } = index;
  // Decided once per distinct mask: 1 yes, 2 no, 0 not asked yet.
  const verdicts = new Uint8Array(1 << lists.length);
  let scored = count;
  for (let position = 0; position < lists.length; position++) {
    let termTouchedCount = 0;
    for (const { expansion, factor } of lists[position]) {
      const { docs, fields } = expansion.entry;
      for (let i = start === 0 ? 0 : lowerBound(docs, start); i < docs.length; i++) {
        const doc = docs[i];
        if (doc >= end) break;
        const held = matchedMask[doc];
        let verdict = verdicts[held];
        if (verdict === 0) {
          verdict = eligible(held) ? 1 : 2;
          verdicts[held] = verdict;
        }
        if (verdict === 2) continue;
        let fieldScore = 0;
        const row = doc * fieldCount;
        for (let field = 0, mask = fields[i]; mask !== 0; field++, mask >>= 1) {
          if (mask & 1) fieldScore += boosts[field] * lengthFactor[row + field];
        }
        const score = factor * fieldScore;
        const previous = termScores[doc];
        if (previous === 0) termTouched[termTouchedCount++] = doc;
        if (score > previous) termScores[doc] = score;
      }
    }
    for (let i = 0; i < termTouchedCount; i++) {
      const doc = termTouched[i];
      if (scores[doc] === 0) into[scored++] = doc;
      scores[doc] += termScores[doc] * docBoost[doc];
      termScores[doc] = 0;
    }
  }
  return scored - count;
}

/**
 * One query term: its lists best bound first, each document keeping its best score (in `scores`:
 * the term's score × the document's boost, as exhaustive scoring gives it). Once k documents are
 * scored, a list whose bound is below the k-th best score so far is skipped (it can neither bring a
 * document into the top k nor raise one in it). Returns how many documents were scored (in `into`).
 */
export function scoreOneTerm(pass: Pass, lists: readonly ScoredList[], k: number, into: Int32Array): number {
  const { index, boosts, start, end } = pass;
  const { scores, lengthFactor, docBoost, fieldCount } = index;
  const ordered = lists.length > 1 ? [...lists].sort((a, b) => b.bound - a.bound) : lists;
  let scored = 0;
  let threshold = -1;
  let thresholdAt = 0;
  for (const list of ordered) {
    if (scored >= k) {
      // The k-th best only grows as lists are scored (scores only rise, documents only join), so
      // the last one found still bounds it from below: a list under it is skipped without looking
      // again, and it is looked for again only for a list whose free bound reaches it.
      if (list.bound < threshold) continue;
      if (scored !== thresholdAt) {
        threshold = kthBest(scores, into, scored, k);
        thresholdAt = scored;
      }
      if (list.bound < threshold || tighten(index, list, boosts) < threshold) continue;
    }
    const { expansion, factor } = list;
    const { docs, fields } = expansion.entry;
    for (let i = start === 0 ? 0 : lowerBound(docs, start); i < docs.length; i++) {
      const doc = docs[i];
      if (doc >= end) break;
      let fieldScore = 0;
      const row = doc * fieldCount;
      for (let field = 0, mask = fields[i]; mask !== 0; field++, mask >>= 1) {
        if (mask & 1) fieldScore += boosts[field] * lengthFactor[row + field];
      }
      // 0 + term score × boost, as exhaustive scoring adds it; the best expansion counts.
      const score = factor * fieldScore * docBoost[doc];
      const previous = scores[doc];
      if (previous === 0) into[scored++] = doc;
      if (score > previous) scores[doc] = score;
    }
  }
  return scored;
}

/** The k-th largest of the scores of the listed documents (k ≤ count). */
function kthBest(scores: Float64Array, docs: Int32Array, count: number, k: number): number {
  // A min-heap of the k best, in a plain array: k is small (the result limit).
  const heap: number[] = [];
  for (let i = 0; i < count; i++) {
    const score = scores[docs[i]];
    if (heap.length < k) {
      heap.push(score);
      for (let j = heap.length - 1; j > 0; ) {
        const parent = (j - 1) >> 1;
        if (heap[parent] <= heap[j]) break;
        [heap[parent], heap[j]] = [heap[j], heap[parent]];
        j = parent;
      }
    } else if (score > heap[0]) {
      heap[0] = score;
      for (let j = 0; ; ) {
        const left = 2 * j + 1;
        const right = left + 1;
        let lowest = j;
        if (left < k && heap[left] < heap[lowest]) lowest = left;
        if (right < k && heap[right] < heap[lowest]) lowest = right;
        if (lowest === j) break;
        [heap[lowest], heap[j]] = [heap[j], heap[lowest]];
        j = lowest;
      }
    }
  }
  return heap[0];
}

/**
 * Several terms, no document holding all (ranked by score × terms held): scores the fewest levels
 * (by terms held, most first) that hold k documents, then every lower level whose bound reaches the
 * k-th best found. Returns how many documents were scored (listed in `into`).
 */
export function scoreByLevels(
  pass: Pass,
  lists: readonly (readonly ScoredList[])[],
  held: Int32Array,
  k: number,
  into: Int32Array,
): number {
  const { index, matchedMask } = pass;
  let level = lists.length;
  for (let reached = held[level]; level > 1 && reached < k; ) reached += held[--level];
  const first = level;
  let scored = scoreEligible(pass, lists, (mask) => popcount(mask) >= first, into, 0);
  if (first === 1) return scored;
  let threshold = kthRanked(index.scores, matchedMask, into, scored, k);
  // The free bounds first; the lists' own only when those would score the next level.
  let bounds = levelBounds(pass, lists, false);
  if (bounds[first - 1] >= threshold) bounds = levelBounds(pass, lists, true);
  let lowest = first;
  while (lowest > 1 && bounds[lowest - 1] >= threshold) lowest--;
  const above = Math.max(lowest, 2);
  if (above < first)
    scored += scoreEligible(pass, lists, (mask) => popcount(mask) >= above && popcount(mask) < first, into, scored);
  if (lowest > 1) return scored;
  // Holding one term, a document's ranking score is that term's best expansion's: a list whose own
  // bound is below the k-th best found so far (which only grows) can neither bring one into the top
  // k nor give one in it its best score, as for one term.
  threshold = kthRanked(index.scores, matchedMask, into, scored, k);
  const reaching = lists.map((term) =>
    term.filter((list) => list.bound >= threshold && tighten(index, list, pass.boosts) >= threshold),
  );
  return scored + scoreEligible(pass, reaching, (mask) => (mask & (mask - 1)) === 0, into, scored);
}

/**
 * Several terms, no document holding all: the bound of the ranking score (score × terms held) of a
 * document holding `held` terms, for each `held` from 0 to the number of terms (increasing); from
 * the lists' free bounds, or `exact`, from their own (each list scanned once).
 */
export function levelBounds(pass: Pass, lists: readonly (readonly ScoredList[])[], exact: boolean): number[] {
  const termBounds = lists.map((term) =>
    term.reduce((max, list) => Math.max(max, exact ? tighten(pass.index, list, pass.boosts) : list.bound), 0),
  );
  termBounds.sort((a, b) => b - a);
  const bounds = [0];
  let sum = 0;
  for (let held = 1; held <= termBounds.length; held++) {
    sum += termBounds[held - 1];
    bounds.push(sum * held * MARGIN);
  }
  return bounds;
}

/** Position of the first document ≥ doc in an ascending list (its length when there is none). */
export function lowerBound(docs: Int32Array, doc: number): number {
  let low = 0;
  let high = docs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (docs[middle] < doc) low = middle + 1;
    else high = middle;
  }
  return low;
}
