/**
 * The security log, on each database: sign-ins, failures, slow-downs, invitations, role changes,
 * disabling and enabling are recorded where they happen, with the actor, the account, the address
 * and the request id the response carried; administrators read it in either language.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { messages } from "../../src/i18n/index.ts";
import { recordSecurityEvent } from "../../src/security/events.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, ensureAccount, postForm, signInAs, TEST_PASSWORD, testEmail } from "../support/auth.ts";
import { countTags, hrefs } from "../support/html.ts";

for (const dialect of testDialects()) {
  describe(`security log (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let admin: string;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false, env: { TRUST_PROXY: "1" } });
      admin = await signInAs(t, "administrator");
    });
    after(() => t?.close());

    const rows = (kind: string) =>
      t.db.selectFrom("security_events").selectAll().where("kind", "=", kind).orderBy("at").execute();

    test("a sign-in and a failed one are recorded with the address and the response's request id", async () => {
      await ensureAccount(t, "editor");
      const ok = await t.app.request(
        "/en/sign-in",
        postForm(t, { email: testEmail("editor"), password: TEST_PASSWORD }, undefined, {
          "x-forwarded-for": "192.0.2.10",
        }),
      );
      const failed = await t.app.request(
        "/en/sign-in",
        postForm(t, { email: testEmail("editor"), password: "wrong one" }, undefined, {
          "x-forwarded-for": "192.0.2.11",
        }),
      );
      const success = (await rows("sign_in.succeeded")).find((row) => row.address === "192.0.2.10");
      assert.ok(success);
      assert.equal(success.request_id, ok.headers.get("x-request-id"));
      assert.equal(success.subject_label, testEmail("editor"));
      assert.equal(success.actor_id, null, "nobody was signed in yet");
      const failure = (await rows("sign_in.failed")).find((row) => row.address === "192.0.2.11");
      assert.ok(failure);
      assert.equal(failure.request_id, failed.headers.get("x-request-id"));
      const everything = JSON.stringify(await t.db.selectFrom("security_events").selectAll().execute());
      assert.ok(!everything.includes(TEST_PASSWORD) && !everything.includes("wrong one"), "no password is logged");
    });

    test("administrators' changes name who did them and to whom: create, invitation, role, disable, enable", async () => {
      const created = await t.app.request(
        "/en/admin/users",
        postForm(t, { email: "logged@skillshelf.test", name: "Logged", role: "editor", method: "invitation" }, admin),
      );
      assert.equal(created.status, 201);
      const user = await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "logged@skillshelf.test")
        .executeTakeFirstOrThrow();
      const promote = await t.app.request(
        `/en/admin/users/${user.id}/role`,
        postForm(t, { role: "administrator" }, admin),
      );
      assert.equal(promote.status, 303);
      assert.match(
        await (await t.app.request(promote.headers.get("location") as string, { headers: { cookie: admin } })).text(),
        /logged@skillshelf\.test is now: Administrator\./,
      );
      assert.equal((await t.app.request(`/en/admin/users/${user.id}/disable`, postForm(t, {}, admin))).status, 303);
      assert.equal((await t.app.request(`/en/admin/users/${user.id}/enable`, postForm(t, {}, admin))).status, 303);
      const adminId = (
        await t.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", testEmail("administrator"))
          .executeTakeFirstOrThrow()
      ).id;
      for (const kind of ["user.created", "invitation.issued", "user.role_changed", "user.disabled", "user.enabled"]) {
        const [row] = (await rows(kind)).filter((r) => r.subject_id === user.id);
        assert.ok(row, kind);
        assert.equal(row.actor_id, adminId, kind);
        assert.ok(row.request_id, kind);
      }
      const [role] = await rows("user.role_changed");
      assert.deepEqual(JSON.parse(role.detail as string), { from: "editor", to: "administrator" });
    });

    test("role changes: not one's own, only known roles, unknown accounts are 404; a demotion takes effect at once", async () => {
      const adminId = (
        await t.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", testEmail("administrator"))
          .executeTakeFirstOrThrow()
      ).id;
      const own = await t.app.request(`/en/admin/users/${adminId}/role`, postForm(t, { role: "editor" }, admin));
      assert.equal(own.status, 400);
      assert.match(await own.text(), /You cannot change your own role\./);
      const other = await ensureAccount(t, "administrator", "second-admin@skillshelf.test");
      const odd = await t.app.request(`/fr/admin/users/${other}/role`, postForm(t, { role: "owner" }, admin));
      assert.equal(odd.status, 400);
      const missing = await t.app.request(
        "/en/admin/users/00000000-0000-4000-8000-000000000000/role",
        postForm(t, { role: "editor" }, admin),
      );
      assert.equal(missing.status, 404);
      const theirs = await signInAs(t, "administrator", { email: "second-admin@skillshelf.test" });
      assert.equal((await t.app.request("/en/admin/users", { headers: { cookie: theirs } })).status, 200);
      assert.equal(
        (await t.app.request(`/en/admin/users/${other}/role`, postForm(t, { role: "editor" }, admin))).status,
        303,
      );
      assert.equal((await t.app.request("/en/admin/users", { headers: { cookie: theirs } })).status, 403);
    });

    test("the log page: administrators only, both languages, newest first, filtered by kind, 50 a page", async () => {
      const editor = await signInAs(t, "editor");
      assert.equal((await t.app.request("/en/admin/security-log", { headers: { cookie: editor } })).status, 403);
      assert.equal((await t.app.request("/en/admin/security-log")).status, 303);

      for (const [lang, title] of [
        ["en", "Security log"],
        ["fr", "Journal de sécurité"],
      ] as const) {
        const response = await t.app.request(`/${lang}/admin/security-log`, { headers: { cookie: admin } });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("cache-control"), "no-store");
        const html = await response.text();
        assert.equal(countTags(html, "h1"), 1);
        assert.match(html, new RegExp(`<h1>${title}</h1>`));
        assert.match(html, new RegExp(`<html lang="${lang}-CA"`));
        assert.match(html, /<label for="field-kind">/);
      }

      // 70 more events, a minute apart, so the order is certain.
      const start = Date.parse("2030-01-01T00:00:00.000Z");
      for (let i = 0; i < 70; i++)
        await recordSecurityEvent(
          t.db,
          undefined,
          { kind: "sign_out", subject: { label: `paging-${i}@skillshelf.test` }, requestId: `paging-${i}` },
          new Date(start + i * 60_000),
        );
      const first = await (
        await t.app.request("/en/admin/security-log?kind=sign_out", { headers: { cookie: admin } })
      ).text();
      const shown = [...first.matchAll(/paging-(\d+)@/g)].map((m) => Number(m[1]));
      assert.equal(shown.length, 50);
      assert.deepEqual(shown.slice(0, 3), [69, 68, 67], "newest first");
      assert.doesNotMatch(first, /<td>Signed in<\/td>/, "only the kind asked for");
      assert.match(first, /<option value="sign_out" selected="">/);
      const older = hrefs(first).find((href) => href.includes("before="));
      assert.ok(older);
      const second = await (await t.app.request(older, { headers: { cookie: admin } })).text();
      const rest = [...second.matchAll(/paging-(\d+)@/g)].map((m) => Number(m[1]));
      assert.deepEqual(
        rest,
        Array.from({ length: 20 }, (_, i) => 19 - i),
      );
      // A kind we did not make is pointed out on the filter, in the reader's language; the log shows every kind.
      for (const lang of ["en", "fr"] as const) {
        const unknown = await (
          await t.app.request(`/${lang}/admin/security-log?kind=nope`, { headers: { cookie: admin } })
        ).text();
        assert.match(
          unknown,
          /<select id="field-kind" name="kind" aria-invalid="true" aria-describedby="field-kind-error">/,
        );
        assert.match(unknown, /role="alert"/);
        assert.ok(unknown.includes('<a href="#field-kind">'), "the summary links to the filter");
        assert.ok(
          unknown.includes(messages(lang).logFilterLabel.replace(/'/g, "&#39;")),
          "the summary names the filter",
        );
      }
      // A cursor or kind we did not make shows the first page, never an error.
      for (const query of ["?before=%00%00", "?before=bm9wZQ", "?kind=__proto__", `?before=${"x".repeat(5000)}`]) {
        assert.equal(
          (await t.app.request(`/en/admin/security-log${query}`, { headers: { cookie: admin } })).status,
          200,
        );
      }
    });

    test("a flood of forged posts from one address is logged, but stored at most once a minute", async () => {
      const before = (await rows("request.refused_cross_site")).length;
      for (let i = 0; i < 30; i++) {
        const response = await t.app.request("/en/sign-in", {
          method: "POST",
          headers: {
            ...csrfHeaders(t),
            "content-type": "application/x-www-form-urlencoded",
            origin: "https://evil.example",
            "x-forwarded-for": "198.51.100.66",
          },
          body: "email=a%40b.c&password=x",
        });
        assert.equal(response.status, 403);
      }
      assert.equal((await rows("request.refused_cross_site")).length - before, 1);
    });
  });
}
