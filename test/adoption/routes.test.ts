/**
 * Adoption through HTTP, on every database and in both languages, without JavaScript: the upstream
 * page (conflicts, three versions, labels, parents), take / leave / merge forms that redirect
 * whatever happens, the adopt form's title rule, and what readers and the API see of a copy.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { openApiDocument } from "../../src/api/openapi.ts";
import { editorUrls } from "../../src/editor/urls.ts";
import { findDraftItem } from "../../src/frameworks/draft-store.ts";
import { type Lang, messages } from "../../src/i18n/index.ts";
import { urls } from "../../src/ui/urls.ts";
import { contractFor } from "../api/contract.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { attr, countTags, htmlLang, shows, tagsWith } from "../support/html.ts";
import { adopt, edit, makeSource, newItem, publish } from "./support.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
const contract = contractFor(openApiDocument("http://localhost:3000"));

for (const dialect of testDialects()) {
  describe(`adoption pages (${dialect})`, () => {
    let t: TestApp;
    let cookie: string;
    const get = (path: string, as = cookie) => t.app.request(path, { headers: as ? { cookie: as } : {} });
    const post = (path: string, fields: Record<string, string>) => t.app.request(path, postForm(t, fields, cookie));
    const page = async (path: string) => {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      return response.text();
    };
    /** The hidden fingerprint of the decision forms for one upstream item. */
    const fingerprintOf = (html: string, upstreamId: string) =>
      new RegExp(`action="[^"]*/upstream/${upstreamId}"[^>]*>[\\s\\S]*?name="fingerprint" value="([0-9a-f]{32})"`).exec(
        html,
      )?.[1] as string;

    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      cookie = await signInAs(t, "editor");
    });
    after(() => t.close());

    test("the upstream page shows a conflict's three versions, type labels and where additions go, in both languages", async () => {
      const source = await makeSource(t.db);
      const copy = await adopt(t.db, source);
      await edit(t.db, copy.id, copy.local(source.ids.k1), { statement_en: "Ours" });
      await edit(t.db, source.id, source.ids.k1, { statement_en: "Theirs" });
      await edit(t.db, source.id, source.ids.k2, { type: "competency" });
      await newItem(t.db, source.id, source.ids.a, "ksa", "Forecasts revenue");
      await publish(t.db, source.id);
      for (const lang of ["en", "fr"] as Lang[]) {
        const m = messages(lang);
        const html = await page(editorUrls.upstream(lang, copy.slug));
        assert.equal(htmlLang(html), lang === "fr" ? "fr-CA" : "en-CA");
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, m.adoptWaiting(3, 1)), "how many wait, how many conflict");
        assert.ok(shows(html, m.adoptCaughtUp(1, 2)));
        for (const text of [m.adoptConflict, m.adoptConflictBothChanged, m.adoptColumnBase(1), m.adoptColumnTheirs(2)])
          assert.ok(shows(html, text), text);
        for (const version of ["Plans the budget", "Theirs", "Ours"]) assert.ok(shows(html, version), version);
        assert.ok(
          shows(html, m.editorAddUnder(lang === "fr" ? "Budget (fr)" : "Budget")),
          `an addition names its parent ${lang}`,
        );
        assert.ok(shows(html, lang === "fr" ? "Compétence" : "Competency"), "a type shows its label");
        assert.ok(!/<td class="value">(ksa|competency)<\/td>/.test(html), "never the type's code");
        assert.ok(shows(html, m.adoptKeepYours) && shows(html, m.adoptMergeLink));
        const outline = await page(editorUrls.framework(lang, copy.slug));
        assert.ok(shows(outline, m.adoptWaitingLink(3, 1)), "the editor says how many changes wait");
      }
    });

    test("take, leave and merge work without JavaScript; a refusal redirects and says why", async () => {
      const source = await makeSource(t.db);
      const copy = await adopt(t.db, source);
      const k1 = copy.local(source.ids.k1);
      await edit(t.db, copy.id, k1, { statement_en: "Ours" });
      await edit(t.db, source.id, source.ids.k1, { statement_en: "Theirs", statement_fr: "La leur" });
      await edit(t.db, source.id, source.ids.k3, { code: "K3" });
      await publish(t.db, source.id);
      const decide = editorUrls.decide("en", copy.slug, source.ids.k3);

      const stale = await post(decide, { decision: "take", fingerprint: "0".repeat(32) });
      assert.equal(stale.status, 303);
      const after = await page(stale.headers.get("location") as string);
      assert.ok(shows(after, messages("en").editorErrStaleUpstream), "the page says why nothing was done");
      assert.equal(tagsWith(after, "div", /role="alert"/).length, 1);
      const malformed = await post(decide, { decision: "take it all" });
      assert.match(malformed.headers.get("location") ?? "", /problem=invalid/);
      for (const id of ["%0D%0ALocation:%20x", randomUUID(), "not-an-id"]) {
        const odd = await post(`${editorUrls.upstream("en", copy.slug)}/${id}`, {
          decision: "take",
          fingerprint: "0".repeat(32),
        });
        assert.equal(odd.status, 303, id);
        assert.match(odd.headers.get("location") ?? "", /problem=(missing|invalid)/, id);
      }

      const list = await page(editorUrls.upstream("en", copy.slug));
      const taken = await post(decide, { decision: "take", fingerprint: fingerprintOf(list, source.ids.k3) });
      assert.match(taken.headers.get("location") ?? "", /done=taken/);
      const again = await post(decide, { decision: "take", fingerprint: fingerprintOf(list, source.ids.k3) });
      assert.match(again.headers.get("location") ?? "", /done=unchanged/, "a second submit does nothing");

      // Field by field, in French: a choice per field, or a value of one's own.
      const mergeUrl = editorUrls.merge("fr", copy.slug, source.ids.k1);
      const form = await page(mergeUrl);
      assert.equal(countTags(form, "h1"), 1);
      assert.equal(tagsWith(form, "input", /name="choice_statement_en"/).length, 3);
      assert.equal(tagsWith(form, "input", /name="choice_statement_fr"/).length, 3);
      const fingerprint = attr(tagsWith(form, "input", /name="fingerprint"/)[0], "value") as string;
      const bad = await post(mergeUrl, {
        fingerprint,
        choice_statement_en: "value",
        value_statement_en: "<b>bold</b>",
        choice_statement_fr: "theirs",
      });
      assert.equal(bad.status, 422);
      const badHtml = await bad.text();
      assert.ok(shows(badHtml, messages("fr").editorErrHtml));
      assert.equal(tagsWith(badHtml, "textarea", /aria-invalid="true"/).length, 1);
      const missing = await post(mergeUrl, { fingerprint, choice_statement_en: "ours" });
      assert.equal(missing.status, 422);
      assert.ok(shows(await missing.text(), messages("fr").formChoose));
      const merged = await post(mergeUrl, {
        fingerprint,
        choice_statement_en: "value",
        value_statement_en: "Merged by hand",
        choice_statement_fr: "theirs",
      });
      assert.equal(merged.status, 303);
      assert.match(merged.headers.get("location") ?? "", /done=merged/);
      const local = await findDraftItem(t.db, copy.id, k1);
      assert.deepEqual([local?.statement_en, local?.statement_fr], ["Merged by hand", "La leur"]);
      const done = await page(editorUrls.upstream("fr", copy.slug));
      assert.ok(shows(done, messages("fr").editorUpstreamNone));
      assert.ok(shows(done, messages("fr").adoptCaughtUp(2, 2)));
    });

    test("adopting with the source's own title is refused on the form, naming the field", async () => {
      const source = await makeSource(t.db);
      for (const lang of ["en", "fr"] as Lang[]) {
        const response = await post(editorUrls.adopt(lang), {
          id: randomUUID(),
          source: source.slug,
          slug: `same-title-${lang}`,
          title_en: "",
          title_fr: `Source ${source.slug} (fr)`,
        });
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.ok(shows(html, messages(lang).adoptErrSameTitle));
        assert.equal(
          tagsWith(html, "input", /name="title_fr"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="title_fr"/)
            .length,
          1,
        );
      }
    });

    test("readers and the API see which edition of its source a published copy is based on", async () => {
      const source = await makeSource(t.db);
      const copy = await adopt(t.db, source);
      await publish(t.db, copy.id);
      for (const lang of ["en", "fr"] as Lang[]) {
        for (const path of [urls.framework(lang, copy.slug), urls.full(lang, copy.slug)]) {
          const html = await (await get(path, "")).text();
          assert.ok(shows(html, messages(lang).readerAdoptedFrom(1)), path);
          assert.ok(html.includes(`href="${urls.editions(lang, source.slug)}/1"`), path);
        }
        const original = await (await get(urls.framework(lang, source.slug), "")).text();
        assert.ok(!shows(original, messages(lang).readerAdoptedFrom(1)), "the source itself says nothing of the kind");
      }
      const path = `/api/v1/frameworks/${copy.slug}`;
      const response = await get(path, "");
      const body = await response.json();
      contract.check("get", path, response.status, body);
      assert.deepEqual(body.adoptedFrom, {
        id: source.id,
        slug: source.slug,
        title: { en: `Source ${source.slug}`, fr: `Source ${source.slug} (fr)` },
        edition: 1,
      });
      const sourceBody = await (await get(`/api/v1/frameworks/${source.slug}`, "")).json();
      assert.equal(sourceBody.adoptedFrom, undefined);
    });
  });
}
