/** Signing in and out through the real forms, on every database, in both languages. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setDisabled } from "../../src/auth/accounts.ts";
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

const text = {
  en: {
    failed: "The email address or password is incorrect.",
    signOut: "Sign out",
    signIn: "Sign in",
    disabled: "This account is disabled",
    emailInvalid: "Enter an email address",
  },
  fr: {
    failed: "L&#39;adresse courriel ou le mot de passe est incorrect.",
    signOut: "Se déconnecter",
    signIn: "Se connecter",
    disabled: "Ce compte est désactivé",
    emailInvalid: "Entrez une adresse courriel",
  },
} as const;

for (const dialect of testDialects()) {
  describe(`sign-in (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      await ensureAccount(t, "editor");
    });
    after(() => t?.close());

    const signIn = (lang: string, fields: Record<string, string>, headers?: Record<string, string>) =>
      t.app.request(`/${lang}/sign-in`, postForm(t, fields, undefined, headers));

    for (const lang of ["en", "fr"] as const) {
      test(`${lang}: the page has one h1, labelled fields, and is never cached`, async () => {
        const response = await t.app.request(`/${lang}/sign-in`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("cache-control"), "no-store");
        const html = await response.text();
        assert.equal(html.match(/<h1>/g)?.length, 1);
        assert.match(html, new RegExp(`<html lang="${lang}-CA"`));
        assert.match(html, /<label for="field-email">/);
        assert.match(html, /<label for="field-password">/);
        assert.match(html, /autocomplete="current-password"/);
      });

      test(`${lang}: the right password signs in with a secure session cookie and lands on the editor`, async () => {
        const response = await signIn(lang, {
          email: ` ${testEmail("editor").toUpperCase()} `,
          password: TEST_PASSWORD,
        });
        assert.equal(response.status, 303);
        assert.equal(response.headers.get("location"), `/${lang}/editor`);
        const [cookie] = response.headers.getSetCookie();
        assert.match(cookie, /^skillshelf\.session_token=[^;]+/);
        assert.match(cookie, /; HttpOnly/);
        assert.match(cookie, /; SameSite=Lax/);
        assert.match(cookie, /; Path=\//);
        assert.match(cookie, /; Max-Age=43200/, "idle expiry: 12 hours");
        assert.doesNotMatch(cookie, /; Secure/, "plain http (localhost) cannot carry Secure cookies");
        const page = await (
          await t.app.request(`/${lang}/account`, { headers: { cookie: cookieFrom(response) } })
        ).text();
        assert.match(page, new RegExp(`<button type="submit">${text[lang].signOut}</button>`));
      });

      test(`${lang}: a wrong password or an unknown address gets the same translated refusal`, async () => {
        for (const fields of [
          { email: testEmail("editor"), password: "not the password at all" },
          { email: "nobody@skillshelf.test", password: TEST_PASSWORD },
        ]) {
          const response = await signIn(lang, fields);
          assert.equal(response.status, 400);
          assert.equal(response.headers.getSetCookie().length, 0);
          const html = await response.text();
          assert.match(html, /role="alert"/);
          assert.ok(html.includes(text[lang].failed), html.match(/<main[\s\S]*<\/main>/)?.[0]);
          assert.match(html, /id="field-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-email"/);
          assert.match(html, new RegExp(`value="${fields.email}"`), "the address is kept");
          assert.doesNotMatch(html, /not the password at all/, "the password is never echoed");
        }
      });

      test(`${lang}: empty or malformed fields are named, translated, and marked invalid`, async () => {
        const response = await signIn(lang, { email: "not-an-email", password: "" });
        assert.equal(response.status, 400);
        const html = await response.text();
        assert.ok(html.includes(text[lang].emailInvalid));
        assert.match(html, /<a href="#field-password">/);
        assert.equal(html.match(/aria-invalid="true"/g)?.length, 2);
      });
    }

    test("nasty input: markup is escaped, odd bodies get a 400 and oversize ones a 413, never a 500", async () => {
      const markup = await signIn("en", { email: `"><script>alert(1)</script>@x.y`, password: "x" });
      assert.equal(markup.status, 400);
      const html = await markup.text();
      assert.doesNotMatch(html, /<script>alert/);
      assert.match(html, /&lt;script&gt;|&quot;&gt;&lt;script/);
      assert.equal((await signIn("en", { email: testEmail("editor"), password: "p".repeat(5_000) })).status, 400);
      assert.equal((await signIn("en", { email: testEmail("editor"), password: "p".repeat(100_000) })).status, 413);
      assert.equal((await signIn("en", { email: "a@b.c".repeat(100), password: "x" })).status, 400);
      const json = await t.app.request("/en/sign-in", {
        method: "POST",
        headers: { ...csrfHeaders(t), "content-type": "application/json" },
        body: "{}",
      });
      assert.equal(json.status, 400);
    });

    test("next: a page of this site is honoured, anything else falls back to the editor", async () => {
      const good = await signIn("en", {
        email: testEmail("editor"),
        password: TEST_PASSWORD,
        next: "/fr/account?tab=1",
      });
      assert.equal(good.headers.get("location"), "/fr/account?tab=1");
      for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
        const bad = await signIn("en", { email: testEmail("editor"), password: TEST_PASSWORD, next });
        assert.equal(bad.headers.get("location"), "/en/editor", next);
      }
      const page = await (await t.app.request(`/en/sign-in?next=${encodeURIComponent("//evil.example")}`)).text();
      assert.doesNotMatch(page, /evil\.example/);
    });

    test("an organisation's member (no editor) lands among their organisations, not in the editor", async () => {
      await ensureAccount(t, "member", "member@skillshelf.test");
      for (const lang of ["en", "fr"] as const) {
        const response = await signIn(lang, { email: "member@skillshelf.test", password: TEST_PASSWORD });
        assert.equal(response.status, 303);
        assert.equal(response.headers.get("location"), `/${lang}/orgs`);
      }
    });

    test("a disabled account cannot sign in; it learns so only with the right password", async () => {
      const id = await ensureAccount(t, "editor", "paused@skillshelf.test");
      await setDisabled(t.db, id, true);
      const right = await signIn("fr", { email: "paused@skillshelf.test", password: TEST_PASSWORD });
      assert.equal(right.status, 403);
      assert.equal(right.headers.getSetCookie().length, 0);
      assert.ok((await right.text()).includes(text.fr.disabled));
      const wrong = await signIn("fr", { email: "paused@skillshelf.test", password: "wrong wrong wrong" });
      assert.equal(wrong.status, 400);
      assert.ok(!(await wrong.text()).includes(text.fr.disabled));
      const sessions = await t.db.selectFrom("sessions").select("id").where("user_id", "=", id).execute();
      assert.equal(sessions.length, 0);
      await setDisabled(t.db, id, false);
      assert.equal((await signIn("fr", { email: "paused@skillshelf.test", password: TEST_PASSWORD })).status, 303);
    });

    test("sign out ends the session and clears the cookie; the old cookie is then worthless", async () => {
      const cookie = await signInAs(t, "editor");
      const out = await t.app.request("/fr/sign-out", postForm(t, {}, cookie));
      assert.equal(out.status, 303);
      assert.equal(out.headers.get("location"), "/fr/sign-in?notice=signedOut");
      assert.ok(out.headers.getSetCookie().some((c) => /^skillshelf\.session_token=;.*Max-Age=0/.test(c)));
      const again = await t.app.request("/en/account", { headers: { cookie } });
      assert.equal(again.status, 303);
      const notice = await (await t.app.request("/fr/sign-in?notice=signedOut")).text();
      assert.match(notice, /Votre session est fermée/);
      assert.equal(
        (await t.app.request("/en/sign-out", postForm(t, {}))).status,
        303,
        "signing out without a session is harmless",
      );
    });

    test("public pages: a signed-in visit is private and never leaks into the shared page cache", async () => {
      const cookie = await signInAs(t, "editor");
      const anonymousBefore = await t.app.request("/fr");
      assert.match(await anonymousBefore.text(), /Se connecter/);
      const mine = await t.app.request("/fr", { headers: { cookie } });
      assert.equal(mine.headers.get("cache-control"), "private, no-store");
      assert.equal(mine.headers.get("x-cache"), null, "not served from the cache");
      assert.match(await mine.text(), /Se déconnecter/);
      const anonymousAfter = await (await t.app.request("/fr")).text();
      assert.match(anonymousAfter, /Se connecter/);
      assert.doesNotMatch(anonymousAfter, /Se déconnecter/);
    });

    test("anonymous readers see 'Sign in' in the header, in their language", async () => {
      for (const lang of ["en", "fr"] as const) {
        const html = await (await t.app.request(`/${lang}/sign-in`)).text();
        assert.match(html, new RegExp(`<a class="account-link" href="/${lang}/sign-in">${text[lang].signIn}</a>`));
      }
    });
  });
}

describe("sign-in behind HTTPS", () => {
  test("BASE_URL https: the cookie is Secure and __Host- prefixed (no Domain, Path=/)", async () => {
    const t = await makeTestApp({ starter: false, env: { BASE_URL: "https://skills.example.ca" } });
    try {
      await ensureAccount(t, "editor");
      const response = await t.app.request(
        "https://skills.example.ca/en/sign-in",
        postForm(t, { email: testEmail("editor"), password: TEST_PASSWORD }),
      );
      assert.equal(response.status, 303);
      const [cookie] = response.headers.getSetCookie();
      assert.match(cookie, /^__Host-skillshelf\.session_token=/);
      assert.doesNotMatch(cookie, /Domain=/i);
      assert.match(cookie, /; Path=\//);
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      const account = await t.app.request("https://skills.example.ca/en/account", {
        headers: { cookie: cookieFrom(response) },
      });
      assert.equal(account.status, 200);
    } finally {
      await t.close();
    }
  });
});
