/** GET /api/v1/search in process: the grouped JSON, its parameters, and refusals of bad ones only. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { SearchApiResponse } from "../../src/api/search.ts";
import { DEFAULT_LIMIT, MAX_LIMIT } from "../../src/search/engine.ts";
import { makeTestApp } from "../support/app.ts";

let t: Awaited<ReturnType<typeof makeTestApp>>;
before(async () => {
  t = await makeTestApp();
});
after(async () => {
  await t?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
const api = (params: Record<string, string>) => `/api/v1/search?${new URLSearchParams(params)}`;
const hitCount = (body: SearchApiResponse) => body.groups.reduce((n, g) => n + g.hits.length, 0);

describe("GET /api/v1/search", () => {
  test("results grouped by area, with bilingual texts, matched terms and scores", async () => {
    const res = await get(api({ q: "partenariat", lang: "fr" }));
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    const body = (await res.json()) as SearchApiResponse;
    assert.equal(body.query, "partenariat");
    assert.equal(body.lang, "fr");
    assert.ok(body.total > 0);
    const group = body.groups.find((g) => g.area.code === "ML.CR");
    assert.ok(group);
    assert.deepEqual(group.area.statement, { en: "Community Relations", fr: "Relations avec la communauté" });
    assert.equal(group.area.frameworkSlug, "public-library-staff");
    const hit = group.hits.find((h) => h.key === "ML.CR.6");
    assert.ok(hit);
    assert.equal(hit.type, "competency");
    assert.match(hit.statement.fr ?? "", /^Établit des partenariats profitables/);
    assert.ok(hit.matchedTerms.length > 0 && typeof hit.score === "number");
  });

  test("lang defaults to the caller's Accept-Language, then English", async () => {
    const fr = (await (
      await get(api({ q: "budget" }), { "accept-language": "fr-CA,fr;q=0.9" })
    ).json()) as SearchApiResponse;
    assert.equal(fr.lang, "fr");
    const en = (await (await get(api({ q: "budget" }))).json()) as SearchApiResponse;
    assert.equal(en.lang, "en");
  });

  test("limit caps the hits; total counts them all", async () => {
    const capped = (await (await get(api({ q: "library", limit: "3" }))).json()) as SearchApiResponse;
    assert.equal(hitCount(capped), 3);
    assert.ok(capped.total > 3);
    const standard = (await (await get(api({ q: "library" }))).json()) as SearchApiResponse;
    assert.equal(hitCount(standard), Math.min(DEFAULT_LIMIT, standard.total));
  });

  test("any q gives 200: empty, missing, huge, hostile, malformed percent-encoding", async () => {
    const queries = [
      "",
      "x".repeat(10_000),
      "c++ (x",
      "<script>alert(1)</script>",
      "' OR 1=1 --",
      "\u0000\u0007",
      "😀",
    ];
    for (const q of queries) {
      const res = await get(api({ q }));
      assert.equal(res.status, 200, JSON.stringify(q.slice(0, 20)));
      const body = (await res.json()) as SearchApiResponse;
      assert.ok(Array.from(body.query).length <= 200);
    }
    for (const path of [
      "/api/v1/search",
      "/api/v1/search?q=%E0%A4%A",
      "/api/v1/search?q=%",
      "/api/v1/search?q=a&q=b",
    ]) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
    }
    const empty = (await (await get("/api/v1/search?q=")).json()) as SearchApiResponse;
    assert.deepEqual({ total: empty.total, groups: empty.groups }, { total: 0, groups: [] });
  });

  test("400 with a translated message for a bad lang or limit", async () => {
    const bad: Record<string, string>[] = [
      { lang: "de" },
      { lang: "" },
      { lang: "EN" },
      { limit: "0" },
      { limit: "-1" },
      { limit: String(MAX_LIMIT + 1) },
      { limit: "abc" },
      { limit: "1.5" },
      { limit: "1e3" },
      { limit: "" },
      { limit: "99999999999999999999" },
    ];
    for (const params of bad) {
      const res = await get(api({ q: "budget", ...params }));
      assert.equal(res.status, 400, JSON.stringify(params));
      const body = (await res.json()) as { error: string; message: string };
      assert.equal(body.error, "bad_request");
      assert.ok(body.message.length > 0);
    }
    const fr = (await (await get(api({ q: "x", lang: "xx" }), { "accept-language": "fr" })).json()) as {
      message: string;
    };
    assert.match(fr.message, /langue/);
    const en = (await (await get(api({ q: "x", limit: "0" }))).json()) as { message: string };
    assert.match(en.message, /limit/);
  });

  test("the largest limit is accepted", async () => {
    const res = await get(api({ q: "library", limit: String(MAX_LIMIT) }));
    assert.equal(res.status, 200);
  });
});

describe("with nothing published", () => {
  test("the page and the API answer normally, with no results", async () => {
    const empty = await makeTestApp({ starter: false });
    try {
      const page = await empty.app.request("/en/search?q=budget");
      assert.equal(page.status, 200);
      assert.match(await page.text(), /No results for “budget”/);
      const res = await empty.app.request("/api/v1/search?q=budget");
      assert.equal(res.status, 200);
      const body = (await res.json()) as SearchApiResponse;
      assert.deepEqual({ total: body.total, groups: body.groups }, { total: 0, groups: [] });
    } finally {
      await empty.close();
    }
  });
});
