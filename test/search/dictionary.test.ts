/**
 * The sorted term dictionary (src/search/dictionary.ts, decision 039) answers as the radix tree it
 * replaced (minisearch's SearchableMap) did, for generated vocabularies: the same term found, the
 * same terms a prefix begins, the same terms within an edit distance with the same distances; and
 * each term's postings are the ones packed for it.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import SearchableMap from "minisearch/SearchableMap";
import { TermDictionary } from "../../src/search/dictionary.ts";
import { packPostingsSteps } from "../../src/search/postings.ts";
import { finish } from "../../src/slices.ts";
import { runs } from "../support/fast-check-seed.ts";

/** Few letters (accents and a code's dot among them), so words share prefixes and typos land on words. */
const letter = fc.constantFrom("a", "b", "c", "e", "é", "r", "s", ".", "1", "œ");
const word = fc.array(letter, { minLength: 1, maxLength: 9 }).map((letters) => letters.join(""));
const vocabulary = fc.uniqueArray(word, { minLength: 0, maxLength: 120 });

/** One document per word, as the index packs them; the dictionary and the old tree over the same terms. */
function both(words: readonly string[]) {
  const packed = finish(
    packPostingsSteps(
      words.length,
      1,
      (doc) => [words[doc]],
      () => 1,
    ),
  );
  const dictionary = new TermDictionary(packed);
  const tree = new SearchableMap<number>();
  words.forEach((w, doc) => {
    tree.set(w, doc);
  });
  return { dictionary, tree };
}

/** A query: a word of the vocabulary, a piece of one, or anything made of the same letters. */
const queryOf = (words: readonly string[]) =>
  words.length === 0
    ? word
    : fc.oneof(
        fc.constantFrom(...words),
        fc.tuple(fc.constantFrom(...words), fc.nat(9)).map(([w, n]) => w.slice(0, n + 1)),
        word,
      );

describe("term dictionary", () => {
  test("finds the terms the radix tree finds, exactly and by prefix; postings follow their term", () => {
    fc.assert(
      fc.property(
        vocabulary.chain((words) => fc.tuple(fc.constant(words), fc.array(queryOf(words), { maxLength: 8 }))),
        ([words, queries]) => {
          const { dictionary, tree } = both(words);
          assert.equal(dictionary.size, words.length);
          for (let id = 0; id < dictionary.size; id++) {
            const term = dictionary.term(id);
            assert.deepEqual([...dictionary.entry(id).docs], [tree.get(term)], `postings of ${term}`);
            assert.equal(dictionary.count(id), 1);
          }
          for (const query of queries) {
            const found = dictionary.find(query);
            assert.equal(found >= 0 ? dictionary.term(found) : undefined, tree.has(query) ? query : undefined);
            const { start, end } = dictionary.prefixRange(query);
            const prefixed: string[] = [];
            for (let id = start; id < end; id++) prefixed.push(dictionary.term(id));
            assert.deepEqual(prefixed, [...tree.atPrefix(query).keys()].sort(), `words "${query}" begins`);
          }
        },
      ),
      { numRuns: runs(150) },
    );
  });

  test("reaches the terms the radix tree reaches within 1 or 2 edits, at the same distances", () => {
    fc.assert(
      fc.property(
        vocabulary.chain((words) =>
          fc.tuple(fc.constant(words), fc.array(queryOf(words), { maxLength: 6 }), fc.integer({ min: 1, max: 2 })),
        ),
        ([words, queries, maxDistance]) => {
          const { dictionary, tree } = both(words);
          for (const query of queries) {
            const reached = new Map<string, number>();
            dictionary.fuzzy(query, maxDistance, (id, distance) => reached.set(dictionary.term(id), distance));
            const expected = new Map([...tree.fuzzyGet(query, maxDistance)].map(([term, [, d]]) => [term, d]));
            assert.deepEqual(
              new Map([...reached].sort()),
              new Map([...expected].sort()),
              `within ${maxDistance} of "${query}"`,
            );
          }
        },
      ),
      { numRuns: runs(150) },
    );
  });

  test("a term abandoned by the typo walk does not take its neighbours with it", () => {
    // "axa" is out of reach of "abce" from its third letter; "axce", after it and sharing "ax", is one edit away.
    const { dictionary } = both(["axa", "axce", "abcé", "b"]);
    const reached = new Map<string, number>();
    dictionary.fuzzy("abce", 1, (id, distance) => reached.set(dictionary.term(id), distance));
    assert.deepEqual(
      reached,
      new Map([
        ["abcé", 1],
        ["axce", 1],
      ]),
    );
  });

  test("an empty dictionary finds nothing", () => {
    const { dictionary } = both([]);
    assert.equal(dictionary.find("a"), -1);
    assert.deepEqual(dictionary.prefixRange(""), { start: 0, end: 0 });
    let reached = 0;
    dictionary.fuzzy("abc", 2, () => reached++);
    assert.equal(reached, 0);
  });
});
