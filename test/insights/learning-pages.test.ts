/**
 * The learning catalogue's pages as people use them, in both languages: staff read and search by
 * competency; HR and managers add (a refused form names its fields), edit (a stale form answers 409
 * and changes nothing), tag competencies, import (all or nothing, each problem with its line and
 * column) and export formula-safe CSV. (The store's SQL is tested on every dialect in
 * learning-store.test.ts; these run on the first, as the route matrix does.)
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { listResources } from "../../src/insights/learning/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, postForm } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";
import { publishSmallFramework, type SmallFramework } from "../support/profile-framework.ts";

for (const dialect of testDialects().slice(0, 1)) {
  describe(`learning resources pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    let framework: SmallFramework;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
      framework = await publishSmallFramework(t.db, "lending-pages", { areas: 2, perArea: 2, ksas: 0 });
    });
    after(() => t.close());

    const org = () => world.a.ids.org;
    const base = (lang = "en") => `/${lang}/orgs/${org()}/learning`;
    const get = (url: string, cookie?: string) => t.app.request(url, { headers: cookie ? { cookie } : {} });
    const post = (url: string, fields: Record<string, string>, cookie?: string) =>
      t.app.request(url, postForm(t, fields, cookie));
    const upload = (lang: string, text: string, cookie?: string) => {
      const form = new FormData();
      form.set("file", new File([text], "catalogue.csv", { type: "text/csv" }));
      return t.app.request(`${base(lang)}/import`, { method: "POST", headers: csrfHeaders(t, cookie), body: form });
    };
    const resources = () => listResources(t.db, world.a.ids.organisationId, { lang: "en" });

    it("a manager adds a resource; a form with mistakes is refused with each field named, in either language", async () => {
      const refused = await post(
        `${base("fr")}/new`,
        { title_en: "", title_fr: "Heure du conte", format: "course", hours: "beaucoup", cost: "12" },
        world.cookies.manager,
      );
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.ok(htmlLang(html)?.startsWith("fr"));
      assert.equal(countTags(html, "h1"), 1);
      for (const text of ["Titre en anglais", "Remplissez ce champ.", "Durée en heures", "Indiquez la devise du coût."])
        assert.ok(shows(html, text), text);
      assert.equal((await resources()).length, 0);

      const created = await post(
        `${base()}/new`,
        {
          title_en: "Storytime for toddlers",
          title_fr: "L'heure du conte pour les tout-petits",
          format: "course",
          hours: "1.5",
          cost: "125.50",
          currency: "cad",
          url: "https://learning.example.org/storytime",
        },
        world.cookies.manager,
      );
      assert.equal(created.status, 303);
      const [resource] = await resources();
      assert.equal(resource?.fields.currency, "CAD");
      assert.equal(created.headers.get("location"), `${base()}/${resource?.id}?done=saved`);
      const page = await (await get(`${base("fr")}/${resource?.id}`, world.cookies.staffOther)).text();
      assert.ok(shows(page, "L'heure du conte pour les tout-petits"));
      assert.ok(/125,50\s*\$/.test(page), "the cost in French, with Intl");
      assert.ok(!page.includes(`${base("fr")}/${resource?.id}/edit`), "staff do not get the edit link");
    });

    it("an edit from a form opened before someone else's save is refused (409) and changes nothing", async () => {
      const [resource] = await resources();
      assert.ok(resource);
      const fields = { title_en: "Renamed", title_fr: "Renommée", format: "video", version: String(resource.version) };
      assert.equal((await post(`${base()}/${resource.id}/edit`, fields, world.cookies.orgAdmin)).status, 303);
      const stale = await post(`${base()}/${resource.id}/edit`, { ...fields, title_en: "Lost" }, world.cookies.manager);
      assert.equal(stale.status, 409);
      assert.ok(shows(await stale.text(), "Someone changed this resource after you opened it."));
      const [after] = await resources();
      assert.equal(after?.fields.titleEn, "Renamed");
      assert.equal(after?.fields.format, "video");
    });

    it("editors tag competencies found in the index; everyone then finds the resource by that competency", async () => {
      const [resource] = await resources();
      assert.ok(resource);
      const found = await (await get(`${base()}/${resource.id}?q=P1.2`, world.cookies.manager)).text();
      const pick = `${framework.id}~${framework.competencies[0]?.[1]}`;
      assert.ok(found.includes(`value="${pick}"`), "the competency is offered to tick");
      const tagged = await post(
        `${base()}/${resource.id}/competencies`,
        { version: String(resource.version), competency: pick },
        world.cookies.manager,
      );
      assert.equal(tagged.status, 303);
      const search = await (await get(`${base("fr")}?q=P1.2`, world.cookies.staffReport)).text();
      assert.ok(search.includes(`?competency=${encodeURIComponent(pick)}`), "the search links to the filter");
      const filtered = await (
        await get(`${base()}?competency=${encodeURIComponent(pick)}`, world.cookies.staffReport)
      ).text();
      assert.ok(shows(filtered, "Renamed"));
      const other = `${framework.id}~${framework.competencies[1]?.[0]}`;
      const none = await (
        await get(`${base()}?competency=${encodeURIComponent(other)}`, world.cookies.staffReport)
      ).text();
      assert.ok(!shows(none, "Renamed") && shows(none, "No resource builds this competency yet."));
    });

    it("an import with problems lists each with its line and column, in French, and imports nothing", async () => {
      const before = (await resources()).length;
      const response = await upload(
        "fr",
        ["titre_en;titre_fr;format;heures;compétences", "Weeding;Élagage;lecture;2;P1.1", "Reading;;vidéo;x;P7.7"].join(
          "\n",
        ),
        world.cookies.orgAdmin,
      );
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.ok(shows(html, "Rien n’a été importé"), "says nothing was imported");
      for (const text of ["titre_fr", "heures", "compétences", "Aucune compétence du référentiel n’a le code P7.7."])
        assert.ok(shows(html, text), text);
      assert.equal((await resources()).length, before);

      const done = await upload(
        "en",
        "title_en,title_fr,format,competencies\nWeeding,Élagage,reading,P1.1 | P2.1\n",
        world.cookies.orgAdmin,
      );
      assert.equal(done.status, 303);
      assert.equal((await resources()).length, before + 1);
      const notice = await (await get(done.headers.get("location") as string, world.cookies.orgAdmin)).text();
      assert.ok(shows(notice, "Imported: 1 added, 0 replaced."));
    });

    it("exports the catalogue as formula-safe CSV headed in the reader's language", async () => {
      await post(
        `${base()}/new`,
        { title_en: '=HYPERLINK("x")', title_fr: "@risque", format: "other" },
        world.cookies.orgAdmin,
      );
      const response = await get(`${base("fr")}/export.csv`, world.cookies.staffOther);
      assert.equal(response.status, 200);
      assert.match(response.headers.get("content-type") ?? "", /^text\/csv/);
      const text = (await response.text()).replace(/^\uFEFF/, "");
      assert.ok(text.startsWith("id,titre_en,titre_fr,lien,fournisseur,format,heures,coût,devise,compétences"));
      assert.ok(text.includes(`"'=HYPERLINK(""x"")"`) && text.includes("'@risque"));
      assert.ok(!/(^|,)[=@+-]/m.test(text), "no cell starts as a formula");
    });

    it("staff may not open the editors' pages (403); another organisation's people do not see it (404)", async () => {
      assert.equal((await get(`${base()}/new`, world.cookies.staffOther)).status, 403);
      assert.equal((await get(`${base()}/import`, world.cookies.staffReport)).status, 403);
      assert.equal((await get(base(), world.cookies.otherMember)).status, 404);
      const [resource] = await resources();
      const fromB = `/en/orgs/${world.b.ids.org}/learning/${resource?.id}`;
      assert.equal((await get(fromB, world.cookies.otherMember)).status, 404);
    });
  });
}
