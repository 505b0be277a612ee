/** The API is public read-only data: any origin may GET it, and nothing else is offered. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeTestApp } from "../support/app.ts";

describe("JSON API CORS", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  before(async () => {
    t = await makeTestApp();
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
      headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" },
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

  test("writes are not accepted", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const res = await t.app.request("/api/v1/frameworks/public-library-staff", { method, headers: { origin } });
      // Refused one way or another: CSRF protection (403) or no such route (404/405).
      assert.ok([403, 404, 405].includes(res.status), `${method} → ${res.status}`);
    }
  });
});
