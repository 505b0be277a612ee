/**
 * GET /api/v1/search held to the OpenAPI document, and mounted beside the frameworks API without
 * either shadowing the other. (Search behaviour itself is tested with the search capability.)
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openApiDocument } from "../../src/api/openapi.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { contractFor } from "./contract.ts";

const contract = contractFor(openApiDocument("http://localhost:3000"));

for (const dialect of testDialects()) {
  describe(`JSON API search (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    const getJson = async (path: string, headers: Record<string, string> = {}) => {
      const res = await t.app.request(path, { headers });
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/, path);
      const body = await res.json();
      contract.check("get", path, res.status, body);
      return { status: res.status, body, headers: res.headers };
    };

    before(async () => {
      t = await makeTestApp({ dialect });
    });
    after(async () => {
      await t?.close();
    });

    test("search and frameworks answer side by side under /api/v1", async () => {
      const search = await getJson("/api/v1/search?q=partnership");
      assert.equal(search.status, 200);
      assert.ok(search.body.total > 0);
      const frameworks = await getJson("/api/v1/frameworks");
      assert.equal(frameworks.status, 200);
      assert.equal((await getJson("/api/v1/frameworks/public-library-staff")).status, 200);
      assert.equal((await getJson("/api/v1/openapi.json")).status, 200);
      // Areas named in search results are areas of the listed framework.
      const slugs = new Set(frameworks.body.frameworks.map((f: { slug: string }) => f.slug));
      for (const group of search.body.groups) assert.ok(slugs.has(group.area.frameworkSlug));
    });

    test("results match the document in both languages and with a limit", async () => {
      for (const path of [
        "/api/v1/search?q=partenariat&lang=fr",
        "/api/v1/search?q=competence&lang=en",
        "/api/v1/search?q=soci&limit=1",
        "/api/v1/search?q=partnrship&limit=200",
      ]) {
        const { status, body } = await getJson(path);
        assert.equal(status, 200, path);
        assert.ok(body.total > 0, `${path} finds something`);
        const hits = body.groups.flatMap((g: { hits: unknown[] }) => g.hits);
        assert.ok(hits.length >= 1);
        if (path.includes("limit=1")) assert.equal(hits.length, 1);
      }
    });

    test("empty and hostile queries still give a documented 200", async () => {
      for (const q of [
        "",
        "x".repeat(10_000),
        "c++ (x",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%E0%A4%A",
        "\u0000\u0007\n",
      ]) {
        const path = `/api/v1/search?q=${encodeURIComponent(q)}`;
        const { status, headers } = await getJson(path);
        assert.equal(status, 200, JSON.stringify(q.slice(0, 30)));
        // The query is echoed as JSON data; browsers must never sniff it as HTML.
        assert.equal(headers.get("x-content-type-options"), "nosniff");
      }
      assert.equal((await getJson("/api/v1/search")).body.total, 0);
    });

    test("a bad lang or limit is a documented 400", async () => {
      for (const query of ["lang=de", "lang=", "limit=0", "limit=201", "limit=abc", "limit=-1", "limit=1e3"]) {
        const { status, body } = await getJson(`/api/v1/search?q=partnership&${query}`);
        assert.equal(status, 400, query);
        assert.equal(body.error, "bad_request");
      }
    });
  });
}
