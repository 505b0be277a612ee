/**
 * Getting around the published index, in both languages: an area page lists its sibling areas (as
 * the seed page's left-hand menu does) with previous/next links; the whole-framework page leads back
 * to its contents after each area; a corrected search says what it searched for; the site has a
 * favicon, linked from every page and at /favicon.ico.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadStarterContent } from "../../src/content/starter.ts";
import { LANGS, type Lang, messages } from "../../src/i18n/index.ts";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { attr, countTags, hrefs, shows, tagsWith } from "../support/html.ts";

const content = loadStarterContent();
const SLUG = content.framework.slug;
const ML = content.categories.find((c) => c.code === "ML");
assert.ok(ML?.children && ML.children.length > 2);
const AREAS = ML.children;

for (const dialect of testDialects()) {
  describe(`index navigation (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect });
    });
    after(() => t?.close());

    const page = async (path: string) => {
      const response = await t.app.request(path);
      assert.equal(response.status, 200, path);
      return response.text();
    };

    /** The part of the page inside the element that opens with `opening` (no nesting of the same tag inside). */
    const block = (html: string, opening: RegExp, tag: string) => {
      const start = html.search(opening);
      if (start < 0) return undefined;
      return html.slice(start, html.indexOf(`</${tag}>`, start) + tag.length + 3);
    };

    describe("an area lists its sibling areas, with previous and next", () => {
      for (const lang of LANGS) {
        const t9 = messages(lang);
        const item = (code: string) => urls.item(lang, SLUG, code);

        test(`${lang}: every area of the category, in order, the current one marked; the category linked`, async () => {
          const middle = AREAS[3];
          const html = await page(item(middle.code));
          const nav = block(html, /<nav class="sibling-nav"/, "nav");
          assert.ok(nav, "a sibling navigation");
          const headingId = attr(tagsWith(nav, "nav", /./)[0], "aria-labelledby");
          assert.ok(headingId && nav.includes(`id="${headingId}"`), "named by its heading");
          assert.ok(shows(nav, ML[lang].statement), "headed by the category");
          const links = hrefs(nav);
          assert.equal(links[0], item("ML"), "the heading links to the category");
          assert.deepEqual(
            links.slice(1),
            AREAS.map((a) => item(a.code)),
            "every area of the category, in the category's order",
          );
          const current = tagsWith(nav, "a", /aria-current="page"/);
          assert.equal(current.length, 1);
          assert.equal(attr(current[0], "href"), item(middle.code));
          for (const a of AREAS) assert.ok(shows(nav, a[lang].statement), `${a.code} named in ${lang}`);
        });

        test(`${lang}: previous and next areas (none before the first, none after the last)`, async () => {
          for (const [index, area] of AREAS.entries()) {
            if (index > 1 && index < AREAS.length - 2) continue;
            const html = await page(item(area.code));
            const nav = block(html, /<nav class="prev-next"/, "nav");
            assert.ok(nav, `${area.code}: previous/next`);
            assert.equal(attr(tagsWith(nav, "nav", /./)[0], "aria-label"), t9.navPrevNext);
            const previous = tagsWith(nav, "a", /rel="prev"/)[0];
            const next = tagsWith(nav, "a", /rel="next"/)[0];
            if (index === 0) assert.equal(previous, undefined, "nothing before the first");
            else {
              assert.equal(attr(previous, "href"), item(AREAS[index - 1].code));
              assert.ok(shows(nav, AREAS[index - 1][lang].statement));
            }
            if (index === AREAS.length - 1) assert.equal(next, undefined, "nothing after the last");
            else {
              assert.equal(attr(next, "href"), item(AREAS[index + 1].code));
              assert.ok(shows(nav, AREAS[index + 1][lang].statement));
            }
          }
        });

        test(`${lang}: a category moves to the previous and next category; the printable view has no navigation`, async () => {
          const categories = content.categories;
          const second = await page(item(categories[1].code));
          const nav = block(second, /<nav class="prev-next"/, "nav") ?? "";
          assert.equal(attr(tagsWith(nav, "a", /rel="prev"/)[0], "href"), item(categories[0].code));
          assert.equal(attr(tagsWith(nav, "a", /rel="next"/)[0], "href"), item(categories[2].code));
          assert.ok(!second.includes('class="sibling-nav"'), "the categories are already the site's main navigation");
          const print = await page(urls.itemPrint(lang, SLUG, AREAS[1].code));
          assert.ok(!print.includes("sibling-nav") && !print.includes("prev-next"));
          assert.equal(countTags(await page(item(AREAS[1].code)), "h1"), 1);
        });
      }
    });

    describe("the whole framework leads back to its contents after each area", () => {
      for (const lang of LANGS) {
        test(lang, async () => {
          const html = await page(urls.full(lang, SLUG));
          const areaCount = content.categories.reduce((n, c) => n + (c.children?.length ?? 0), 0);
          const backLinks = tagsWith(html, "a", /href="#contents"/);
          assert.equal(backLinks.length, areaCount, "one link per area");
          assert.ok(html.includes(`id="contents"`), "the contents are there to go back to");
          assert.equal(
            html.split(`>${messages(lang).navBackToContents}</a>`).length - 1,
            areaCount,
            "each says where it goes",
          );
          // Each link closes its area: it comes after that area's last competency and before the next area.
          const sections = html.split('<section class="area-section"').slice(1);
          for (const section of sections) assert.match(section, /href="#contents"/);
        });
      }
    });

    describe("a corrected search says what it searched for", () => {
      for (const lang of LANGS) {
        const t9 = messages(lang);
        test(`${lang}: a typo is read as the word it resembles, and says so`, async () => {
          const corrected = await page(urls.search(lang, "budjet"));
          assert.ok(shows(corrected, t9.searchCorrected("budget")), "showing results for budget");
          assert.match(corrected, /class="search-count">[^<]*budjet/, "the count still names what was typed");
          const french = await page(urls.search(lang, "partenarait"));
          assert.ok(shows(french, t9.searchCorrected("partenariat")), "French words keep their accents and form");
          const two = await page(urls.search(lang, "budjet annual"));
          assert.ok(shows(two, t9.searchCorrected("budget annual")), "only the corrected word changes");
        });

        test(`${lang}: exact words and word beginnings are not "corrected"`, async () => {
          for (const q of ["budget", "budg", "partenariat", "ML.CR", "zzzzqqq"]) {
            const html = await page(urls.search(lang, q));
            assert.ok(!html.includes('class="search-corrected"'), `${q} is not corrected`);
          }
        });
      }

      test("the API says it too (correctedQuery), and only when it corrected", async () => {
        const corrected = await (await t.app.request("/api/v1/search?q=budjet")).json();
        assert.equal(corrected.correctedQuery, "budget");
        const exact = await (await t.app.request("/api/v1/search?q=budget")).json();
        assert.equal("correctedQuery" in exact, false);
        assert.equal(corrected.total, exact.total, "the typo finds what the word finds");
      });
    });

    describe("favicon", () => {
      test("every page links an icon the app serves, and /favicon.ico answers", async () => {
        for (const lang of LANGS as readonly Lang[]) {
          for (const path of [urls.home(lang), urls.item(lang, SLUG, "ML.CR"), `/${lang}/no-such-page`]) {
            const response = await t.app.request(path);
            const [link] = tagsWith(await response.text(), "link", /rel="icon"/);
            assert.ok(link, `${path} links an icon`);
            const icon = await t.app.request(attr(link, "href") as string);
            assert.equal(icon.status, 200);
            assert.equal(icon.headers.get("content-type"), "image/svg+xml");
            assert.match(await icon.text(), /^<svg[\s>]/);
          }
        }
        const ico = await t.app.request("/favicon.ico");
        assert.equal(ico.status, 200);
        assert.equal(ico.headers.get("content-type"), "image/svg+xml");
        assert.match(ico.headers.get("cache-control") ?? "", /max-age/);
      });
    });
  });
}
