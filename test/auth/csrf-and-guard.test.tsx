/**
 * CSRF refusal (a request from another origin, or without the site's token, gets 403 and never
 * reaches its handler; a malformed form body gets 400) and the requirePermission guard's answers
 * to each kind of caller.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Hono } from "hono";
import { jsxRenderer } from "hono/jsx-renderer";
import type { AppEnv } from "../../src/app-env.ts";
import { readConfig } from "../../src/config.ts";
import { requirePermission } from "../../src/policy/guard.ts";
import type { Actor } from "../../src/policy/index.ts";
import { CSRF_HEADER, csrfKey, csrfToken, provideCsrfToken, refuseForgedRequests } from "../../src/security/csrf.ts";
import { Layout } from "../../src/ui/layout.tsx";
import { makeTestApp, testDialects } from "../support/app.ts";
import {
  cookieFrom,
  csrfHeaders,
  ensureAccount,
  postForm,
  signInAs,
  TEST_PASSWORD,
  testEmail,
} from "../support/auth.ts";
import { attr, tagsWith } from "../support/html.ts";

const BASE = "http://localhost:3000";
const SECRET = "probe-secret-with-at-least-32-characters";
const KEY = csrfKey(SECRET);
/** A browser that was shown a form: its anonymous csrf cookie and the token the form carried. */
const BROWSER = { cookie: "skillshelf.csrf=probe-browser", token: csrfToken(KEY, { anonymous: "probe-browser" }) };

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
  app.use(
    "*",
    provideCsrfToken({ baseUrl: BASE, secret: async () => SECRET, sessionCookie: "skillshelf.session_token" }),
  );
  app.use("*", refuseForgedRequests({ baseUrl: BASE }));
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

/** A urlencoded form post carrying the probe browser's cookie and token (unless overridden). */
const form = (headers: Record<string, string>, token = BROWSER.token) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: BROWSER.cookie, ...headers },
  body: `a=1&_csrf=${encodeURIComponent(token)}`,
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
    assert.deepEqual(calls, []);
  });

  test("the Origin check applies whatever the content type (JSON, text, none, any method)", async () => {
    const { app, calls } = probeApp();
    for (const type of ["multipart/form-data; boundary=x", "text/plain", "application/json", "application/xml", ""]) {
      for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
        const response = await app.request("/en/probe", {
          method,
          headers: {
            ...(type ? { "content-type": type } : {}),
            origin: "https://evil.example",
            cookie: BROWSER.cookie,
            [CSRF_HEADER]: BROWSER.token,
          },
          body: "{}",
        });
        assert.equal(response.status, 403, `${method} ${type}`);
      }
    }
    assert.deepEqual(calls, []);
  });

  test("the site's own origin (or Sec-Fetch-Site: same-origin) with the page's token gets through", async () => {
    const { app, calls } = probeApp();
    assert.equal((await app.request("/en/probe", form({ origin: BASE }))).status, 200);
    assert.equal((await app.request("/en/probe", form({ "sec-fetch-site": "same-origin" }))).status, 200);
    const json = await app.request("/en/probe", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: BASE,
        cookie: BROWSER.cookie,
        [CSRF_HEADER]: BROWSER.token,
      },
      body: "{}",
    });
    assert.equal(json.status, 200, "scripts send the token as a header");
    assert.equal(calls.length, 3);
  });

  test("the same origin without a valid token is refused: none, wrong, another browser's, or a session's", async () => {
    const { app, calls } = probeApp();
    const otherBrowser = csrfToken(KEY, { anonymous: "someone-else" });
    const sessionToken = csrfToken(KEY, { session: "victim-session" });
    const otherKey = csrfToken(csrfKey("another-secret-of-at-least-32-chars!!"), { anonymous: "probe-browser" });
    for (const token of ["", "x", BROWSER.token.slice(1), otherBrowser, sessionToken, otherKey, "a".repeat(5000)]) {
      const response = await app.request("/en/probe", form({ origin: BASE }, token));
      assert.equal(response.status, 403, token.slice(0, 20));
    }
    // The right token with no cookie to bind it to is refused as well.
    const noCookie = await app.request("/en/probe", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
      body: `_csrf=${encodeURIComponent(BROWSER.token)}`,
    });
    assert.equal(noCookie.status, 403);
    assert.deepEqual(calls, []);
  });

  test("a form body that cannot be read is a translated 400, not a 500", async () => {
    const { app, calls } = probeApp();
    for (const lang of ["en", "fr"]) {
      const response = await app.request(`/${lang}/probe`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", origin: BASE, cookie: BROWSER.cookie },
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno closing boundary',
      });
      assert.equal(response.status, 400);
      assert.match(await response.text(), lang === "en" ? /could not be read/ : /illisible/);
    }
    assert.deepEqual(calls, []);
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

    test("every form that posts carries the token; a browser that loaded the page can post it back", async () => {
      await ensureAccount(t, "editor");
      const page = await t.app.request("/fr/sign-in");
      assert.equal(page.headers.get("cache-control"), "no-store");
      const browser = cookieFrom(page);
      assert.match(browser, /^skillshelf\.csrf=/, "an anonymous visitor shown a form gets the csrf cookie");
      const html = await page.text();
      const [field] = tagsWith(html, "input", /name="_csrf"/);
      assert.ok(field);
      const token = attr(field, "value") as string;
      const signedIn = await t.app.request("/fr/sign-in", {
        method: "POST",
        headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded", cookie: browser },
        body: new URLSearchParams({ _csrf: token, email: testEmail("editor"), password: TEST_PASSWORD }).toString(),
      });
      assert.equal(signedIn.status, 303);
      const cookie = cookieFrom(signedIn);
      for (const path of ["/en/account", "/en/account/password", "/en", "/en/frameworks"]) {
        const signedInPage = await (await t.app.request(path, { headers: { cookie } })).text();
        const forms = tagsWith(signedInPage, "form", /method="post"/);
        assert.ok(forms.length > 0, `${path} has forms that post`);
        const fields = tagsWith(signedInPage, "input", /name="_csrf"/);
        assert.equal(fields.length, forms.length, `${path}: one token per form`);
      }
      // The anonymous token does not pass for the signed-in session, and the reverse.
      const everywhere = (body: string) =>
        t.app.request("/en/account/sign-out-everywhere", {
          method: "POST",
          headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded", cookie },
          body,
        });
      assert.equal((await everywhere("")).status, 403);
      assert.equal((await everywhere(`_csrf=${encodeURIComponent(token)}`)).status, 403);
    });

    test("a cross-origin sign-in with the right password creates no session", async () => {
      await signInAs(t, "editor");
      await t.db.deleteFrom("sessions").execute();
      const response = await t.app.request("/en/sign-in", {
        method: "POST",
        ...postForm(t, { email: testEmail("editor"), password: TEST_PASSWORD }),
        headers: {
          ...csrfHeaders(t),
          origin: "https://evil.example",
          "content-type": "application/x-www-form-urlencoded",
        },
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

    test("security headers stay on every page: CSP without inline scripts, nosniff, frame-ancestors 'none', Permissions-Policy; no HSTS over http", async () => {
      const cookie = await signInAs(t, "administrator");
      for (const path of ["/en/sign-in", "/fr/account", "/en/admin/users"]) {
        const response = await t.app.request(path, { headers: { cookie } });
        const csp = response.headers.get("content-security-policy") ?? "";
        assert.match(csp, /script-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
        assert.match(csp, /frame-ancestors 'none'/);
        assert.equal(response.headers.get("x-content-type-options"), "nosniff");
        assert.match(
          response.headers.get("permissions-policy") ?? "",
          /camera=\(\), microphone=\(\), geolocation=\(\)/,
        );
        assert.equal(response.headers.get("strict-transport-security"), null, "HSTS means nothing over http");
        assert.match(response.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
        assert.doesNotMatch(await response.text(), /<script>|<script [^>]*>[^<]/, `${path}: no inline script`);
      }
    });
  });
}

describe("over HTTPS", () => {
  test("HSTS is sent, and the csrf cookie is __Host- prefixed and Secure", async () => {
    const t = await makeTestApp({ starter: false, env: { BASE_URL: "https://skills.example.ca" } });
    try {
      const response = await t.app.request("https://skills.example.ca/en/sign-in");
      assert.match(response.headers.get("strict-transport-security") ?? "", /max-age=\d{7,}/);
      const [csrfCookie] = response.headers.getSetCookie();
      assert.match(csrfCookie, /^__Host-skillshelf\.csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      await t.close();
    }
  });
});
