/**
 * Issue 14's pages are found from the organisation's own navigation, for those the policy lets
 * read them (scale: every member; job profiles: administrators and managers), in both languages.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { makeTestApp, testDialects } from "../support/app.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

/** The links of the organisation's navigation, as [href, text]. */
function orgNavLinks(html: string): [string, string][] {
  const start = html.indexOf('class="org-nav"');
  assert.ok(start > 0, "the page has the organisation's navigation");
  const nav = html.slice(start, html.indexOf("</nav>", start));
  return [...nav.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1] ?? "", (m[2] ?? "").trim()]);
}

for (const dialect of testDialects().slice(0, 1)) {
  describe(`organisation navigation to scale and profiles (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    before(async () => {
      t = await makeTestApp({ dialect, starter: true });
      world = await buildPeopleWorld(t);
    });
    after(() => t.close());

    const names = {
      en: { scale: "Proficiency scale", profiles: "Job profiles" },
      fr: { scale: "Échelle de maîtrise", profiles: "Profils de poste" },
    } as const;
    const cases = [
      { role: "orgAdmin", scale: true, profiles: true },
      { role: "manager", scale: true, profiles: true },
      { role: "staffOther", scale: true, profiles: false },
      { role: "staffReport", scale: true, profiles: false },
    ] as const;

    for (const c of cases) {
      it(`${c.role}: scale ${c.scale ? "shown" : "hidden"}, profiles ${c.profiles ? "shown" : "hidden"}`, async () => {
        for (const lang of ["en", "fr"] as const) {
          const res = await t.app.request(`/${lang}/orgs/alpha`, { headers: { cookie: world.cookies[c.role] ?? "" } });
          assert.equal(res.status, 200);
          const links = orgNavLinks(await res.text());
          const scale = links.find(([href]) => href === `/${lang}/orgs/alpha/scale`);
          const profiles = links.find(([href]) => href === `/${lang}/orgs/alpha/profiles`);
          // The learning catalogue (src/insights): every member of the organisation reads it.
          const learning = links.find(([href]) => href === `/${lang}/orgs/alpha/learning`);
          assert.ok(learning, `${lang} learning link ${JSON.stringify(links)}`);
          assert.equal(Boolean(scale), c.scale, `${lang} scale link ${JSON.stringify(links)}`);
          assert.equal(Boolean(profiles), c.profiles, `${lang} profiles link ${JSON.stringify(links)}`);
          if (scale) assert.equal(scale[1], names[lang].scale);
          if (profiles) assert.equal(profiles[1], names[lang].profiles);
          // Each link leads to a page this actor may open.
          for (const link of [scale, profiles, learning]) {
            if (!link) continue;
            const page = await t.app.request(link[0], { headers: { cookie: world.cookies[c.role] ?? "" } });
            assert.equal(page.status, 200, link[0]);
          }
        }
      });
    }
  });
}
