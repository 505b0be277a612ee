/**
 * The search index built in a worker thread (src/search/index-build.ts, decision 039) is the index
 * built in process: the same packed postings, the same words naming the terms, and the same answers
 * to every kind of query, for generated bilingual frameworks.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { FrameworkView } from "../../src/editions/catalog.ts";
import { buildTree, type ItemRow, urlKeys } from "../../src/frameworks/tree.ts";
import { buildSearchIndex, buildSearchIndexInBackground, search } from "../../src/search/engine.ts";
import { indexTextsOffThread } from "../../src/search/index-build.ts";
import { FIELD_COUNT, indexTextsSteps } from "../../src/search/texts.ts";
import { finish } from "../../src/slices.ts";
import { runs } from "../support/fast-check-seed.ts";

/** Words of both languages, accented and not, plurals, elisions, codes: what folding has to handle. */
const WORDS = [
  "budget",
  "budgets",
  "bibliothèque",
  "bibliotheques",
  "l'évaluation",
  "d'archives",
  "compétences",
  "competence",
  "community",
  "communities",
  "relations",
  "gérance",
  "ML.CR.6",
  "naïve",
  "Œuvre",
  "staff's",
  "reading",
  "lecture",
  "x",
  "42",
];

const text = fc.option(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((words) => words.join(" ")),
  { nil: null, freq: 4 },
);

/** Documents as the index reads them: FIELD_COUNT texts each, and a weight. */
const documents = fc.array(
  fc.record({
    texts: fc.array(text, { minLength: FIELD_COUNT, maxLength: FIELD_COUNT }),
    boost: fc.constantFrom(1, 1.1, 1.15, 1.3),
  }),
  { minLength: 0, maxLength: 60 },
);

describe("search index built in a worker thread", () => {
  test("the same packed postings and term words as built in process", async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (docs) => {
        const textOf = (doc: number, field: number) => docs[doc].texts[field];
        const boostOf = (doc: number) => docs[doc].boost;
        const here = finish(indexTextsSteps(docs.length, textOf, boostOf));
        const there = await indexTextsOffThread(docs.length, textOf, boostOf);
        assert.deepEqual(there.postings, here.postings);
        assert.deepEqual(there.words, here.words);
      }),
      { numRuns: runs(4) },
    );
  });

  test("texts sent in several batches (the worker indexes each as it arrives) give the same postings", async () => {
    // 2,600 documents: three batches of texts, the last one partial, and steps that straddle them.
    const docs = fc.sample(fc.array(text, { minLength: FIELD_COUNT, maxLength: FIELD_COUNT }), {
      numRuns: 2600,
      seed: 12,
    });
    const textOf = (doc: number, field: number) => docs[doc][field];
    const boostOf = (doc: number) => (doc % 3 === 0 ? 1.3 : 1);
    const here = finish(indexTextsSteps(docs.length, textOf, boostOf));
    const there = await indexTextsOffThread(docs.length, textOf, boostOf);
    assert.ok(here.postings.docs.length > 2600, "the documents hold terms");
    assert.deepEqual(there.postings, here.postings);
    assert.deepEqual(there.words, here.words);
  });

  test("a generated framework answers every query the same, built either way", async () => {
    const framework = fc.array(
      fc.record({
        en: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
        fr: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
        note: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }), { nil: null }),
        // Index of an earlier item as parent (-1: a root), so every tree is well formed.
        parent: fc.integer({ min: -1, max: 40 }),
      }),
      { minLength: 1, maxLength: 40 },
    );
    const queries = fc.array(
      fc.oneof(
        fc.constantFrom(...WORDS),
        fc.constantFrom(...WORDS).map((w) => w.slice(0, 2)),
        fc.constantFrom("budjet", "bibliotheque", "competnces", "relatons"),
        fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} ${b}`),
      ),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(framework, queries, async (items, asked) => {
        const rows: ItemRow[] = items.map((item, i) => ({
          id: `i${i}`,
          parent_id: item.parent >= 0 && item.parent < i ? `i${item.parent}` : null,
          type_code: item.parent >= 0 && item.parent < i ? "ksa" : "area",
          code: `C.${i}`,
          position: i,
          statement_en: item.en.join(" "),
          statement_fr: item.fr.join(" "),
          description_en: item.note?.join(" ") ?? null,
          description_fr: item.note ? [...item.note].reverse().join(" ") : null,
          updated_at: "2026-01-01T00:00:00.000Z",
        }));
        const tree = buildTree(rows);
        const keys = urlKeys(tree);
        const view: FrameworkView = {
          framework: { slug: "generated" } as FrameworkView["framework"],
          types: new Map(),
          tree,
          keys,
          byKey: new Map([...tree.byId.values()].map((n) => [keys.get(n.id) as string, n])),
          itemCount: tree.byId.size,
          lastUpdated: "2026-01-01T00:00:00.000Z",
        };
        const inProcess = buildSearchIndex([view]);
        // From 0 items: always in the worker.
        const inWorker = await buildSearchIndexInBackground([view], 0);
        for (const query of asked)
          for (const lang of ["en", "fr"] as const)
            assert.deepEqual(
              search(inWorker, query, { lang, limit: 50, countByFramework: true }),
              search(inProcess, query, { lang, limit: 50, countByFramework: true }),
              `${query} (${lang})`,
            );
      }),
      { numRuns: runs(3) },
    );
  });
});
