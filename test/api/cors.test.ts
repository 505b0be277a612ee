/** The API is public read-only data: any origin may GET it, and nothing else is offered. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders } from "../support/auth.ts";

for (const dialect of testDialects()) {
  describe(`JSON API CORS (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect });
    });
    after(async () => {
      await t?.close();
    });

    const origin = "https://some-other-site.example";
    const paths = [
      "/api/v1/frameworks",
      "/api/v1/frameworks/public-library-staff",
      "/api/v1/frameworks/unknown",
      "/api/v1/frameworks/%00",
      "/api/v1/openapi.json",
      "/api/v1/search?q=partnership",
    ];

    test("every API response allows any origin and exposes the ETag", async () => {
      for (const path of paths) {
        const res = await t.app.request(path, { headers: { origin } });
        assert.ok(res.status < 500, path);
        assert.equal(res.headers.get("access-control-allow-origin"), "*", path);
        assert.equal(res.headers.get("access-control-allow-credentials"), null, path);
      }
      const tree = await t.app.request("/api/v1/frameworks/public-library-staff", { headers: { origin } });
      assert.match(tree.headers.get("access-control-expose-headers") ?? "", /etag/i);
    });

    test("a preflight is answered with GET only", async () => {
      const res = await t.app.request("/api/v1/frameworks", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "GET",
          "access-control-request-headers": "if-none-match",
        },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get("access-control-allow-origin"), "*");
      const methods = (res.headers.get("access-control-allow-methods") ?? "").split(",");
      assert.ok(methods.includes("GET"));
      for (const write of ["POST", "PUT", "PATCH", "DELETE"]) assert.ok(!methods.includes(write), write);
    });

    test("pages are not opened to other origins", async () => {
      const res = await t.app.request("/en", { headers: { origin } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("access-control-allow-origin"), null);
    });

    test("a write from another site is refused as forged (403), and changes nothing", async () => {
      const path = "/api/v1/frameworks/public-library-staff";
      const before_ = await t.app.request(path);
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const res = await t.app.request(path, {
          method,
          headers: { origin, "content-type": "application/json" },
          body: JSON.stringify({ title: { en: "Taken over", fr: "Pris" } }),
        });
        assert.equal(res.status, 403, method);
        assert.equal(res.headers.get("access-control-allow-origin"), null, `${method}: no CORS grant on a refusal`);
      }
      const after_ = await t.app.request(path);
      assert.equal(after_.headers.get("etag"), before_.headers.get("etag"));
      assert.equal(await after_.text(), await before_.text());
    });

    test("even a same-site write with its token finds no route (404): the API has no write", async () => {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        for (const path of ["/api/v1/frameworks", "/api/v1/frameworks/public-library-staff", "/api/v1/search"]) {
          const res = await t.app.request(path, { method, headers: csrfHeaders(t) });
          assert.equal(res.status, 404, `${method} ${path}`);
        }
      }
    });
  });
}
