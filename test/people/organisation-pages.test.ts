/**
 * An organisation's home, settings, administrators and change history pages, in both languages and
 * on every dialect: what each role is shown, what a save changes, and what the history then says.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findOrganisation, listAdministrators } from "../../src/people/organisations/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { ensureAccount, postForm } from "../support/auth.ts";
import { countTags, hrefs, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

for (const dialect of testDialects()) {
  describe(`organisation pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
    });
    after(() => t.close());

    const get = (path: string, cookie: string | undefined) =>
      t.app.request(path, { headers: cookie ? { cookie } : {} });

    it("home: one h1, the page's language, private; each role sees only the links it may follow", async () => {
      for (const lang of ["en", "fr"] as const) {
        const admin = await get(`/${lang}/orgs/alpha`, world.cookies.orgAdmin);
        assert.equal(admin.status, 200);
        assert.match(admin.headers.get("cache-control") ?? "", /no-store/);
        const html = await admin.text();
        assert.match(htmlLang(html) ?? "", new RegExp(`^${lang}`));
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, lang === "fr" ? "Bibliothèque régionale Alpha" : "Alpha Regional Library"));
        for (const page of ["units", "settings", "roles", "history"])
          assert.ok(hrefs(html).includes(`/${lang}/orgs/alpha/${page}`), `${lang}: admin links to ${page}`);
        assert.ok(shows(html, lang === "fr" ? "2 unités" : "2 units"));

        const staff = await (await get(`/${lang}/orgs/alpha`, world.cookies.staffOther)).text();
        assert.ok(hrefs(staff).includes(`/${lang}/orgs/alpha/units`));
        for (const page of ["settings", "roles", "history"])
          assert.ok(!hrefs(staff).includes(`/${lang}/orgs/alpha/${page}`), `${lang}: staff not linked to ${page}`);
        const site = await (await get(`/${lang}/orgs/alpha`, world.cookies.instanceAdmin)).text();
        assert.ok(hrefs(site).includes(`/${lang}/orgs/alpha/roles`), "the site's administrator appoints");
        assert.ok(!hrefs(site).includes(`/${lang}/orgs/alpha/history`));
      }
    });

    it("settings: saved in French, refused with the field named, the new address followed, the history kept", async () => {
      const bad = await t.app.request(
        "/fr/orgs/alpha/settings",
        postForm(t, { name_en: "", name_fr: "Alpha", slug: "beta", default_lang: "fr" }, world.cookies.orgAdmin),
      );
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /role="alert"/);
      assert.match(badHtml, /href="#field-name_en"/);
      const taken = await t.app.request(
        "/en/orgs/alpha/settings",
        postForm(t, { name_en: "Alpha", name_fr: "Alpha", slug: "beta", default_lang: "fr" }, world.cookies.orgAdmin),
      );
      assert.equal(taken.status, 409, "beta is organisation B's");
      assert.ok(shows(await taken.text(), "Another organisation already uses this web address name."));

      const saved = await t.app.request(
        "/fr/orgs/alpha/settings",
        postForm(
          t,
          { name_en: "Alpha Libraries", name_fr: "Bibliothèques Alpha", slug: "alpha-libraries", default_lang: "fr" },
          world.cookies.orgAdmin,
        ),
      );
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get("location"), "/fr/orgs/alpha-libraries/settings?saved=1");
      const page = await (await get(saved.headers.get("location") as string, world.cookies.orgAdmin)).text();
      assert.ok(shows(page, "Les paramètres ont été enregistrés."));
      assert.match(page, /value="Bibliothèques Alpha"/);
      assert.equal((await get("/en/orgs/alpha", world.cookies.orgAdmin)).status, 404, "the old address is gone");
      assert.equal((await findOrganisation(t.db, "alpha-libraries"))?.default_lang, "fr");

      const history = await (await get("/en/orgs/alpha-libraries/history", world.cookies.orgAdmin)).text();
      assert.equal(countTags(history, "h1"), 1);
      assert.ok(shows(history, "alpha → alpha-libraries"));
      assert.ok(shows(history, "Alpha Regional Library → Alpha Libraries"));
      assert.ok(shows(history, "Account hr-alpha"), "who changed it");

      // Put it back for the other tests.
      await t.app.request(
        "/en/orgs/alpha-libraries/settings",
        postForm(
          t,
          {
            name_en: "Alpha Regional Library",
            name_fr: "Bibliothèque régionale Alpha",
            slug: "alpha",
            default_lang: "en",
          },
          world.cookies.orgAdmin,
        ),
      );
    });

    it("administrators: appointed by e-mail, removed, never oneself; each change in the history", async () => {
      const organisationId = world.a.ids.organisationId;
      await ensureAccount(t, "editor", "deputy@accounts.test");
      const unknown = await t.app.request(
        "/en/orgs/alpha/roles",
        postForm(t, { email: "nobody@accounts.test" }, world.cookies.orgAdmin),
      );
      assert.equal(unknown.status, 400);
      assert.ok(shows(await unknown.text(), "No account of this site has this e-mail address"));
      const appointed = await t.app.request(
        "/fr/orgs/alpha/roles",
        postForm(t, { email: "deputy@accounts.test" }, world.cookies.orgAdmin),
      );
      assert.equal(appointed.status, 200);
      assert.ok(
        shows(await appointed.text(), "deputy@accounts.test administre maintenant Bibliothèque régionale Alpha."),
      );
      const deputy = (await listAdministrators(t.db, organisationId)).find((a) => a.email === "deputy@accounts.test");
      assert.ok(deputy);

      const self = await t.app.request(
        `/en/orgs/alpha/roles/${world.accounts.orgAdmin}/remove`,
        postForm(t, {}, world.cookies.orgAdmin),
      );
      assert.equal(self.status, 400);
      assert.ok(shows(await self.text(), "You cannot remove your own administrator role"));
      const removed = await t.app.request(
        `/en/orgs/alpha/roles/${deputy.userId}/remove`,
        postForm(t, {}, world.cookies.orgAdmin),
      );
      assert.equal(removed.status, 200);
      assert.deepEqual(
        (await listAdministrators(t.db, organisationId)).map((a) => a.email),
        ["hr-alpha@accounts.test"],
      );
      const history = await (await get("/fr/orgs/alpha/history?subject=role", world.cookies.orgAdmin)).text();
      assert.match(htmlLang(history) ?? "", /^fr/);
      assert.ok(shows(history, "Rôle « deputy@accounts.test » — création"));
      assert.ok(shows(history, "Rôle « deputy@accounts.test » — suppression"));
      assert.ok(!shows(history, "Paramètres « "), "filtered to roles");
    });
  });
}
