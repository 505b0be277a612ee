/**
 * The editor's ways in, on every database and in both languages: signed-in editors see an "Edit"
 * link on public pages (never leaked into the page cache anonymous readers are served from, whose
 * pages stay cached), the header links to the editor, the outline's jump box finds an item of the
 * draft by code or words (a plain GET form), and a new framework's web address is made from its
 * title when left empty (accents folded, unique).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { addItem } from "../../src/editor/commands/items.ts";
import { FALLBACK_SLUG, PROPOSED_SLUG_MAX, slugFromTitle, uniqueSlug } from "../../src/editor/slug.ts";
import { editorUrls } from "../../src/editor/urls.ts";
import { LANGS, type Lang, messages } from "../../src/i18n/index.ts";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { runs } from "../support/fast-check-seed.ts";
import { attr, hrefs, shows, tagsWith } from "../support/html.ts";

const SLUG = "public-library-staff";
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

for (const dialect of testDialects()) {
  describe(`the editor's ways in (${dialect})`, () => {
    let t: TestApp;
    let editor: string;
    let admin: string;
    const get = (path: string, cookie = "") => t.app.request(path, { headers: cookie ? { cookie } : {} });
    const itemId = async (code: string) =>
      (await t.db.selectFrom("items").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

    before(async () => {
      t = await makeTestApp({ dialect });
      editor = await signInAs(t, "editor");
      admin = await signInAs(t, "administrator");
    });
    after(() => t?.close());

    test("editors see Edit links on public pages, to the same item in the editor; readers never do", async () => {
      const area = await itemId("ML.CR");
      for (const lang of LANGS) {
        const t9 = messages(lang);
        const cases: [string, string][] = [
          [urls.item(lang, SLUG, "ML.CR"), editorUrls.edit(lang, SLUG, area)],
          [urls.item(lang, SLUG, "ML"), editorUrls.edit(lang, SLUG, await itemId("ML"))],
          [urls.item(lang, SLUG, "ML.CR.1"), editorUrls.edit(lang, SLUG, await itemId("ML.CR.1"))],
          [urls.framework(lang, SLUG), editorUrls.framework(lang, SLUG)],
          [urls.home(lang), editorUrls.framework(lang, SLUG)],
          [urls.full(lang, SLUG), editorUrls.framework(lang, SLUG)],
        ];
        const opened = new Set<string>();
        for (const [index, [path, target]] of cases.entries()) {
          // Administrators may edit too: one page is enough to show it.
          const cookie = index === 0 ? admin : editor;
          const response = await get(path, cookie);
          assert.equal(response.status, 200, path);
          assert.match(response.headers.get("cache-control") ?? "", /private/, `${path}: a signed-in page is private`);
          const html = await response.text();
          const [edit] = tagsWith(html, "a", new RegExp(`href="${target.replace(/[.?]/g, "\\$&")}"`));
          assert.ok(edit, `${path} links to ${target}`);
          assert.match(attr(edit, "aria-label") ?? "", new RegExp(t9.editThis), "the link says what it edits");
          if (!opened.has(target)) {
            opened.add(target);
            assert.equal((await get(target, editor)).status, 200, `${target} opens`);
          }
          const reader = await (await get(path)).text();
          assert.ok(!hrefs(reader).some((h) => h.includes("/editor")), `${path}: no editor link for readers`);
        }
      }
    });

    test("an editor's visit never reaches the cache readers are served from; readers' pages stay cached", async () => {
      for (const lang of LANGS) {
        const path = urls.item(lang, SLUG, "ML.BF");
        // The editor comes first, twice: nothing of theirs may be stored for readers.
        for (let i = 0; i < 2; i++) {
          const mine = await get(path, editor);
          assert.notEqual(mine.headers.get("x-cache"), "hit", "an editor is never served from the cache");
          assert.ok(hrefs(await mine.text()).some((h) => h.includes("/editor/")));
        }
        const first = await get(path);
        const second = await get(path);
        assert.equal(second.headers.get("x-cache"), "hit", "a reader's page is cached");
        for (const response of [first, second])
          assert.ok(!hrefs(await response.text()).some((h) => h.includes("/editor")), "and holds no editor link");
        const etag = second.headers.get("etag") ?? "";
        const revalidated = await t.app.request(path, { headers: { "if-none-match": etag } });
        assert.equal(revalidated.status, 304, "readers revalidate cheaply");
        const signedIn = await t.app.request(path, { headers: { "if-none-match": etag, cookie: editor } });
        assert.equal(signedIn.status, 200, "a reader's ETag never answers an editor with the reader's page");
        assert.ok(hrefs(await signedIn.text()).some((h) => h.includes("/editor/")));
      }
    });

    test("the header links to the editor for editors only", async () => {
      for (const lang of LANGS) {
        for (const path of [urls.home(lang), urls.search(lang, "budget"), editorUrls.home(lang)]) {
          const html = await (await get(path, editor)).text();
          const [link] = tagsWith(html, "a", /class="editor-link"/);
          assert.ok(link, `${path}: an Editor link`);
          assert.equal(attr(link, "href"), editorUrls.home(lang));
          assert.ok(shows(html, messages(lang).editorTitle));
        }
        assert.equal(tagsWith(await (await get(urls.home(lang))).text(), "a", /class="editor-link"/).length, 0);
      }
    });

    test("the jump box: a plain GET form on the outline; a code goes to the item, words list the draft's matches", async () => {
      const area = await itemId("ML.CR");
      for (const lang of LANGS) {
        const t9 = messages(lang);
        for (const outline of [editorUrls.framework(lang, SLUG), editorUrls.item(lang, SLUG, area)]) {
          const html = await (await get(outline, editor)).text();
          const [form] = tagsWith(html, "form", /class="jump-form"/);
          assert.ok(form, `${outline}: a jump box`);
          assert.equal(attr(form, "method"), "get");
          assert.equal(attr(form, "action"), editorUrls.find(lang, SLUG));
          assert.ok(html.includes('<label for="jump-q">'), "labelled");
        }
        for (const code of ["ML.CR", "ml.cr", "  ML.CR  "]) {
          const jump = await get(editorUrls.find(lang, SLUG, code), editor);
          assert.equal(jump.status, 303, code);
          assert.equal(jump.headers.get("location"), editorUrls.item(lang, SLUG, area));
        }
        const words = await get(editorUrls.find(lang, SLUG, lang === "en" ? "partnership" : "partenariat"), editor);
        assert.equal(words.status, 200);
        const list = await words.text();
        assert.ok(
          hrefs(list).includes(editorUrls.item(lang, SLUG, await itemId("ML.CR.6"))),
          "the partnership competency",
        );
        assert.match(list, /role="status"/);
        const none = await (await get(editorUrls.find(lang, SLUG, "zzqqxx"), editor)).text();
        assert.ok(shows(none, t9.editorJumpNone("zzqqxx")));
        const empty = await get(editorUrls.find(lang, SLUG), editor);
        assert.equal(empty.status, 200);
        assert.ok(shows(await empty.text(), t9.editorJumpEmpty));
        for (const hostile of ["<script>alert(1)</script>", "%00", "a".repeat(5000), "ML.CR\u0000"]) {
          const response = await get(`${editorUrls.find(lang, SLUG)}?q=${encodeURIComponent(hostile)}`, editor);
          assert.ok([200, 303].includes(response.status), `${hostile.slice(0, 20)} → ${response.status}`);
          if (response.status === 200) assert.ok(!(await response.text()).includes("<script>alert"));
        }
      }
    });

    test("the jump box searches the draft: an unpublished item is found, by code and by words", async () => {
      const framework = await t.db
        .selectFrom("frameworks")
        .select("id")
        .where("slug", "=", SLUG)
        .executeTakeFirstOrThrow();
      const id = randomUUID();
      await addItem(t.db, null, framework.id, {
        id,
        parent: await itemId("ML.CR"),
        type: "competency",
        code: "ML.CR.99",
        statement_en: "Hosts a quarterly zine fair",
        statement_fr: "Organise chaque trimestre une foire aux fanzines",
        description_en: null,
        description_fr: null,
      });
      for (const lang of LANGS as readonly Lang[]) {
        const byCode = await get(editorUrls.find(lang, SLUG, "ml.cr.99"), editor);
        assert.equal(byCode.headers.get("location"), editorUrls.item(lang, SLUG, id));
        const byWords = await (
          await get(editorUrls.find(lang, SLUG, lang === "en" ? "zine" : "fanzines"), editor)
        ).text();
        assert.ok(hrefs(byWords).includes(editorUrls.item(lang, SLUG, id)));
      }
      const readers = await (await get("/en/search?q=zine")).text();
      assert.ok(!readers.includes("quarterly zine"), "readers' search still shows only what is published");
    });

    test("a new framework's web address is made from its title when left empty: folded, unique", async () => {
      const create = (fields: Record<string, string>, lang: Lang = "en") =>
        t.app.request(editorUrls.createFramework(lang), postForm(t, { id: randomUUID(), ...fields }, editor));
      const title = "Compétences de l'équipe — Été 2026";
      const first = await create({ slug: "", title_en: "", title_fr: title });
      assert.equal(first.status, 303);
      assert.equal(
        first.headers.get("location"),
        `${editorUrls.framework("en", "competences-de-l-equipe-ete-2026")}?done=created`,
      );
      const second = await create({ slug: "  ", title_en: title, title_fr: "" }, "fr");
      assert.equal(
        second.headers.get("location"),
        `${editorUrls.framework("fr", "competences-de-l-equipe-ete-2026-2")}?done=created`,
        "the same title gets the next free address",
      );
      // What the page's script proposed, left as it was, is made again on the server, which knows it is taken.
      const proposed = await create({
        slug: "competences-de-l-equipe-ete-2026",
        slug_proposed: "competences-de-l-equipe-ete-2026",
        title_en: title,
      });
      assert.equal(
        proposed.headers.get("location"),
        `${editorUrls.framework("en", "competences-de-l-equipe-ete-2026-3")}?done=created`,
      );
      // An address typed by the person is kept as typed, and refused when taken.
      const own = await create({ slug: "my-own-address", slug_proposed: "competences", title_en: title });
      assert.equal(own.headers.get("location"), `${editorUrls.framework("en", "my-own-address")}?done=created`);
      const taken = await create({ slug: "my-own-address", title_en: "Other" });
      assert.equal(taken.status, 409);
      // A title with nothing to make an address from still gets one.
      const emoji = await create({ slug: "", title_en: "📚📚" });
      assert.equal(emoji.headers.get("location"), `${editorUrls.framework("en", FALLBACK_SLUG)}?done=created`);
      // Submitting the same form twice creates it once, at the same address.
      const id = randomUUID();
      const once = await create({ id, slug: "", title_en: "Twice Submitted" });
      const again = await create({ id, slug: "", title_en: "Twice Submitted" });
      assert.equal(once.headers.get("location"), `${editorUrls.framework("en", "twice-submitted")}?done=created`);
      assert.equal(again.status, 303);
      assert.match(again.headers.get("location") ?? "", /\/twice-submitted\?/);
      const count = await t.db
        .selectFrom("frameworks")
        .select("id")
        .where("slug", "like", "twice-submitted%")
        .execute();
      assert.equal(count.length, 1);
      // A malformed address typed by the person is refused, naming the field.
      const bad = await create({ slug: "Not A Slug!", title_en: "x" });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /aria-invalid="true"[^>]*name="slug"|name="slug"[^>]*aria-invalid="true"/);
    });

    test("the new-framework form: the address is optional, after the titles, with the script that proposes it", async () => {
      for (const lang of LANGS) {
        const html = await (await get(editorUrls.newFramework(lang), editor)).text();
        const [slug] = tagsWith(html, "input", /name="slug"/);
        assert.ok(slug && !/\srequired/.test(slug), "not required");
        assert.ok(html.indexOf('name="title_en"') < html.indexOf('name="slug"'), "the title comes first");
        assert.ok(shows(html, messages(lang).editorSlugFromTitleHint));
        assert.match(html, /<script src="\/assets\/editor-slug\.js\?v=[0-9a-f]+" defer/);
        assert.equal((await get("/assets/editor-slug.js")).status, 200);
      }
    });
  });
}

describe("slugFromTitle", () => {
  test("examples", () => {
    assert.equal(slugFromTitle("Public Library Staff Competencies"), "public-library-staff-competencies");
    assert.equal(slugFromTitle("Compétences — Œuvres & Straße"), "competences-oeuvres-strasse");
    assert.equal(slugFromTitle("  --Hello,   World!--  "), "hello-world");
    assert.equal(slugFromTitle("Cafe\u0301"), "cafe");
    assert.equal(slugFromTitle(""), FALLBACK_SLUG);
    assert.equal(slugFromTitle("مرحبا"), FALLBACK_SLUG);
    assert.equal(slugFromTitle(null), FALLBACK_SLUG);
    assert.equal(slugFromTitle(`${"word ".repeat(30)}`).length <= PROPOSED_SLUG_MAX, true);
    assert.equal(slugFromTitle("x".repeat(200)), "x".repeat(PROPOSED_SLUG_MAX));
  });

  test("any title gives an address the form accepts, within bounds, stable when made again", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (title) => {
        const slug = slugFromTitle(title);
        assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(slug.length <= PROPOSED_SLUG_MAX);
        assert.equal(slugFromTitle(slug), slug);
      }),
      { numRuns: runs(300) },
    );
  });

  test("uniqueSlug takes the first free suffix", () => {
    assert.equal(uniqueSlug("a", new Set()), "a");
    assert.equal(uniqueSlug("a", new Set(["a", "a-2", "a-4"])), "a-3");
  });
});
