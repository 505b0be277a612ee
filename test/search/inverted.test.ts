import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { buildInvertedIndex, evaluate, MAX_EXPANSIONS, type QueryTermOptions } from "../../src/search/inverted.ts";
import { runs } from "../support/fast-check-seed.ts";

/** Documents as lists of fields, each a list of terms. */
function indexOf(docs: string[][][], boosts: number[] = docs.map(() => 1)) {
  const fieldCount = Math.max(1, ...docs.map((d) => d.length));
  return buildInvertedIndex(
    docs.length,
    fieldCount,
    (doc, field) => docs[doc][field] ?? [],
    (doc) => boosts[doc],
  );
}

const options =
  (o: Partial<QueryTermOptions> = {}) =>
  () => ({ prefix: true, fuzzy: 0, ...o });
const run = (
  index: ReturnType<typeof indexOf>,
  terms: string[],
  extra: { limit?: number; fuzzy?: number; prefix?: boolean } = {},
) =>
  evaluate(index, terms, {
    fieldBoosts: [1, 1, 1],
    limit: extra.limit ?? 50,
    options: options({ fuzzy: extra.fuzzy ?? 0, prefix: extra.prefix ?? true }),
  });

describe("evaluate", () => {
  const docs = [[["budget", "planning"]], [["budgets", "review"]], [["budgat", "review"]], [["planning", "review"]]];
  const index = indexOf(docs);

  test("an exact word ranks above a prefix match, which ranks above a typo", () => {
    const { matches } = run(index, ["budget"], { fuzzy: 1 });
    assert.deepEqual(
      matches.map((m) => m.doc),
      [0, 1, 2],
    );
    assert.deepEqual(matches[0].terms, ["budget"]);
    assert.deepEqual(matches[1].terms, ["budgets"]);
    assert.deepEqual(matches[2].terms, ["budgat"]);
  });

  test("without prefix or fuzzy, only the word itself", () => {
    assert.deepEqual(
      run(index, ["budget"], { prefix: false }).matches.map((m) => m.doc),
      [0],
    );
  });

  test("every query term must match when some document has them all", () => {
    const result = run(index, ["planning", "review"]);
    assert.equal(result.total, 1);
    assert.deepEqual(
      result.matches.map((m) => m.doc),
      [3],
    );
  });

  test("when none has them all, any will do, those holding more terms first", () => {
    const result = run(index, ["planning", "budget", "nothing"], { prefix: false });
    assert.equal(result.total, 2);
    assert.deepEqual(result.matches[0].doc, 0, "holds two of the terms");
  });

  test("a field's weight counts", () => {
    const twoFields = indexOf([
      [["other"], ["budget"]],
      [["budget"], ["other"]],
    ]);
    const result = evaluate(twoFields, ["budget"], { fieldBoosts: [3, 1], limit: 5, options: options() });
    assert.equal(result.matches[0].doc, 1);
  });

  test("a document's boost counts", () => {
    const boosted = indexOf([[["budget"]], [["budget"]]], [1, 2]);
    assert.equal(run(boosted, ["budget"]).matches[0].doc, 1);
  });

  test("the limit keeps the best, in order, and the total counts them all", () => {
    const many = indexOf(Array.from({ length: 30 }, (_, i) => [["word", ...Array(i % 7).fill("pad")]]));
    const all = run(many, ["word"], { limit: 100 });
    const top = run(many, ["word"], { limit: 5 });
    assert.equal(top.total, 30);
    assert.deepEqual(top.matches, all.matches.slice(0, 5));
  });

  test("a short prefix reaches at most MAX_EXPANSIONS terms", () => {
    const wide = indexOf(Array.from({ length: 200 }, (_, i) => [[`re${i.toString(36)}x`]]));
    const { matches } = run(wide, ["re"], { limit: 500 });
    assert.equal(matches.length, MAX_EXPANSIONS);
  });

  test("queries leave nothing behind: the same query gives the same answer after others", () => {
    const first = run(index, ["review"]);
    run(index, ["planning", "review"]);
    run(index, ["budget", "zzz"]);
    assert.deepEqual(run(index, ["review"]), first);
  });

  test("property: results are those holding every term (or any), sorted by score", () => {
    const vocabulary = ["alpha", "beta", "gamma", "delta", "epsilon"];
    const doc = fc.array(fc.array(fc.constantFrom(...vocabulary), { maxLength: 5 }), { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 25 }),
        fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }),
        (docs, terms) => {
          const index = indexOf(docs);
          const result = run(index, terms, { prefix: false, limit: 100 });
          const holds = (d: string[][], term: string) => d.some((field) => field.includes(term));
          const withAll = docs.map((d, i) => (terms.every((t) => holds(d, t)) ? i : -1)).filter((i) => i >= 0);
          const withAny = docs.map((d, i) => (terms.some((t) => holds(d, t)) ? i : -1)).filter((i) => i >= 0);
          const expected = withAll.length > 0 ? withAll : withAny;
          assert.deepEqual(
            result.matches.map((m) => m.doc).sort((a, b) => a - b),
            expected,
          );
          assert.equal(result.total, expected.length);
          const scores = result.matches.map((m) => m.score);
          assert.deepEqual(
            scores,
            [...scores].sort((a, b) => b - a),
          );
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
