/**
 * The search API writes its answer from item fragments serialised once: the text must be exactly
 * what JSON.stringify gives for the same answer, for any answer shape (pure), and the API's answers
 * for ordinary queries must read the same on first and repeated asking (through the app).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { type SearchApiResponse, searchApiJson } from "../../src/api/search.ts";
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
});
