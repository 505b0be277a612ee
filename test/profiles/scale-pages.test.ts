/**
 * The scale pages and API as people use them, in both languages: staff read the scale and a
 * competency's levels; administrators choose their own scale, reorder, add and remove levels
 * without JavaScript (nothing is saved until "save"), write a competency's descriptors, and do the
 * same through the API; another organisation's administrator gets 404. (The store's SQL is tested
 * on every dialect in scale-store.test.ts; these run on the first, as the route matrix does.)
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEFAULT_SCALE_ID, levelDescriptors, organisationScale } from "../../src/profiles/scales/read.ts";
import { contractFor } from "../api/contract.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, postForm } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

/** Every field of the level editor as the page drew it (inputs and text areas), as a browser sends them. */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start > 0, `a form posts to ${action}`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]*)"/.exec(m[1] ?? "")?.[1];
    const type = /type="([^"]*)"/.exec(m[1] ?? "")?.[1];
    if (!name || type === "radio" || type === "checkbox") continue;
    fields[name] = decode(/value="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "");
  }
  for (const m of form.matchAll(/<textarea([^>]*)>([^<]*)<\/textarea>/g)) {
    const name = /name="([^"]*)"/.exec(m[1] ?? "")?.[1];
    if (name) fields[name] = decode(m[2] ?? "");
  }
  return fields;
}

const labelsShown = (html: string) =>
  [...html.matchAll(/name="level_(\d+)_label_en"[^>]*value="([^"]*)"/g)].map((m) => m[2]);

for (const dialect of testDialects().slice(0, 1)) {
  describe(`scale pages and API (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    let competency: { framework: string; item: string; statementEn: string; statementFr: string };
    before(async () => {
      t = await makeTestApp({ dialect, starter: true });
      world = await buildPeopleWorld(t);
      const row = await t.db
        .selectFrom("published_items")
        .innerJoin("editions", "editions.id", "published_items.edition_id")
        .select(["editions.framework_id", "published_items.item_id", "statement_en", "statement_fr"])
        .where("type_code", "=", "competency")
        .orderBy("published_items.item_id")
        .executeTakeFirstOrThrow();
      competency = {
        framework: row.framework_id,
        item: row.item_id,
        statementEn: row.statement_en ?? "",
        statementFr: row.statement_fr ?? "",
      };
    });
    after(() => t.close());

    const get = (url: string, cookie?: string) => t.app.request(url, { headers: cookie ? { cookie } : {} });

    it("staff read the scale in both languages; only administrators see the forms", async () => {
      for (const lang of ["en", "fr"] as const) {
        const staff = await get(`/${lang}/orgs/alpha/scale`, world.cookies.staffOther);
        assert.equal(staff.status, 200);
        const html = await staff.text();
        assert.ok(htmlLang(html)?.startsWith(lang), `lang ${htmlLang(html)}`);
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, lang === "en" ? "Proficiency scale" : "Échelle de maîtrise"));
        assert.ok(shows(html, lang === "en" ? "Foundational" : "Initiation"), "the default scale's levels");
        assert.ok(!html.includes("/scale/choose"), "no choice for staff");
        const admin = await (await get(`/${lang}/orgs/alpha/scale`, world.cookies.orgAdmin)).text();
        assert.ok(admin.includes(`action="/${lang}/orgs/alpha/scale/choose"`));
        assert.ok(!admin.includes("/scale/levels"), "no level editor while the organisation uses the default");
      }
      assert.equal((await get("/en/orgs/alpha/scale", world.cookies.otherMember)).status, 404);
      assert.equal(
        (await t.app.request("/en/orgs/alpha/scale/choose", postForm(t, { scale: "own" }, world.cookies.otherMember)))
          .status,
        404,
      );
      assert.equal((await organisationScale(t.db, world.a.ids.organisationId)).id, DEFAULT_SCALE_ID);
    });

    it("an administrator defines the organisation's own scale without JavaScript: move, add, remove, then save", async () => {
      const hr = world.cookies.orgAdmin as string;
      const chosen = await t.app.request("/fr/orgs/alpha/scale/choose", postForm(t, { scale: "own" }, hr));
      assert.equal(chosen.status, 303);
      const page = await (await get(chosen.headers.get("location") as string, hr)).text();
      assert.ok(shows(page, "L’organisation utilise désormais sa propre échelle."));
      assert.deepEqual(labelsShown(page), ["Foundational", "Developing", "Proficient", "Advanced", "Expert"]);

      // "Move up" on level 2: the page comes back reordered, with what was typed, and nothing saved.
      const fields = formFields(page, "/fr/orgs/alpha/scale/levels");
      fields.level_2_label_en = "Practising";
      const moved = await t.app.request("/fr/orgs/alpha/scale/levels", postForm(t, { ...fields, action: "up:2" }, hr));
      assert.equal(moved.status, 200);
      const movedPage = await moved.text();
      assert.ok(shows(movedPage, "Rien n’est encore enregistré"));
      assert.deepEqual(labelsShown(movedPage), ["Practising", "Foundational", "Proficient", "Advanced", "Expert"]);
      assert.equal((await organisationScale(t.db, world.a.ids.organisationId)).levels[0]?.label.en, "Foundational");

      // Remove level 5, add a level (left empty): saving names the empty fields, in French.
      const afterMove = formFields(movedPage, "/fr/orgs/alpha/scale/levels");
      const removed = await (
        await t.app.request("/fr/orgs/alpha/scale/levels", postForm(t, { ...afterMove, action: "remove:5" }, hr))
      ).text();
      const added = await (
        await t.app.request(
          "/fr/orgs/alpha/scale/levels",
          postForm(t, { ...formFields(removed, "/fr/orgs/alpha/scale/levels"), action: "add" }, hr),
        )
      ).text();
      const withNew = formFields(added, "/fr/orgs/alpha/scale/levels");
      assert.equal(withNew.count, "5");
      const refused = await t.app.request(
        "/fr/orgs/alpha/scale/levels",
        postForm(t, { ...withNew, action: "save" }, hr),
      );
      assert.equal(refused.status, 400);
      const refusedPage = await refused.text();
      assert.ok(refusedPage.includes('href="#field-levels-level_5_label_en"'), "the summary links to the empty name");
      assert.ok(refusedPage.includes('href="#field-levels-level_5_label_fr"'));
      assert.equal((await organisationScale(t.db, world.a.ids.organisationId)).levels.length, 5, "nothing saved");

      // Fill the new level and save: the organisation's scale is as shown.
      const filled = formFields(refusedPage, "/fr/orgs/alpha/scale/levels");
      Object.assign(filled, { level_5_label_en: "Leading", level_5_label_fr: "Leadership", action: "save" });
      const saved = await t.app.request("/fr/orgs/alpha/scale/levels", postForm(t, filled, hr));
      assert.equal(saved.status, 303);
      const scale = await organisationScale(t.db, world.a.ids.organisationId);
      assert.deepEqual(
        scale.levels.map((l) => l.label.en),
        ["Practising", "Foundational", "Proficient", "Advanced", "Leading"],
      );
      assert.equal(scale.levels[4]?.label.fr, "Leadership");

      // The same form sent again (its version is now old) is refused, not applied twice.
      const stale = await t.app.request("/fr/orgs/alpha/scale/levels", postForm(t, filled, hr));
      assert.equal(stale.status, 409);
      assert.ok(shows(await stale.text(), "Quelqu’un a enregistré cette échelle"));
    });

    it("a competency's levels: found from the scale page, read by staff, written by administrators on their own scale", async () => {
      const hr = world.cookies.orgAdmin as string;
      const word = competency.statementEn.split(/\s+/).find((w) => w.length > 5) as string;
      const found = await (
        await get(`/en/orgs/alpha/scale?q=${encodeURIComponent(word)}`, world.cookies.staffOther)
      ).text();
      const url = `/en/orgs/alpha/scale/competencies/${competency.framework}/${competency.item}`;
      assert.ok(found.includes(`href="${url}"`), "the search links to the competency's levels");

      const scale = await organisationScale(t.db, world.a.ids.organisationId);
      const form = formFields(await (await get(url, hr)).text(), url);
      assert.equal(form.scale, scale.id);
      const sent = await t.app.request(
        url,
        postForm(t, { ...form, level_3_en: "Runs a partnership alone", level_3_fr: "Mène seul un partenariat" }, hr),
      );
      assert.equal(sent.status, 200);
      assert.ok(shows(await sent.text(), "The descriptors were saved."));
      const stored = await levelDescriptors(t.db, scale.id, competency.framework, [competency.item]);
      assert.deepEqual(stored.get(competency.item)?.get(3), {
        en: "Runs a partnership alone",
        fr: "Mène seul un partenariat",
      });

      for (const lang of ["en", "fr"] as const) {
        const page = await get(url.replace("/en/", `/${lang}/`), world.cookies.staffOther);
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.ok(htmlLang(html)?.startsWith(lang), `lang ${htmlLang(html)}`);
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, lang === "en" ? "Runs a partnership alone" : "Mène seul un partenariat"));
        assert.ok(!html.includes("<textarea"), "staff read, they do not write");
      }
      const staffPost = await t.app.request(url, postForm(t, { ...form, level_3_en: "x" }, world.cookies.staffOther));
      assert.equal(staffPost.status, 403);
      assert.equal((await get(`${url}x`, hr)).status, 404, "an unknown competency");
      assert.equal((await get(url, world.cookies.otherMember)).status, 404, "another organisation");
    });

    it("the API: staff read; administrators define and choose; bad input is named; others get 404 (all as documented)", async () => {
      const contract = contractFor(await (await t.app.request("/api/v1/openapi.json")).json());
      const api = "/api/v1/orgs/alpha/scale";
      /** The answer, held to the OpenAPI document (status and body). */
      const answer = async (method: "get" | "put", response: Response) => {
        const text = await response.text();
        const body = text === "" ? null : JSON.parse(text);
        contract.check(method, api, response.status, body);
        return { status: response.status, body };
      };
      const get = (cookie?: string) => t.app.request(api, { headers: cookie ? { cookie } : {} });
      const put = (json: unknown, cookie = world.cookies.orgAdmin as string) =>
        t.app.request(api, {
          method: "PUT",
          headers: { ...csrfHeaders(t, cookie), "content-type": "application/json" },
          body: JSON.stringify(json),
        });

      const staff = await answer("get", await get(world.cookies.staffOther));
      assert.equal(staff.status, 200);
      assert.equal(staff.body.uses, "own");
      const levels = [
        { number: 1, label: { en: "Novice", fr: "Novice" } },
        { number: 2, label: { en: "Skilled", fr: "Compétent" }, descriptor: { en: "Works alone.", fr: "Agit seul." } },
        { number: 3, label: { en: "Leading", fr: "Leadership" } },
      ];
      const name = { en: "Ours", fr: "La nôtre" };
      const ok = await answer("put", await put({ uses: "own", name, levels, version: staff.body.scale.version }));
      assert.equal(ok.status, 200);
      assert.deepEqual(
        ok.body.scale.levels.map((l: { label: { en: string } }) => l.label.en),
        ["Novice", "Skilled", "Leading"],
      );
      const gap = await answer("put", await put({ uses: "own", name, levels: [levels[0], levels[2]] }));
      assert.equal(gap.status, 400);
      assert.ok(Object.keys(gap.body.fields).includes("levels"), "the gap is named");
      const blank = await answer(
        "put",
        await put({ uses: "own", name, levels: [levels[0], { number: 2, label: { en: "Two", fr: " " } }] }, undefined),
      );
      assert.deepEqual(Object.keys(blank.body.fields), ["level_2_label_fr"]);
      assert.equal((await answer("put", await put({ uses: "maybe" }))).status, 400);
      assert.equal((await answer("put", await put({ uses: "own", name, levels, version: 1 }))).status, 409);
      assert.equal((await answer("put", await put({ uses: "default" }, world.cookies.staffOther))).status, 403);
      assert.equal((await answer("put", await put({ uses: "default" }, world.cookies.otherMember))).status, 404);
      assert.equal((await answer("get", await get())).status, 401);
      assert.equal((await answer("get", await get(world.cookies.otherMember))).status, 404);
      const back = await answer("put", await put({ uses: "default" }));
      assert.equal(back.body.uses, "default");
      assert.equal((await organisationScale(t.db, world.a.ids.organisationId)).id, DEFAULT_SCALE_ID);
    });
  });
}
