/**
 * The import wizard offers what the CLI does: each draft export (JSON, CASE, XLSX, CSV) uploads back
 * into its framework with nothing to change, or as a new framework under a short name; the preview
 * lists each change field by field; a name that says nothing of the format is read by content.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, postForm, signInAs } from "../support/auth.ts";
import { htmlLang, shows } from "../support/html.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

const count = async (t: TestApp, table: "frameworks" | "items" | "editions" | "case_associations") =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of testDialects()) {
  describe(`import wizard: every export comes back (${dialect})`, () => {
    let t: TestApp;
    let cookie: string;
    let starterItems = 0;
    const exports = new Map<string, Uint8Array>();
    before(async () => {
      t = await makeTestApp({ dialect });
      cookie = await signInAs(t, "editor");
      starterItems = await count(t, "items");
      for (const format of ["json", "case.json", "xlsx", "csv"]) {
        const response = await t.app.request(`/en/editor/frameworks/public-library-staff/export.${format}`, {
          headers: { cookie },
        });
        exports.set(format, new Uint8Array(await response.arrayBuffer()));
      }
    });
    after(() => t?.close());

    const upload = (lang: string, name: string, bytes: Uint8Array, fields: Record<string, string>) => {
      const form = new FormData();
      form.set("file", new File([bytes as BlobPart], name));
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      return t.app.request(`/${lang}/editor/import/upload`, {
        method: "POST",
        headers: csrfHeaders(t, cookie),
        body: form,
      });
    };
    const confirm = async (html: string) => {
      const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
      assert.ok(token, "the preview offers to import");
      return t.app.request("/en/editor/import/upload/confirm", postForm(t, { token }, cookie));
    };

    it("into its framework: nothing would change, and confirming writes nothing", async () => {
      const before = { items: await count(t, "items"), editions: await count(t, "editions") };
      for (const [format, name] of [
        ["json", "starter.json"],
        ["case.json", "starter.case"], // the extension says nothing: the content does
        ["xlsx", "starter.xlsx"],
        ["csv", "starter.csv"],
      ]) {
        const response = await upload("en", name, exports.get(format) as Uint8Array, {
          sheet_target: "into:public-library-staff",
        });
        const html = await response.text();
        assert.equal(response.status, 200, `${format}: ${html.slice(0, 300)}`);
        assert.ok(shows(html, "Nothing would change: the framework already holds exactly this."), format);
        assert.match(
          html,
          /<th scope="row">Items<\/th><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">[\d,\s\u00a0\u202f]+<\/td>/,
        );
        const done = await confirm(html);
        assert.equal(done.status, 303);
        assert.match(done.headers.get("location") ?? "", /added=0&updated=0&removed=0$/);
      }
      assert.deepEqual({ items: await count(t, "items"), editions: await count(t, "editions") }, before);
      assert.equal(await count(t, "case_associations"), 0, "nothing the export generates is kept");
    });

    it("as a new framework under a short name: a copy with its own identifiers", async () => {
      const frameworks = await count(t, "frameworks");
      for (const [format, name] of [
        ["json", "starter.json"],
        ["case.json", "starter-case.json"],
        ["xlsx", "starter.xlsx"],
        ["csv", "starter.csv"],
      ]) {
        const slug = `copy-${format.replace(".", "-")}`;
        const fields = { sheet_target: "new", new_slug: slug, sheet_title: "A copy" };
        const response = await upload("fr", name, exports.get(format) as Uint8Array, fields);
        const html = await response.text();
        assert.equal(response.status, 200, `${format}: ${html.slice(0, 300)}`);
        assert.equal(htmlLang(html), "fr-CA");
        assert.ok(shows(html, "Ceci crée un nouveau référentiel"), format);
        assert.equal((await confirm(html)).status, 303);
        const copy = await t.db
          .selectFrom("frameworks")
          .select(["id", "slug"])
          .where("slug", "=", slug)
          .executeTakeFirst();
        assert.ok(copy, format);
        const items = await t.db
          .selectFrom("items")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("framework_id", "=", copy.id)
          .executeTakeFirstOrThrow();
        assert.equal(Number(items.n), starterItems);
      }
      assert.equal(await count(t, "frameworks"), frameworks + 4);
    });

    it("a short name must be one, and free", async () => {
      const json = exports.get("json") as Uint8Array;
      const bad = await upload("en", "starter.json", json, { sheet_target: "new", new_slug: "Not a slug!" });
      assert.equal(bad.status, 400);
      assert.ok(shows(await bad.text(), "Give the new framework a short name"));
      const taken = await upload("fr", "starter.json", json, { sheet_target: "new", new_slug: "public-library-staff" });
      assert.equal(taken.status, 400);
      assert.ok(shows(await taken.text(), "Un autre référentiel porte déjà ce nom court."));
    });

    it("an edited CSV: the preview names the one change, field by field", async () => {
      const rows = parse(Buffer.from(exports.get("csv") as Uint8Array), { bom: true }) as string[][];
      rows[1][6] = "Un énoncé corrigé";
      const bytes = new TextEncoder().encode(stringify(rows, { bom: true }));
      const html = await (
        await upload("fr", "edited.csv", bytes, { sheet_target: "into:public-library-staff" })
      ).text();
      assert.match(html, /<table class="change-list">/);
      assert.ok(shows(html, "énoncé (français)"));
      assert.equal((html.match(/<tr><th scope="row">Élément /g) ?? []).length, 1, "one change listed");
    });
  });
}
