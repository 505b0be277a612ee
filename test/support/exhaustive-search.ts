/**
 * The search index's evaluation as it was before pruning (src/search/inverted.ts until decision 031):
 * every document reached by a query is scored. The reference the pruned evaluation must equal.
 */
import {
  cachedExpansions,
  type EvaluateOptions,
  type Expansion,
  expansionCap,
  type InvertedIndex,
  MAX_TERMS,
  type Match,
} from "../../src/search/inverted.ts";
import { lowerBound } from "../../src/search/pruning.ts";

export interface ExhaustiveEvaluation {
  total: number;
  matches: Match[];
  partCounts?: number[];
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function partOf(starts: readonly number[], doc: number): number {
  let part = 0;
  while (part + 1 < starts.length && starts[part + 1] <= doc) part++;
  return part;
}

export function evaluateExhaustively(
  index: InvertedIndex,
  queryTerms: readonly string[],
  options: EvaluateOptions,
): ExhaustiveEvaluation {
  const terms = queryTerms.slice(0, MAX_TERMS);
  const cap = expansionCap(terms.length);
  const { lengthFactor, docBoost, fieldCount } = index;
  const n = index.documentCount;
  const scores = new Float64Array(n);
  const termScores = new Float64Array(n);
  const matchedMask = new Uint16Array(n);
  const touched: number[] = [];
  const boosts = options.fieldBoosts;
  const start = options.range?.start ?? 0;
  const end = options.range?.end ?? n;
  const expansions: Expansion[][] = [];
  terms.forEach((term, position) => {
    const bit = 1 << position;
    const reached = cachedExpansions(index, term, options.options(term), cap);
    expansions.push(reached);
    const termTouched: number[] = [];
    for (const { entry, weight } of reached) {
      const df = entry.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const factor = weight * idf;
      const { docs, fields } = entry;
      for (let i = start === 0 ? 0 : lowerBound(docs, start); i < docs.length && docs[i] < end; i++) {
        const doc = docs[i];
        let mask = fields[i];
        let fieldScore = 0;
        const row = doc * fieldCount;
        for (let field = 0; mask !== 0; field++, mask >>= 1) {
          if (mask & 1) fieldScore += boosts[field] * lengthFactor[row + field];
        }
        const score = factor * fieldScore;
        const previous = termScores[doc];
        if (previous === 0) termTouched.push(doc);
        if (score > previous) termScores[doc] = score;
      }
    }
    for (const doc of termTouched) {
      if (matchedMask[doc] === 0) touched.push(doc);
      matchedMask[doc] |= bit;
      scores[doc] += termScores[doc] * docBoost[doc];
      termScores[doc] = 0;
    }
  });
  const all = (1 << terms.length) - 1;
  const requireAll = touched.some((doc) => matchedMask[doc] === all);
  const results = requireAll ? touched.filter((doc) => matchedMask[doc] === all) : touched;
  const ranked = results
    .map((doc) => ({ doc, score: requireAll ? scores[doc] : scores[doc] * popcount(matchedMask[doc]) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, Math.max(1, options.limit));
  const matches = ranked.map(({ doc, score }) => ({
    doc,
    score,
    terms: expansions.flatMap((reached) => reached.filter((e) => e.entry.docs.includes(doc)).map((e) => e.term)),
  }));
  const parts = options.parts;
  const partCounts = parts ? parts.map(() => 0) : undefined;
  if (parts && partCounts) for (const doc of results) partCounts[partOf(parts, doc)]++;
  return { total: results.length, matches, ...(partCounts ? { partCounts } : {}) };
}
