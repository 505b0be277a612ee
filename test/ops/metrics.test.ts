/** /metrics: off by default, Prometheus text when on, bounded labels, the token when one is set. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { tokenMatches } from "../../src/ops/metrics.ts";
import { makeTestApp } from "../support/app.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** The samples of one metric, as label sets (name="value",…) with their values. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const out: { labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split("\n")) {
    const match = new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`).exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[1] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    out.push({ labels, value: Number(match[2]) });
  }
  return out;
}

test("without METRICS or a token there is no /metrics", async () => {
  const { app, close } = await makeTestApp({ starter: false });
  try {
    assert.equal((await app.request("/metrics")).status, 404);
  } finally {
    await close();
  }
});

describe("METRICS=1", () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp({ env: { METRICS: "1" } });
  });
  after(() => t.close());

  test("counts requests by route pattern and status, with latency histograms and the gauges", async () => {
    const slug = (await t.catalog.list())[0].slug;
    assert.equal((await t.app.request(`/en/frameworks/${slug}`)).status, 200);
    assert.equal((await t.app.request("/en/frameworks/no-such-framework")).status, 404);
    assert.equal((await t.app.request("/no/such/page")).status, 404);
    const response = await t.app.request("/metrics");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    const requests = samples(text, "skillshelf_http_requests_total");
    const find = (route: string, status: string) =>
      requests.find((s) => s.labels.route === route && s.labels.status === status && s.labels.method === "GET");
    assert.equal(find("/en/frameworks/:slug", "200")?.value, 1);
    assert.equal(find("/en/frameworks/:slug", "404")?.value, 1);
    assert.equal(find("(unmatched)", "404")?.value, 1);
    assert.ok(!requests.some((s) => s.labels.route.includes(slug)), "the raw URL is never a label");

    const buckets = samples(text, "skillshelf_http_request_duration_seconds_count");
    assert.ok(buckets.some((s) => s.labels.route === "/en/frameworks/:slug" && s.value === 2));

    const items = samples(text, "skillshelf_search_index_items");
    const view = await t.catalog.get(slug);
    assert.equal(items[0]?.value, view?.itemCount);
    const editions = samples(text, "skillshelf_published_edition");
    assert.deepEqual(editions, [{ labels: { framework: slug }, value: view?.edition?.number }]);
    assert.ok(samples(text, "skillshelf_process_resident_memory_bytes").length === 1, "process metrics too");
  });

  test("made-up addresses and methods never add a series per address", async () => {
    const before = samples(await (await t.app.request("/metrics")).text(), "skillshelf_http_requests_total").length;
    await fc.assert(
      fc.asyncProperty(fc.webPath(), fc.constantFrom("GET", "HEAD", "PROPFIND", "BREW"), async (path, method) => {
        await t.app.request(path.startsWith("/") ? path : `/${path}`, { method });
      }),
      { numRuns: 60 },
    );
    const series = samples(await (await t.app.request("/metrics")).text(), "skillshelf_http_requests_total");
    // Whatever the 60 paths were, they fall into a handful of routes × statuses × 5 method labels.
    assert.ok(series.length - before < 40, `${series.length - before} new series for 60 random requests`);
    for (const s of series) assert.ok(["GET", "HEAD", "OTHER"].includes(s.labels.method), s.labels.method);
  });
});

describe("METRICS_TOKEN", () => {
  const token = "a-scraper-token-of-some-length";
  let t: TestApp;
  before(async () => {
    t = await makeTestApp({ starter: false, env: { METRICS_TOKEN: token } });
  });
  after(() => t.close());

  test("a scrape without the token, or with another, gets 401; with it, the metrics", async () => {
    const none = await t.app.request("/metrics");
    assert.equal(none.status, 401);
    assert.match(none.headers.get("www-authenticate") ?? "", /^Bearer/);
    const wrong = await t.app.request("/metrics", { headers: { authorization: `Bearer ${token}x` } });
    assert.equal(wrong.status, 401);
    const basic = await t.app.request("/metrics", { headers: { authorization: `Basic ${token}` } });
    assert.equal(basic.status, 401);
    const right = await t.app.request("/metrics", { headers: { authorization: `Bearer ${token}` } });
    assert.equal(right.status, 200);
    assert.match(await right.text(), /# TYPE skillshelf_http_requests_total counter/);
  });

  test("the comparison accepts exactly the token", () => {
    fc.assert(
      fc.property(fc.string(), (other) => {
        assert.equal(tokenMatches(other, token), other === token);
      }),
      { numRuns: 200 },
    );
    assert.equal(tokenMatches(undefined, token), false);
  });
});

test("a token shorter than 16 characters is a configuration error", async () => {
  await assert.rejects(
    makeTestApp({ env: { METRICS_TOKEN: "short" } }),
    /METRICS_TOKEN: must be at least 16 characters/,
  );
});
