/**
 * Printable views written out once per edition, language, item and printing day (src/index/print.tsx,
 * src/editions/outputs.ts): the pieces are the page rendered in one go, for generated frameworks and
 * every starter item; over HTTP the bytes are that page's, streamed with a strong ETag (304 when it
 * matches), the two languages differ, and a new edition gives new bytes and a new tag.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import type { TreeNode } from "../../src/frameworks/tree.ts";
import type { FrameworkView } from "../../src/frameworks/view.ts";
import { LANGS, type Lang } from "../../src/i18n/index.ts";
import { printPageHtml, printPagePieces } from "../../src/index/print.tsx";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { generatedRoots, generatedView } from "../support/generated-view.ts";

const SLUG = "public-library-staff";
const CATEGORY = "ML";
const NOW = "2026-11-30T12:00:00.000Z";
const everyNode = (roots: TreeNode[]): TreeNode[] => roots.flatMap((n) => [n, ...everyNode(n.children)]);

describe("printable views as pieces (pure)", () => {
  test("the pieces are the page rendered in one go: every starter item, generated frameworks", async (t) => {
    const app = await makeTestApp();
    t.after(() => app.close());
    const starter = (await app.catalog.get(SLUG)) as FrameworkView;
    const baseUrl = "https://index.example.org";
    for (const node of everyNode(starter.tree.roots))
      for (const lang of LANGS) {
        const request = { view: starter, node, lang, baseUrl, now: NOW };
        assert.equal([...printPagePieces(request)].join(""), printPageHtml(request));
      }
    await fc.assert(
      fc.property(generatedRoots, fc.constantFrom(...LANGS), (generated, lang) => {
        const view = generatedView(starter, generated);
        for (const node of generated.nodes) {
          const request = { view, node, lang, baseUrl, now: NOW };
          const html = printPageHtml(request);
          assert.equal([...printPagePieces(request)].join(""), html);
          assert.ok(html.includes('class="print-view"'));
        }
      }),
      { numRuns: runs(25) },
    );
  });
});

for (const dialect of testDialects()) {
  describe(`printable views over HTTP (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect });
    });
    after(async () => {
      await t?.close();
    });
    const printPath = (lang: Lang) => urls.itemPrint(lang, SLUG, CATEGORY);
    /** The page as rendered in one go, printed today (the date the server put on it). */
    const direct = async (lang: Lang, now: string) => {
      const view = (await t.catalog.get(SLUG)) as FrameworkView;
      return printPageHtml({ view, node: view.byKey.get(CATEGORY) as TreeNode, lang, baseUrl: t.config.baseUrl, now });
    };

    test("a category's print is the direct render's bytes, streamed with a strong ETag", async () => {
      const bodies = new Map<Lang, string>();
      for (const lang of LANGS) {
        const now = new Date().toISOString();
        const first = await t.app.request(printPath(lang));
        assert.equal(first.status, 200);
        const etag = first.headers.get("etag") as string;
        assert.match(etag, /^"[\w-]+"$/, "a strong ETag");
        const body = await first.text();
        assert.equal(body, await direct(lang, now));
        assert.equal(first.headers.get("content-length"), String(Buffer.byteLength(body)));
        assert.ok(first.headers.get("content-security-policy"), "the security headers as on every page");
        const again = await t.app.request(`${printPath(lang)}?utm_source=x`);
        assert.equal(again.headers.get("etag"), etag);
        assert.equal(await again.text(), body, "the same bytes, whatever the query string");
        const revalidated = await t.app.request(printPath(lang), { headers: { "if-none-match": etag } });
        assert.equal(revalidated.status, 304);
        bodies.set(lang, body);
      }
      assert.notEqual(bodies.get("en"), bodies.get("fr"), "each language its own");
      assert.ok(bodies.get("fr")?.startsWith('<!DOCTYPE html><html lang="fr-CA"'));
    });

    test("a new edition gives new bytes and a new ETag", async () => {
      const before = await t.app.request(printPath("en"));
      const etag = before.headers.get("etag") as string;
      const view = (await t.catalog.get(SLUG)) as FrameworkView;
      await t.db.updateTable("items").set({ statement_en: "Heron leadership" }).where("code", "=", CATEGORY).execute();
      await publishEdition(t.db, view.framework.id, null, { en: "Birds", fr: "Oiseaux" });
      await t.catalog.refresh();
      const now = new Date().toISOString();
      const after = await t.app.request(printPath("en"), { headers: { "if-none-match": etag } });
      assert.equal(after.status, 200, "the old tag no longer matches");
      assert.notEqual(after.headers.get("etag"), etag);
      const body = await after.text();
      assert.ok(body.includes("Heron leadership"));
      assert.equal(body, await direct("en", now));
    });

    test("an unknown item's print is a 404 page", async () => {
      const res = await t.app.request(urls.itemPrint("en", SLUG, "NOPE"));
      assert.equal(res.status, 404);
    });
  });
}
