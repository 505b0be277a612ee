/**
 * CSRF refusal (a cross-origin form post gets 403 and never reaches its handler) and the
 * requirePermission guard's answers to each kind of caller.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Hono } from "hono";
import { jsxRenderer } from "hono/jsx-renderer";
import type { AppEnv } from "../../src/app-env.ts";
import { csrfProtection } from "../../src/auth/middleware.ts";
import { readConfig } from "../../src/config.ts";
import { requirePermission } from "../../src/policy/guard.ts";
import type { Actor } from "../../src/policy/index.ts";
import { Layout } from "../../src/ui/layout.tsx";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs, TEST_PASSWORD, testEmail } from "../support/auth.ts";

const BASE = "http://localhost:3000";

/** A tiny app with a probe handler behind the real middleware, as hono's own csrf tests do. */
function probeApp(user: Actor | null = null) {
  const calls: string[] = [];
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("config", readConfig({}));
    c.set("user", user);
    c.set("lang", c.req.path.startsWith("/fr") ? "fr" : "en");
    await next();
  });
  app.use(
    "*",
    jsxRenderer(({ children, ...props }) => <Layout {...props}>{children}</Layout>, { docType: true }),
  );
  app.use("*", csrfProtection(BASE));
  app.post("/:lang/probe", (c) => {
    calls.push(c.req.path);
    return c.text("reached");
  });
  app.get("/:lang/editor-only", requirePermission("editor.use"), (c) => c.text("editor page"));
  app.post("/:lang/editor-only", requirePermission("editor.use"), (c) => c.text("editor post"));
  app.get("/:lang/admin-only", requirePermission("users.manage"), (c) => c.text("admin page"));
  app.get("/api/v1/private", requirePermission("editor.use"), (c) => c.json({ ok: true }));
  return { app, calls };
}

const form = (headers: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body: "a=1",
});

describe("CSRF refusal", () => {
  test("a cross-origin form post gets a translated 403 and never reaches the handler", async () => {
    const { app, calls } = probeApp();
    for (const [lang, title] of [
      ["en", "This form was refused"],
      ["fr", "Ce formulaire a été refusé"],
    ] as const) {
      const response = await app.request(`/${lang}/probe`, form({ origin: "https://evil.example" }));
      assert.equal(response.status, 403);
      const html = await response.text();
      assert.match(html, new RegExp(`<h1>${title}</h1>`));
      assert.match(html, new RegExp(`<html lang="${lang}-CA"`));
    }
    for (const headers of [
      {},
      { origin: "null" },
      { origin: "http://localhost:3000.evil.example" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    ] as Record<string, string>[]) {
      assert.equal((await app.request("/en/probe", form(headers))).status, 403, JSON.stringify(headers));
    }
    for (const type of ["multipart/form-data; boundary=x", "text/plain"]) {
      assert.equal(
        (
          await app.request("/en/probe", {
            method: "POST",
            headers: { "content-type": type, origin: "https://evil.example" },
            body: "x",
          })
        ).status,
        403,
        type,
      );
    }
    assert.deepEqual(calls, []);
  });

  test("the site's own origin (or Sec-Fetch-Site: same-origin) gets through", async () => {
    const { app, calls } = probeApp();
    assert.equal((await app.request("/en/probe", form({ origin: BASE }))).status, 200);
    assert.equal((await app.request("/en/probe", form({ "sec-fetch-site": "same-origin" }))).status, 200);
    assert.equal(calls.length, 2);
  });

  test("htmx gets a short 403 body, not a page", async () => {
    const { app } = probeApp();
    const response = await app.request("/en/probe", form({ origin: "https://evil.example", "hx-request": "true" }));
    assert.equal(response.status, 403);
    assert.doesNotMatch(await response.text(), /<html/);
  });
});

describe("requirePermission", () => {
  const editor: Actor = { id: "e1", email: "e@x.example", name: "E", role: "editor" };

  test("anonymous, a page: 303 to the sign-in page, coming back afterwards", async () => {
    const { app } = probeApp();
    const response = await app.request("/fr/editor-only?tab=2", { headers: { accept: "text/html" } });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), `/fr/sign-in?next=${encodeURIComponent("/fr/editor-only?tab=2")}`);
  });

  test("anonymous, a form post: 303 to the sign-in page without a next", async () => {
    const { app } = probeApp();
    const response = await app.request("/en/editor-only", form({ origin: BASE }));
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/en/sign-in");
  });

  test("anonymous, htmx: 401 with HX-Redirect to the sign-in page", async () => {
    const { app } = probeApp();
    const response = await app.request("/en/editor-only", {
      headers: { "hx-request": "true", "hx-current-url": "http://localhost:3000/en/editor-only?x=1" },
    });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get("hx-redirect"), `/en/sign-in?next=${encodeURIComponent("/en/editor-only?x=1")}`);
  });

  test("anonymous, JSON: 401 with a JSON error", async () => {
    const { app } = probeApp();
    for (const [path, headers] of [
      ["/api/v1/private", {}],
      ["/en/editor-only", { accept: "application/json" }],
    ] as const) {
      const response = await app.request(path, { headers });
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error, "unauthorized");
    }
  });

  test("signed in without the permission: a translated 403 page", async () => {
    const { app } = probeApp(editor);
    assert.equal(await (await app.request("/en/editor-only")).text(), "editor page");
    const response = await app.request("/fr/admin-only");
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<h1>Vous n(&#39;|')avez pas accès à cette page<\/h1>/);
  });
});

for (const dialect of testDialects()) {
  describe(`CSRF on the real app (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
    });
    after(() => t?.close());

    test("a cross-origin sign-in with the right password creates no session", async () => {
      await signInAs(t, "editor");
      await t.db.deleteFrom("sessions").execute();
      const response = await t.app.request("/en/sign-in", {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: testEmail("editor"), password: TEST_PASSWORD }).toString(),
      });
      assert.equal(response.status, 403);
      assert.equal(response.headers.getSetCookie().length, 0);
      assert.equal((await t.db.selectFrom("sessions").select("id").execute()).length, 0);
    });

    test("a cross-origin 'sign out everywhere' with the victim's cookie changes nothing", async () => {
      const cookie = await signInAs(t, "editor");
      const before = (await t.db.selectFrom("sessions").select("id").execute()).length;
      const response = await t.app.request(
        "/fr/account/sign-out-everywhere",
        postForm(t, {}, cookie, { origin: "https://evil.example" }),
      );
      assert.equal(response.status, 403);
      assert.equal((await t.db.selectFrom("sessions").select("id").execute()).length, before);
      assert.equal((await t.app.request("/en/account", { headers: { cookie } })).status, 200);
    });

    test("security headers stay on every page: CSP without inline scripts, nosniff, frame-ancestors 'none'", async () => {
      const cookie = await signInAs(t, "administrator");
      for (const path of ["/en/sign-in", "/fr/account", "/en/admin/users"]) {
        const response = await t.app.request(path, { headers: { cookie } });
        const csp = response.headers.get("content-security-policy") ?? "";
        assert.match(csp, /script-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
        assert.match(csp, /frame-ancestors 'none'/);
        assert.equal(response.headers.get("x-content-type-options"), "nosniff");
        assert.doesNotMatch(await response.text(), /<script>|<script [^>]*>[^<]/, `${path}: no inline script`);
      }
    });
  });
}
