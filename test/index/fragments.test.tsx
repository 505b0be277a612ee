/**
 * Fragments rendered once per edition view and language (src/ui/fragments.ts): a page built from
 * them has the bytes of the page rendered in place, for the starter and for generated frameworks;
 * over HTTP with the page cache off, a new edition shows its new text (content and navigation), the
 * two languages never get each other's fragment, and a signed-in editor's own controls are theirs
 * alone, before and after readers have filled the fragments.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { editorUrls } from "../../src/editor/urls.ts";
import type { TreeNode } from "../../src/frameworks/tree.ts";
import type { FrameworkView } from "../../src/frameworks/view.ts";
import { LANGS, type Lang } from "../../src/i18n/index.ts";
import { categoryNav } from "../../src/index/home.tsx";
import { ItemPage } from "../../src/index/item.tsx";
import { fragment, fragmentCount, renderNow } from "../../src/ui/fragments.ts";
import { Layout } from "../../src/ui/layout.tsx";
import { FrameworkTexts } from "../../src/ui/text.tsx";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { signInAs } from "../support/auth.ts";
import { runs } from "../support/fast-check-seed.ts";
import { generatedRoots, generatedView } from "../support/generated-view.ts";

const SLUG = "public-library-staff";
const AREA = "ML.CR";

/** Every node of a tree, depth first. */
const everyNode = (roots: TreeNode[]): TreeNode[] => roots.flatMap((n) => [n, ...everyNode(n.children)]);

/** The page as the app builds it (fragments) and as it would be rendered in place (no fragment). */
function bothWays(view: FrameworkView, node: TreeNode, lang: Lang, print: boolean) {
  const page = () => (
    <FrameworkTexts framework={view.framework}>
      <ItemPage lang={lang} view={view} node={node} print={print} />
    </FrameworkTexts>
  );
  const root = everyNode(view.tree.roots).find((n) => n.id === node.id && n.depth === 0) ?? view.tree.roots[0];
  const nav = categoryNav(lang, view, root?.id);
  const props = { lang, title: "Page", nav, variant: print ? ("print" as const) : ("default" as const) };
  const kept = renderNow(<Layout {...props}>{fragment(view, `test:${lang}:${print}:${node.id}`, page)}</Layout>);
  // An unfrozen copy of the navigation is rendered in place by the layout.
  const inPlace = renderNow(
    <Layout {...props} nav={[...nav]}>
      {page()}
    </Layout>,
  );
  return { kept, inPlace };
}

describe("fragments (pure)", () => {
  test("every starter item page built from fragments has the bytes of the page rendered in place", async (t) => {
    const app = await makeTestApp();
    t.after(() => app.close());
    const view = (await app.catalog.get(SLUG)) as FrameworkView;
    for (const node of everyNode(view.tree.roots))
      for (const lang of LANGS)
        for (const print of [false, true]) {
          const { kept, inPlace } = bothWays(view, node, lang, print);
          assert.equal(kept, inPlace, `${lang} ${print ? "print" : "page"} of ${node.code}`);
          // Served again from the kept fragment: the same bytes.
          assert.equal(bothWays(view, node, lang, print).kept, inPlace);
        }
  });

  test("generated frameworks: pages built from fragments have the bytes of pages rendered in place", async (t) => {
    const app = await makeTestApp();
    t.after(() => app.close());
    const starter = (await app.catalog.get(SLUG)) as FrameworkView;
    await fc.assert(
      fc.property(generatedRoots, fc.constantFrom(...LANGS), fc.boolean(), (generated, lang, print) => {
        const view = generatedView(starter, generated);
        for (const node of generated.nodes) {
          const { kept, inPlace } = bothWays(view, node, lang, print);
          assert.equal(kept, inPlace);
        }
      }),
      { numRuns: runs(25) },
    );
  });

  test("fragments are kept per owner and bounded", () => {
    const owner = {};
    let renders = 0;
    const render = () => {
      renders++;
      return <p>{"a < b"}</p>;
    };
    assert.equal(String(fragment(owner, "k", render)), "<p>a &lt; b</p>");
    assert.equal(String(fragment(owner, "k", render)), "<p>a &lt; b</p>");
    assert.equal(renders, 1, "rendered once, then reused");
    assert.equal(String(fragment({}, "k", () => <p>other</p>)), "<p>other</p>", "another owner has its own");
    for (let i = 0; i < 5000; i++) fragment(owner, `k${i}`, () => <i>{i}</i>);
    assert.ok(fragmentCount(owner) <= 4000, "at most 4,000 fragments per owner");
  });
});

for (const dialect of testDialects()) {
  describe(`fragments over HTTP, page cache off (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, env: { PAGE_CACHE: "off" } });
    });
    after(async () => {
      await t?.close();
    });
    const areaPath = (lang: Lang) => urls.item(lang, SLUG, AREA);
    const page = async (path: string, cookie?: string) => {
      const res = await t.app.request(path, { headers: cookie ? { cookie } : {} });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get("x-cache"), null, "rendered, not from the page cache");
      return res.text();
    };

    test("English and French pages each get their own language's fragments", async () => {
      const view = (await t.catalog.get(SLUG)) as FrameworkView;
      const node = view.byKey.get(AREA) as TreeNode;
      const root = view.tree.byId.get(node.parentId as string) as TreeNode;
      for (const order of [LANGS, [...LANGS].reverse()])
        for (const lang of order) {
          const html = await page(areaPath(lang));
          const other = lang === "en" ? "fr" : "en";
          assert.ok(html.includes(`lang="${lang}-CA"`));
          assert.ok(html.includes(`href="${urls.item(lang, SLUG, AREA)}/print"`), `${lang} links within ${lang}`);
          assert.ok(!html.includes(`href="${urls.item(other, SLUG, AREA)}/print"`), `no ${other} link in ${lang}`);
          assert.ok(html.includes(`href="${urls.item(lang, SLUG, view.keys.get(root.id) as string)}"`));
          assert.notEqual(node.statement.en, node.statement.fr);
        }
    });

    test("a new edition's text reaches the rendered page: its content and its navigation", async () => {
      const before = await page(areaPath("en"));
      const view = (await t.catalog.get(SLUG)) as FrameworkView;
      const category = view.byKey.get("ML") as TreeNode;
      await t.db.updateTable("items").set({ statement_en: "Ibis relations" }).where("code", "=", AREA).execute();
      await t.db.updateTable("items").set({ statement_en: "Heron leadership" }).where("code", "=", "ML").execute();
      await publishEdition(t.db, view.framework.id, null, { en: "Birds", fr: "Oiseaux" });
      await t.catalog.refresh();
      const after = await page(areaPath("en"));
      assert.ok(!before.includes("Ibis relations"));
      assert.ok(after.includes("<h1>Ibis relations</h1>"), "the new statement in the content");
      assert.match(after, /<nav class="primary-nav"[^>]*>.*Heron leadership.*<\/nav>/s, "and in the navigation");
      assert.ok(!after.includes(category.statement.en as string), "the old category title is gone");
      const french = await page(areaPath("fr"));
      assert.ok(!french.includes("Ibis relations"), "the French page keeps its French statement");
    });

    test("a signed-in editor sees their own controls; readers never get them, before or after", async () => {
      const view = (await t.catalog.get(SLUG)) as FrameworkView;
      const node = view.byKey.get(AREA) as TreeNode;
      const editHref = editorUrls.edit("en", SLUG, node.id);
      const readerFirst = await page(areaPath("en"));
      const cookie = await signInAs(t, "editor");
      const editor = await page(areaPath("en"), cookie);
      const readerAfter = await page(areaPath("en"));
      assert.ok(editor.includes(`href="${editHref}"`), "the editor's edit link");
      assert.ok(editor.includes("sign-out-form"), "the editor's account corner");
      for (const reader of [readerFirst, readerAfter]) {
        assert.ok(!reader.includes(editHref), "no edit link for a reader");
        assert.ok(!reader.includes("sign-out-form"), "no account corner for a reader");
      }
      assert.equal(readerAfter, readerFirst, "the reader's page is unchanged by the editor's visit");
      assert.ok((await page(areaPath("en"), cookie)).includes(`href="${editHref}"`), "and again for the editor");
    });
  });
}
