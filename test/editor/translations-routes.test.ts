/**
 * Bilingual upkeep through HTTP, as an editor meets it, in both languages: a one-language save
 * flags the other language beside its field, on the translations page and in the publish page's
 * count; "still correct" (a plain form, no JavaScript) or the edit form's checkbox clears it.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { editorUrls } from "../../src/editor/urls.ts";
import { formatDate, type Lang, messages } from "../../src/i18n/index.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { countTags, shows } from "../support/html.ts";

const SLUG = "public-library-staff";
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

for (const dialect of testDialects()) {
  describe(`translations page and flags in the forms (${dialect})`, () => {
    let t: TestApp;
    let cookie: string;
    const get = (path: string) => t.app.request(path, { headers: { cookie } });
    const post = (path: string, fields: Record<string, string>) => t.app.request(path, postForm(t, fields, cookie));
    const item = (code: string) =>
      t.db
        .selectFrom("items")
        .select(["id", "version", "code", "statement_en", "statement_fr"])
        .where("code", "=", code)
        .executeTakeFirstOrThrow();
    const save = async (code: string, fields: Record<string, string>) => {
      const current = await item(code);
      return post(editorUrls.edit("en", SLUG, current.id), {
        version: String(current.version),
        type: code.split(".").length === 3 ? "competency" : "ksa",
        code,
        statement_en: current.statement_en ?? "",
        statement_fr: current.statement_fr ?? "",
        ...fields,
      });
    };

    before(async () => {
      t = await makeTestApp({ dialect });
      cookie = await signInAs(t, "editor");
    });
    after(() => t.close());

    test("a one-language save is flagged beside the other field, listed, counted; 'still correct' clears it", async () => {
      assert.equal((await save("ML.CR.2", { statement_en: "Builds ties with community groups" })).status, 303);
      const { id } = await item("ML.CR.2");
      for (const lang of ["en", "fr"] as Lang[]) {
        const m = messages(lang);
        const form = await (await get(editorUrls.edit(lang, SLUG, id))).text();
        // The note is read with the French field it is about, and a checkbox answers it.
        assert.match(form, /<textarea id="field-statement_fr"[^>]*aria-describedby="[^"]*field-statement_fr-note/);
        assert.doesNotMatch(form, /<textarea id="field-statement_en"[^>]*field-statement_en-note/);
        assert.ok(shows(form, m.upkeepConfirmOnSave));
        assert.match(form, /<input type="checkbox" id="field-confirm_statement" name="confirm_statement" value="fr"/);

        const page = await (await get(editorUrls.translations(lang, SLUG))).text();
        assert.equal(countTags(page, "h1"), 1);
        assert.ok(shows(page, m.upkeepOutdatedHeading(1)));
        assert.ok(page.includes('<p lang="en-CA" class="value">Builds ties with community groups</p>'));
        const flag = await t.db.selectFrom("translation_flags").select(["flagged_at"]).executeTakeFirstOrThrow();
        assert.ok(
          shows(page, m.upkeepChangedBy(m.upkeepLangEnglish, formatDate(flag.flagged_at, lang), "Test editor")),
        );
        assert.match(
          page,
          /<form method="post" action="[^"]+\/translations\/confirm"/,
          "a plain form: no script needed",
        );

        const publish = await (await get(editorUrls.publish(lang, SLUG))).text();
        assert.ok(shows(publish, m.upkeepPublishCount(0, 1)), "the publish page counts it");
      }

      // Confirming with the form's hidden fields, as the button sends them.
      const refused = await post(editorUrls.confirmTranslation("en", SLUG), {
        item: id,
        field: "statement",
        lang: "xx",
      });
      assert.equal(refused.status, 400);
      const confirmed = await post(editorUrls.confirmTranslation("fr", SLUG), {
        item: id,
        field: "statement",
        lang: "fr",
      });
      assert.equal(confirmed.status, 303);
      assert.match(
        confirmed.headers.get("location") ?? "",
        /\/fr\/editor\/frameworks\/[^/]+\/translations\?done=confirmed/,
      );
      const after = await (await get(`${editorUrls.translations("fr", SLUG)}?done=confirmed`)).text();
      assert.ok(shows(after, messages("fr").upkeepDoneConfirmed));
      assert.ok(shows(after, messages("fr").upkeepNothingOutdated));
      const publish = await (await get(editorUrls.publish("en", SLUG))).text();
      assert.ok(shows(publish, messages("en").upkeepPublishCount(0, 0)));
      const log = await (await get(editorUrls.changes("en", SLUG))).text();
      assert.ok(shows(log, messages("en").upkeepKindConfirm), "the change log says who confirmed it");
      assert.equal(
        (await post(editorUrls.confirmTranslation("en", SLUG), { item: "nope", field: "statement", lang: "fr" }))
          .status,
        404,
      );
    });

    test("the edit form's checkbox clears the flag on save; the framework's own texts work the same way", async () => {
      await save("ML.CR.3", { statement_fr: "Tisse des liens avec les partenaires" });
      const { id } = await item("ML.CR.3");
      const page = await (await get(editorUrls.translations("en", SLUG))).text();
      assert.ok(shows(page, messages("en").upkeepOutdatedHeading(1)));
      assert.equal((await save("ML.CR.3", { confirm_statement: "en" })).status, 303);
      assert.ok(
        shows(await (await get(editorUrls.translations("en", SLUG))).text(), messages("en").upkeepNothingOutdated),
      );
      const history = await (await get(editorUrls.history("en", SLUG, id))).text();
      assert.ok(shows(history, messages("en").upkeepKindConfirm));

      const details = await (await get(editorUrls.details("en", SLUG))).text();
      const seen = /name="seen" value="([^"]+)"/.exec(details)?.[1] as string;
      const title = await t.db.selectFrom("frameworks").select(["title_en", "title_fr"]).executeTakeFirstOrThrow();
      await post(editorUrls.details("en", SLUG), {
        seen,
        title_en: `${title.title_en} (revised)`,
        title_fr: title.title_fr ?? "",
      });
      const flagged = await (await get(editorUrls.details("fr", SLUG))).text();
      assert.match(flagged, /<input id="field-title_fr"[^>]*aria-describedby="[^"]*field-title_fr-note/);
      const list = await (await get(editorUrls.translations("fr", SLUG))).text();
      assert.ok(shows(list, messages("fr").upkeepFramework));
      assert.ok(list.includes('<input type="hidden" name="item" value="framework"/>'));
      assert.equal(
        (await post(editorUrls.confirmTranslation("fr", SLUG), { item: "framework", field: "title", lang: "fr" }))
          .status,
        303,
      );
      assert.ok(
        shows(await (await get(editorUrls.translations("en", SLUG))).text(), messages("en").upkeepNothingOutdated),
      );
    });
  });
}
