/**
 * The profile builder through its pages, in English and French: browse and search the index, tick
 * competencies, set level, importance and KSAs, reorder, remove, see and answer a newer edition's
 * change, preview; stale forms (409) and bad input (400) refused with the input shown again; the
 * policy through the routes (administrators and managers edit, staff refused, another organisation's
 * profile unknown).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm } from "../support/auth.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";
import {
  insertProfile,
  publishAgain,
  publishSmallFramework,
  reword,
  type SmallFramework,
} from "../support/profile-framework.ts";

type App = Awaited<ReturnType<typeof makeTestApp>>;

/** A form POST whose fields may repeat (checkbox groups). */
function post(t: App, cookie: string | undefined, fields: [string, string][]): RequestInit {
  const init = postForm(t, {}, cookie);
  const body = new URLSearchParams(init.body as string);
  for (const [name, value] of fields) body.append(name, value);
  return { ...init, body: body.toString() };
}

/** The page's text with the few entities the renderer writes decoded. */
const decoded = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const h1s = (html: string) => [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/gs)].map((m) => m[1]);
const versionIn = (html: string) => Number(/name="version" value="(\d+)"/.exec(html)?.[1]);

for (const dialect of testDialects().slice(0, 1)) {
  describe(`profile builder pages (${dialect})`, () => {
    let t: App;
    let world: PeopleWorld;
    let fw: SmallFramework;
    let profile: string;
    let base: (lang: string) => string;
    let admin: string;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
      fw = await publishSmallFramework(t.db, "lending");
      profile = await insertProfile(t.db, world.a.ids.organisationId);
      base = (lang) => `/${lang}/orgs/${world.a.ids.org}/profiles/${profile}`;
      admin = world.cookies.orgAdmin as string;
    });
    after(() => t.close());

    const get = async (url: string, cookie = admin) => {
      const response = await t.app.request(url, { headers: { cookie } });
      return { response, html: decoded(await response.text()) };
    };
    const item = (a: number, n: number) => `${fw.id}~${fw.competencies[a]?.[n]}`;

    it("shows the builder in both languages, browsing one level at a time", async () => {
      for (const lang of ["en", "fr"]) {
        const { response, html } = await get(`${base(lang)}/builder`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get("cache-control") ?? "", /no-store/);
        assert.match(html, new RegExp(`<html lang="${lang}`));
        assert.equal(h1s(html).length, 1);
        assert.match(h1s(html)[0] ?? "", lang === "en" ? /Competencies for/ : /Compétences du poste/);
        assert.match(html, /Practice framework lending|Référentiel d.essai lending/);
      }
      // The framework's top: its category, a link; then the category: its areas; then an area: its competencies.
      const top = await get(`${base("en")}/builder?framework=lending`);
      assert.match(top.html, /P Practice/);
      assert.doesNotMatch(top.html, /Lending practice P1\.1/);
      const area = await get(`${base("en")}/builder?framework=lending&node=${fw.areas[0]}`);
      assert.match(area.html, /type="checkbox"[^>]*name="item"[^>]*value="[^"]+"/);
      assert.match(area.html, /Lending practice P1\.1/);
      assert.doesNotMatch(area.html, /Lending practice P2\.1/, "another area's competencies are not shown");
      assert.doesNotMatch(area.html, /Knows step 1/, "KSAs are not offered for ticking");
    });

    it("searches the index and ticks what it finds; chosen ones show as chosen", async () => {
      const found = await get(`${base("fr")}/builder?q=${encodeURIComponent("pratique du prêt P2.3")}`);
      assert.equal(found.response.status, 200);
      assert.match(found.html, /Pratique du prêt P2\.3/);
      const response = await t.app.request(
        `${base("en")}/requirements`,
        post(t, admin, [
          ["version", String(versionIn(found.html))],
          ["item", item(1, 2)],
          ["item", item(0, 0)],
          ["q", "lending practice"],
        ]),
      );
      assert.equal(response.status, 303);
      const location = response.headers.get("location") ?? "";
      assert.match(location, /done=added&n=2/);
      const after = await get(location);
      assert.match(after.html, /2 competencies added/);
      assert.match(after.html, /Chosen competencies[\s\S]*Lending practice P2\.3[\s\S]*Lending practice P1\.1/);
      assert.match(after.html, /already chosen/);
    });

    it("sets level, importance and KSAs; refuses a level off the scale and a stale form, keeping the input", async () => {
      const page = await get(`${base("en")}/builder`);
      const version = versionIn(page.html);
      const target = item(0, 0);
      const ksas = fw.ksas[fw.competencies[0]?.[0] as string] as string[];
      const url = `${base("en")}/requirements/${encodeURIComponent(target)}`;
      const bad = await t.app.request(
        url,
        post(t, admin, [
          ["version", String(version)],
          ["level", "9"],
          ["importance", "asset"],
        ]),
      );
      assert.equal(bad.status, 400);
      const badHtml = decoded(await bad.text());
      assert.match(badHtml, /Choose one of the scale.s levels/);
      const saved = await t.app.request(
        url,
        post(t, admin, [
          ["version", String(version)],
          ["level", "4"],
          ["importance", "asset"],
          ["ksa", ksas[1] as string],
        ]),
      );
      assert.equal(saved.status, 303);
      const after = await get(saved.headers.get("location") ?? "");
      assert.match(after.html, /Saved\./);
      assert.match(after.html, new RegExp(`value="${ksas[1]}" checked`));
      // The same form again, now stale: 409, the page as it is, the refused choice shown again.
      const stale = await t.app.request(
        url,
        post(t, admin, [
          ["version", String(version)],
          ["level", "2"],
          ["importance", "essential"],
        ]),
      );
      assert.equal(stale.status, 409);
      const staleHtml = decoded(await stale.text());
      assert.match(staleHtml, /Someone else changed this profile/);
      assert.match(staleHtml, /value="2" checked/);
      const [requirement] = await t.db
        .selectFrom("job_profile_requirements")
        .select(["target_level", "importance"])
        .where("item_id", "=", fw.competencies[0]?.[0] as string)
        .execute();
      assert.deepEqual(requirement, { target_level: 4, importance: "asset" });
    });

    it("reorders and removes with buttons, coming back at the competency", async () => {
      const order = async () =>
        (
          await t.db
            .selectFrom("job_profile_requirements")
            .select("item_id")
            .where("profile_id", "=", profile)
            .orderBy("ordinal")
            .execute()
        ).map((r) => r.item_id);
      const first = (await order())[0] as string;
      const second = (await order())[1] as string;
      const page = await get(`${base("fr")}/builder`);
      assert.match(page.html, /aria-label="Descendre\s: /);
      const moved = await t.app.request(
        `${base("fr")}/requirements/${encodeURIComponent(`${fw.id}~${second}`)}/move`,
        post(t, admin, [
          ["version", String(versionIn(page.html))],
          ["direction", "up"],
        ]),
      );
      assert.equal(moved.status, 303);
      assert.match(moved.headers.get("location") ?? "", new RegExp(`done=moved&n=1#req-${second}`));
      assert.deepEqual(await order(), [second, first]);
      const again = await get(`${base("fr")}/builder`);
      const removed = await t.app.request(
        `${base("fr")}/requirements/${encodeURIComponent(`${fw.id}~${first}`)}/remove`,
        post(t, admin, [["version", String(versionIn(again.html))]]),
      );
      assert.equal(removed.status, 303);
      assert.deepEqual(await order(), [second]);
    });

    it("says what a newer edition changed, with both wordings; taking it updates the wording", async () => {
      await reword(
        t.db,
        fw.competencies[0]?.[0] as string,
        "Lending practice, in plain words",
        "Pratique du prêt, simplement",
      );
      await publishAgain(t.db, fw.id);
      const page = await get(`${base("en")}/builder`);
      assert.match(page.html, /Edition 2 changed this competency/);
      assert.match(page.html, /<del>/);
      assert.match(page.html, /Lending practice, in plain words/);
      const fr = await get(`${base("fr")}/builder`);
      assert.match(fr.html, /L.édition 2 a modifié cette compétence/);
      // The profile itself says so too, and leads its author to the builder.
      const profilePage = await get(base("en"));
      assert.match(profilePage.html, /A newer edition of the index changed or retired one of these competencies/);
      assert.match(profilePage.html, /href="[^"]*\/builder">Review the changes</);
      assert.match(
        (await get(base("fr"))).html,
        /Une édition plus récente du référentiel a modifié ou retiré l.une de ces compétences/,
      );
      const taken = await t.app.request(
        `${base("en")}/requirements/${encodeURIComponent(item(0, 0))}/take`,
        post(t, admin, [["version", String(versionIn(page.html))]]),
      );
      assert.equal(taken.status, 303);
      const after = await get(taken.headers.get("location") ?? "");
      assert.match(after.html, /now uses the wording of edition 2/);
      assert.doesNotMatch(after.html, /changed this competency/);
      assert.doesNotMatch((await get(base("en"))).html, /A newer edition of the index changed/);
    });

    it("previews the job description, grouped by area, with levels", async () => {
      const { response, html } = await get(`${base("fr")}/builder/preview`);
      assert.equal(response.status, 200);
      assert.equal(h1s(html).length, 1);
      assert.match(html, /Domaine du prêt 1/);
      assert.match(html, /Niveau 4/);
      // The documents' article marks each requirement's importance (no "Assets" sub-heading any more).
      assert.match(html, /job-requirement--asset[\s\S]*?>Atout</);
    });

    it("shows a competency's own descriptor of a level beside the scale's general one", async () => {
      const itemId = fw.competencies[0]?.[0] as string;
      await t.db
        .insertInto("competency_level_descriptors")
        .values({
          scale_id: DEFAULT_SCALE_ID,
          framework_id: fw.id,
          item_id: itemId,
          level_number: 2,
          descriptor_en: "Checks out items for a patron without help on a quiet day.",
          descriptor_fr: "Enregistre seul les prêts d'un usager un jour tranquille.",
          updated_at: new Date().toISOString(),
          updated_by: null,
        })
        .execute();
      const { html } = await get(`${base("en")}/builder`);
      assert.match(html, /Checks out items for a patron without help on a quiet day\./);
      const preview = await get(`${base("en")}/builder/preview`);
      assert.doesNotMatch(preview.html, /quiet day/, "the preview shows the target level's descriptor only (level 4)");
    });

    it("pages search results twenty at a time", async () => {
      await publishSmallFramework(t.db, "paging", { areas: 2, perArea: 12 });
      const first = await get(`${base("en")}/builder?q=${encodeURIComponent("lending practice")}`);
      assert.match(first.html, /Showing 1 to 20\./);
      assert.match(first.html, /Page 1 of 2/);
      const next = /href="([^"]+page=2[^"]*)"/.exec(first.html)?.[1]?.replace(/&amp;/g, "&");
      assert.ok(next, "a link to the next page");
      const second = await get(next);
      assert.match(second.html, /Showing 21 to/);
      assert.match(second.html, /Previous results/);
    });

    it("browses a level of more than a hundred items a hundred at a time", async () => {
      const big = await publishSmallFramework(t.db, "wide", { areas: 1, perArea: 105, ksas: 0 });
      const first = await get(`${base("en")}/builder?framework=wide&node=${big.areas[0]}`);
      assert.equal([...first.html.matchAll(/name="item"/g)].length, 100);
      assert.match(first.html, /Page 1 of 2/);
      const second = await get(`${base("en")}/builder?framework=wide&node=${big.areas[0]}&page=2`);
      assert.equal([...second.html.matchAll(/name="item"/g)].length, 5);
      assert.match(second.html, /Lending practice P1\.105/);
    });

    it("answers any query string or form without a server error", async () => {
      const junk = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom("", "0", "-1", "99999999", "lending", "~", "a~b"),
      );
      await fc.assert(
        fc.asyncProperty(junk, junk, junk, junk, async (framework, node, q, page) => {
          const query = new URLSearchParams({ framework, node, q, page });
          const shown = await t.app.request(`${base("en")}/builder?${query}`, { headers: { cookie: admin } });
          assert.ok(shown.status < 500, `GET ${query}: ${shown.status}`);
          await shown.text();
          for (const path of [
            "/requirements",
            `/requirements/${encodeURIComponent(node)}`,
            `/requirements/${encodeURIComponent(item(0, 0))}/move`,
          ]) {
            const posted = await t.app.request(
              `${base("en")}${path}`,
              post(t, admin, [
                ["version", page],
                ["item", framework],
                ["level", q],
                ["importance", node],
                ["ksa", q],
                ["direction", node],
              ]),
            );
            assert.ok(posted.status < 500, `POST ${path}: ${posted.status}`);
            await posted.text();
          }
        }),
        { numRuns: 25 },
      );
    });

    it("lets managers in, refuses staff, and does not know another organisation's profile", async () => {
      assert.equal((await get(`${base("en")}/builder`, world.cookies.manager as string)).response.status, 200);
      assert.equal((await get(`${base("en")}/builder`, world.cookies.staffOther as string)).response.status, 403);
      assert.equal((await get(`${base("en")}/builder`, world.cookies.otherMember as string)).response.status, 404);
      const anonymous = await t.app.request(`${base("en")}/builder`);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get("location") ?? "", /^\/en\/sign-in/);
      const theirs = await insertProfile(t.db, world.b.ids.organisationId, "Their assistant");
      const crossed = await get(`/en/orgs/${world.a.ids.org}/profiles/${theirs}/builder`);
      assert.equal(crossed.response.status, 404);
      const write = await t.app.request(
        `/en/orgs/${world.a.ids.org}/profiles/${theirs}/requirements`,
        post(t, admin, [
          ["version", "1"],
          ["item", item(0, 1)],
        ]),
      );
      assert.equal(write.status, 404);
      const count = await t.db
        .selectFrom("job_profile_requirements")
        .select("item_id")
        .where("profile_id", "=", theirs)
        .execute();
      assert.equal(count.length, 0);
    });
  });
}
