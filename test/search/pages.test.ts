/**
 * The search page in process, in both languages: results, the empty and no-result states, the htmx
 * fragment, and the hostile query list (always a normal page, never unescaped markup).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LANGS, type Lang } from "../../src/i18n/index.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { attr, countTags, hrefs, htmlLang, tagsWith } from "../support/html.ts";

for (const dialect of testDialects()) {
  describe(`search pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect });
    });
    after(async () => {
      await t?.close();
    });

    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
    const searchPath = (lang: Lang, q: string) => `/${lang}/search?q=${encodeURIComponent(q)}`;
    const LOCALE: Record<Lang, string> = { en: "en-CA", fr: "fr-CA" };

    function assertNormalPage(html: string, lang: Lang) {
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.equal(htmlLang(html), LOCALE[lang]);
      assert.equal(countTags(html, "h1"), 1, "one h1");
      assert.equal(countTags(html, "main"), 1, "one main");
      const [form] = tagsWith(html, "form", /role="search"/);
      assert.ok(form, "a search landmark");
      assert.equal(attr(form, "method"), "get", "works without JavaScript");
      assert.equal(tagsWith(html, "form", /role="search"/).length, 1, "no second search box in the header");
      const [input] = tagsWith(html, "input", /name="q"/);
      const id = attr(input, "id");
      assert.ok(id && tagsWith(html, "label", new RegExp(`for="${id}"`)).length === 1, "the input has a label");
    }

    /** Every <script> on the page is one of ours, loaded from a file. */
    function assertNoInjectedScript(html: string) {
      for (const tag of tagsWith(html, "script", /./))
        assert.match(tag, /^<script src="\/assets\/[^"]+" defer(="")?>$/, tag);
      assert.doesNotMatch(html, /<script>/i);
      for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
        assert.doesNotMatch(tag, /^<(img|svg|iframe|object)\b/i, tag);
        for (const [, name, value = ""] of tag.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)) {
          assert.doesNotMatch(name, /^on/i, tag);
          if (/^(href|src|action|formaction)$/i.test(name)) assert.doesNotMatch(value, /^\s*javascript:/i, tag);
        }
      }
    }

    describe("search page", () => {
      for (const lang of LANGS) {
        test(`${lang}: results grouped by area with highlights, a count and links`, async () => {
          const query = lang === "en" ? "partnership" : "partenariat";
          const res = await get(searchPath(lang, query));
          assert.equal(res.status, 200);
          const html = await res.text();
          assertNormalPage(html, lang);
          const count = /<p class="search-count">([^<]*)<\/p>/.exec(html)?.[1];
          assert.ok(count, "a result count");
          assert.match(
            count,
            lang === "en" ? /^\d+ results? for “partnership”$/ : /^\d+ résultats? pour «\u00a0partenariat\u00a0»$/,
          );
          const [status] = tagsWith(html, "div", /id="search-status"/);
          assert.equal(attr(status, "aria-live"), "polite");
          assert.match(
            html,
            /<section class="search-group"[^>]*><h2[^>]*><a href="\/(en|fr)\/frameworks\/[^"]+\/items\/[^"]+">/,
          );
          assert.match(html, lang === "en" ? /<mark>partnerships?<\/mark>/i : /<mark>partenariats?<\/mark>/i);
          assert.ok(
            hrefs(html).some((href) => href === `/${lang}/frameworks/public-library-staff/items/ML.CR#item-ML.CR.6`),
            "a link to the competency's section of its area page",
          );
          const alternate = tagsWith(html, "link", /rel="alternate"/)[0];
          assert.equal(attr(alternate, "href")?.replace(/&amp;/g, "&"), searchPath(lang === "en" ? "fr" : "en", query));
        });

        test(`${lang}: the competency the link points to has that anchor on the area page`, async () => {
          const html = await (await get(`/${lang}/frameworks/public-library-staff/items/ML.CR`)).text();
          assert.match(html, /id="item-ML.CR.6"/);
        });

        test(`${lang}: empty query shows the empty state, not results`, async () => {
          for (const path of [`/${lang}/search`, `/${lang}/search?q=`, `/${lang}/search?q=%20%20`]) {
            const res = await get(path);
            assert.equal(res.status, 200, path);
            const html = await res.text();
            assertNormalPage(html, lang);
            assert.match(html, /class="search-empty"/);
            assert.doesNotMatch(html, /class="search-group"/);
          }
        });

        test(`${lang}: no results says so and suggests what to do`, async () => {
          const html = await (await get(searchPath(lang, "qqqzzzxxyyww"))).text();
          assertNormalPage(html, lang);
          assert.match(
            html,
            lang === "en" ? /No results for “qqqzzzxxyyww”/ : /Aucun résultat pour «\u00a0qqqzzzxxyyww\u00a0»/,
          );
          assert.match(html, /class="search-none"/);
          assert.ok(hrefs(html).includes(`/${lang}`), "a way to browse instead");
        });
      }

      test("the four examples of the issue, on the page", async () => {
        const cases: [string, RegExp][] = [
          ["competence", /compétences|competencies/i],
          ["partenariat", /Établit des <mark>partenariats<\/mark> profitables/],
          ["partnrship", /<mark>partnerships?<\/mark>/i],
          ["soci", /<mark>social<\/mark> media/i],
        ];
        for (const [query, expected] of cases) {
          const html = await (await get(searchPath("en", query))).text();
          assert.match(html, expected, query);
        }
      });

      test("a long query is cut, and the page says so", async () => {
        const html = await (await get(searchPath("en", "partnership ".repeat(900)))).text();
        assert.match(html, /shortened to its first 200 characters/);
        const [input] = tagsWith(html, "input", /name="q"/);
        assert.ok((attr(input, "value") ?? "").length <= 200);
      });
    });

    describe("search as you type (htmx)", () => {
      test("the input asks for results as the visitor types, into the results region, and updates the URL", async () => {
        const html = await (await get(searchPath("en", "budget"))).text();
        const [input] = tagsWith(html, "input", /name="q"/);
        assert.equal(attr(input, "hx-get"), "/en/search");
        assert.match(attr(input, "hx-trigger") ?? "", /input changed delay:250ms/);
        assert.match(attr(input, "hx-trigger") ?? "", /\bsearch\b/);
        const target = attr(input, "hx-target") ?? "";
        assert.equal(tagsWith(html, "div", new RegExp(`id="${target.slice(1)}"`)).length, 1, "the target exists");
        assert.equal(attr(input, "hx-push-url"), "true");
        assert.match(html, /<meta name="htmx-config" content="\{&quot;includeIndicatorStyles&quot;:false\}"/);
      });

      test("with HX-Request, only the results come back, with the count for the live region", async () => {
        const res = await get(searchPath("fr", "soci"), { "HX-Request": "true" });
        assert.equal(res.status, 200);
        assert.match(res.headers.get("vary") ?? "", /HX-Request/i);
        const html = await res.text();
        assert.doesNotMatch(html, /<html|<!DOCTYPE|<main|<form/i);
        assert.match(
          html,
          /<div id="search-status" hx-swap-oob="innerHTML"><p class="search-count">\d+ résultats pour «\u00a0soci\u00a0»<\/p><\/div>/,
        );
        assert.match(html, /<mark>sociaux<\/mark>/);
      });

      test("a history restore, or a request without a query string, gets the whole page", async () => {
        const restore = await (
          await get(searchPath("en", "soci"), { "HX-Request": "true", "HX-History-Restore-Request": "true" })
        ).text();
        assert.match(restore, /^<!DOCTYPE html>/i);
        const bare = await (await get("/en/search", { "HX-Request": "true" })).text();
        assert.match(bare, /^<!DOCTYPE html>/i);
        const again = await (await get("/en/search")).text();
        assert.match(again, /^<!DOCTYPE html>/i, "the cached page is still whole");
      });
    });

    describe("hostile queries", () => {
      const hostile = [
        "",
        "x".repeat(10_000),
        "c++ (x",
        "<script>alert(1)</script>",
        '"><script>alert(1)</script>',
        "' OR 1=1 --",
        "%E0%A4%A",
        "\u0000\u0001\u0007\u001b\u007f",
        "😀 🏳️‍🌈",
        "𝒜𝒷𝒸 𠀀",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "{{7*7}} $" + "{7*7}",
      ];
      for (const lang of LANGS) {
        for (const query of hostile) {
          test(`${lang}: ${JSON.stringify(query.slice(0, 40))} gives a normal page`, async () => {
            for (const headers of [{}, { "HX-Request": "true" }] as Record<string, string>[]) {
              const res = await get(searchPath(lang, query), headers);
              assert.equal(res.status, 200);
              const html = await res.text();
              if (!("HX-Request" in headers)) {
                assertNormalPage(html, lang);
                const [input] = tagsWith(html, "input", /name="q"/);
                assert.doesNotMatch(input.slice(1), /</, "the input's value is escaped");
                const value = (attr(input, "value") ?? "")
                  .replace(/&lt;/g, "<")
                  .replace(/&gt;/g, ">")
                  .replace(/&quot;/g, '"')
                  .replace(/&#39;/g, "'")
                  .replace(/&amp;/g, "&");
                assert.ok(
                  value.length <= 200 &&
                    (query.length > 200 ||
                      value ===
                        query
                          .replace(/\p{Cc}/gu, " ")
                          .replace(/\s+/g, " ")
                          .trim()),
                  "the value is the query, as text",
                );
              }
              assertNoInjectedScript(html);
              assert.ok(!html.includes("\u0000"), "no NUL in the page");
            }
          });
        }
      }

      test("raw malformed percent-encoding and repeated parameters in the URL", async () => {
        for (const path of [
          "/en/search?q=%E0%A4%A",
          "/en/search?q=%",
          "/en/search?q=%ED%A0%80",
          "/en/search?q=a&q=b",
          "/fr/search?q",
        ]) {
          const res = await get(path);
          assert.equal(res.status, 200, path);
          assertNormalPage(await res.text(), path.startsWith("/fr") ? "fr" : "en");
        }
      });

      test("the escaped query is shown back as text", async () => {
        const html = await (await get(searchPath("en", "<b>bold</b> & co"))).text();
        assert.match(html, /value="&lt;b&gt;bold&lt;\/b&gt; &amp; co"/);
        assert.match(html, /“&lt;b&gt;bold&lt;\/b&gt; &amp; co”/);
      });
    });
  });
}
