/** GET /api/v1/frameworks and /api/v1/frameworks/:id, on every test database, held to the OpenAPI document. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openApiDocument } from "../../src/api/openapi.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import type { FrameworkJson, ItemJson } from "../../src/frameworks/json.ts";
import { bumpContentRevision, insertFramework } from "../../src/frameworks/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { contractFor } from "./contract.ts";

const BASE_URL = "https://index.example.org";
const contract = contractFor(openApiDocument(BASE_URL));
const STARTER_SLUG = "public-library-staff";
const STARTER_LEVELS = ["category", "area", "competency", "ksa"];

function* walk(nodes: ItemJson[], depth = 0): Generator<{ node: ItemJson; depth: number }> {
  for (const node of nodes) {
    yield { node, depth };
    yield* walk(node.children, depth + 1);
  }
}

for (const dialect of testDialects()) {
  describe(`JSON API frameworks (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
    const getJson = async (path: string, headers: Record<string, string> = {}) => {
      const res = await get(path, headers);
      const body = await res.json();
      contract.check("get", path, res.status, body);
      return { res, body };
    };

    before(async () => {
      t = await makeTestApp({ dialect, env: { BASE_URL } });
    });
    after(async () => {
      await t?.close();
    });

    test("lists the published frameworks with links built on BASE_URL", async () => {
      const { res, body } = await getJson("/api/v1/frameworks");
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
      assert.equal(body.frameworks.length, 1);
      const [starter] = body.frameworks;
      assert.equal(starter.slug, STARTER_SLUG);
      assert.equal(starter.type, "framework");
      assert.ok(starter.title.en && starter.title.fr);
      assert.equal(starter.links.self, `${BASE_URL}/api/v1/frameworks/${starter.id}`);
      assert.deepEqual(starter.links.html, {
        en: `${BASE_URL}/en/frameworks/${STARTER_SLUG}`,
        fr: `${BASE_URL}/fr/frameworks/${STARTER_SLUG}`,
      });
      assert.deepEqual(starter.links.full, {
        en: `${BASE_URL}/en/frameworks/${STARTER_SLUG}/full`,
        fr: `${BASE_URL}/fr/frameworks/${STARTER_SLUG}/full`,
      });
      // The advertised links lead somewhere.
      for (const link of [starter.links.self, starter.links.html.en, starter.links.html.fr, starter.links.full.fr]) {
        assert.equal((await get(link.slice(BASE_URL.length))).status, 200, link);
      }
    });

    test("gives the whole tree by slug: every node typed and bilingual, category → area → competency → KSA", async () => {
      const { res, body } = await getJson(`/api/v1/frameworks/${STARTER_SLUG}`);
      assert.equal(res.status, 200);
      const framework = body as FrameworkJson;
      assert.equal(framework.slug, STARTER_SLUG);
      assert.deepEqual(
        framework.itemTypes.map((type) => type.code),
        STARTER_LEVELS,
      );
      assert.equal(framework.children.length, 6, "six categories");
      let count = 0;
      for (const { node, depth } of walk(framework.children)) {
        count++;
        assert.match(node.id, /^[0-9a-f-]{36}$/);
        assert.equal(node.type, STARTER_LEVELS[depth], `${node.code} at depth ${depth}`);
        assert.ok(node.statement.en?.trim(), `${node.code} has an English statement`);
        assert.ok(node.statement.fr?.trim(), `${node.code} has a French statement`);
        assert.ok(Array.isArray(node.children));
        if (node.type === "ksa") assert.equal(node.children.length, 0);
        else assert.ok(node.children.length > 0, `${node.code} has children`);
        const positions = node.children.map((child) => child.position);
        assert.deepEqual(
          positions,
          [...positions].sort((a, b) => a - b),
          `${node.code}'s children are in order`,
        );
        assert.ok(node.lastUpdated >= node.updatedAt);
        for (const child of node.children) assert.ok(node.lastUpdated >= child.lastUpdated);
      }
      const areas = [...walk(framework.children)].filter(({ node }) => node.type === "area");
      assert.ok(areas.length >= 16, "at least the sixteen Management/Leadership areas");
      assert.ok(count > 200);
    });

    test("accepts the UUID, in any case, and answers with the same tree", async () => {
      const bySlug = await (await get(`/api/v1/frameworks/${STARTER_SLUG}`)).json();
      for (const id of [bySlug.id, bySlug.id.toUpperCase()]) {
        const { res, body } = await getJson(`/api/v1/frameworks/${id}`);
        assert.equal(res.status, 200);
        assert.deepEqual(body, bySlug);
      }
    });

    test("answers 404 JSON for unknown slugs and ids", async () => {
      for (const path of [
        "/api/v1/frameworks/no-such-framework",
        "/api/v1/frameworks/00000000-0000-4000-8000-000000000000",
      ]) {
        const { res, body } = await getJson(path);
        assert.equal(res.status, 404, path);
        assert.equal(body.error, "not_found");
        assert.ok(body.message.length > 0);
      }
    });

    test("answers 400 JSON for malformed ids, and never a 5xx", async () => {
      const hostile = [
        "x".repeat(10_000),
        "a%00b",
        "%0A%0D",
        "tab%09here",
        "%E0%A4%A",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "'%20OR%201%3D1%20--",
        "c%2B%2B%20(x",
        "%F0%9F%92%A5",
        "..a",
      ];
      for (const id of hostile) {
        const path = `/api/v1/frameworks/${id}`;
        const res = await get(path);
        assert.ok(res.status < 500, `${id.slice(0, 40)} → ${res.status}`);
        const body = await res.json();
        contract.check("get", path, res.status, body);
        if (id === "..a") assert.equal(res.status, 404, "a well-formed name that matches nothing");
        else {
          assert.equal(res.status, 400, id.slice(0, 40));
          assert.equal(body.error, "bad_request");
        }
        assert.doesNotMatch(JSON.stringify(body), /<script>/);
      }
      // 201 characters is one too many; 200 is a well-formed (unknown) slug.
      assert.equal((await get(`/api/v1/frameworks/${"a".repeat(201)}`)).status, 400);
      assert.equal((await get(`/api/v1/frameworks/${"a".repeat(200)}`)).status, 404);
    });

    test("explains errors in the caller's language", async () => {
      const en = await (await get("/api/v1/frameworks/nope")).json();
      const fr = await (await get("/api/v1/frameworks/nope", { "accept-language": "fr-CA,fr;q=0.9" })).json();
      assert.equal(fr.error, en.error);
      assert.notEqual(fr.message, en.message);
      assert.match(fr.message, /référentiel/);
      const res = await get("/api/v1/frameworks/nope");
      assert.match(res.headers.get("vary") ?? "", /accept-language/i, "caches keep the languages apart");
    });

    test("hides frameworks that are not published, exactly as if they did not exist", async () => {
      const draftId = "11111111-2222-4333-8444-555555555555";
      const now = new Date().toISOString();
      await t.db.transaction().execute(async (trx) => {
        await insertFramework(trx, {
          framework: {
            id: draftId,
            slug: "secret-draft",
            title_en: "Draft",
            title_fr: "Brouillon",
            description_en: null,
            description_fr: null,
            publisher: null,
            version: "0.1",
            status: "draft",
            licence: null,
            created_at: now,
            updated_at: now,
            extra: null,
          },
          itemTypes: [],
          items: [],
        });
        await bumpContentRevision(trx);
      });
      const unknown = await (await get("/api/v1/frameworks/never-existed")).json();
      for (const path of ["/api/v1/frameworks/secret-draft", `/api/v1/frameworks/${draftId}`]) {
        const res = await get(path);
        assert.equal(res.status, 404, path);
        assert.deepEqual(await res.json(), unknown);
      }
      const { body } = await getJson("/api/v1/frameworks");
      assert.deepEqual(
        body.frameworks.map((f: { slug: string }) => f.slug),
        [STARTER_SLUG],
      );
    });

    test("ETag and Cache-Control: 304 while current, a new ETag once content changes", async () => {
      for (const path of ["/api/v1/frameworks", `/api/v1/frameworks/${STARTER_SLUG}`]) {
        const first = await get(path);
        assert.equal(first.status, 200);
        assert.equal(first.headers.get("cache-control"), "public, max-age=60");
        const etag = first.headers.get("etag");
        assert.ok(etag, `${path} has an ETag`);

        const again = await get(path, { "if-none-match": etag });
        assert.equal(again.status, 304, path);
        assert.equal(await again.text(), "");
        assert.equal(again.headers.get("etag"), etag);
        assert.equal(again.headers.get("cache-control"), "public, max-age=60");
        contract.check("get", path, 304, null);

        assert.equal((await get(path, { "if-none-match": `"other", ${etag}` })).status, 304, "a list of tags");
        assert.equal((await get(path, { "if-none-match": etag.replace(/^W\//, "") })).status, 304, "weak comparison");
        assert.equal((await get(path, { "if-none-match": "*" })).status, 304);
        assert.equal((await get(path, { "if-none-match": '"stale"' })).status, 200);
      }
      const byId = await get(`/api/v1/frameworks/${(await (await get("/api/v1/frameworks")).json()).frameworks[0].id}`);
      const bySlug = await get(`/api/v1/frameworks/${STARTER_SLUG}`);
      assert.equal(byId.headers.get("etag"), bySlug.headers.get("etag"), "one representation, one ETag");
      assert.notEqual(bySlug.headers.get("etag"), (await get("/api/v1/frameworks")).headers.get("etag"));

      // The whole tree's ETag is a digest of its bytes: a revision that leaves the edition as it was
      // keeps it; a new edition changes it.
      const before = bySlug.headers.get("etag") as string;
      await t.db.transaction().execute((trx) => bumpContentRevision(trx));
      const unchanged = await get(`/api/v1/frameworks/${STARTER_SLUG}`, { "if-none-match": before });
      assert.equal(unchanged.status, 304, "the same edition, the same bytes");
      const starterId = (await (await get("/api/v1/frameworks")).json()).frameworks.find(
        (f: { slug: string }) => f.slug === STARTER_SLUG,
      ).id as string;
      await t.db
        .updateTable("items")
        .set({ statement_en: "Heron relations" })
        .where("framework_id", "=", starterId)
        .where("code", "=", "ML.CR")
        .execute();
      await publishEdition(t.db, starterId, null, { en: "Heron", fr: "Héron" });
      const after = await get(`/api/v1/frameworks/${STARTER_SLUG}`, { "if-none-match": before });
      assert.equal(after.status, 200, "a stale copy gets the new content");
      assert.notEqual(after.headers.get("etag"), before);
    });

    test("HEAD answers like GET without a body", async () => {
      const res = await t.app.request(`/api/v1/frameworks/${STARTER_SLUG}`, { method: "HEAD" });
      assert.equal(res.status, 200);
      assert.ok(res.headers.get("etag"));
      assert.equal(await res.text(), "");
    });
  });
}
