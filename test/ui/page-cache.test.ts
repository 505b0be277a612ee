/**
 * The page cache keys on what changes the page: path (with its language) and the query parameters
 * the route declares it reads, normalised. Junk parameters are hits, read parameters make other
 * pages, the cache stays bounded under a flood of distinct URLs, and a content change still
 * invalidates (ETag included).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { Hono } from "hono";
import type { ContentNode } from "../../src/content/schema.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { BoundedLru, cachedPage, canonicalQuery, createPageCache } from "../../src/ui/page-cache.ts";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { firstText } from "../support/html.ts";

const content = loadStarterContent();
const SLUG = content.framework.slug;
const AREA = urls.item("en", SLUG, "ML.CR");

const junkName = fc.stringMatching(/^[a-z_]{1,12}$/).filter((name) => name !== "q" && name !== "framework");
const junkParams = fc.array(fc.tuple(junkName, fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 5 });
const queryOf = (pairs: readonly (readonly [string, string])[]) =>
  new URLSearchParams(pairs.map((p) => [...p])).toString();

describe("canonical query (pure)", () => {
  const reads = { q: (v: string) => v.trim(), framework: (v: string) => v };

  test("only declared parameters count, in name order, empty ones as absent", () => {
    assert.equal(canonicalQuery("?utm_source=x&fbclid=y", reads), "");
    assert.equal(canonicalQuery("?framework=a&q=b", reads), canonicalQuery("?q=b&framework=a", reads));
    assert.equal(canonicalQuery("?q=&framework=", reads), "");
    assert.equal(canonicalQuery("?q=%20b%20", reads), canonicalQuery("?q=b", reads));
    assert.notEqual(canonicalQuery("?q=b", reads), canonicalQuery("?q=c", reads));
    assert.equal(canonicalQuery("?q=b&q=c", reads), canonicalQuery("?q=b", reads), "the first value, as pages read it");
  });

  test("any junk, in any order around the read parameters, keys the same", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), junkParams, fc.nat(), (q, junk, at) => {
        const pairs: [string, string][] = junk.map(([k, v]) => [k, v]);
        pairs.splice(at % (pairs.length + 1), 0, ["q", q]);
        assert.equal(canonicalQuery(`?${queryOf(pairs)}`, reads), canonicalQuery(`?${queryOf([["q", q]])}`, reads));
      }),
      { numRuns: runs(100) },
    );
  });
});

describe("bounded LRU (pure)", () => {
  test("never holds more than its entry count or its bytes, whatever is put in", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat({ max: 400 })), { maxLength: 300 }), (puts) => {
        const lru = new BoundedLru<number>(20, 1000);
        for (const [key, bytes] of puts) {
          lru.set(key, bytes, bytes);
          assert.ok(lru.size <= 20 && lru.bytes <= 1000, `${lru.size} entries, ${lru.bytes} bytes`);
        }
      }),
      { numRuns: runs(60) },
    );
  });

  test("evicts the least recently used first", () => {
    const lru = new BoundedLru<string>(2, 100);
    lru.set("a", "A", 1);
    lru.set("b", "B", 1);
    lru.get("a");
    lru.set("c", "C", 1);
    assert.equal(lru.get("b"), undefined);
    assert.equal(lru.get("a"), "A");
    assert.equal(lru.get("c"), "C");
  });
});

describe("page cache in a small app", () => {
  test("a flood of distinct read-parameter values keeps the cache within its bounds", async () => {
    const cache = createPageCache({ revision: async () => 1, personal: () => false, maxEntries: 50, maxBytes: 20_000 });
    const app = new Hono();
    app.use("*", cache.middleware);
    app.get("/en/search", cachedPage({ q: (v) => v }), (c) => c.html(`<p>${"x".repeat(300)}${c.req.query("q")}</p>`));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 40 }),
        async (qs) => {
          for (const q of qs) {
            const res = await app.request(`/en/search?q=${encodeURIComponent(q)}&utm_source=${encodeURIComponent(q)}`);
            assert.equal(res.status, 200);
            await res.arrayBuffer();
            const { entries, bytes } = cache.stats();
            assert.ok(entries <= 50 && bytes <= 20_000, `${entries} entries, ${bytes} bytes`);
          }
        },
      ),
      { numRuns: runs(30) },
    );
    assert.ok(cache.stats().entries > 10, "the cache was used at all");
  });

  test("a route that declares nothing is cached only without a query string", async () => {
    const cache = createPageCache({ revision: async () => 1, personal: () => false });
    const app = new Hono();
    app.use("*", cache.middleware);
    app.get("/en/notice", (c) => c.html(`<p>${c.req.query("done") ?? "none"}</p>`));
    await app.request("/en/notice");
    assert.equal((await app.request("/en/notice")).headers.get("x-cache"), "hit");
    const withQuery = await app.request("/en/notice?done=saved");
    assert.notEqual(withQuery.headers.get("x-cache"), "hit");
    assert.equal(await withQuery.text(), "<p>saved</p>");
  });
});

describe("page cache in the app", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  before(async () => {
    t = await makeTestApp();
  });
  after(async () => {
    await t?.close();
  });

  test("an area page with junk parameters is served from the cache, byte for byte", async () => {
    const first = await t.app.request(AREA);
    assert.equal(first.status, 200);
    const bytes = Buffer.from(await first.arrayBuffer());
    await fc.assert(
      fc.asyncProperty(junkParams, async (junk) => {
        const res = await t.app.request(`${AREA}?${queryOf(junk)}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get("x-cache"), "hit");
        assert.equal(res.headers.get("etag"), first.headers.get("etag"));
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes), "the same bytes");
      }),
      { numRuns: runs(25) },
    );
    const revalidated = await t.app.request(`${AREA}?fbclid=abc`, {
      headers: { "if-none-match": first.headers.get("etag") as string },
    });
    assert.equal(revalidated.status, 304);
  });

  test("a parameter the page reads makes another page; equivalent spellings share one entry", async () => {
    const budget = await t.app.request("/en/search?q=budget");
    const budgetText = await budget.text();
    const volunteers = await t.app.request("/en/search?q=volunteer");
    assert.notEqual(await volunteers.text(), budgetText);
    assert.notEqual(volunteers.headers.get("x-cache"), "hit");

    for (const same of [
      "/en/search?q=budget&utm_source=x",
      "/en/search?utm_medium=y&q=%20budget%20%20",
      "/en/search?q=budget&q=other",
    ]) {
      const res = await t.app.request(same);
      assert.equal(res.headers.get("x-cache"), "hit", same);
      assert.equal(await res.text(), budgetText, same);
    }
    const fr = await t.app.request("/fr/search?q=budget");
    assert.notEqual(fr.headers.get("x-cache"), "hit", "the other language is another page");
    assert.match(await fr.text(), /<html[^>]*lang="fr/);
  });

  test("htmx's results fragment is kept apart from the page", async () => {
    const page = await (await t.app.request("/en/search?q=library")).text();
    const fragment = await (await t.app.request("/en/search?q=library", { headers: { "hx-request": "true" } })).text();
    assert.notEqual(fragment, page);
    assert.doesNotMatch(fragment, /<html/i);
    const again = await t.app.request("/en/search?q=library&utm_source=x", { headers: { "hx-request": "true" } });
    assert.equal(again.headers.get("x-cache"), "hit");
    assert.equal(await again.text(), fragment);
    assert.equal(await (await t.app.request("/en/search?q=library")).text(), page);
  });

  test("a content change invalidates entries reached through junk parameters too", async () => {
    const own = await makeTestApp();
    try {
      const first = await own.app.request(`${AREA}?utm_source=news`);
      const etag = first.headers.get("etag") as string;
      assert.doesNotMatch(await first.text(), /utm_source/, "a page kept for everyone shows nothing of the junk");
      assert.equal((await own.app.request(`${AREA}?utm_source=other`)).headers.get("x-cache"), "hit");
      const { loadStarterFramework } = await import("../../src/content/load-starter.ts");
      const renamed = structuredClone(content);
      const cr = renamed.categories.flatMap((c) => c.children ?? []).find((a) => a.code === "ML.CR") as ContentNode;
      cr.en.statement = "Community Relations (revised)";
      await loadStarterFramework(own.db, { content: renamed, replace: true });
      const after = await own.app.request(`${AREA}?utm_source=news`, { headers: { "if-none-match": etag } });
      assert.equal(after.status, 200, "the old ETag no longer matches");
      assert.notEqual(after.headers.get("x-cache"), "hit");
      assert.equal(firstText(await after.text(), "h1"), "Community Relations (revised)");
    } finally {
      await own.close();
    }
  });

  test("PAGE_CACHE=off renders every page", async () => {
    const off = await makeTestApp({ env: { PAGE_CACHE: "off" } });
    try {
      const first = await (await off.app.request(AREA)).text();
      const second = await off.app.request(AREA);
      assert.notEqual(second.headers.get("x-cache"), "hit");
      assert.equal(await second.text(), first);
    } finally {
      await off.close();
    }
  });
});

describe("the page cache's front door (before routing)", () => {
  /** A small app whose cache answers through the middleware only, and the same cache's front door. */
  function smallApp(revision: { now: number; known: boolean }) {
    const cache = createPageCache({
      revision: async () => revision.now,
      revisionNow: () => (revision.known ? revision.now : undefined),
      personal: (c) => (c.req.header("cookie") ?? "").includes("session="),
      sessionCookie: (headers) => (headers.get("cookie") ?? "").includes("session="),
      requestId: (given) => (given && /^[\w-]+$/.test(given) ? given : "fresh-id"),
    });
    const app = new Hono();
    app.use("*", cache.middleware);
    let renders = 0;
    app.get("/en/page", cachedPage(), (c) => {
      renders++;
      c.header("x-frame-options", "DENY");
      return c.html(`<p>page ${revision.now}</p>`);
    });
    app.get("/en/search", cachedPage({ q: (v) => v.trim() }), (c) => c.html(`<p>${c.req.query("q")}</p>`));
    app.get(
      "/en/variant",
      cachedPage({}, (c) => c.req.header("hx-request") ?? ""),
      (c) => c.html("<p>v</p>"),
    );
    app.post("/en/page", (c) => c.text("posted"));
    const request = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, init);
    return { cache, app, request, renders: () => renders };
  }
  const settle = async (early: ReturnType<ReturnType<typeof createPageCache>["front"]>) => await early;

  test("answers a kept page with the middleware's headers and bytes, with or without waiting for the revision", async () => {
    for (const known of [true, false]) {
      const revision = { now: 3, known };
      const { cache, app, request, renders } = smallApp(revision);
      assert.equal(cache.front(request("/en/page")), undefined, "nothing kept yet: the app answers");
      const first = await app.request("/en/page");
      const viaMiddleware = await app.request("/en/page", { headers: { "x-request-id": "proxy-1" } });
      assert.equal(viaMiddleware.headers.get("x-cache"), "hit");
      const early = await settle(
        cache.front(request("/en/page?utm_source=x", { headers: { "x-request-id": "proxy-1" } })),
      );
      assert.ok(early, "the front door answers");
      assert.equal(
        known,
        !(cache.front(request("/en/page")) instanceof Promise),
        "no await when the revision is known",
      );
      assert.deepEqual([...early.headers].sort(), [...viaMiddleware.headers].sort(), "the same headers");
      assert.equal(await early.text(), await first.text());
      assert.equal(early.headers.get("x-frame-options"), "DENY", "the headers the page was first sent with");
      assert.equal(renders(), 1);
      const other = await settle(cache.front(request("/en/page", { headers: { "x-request-id": "bad id!" } })));
      assert.equal(other?.headers.get("x-request-id"), "fresh-id", "a malformed id is replaced");
      const etag = first.headers.get("etag") as string;
      const revalidated = await settle(cache.front(request("/en/page", { headers: { "if-none-match": etag } })));
      assert.equal(revalidated?.status, 304);
      revision.now = 4;
      assert.equal(await settle(cache.front(request("/en/page"))), undefined, "a new revision: the app renders again");
      assert.equal(await (await app.request("/en/page")).text(), "<p>page 4</p>");
    }
  });

  test("leaves to the app what the request alone cannot decide", async () => {
    const { cache, app, request } = smallApp({ now: 1, known: true });
    await app.request("/en/page");
    await app.request("/en/search?q=owl");
    await app.request("/en/variant");
    assert.ok(await settle(cache.front(request("/en/page"))), "a plain reader's request is answered");
    assert.equal(cache.front(request("/en/page", { headers: { cookie: "session=abc" } })), undefined, "session cookie");
    assert.equal(cache.front(request("/en/page", { method: "POST" })), undefined, "not a GET");
    assert.equal(cache.front(request("/en/%70age")), undefined, "an encoded path");
    assert.equal(cache.front(request("/en/variant")), undefined, "a route choosing variants by headers");
    assert.equal(cache.front(request("/en/unknown")), undefined, "a route never seen");
    assert.ok(await settle(cache.front(request("/en/search?q=%20owl&fbclid=1"))), "the same search, normalised");
    assert.equal(cache.front(request("/en/search?q=heron")), undefined, "another value of a read parameter");
  });
});
