/** Administrators manage accounts: create with an invitation or a temporary password, disable, enable. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { cookieFrom, ensureAccount, postForm, signInAs, TEST_PASSWORD } from "../support/auth.ts";

const NEW_PASSWORD = "violet harbour compass 93";

for (const dialect of testDialects()) {
  describe(`account administration (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let admin: string;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      admin = await signInAs(t, "administrator");
    });
    after(() => t?.close());

    const create = (fields: Record<string, string>, lang = "en") =>
      t.app.request(`/${lang}/admin/users`, postForm(t, fields, admin));
    const secretOf = (html: string) =>
      html
        .match(/id="secret-value"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="secret-value"/)
        ?.slice(1)
        .find(Boolean) as string;

    test("an editor is refused the accounts pages with a translated 403", async () => {
      const editor = await signInAs(t, "editor");
      const response = await t.app.request("/fr/admin/users", { headers: { cookie: editor } });
      assert.equal(response.status, 403);
      const html = await response.text();
      assert.match(html, /<html lang="fr-CA"/);
      assert.match(
        html,
        /<h1>Vous n&#39;avez pas accès à cette page<\/h1>|<h1>Vous n'avez pas accès à cette page<\/h1>/,
      );
      assert.equal(
        (
          await t.app.request(
            "/en/admin/users",
            postForm(t, { email: "x@y.zz", role: "administrator", method: "invitation" }, editor),
          )
        ).status,
        403,
      );
      assert.equal(await findUserByEmail(t.db, "x@y.zz"), undefined, "nothing was created");
    });

    test("invitation: the link is shown once; the invitee chooses a password (rules enforced) and is signed in", async () => {
      const response = await create(
        { email: "Invitee@Library.example", name: "Ines <b>Invitee</b>", role: "editor", method: "invitation" },
        "fr",
      );
      assert.equal(response.status, 201);
      const html = await response.text();
      assert.match(html, /Transmettez vous-même ce lien d&#39;invitation|Transmettez vous-même ce lien d'invitation/);
      const link = secretOf(html);
      assert.match(link, /^http:\/\/localhost:3000\/fr\/invitation\/[A-Za-z0-9_-]{43}$/);
      const path = new URL(link).pathname;
      const stored = await t.db.selectFrom("verifications").select(["identifier", "value"]).execute();
      assert.ok(
        stored.every((row) => !row.identifier.includes(path.split("/").at(-1) as string)),
        "only the token's hash is stored",
      );

      const list = await (await t.app.request("/en/admin/users", { headers: { cookie: admin } })).text();
      assert.match(list, /Ines &lt;b&gt;Invitee&lt;\/b&gt;/, "names are escaped");
      assert.match(list, /Invitation not yet accepted/);

      const page = await t.app.request(path);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /invitee@library\.example/);

      const weak = await t.app.request(path, postForm(t, { password: "qwerty123456", confirm: "qwerty123456" }));
      assert.equal(weak.status, 400);
      const weakHtml = await weak.text();
      assert.match(weakHtml, /role="alert"/);
      assert.match(weakHtml, /trop courant/);
      const mismatch = await t.app.request(path, postForm(t, { password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }));
      assert.equal(mismatch.status, 400);

      const accepted = await t.app.request(path, postForm(t, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
      assert.equal(accepted.status, 303);
      assert.equal(accepted.headers.get("location"), "/fr/editor");
      const cookie = cookieFrom(accepted);
      assert.equal((await t.app.request("/en/account", { headers: { cookie } })).status, 200);

      const reused = await t.app.request(path);
      assert.equal(reused.status, 404);
      assert.match(
        await reused.text(),
        /Ce lien d&#39;invitation ne fonctionne pas|Ce lien d'invitation ne fonctionne pas/,
      );
      assert.equal(
        (
          await t.app.request(
            path,
            postForm(t, { password: "another fine password 5", confirm: "another fine password 5" }),
          )
        ).status,
        404,
      );
      assert.equal((await t.app.request("/en/invitation/not-a-token")).status, 404);
    });

    test("temporary password: shown once; the first sign-in must choose a new one before anything else", async () => {
      const response = await create({
        email: "temp-admin@library.example",
        role: "administrator",
        method: "temporary",
      });
      assert.equal(response.status, 201);
      const temporary = secretOf(await response.text());
      assert.match(temporary, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

      const signedIn = await t.app.request(
        "/en/sign-in",
        postForm(t, { email: "temp-admin@library.example", password: temporary, next: "/en/admin/users" }),
      );
      assert.equal(signedIn.status, 303);
      assert.equal(signedIn.headers.get("location"), "/en/account/password");
      const cookie = cookieFrom(signedIn);
      const held = await t.app.request("/en/admin/users", { headers: { cookie } });
      assert.equal(held.status, 303);
      assert.equal(held.headers.get("location"), "/en/account/password");
      const form = await (await t.app.request("/en/account/password", { headers: { cookie } })).text();
      assert.match(form, /You signed in with a temporary password/);

      const changed = await t.app.request(
        "/en/account/password",
        postForm(t, { current: temporary, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, cookie),
      );
      assert.equal(changed.status, 303);
      assert.equal((await t.app.request("/en/admin/users", { headers: { cookie } })).status, 200);
    });

    test("refused creations: taken address (409), bad address, unknown role or method (400), nothing saved", async () => {
      await ensureAccount(t, "editor", "taken@library.example");
      const taken = await create({ email: "TAKEN@library.example", role: "editor", method: "invitation" });
      assert.equal(taken.status, 409);
      assert.match(await taken.text(), /An account with this email address already exists\./);
      const bad = await create(
        { email: "no at sign", role: "superuser", method: "carrier-pigeon", name: "x".repeat(201) },
        "fr",
      );
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /role="alert"/);
      for (const message of [
        /Entrez une adresse courriel/,
        /Choisissez un rôle\./,
        /Choisissez comment la personne se connectera/,
        /au plus 200 caractères/,
      ])
        assert.match(html, message);
      assert.equal((await t.db.selectFrom("users").select("id").where("email", "=", "no at sign").execute()).length, 0);
    });

    test("disable and enable: a disabled editor is signed out and cannot sign in; enabling restores access", async () => {
      const id = await ensureAccount(t, "editor", "pausable@library.example");
      const editorCookie = await signInAs(t, "editor", { email: "pausable@library.example" });
      const disabled = await t.app.request(`/en/admin/users/${id}/disable`, postForm(t, {}, admin));
      assert.equal(disabled.status, 303);
      const notice = await (
        await t.app.request(disabled.headers.get("location") as string, { headers: { cookie: admin } })
      ).text();
      assert.match(notice, /pausable@library\.example is disabled and signed out everywhere\./);
      assert.equal((await t.app.request("/en/account", { headers: { cookie: editorCookie } })).status, 303);
      assert.equal(
        (
          await t.app.request(
            "/en/sign-in",
            postForm(t, { email: "pausable@library.example", password: TEST_PASSWORD }),
          )
        ).status,
        403,
      );

      assert.equal((await t.app.request(`/fr/admin/users/${id}/enable`, postForm(t, {}, admin))).status, 303);
      assert.equal(
        (
          await t.app.request(
            "/en/sign-in",
            postForm(t, { email: "pausable@library.example", password: TEST_PASSWORD }),
          )
        ).status,
        303,
      );
    });

    test("an administrator cannot disable themself; unknown accounts are 404", async () => {
      const self = (await findUserByEmail(t.db, "administrator@skillshelf.test"))?.id as string;
      const refused = await t.app.request(`/en/admin/users/${self}/disable`, postForm(t, {}, admin));
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /You cannot disable your own account\./);
      assert.equal((await t.app.request("/en/account", { headers: { cookie: admin } })).status, 200);
      for (const action of ["disable", "enable", "invitation"]) {
        assert.equal(
          (await t.app.request(`/en/admin/users/no-such-id/${action}`, postForm(t, {}, admin))).status,
          404,
          action,
        );
      }
    });

    test("an organisation's member is offered no role change here, and a forged one changes nothing", async () => {
      const id = await ensureAccount(t, "member", "staff-member@library.example");
      const editor = await ensureAccount(t, "editor", "plain-editor@library.example");
      const page = await (await t.app.request("/en/admin/users", { headers: { cookie: admin } })).text();
      assert.doesNotMatch(page, new RegExp(`/en/admin/users/${id}/role`));
      assert.match(page, new RegExp(`/en/admin/users/${editor}/role`));
      for (const [who, role] of [
        [id, "administrator"],
        [id, "editor"],
        [editor, "member"],
      ] as const) {
        const forged = await t.app.request(`/en/admin/users/${who}/role`, postForm(t, { role }, admin));
        assert.equal(forged.status, 400, `${who} → ${role}`);
      }
      assert.equal((await findUserByEmail(t.db, "staff-member@library.example"))?.role, "member");
      assert.equal((await findUserByEmail(t.db, "plain-editor@library.example"))?.role, "editor");
    });

    test("a new invitation link replaces the old one and works as a password reset", async () => {
      const id = await ensureAccount(t, "editor", "forgetful@library.example");
      const first = secretOf(
        await (await t.app.request(`/en/admin/users/${id}/invitation`, postForm(t, {}, admin))).text(),
      );
      const second = secretOf(
        await (await t.app.request(`/en/admin/users/${id}/invitation`, postForm(t, {}, admin))).text(),
      );
      assert.equal((await t.app.request(new URL(first).pathname)).status, 404, "the first link no longer works");
      const reset = await t.app.request(
        new URL(second).pathname,
        postForm(t, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
      );
      assert.equal(reset.status, 303);
      assert.equal(
        (
          await t.app.request(
            "/en/sign-in",
            postForm(t, { email: "forgetful@library.example", password: NEW_PASSWORD }),
          )
        ).status,
        303,
      );
    });
  });
}
