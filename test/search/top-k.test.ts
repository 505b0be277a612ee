/**
 * What makes a search request cheaper must not change its answer: the bounded top-k heap keeps
 * exactly the k a full sort would (score, then position), whatever the scores, ties and order; the
 * expansions an index remembers are the ones a fresh walk finds, and a query answered from them
 * gives the same results as the first time it was asked, with the remembered set staying bounded.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  buildInvertedIndex,
  cachedExpansions,
  EXPANSION_CACHE_TERMS,
  evaluate,
  expandTerm,
  type InvertedIndex,
  TopK,
  type WorkCounters,
} from "../../src/search/inverted.ts";
import { foldText } from "../../src/search/normalize.ts";
import { runs } from "../support/fast-check-seed.ts";

describe("bounded top-k (pure)", () => {
  test("equals the first k of a full sort, any scores, ties, order and k", () => {
    const offers = fc.uniqueArray(fc.nat({ max: 500 }), { maxLength: 200 }).chain((docs) =>
      fc
        .array(fc.oneof(fc.constantFrom(0, 0.5, 1, 2), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: docs.length,
          maxLength: docs.length,
        })
        .map((scores) => docs.map((doc, i) => ({ doc, score: scores[i] }))),
    );
    fc.assert(
      fc.property(offers, fc.integer({ min: 1, max: 60 }), (all, k) => {
        const top = new TopK(k);
        for (const { doc, score } of all) top.offer(doc, score);
        const full = [...all].sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
        assert.deepEqual(top.sorted(), full);
      }),
      { numRuns: runs(300) },
    );
  });
});

/** Words under a few shared stems, several per document, so prefixes and typos reach many. */
function wordsIndex(): { index: InvertedIndex; words: string[] } {
  let state = 11;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const letters = "abcdeilmnorstuvé";
  const vocabulary: string[] = [];
  for (const stem of ["re", "pa", "co", "bib", "ser"])
    for (let i = 0; i < 120; i++) {
      let word = stem;
      for (let j = 0, n = 1 + Math.floor(next() * 6); j < n; j++) word += letters[Math.floor(next() * letters.length)];
      vocabulary.push(foldText(word));
    }
  const documents = Array.from({ length: 400 }, () =>
    Array.from({ length: 2 + Math.floor(next() * 6) }, () => vocabulary[Math.floor(next() * vocabulary.length)]),
  );
  const index = buildInvertedIndex(
    documents.length,
    2,
    (doc, field) => (field === 0 ? documents[doc].slice(0, 2) : documents[doc].slice(2)),
    (doc) => 1 + (doc % 3) / 10,
  );
  return { index, words: [...new Set(vocabulary)] };
}

const counters = (): WorkCounters => ({ expansions: [], candidates: 0, prefixNodes: 0, postings: 0, scored: 0 });

describe("remembered expansions (pure)", () => {
  const { index, words } = wordsIndex();
  const term = fc.oneof(
    fc.constantFrom(...words),
    fc.tuple(fc.constantFrom(...words), fc.nat({ max: 4 })).map(([w, cut]) => w.slice(0, Math.max(1, w.length - cut))),
    fc.stringMatching(/^[a-z]{1,7}$/),
  );
  const termOptions = (t: string) => ({ prefix: t.length >= 2, fuzzy: t.length < 4 ? 0 : t.length < 7 ? 1 : 2 });

  test("equal a fresh walk, first time and remembered", () => {
    fc.assert(
      fc.property(term, fc.integer({ min: 1, max: 48 }), (t, cap) => {
        const fresh = expandTerm(index, t, termOptions(t), cap).map((e) => [e.term, e.weight]);
        assert.deepEqual(
          cachedExpansions(index, t, termOptions(t), cap).map((e) => [e.term, e.weight]),
          fresh,
        );
        assert.deepEqual(
          cachedExpansions(index, t, termOptions(t), cap).map((e) => [e.term, e.weight]),
          fresh,
        );
      }),
      { numRuns: runs(200) },
    );
  });

  test("a query asked again gives the same total, matches and scores; a remembered walk is not redone", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(term, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        (terms, limit) => {
          const options = { fieldBoosts: [2, 1], limit, options: termOptions };
          const first = evaluate(index, terms, options);
          const again = evaluate(index, terms, options);
          assert.deepEqual(
            { total: again.total, matches: again.matches, corrections: again.corrections },
            { total: first.total, matches: first.matches, corrections: first.corrections },
          );
          assert.equal(again.counters.candidates, 0, "every term's expansions were remembered");
          assert.deepEqual(again.counters.expansions, first.counters.expansions);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  test("stays bounded under a flood of distinct terms, and still answers right", () => {
    const { index: other } = wordsIndex();
    for (let i = 0; i < EXPANSION_CACHE_TERMS + 500; i++)
      cachedExpansions(other, `zz${i}`, { prefix: true, fuzzy: 0 }, 8);
    const work = counters();
    cachedExpansions(other, "zz0", { prefix: true, fuzzy: 0 }, 8, work);
    assert.ok(work.prefixNodes > 0, "the oldest term was forgotten, so it was walked again");
    const recent = counters();
    cachedExpansions(other, `zz${EXPANSION_CACHE_TERMS + 499}`, { prefix: true, fuzzy: 0 }, 8, recent);
    assert.equal(recent.prefixNodes, 0, "the most recent term is still remembered");
    assert.deepEqual(
      cachedExpansions(other, "re", { prefix: true, fuzzy: 0 }, 8).map((e) => e.term),
      expandTerm(other, "re", { prefix: true, fuzzy: 0 }, 8).map((e) => e.term),
    );
  });
});
