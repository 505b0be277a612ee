/** The OpenAPI document: served, self-consistent, complete, and strict enough to catch a wrong body. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OpenApiDocument } from "../../src/api/openapi-types.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { buildPeopleWorld } from "../support/people-world.ts";
import { contractFor } from "./contract.ts";

const BASE_URL = "https://index.example.org";

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

for (const dialect of testDialects()) {
  describe(`OpenAPI document (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let served: OpenApiDocument;

    before(async () => {
      t = await makeTestApp({ dialect, env: { BASE_URL } });
      const res = await t.app.request("/api/v1/openapi.json");
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
      served = await res.json();
    });
    after(async () => {
      await t?.close();
    });

    test("is served as OpenAPI 3.1 with the configured server URL, and describes itself", () => {
      assert.equal(served.openapi, "3.1.0");
      assert.deepEqual(served.servers, [{ url: `${BASE_URL}/api/v1` }]);
      contractFor(served).check("get", "/api/v1/openapi.json", 200, served);
    });

    test("every documented response is one the API really gives, with the documented body", async () => {
      // One request per documented operation and status; the contract refuses a status or body
      // the document does not describe, and the last assertion refuses a documented response no
      // request here produced (so a document that grows stays checked).
      const contract = contractFor(served);
      const framework = "/api/v1/frameworks/public-library-staff";
      const first = await t.app.request(framework);
      const etag = first.headers.get("etag") ?? "";
      assert.ok(etag, "the framework has an ETag");
      const list = await t.app.request("/api/v1/frameworks");
      const requests: { path: string; status: number; headers?: Record<string, string> }[] = [
        { path: "/api/v1/frameworks", status: 200 },
        { path: "/api/v1/frameworks", status: 304, headers: { "if-none-match": list.headers.get("etag") ?? "" } },
        { path: framework, status: 200 },
        { path: framework, status: 304, headers: { "if-none-match": etag } },
        { path: "/api/v1/frameworks/no-such-framework", status: 404 },
        { path: `/api/v1/frameworks/${"x".repeat(300)}`, status: 400 },
        { path: "/api/v1/search?q=budget", status: 200 },
        { path: "/api/v1/search?q=budget&limit=0", status: 400 },
        { path: "/api/v1/search?q=budget&framework=no-such-framework", status: 404 },
        { path: "/api/v1/openapi.json", status: 200 },
      ];
      // The organisations' signed-in API (src/people), asked by organisation A's administrator.
      const world = await buildPeopleWorld(t);
      const hr = { cookie: world.cookies.orgAdmin as string };
      requests.push(
        { path: "/api/v1/orgs/alpha/units", status: 200, headers: hr },
        { path: "/api/v1/orgs/alpha/units", status: 401 },
        { path: "/api/v1/orgs/beta/units", status: 404, headers: hr },
        { path: `/api/v1/orgs/alpha/units/${world.a.ids.unit}`, status: 200, headers: hr },
        { path: `/api/v1/orgs/alpha/units/${world.a.ids.unit}`, status: 401 },
        { path: `/api/v1/orgs/alpha/units/${world.b.ids.unit}`, status: 404, headers: hr },
        { path: "/api/v1/orgs/alpha/scale", status: 200, headers: hr },
        { path: "/api/v1/orgs/alpha/scale", status: 401 },
        { path: "/api/v1/orgs/beta/scale", status: 404, headers: hr },
      );
      const seen = new Set<string>();
      for (const { path, status, headers } of requests) {
        const res = await t.app.request(path, { headers });
        assert.equal(res.status, status, path);
        const text = await res.text();
        contract.check("get", path, status, text === "" ? null : JSON.parse(text));
        const template = Object.keys(served.paths).find((p) =>
          new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(new URL(path, "http://x").pathname.slice(7)),
        );
        seen.add(`${template} ${status}`);
      }
      // The people and job profile APIs need an organisation and signed-in accounts:
      // test/people/staff-api.test.ts and test/profiles/profile-pages.test.ts hold each of their
      // documented responses to the document the same way.
      const documented = Object.entries(served.paths)
        .filter(([path]) => !path.startsWith("/orgs/{org}/people") && !path.startsWith("/orgs/{org}/profiles"))
        .flatMap(([path, item]) => Object.keys(item.get?.responses ?? {}).map((status) => `${path} ${status}`));
      assert.deepEqual([...seen].sort(), documented.sort());
    });

    test("every path parameter a template names is declared, and nothing else is", () => {
      for (const [path, item] of Object.entries(served.paths)) {
        const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (item.get?.parameters ?? [])
          .map((p) => {
            const ref = (p as { $ref?: string }).$ref;
            return ref ? served.components.parameters?.[ref.split("/").pop() as string] : p;
          })
          .filter((p) => (p as { in?: string })?.in === "path")
          .map((p) => (p as { name: string }).name);
        assert.deepEqual(declared.sort(), named.sort(), path);
      }
    });

    test("names the reusable schemas, and every reference resolves", () => {
      for (const name of ["Bilingual", "Item", "Framework", "FrameworkSummary", "Error", "SearchResult"]) {
        assert.ok(served.components.schemas[name], `components.schemas.${name}`);
      }
      assert.deepEqual(
        refsIn(served.components.schemas.Item.properties?.children),
        ["#/components/schemas/Item"],
        "Item nests Items",
      );
      const refs = refsIn(served);
      assert.ok(refs.length > 10);
      for (const ref of refs) {
        const target = ref
          .replace(/^#\//, "")
          .split("/")
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")],
            served,
          );
        assert.ok(target, `${ref} resolves`);
      }
    });

    test("every schema compiles as strict JSON Schema 2020-12", () => {
      const ajv = new Ajv2020({ strict: true });
      addFormatsModule.default(ajv);
      const defs = JSON.parse(
        JSON.stringify(served.components.schemas).replaceAll("#/components/schemas/", "#/$defs/"),
      );
      ajv.addSchema({ $id: "https://skillshelf.invalid/s", $defs: defs });
      for (const name of Object.keys(defs)) {
        assert.doesNotThrow(() => ajv.compile({ $ref: `https://skillshelf.invalid/s#/$defs/${name}` }), name);
      }
    });

    test("operation ids are unique and every operation documents a 200", () => {
      const operations = Object.values(served.paths).flatMap((item) => (item.get ? [item.get] : []));
      const ids = Object.values(served.paths)
        .flatMap((item) => [item.get, item.post, item.put, item.patch])
        .flatMap((o) => (o ? [o.operationId] : []));
      assert.equal(new Set(ids).size, ids.length);
      for (const operation of operations) assert.ok(operation.responses["200"], operation.operationId);
    });

    test("documents exactly the GET routes the app serves under /api/v1", () => {
      const served_ = new Set(
        t.app.routes
          .filter((r) => r.method === "GET" && r.path.startsWith("/api/v1/"))
          .map((r) => r.path.slice("/api/v1".length).replace(/:(\w+)/g, "{$1}")),
      );
      const documented = new Set(Object.keys(served.paths));
      assert.deepEqual([...served_].sort(), [...documented].sort());
    });

    test("the contract check refuses a body that strays from the document", () => {
      const contract = contractFor(served);
      const item = {
        id: "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b",
        type: "ksa",
        code: "X.1",
        position: 1,
        statement: { en: "A", fr: "B" },
        description: { en: null, fr: null },
        updatedAt: "2026-01-01T12:00:00.000Z",
        lastUpdated: "2026-01-01T12:00:00.000Z",
        children: [],
      };
      const framework = {
        id: "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a",
        slug: "x",
        type: "framework",
        title: { en: "X", fr: "X" },
        description: { en: null, fr: null },
        publisher: null,
        version: "1",
        status: "published",
        licence: null,
        createdAt: "2026-01-01T12:00:00.000Z",
        updatedAt: "2026-01-01T12:00:00.000Z",
        lastUpdated: "2026-01-01T12:00:00.000Z",
        itemTypes: [{ code: "ksa", label: { en: "KSA", fr: "CCA" } }],
        children: [{ ...item, type: "area", children: [item] }],
      };
      const path = "/api/v1/frameworks/x";
      contract.check("get", path, 200, framework);
      const nested = (change: object) => ({
        ...framework,
        children: [{ ...item, children: [{ ...item, ...change }] }],
      });
      assert.throws(() => contract.check("get", path, 200, nested({ statement: { en: "only English" } })), /fr/);
      assert.throws(() => contract.check("get", path, 200, nested({ children: undefined })), /children/);
      assert.throws(() => contract.check("get", path, 200, nested({ surprise: true })), /closed/);
      assert.throws(() => contract.check("get", path, 200, { ...framework, id: "not-a-uuid" }), /format/);
      assert.throws(() => contract.check("get", path, 418, framework), /not described/);
      assert.throws(() => contract.check("get", "/api/v1/nowhere", 200, {}), /not described/);
      assert.throws(() => contract.check("get", path, 404, { error: "not_found" }), /message/);
    });
  });
}
