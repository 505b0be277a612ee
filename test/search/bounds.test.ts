/**
 * Search bounds its work: long queries are cut to MAX_QUERY_TERMS distinct terms (and say so),
 * prefix and typo-tolerant expansion are capped per term and per query, and the capped prefix walk
 * keeps exactly the terms looking at every word would. Work is read from the engine's counters, never
 * from a clock.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { MAX_LIMIT, type SearchIndex, search, searchIndexFor } from "../../src/search/engine.ts";
import {
  buildInvertedIndex,
  type Expansion,
  expandTerm,
  expansionCap,
  type InvertedIndex,
  MAX_EXPANSIONS,
  MAX_FUZZY_EXPANSIONS,
  MAX_QUERY_EXPANSIONS,
  type QueryTermOptions,
  type WorkCounters,
} from "../../src/search/inverted.ts";
import { foldText, MAX_QUERY_TERMS, readTerms } from "../../src/search/normalize.ts";
import { makeTestApp } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";

/** A deterministic vocabulary crowded under a few prefixes ("re…", "pa…"), one word per document. */
function crowdedIndex(): { index: InvertedIndex; words: string[] } {
  const words = new Set<string>();
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const letters = "abcdefghijklmnopqrstuvwxyzé";
  for (const stem of ["re", "pa", "co", "bib"])
    for (let i = 0; i < 1500; i++) {
      let word = stem;
      const length = 1 + Math.floor(next() * 8);
      for (let j = 0; j < length; j++) word += letters[Math.floor(next() * letters.length)];
      words.add(foldText(word));
    }
  const list = [...words];
  const index = buildInvertedIndex(
    list.length,
    1,
    (doc) => [list[doc]],
    () => 1,
  );
  return { index, words: list };
}

/** Edit distance (insertions, deletions, substitutions), the textbook way: the oracle for typos. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j] + 1, row[j - 1] + 1);
    previous = row;
  }
  return previous[b.length];
}

// One document per word: every term is held by one document, so the rarer-term rule never decides.
type Reached = Pick<Expansion, "term" | "weight">;
const byRank = (a: Reached, b: Reached) => b.weight - a.weight || (a.term < b.term ? -1 : 1);

/**
 * What the capped expansion must equal: every word of the vocabulary looked at (exact, every word
 * the term begins, every word within the edit distance), then ranked and cut.
 */
function exhaustive(words: readonly string[], term: string, options: QueryTermOptions, cap: number): string[] {
  const found = new Map<string, Pick<Expansion, "term" | "weight">>();
  const offer = (e: Pick<Expansion, "term" | "weight">) => {
    const known = found.get(e.term);
    if (!known || known.weight < e.weight) found.set(e.term, e);
  };
  if (words.includes(term)) offer({ term, weight: 1 });
  if (options.prefix)
    for (const derived of words) {
      if (derived === term || !derived.startsWith(term)) continue;
      const extra = derived.length - term.length;
      offer({ term: derived, weight: (0.375 * term.length) / (term.length + 0.3 * extra) });
    }
  if (options.fuzzy > 0) {
    const typos: Pick<Expansion, "term" | "weight">[] = [];
    for (const derived of words) {
      const distance = levenshtein(derived, term);
      if (distance > 0 && distance <= options.fuzzy)
        typos.push({ term: derived, weight: (0.45 * term.length) / (term.length + distance) });
    }
    typos.sort(byRank);
    for (const typo of typos.slice(0, MAX_FUZZY_EXPANSIONS)) offer(typo);
  }
  return [...found.values()]
    .sort(byRank)
    .slice(0, cap)
    .map((e) => e.term);
}

const counters = (): WorkCounters => ({ expansions: [], candidates: 0, prefixNodes: 0, postings: 0, scored: 0 });

describe("capped expansion (pure)", () => {
  const { index, words } = crowdedIndex();

  test("keeps exactly the terms a walk of every word would keep", () => {
    const prefixOf = fc
      .tuple(fc.constantFrom(...words), fc.integer({ min: 1, max: 6 }))
      .map(([word, length]) => word.slice(0, length));
    fc.assert(
      fc.property(prefixOf, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 60 }), (term, fuzzy, cap) => {
        const options = { prefix: term.length >= 2, fuzzy };
        assert.deepEqual(
          expandTerm(index, term, options, cap).map((e) => e.term),
          exhaustive(words, term, options, cap),
        );
      }),
      { numRuns: runs(120) },
    );
  });

  test("a two-letter prefix under thousands of words offers a small part of them", () => {
    const under = words.filter((w) => w.startsWith("re")).length;
    assert.ok(under > 1000, `${under} words begin with "re"`);
    const work = counters();
    const reached = expandTerm(index, "re", { prefix: true, fuzzy: 0 }, MAX_EXPANSIONS, work);
    assert.equal(reached.length, MAX_EXPANSIONS);
    const whole = counters();
    expandTerm(index, "re", { prefix: true, fuzzy: 0 }, Number.POSITIVE_INFINITY, whole);
    assert.ok(whole.candidates >= under, "an uncapped walk offers every word");
    assert.ok(work.candidates < under / 2, `${work.candidates} candidates offered of ${under}`);
  });

  test("typo tolerance reaches at most MAX_FUZZY_EXPANSIONS terms", () => {
    const reached = expandTerm(index, "rezzzz", { prefix: false, fuzzy: 2 }, MAX_EXPANSIONS);
    assert.ok(reached.filter((e) => e.distance > 0).length <= MAX_FUZZY_EXPANSIONS);
  });

  test("the per-term cap shrinks as a query grows, within the query's budget", () => {
    for (let terms = 1; terms <= MAX_QUERY_TERMS; terms++) {
      const cap = expansionCap(terms);
      assert.ok(cap <= MAX_EXPANSIONS && cap * terms <= Math.max(MAX_QUERY_EXPANSIONS, 8 * terms), `${terms}: ${cap}`);
    }
    assert.equal(expansionCap(1), MAX_EXPANSIONS);
  });
});

describe("long queries (pure)", () => {
  test("a 50-word query keeps its first MAX_QUERY_TERMS distinct terms and counts the rest", () => {
    const words = Array.from({ length: 50 }, (_, i) => `mot${String.fromCharCode(97 + (i % 26))}${i}`);
    const { terms, ignored } = readTerms(words.join(" "));
    assert.equal(terms.length, MAX_QUERY_TERMS);
    assert.deepEqual(terms, words.slice(0, MAX_QUERY_TERMS));
    assert.equal(ignored, 50 - MAX_QUERY_TERMS);
  });

  test("repeated and stop words are not counted as left out", () => {
    assert.deepEqual(readTerms("the library the library of the library"), { terms: ["library"], ignored: 0 });
  });
});

describe("bounded search over the starter framework", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let index: SearchIndex;
  before(async () => {
    t = await makeTestApp();
    index = await searchIndexFor(t.catalog);
  });
  after(async () => {
    await t?.close();
  });

  const sentence =
    "community partnerships budget planning collections reference service children literacy programs technology privacy safety reconciliation volunteers marketing";
  const longQueries = {
    "200 characters": `${sentence} ${sentence}`.slice(0, 200),
    "1,000 characters": `${sentence} `.repeat(8).slice(0, 1000),
    "50 words": Array.from({ length: 50 }, (_, i) => sentence.split(" ")[i % 16] + (i >= 16 ? "s" : "")).join(" "),
  };

  for (const [name, query] of Object.entries(longQueries)) {
    test(`a ${name} query answers within the expansion budget`, () => {
      const results = search(index, query, { lang: "en", limit: 20, measure: true });
      const work = results.work as WorkCounters;
      assert.ok(work.expansions.length <= MAX_QUERY_TERMS, `${work.expansions.length} terms`);
      const cap = expansionCap(work.expansions.length);
      for (const reached of work.expansions) assert.ok(reached <= cap, `${reached} > ${cap}`);
      const total = work.expansions.reduce((a, b) => a + b, 0);
      assert.ok(total <= MAX_QUERY_EXPANSIONS, `${total} index terms reached`);
      assert.ok(work.scored <= index.items.length);
    });
  }

  test("a query with more distinct words than are searched says so, in the API and on the page", async () => {
    const query = longQueries["50 words"];
    const results = search(index, query, { lang: "en", limit: 20 });
    assert.ok((results.termsIgnored ?? 0) > 0);
    const api = (await (await t.app.request(`/api/v1/search?q=${encodeURIComponent(query)}`)).json()) as {
      termsIgnored?: number;
    };
    assert.equal(api.termsIgnored, results.termsIgnored);
    for (const lang of ["en", "fr"] as const) {
      const page = await (await t.app.request(`/${lang}/search?q=${encodeURIComponent(query)}`)).text();
      const said =
        lang === "en"
          ? `Only the first ${MAX_QUERY_TERMS} words were searched`
          : `Seuls les ${MAX_QUERY_TERMS} premiers`;
      assert.ok(page.includes(said), `${lang}: ${said}`);
    }
    const short = await (await t.app.request("/api/v1/search?q=budget")).json();
    assert.equal((short as { termsIgnored?: number }).termsIgnored, undefined);
  });

  test("every item holding a word of its statement is found by that word, accented or not", () => {
    const statementWords = [
      ...new Set(
        [...index.items].flatMap((item) =>
          (item.node.statement.fr ?? "").split(/[^\p{L}]+/u).filter((w) => w.length >= 6 && /[à-ÿ]/.test(w)),
        ),
      ),
    ];
    assert.ok(statementWords.length > 10);
    fc.assert(
      fc.property(fc.constantFrom(...statementWords), (word) => {
        const holders = [...index.items]
          .filter((item) => (item.node.statement.fr ?? "").split(/[^\p{L}]+/u).includes(word))
          .map((item) => item.node.id);
        for (const typed of [word, foldText(word)]) {
          const found = new Set(
            search(index, typed, { lang: "fr", limit: MAX_LIMIT }).groups.flatMap((g) => g.hits.map((h) => h.id)),
          );
          const total = search(index, typed, { lang: "fr", limit: MAX_LIMIT }).total;
          if (total <= MAX_LIMIT)
            for (const id of holders) assert.ok(found.has(id), `“${typed}” finds the item holding “${word}”`);
          assert.ok(total >= holders.length, `“${typed}”: ${total} results, ${holders.length} holders`);
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
