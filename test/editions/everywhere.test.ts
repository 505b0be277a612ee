/**
 * One edition, shown everywhere: after an editor publishes edition N through the publish form, every
 * page, printout and document that names an edition says N, in both languages, and none still says
 * the starter file's own version text (1.0.0, later 1.1.0). The CASE document's lastChangeDateTime is the edition's publish time.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadStarterContent } from "../../src/content/starter.ts";
import { editorUrls } from "../../src/editor/urls.ts";
import { LANGS, type Lang, messages } from "../../src/i18n/index.ts";
import { editionUrls, urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { escapeHtml, shows } from "../support/html.ts";

const SLUG = "public-library-staff";
/** What the starter file calls its version: never the public version once it is published. */
const OLD_VERSIONS = [...new Set(["1.0.0", loadStarterContent().framework.version])];
const CASE = "/ims/case/v1p1";
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies read field by field
type Json = Record<string, any>;

/** The part of a page that goes to paper under the content. */
const printFooter = (html: string) => {
  const start = html.indexOf('class="print-footer"');
  assert.ok(start > 0, "the page has a print footer");
  return html.slice(start, html.indexOf("</div>", start));
};

for (const dialect of testDialects()) {
  describe(`every place that names an edition (${dialect})`, () => {
    let t: TestApp;
    let cookie: string;
    let frameworkId: string;
    const get = (path: string, as = "") => t.app.request(path, { headers: as ? { cookie: as } : {} });
    const page = async (path: string) => {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      const html = await response.text();
      for (const old of OLD_VERSIONS) assert.ok(!html.includes(old), `${path} still names version ${old}`);
      return html;
    };
    const json = async (path: string): Promise<Json> => {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      const text = await response.text();
      for (const old of OLD_VERSIONS) assert.ok(!text.includes(`"${old}"`), `${path} still names version ${old}`);
      return JSON.parse(text);
    };

    /** Changes one statement and publishes the draft through the editor's form, as a person would. */
    const publishThroughTheForm = async (number: number, lang: Lang) => {
      const item = await t.db
        .selectFrom("items")
        .select(["id", "version", "code", "statement_fr"])
        .where("framework_id", "=", frameworkId)
        .where("code", "=", "ML.CR.2")
        .executeTakeFirstOrThrow();
      const edited = await t.app.request(
        editorUrls.edit(lang, SLUG, item.id),
        postForm(
          t,
          {
            version: String(item.version),
            type: "competency",
            code: item.code ?? "",
            statement_en: `Wording of edition ${number}`,
            statement_fr: `Formulation de l'édition ${number}`,
          },
          cookie,
        ),
      );
      assert.equal(edited.status, 303);
      const form = await (await get(editorUrls.publish(lang, SLUG), cookie)).text();
      assert.ok(shows(form, messages(lang).editorPublishButton(number)));
      const seen = /name="seen" value="(\d+)"/.exec(form)?.[1] as string;
      const published = await t.app.request(
        editorUrls.publish(lang, SLUG),
        postForm(
          t,
          {
            summary_en: `Edition ${number}: new wording.`,
            summary_fr: `Édition ${number} : nouvelle formulation.`,
            seen,
          },
          cookie,
        ),
      );
      assert.equal(published.status, 303);
    };

    const checkEverywhere = async (number: number) => {
      const label = String(number);
      const edition = await t.db
        .selectFrom("editions")
        .select(["published_at"])
        .where("framework_id", "=", frameworkId)
        .where("number", "=", number)
        .executeTakeFirstOrThrow();
      const view = await t.catalog.get(SLUG);
      assert.ok(view);
      // Every category and area prints (and its page carries the same footer for the browser's Print).
      const keys = view.tree.roots
        .flatMap((root) => [root, ...root.children])
        .map((n) => view.keys.get(n.id) as string);
      for (const lang of LANGS) {
        const t_ = messages(lang);
        const says = t_.edition(label);
        for (const path of [urls.home(lang), urls.framework(lang, SLUG)])
          assert.ok(shows(await page(path), `${says} · `), `${path} says ${says}`);
        assert.ok(shows(await page(urls.frameworks(lang)), says), `${urls.frameworks(lang)} says ${says}`);
        const full = await page(urls.full(lang, SLUG));
        assert.ok(shows(full, `${says} · `), "the whole framework's heading says it");
        assert.ok(shows(printFooter(full), says), "the whole framework's print footer says it");
        for (const key of keys) {
          for (const path of [urls.itemPrint(lang, SLUG, key), urls.item(lang, SLUG, key)])
            assert.ok(shows(printFooter(await page(path)), says), `${path}: the print footer says ${says}`);
        }
        const editions = await page(urls.editions(lang, SLUG));
        assert.ok(
          editions.includes(`${escapeHtml(t_.editorEditionN(number))}</a> (${escapeHtml(t_.editionCurrent)})`),
          "the editions page",
        );
        assert.ok(
          shows(
            editions,
            lang === "en" ? `Edition ${number}: new wording.` : `Édition ${number} : nouvelle formulation.`,
          ),
          "its summary, in the page's language",
        );
        // The earlier edition's own pages keep its own number.
        const earlier = await page(`${editionUrls.edition(lang, SLUG, number - 1)}/full`);
        assert.ok(shows(printFooter(earlier), t_.edition(String(number - 1))), "an earlier edition prints its number");
      }

      const list = await json("/api/v1/frameworks");
      const summary = list.frameworks.find((f: Json) => f.slug === SLUG);
      assert.equal(summary.version, label, "JSON API list");
      const whole = await json(`/api/v1/frameworks/${SLUG}`);
      assert.equal(whole.version, label, "JSON API framework");
      for (const f of [summary, whole])
        assert.ok(Date.parse(f.createdAt) <= Date.parse(f.updatedAt), "createdAt first");

      const documents = await json(`${CASE}/CFDocuments`);
      const listed = documents.CFDocuments.find((d: Json) => d.identifier === frameworkId);
      const document = await json(`${CASE}/CFDocuments/${frameworkId}`);
      const casePackage = await json(`${CASE}/CFPackages/${frameworkId}`);
      for (const [name, doc] of [
        ["CFDocuments", listed],
        ["CFDocument", document],
        ["CFPackage", casePackage.CFDocument],
      ] as const) {
        assert.equal(doc.version, label, `${name} version`);
        assert.equal(
          Date.parse(doc.lastChangeDateTime),
          Date.parse(edition.published_at),
          `${name} lastChangeDateTime`,
        );
      }
    };

    before(async () => {
      t = await makeTestApp({ dialect });
      cookie = await signInAs(t, "editor");
      frameworkId = (
        await t.db.selectFrom("frameworks").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow()
      ).id;
    });
    after(() => t.close());

    test("the starter's first edition is edition 1 wherever it is named", async () => {
      const html = await page(urls.full("en", SLUG));
      assert.ok(shows(printFooter(html), messages("en").edition("1")));
      assert.equal((await json(`/api/v1/frameworks/${SLUG}`)).version, "1");
    });

    test("after publishing edition 2 (from the English editor), then 3 (from the French one), all say so", async () => {
      await publishThroughTheForm(2, "en");
      await checkEverywhere(2);
      await publishThroughTheForm(3, "fr");
      await checkEverywhere(3);
    });
  });
}
