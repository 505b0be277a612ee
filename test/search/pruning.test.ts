/**
 * Pruned scoring (src/search/pruning.ts, decision 031) returns exactly what scoring every document
 * returns: the same total, per-part counts and top k — documents, scores (to the last bit), order and
 * ties broken by position — for generated indexes (few or many fields, repeated lengths and boosts, so
 * scores tie), any query (one term, several, held by all documents or by none, prefixes and typos),
 * any limit and any range. Pruning is seen in the work counters, never by a clock.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { buildInvertedIndex, evaluate, type InvertedIndex } from "../../src/search/inverted.ts";
import { evaluateExhaustively } from "../support/exhaustive-search.ts";
import { runs } from "../support/fast-check-seed.ts";

const STEMS = ["re", "pa", "co", "ser", "bib"];
const LETTERS = [..."aeilmnorstu"];

interface Generated {
  index: InvertedIndex;
  words: string[];
  documentCount: number;
}

/** A generated index: a vocabulary under shared stems, documents of a few words per field. */
const generatedIndex: fc.Arbitrary<Generated> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    documentCount: fc.integer({ min: 1, max: 400 }),
    fieldCount: fc.integer({ min: 1, max: 5 }),
    vocabulary: fc.integer({ min: 3, max: 80 }),
    boosts: fc.constantFrom([1], [1, 1.15], [1, 1.1, 1.15, 1.3]),
  })
  .map(({ seed, documentCount, fieldCount, vocabulary, boosts }) => {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const words = Array.from({ length: vocabulary }, () => {
      let word = pick(STEMS);
      for (let i = 0, n = Math.floor(next() * 4); i < n; i++) word += pick(LETTERS);
      return word;
    });
    // Skewed: the first words are much more common, as in real text.
    const word = () => words[Math.floor(next() ** 2 * words.length)];
    const documents = Array.from({ length: documentCount }, () =>
      Array.from({ length: fieldCount }, () =>
        next() < 0.2 ? [] : Array.from({ length: 1 + Math.floor(next() * 5) }, word),
      ),
    );
    const index = buildInvertedIndex(
      documentCount,
      fieldCount,
      (doc, field) => documents[doc][field],
      () => pick(boosts),
    );
    return { index, words: [...new Set(words)], documentCount };
  });

const termOptions = (t: string) => ({ prefix: t.length >= 2, fuzzy: t.length < 4 ? 0 : t.length < 6 ? 1 : 2 });

const scenario = generatedIndex.chain((generated) => {
  const term = fc.oneof(
    fc.constantFrom(...generated.words),
    fc.constantFrom(...STEMS, "r", "s", "c"),
    fc.constantFrom(...generated.words).map((w) => `${w.slice(0, -1)}x`),
    fc.stringMatching(/^[a-z]{1,6}$/),
  );
  return fc.record({
    generated: fc.constant(generated),
    terms: fc.uniqueArray(term, { minLength: 1, maxLength: 6 }),
    limit: fc.integer({ min: 1, max: 40 }),
    fieldBoosts: fc.array(fc.constantFrom(1, 1.1, 2, 2.4, 3), { minLength: 5, maxLength: 5 }),
    cut: fc.tuple(fc.nat(), fc.nat()),
    parts: fc.boolean(),
  });
});

describe("pruned scoring equals exhaustive scoring (pure)", () => {
  test("same total, part counts and top k (ids, scores, order, ties) for any index, query, limit and range", () => {
    fc.assert(
      fc.property(scenario, ({ generated, terms, limit, fieldBoosts, cut, parts }) => {
        const n = generated.documentCount;
        const a = cut[0] % (n + 1);
        const b = cut[1] % (n + 1);
        const ranged = cut[0] % 3 === 0;
        const range = ranged ? { start: Math.min(a, b), end: Math.max(a, b) } : undefined;
        const starts = parts ? [0, Math.floor(n / 3), Math.floor(n / 2)] : undefined;
        const options = { fieldBoosts, limit, options: termOptions, range, parts: starts };
        const pruned = evaluate(generated.index, terms, options);
        const exhaustive = evaluateExhaustively(generated.index, terms, options);
        assert.equal(pruned.total, exhaustive.total);
        assert.deepEqual(pruned.matches, exhaustive.matches);
        assert.deepEqual(pruned.partCounts, exhaustive.partCounts);
        assert.ok(pruned.counters.scored <= pruned.counters.postings);
      }),
      { numRuns: runs(400) },
    );
  });

  test("queries asked one after another leave nothing behind (the scratch space is reset)", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
        ({ generated, terms, limit }, order) => {
          const options = { fieldBoosts: [3, 2.4, 1.1, 1, 2], limit, options: termOptions };
          for (const i of order) {
            const query = terms.slice(i % terms.length);
            assert.deepEqual(
              evaluate(generated.index, query, options).matches,
              evaluateExhaustively(generated.index, query, options).matches,
            );
          }
        },
      ),
      { numRuns: runs(100) },
    );
  });

  test("a word with many longer words under it scores fewer documents than it counts", () => {
    // "re" reaches the exact word and every longer one; a long word weighs less, and the few
    // documents holding the exact word outrank all of them.
    const words = ["re", ...Array.from({ length: 40 }, (_, i) => `re${"abcdefghijklmnopqrstuvwxyz"[i % 26]}${i}xyz`)];
    const documents = Array.from({ length: 2000 }, (_, doc) => (doc % 50 === 0 ? ["re"] : [words[1 + (doc % 40)]]));
    const index = buildInvertedIndex(
      documents.length,
      1,
      (doc) => documents[doc],
      () => 1,
    );
    const options = { fieldBoosts: [1], limit: 10, options: () => ({ prefix: true, fuzzy: 0 }) };
    const pruned = evaluate(index, ["re"], options);
    assert.deepEqual(pruned.matches, evaluateExhaustively(index, ["re"], options).matches);
    assert.equal(pruned.total, 2000);
    assert.ok(pruned.counters.scored < pruned.total / 2, `${pruned.counters.scored} scored of ${pruned.total}`);
  });
});
