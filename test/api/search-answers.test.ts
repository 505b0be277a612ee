/**
 * The search API's fast path and its kept answers (src/api/search-answers.ts): for any query and
 * parameters, an anonymous GET answered by the fast path — searched afresh or kept — is the answer
 * the full stack gives (status, body, every header but the request id); refused requests are
 * refused as before; a new revision is never answered from the previous one's answers; the kept
 * answers stay within their bounds.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { Hono } from "hono";
import { searchApiRoutes } from "../../src/api/search.ts";
import { createSearchAnswers, SEARCH_API_PATH } from "../../src/api/search-answers.ts";
import type { AppEnv } from "../../src/app-env.ts";
import { COOKIE_PREFIX } from "../../src/auth/session-settings.ts";
import { readConfig } from "../../src/config.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { createLogger } from "../../src/log.ts";
import { makeTestApp, openTestDatabase, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";

/** A session cookie (of nobody) sends a request through the full stack: the reference answer. */
const FULL_STACK = { cookie: `${COOKIE_PREFIX}.session_token=nobody` };

type App = Awaited<ReturnType<typeof makeTestApp>>;

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
  cache: string | null;
}

async function ask(t: App, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await t.app.request(path, { headers });
  const kept: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== "x-request-id" && name !== "x-cache") kept[name] = value;
  });
  assert.match(response.headers.get("x-request-id") ?? "", /^[\w-]+$/, `${path}: a request id`);
  return {
    status: response.status,
    body: await response.text(),
    headers: kept,
    cache: response.headers.get("x-cache"),
  };
}

/** Words of the starter, fragments, typos, accents, junk and long runs: every kind of query. */
const query = fc.oneof(
  fc.constantFrom("partnership", "partenariat", "budjet", "co", "s", "communauté", "communaute", "ML.CR.6", ""),
  fc
    .array(fc.constantFrom("service", "staff", "collection", "données", "the", "plan", "équipe"), { maxLength: 14 })
    .map((words) => words.join(" ")),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 260 }),
);

const request = fc.record({
  q: fc.option(query, { nil: undefined }),
  lang: fc.constantFrom(undefined, "en", "fr"),
  limit: fc.constantFrom(undefined, "1", "5", "200"),
  framework: fc.constantFrom(undefined, "public-library-staff"),
  acceptLanguage: fc.constantFrom(undefined, "fr-CA,fr;q=0.9", "en"),
});

function pathOf(r: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const name of ["q", "lang", "limit", "framework"])
    if (typeof r[name] === "string") params.set(name, r[name] as string);
  return `${SEARCH_API_PATH}?${params}`;
}

for (const dialect of testDialects()) {
  describe(`search API fast path (${dialect})`, () => {
    let cached: App;
    let uncached: App;
    before(async () => {
      cached = await makeTestApp({ dialect });
      uncached = await makeTestApp({ dialect, env: { SEARCH_CACHE: "off" } });
      // The first answer of each goes through the full stack, which the fast path learns from.
      for (const t of [cached, uncached]) assert.equal((await ask(t, `${SEARCH_API_PATH}?q=service`)).status, 200);
    });
    after(async () => {
      await cached?.close();
      await uncached?.close();
    });

    test("any query and parameters: the fast answer, searched or kept, is the full stack's", async () => {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const path = pathOf(r);
          const headers: Record<string, string> = r.acceptLanguage ? { "accept-language": r.acceptLanguage } : {};
          const reference = await ask(uncached, path, { ...headers, ...FULL_STACK });
          assert.equal(reference.status, 200);
          const searched = await ask(uncached, path, headers);
          assert.deepEqual(searched, { ...reference, cache: null }, path);
          const first = await ask(cached, path, headers);
          const again = await ask(cached, path, headers);
          assert.deepEqual({ ...first, cache: null }, searched, path);
          assert.deepEqual(again, { ...searched, cache: "hit" }, `${path}, kept`);
        }),
        { numRuns: runs(dialect === "sqlite" ? 60 : 15) },
      );
    });

    test("a query spelt differently but cleaned the same is one kept answer", async () => {
      const first = await ask(cached, `${SEARCH_API_PATH}?q=${encodeURIComponent("  staff   training ")}&lang=en`);
      const again = await ask(cached, `${SEARCH_API_PATH}?q=staff%20training&lang=en&utm_source=x`);
      assert.equal(again.cache, "hit");
      assert.equal(again.body, first.body);
    });

    test("refusals are the full stack's: bad parameters 400, an unknown framework 404", async () => {
      for (const [path, status] of [
        [`${SEARCH_API_PATH}?q=x&lang=de`, 400],
        [`${SEARCH_API_PATH}?q=x&limit=0`, 400],
        [`${SEARCH_API_PATH}?q=x&framework=${encodeURIComponent("no such/thing")}`, 400],
        [`${SEARCH_API_PATH}?q=x&framework=no-such-framework`, 404],
      ] as const) {
        for (const t of [cached, uncached]) {
          const fast = await ask(t, path, { "accept-language": "fr" });
          const full = await ask(t, path, { "accept-language": "fr", ...FULL_STACK });
          assert.equal(fast.status, status, path);
          assert.deepEqual(fast, full, path);
        }
      }
    });

    test("other methods and a trailing slash are the full stack's too", async () => {
      const preflight = await cached.app.request(SEARCH_API_PATH, {
        method: "OPTIONS",
        headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET" },
      });
      assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
      const slash = await cached.app.request(`${SEARCH_API_PATH}/?q=service`);
      assert.equal(slash.status, 301);
    });
  });
}

describe("kept answers follow the index", () => {
  test("a new revision is searched afresh, never answered from the previous one", async () => {
    const t = await makeTestApp({ starter: false });
    try {
      const path = `${SEARCH_API_PATH}?q=partnership&lang=en`;
      await ask(t, `${SEARCH_API_PATH}?q=learn`);
      const before = await ask(t, path);
      assert.equal(JSON.parse(before.body).total, 0);
      assert.equal((await ask(t, path)).cache, "hit");
      const { loadStarterFramework } = await import("../../src/content/load-starter.ts");
      await loadStarterFramework(t.db);
      const after = await ask(t, path);
      assert.equal(after.cache, null);
      assert.ok(JSON.parse(after.body).total > 0, "the starter's partnerships are found once published");
    } finally {
      await t.close();
    }
  });

  test("at most the given number of answers is kept, and evicted answers are searched again", async () => {
    const database = await openTestDatabase("sqlite");
    try {
      const catalog = createCatalog(database.db, { checkIntervalMs: 0 });
      const answers = createSearchAnswers({
        cache: true,
        personal: () => false,
        requestId: () => "id",
        maxEntries: 5,
      });
      const app = new Hono<AppEnv>();
      app.use("*", async (c, next) => {
        c.set("catalog", catalog);
        c.set("config", readConfig({}));
        c.set("logger", createLogger("silent"));
        c.set("lang", "en");
        await next();
      });
      app.use(SEARCH_API_PATH, answers.middleware);
      app.route(SEARCH_API_PATH, searchApiRoutes());
      const words = ["service", "staff", "collection", "budget", "plan", "team", "library", "public", "program"];
      const bodies = new Map<string, string>();
      for (const word of [...words, ...words]) {
        const response = await app.request(`${SEARCH_API_PATH}?q=${word}`);
        assert.equal(response.status, 200);
        const body = await response.text();
        if (bodies.has(word)) assert.equal(body, bodies.get(word), word);
        bodies.set(word, body);
        assert.ok(answers.stats().entries <= 5);
      }
      assert.equal(answers.stats().entries, 5);
      assert.ok(answers.stats().learned);
    } finally {
      await database.close();
    }
  });
});
