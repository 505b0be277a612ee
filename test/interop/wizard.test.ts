/**
 * The editors' import wizard, in process: paste the seed page → preview → correct → confirm; CASE
 * and spreadsheet uploads with their problems, dry-run changes and all-or-nothing writes; who may
 * use it; nasty input. The seed page and CASE samples are read from ../shared at run time.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { starterRows } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, postForm, signInAs } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";

/** Every item of the starter framework (categories to KSAs), as an export of it holds them. */
const STARTER_ITEMS = starterRows(loadStarterContent(), new Date().toISOString()).items.length;

const SEED = new URL("../../../shared/seed/000_5573f9a2fc711607.txt", import.meta.url);
const SAMPLES = new URL("../../../shared/case/samples/", import.meta.url);
const absent = (url: URL, what: string) =>
  !existsSync(url) && process.env.CI !== "true" ? `${what} is absent on this machine` : false;
const seedSkip = absent(SEED, "../shared/seed");
const casesSkip = absent(SAMPLES, "../shared/case");
const seedText = () => readFileSync(SEED, "utf8");
const sample = (name: string) => new Uint8Array(readFileSync(new URL(name, SAMPLES)));

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The fields a browser would submit from the form posting to `action` (inputs, text areas, selected options). */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start >= 0, `a form posts to ${action}`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[1])?.[1];
    if (!name || /type="(submit|file|radio)"/.test(m[1])) continue;
    fields[name] = decodeEntities(/\svalue="([^"]*)"/.exec(m[1])?.[1] ?? "");
  }
  for (const m of form.matchAll(/<textarea[^>]*\sname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g))
    fields[m[1]] = decodeEntities(m[2]);
  return fields;
}

/** The number in the counts table's row for this type label. */
function countFor(html: string, label: string): number | undefined {
  const m = new RegExp(`<th scope="row">${label}</th><td class="num">([\\d,\\s\\u00a0\\u202f]+)</td>`).exec(html);
  return m ? Number(m[1].replace(/\D/g, "")) : undefined;
}

async function rowCounts(t: TestApp) {
  const count = async (
    table: "frameworks" | "items" | "item_types" | "case_associations" | "case_definitions" | "editions",
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    frameworks: await count("frameworks"),
    items: await count("items"),
    types: await count("item_types"),
    associations: await count("case_associations"),
    definitions: await count("case_definitions"),
    editions: await count("editions"),
  };
}

async function itemsOf(t: TestApp, slug: string) {
  return t.db
    .selectFrom("items")
    .innerJoin("frameworks", "frameworks.id", "items.framework_id")
    .innerJoin("item_types", "item_types.id", "items.type_id")
    .select([
      "items.id",
      "items.parent_id",
      "item_types.code as type",
      "items.statement_en",
      "items.statement_fr",
      "items.updated_at",
    ])
    .where("frameworks.slug", "=", slug)
    .execute();
}

function upload(
  t: TestApp,
  cookie: string | undefined,
  lang: string,
  name: string,
  bytes: Uint8Array | string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], name));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return t.app.request(`/${lang}/editor/import/upload`, {
    method: "POST",
    headers: { ...csrfHeaders(t, cookie), ...headers },
    body: form,
  });
}

for (const dialect of testDialects()) {
  describe(`import wizard: paste the seed page (${dialect})`, { skip: seedSkip }, () => {
    let t: TestApp;
    let cookie: string;
    before(async () => {
      t = await makeTestApp({ dialect });
      cookie = await signInAs(t, "editor");
    });
    after(() => t?.close());

    for (const lang of ["en", "fr"] as const) {
      it(`${lang}: preview shows 6 competencies and 35 KSAs; confirm writes the area with 35 KSAs into a new framework`, async () => {
        const start = await t.app.request(`/${lang}/editor/import`, { headers: { cookie } });
        assert.equal(start.status, 200);
        const startHtml = await start.text();
        assert.equal(htmlLang(startHtml), lang === "fr" ? "fr-CA" : "en-CA");
        assert.equal(countTags(startHtml, "h1"), 1);
        assert.match(startHtml, /<textarea[^>]*id="field-text"/);
        assert.match(startHtml, /<label for="field-text">/);

        const title = `Pasted ${lang}`;
        const preview = await t.app.request(
          `/${lang}/editor/import/paste`,
          postForm(t, { text: seedText(), text_lang: "en", target: "new", new_title: title }, cookie),
        );
        assert.equal(preview.status, 200);
        const html = await preview.text();
        assert.equal(htmlLang(html), lang === "fr" ? "fr-CA" : "en-CA");
        assert.equal(countFor(html, lang === "en" ? "Competency" : "Compétence"), 6);
        assert.equal(
          countFor(html, lang === "en" ? "Knowledge, skill or ability" : "Connaissances, habiletés et aptitudes"),
          35,
        );
        assert.match(html, /<details>/, "the parsed tree is a folded outline");
        const fields = formFields(html, `/${lang}/editor/import/paste/confirm`);
        assert.equal(fields.title, "Community Relations");
        assert.equal(fields.date, "2015-08-13");
        assert.equal(fields.ksas_7, "", "one empty slot to add a competency");

        const before = await rowCounts(t);
        assert.equal(before.frameworks, 1 + (lang === "fr" ? 1 : 0));
        const done = await t.app.request(`/${lang}/editor/import/paste/confirm`, postForm(t, fields, cookie));
        assert.equal(done.status, 303);
        const location = done.headers.get("location") ?? "";
        assert.match(
          location,
          new RegExp(`^/${lang}/editor/import/done/pasted-${lang}\\?added=42&updated=0&removed=0$`),
        );
        const items = await itemsOf(t, `pasted-${lang}`);
        assert.equal(items.filter((i) => i.type === "area").length, 1);
        assert.equal(items.filter((i) => i.type === "competency").length, 6);
        assert.equal(items.filter((i) => i.type === "ksa").length, 35);
        const area = items.find((i) => i.type === "area");
        assert.equal(area?.statement_en, "Community Relations");
        assert.equal(area?.updated_at.slice(0, 10), "2015-08-13");

        const page = await t.app.request(location, { headers: { cookie } });
        assert.equal(page.status, 200);
        assert.ok(shows(await page.text(), title));
      });
    }

    it("adds the area under a category of an existing draft, leaving every other item as it was; a second submit changes nothing", async () => {
      const start = await (await t.app.request("/en/editor/import", { headers: { cookie } })).text();
      const target = /<option value="(fw:public-library-staff:[^"]+)"[^>]*>Under Management\/Leadership/.exec(
        start,
      )?.[1];
      assert.ok(target, "the starter's categories are offered");
      const before = await itemsOf(t, "public-library-staff");
      const html = await (
        await t.app.request(
          "/en/editor/import/paste",
          postForm(t, { text: seedText(), text_lang: "en", target: decodeEntities(target), new_title: "" }, cookie),
        )
      ).text();
      const fields = formFields(html, "/en/editor/import/paste/confirm");
      const done = await t.app.request("/en/editor/import/paste/confirm", postForm(t, fields, cookie));
      assert.equal(done.status, 303);
      assert.match(done.headers.get("location") ?? "", /added=42&updated=0&removed=0$/);
      const after = await itemsOf(t, "public-library-staff");
      assert.equal(after.length, before.length + 42);
      const untouched = new Map(before.map((i) => [i.id, i]));
      for (const item of after) if (untouched.has(item.id)) assert.deepEqual(item, untouched.get(item.id));
      const again = await t.app.request("/en/editor/import/paste/confirm", postForm(t, fields, cookie));
      assert.match(again.headers.get("location") ?? "", /added=0&updated=0&removed=0$/);
      assert.equal((await itemsOf(t, "public-library-staff")).length, after.length);
    });
  });
}

describe("import wizard: correcting the pasted area", { skip: seedSkip }, () => {
  let t: TestApp;
  let cookie: string;
  let fields: Record<string, string>;
  before(async () => {
    t = await makeTestApp();
    cookie = await signInAs(t, "editor");
    const html = await (
      await t.app.request(
        "/en/editor/import/paste",
        postForm(t, { text: seedText(), text_lang: "en", target: "new", new_title: "Corrected" }, cookie),
      )
    ).text();
    fields = formFields(html, "/en/editor/import/paste/confirm");
  });
  after(() => t?.close());

  it("a corrected KSA, a removed competency and an added one are what gets imported", async () => {
    const ksas = fields.ksas_1.split("\n");
    ksas[0] = "Fixed *first* KSA & more <3";
    const edited = {
      ...fields,
      ksas_1: ksas.join("\r\n"),
      competency_2: "",
      ksas_2: "",
      competency_7: "A new competency",
      ksas_7: "One\n\nTwo\n",
    };
    const review = await t.app.request("/en/editor/import/paste/review", postForm(t, edited, cookie));
    assert.equal(review.status, 200);
    const html = await review.text();
    assert.ok(html.includes("Fixed *first* KSA &amp; more &lt;3"), "a KSA is shown as the person wrote it");
    assert.equal(countFor(html, "Competency"), 6);
    assert.equal(countFor(html, "Knowledge, skill or ability"), 35 - 7 + 2);
    const done = await t.app.request(
      "/en/editor/import/paste/confirm",
      postForm(t, formFields(html, "/en/editor/import/paste/confirm"), cookie),
    );
    assert.equal(done.status, 303);
    const items = await itemsOf(t, "corrected");
    assert.ok(items.some((i) => i.statement_en === "Fixed *first* KSA & more <3"));
    assert.ok(items.some((i) => i.statement_en === "A new competency"));
    assert.equal(items.filter((i) => i.type === "ksa").length, 30);
  });

  it("a draft that does not check out is shown again with its errors, and nothing is written", async () => {
    const before = await rowCounts(t);
    const bad = { ...fields, title: "   ", date: "2015-02-30", competency_3: "", new_title: "Never written" };
    const response = await t.app.request("/en/editor/import/paste/confirm", postForm(t, bad, cookie));
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /<input[^>]*id="field-title"[^>]*aria-invalid="true"/);
    assert.ok(shows(html, "Give the area a title."));
    assert.ok(shows(html, "Enter a real date as year-month-day, like 2015-08-13, or leave it empty."));
    assert.ok(shows(html, "This competency has knowledge, skills or abilities but no statement."));
    assert.deepEqual(await rowCounts(t), before);
  });

  it("a tampered or incomplete form is refused with a message, never a 500", async () => {
    const before = await rowCounts(t);
    for (const broken of [
      { ...fields, seed: "../../etc" },
      { ...fields, target: "fw:../x" },
      { ...fields, target: "fw:no-such-framework" },
      { ...fields, target: "fw:public-library-staff:not-an-item" },
      { ...fields, text_lang: "de" },
      { ...fields, title: "x".repeat(100_000) },
      {},
    ]) {
      const response = await t.app.request("/en/editor/import/paste/confirm", postForm(t, broken, cookie));
      assert.ok([303, 400, 422].includes(response.status), `status ${response.status}`);
      if (response.status !== 303) assert.match(await response.text(), /role="alert"/);
    }
    // text_lang "de" falls back to English and is the only one of these that imports.
    const after = await rowCounts(t);
    assert.ok(after.frameworks <= before.frameworks + 1);
  });
});

describe("import wizard: uploads", { skip: casesSkip }, () => {
  let t: TestApp;
  let cookie: string;
  before(async () => {
    t = await makeTestApp();
    cookie = await signInAs(t, "editor");
  });
  after(() => t?.close());

  for (const lang of ["en", "fr"] as const) {
    it(`${lang}: the malformed CASE sample shows each problem with its JSON pointer, offers no import, and writes nothing`, async () => {
      const before = await rowCounts(t);
      const response = await upload(
        t,
        cookie,
        lang,
        "malformed.json",
        sample("sbac__ela_content_specification_TRIMMED_malformed.json"),
      );
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.equal(htmlLang(html), lang === "fr" ? "fr-CA" : "en-CA");
      assert.ok(html.includes("<code>/CFItems/0/identifier</code>"));
      assert.ok(html.includes("<code>/CFAssociations/0/originNodeURI</code>"));
      assert.ok(
        shows(
          html,
          lang === "en"
            ? "The required field “identifier” is missing or empty."
            : "Le champ obligatoire « identifier » est absent ou vide.",
        ),
      );
      assert.doesNotMatch(html, /name="token"/, "no confirm form");
      assert.deepEqual(await rowCounts(t), before);
    });
  }

  it("a CASE package: preview counts items and associations; confirm imports; a re-import shows what would change", async () => {
    const bytes = sample("opensalt__Ordering.json");
    const first = await upload(t, cookie, "en", "ordering.json", bytes);
    assert.equal(first.status, 200);
    const html = await first.text();
    assert.equal(countFor(html, "All items"), 28);
    assert.equal(countFor(html, "Associations"), 28);
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(token);
    const before = await rowCounts(t);
    const confirm = await t.app.request("/en/editor/import/upload/confirm", postForm(t, { token }, cookie));
    assert.equal(confirm.status, 303);
    const after = await rowCounts(t);
    assert.equal(after.items, before.items + 28);
    assert.equal(after.associations, before.associations + 28);
    // The token is spent.
    assert.equal((await t.app.request("/en/editor/import/upload/confirm", postForm(t, { token }, cookie))).status, 410);

    const changed = JSON.parse(new TextDecoder().decode(bytes));
    const root = changed.CFPackage ?? changed;
    root.CFItems[0].fullStatement = "A changed statement";
    root.CFItems[0].lastChangeDateTime = "2030-01-01T00:00:00+00:00";
    const again = await (await upload(t, cookie, "en", "ordering.json", JSON.stringify(changed))).text();
    assert.match(
      again,
      /<th scope="row">Items<\/th><td class="num">0<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">27<\/td>/,
    );
    assert.deepEqual(await rowCounts(t), after, "a preview writes nothing");
  });

  it("truncated JSON, an empty file, an unknown format and no file at all get translated messages", async () => {
    const before = await rowCounts(t);
    const truncated = await upload(t, cookie, "fr", "x.json", '{"CFDocument": {');
    assert.equal(truncated.status, 422);
    assert.ok(shows(await truncated.text(), "n'est pas du JSON valide"));
    const empty = await upload(t, cookie, "en", "x.json", "");
    assert.equal(empty.status, 400);
    assert.ok(shows(await empty.text(), "Choose a file to upload."));
    const unknown = await upload(t, cookie, "en", "notes.txt", "hello");
    assert.equal(unknown.status, 400);
    assert.ok(shows(await unknown.text(), "Choose the file's format: its name does not tell."));
    const wrongSheet = await upload(t, cookie, "en", "x.xlsx", "not a workbook");
    assert.equal(wrongSheet.status, 422);
    assert.ok(shows(await wrongSheet.text(), "This file is not a readable XLSX spreadsheet."));
    const noFile = await t.app.request("/en/editor/import/upload", postForm(t, { format: "case" }, cookie));
    assert.equal(noFile.status, 400);
    assert.deepEqual(await rowCounts(t), before);
  });

  it("a CSV exported from a draft imports back into it with no change; without a title a new framework is refused", async () => {
    const csv = new Uint8Array(
      await (
        await t.app.request("/en/editor/frameworks/public-library-staff/export.csv", { headers: { cookie } })
      ).arrayBuffer(),
    );
    const same = await (
      await upload(t, cookie, "en", "starter.csv", csv, { sheet_target: "public-library-staff" })
    ).text();
    assert.match(
      same,
      new RegExp(
        `<th scope="row">Items</th><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">${STARTER_ITEMS.toLocaleString("en-CA")}</td>`,
      ),
    );
    assert.match(
      same,
      /<th scope="row">Item types<\/th><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">4<\/td>/,
    );
    const untitled = await upload(t, cookie, "en", "starter.csv", csv);
    assert.equal(untitled.status, 400);
    assert.ok(shows(await untitled.text(), "Give the new framework a title."));
    const gone = await upload(t, cookie, "en", "starter.csv", csv, { sheet_target: "no-such-framework" });
    assert.equal(gone.status, 400);
  });

  it("an upload token is its owner's only", async () => {
    const html = await (await upload(t, cookie, "en", "dok.json", sample("sbac__webb_depth_of_knowledge.json"))).text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(token);
    const other = await signInAs(t, "administrator");
    const before = await rowCounts(t);
    const stolen = await t.app.request("/en/editor/import/upload/confirm", postForm(t, { token }, other));
    assert.equal(stolen.status, 410);
    for (const forged of ["../../../etc/passwd", "A".repeat(32), ""]) {
      assert.equal(
        (await t.app.request("/en/editor/import/upload/confirm", postForm(t, { token: forged }, cookie))).status,
        410,
      );
    }
    assert.deepEqual(await rowCounts(t), before);
  });

  it("templates and draft exports download in every format; an unknown framework is a 404", async () => {
    for (const [path, type] of [
      ["/fr/editor/import/template.xlsx", "spreadsheetml"],
      ["/en/editor/import/template.csv", "text/csv"],
      ["/en/editor/frameworks/public-library-staff/export.json", "application/json"],
      ["/en/editor/frameworks/public-library-staff/export.case.json", "application/json"],
      ["/en/editor/frameworks/public-library-staff/export.xlsx", "spreadsheetml"],
      ["/en/editor/frameworks/public-library-staff/export.csv", "text/csv"],
    ]) {
      const response = await t.app.request(path, { headers: { cookie } });
      assert.equal(response.status, 200, path);
      assert.ok(response.headers.get("content-type")?.includes(type), path);
      assert.match(response.headers.get("content-disposition") ?? "", /^attachment; filename="/);
      assert.ok((await response.arrayBuffer()).byteLength > 100, path);
    }
    const caseJson = await (
      await t.app.request("/en/editor/frameworks/public-library-staff/export.case.json", { headers: { cookie } })
    ).json();
    assert.equal(caseJson.CFItems.length, STARTER_ITEMS);
    assert.equal((await t.app.request("/en/editor/frameworks/nope/export.csv", { headers: { cookie } })).status, 404);
  });
});

describe("import wizard: who may use it", () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t?.close());

  for (const lang of ["en", "fr"] as const) {
    it(`${lang}: an anonymous reader is sent to sign in, and their posts never reach the wizard`, async () => {
      const page = await t.app.request(`/${lang}/editor/import`, { headers: { accept: "text/html" } });
      assert.equal(page.status, 303);
      assert.equal(
        page.headers.get("location"),
        `/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/editor/import`)}`,
      );
      const before = await rowCounts(t);
      const post = await t.app.request(
        `/${lang}/editor/import/paste`,
        postForm(t, { text: "Competency: x\n- y", target: "new", new_title: "x" }),
      );
      assert.equal(post.status, 303);
      assert.equal(post.headers.get("location"), `/${lang}/sign-in`);
      assert.deepEqual(await rowCounts(t), before);
    });
  }

  it("a cross-origin form post is refused even for a signed-in editor", async () => {
    const cookie = await signInAs(t, "editor");
    const before = await rowCounts(t);
    const response = await t.app.request(
      "/en/editor/import/paste",
      postForm(t, { text: "Competency: x\n- y", target: "new", new_title: "x" }, cookie, {
        origin: "https://evil.example",
      }),
    );
    assert.equal(response.status, 403);
    assert.deepEqual(await rowCounts(t), before);
  });
});
