/**
 * An organisation's time zone on its settings page (decision 054), in both languages and on every
 * dialect: the select offers the site's zone, then Canadian zones, then all; an unknown zone is
 * refused naming the field and changes nothing; a known one is saved, written to the change history,
 * and the history's times are then shown in that zone.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatDateTime } from "../../src/i18n/format.ts";
import { recordChange } from "../../src/people/organisations/changes.ts";
import { findOrganisation } from "../../src/people/organisations/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm } from "../support/auth.ts";
import { shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

const SETTINGS = { name_en: "Alpha Regional Library", name_fr: "Bibliothèque régionale Alpha", slug: "alpha" };

for (const dialect of testDialects()) {
  describe(`an organisation's time zone (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
    });
    after(() => t.close());

    const get = async (path: string) =>
      (await t.app.request(path, { headers: { cookie: world.cookies.orgAdmin ?? "" } })).text();
    const post = (lang: "en" | "fr", timeZone: string) =>
      t.app.request(
        `/${lang}/orgs/alpha/settings`,
        postForm(t, { ...SETTINGS, default_lang: "en", time_zone: timeZone }, world.cookies.orgAdmin),
      );

    it("the settings page offers the site's zone, then Canadian zones, then every zone", async () => {
      for (const [lang, label, site, canada] of [
        ["en", "Time zone", "The site's time zone (UTC)", 'label="Canada"'],
        ["fr", "Fuseau horaire", "Le fuseau horaire du site (UTC)", 'label="Canada"'],
      ] as const) {
        const html = await get(`/${lang}/orgs/alpha/settings`);
        assert.ok(shows(html, label), `${lang}: labelled`);
        assert.ok(shows(html, site), `${lang}: the site's zone first`);
        const canadian = html.indexOf(canada);
        const all = html.indexOf(lang === "fr" ? 'label="Tous les fuseaux horaires"' : 'label="All time zones"');
        assert.ok(canadian > 0 && all > canadian, `${lang}: Canadian zones, then all`);
        assert.ok(html.indexOf('value="America/St_Johns"') > canadian);
        assert.ok(html.indexOf('value="America/St_Johns"') < all);
        assert.ok(html.indexOf('value="Europe/Paris"') > all);
      }
    });

    it("an unknown zone is refused in each language, naming the field, and changes nothing", async () => {
      for (const [lang, text] of [
        ["en", "Choose the time zone from the list, for example America/Toronto."],
        ["fr", "Choisissez le fuseau horaire dans la liste, par exemple America/Toronto."],
      ] as const)
        for (const wrong of ["Mars/Olympus_Mons", "america/toronto", "x".repeat(300)]) {
          const refused = await post(lang, wrong);
          assert.equal(refused.status, 400, `${lang} ${wrong.slice(0, 20)}`);
          const html = await refused.text();
          assert.match(html, /role="alert"/);
          assert.match(html, /href="#field-time_zone"/);
          assert.ok(shows(html, text), `${lang}: the message names the field`);
        }
      assert.equal((await findOrganisation(t.db, "alpha"))?.time_zone, null);
    });

    it("a known zone is saved and kept in the history; the history's times are then the zone's", async () => {
      const saved = await post("fr", "America/Toronto");
      assert.equal(saved.status, 303);
      const organisation = await findOrganisation(t.db, "alpha");
      assert.equal(organisation?.time_zone, "America/Toronto");
      const page = await get("/en/orgs/alpha/settings");
      assert.match(page, /<option value="America\/Toronto" selected/);

      // 02:00 UTC on 10 January 2027 is 9 p.m. on the 9th in Toronto.
      const at = "2027-01-10T02:00:00.000Z";
      await recordChange(
        t.db,
        { id: null, label: "Tester" },
        {
          organisationId: world.a.ids.organisationId,
          subject: "unit",
          subjectId: "u-1",
          action: "create",
          after: { name_en: "Annex" },
        },
        new Date(at),
      );
      const history = await get("/en/orgs/alpha/history");
      assert.ok(shows(history, "time_zone"), "the change is in the history");
      assert.ok(shows(history, "America/Toronto"));
      const local = formatDateTime(at, "en", "America/Toronto");
      assert.match(local, /January 9, 2027/);
      assert.ok(shows(history, local), "shown in the organisation's zone");

      // Back to the site's zone (blank): null again, and the history says so.
      assert.equal((await post("en", "")).status, 303);
      assert.equal((await findOrganisation(t.db, "alpha"))?.time_zone, null);
      // A form without the field (the command line, an older page) keeps the zone as it is.
      await post("en", "America/Halifax");
      const without = await t.app.request(
        "/en/orgs/alpha/settings",
        postForm(t, { ...SETTINGS, default_lang: "fr" }, world.cookies.orgAdmin),
      );
      assert.equal(without.status, 303);
      const kept = await findOrganisation(t.db, "alpha");
      assert.equal(kept?.time_zone, "America/Halifax");
      assert.equal(kept?.default_lang, "fr");
    });
  });
}
