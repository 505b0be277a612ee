/**
 * Every reader's page in both languages, in process: status codes, the page shell every page owes
 * its readers (lang, one h1, skip link, main, the same page in the other language), and what each
 * kind of page shows.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ContentNode } from "../../src/content/schema.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { LANGS, type Lang, messages, otherLang } from "../../src/i18n/index.ts";
import { switchLangPath, urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { attr, countTags, escapeHtml, firstText, hrefs, htmlLang, shows, tagsWith } from "../support/html.ts";

const content = loadStarterContent();
const SLUG = content.framework.slug;
const categories = content.categories;
const areas = categories.flatMap((c) => c.children ?? []);
const area = (code: string) => areas.find((a) => a.code === code) as ContentNode;
const LOCALE: Record<Lang, string> = { en: "en-CA", fr: "fr-CA" };

for (const dialect of testDialects()) {
  describe(`index pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect });
    });
    after(async () => {
      await t?.close();
    });

    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

    /** The shell every HTML page shares, whatever its status. */
    function assertPageShell(html: string, lang: Lang, path: string) {
      assert.match(html, /^<!DOCTYPE html>/i, "doctype (no quirks mode)");
      assert.equal(htmlLang(html), LOCALE[lang], "<html lang>");
      assert.equal(countTags(html, "h1"), 1, "exactly one <h1>");
      assert.ok(firstText(html, "h1"), "the <h1> has text");
      assert.ok(firstText(html, "title"), "a <title>");
      assert.equal(countTags(html, "main"), 1, "exactly one <main>");
      const [main] = tagsWith(html, "main", /./);
      assert.equal(attr(main, "id"), "main");
      const [skip] = tagsWith(html, "a", /class="skip-link"/);
      assert.ok(skip, "a skip link");
      assert.equal(attr(skip, "href"), "#main");
      assert.ok(html.indexOf('class="skip-link"') < html.indexOf("<header"), "the skip link comes first");
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      assert.equal(
        new Set(ids).size,
        ids.length,
        `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(", ")}`,
      );
      assert.doesNotMatch(html, /undefined|\[object Object\]|NaN/, `${path} shows a programming value`);
    }

    /** The link to the other language leads to the same page there. */
    function assertLanguageSwitch(html: string, lang: Lang, path: string) {
      const [link] = tagsWith(html, "a", /class="lang-switch"/);
      assert.ok(link, "a link to the other language");
      assert.equal(attr(link, "href"), switchLangPath(path, otherLang(lang)));
      assert.equal(attr(link, "lang"), otherLang(lang), "the link's text is in the other language");
    }

    describe("/ picks a language", () => {
      const cases: [string | undefined, Lang][] = [
        ["fr-CA,fr;q=0.9,en;q=0.8", "fr"],
        ["fr", "fr"],
        ["en-CA,en;q=0.9", "en"],
        ["en;q=0.2, fr;q=0.8", "fr"],
        ["de-DE", "en"],
        ["garbage;;;q=x", "en"],
        [undefined, "en"],
      ];
      for (const [header, lang] of cases) {
        test(`Accept-Language: ${header ?? "(none)"} → /${lang}`, async () => {
          const res = await get("/", header ? { "accept-language": header } : {});
          assert.equal(res.status, 302);
          assert.equal(res.headers.get("location"), `/${lang}`);
          assert.match(res.headers.get("vary") ?? "", /accept-language/i, "caches must key on the language");
        });
      }
    });

    function readerPages(lang: Lang): [string, string][] {
      return [
        ["home", urls.home(lang)],
        ["frameworks", urls.frameworks(lang)],
        ["framework home", urls.framework(lang, SLUG)],
        ...categories.map((c): [string, string] => [`category ${c.code}`, urls.item(lang, SLUG, c.code)]),
        ["area ML.CR", urls.item(lang, SLUG, "ML.CR")],
        ["area ML.CR, print view", urls.itemPrint(lang, SLUG, "ML.CR")],
        ["area PS.CH", urls.item(lang, SLUG, "PS.CH")],
        ["competency ML.CR.1", urls.item(lang, SLUG, "ML.CR.1")],
        ["whole framework", urls.full(lang, SLUG)],
      ];
    }

    for (const lang of LANGS) {
      describe(`pages in ${lang}`, () => {
        for (const [name, path] of readerPages(lang)) {
          test(`${name}: ${path}`, async () => {
            const res = await get(path);
            assert.equal(res.status, 200);
            assert.match(res.headers.get("content-type") ?? "", /^text\/html; charset=utf-8/i);
            const html = await res.text();
            assertPageShell(html, lang, path);
            assertLanguageSwitch(html, lang, path);
          });
        }
      });
    }

    describe("what the pages show", () => {
      for (const lang of LANGS) {
        test(`home (${lang}): the six categories each listing its areas as links, and a labelled search box`, async () => {
          const html = await (await get(urls.home(lang))).text();
          const links = hrefs(html);
          for (const category of categories) {
            assert.ok(shows(html, category[lang].statement), `${category.code} named`);
            for (const a of category.children ?? [])
              assert.ok(links.includes(urls.item(lang, SLUG, a.code)), `link to ${a.code}`);
          }
          const [form] = tagsWith(html, "form", /role="search"/);
          assert.ok(form, "a search form");
          assert.equal(attr(form, "action"), urls.search(lang));
          const inputs = tagsWith(html, "input", /name="q"/);
          assert.ok(inputs.length >= 1);
          for (const input of inputs) {
            assert.ok(
              html.includes(`<label for="${attr(input, "id")}"`),
              `the search box ${attr(input, "id")} has a label`,
            );
          }
        });

        test(`category (${lang}): Public Service lists its twelve areas with their descriptions`, async () => {
          const html = await (await get(urls.item(lang, SLUG, "PS"))).text();
          const links = hrefs(html);
          const ps = categories.find((c) => c.code === "PS") as ContentNode;
          assert.equal(ps.children?.length, 12);
          for (const a of ps.children ?? []) {
            assert.ok(links.includes(urls.item(lang, SLUG, a.code)), `link to ${a.code}`);
            assert.ok(shows(html, a[lang].description as string), `${a.code} description`);
          }
        });
      }

      test("area (en): description, localized Last updated, six competencies with their KSAs, breadcrumb, print link", async () => {
        const html = await (await get(urls.item("en", SLUG, "ML.CR"))).text();
        const cr = area("ML.CR");
        assert.equal(firstText(html, "h1"), "Community Relations");
        assert.ok(
          /Last updated:? <time datetime="2026-11-30">November 30, 2026<\/time>/.test(html),
          "Last updated: November 30, 2026",
        );
        assert.equal((html.match(/class="competency"/g) ?? []).length, 6);
        for (const competency of cr.children ?? []) {
          for (const ksa of competency.children ?? []) assert.ok(shows(html, ksa.en.statement), ksa.code);
        }
        const [breadcrumb] = tagsWith(html, "nav", /class="breadcrumb"/);
        assert.ok(breadcrumb, "a breadcrumb");
        assert.ok(attr(breadcrumb, "aria-label"), "the breadcrumb is labelled");
        assert.ok(hrefs(html).includes(urls.item("en", SLUG, "ML")), "breadcrumb back to the category");
        assert.ok(hrefs(html).includes(urls.itemPrint("en", SLUG, "ML.CR")), "a Print link");
      });

      test("area (fr): French texts and a French date", async () => {
        const html = await (await get(urls.item("fr", SLUG, "ML.CR"))).text();
        assert.equal(firstText(html, "h1"), escapeHtml(area("ML.CR").fr.statement));
        // French puts a (no-break) space before the colon; accept the text with or without it.
        assert.ok(
          /Dernière mise à jour[\s\u00a0\u202f]?:? <time datetime="2026-11-30">30 novembre 2026<\/time>/.test(html),
          "Dernière mise à jour : 30 novembre 2026",
        );
        assert.ok(!/Last updated|Associated knowledge/.test(html), "no English left on the French page");
      });

      for (const lang of LANGS) {
        test(`print view (${lang}): no navigation or search, a footer with title, address, edition and date`, async () => {
          const html = await (await get(urls.itemPrint(lang, SLUG, "ML.CR"))).text();
          assert.equal(countTags(html, "nav"), 0, "no navigation on paper");
          assert.equal(tagsWith(html, "form", /role="search"/).length, 0, "no search box on paper");
          assert.ok(html.includes('class="print-view"'), "the print layout");
          const footer = html.slice(html.indexOf('class="print-footer"'));
          assert.ok(footer.length > 30, "a print footer");
          assert.ok(footer.includes(`http://localhost:3000${urls.item(lang, SLUG, "ML.CR")}`), "the page's address");
          assert.ok(footer.includes(lang === "en" ? "November 30, 2026" : "30 novembre 2026"), "the area's date");
          assert.ok(shows(footer, messages(lang).edition("1")), "the edition: the starter is edition 1");
          assert.equal((html.match(/class="competency"/g) ?? []).length, 6, "the whole area");
        });
      }

      test("whole framework: every area, and a table of contents whose links all land", async () => {
        const html = await (await get(urls.full("en", SLUG))).text();
        for (const a of areas) assert.ok(shows(html, a.en.statement), a.code);
        assert.ok(html.includes('<nav class="toc"'), "a table of contents");
        const anchors = hrefs(html).filter((h) => h.startsWith("#"));
        assert.ok(anchors.length >= categories.length + areas.length);
        for (const anchor of anchors) assert.ok(html.includes(`id="${anchor.slice(1)}"`), `${anchor} has a target`);
        assert.ok(html.includes('class="print-footer"'));
      });
    });

    describe("not found and errors", () => {
      const missing: [string, Lang, Record<string, string>?][] = [
        ["/en/frameworks/no-such-framework", "en"],
        ["/fr/frameworks/no-such-framework", "fr"],
        [`/en/frameworks/${SLUG}/items/NO.SUCH`, "en"],
        [`/fr/frameworks/${SLUG}/items/NO.SUCH`, "fr"],
        [`/fr/frameworks/${SLUG}/items/ML.CR/print/extra`, "fr"],
        ["/en/nowhere", "en"],
        ["/nowhere", "fr", { "accept-language": "fr-CA" }],
        ["/nowhere", "en"],
      ];
      for (const [path, lang, headers] of missing) {
        test(`${path} → bilingual 404 in ${lang}`, async () => {
          const res = await get(path, headers);
          assert.equal(res.status, 404);
          const html = await res.text();
          assertPageShell(html, lang, path);
          assert.equal(firstText(html, "h1"), lang === "en" ? "Page not found" : "Page introuvable");
          assert.ok(hrefs(html).includes(`/${lang}`), "a way back home");
        });
      }

      test("pages that do not name their twin still link to the other language (query kept)", async () => {
        for (const [path, twin] of [
          ["/fr/sign-in", "/en/sign-in"],
          ["/en/search?q=partenariat", "/fr/search?q=partenariat"],
        ]) {
          const html = await (await get(path)).text();
          assert.match(html, new RegExp(`class="lang-switch" href="${twin.replace(/[?]/g, "\\?")}"`), path);
        }
      });

      test("a trailing slash redirects to the page without it, query kept", async () => {
        for (const [path, target] of [
          ["/en/", "/en"],
          [`/fr/frameworks/${SLUG}/items/ML.CR/`, `/fr/frameworks/${SLUG}/items/ML.CR`],
          ["/en/search/?q=partenariat", "/en/search?q=partenariat"],
        ]) {
          const res = await get(path);
          assert.equal(res.status, 301, path);
          assert.equal(
            new URL(res.headers.get("location") ?? "", "http://x").pathname +
              new URL(res.headers.get("location") ?? "", "http://x").search,
            target,
          );
        }
      });

      test("the 404 page under /en and /fr links to itself in the other language", async () => {
        const html = await (await get("/en/nowhere")).text();
        assertLanguageSwitch(html, "en", "/en/nowhere");
      });

      const hostile = [
        "/en/frameworks/%E0%A4%A",
        `/en/frameworks/${SLUG}/items/%E0%A4%A`,
        `/en/frameworks/${SLUG}/items/%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
        `/fr/frameworks/${SLUG}/items/ML.CR%00`,
        `/en/frameworks/${SLUG}/items/${"x".repeat(10_000)}`,
        `/en/frameworks/${SLUG}/items/..%2F..%2Fpackage.json`,
        "/en/frameworks/'%20OR%201=1%20--",
      ];
      for (const path of hostile) {
        test(`hostile path ${path.slice(0, 70)} → 404, escaped`, async () => {
          const res = await get(path);
          assert.equal(res.status, 404);
          const html = await res.text();
          assert.doesNotMatch(html, /<script>alert/, "the path is escaped");
          assert.equal(countTags(html, "h1"), 1);
        });
      }

      for (const lang of LANGS) {
        test(`a failure while building the page → 500 error page in ${lang}, no details leaked`, async () => {
          const { createApp } = await import("../../src/app.tsx");
          const { createLogger } = await import("../../src/log.ts");
          const failing = {
            ...t.catalog,
            get: async () => {
              throw new Error("database exploded: secret-detail");
            },
            primary: async () => {
              throw new Error("database exploded: secret-detail");
            },
          };
          const app = createApp({ config: t.config, db: t.db, catalog: failing, logger: createLogger("silent") });
          for (const path of [urls.item(lang, SLUG, "ML.CR"), urls.home(lang)]) {
            const res = await app.request(path);
            assert.equal(res.status, 500, path);
            const html = await res.text();
            assertPageShell(html, lang, path);
            assert.equal(
              firstText(html, "h1"),
              lang === "en" ? "Something went wrong" : "Une erreur s&#39;est produite",
            );
            assert.doesNotMatch(html, /secret-detail|exploded|at .*\.ts/, "no error details");
            assert.ok(res.headers.get("content-security-policy"), "security headers on error pages too");
          }
        });
      }
    });

    describe("headers and assets", () => {
      test("security headers on pages: a CSP without inline script or style, nosniff, no framing", async () => {
        for (const path of ["/en", urls.item("fr", SLUG, "ML.CR"), "/en/nowhere"]) {
          const res = await get(path);
          const csp = res.headers.get("content-security-policy") ?? "";
          assert.match(csp, /default-src 'self'/, path);
          assert.match(csp, /frame-ancestors 'none'/, path);
          assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
          assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
          assert.ok(res.headers.get("referrer-policy"), path);
          const html = await res.text();
          assert.equal(tagsWith(html, "script", /^<script(?![^>]*\ssrc=)/).length, 0, `${path}: no inline script`);
          assert.doesNotMatch(html, /\sstyle="|<style/, `${path}: no inline style`);
          assert.doesNotMatch(html, /\son[a-z]+="/, `${path}: no inline event handler`);
        }
      });

      test("versioned assets are cached forever, unversioned ones briefly", async () => {
        const html = await (await get("/en")).text();
        const assetUrls = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
        assert.ok(
          assetUrls.some((u) => u.startsWith("/assets/app.css?v=")),
          "the stylesheet carries its version",
        );
        assert.ok(
          assetUrls.some((u) => u.startsWith("/assets/htmx.min.js?v=")),
          "htmx served locally",
        );
        for (const url of assetUrls) {
          const res = await get(url);
          assert.equal(res.status, 200, url);
          assert.match(res.headers.get("content-type") ?? "", /^(text\/css|text\/javascript|image\/svg\+xml)/, url);
          assert.match(res.headers.get("cache-control") ?? "", /max-age=31536000.*immutable/, url);
          assert.ok((await res.arrayBuffer()).byteLength > 0, url);
        }
        const plain = await get("/assets/app.css");
        assert.equal(plain.status, 200);
        assert.doesNotMatch(plain.headers.get("cache-control") ?? "", /immutable/);
        const stale = await get("/assets/app.css?v=000000000000");
        assert.doesNotMatch(
          stale.headers.get("cache-control") ?? "",
          /immutable/,
          "an old version is not pinned forever",
        );
      });

      test("unknown assets and path tricks → 404", async () => {
        for (const path of ["/assets/nope.js", "/assets/..%2Fpackage.json", "/assets/%2e%2e%2fpackage.json"]) {
          assert.equal((await get(path)).status, 404, path);
        }
      });
    });

    describe("page cache", () => {
      test("a page is served from cache until the content changes, then rebuilt", async () => {
        const own = await makeTestApp({ dialect });
        try {
          const path = urls.item("en", SLUG, "ML.CR");
          const first = await own.app.request(path);
          assert.equal(first.status, 200);
          assert.notEqual(first.headers.get("x-cache"), "hit");
          const etag = first.headers.get("etag");
          assert.ok(etag, "an ETag");
          const firstBody = await first.text();

          const second = await own.app.request(path);
          assert.equal(second.headers.get("x-cache"), "hit");
          assert.equal(await second.text(), firstBody);
          assert.ok(second.headers.get("content-security-policy"), "cached pages keep their security headers");

          const revalidated = await own.app.request(path, { headers: { "if-none-match": etag } });
          assert.equal(revalidated.status, 304);

          const withQuery = await own.app.request(`${path}?utm=x`);
          assert.equal(withQuery.headers.get("x-cache"), "hit", "a parameter the page does not read is the same page");

          const { loadStarterFramework } = await import("../../src/content/load-starter.ts");
          const renamed = structuredClone(content);
          const cr = renamed.categories.flatMap((c) => c.children ?? []).find((a) => a.code === "ML.CR") as ContentNode;
          cr.en.statement = "Community Relations (revised)";
          await loadStarterFramework(own.db, { content: renamed, replace: true });

          const third = await own.app.request(path);
          assert.notEqual(third.headers.get("x-cache"), "hit", "rebuilt after the change");
          assert.equal(firstText(await third.text(), "h1"), "Community Relations (revised)");
          assert.notEqual(third.headers.get("etag"), etag);
          assert.equal(
            (await own.app.request(path, { headers: { "if-none-match": etag } })).status,
            200,
            "the old ETag no longer matches",
          );
          assert.equal((await own.app.request(path)).headers.get("x-cache"), "hit");
        } finally {
          await own.close();
        }
      });

      test("404 and 500 pages are never cached", async () => {
        await get("/en/nowhere");
        assert.notEqual((await get("/en/nowhere")).headers.get("x-cache"), "hit");
      });
    });

    describe("every link on the site leads somewhere", () => {
      test("crawling from /en and /fr finds no broken internal link", async () => {
        const seen = new Set<string>();
        const queue = ["/en", "/fr"];
        const broken: string[] = [];
        while (queue.length > 0 && seen.size < 2000) {
          const path = queue.shift() as string;
          if (seen.has(path)) continue;
          seen.add(path);
          const res = await get(path);
          if (res.status !== 200) {
            broken.push(`${path} → ${res.status}`);
            continue;
          }
          if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
          for (const href of hrefs(await res.text())) {
            if (!href.startsWith("/") || href.startsWith("//")) continue;
            const target = href.split("#")[0];
            if (target && !seen.has(target)) queue.push(target);
          }
        }
        assert.deepEqual(broken, []);
        assert.ok(seen.size > areas.length * 2, `crawled ${seen.size} pages`);
      });
    });
  });
}
