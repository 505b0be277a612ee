/** Sessions: listing, ending one, signing out everywhere, idle and absolute expiry, refresh, password change. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setDisabled } from "../../src/auth/accounts.ts";
import { SESSION_IDLE_SECONDS } from "../../src/auth/better-auth.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { ensureAccount, postForm, signInAs, TEST_PASSWORD, testEmail } from "../support/auth.ts";

const HOUR = 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`sessions (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let userId: string;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      userId = await ensureAccount(t, "editor");
    });
    after(() => t?.close());

    const isSignedIn = async (cookie: string) =>
      (await t.app.request("/en/account", { headers: { cookie } })).status === 200;
    const sessionIds = async () =>
      (await t.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).map((r) => r.id);
    const clearSessions = () => t.db.deleteFrom("sessions").execute();

    test("the account page lists my sessions and marks this one, in both languages", async () => {
      await clearSessions();
      const first = await signInAs(t, "editor");
      await signInAs(t, "editor");
      for (const [lang, marker] of [
        ["en", "This session"],
        ["fr", "Cette session"],
      ] as const) {
        const response = await t.app.request(`/${lang}/account`, { headers: { cookie: first } });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("cache-control"), "no-store");
        const html = await response.text();
        assert.equal(html.match(/<tr><td>/g)?.length, 2);
        assert.equal(html.split(marker).length - 1, 1);
      }
    });

    test("ending another session of mine signs it out; someone else's session id is a 404", async () => {
      await clearSessions();
      const mine = await signInAs(t, "editor");
      const other = await signInAs(t, "editor");
      const admin = await signInAs(t, "administrator");
      const ids = await sessionIds();
      const current = await t.db
        .selectFrom("sessions")
        .select("id")
        .where("token", "=", decodeURIComponent(other.split("=")[1]).split(".")[0])
        .executeTakeFirstOrThrow();
      assert.equal(
        (await t.app.request(`/en/account/sessions/${current.id}/sign-out`, postForm(t, {}, admin))).status,
        404,
        "not the admin's session",
      );
      const ended = await t.app.request(`/en/account/sessions/${current.id}/sign-out`, postForm(t, {}, mine));
      assert.equal(ended.status, 303);
      assert.equal(ended.headers.get("location"), "/en/account?notice=sessionEnded");
      assert.equal(await isSignedIn(other), false);
      assert.equal(await isSignedIn(mine), true);
      assert.equal((await sessionIds()).length, ids.length - 1);
    });

    test("sign out everywhere ends every session of the account, and only that account's", async () => {
      await clearSessions();
      const a = await signInAs(t, "editor");
      const b = await signInAs(t, "editor");
      const admin = await signInAs(t, "administrator");
      const response = await t.app.request("/fr/account/sign-out-everywhere", postForm(t, {}, b));
      assert.equal(response.status, 303);
      assert.equal(response.headers.get("location"), "/fr/sign-in?notice=everywhere");
      assert.ok(response.headers.getSetCookie().some((c) => /^skillshelf\.session_token=;/.test(c)));
      assert.equal(await isSignedIn(a), false);
      assert.equal(await isSignedIn(b), false);
      assert.equal(await isSignedIn(admin), true);
      assert.deepEqual(await sessionIds(), []);
    });

    test("idle expiry: a session unused past its expiry is anonymous, its cookie dropped and its row deleted", async () => {
      await clearSessions();
      const cookie = await signInAs(t, "editor");
      await t.db
        .updateTable("sessions")
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where("user_id", "=", userId)
        .execute();
      const response = await t.app.request("/en/account", { headers: { cookie } });
      assert.equal(response.status, 303);
      assert.ok(response.headers.getSetCookie().some((c) => /^skillshelf\.session_token=;.*Max-Age=0/.test(c)));
      assert.deepEqual(await sessionIds(), []);
    });

    test("absolute expiry: 12 hours after signing in the session ends, however active", async () => {
      await clearSessions();
      const cookie = await signInAs(t, "editor");
      const signedInAgo = (ms: number) =>
        t.db
          .updateTable("sessions")
          .set({ created_at: new Date(Date.now() - ms).toISOString() })
          .where("user_id", "=", userId)
          .execute();
      await signedInAgo(11 * HOUR);
      assert.equal(await isSignedIn(cookie), true, "11 hours in, still signed in");
      await t.db
        .updateTable("sessions")
        .set({
          created_at: new Date(Date.now() - 12 * HOUR - 60_000).toISOString(),
          updated_at: new Date().toISOString(),
        })
        .where("user_id", "=", userId)
        .execute();
      assert.equal(await isSignedIn(cookie), false);
      assert.deepEqual(await sessionIds(), []);
    });

    test("a session in use is refreshed: its expiry moves 12 hours ahead and the cookie is renewed", async () => {
      await clearSessions();
      const cookie = await signInAs(t, "editor");
      const stale = new Date(Date.now() + SESSION_IDLE_SECONDS * 1000 - HOUR);
      await t.db
        .updateTable("sessions")
        .set({ expires_at: stale.toISOString() })
        .where("user_id", "=", userId)
        .execute();
      const response = await t.app.request("/en/account", { headers: { cookie } });
      assert.equal(response.status, 200);
      assert.ok(
        response.headers.getSetCookie().some((c) => /^skillshelf\.session_token=[^;]+;.*Max-Age=43200/.test(c)),
      );
      const row = await t.db
        .selectFrom("sessions")
        .select("expires_at")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow();
      assert.ok(new Date(row.expires_at).getTime() > stale.getTime() + 30 * 60_000);
    });

    test("disabling an account ends its sessions at once (and a leftover session is ignored)", async () => {
      await clearSessions();
      const cookie = await signInAs(t, "editor");
      await setDisabled(t.db, userId, true);
      assert.equal(await isSignedIn(cookie), false);
      assert.deepEqual(await sessionIds(), []);
      await setDisabled(t.db, userId, false);
      const again = await signInAs(t, "editor");
      // Disabled behind the app's back, sessions left in place: still anonymous.
      await t.db
        .updateTable("users")
        .set({ disabled: dialect === "sqlite" ? 1 : true })
        .where("id", "=", userId)
        .execute();
      assert.equal(await isSignedIn(again), false);
      await setDisabled(t.db, userId, false);
    });

    test("changing the password: current one required, rules enforced, other sessions signed out", async () => {
      await clearSessions();
      const here = await signInAs(t, "editor");
      const elsewhere = await signInAs(t, "editor");
      const change = (fields: Record<string, string>, lang = "en") =>
        t.app.request(`/${lang}/account/password`, postForm(t, fields, here));

      const wrongCurrent = await change({
        current: "not my password",
        password: "tidal zephyr quartz 17",
        confirm: "tidal zephyr quartz 17",
      });
      assert.equal(wrongCurrent.status, 400);
      assert.match(await wrongCurrent.text(), /The current password is incorrect\./);

      const weak = await change({ current: TEST_PASSWORD, password: "password1234", confirm: "password1234" }, "fr");
      assert.equal(weak.status, 400);
      const weakHtml = await weak.text();
      assert.match(weakHtml, /trop courant ou trop facile à deviner/);
      assert.match(weakHtml, /role="alert"/);
      assert.match(weakHtml, /id="field-password"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-password"/);

      // The account is "Test editor" (editor@skillshelf.test): neither may be inside the new password.
      for (const [lang, password, message] of [
        ["en", "tidal Editor quartz zephyr", /must not contain your name or email address/],
        ["fr", "quartz skillshelf tidal 17 editor@", /ne doit contenir ni votre nom ni votre adresse courriel/],
      ] as const) {
        const personal = await change({ current: TEST_PASSWORD, password, confirm: password }, lang);
        assert.equal(personal.status, 400);
        assert.match(await personal.text(), message);
      }

      const short = await change({ current: TEST_PASSWORD, password: "short", confirm: "short" });
      assert.match(await short.text(), /at least 12 characters/);
      const mismatch = await change({
        current: TEST_PASSWORD,
        password: "tidal zephyr quartz 17",
        confirm: "tidal zephyr quartz 18",
      });
      assert.match(await mismatch.text(), /The two passwords are not the same\./);

      const done = await change({
        current: TEST_PASSWORD,
        password: "tidal zephyr quartz 17",
        confirm: "tidal zephyr quartz 17",
      });
      assert.equal(done.status, 303);
      assert.equal(await isSignedIn(here), true);
      assert.equal(await isSignedIn(elsewhere), false);
      const old = await t.app.request(
        "/en/sign-in",
        postForm(t, { email: testEmail("editor"), password: TEST_PASSWORD }),
      );
      assert.equal(old.status, 400);
      // Put the shared test password back for the other tests.
      assert.equal(
        (
          await t.app.request(
            "/en/account/password",
            postForm(t, { current: "tidal zephyr quartz 17", password: TEST_PASSWORD, confirm: TEST_PASSWORD }, here),
          )
        ).status,
        303,
      );
    });
  });
}
