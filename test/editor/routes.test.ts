/**
 * The editor through HTTP, on every database and in both languages: pages, forms, refusals.
 * Signs in through the real sign-in form (test/support/auth.ts); posts carry the site's Origin.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { editorUrls } from "../../src/editor/urls.ts";
import type { Lang } from "../../src/i18n/index.ts";
import { messages } from "../../src/i18n/index.ts";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, postForm, signInAs } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";

const SLUG = "public-library-staff";
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

for (const dialect of testDialects()) {
  describe(`editor routes (${dialect})`, () => {
    let t: TestApp;
    let cookie: string;
    const itemId = async (code: string, slug = SLUG) =>
      (
        await t.db
          .selectFrom("items")
          .innerJoin("frameworks", "frameworks.id", "items.framework_id")
          .select("items.id")
          .where("frameworks.slug", "=", slug)
          .where("items.code", "=", code)
          .executeTakeFirstOrThrow()
      ).id;
    const item = async (id: string) => t.db.selectFrom("items").selectAll().where("id", "=", id).executeTakeFirst();
    const get = (path: string, as = cookie) => t.app.request(path, { headers: as ? { cookie: as } : {} });
    const post = (path: string, fields: Record<string, string>, as = cookie) =>
      t.app.request(path, postForm(t, fields, as));
    const changeCount = async () =>
      Number(
        (
          await t.db
            .selectFrom("changes")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await makeTestApp({ dialect });
      cookie = await signInAs(t, "editor");
    });
    after(() => t.close());

    test("anonymous visitors are sent to sign in; nothing of the editor is shown", async () => {
      for (const lang of ["en", "fr"] as Lang[]) {
        const response = await get(editorUrls.framework(lang, SLUG), "");
        assert.equal(response.status, 303);
        assert.match(response.headers.get("location") ?? "", new RegExp(`^/${lang}/sign-in`));
        const refused = await post(
          editorUrls.addItem(lang, SLUG),
          { id: randomUUID(), parent: "root", type: "category", statement_en: "x" },
          "",
        );
        assert.ok([401, 303].includes(refused.status));
      }
    });

    test("every editor page answers in both languages: one h1, the right lang, private", async () => {
      const area = await itemId("ML.CR");
      for (const lang of ["en", "fr"] as Lang[]) {
        const pages = [
          editorUrls.home(lang),
          editorUrls.newFramework(lang),
          editorUrls.adopt(lang),
          editorUrls.framework(lang, SLUG),
          editorUrls.item(lang, SLUG, area),
          editorUrls.newItem(lang, SLUG, area),
          editorUrls.edit(lang, SLUG, area),
          editorUrls.move(lang, SLUG, area),
          editorUrls.remove(lang, SLUG, area),
          editorUrls.history(lang, SLUG, area),
          editorUrls.changes(lang, SLUG),
          editorUrls.translations(lang, SLUG),
          editorUrls.publish(lang, SLUG),
          editorUrls.details(lang, SLUG),
        ];
        for (const path of pages) {
          const response = await get(path);
          assert.equal(response.status, 200, path);
          assert.match(response.headers.get("cache-control") ?? "", /no-store/, path);
          const html = await response.text();
          assert.equal(htmlLang(html), lang === "fr" ? "fr-CA" : "en-CA", path);
          assert.equal(countTags(html, "h1"), 1, path);
          assert.ok(!/<script>/.test(html), `${path} has no inline script`);
        }
      }
    });

    test("unknown frameworks, items and changes are 404s; malformed parents too", async () => {
      for (const path of [
        editorUrls.framework("en", "no-such-framework"),
        editorUrls.item("fr", SLUG, randomUUID()),
        editorUrls.edit("en", SLUG, "not-an-id"),
        editorUrls.history("en", SLUG, randomUUID()),
        editorUrls.newItem("en", SLUG, randomUUID()),
        editorUrls.upstream("en", SLUG),
      ]) {
        assert.equal((await get(path)).status, 404, path);
      }
      assert.equal((await post(editorUrls.restore("en", SLUG, randomUUID()), {})).status, 404);
      assert.equal((await post(editorUrls.edit("en", SLUG, randomUUID()), { version: "1" })).status, 404);
    });

    for (const lang of ["en", "fr"] as Lang[]) {
      test(`add an item in English and French, with preview, then it is in the outline (${lang})`, async () => {
        const parent = await itemId("ML.CR.1");
        const id = randomUUID();
        const fields = {
          id,
          parent,
          type: "ksa",
          code: `NEW.${lang}`,
          statement_en: "Writes *clear* briefing notes",
          statement_fr: "Rédige des notes d'information *claires*",
          description_en: "",
          description_fr: "",
        };
        const preview = await post(editorUrls.addItem(lang, SLUG), { ...fields, intent: "preview" });
        assert.equal(preview.status, 200);
        assert.match(await preview.text(), /<em>clear<\/em>/);
        assert.equal(await item(id), undefined, "a preview saves nothing");
        const saved = await post(editorUrls.addItem(lang, SLUG), fields);
        assert.equal(saved.status, 303);
        assert.match(saved.headers.get("location") ?? "", /done=added/);
        const again = await post(editorUrls.addItem(lang, SLUG), fields);
        assert.equal(again.status, 303, "a double submit is harmless");
        assert.equal(
          (await t.db.selectFrom("items").select("id").where("code", "=", `NEW.${lang}`).execute()).length,
          1,
        );
        const outline = await (await get(saved.headers.get("location") as string)).text();
        assert.ok(shows(outline, messages(lang).editorDoneAdded));
        assert.ok(outline.includes("Rédige des notes d&#39;information <em>claires</em>"));
      });

      test(`bad input gets a translated message, a 4xx, and saves nothing (${lang})`, async () => {
        const t_ = messages(lang);
        const target = await itemId("ML.CR.1.1");
        const current = await item(target);
        const base = {
          version: String(current?.version),
          type: "ksa",
          code: current?.code ?? "",
          statement_en: current?.statement_en ?? "",
          statement_fr: current?.statement_fr ?? "",
        };
        const before = await changeCount();
        const cases: [Record<string, string>, string][] = [
          [{ statement_en: "<script>alert(1)</script>" }, t_.editorErrHtml],
          [{ statement_fr: '<img src=x onerror="alert(1)">' }, t_.editorErrHtml],
          [{ statement_en: "[click](javascript:alert(1))" }, t_.editorErrBadLink],
          [{ statement_en: "x".repeat(5001) }, t_.formTooLong(5000)],
          [{ statement_fr: "abc\u202edef" }, t_.editorErrBidi],
          [{ statement_en: "", statement_fr: "" }, t_.editorErrStatementNeeded],
          [{ code: "A B <c>" }, t_.editorErrBadCode],
          [{ version: "abc" }, t_.formOutdated],
          [{ statement_en: "nul\u0000byte" }, t_.editorErrControl],
        ];
        for (const [override, message] of cases) {
          const response = await post(editorUrls.edit(lang, SLUG, target), { ...base, ...override });
          assert.equal(response.status, 422, JSON.stringify(override));
          const html = await response.text();
          assert.ok(shows(html, message), `${JSON.stringify(override)} → ${message}`);
          if (!("version" in override)) assert.match(html, /aria-invalid="true"/);
          assert.ok(
            !html.includes("<script>alert(1)</script>") && !html.includes("<img src=x"),
            "echoed input is escaped",
          );
        }
        const unknownType = await post(editorUrls.edit(lang, SLUG, target), { ...base, type: "nope" });
        assert.equal(unknownType.status, 422);
        assert.ok(shows(await unknownType.text(), t_.editorErrUnknownType));
        const badParent = await post(editorUrls.addItem(lang, SLUG), {
          id: randomUUID(),
          parent: randomUUID(),
          type: "ksa",
          statement_en: "x",
        });
        assert.equal(badParent.status, 422);
        assert.ok(shows(await badParent.text(), t_.editorErrUnknownParent));
        assert.equal(await changeCount(), before);
        assert.deepEqual(await item(target), current);
      });

      test(`a stale save is refused with what changed meanwhile (${lang})`, async () => {
        const t_ = messages(lang);
        const target = await itemId("ML.CR.2.1");
        const start = await item(target);
        const form = {
          version: String(start?.version),
          type: "ksa",
          code: start?.code ?? "",
          statement_en: start?.statement_en ?? "",
          statement_fr: start?.statement_fr ?? "",
          description_en: "",
          description_fr: "",
        };
        const other = await signInAs(t, "administrator");
        assert.equal(
          (await post(editorUrls.edit(lang, SLUG, target), { ...form, statement_en: `Theirs ${lang}` }, other)).status,
          303,
        );
        const mine = await post(editorUrls.edit(lang, SLUG, target), { ...form, statement_en: `Mine ${lang}` });
        assert.equal(mine.status, 409);
        const html = await mine.text();
        assert.ok(shows(html, t_.editorErrStale));
        assert.ok(shows(html, t_.editorConflictHeading));
        assert.ok(html.includes(`Theirs ${lang}`) && html.includes(`Mine ${lang}`));
        assert.ok(shows(html, t_.editorStatementEn));
        assert.equal((await item(target))?.statement_en, `Theirs ${lang}`, "nothing overwritten");
        // The refused form now carries the current version: saving again is a deliberate choice.
        const version = /name="version" value="(\d+)"/.exec(html)?.[1];
        assert.equal(Number(version), (await item(target))?.version);
      });
    }

    test("reorder with the keyboard forms: up, down, and a repeated click changes nothing more", async () => {
      const area = await itemId("ML.CR");
      const order = async () =>
        (
          await t.db
            .selectFrom("items")
            .select(["id", "position"])
            .where("parent_id", "=", area)
            .orderBy("position")
            .execute()
        ).map((r) => r.id);
      const start = await order();
      const down = await post(editorUrls.reorder("fr", SLUG, start[0]), { direction: "down", from: "1" });
      assert.equal(down.status, 303);
      assert.match(down.headers.get("location") ?? "", new RegExp(`#item-${start[0]}$`));
      await post(editorUrls.reorder("fr", SLUG, start[0]), { direction: "down", from: "1" });
      assert.deepEqual((await order()).slice(0, 2), [start[1], start[0]]);
      await post(editorUrls.reorder("en", SLUG, start[0]), { direction: "up", from: "2" });
      assert.deepEqual(await order(), start);
      assert.equal(
        (await post(editorUrls.reorder("en", SLUG, start[0]), { direction: "sideways", from: "1" })).status,
        422,
      );
    });

    test("moving under its own descendant is refused with a translated message", async () => {
      const area = await itemId("ML.CR");
      const descendant = await itemId("ML.CR.3");
      for (const lang of ["en", "fr"] as Lang[]) {
        const response = await post(editorUrls.move(lang, SLUG, area), { parent: descendant });
        assert.equal(response.status, 422);
        assert.ok(shows(await response.text(), messages(lang).editorErrUnderDescendant));
      }
      assert.equal((await item(area))?.parent_id, await itemId("ML"));
      const moved = await post(editorUrls.move("en", SLUG, descendant), {
        parent: await itemId("ML.BF"),
        position: "1",
      });
      assert.equal(moved.status, 303);
      assert.equal((await item(descendant))?.parent_id, await itemId("ML.BF"));
    });

    test("drag and drop posts a whole order; a stale one is refused as JSON", async () => {
      const parent = await itemId("ML.CR.1");
      const ids = (
        await t.db.selectFrom("items").select("id").where("parent_id", "=", parent).orderBy("position").execute()
      ).map((r) => r.id);
      const body = new URLSearchParams([["parent", parent], ...[...ids].reverse().map((id) => ["order", id])]);
      const ok = await t.app.request(editorUrls.order("en", SLUG), {
        method: "POST",
        headers: { ...csrfHeaders(t, cookie), "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
      assert.equal(ok.status, 200);
      const stale = new URLSearchParams([
        ["parent", parent],
        ["order", ids[0]],
      ]);
      const refused = await t.app.request(editorUrls.order("fr", SLUG), {
        method: "POST",
        headers: { ...csrfHeaders(t, cookie), "content-type": "application/x-www-form-urlencoded" },
        body: stale.toString(),
      });
      assert.equal(refused.status, 409);
      assert.equal((await refused.json()).message, messages("fr").editorOrderFailed);
    });

    test("a cross-origin form post is refused before it reaches the editor", async () => {
      const target = await itemId("ML.CR.1");
      const response = await t.app.request(editorUrls.remove("en", SLUG, target), {
        ...postForm(t, { count: "0" }, cookie),
        headers: { origin: "https://evil.example", cookie, "content-type": "application/x-www-form-urlencoded" },
      });
      assert.equal(response.status, 403);
      assert.ok(await item(target));
    });

    test("delete: the confirmation lists exactly what goes; the post deletes it; restore brings it back", async () => {
      const target = await itemId("ML.CR.4");
      const under = await t.db.selectFrom("items").select("id").where("parent_id", "=", target).execute();
      for (const lang of ["en", "fr"] as Lang[]) {
        const page = await (await get(editorUrls.remove(lang, SLUG, target))).text();
        assert.ok(shows(page, messages(lang).editorDeleteWhat(under.length)));
        assert.ok(shows(page, messages(lang).editorDeleteConfirm(under.length + 1)));
      }
      const stale = await post(editorUrls.remove("en", SLUG, target), { count: String(under.length + 3) });
      assert.equal(stale.status, 409);
      assert.ok(await item(target));
      const deleted = await post(editorUrls.remove("en", SLUG, target), { count: String(under.length) });
      assert.equal(deleted.status, 303);
      assert.equal(await item(target), undefined);
      assert.equal(
        (await post(editorUrls.remove("en", SLUG, target), { count: String(under.length) })).status,
        303,
        "double submit harmless",
      );
      const editGone = await post(editorUrls.edit("fr", SLUG, target), {
        version: "1",
        type: "competency",
        statement_en: "x",
      });
      assert.equal(editGone.status, 409);
      assert.ok(shows(await editGone.text(), messages("fr").editorErrDeleted));

      const history = await (await get(editorUrls.history("en", SLUG, target))).text();
      const restore = /action="([^"]+\/restore)"/.exec(history)?.[1];
      assert.ok(restore, "the deleted item's history offers a restore");
      assert.equal((await post(restore as string, {})).status, 303);
      assert.ok(await item(target));
      assert.equal(
        (await t.db.selectFrom("items").select("id").where("parent_id", "=", target).execute()).length,
        under.length,
      );
    });

    test("history: an earlier value is restored as a new change", async () => {
      const target = await itemId("ML.CR.2.1");
      const html = await (await get(editorUrls.history("fr", SLUG, target))).text();
      assert.ok(shows(html, messages("fr").editorKindUpdate));
      const action = /action="([^"]+\/restore)"/.exec(html)?.[1] as string;
      const version = /name="version" value="(\d+)"/.exec(html)?.[1] as string;
      const before = await item(target);
      assert.equal((await post(action, { version })).status, 303);
      assert.notEqual((await item(target))?.statement_en, before?.statement_en);
      assert.equal((await post(action, { version })).status, 303, "restoring again changes nothing");
      const log = await t.db
        .selectFrom("changes")
        .select("kind")
        .where("item_id", "=", target)
        .where("kind", "=", "restore")
        .execute();
      assert.equal(log.length, 1);
    });

    test("change log: filters by area, person and date; CSV with a BOM; bad filters are 422", async () => {
      const area = await itemId("ML.CR");
      const all = await (await get(editorUrls.changes("en", SLUG))).text();
      const filtered = await get(`${editorUrls.changes("en", SLUG)}?area=${area}`);
      assert.equal(filtered.status, 200);
      const elsewhere = await (await get(`${editorUrls.changes("en", SLUG)}?area=${await itemId("TECH")}`)).text();
      assert.ok(shows(elsewhere, messages("en").editorChangeCount(0)));
      assert.ok(all.length > elsewhere.length);
      const person = await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "editor@skillshelf.test")
        .executeTakeFirstOrThrow();
      assert.equal(
        (await get(`${editorUrls.changes("fr", SLUG)}?person=${person.id}&from=2000-01-01&to=2999-12-31`)).status,
        200,
      );
      assert.equal((await get(`${editorUrls.changes("en", SLUG)}?from=yesterday`)).status, 422);
      assert.equal((await get(`${editorUrls.changes("en", SLUG)}?area=${randomUUID()}`)).status, 422);
      const csv = await get(`${editorUrls.changesCsv("fr", SLUG)}?area=${area}`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      assert.ok(text.startsWith(messages("fr").editorCsvColumns.split("|").join(",")));
      assert.ok(text.split("\r\n").length > 2);
    });

    test("publish: a summary is required; then readers see the change with its new Last updated", async () => {
      const target = await itemId("ML.CR.1.1");
      const current = await item(target);
      await post(editorUrls.edit("en", SLUG, target), {
        version: String(current?.version),
        type: "ksa",
        code: current?.code ?? "",
        statement_en: "Published wording",
        statement_fr: current?.statement_fr ?? "",
      });
      const page = await (await get(urls.item("en", SLUG, "ML.CR"), "")).text();
      assert.ok(!page.includes("Published wording"), "drafts are invisible to readers");
      const seen = /name="seen" value="(\d+)"/.exec(
        await (await get(editorUrls.publish("fr", SLUG))).text(),
      )?.[1] as string;
      const empty = await post(editorUrls.publish("fr", SLUG), { summary_en: "New wording.", summary_fr: "  ", seen });
      assert.equal(empty.status, 422);
      const refused = await empty.text();
      assert.ok(shows(refused, messages("fr").formRequired));
      assert.match(refused, /<textarea id="field-summary_fr"[^>]*aria-invalid="true"/, "the French summary is to fix");
      assert.doesNotMatch(refused, /<textarea id="field-summary_en"[^>]*aria-invalid/);
      assert.ok(refused.includes("New wording."), "the English summary is kept");
      const summary = { summary_en: "New wording.", summary_fr: "Nouvelle formulation." };
      const published = await post(editorUrls.publish("fr", SLUG), { ...summary, seen });
      assert.equal(published.status, 303);
      assert.equal((await post(editorUrls.publish("fr", SLUG), { ...summary, seen })).status, 303, "double submit");
      const editions = await t.db.selectFrom("editions").select("number").execute();
      assert.equal(editions.length, 2, "published once");
      const reader = await (await get(urls.item("en", SLUG, "ML.CR"), "")).text();
      assert.ok(reader.includes("Published wording"));
      const today = new Date().toISOString().slice(0, 10);
      assert.match(reader, new RegExp(`<time datetime="${today}">`));
      const earlier = await (await get(`/en/frameworks/${SLUG}/editions/1/items/ML.CR`, "")).text();
      assert.ok(!earlier.includes("Published wording"));
      assert.ok(shows(earlier, messages("en").editionReadCurrent));
      assert.ok(earlier.includes(`href="/en/frameworks/${SLUG}/editions/1/items/ML"`), "links stay within the edition");
      const list = await (await get(`/fr/frameworks/${SLUG}/editions`, "")).text();
      assert.ok(list.includes("Nouvelle formulation."));
      assert.ok(!list.includes("New wording."), "each language reads its own summary");
      assert.ok((await (await get(`/en/frameworks/${SLUG}/editions`, "")).text()).includes("New wording."));
      assert.equal((await get(`/en/frameworks/${SLUG}/editions/99`, "")).status, 404);
      assert.equal((await get(`/en/frameworks/${SLUG}/editions/abc`, "")).status, 404);
    });

    test("Markdown in a statement is rendered for readers, plain where markup cannot go, never raw HTML", async () => {
      const target = await itemId("ML.CR.5");
      const current = await item(target);
      const statement = "Builds *lasting* [partnerships](https://example.org/p?a=1&b=2)";
      await post(editorUrls.edit("en", SLUG, target), {
        version: String(current?.version),
        type: "competency",
        code: "ML.CR.5",
        statement_en: statement,
        statement_fr: current?.statement_fr ?? "",
      });
      const seen = /name="seen" value="(\d+)"/.exec(
        await (await get(editorUrls.publish("en", SLUG))).text(),
      )?.[1] as string;
      assert.equal(
        (await post(editorUrls.publish("en", SLUG), { summary_en: "Markdown.", summary_fr: "Markdown.", seen })).status,
        303,
      );
      const area = await (await get(urls.item("en", SLUG, "ML.CR"), "")).text();
      assert.ok(
        area.includes(
          'Builds <em>lasting</em> <a href="https://example.org/p?a=1&amp;b=2" rel="noopener noreferrer">partnerships</a>',
        ),
      );
      const page = await (await get(urls.item("en", SLUG, "ML.CR.5"), "")).text();
      assert.match(page, /<title>Builds lasting partnerships — /);
      assert.ok(!page.includes("*lasting*"), "no literal marks anywhere on the page");
    });

    test("create a framework, then adopt one; upstream changes can be taken or left", async () => {
      const t_ = messages("en");
      const created = await post(editorUrls.createFramework("en"), {
        id: randomUUID(),
        slug: "branch-skills",
        title_en: "Branch skills",
        title_fr: "",
      });
      assert.equal(created.status, 303);
      assert.equal((await get(urls.framework("en", "branch-skills"), "")).status, 404, "a new framework is a draft");
      const taken = await post(editorUrls.createFramework("fr"), {
        id: randomUUID(),
        slug: "branch-skills",
        title_en: "Again",
      });
      assert.equal(taken.status, 409);
      assert.ok(shows(await taken.text(), messages("fr").editorErrSlugTaken));
      const badSlug = await post(editorUrls.createFramework("en"), {
        id: randomUUID(),
        slug: "Not A Slug!",
        title_en: "x",
      });
      assert.equal(badSlug.status, 422);

      const adopted = await post(editorUrls.adopt("en"), {
        id: randomUUID(),
        source: SLUG,
        slug: "our-copy",
        title_en: "",
        title_fr: "",
      });
      assert.equal(adopted.status, 303);
      const upstream = await (await get(editorUrls.upstream("en", "our-copy"))).text();
      assert.ok(shows(upstream, t_.editorUpstreamNone));
      // Upstream changes a statement and publishes.
      const source = await itemId("ML.BF.1.1");
      const current = await item(source);
      await post(editorUrls.edit("en", SLUG, source), {
        version: String(current?.version),
        type: "ksa",
        code: current?.code ?? "",
        statement_en: "Revised upstream",
        statement_fr: current?.statement_fr ?? "",
      });
      const seen = /name="seen" value="(\d+)"/.exec(
        await (await get(editorUrls.publish("en", SLUG))).text(),
      )?.[1] as string;
      await post(editorUrls.publish("en", SLUG), {
        summary_en: "Budget wording.",
        summary_fr: "Formulation du budget.",
        seen,
      });
      const pending = await (await get(editorUrls.upstream("fr", "our-copy"))).text();
      assert.ok(shows(pending, messages("fr").editorUpstreamChanged));
      assert.ok(pending.includes("Revised upstream"));
      const action = /action="([^"]+\/upstream\/[^"]+)"/.exec(pending)?.[1] as string;
      const fingerprint = /name="fingerprint" value="([0-9a-f]+)"/.exec(pending)?.[1] as string;
      // A refusal redirects (refreshing the page re-submits nothing) and the page says why.
      const stale = await post(action, { decision: "take", fingerprint: "0".repeat(32) });
      assert.equal(stale.status, 303);
      assert.match(stale.headers.get("location") ?? "", /\?problem=stale/);
      assert.equal((await post(action, { decision: "take", fingerprint })).status, 303);
      const copy = await t.db
        .selectFrom("items")
        .innerJoin("frameworks", "frameworks.id", "items.framework_id")
        .select("items.statement_en")
        .where("frameworks.slug", "=", "our-copy")
        .where("items.code", "=", "ML.BF.1.1")
        .executeTakeFirst();
      assert.equal(copy?.statement_en, "Revised upstream");
      assert.ok(shows(await (await get(editorUrls.upstream("en", "our-copy"))).text(), t_.editorUpstreamNone));
    });
  });
}
