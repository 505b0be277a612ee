/**
 * The search API writes its answer from item fragments serialised once: the text must be exactly
 * what JSON.stringify gives for the same answer, for any answer shape (pure), and the API's answers
 * for ordinary queries must read the same on first and repeated asking (through the app).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { FragmentStore, fragmentCounts, type SearchApiResponse, searchApiJson } from "../../src/api/search.ts";
import { makeTestApp } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { ODD_TEXTS } from "../support/generated-tree.ts";

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...ODD_TEXTS));
const statement = fc.record({ en: fc.option(text), fr: fc.option(text) });
const item = fc.record({ id: fc.uuid(), key: text, code: fc.option(text), statement });

const response: fc.Arbitrary<SearchApiResponse> = fc.record(
  {
    query: text,
    correctedQuery: text,
    termsIgnored: fc.nat(),
    lang: fc.constantFrom("en" as const, "fr" as const),
    total: fc.nat(),
    groups: fc.array(
      fc.record({
        area: fc.record({ id: fc.uuid(), key: text, code: fc.option(text), statement, frameworkSlug: text }),
        hits: fc.array(
          fc
            .tuple(
              item,
              fc.constantFrom("area", "competency", "ksa"),
              fc.array(text, { maxLength: 3 }),
              fc.double({ noNaN: true, noDefaultInfinity: true }),
            )
            // In the engine's order (src/search/engine.ts builds every hit so).
            .map(([i, type, matchedTerms, score]) => ({
              id: i.id,
              key: i.key,
              code: i.code,
              type,
              statement: i.statement,
              matchedTerms,
              score,
            })),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: ["query", "lang", "total", "groups"] },
);

describe("search answer JSON (pure)", () => {
  test("is JSON.stringify's text for any answer, first time and with its fragments kept", () => {
    fc.assert(
      fc.property(response, (body) => {
        assert.equal(searchApiJson(body), JSON.stringify(body));
        assert.equal(searchApiJson(body), JSON.stringify(body), "again, from kept fragments");
      }),
      { numRuns: runs(200) },
    );
  });

  test("an item whose fields differ from the kept fragment's is serialised again", () => {
    const shared = { en: "Shared", fr: "Partagé" };
    const hit = (id: string, type: string) => ({
      id,
      key: id,
      code: null,
      type,
      statement: shared,
      matchedTerms: [],
      score: 1,
    });
    const area = { id: "a", key: "a", code: null, statement: shared, frameworkSlug: "s" };
    const first: SearchApiResponse = { query: "x", lang: "en", total: 1, groups: [{ area, hits: [hit("1", "ksa")] }] };
    const second: SearchApiResponse = {
      query: "x",
      lang: "en",
      total: 1,
      groups: [{ area: { ...area, frameworkSlug: "t" }, hits: [hit("2", "area")] }],
    };
    assert.equal(searchApiJson(first), JSON.stringify(first));
    assert.equal(searchApiJson(second), JSON.stringify(second));
    shared.fr = "Modifié";
    assert.equal(searchApiJson(first), JSON.stringify(first));
  });
});

describe("search answer JSON: fragments kept by item id", () => {
  // Ids from a pool of three, so answers keep meeting ids kept with other fields (another edition's
  // text, another framework's item of the same id, another type): each must still read as its own.
  const sharedId = fc.constantFrom("a", "b", "c");
  const shared = fc.record({ id: sharedId, key: text, code: fc.option(text), statement });
  const answer: fc.Arbitrary<SearchApiResponse> = fc.record({
    query: text,
    lang: fc.constantFrom("en" as const, "fr" as const),
    total: fc.nat(),
    groups: fc.array(
      fc.record({
        area: fc.record({ id: sharedId, key: text, code: fc.option(text), statement, frameworkSlug: text }),
        hits: fc.array(
          fc.tuple(shared, fc.constantFrom("area", "competency", "ksa")).map(([i, type]) => ({
            id: i.id,
            key: i.key,
            code: i.code,
            type,
            statement: i.statement,
            matchedTerms: [],
            score: 1,
          })),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 3 },
    ),
  });

  test("answers whose items share ids with different fields are each JSON.stringify's text", () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 2, maxLength: 6 }), (answers) => {
        for (const body of [...answers, ...answers.reverse()]) assert.equal(searchApiJson(body), JSON.stringify(body));
      }),
      { numRuns: runs(200) },
    );
  });

  test("an item read again as a fresh object (as compact views hand it out) reuses its fragment", () => {
    const id = "fresh-object-item";
    const body = (): SearchApiResponse => ({
      query: "x",
      lang: "en",
      total: 1,
      groups: [
        {
          area: { id, key: "k", code: null, statement: { en: "Area", fr: "Domaine" }, frameworkSlug: "s" },
          hits: [
            {
              id,
              key: "k",
              code: null,
              type: "area",
              statement: { en: "Area", fr: "Domaine" },
              matchedTerms: [],
              score: 1,
            },
          ],
        },
      ],
    });
    assert.equal(searchApiJson(body()), JSON.stringify(body()));
    const kept = fragmentCounts();
    for (let i = 0; i < 50; i++) assert.equal(searchApiJson(body()), JSON.stringify(body()));
    assert.deepEqual(fragmentCounts(), kept, "no fragment added for the same item read again");
  });

  test("the store holds at most two generations, and keeps an item asked for often", () => {
    const store = new FragmentStore(100);
    const fragment = (json: string) => ({ key: "k", code: null, other: "o", en: "e", fr: "f", json });
    store.set("hot", fragment("hot"));
    for (let i = 0; i < 10_000; i++) {
      store.set(`item-${i}`, fragment(String(i)));
      assert.ok(store.size <= 200, `at most two generations (${store.size} after ${i + 1})`);
      if (i % 50 === 0) assert.equal(store.get("hot")?.json, "hot", `still kept after ${i + 1} others`);
    }
    assert.equal(store.get("item-0"), undefined, "an item not asked for again is dropped");
    assert.equal(store.get("item-9999")?.json, "9999");
  });
});

describe("search API answers", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t.close());

  test("ordinary queries: standard JSON, the same on repeated asking, as application/json", async () => {
    for (const q of ["community", "budjet", "collectivité", "co", "s", "staff training", "service à la clientèle"])
      for (const lang of ["en", "fr"]) {
        const path = `/api/v1/search?q=${encodeURIComponent(q)}&lang=${lang}`;
        const first = await t.app.request(path);
        assert.equal(first.status, 200);
        assert.match(first.headers.get("content-type") ?? "", /^application\/json/);
        const body = await first.text();
        assert.equal(body, JSON.stringify(JSON.parse(body)), path);
        assert.equal(await (await t.app.request(path)).text(), body, `${path} asked again`);
      }
  });

  test("searched again (answers not kept), no fragment is added: the views' fresh objects find them by id", async () => {
    const searched = await makeTestApp({ env: { SEARCH_CACHE: "off" } });
    try {
      const path = "/api/v1/search?q=community&lang=fr";
      const first = await searched.app.request(path);
      assert.equal(first.headers.get("x-cache"), null);
      const body = await first.text();
      assert.ok((JSON.parse(body) as { total: number }).total > 0);
      const kept = fragmentCounts();
      assert.ok(kept.hits > 0 && kept.areas > 0);
      const again = await searched.app.request(path);
      assert.equal(again.headers.get("x-cache"), null, "searched, not a kept answer");
      assert.equal(await again.text(), body);
      assert.deepEqual(fragmentCounts(), kept);
    } finally {
      await searched.close();
    }
  });
});
