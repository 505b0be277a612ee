/**
 * Hostile requests, on each database: parallel password guesses, oversize bodies (declared and
 * streamed), malformed multipart and forged posts to every POST route the app has, odd asset
 * names, and an invitation link submitted many times at once. Every answer is a clear 4xx; nothing
 * is a 500, nothing is read whole, and no guess is checked beyond the throttle's allowance.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inspectRoutes } from "hono/dev";
import { bodyRules } from "../../src/app.tsx";
import { THROTTLE_RULES } from "../../src/auth/throttle.ts";
import { DEFAULT_BODY_LIMIT, limitFor } from "../../src/security/body-limit.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { cookieFrom, csrfHeaders, ensureAccount, postForm, signInAs, TEST_PASSWORD } from "../support/auth.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

const SAMPLE = "00000000-0000-4000-8000-000000000000";
const TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * The CASE API is read-only: its POST routes exist only to answer 405 (with an imsx payload)
 * before any body is read, so they are checked on their own below, not as form routes.
 */
const READ_ONLY_API = /^\/ims\/case\//;

/** Every POST route the app registers, as concrete paths in both languages. */
function postPaths(t: TestApp, which: "forms" | "read-only" = "forms"): string[] {
  const paths = new Set<string>();
  // biome-ignore lint/suspicious/noExplicitAny: inspectRoutes takes a Hono of the default Env.
  for (const route of inspectRoutes(t.app as any)) {
    if (route.isMiddleware || route.method !== "POST") continue;
    if (READ_ONLY_API.test(route.path) !== (which === "read-only")) continue;
    paths.add(
      route.path.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, (_, name: string) =>
        name === "slug" ? "public-library-staff" : name === "token" ? TOKEN : SAMPLE,
      ),
    );
  }
  return [...paths].sort();
}

/** A body stream that would produce `total` bytes, counting what was actually pulled from it. */
function lazyBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

const MALFORMED_MULTIPART = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue with no closing boundary';

for (const dialect of testDialects()) {
  describe(`hostile requests (${dialect})`, () => {
    let t: TestApp;
    let admin: string;
    let paths: string[];
    before(async () => {
      // TRUST_PROXY: each test request can come from an address of its own.
      // A small import limit keeps the streamed-upload case below light (the limit is a setting).
      t = await makeTestApp({ dialect, env: { TRUST_PROXY: "1", IMPORT_MAX_MB: "5" } });
      admin = await signInAs(t, "administrator");
      paths = postPaths(t);
    });
    after(() => t?.close());

    const from = (address: string) => ({ "x-forwarded-for": address });

    test("the app has POST routes for every capability (so the checks below cover something)", () => {
      for (const expected of ["/en/sign-in", "/en/admin/users", "/en/editor/frameworks", "/en/editor/import/upload"])
        assert.ok(paths.includes(expected), expected);
      assert.ok(paths.length >= 30, `only ${paths.length} POST routes found`);
    });

    test("the read-only CASE API answers 405 to any write, whatever its body, and reads none of it", async () => {
      const apiPaths = postPaths(t, "read-only").map((p) => p.replace("*", "CFDocuments"));
      assert.ok(apiPaths.length > 0, "the CASE API registers its refusals");
      for (const path of apiPaths) {
        const { stream, counter } = lazyBody(300 * 1024 * 1024);
        const response = await t.app.request(path, {
          method: "POST",
          headers: { "content-type": "multipart/form-data; boundary=x", origin: "https://elsewhere.example" },
          body: stream,
          duplex: "half",
        } as RequestInit);
        assert.equal(response.status, 405, path);
        assert.match(response.headers.get("content-type") ?? "", /json/, path);
        assert.ok(counter.pulled <= 2 * 64 * 1024, `${path}: ${counter.pulled} bytes were read`);
      }
    });

    test("200 parallel guesses at one account: only the free ones are checked, and the right password among them wipes nothing", async () => {
      const email = "burst@skillshelf.test";
      await ensureAccount(t, "editor", email);
      const guesses = Array.from({ length: 200 }, (_, i) =>
        t.app.request(
          "/en/sign-in",
          postForm(
            t,
            { email, password: i === 2 ? TEST_PASSWORD : `wrong guess ${i}` },
            undefined,
            from(`10.1.${i >> 8}.${i & 255}`),
          ),
        ),
      );
      const statuses = (await Promise.all(guesses)).map((r) => r.status);
      const checked = statuses.filter((s) => s !== 429).length;
      assert.ok(checked <= THROTTLE_RULES.account.free, `${checked} guesses were checked`);
      assert.ok(statuses.filter((s) => s === 429).length >= 200 - THROTTLE_RULES.account.free);
      // Whether or not the right password got through, the wrong guesses stay counted.
      const after = await t.app.request(
        "/en/sign-in",
        postForm(t, { email, password: "yet another guess" }, undefined, from("10.2.0.1")),
      );
      assert.equal(after.status, 429);
      assert.ok(Number(after.headers.get("retry-after")) > 0);
      const failed = await t.db
        .selectFrom("security_events")
        .select(["request_id", "address"])
        .where("kind", "=", "sign_in.failed")
        .where("subject_label", "=", email)
        .execute();
      assert.ok(failed.length <= THROTTLE_RULES.account.free);
      assert.ok(failed.every((row) => row.request_id && row.address?.startsWith("10.1.")));
    });

    test("50 parallel guesses at the current password on the password form: only the free ones are checked", async () => {
      const email = "changer@skillshelf.test";
      await ensureAccount(t, "editor", email);
      const cookie = cookieFrom(
        await t.app.request(
          "/en/sign-in",
          postForm(t, { email, password: TEST_PASSWORD }, undefined, from("10.3.0.1")),
        ),
      );
      const guesses = Array.from({ length: 50 }, (_, i) =>
        t.app.request(
          "/en/account/password",
          postForm(
            t,
            { current: `wrong ${i}`, password: "tidal zephyr quartz 17", confirm: "tidal zephyr quartz 17" },
            cookie,
            from(`10.4.0.${i}`),
          ),
        ),
      );
      const statuses = (await Promise.all(guesses)).map((r) => r.status);
      assert.ok(statuses.filter((s) => s === 400).length <= THROTTLE_RULES.account.free, statuses.join(","));
      assert.ok(statuses.every((s) => s === 400 || s === 429));
    });

    test("every POST route refuses a body over its limit with 413, declared or streamed", async () => {
      const wrong: string[] = [];
      for (const path of paths) {
        const limit = limitFor(bodyRules(t.config.importParse.maxBytes), DEFAULT_BODY_LIMIT, "POST", path).maxBytes;
        const declared = await t.app.request(path, {
          method: "POST",
          headers: {
            ...csrfHeaders(t, admin),
            "content-type": "application/x-www-form-urlencoded",
            "content-length": String(limit + 1),
          },
          body: "a=1",
        });
        if (declared.status !== 413) wrong.push(`${path} declared: ${declared.status}`);
        const { stream, counter } = lazyBody(limit + 128 * 1024);
        const streamed = await t.app.request(path, {
          method: "POST",
          headers: { ...csrfHeaders(t, admin), "content-type": "application/x-www-form-urlencoded" },
          body: stream,
          duplex: "half",
        } as RequestInit);
        if (streamed.status !== 413) wrong.push(`${path} streamed: ${streamed.status}`);
        if (counter.pulled > limit + 128 * 1024) wrong.push(`${path}: read ${counter.pulled} bytes`);
      }
      assert.deepEqual(wrong, []);
    });

    test("a 300 MB anonymous post to the sign-in form is refused after its first few chunks, with a translated page", async () => {
      for (const [lang, text] of [
        ["en", /Too much was sent/],
        ["fr", /Envoi trop volumineux/],
      ] as const) {
        const { stream, counter } = lazyBody(300 * 1024 * 1024);
        const response = await t.app.request(`/${lang}/sign-in`, {
          method: "POST",
          headers: { ...csrfHeaders(t), "content-type": "application/x-www-form-urlencoded" },
          body: stream,
          duplex: "half",
        } as RequestInit);
        assert.equal(response.status, 413);
        const html = await response.text();
        assert.match(html, text);
        assert.match(html, new RegExp(`<html lang="${lang}-CA"`));
        // The stream is pulled a chunk or two ahead of the reader; nowhere near 300 MB.
        assert.ok(counter.pulled <= DEFAULT_BODY_LIMIT + 4 * 64 * 1024, `${counter.pulled} bytes read`);
      }
    });

    test("malformed multipart to every POST route is a 400, anonymous or signed in, never a 500", async () => {
      const wrong: string[] = [];
      for (const path of paths) {
        for (const cookie of [undefined, admin]) {
          const response = await t.app.request(path, {
            method: "POST",
            headers: { ...csrfHeaders(t, cookie), "content-type": "multipart/form-data; boundary=x" },
            body: MALFORMED_MULTIPART,
          });
          if (response.status !== 400) wrong.push(`${path} (${cookie ? "admin" : "anonymous"}): ${response.status}`);
        }
        const noBoundary = await t.app.request(path, {
          method: "POST",
          headers: { ...csrfHeaders(t, admin), "content-type": "multipart/form-data" },
          body: "a=1",
        });
        if (noBoundary.status !== 400) wrong.push(`${path} without boundary: ${noBoundary.status}`);
      }
      assert.deepEqual(wrong, []);
    });

    test("a post without the site's token, or from another origin, is refused on every POST route", async () => {
      const wrong: string[] = [];
      for (const path of paths) {
        const { "x-csrf-token": _token, ...noToken } = csrfHeaders(t, admin);
        const missing = await t.app.request(path, {
          method: "POST",
          headers: { ...noToken, "content-type": "application/x-www-form-urlencoded" },
          body: "a=1",
        });
        if (missing.status !== 403) wrong.push(`${path} without token: ${missing.status}`);
        const crossSite = await t.app.request(path, {
          ...postForm(t, {}, admin),
          headers: { ...csrfHeaders(t, admin), "content-type": "application/json", origin: "https://evil.example" },
          body: "{}",
        });
        if (crossSite.status !== 403) wrong.push(`${path} cross-site JSON: ${crossSite.status}`);
      }
      assert.deepEqual(wrong, []);
    });

    test("odd asset names are a 404, never a 500", async () => {
      for (const name of [
        "constructor",
        "__proto__",
        "toString",
        "hasOwnProperty",
        "valueOf",
        "..%2Fapp.css",
        "%00",
        "app.css%00",
      ]) {
        const response = await t.app.request(`/assets/${name}`);
        assert.equal(response.status, 404, name);
      }
      assert.equal((await t.app.request("/assets/app.css")).status, 200);
    });

    test("an invitation link submitted 10 times at once signs in exactly once, and ends the account's other sessions", async () => {
      const created = await t.app.request(
        "/en/admin/users",
        postForm(t, { email: "invitee@skillshelf.test", name: "Invitee", role: "editor", method: "invitation" }, admin),
      );
      assert.equal(created.status, 201);
      const link = /value="(http[^"]*\/invitation\/[^"]+)"/.exec(await created.text())?.[1];
      assert.ok(link);
      const path = new URL(link).pathname;
      const user = await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "invitee@skillshelf.test")
        .executeTakeFirstOrThrow();
      // A session the account somehow already had (e.g. from before a password reset) must end.
      await t.db
        .insertInto("sessions")
        .values({
          id: SAMPLE,
          token: "leftover-session-token",
          user_id: user.id,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          ip_address: null,
          user_agent: null,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
      const password = "lantern quiver basalt 58";
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.app.request(path, postForm(t, { password, confirm: password }, undefined, from(`10.5.0.${i}`))),
        ),
      );
      const statuses = answers.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 303).length, 1, statuses.join(","));
      assert.equal(statuses.filter((s) => s === 404).length, 9);
      const sessions = await t.db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
      assert.equal(sessions.length, 1);
      assert.notEqual(sessions[0].id, SAMPLE);
      assert.equal((await t.app.request(path)).status, 404, "the link is used up");
      const accepted = await t.db
        .selectFrom("security_events")
        .select("kind")
        .where("subject_id", "=", user.id)
        .where("kind", "=", "invitation.accepted")
        .execute();
      assert.equal(accepted.length, 1);
    });
  });
}
