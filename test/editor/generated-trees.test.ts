/**
 * The editor and the public pages work for any tree. Random frameworks (depth 0–4; levels with no,
 * one or several items; one or both languages; odd text) are built through the editor's own
 * commands and published; then every editor page of the framework and of each item, and every
 * public page (home, items, print views, whole framework, editions, JSON and CASE APIs), answers
 * 200 in both languages with one h1 and the right lang, and shows hostile text escaped.
 * Runs on every test database; the number of runs is bounded so the file stays well under a minute.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { editorUrls } from "../../src/editor/urls.ts";
import { LANGS, type Lang } from "../../src/i18n/index.ts";
import { editionUrls, urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { signInAs } from "../support/auth.ts";
import {
  type BuiltFramework,
  buildThroughCommands,
  frameworkArbitrary,
  type GeneratedFramework,
  oddFramework,
} from "../support/generated-tree.ts";
import { countTags, htmlLang } from "../support/html.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
const LOCALE: Record<Lang, string> = { en: "en-CA", fr: "fr-CA" };
const RUNS = Number(process.env.GENERATED_TREE_RUNS ?? 4);

/** What every HTML page owes a reader, whatever the content: and nothing of the content as markup. */
function assertHtmlPage(html: string, lang: Lang, path: string) {
  assert.equal(htmlLang(html), LOCALE[lang], `${path}: <html lang>`);
  assert.equal(countTags(html, "h1"), 1, `${path}: exactly one <h1>`);
  assert.equal(countTags(html, "main"), 1, `${path}: one <main>`);
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual(repeated, [], `${path}: duplicate ids`);
  assert.ok(!html.includes("<script>alert"), `${path}: a statement's <script> reached the page as markup`);
  assert.ok(!/<img src=x/i.test(html), `${path}: a statement's <img> reached the page as markup`);
  assert.ok(!/href="\s*javascript:/i.test(html), `${path}: a javascript: link`);
}

/** fc.assert, with the failing check's own message in front (fast-check keeps it only as the cause). */
async function assertProperty(
  property: fc.IAsyncProperty<[GeneratedFramework]>,
  options: fc.Parameters<[GeneratedFramework]>,
) {
  try {
    await fc.assert(property, options);
  } catch (error) {
    const cause = (error as Error).cause;
    if (cause instanceof Error) (error as Error).message = `${cause.message}\n\n${(error as Error).message}`;
    throw error;
  }
}

for (const dialect of testDialects()) {
  describe(`generated trees (${dialect})`, () => {
    let t: TestApp;
    let cookie: string;
    let counter = 0;

    before(async () => {
      t = await makeTestApp({ dialect });
      cookie = await signInAs(t, "editor");
    });
    after(() => t?.close());

    const fetchOk = async (path: string, as: "editor" | "reader") => {
      const response = await t.app.request(path, { headers: as === "editor" ? { cookie } : {} });
      assert.equal(response.status, 200, `${as} ${path} answered ${response.status}`);
      return response;
    };

    const htmlOk = async (path: string, lang: Lang, as: "editor" | "reader") => {
      const response = await fetchOk(path, as);
      assert.match(response.headers.get("content-type") ?? "", /^text\/html/, path);
      assertHtmlPage(await response.text(), lang, path);
    };

    const jsonOk = async (path: string) => {
      const response = await fetchOk(path, "reader");
      assert.match(response.headers.get("content-type") ?? "", /json/i, path);
      return JSON.parse(await response.text());
    };

    async function checkEditorPages(built: BuiltFramework, lang: Lang) {
      const slug = built.slug;
      const frameworkPages = [
        editorUrls.home(lang),
        editorUrls.framework(lang, slug),
        editorUrls.details(lang, slug),
        editorUrls.publish(lang, slug),
        editorUrls.changes(lang, slug),
        editorUrls.translations(lang, slug),
        editorUrls.newItem(lang, slug, null),
        editorUrls.find(lang, slug),
        editorUrls.find(lang, slug, "library bibliothèque"),
      ];
      for (const path of frameworkPages) await htmlOk(path, lang, "editor");
      // A code shared by several items lists them; held by one, it leads to that item's page.
      const jump = await t.app.request(editorUrls.find(lang, slug, "DUP"), { headers: { cookie } });
      if (jump.status === 303) await htmlOk(jump.headers.get("location") as string, lang, "editor");
      else assertHtmlPage(await jump.text(), lang, "find DUP");
      for (const { id } of [...built.items, built.draftOnly]) {
        for (const path of [
          editorUrls.item(lang, slug, id),
          editorUrls.edit(lang, slug, id),
          editorUrls.newItem(lang, slug, id),
          editorUrls.move(lang, slug, id),
          editorUrls.remove(lang, slug, id),
          editorUrls.history(lang, slug, id),
        ])
          await htmlOk(path, lang, "editor");
      }
    }

    async function checkPublicPages(built: BuiltFramework, lang: Lang) {
      const slug = built.slug;
      const view = await t.catalog.get(slug);
      assert.ok(view, "the framework is published");
      assert.equal(view.itemCount, built.items.length, "every item added before publishing is in the edition");
      assert.ok(!view.tree.byId.has(built.draftOnly.id), "an item added after publishing is not");
      const edition = editionUrls.viewSlug(slug, 1);
      for (const path of [
        urls.framework(lang, slug),
        urls.full(lang, slug),
        urls.editions(lang, slug),
        urls.framework(lang, edition),
        urls.full(lang, edition),
      ])
        await htmlOk(path, lang, "reader");
      for (const { id } of built.items) {
        const key = view.keys.get(id) as string;
        assert.ok(key, `item ${id} has a URL key`);
        for (const path of [
          urls.item(lang, slug, key),
          urls.itemPrint(lang, slug, key),
          urls.item(lang, edition, key),
          urls.itemPrint(lang, edition, key),
        ])
          await htmlOk(path, lang, "reader");
      }
      const draftKey = built.draftOnly.id;
      const unpublished = await t.app.request(urls.item(lang, slug, draftKey));
      assert.equal(unpublished.status, 404, "an unpublished item has no public page");
    }

    async function checkApis(built: BuiltFramework) {
      const tree = await jsonOk(`/api/v1/frameworks/${built.slug}`);
      assert.equal(tree.slug ?? tree.framework?.slug, built.slug);
      await jsonOk(`/ims/case/v1p1/CFPackages/${built.id}`);
      await jsonOk(`/ims/case/v1p1/CFDocuments/${built.id}`);
      for (const { id } of built.items) await jsonOk(`/ims/case/v1p1/CFItems/${id}`);
      for (const lang of LANGS) await jsonOk(`/api/v1/search?lang=${lang}&q=library`);
    }

    test("every editor and public page of every item answers 200 in both languages", async () => {
      await assertProperty(
        fc.asyncProperty(frameworkArbitrary(20), async (generated) => {
          const slug = `generated-${++counter}`;
          const built = await buildThroughCommands(t.db, null, generated, slug);
          t.catalog.invalidate();
          for (const lang of LANGS) {
            await checkEditorPages(built, lang);
            await checkPublicPages(built, lang);
            await htmlOk(urls.home(lang), lang, "reader");
            await htmlOk(urls.frameworks(lang), lang, "reader");
            await htmlOk(urls.search(lang, "bibliothèque"), lang, "reader");
          }
          await checkApis(built);
        }),
        { numRuns: RUNS, examples: [[oddFramework()]] },
      );
    });
  });
}
