/**
 * The largest file an import reads is a setting (IMPORT_MAX_MB, 200 MB by default): the command line
 * and the web wizard both refuse a file just over it, with the file's size and the limit in the
 * reader's language, and import one just under it. A small limit keeps the files small here.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { syntheticCasePackage } from "../../bench/case/synthetic.ts";
import { readConfig } from "../../src/config.ts";
import { makeTestApp } from "../support/app.ts";
import { csrfHeaders, postForm, signInAs } from "../support/auth.ts";
import { runSkillshelf } from "../support/cli.ts";
import { shows } from "../support/html.ts";

const LIMIT = 200_000; // IMPORT_MAX_MB=0.2
const ENV = { IMPORT_MAX_MB: "0.2" };

/** A real package of exactly `bytes` bytes: JSON allows any amount of white space after the value. */
function packageOfSize(bytes: number, seed: string): Uint8Array {
  const text = Buffer.from(syntheticCasePackage(120, { seed }));
  assert.ok(text.byteLength < bytes, "the package fits before padding");
  const padded = new Uint8Array(bytes).fill(0x20);
  padded.set(text);
  return padded;
}

describe("the import size limit: the setting", () => {
  it("is 200 MB by default, in decimal megabytes, and refuses values that are not a size", () => {
    assert.equal(readConfig({}).importParse.maxBytes, 200_000_000);
    assert.equal(readConfig({ IMPORT_MAX_MB: "" }).importParse.maxBytes, 200_000_000);
    assert.equal(readConfig(ENV).importParse.maxBytes, LIMIT);
    for (const wrong of ["0", "-5", "lots", "9000"])
      assert.throws(() => readConfig({ IMPORT_MAX_MB: wrong }), /IMPORT_MAX_MB/, wrong);
  });
});

describe("the import size limit: skillshelf import", () => {
  let dir: string;
  let database: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "skillshelf-import-limit-"));
    database = join(dir, "skillshelf.db");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    runSkillshelf(args, {
      ...ENV,
      DATABASE_URL: database,
      BASE_URL: "https://skills.example.org",
      LOG_LEVEL: "silent",
    });

  it("refuses a file one byte over the limit with its size and the limit, in English and French", async () => {
    const file = join(dir, "over.json");
    writeFileSync(file, packageOfSize(LIMIT + 1, "over:"));
    const en = await cli("import", file);
    assert.equal(en.status, 1);
    assert.match(en.stderr, /The file is 0\.3 MB; CASE packages of at most 0\.2 MB can be imported\./);
    const fr = await cli("import", file, "--lang", "fr");
    assert.equal(fr.status, 1);
    assert.match(fr.stderr, /Le fichier fait 0,3 Mo\s; on peut importer des paquets CASE d['’]au plus 0,2 Mo\./);
    assert.equal(existsSync(database), false, "nothing was written, not even a database");
  });

  it("imports a file exactly at the limit", async () => {
    const file = join(dir, "under.json");
    writeFileSync(file, packageOfSize(LIMIT, "under:"));
    const run = await cli("import", file);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /items: 120 added/);
  });
});

describe("the import size limit: the wizard's upload", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let cookie: string;
  before(async () => {
    t = await makeTestApp({ env: ENV });
    cookie = await signInAs(t, "editor");
  });
  after(() => t?.close());

  const upload = (lang: string, bytes: Uint8Array, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("file", new File([bytes as BlobPart], "package.json"));
    form.set("format", "case");
    form.set("sheet_target", "new");
    form.set("new_slug", `limit-${lang}-${bytes.byteLength}`);
    return t.app.request(`/${lang}/editor/import/upload`, {
      method: "POST",
      headers: { ...csrfHeaders(t, cookie), ...headers },
      body: form,
    });
  };

  it("the start page says the limit", async () => {
    for (const [lang, hint] of [
      ["en", "At most 0.2 MB."],
      ["fr", "Au plus 0,2 Mo."],
    ] as const) {
      const page = await t.app.request(`/${lang}/editor/import`, { headers: { cookie } });
      assert.ok(shows(await page.text(), hint), lang);
    }
  });

  it("refuses a file one byte over the limit with its size and the limit, in the page's language", async () => {
    const over = packageOfSize(LIMIT + 1, "wizard-over:");
    for (const [lang, message] of [
      ["en", "The file is 0.3 MB, more than the 0.2 MB that can be imported at once. Nothing was saved."],
      ["fr", "Le fichier fait 0,3 Mo, alors qu'on peut importer au plus 0,2 Mo à la fois. Rien n'a été enregistré."],
    ] as const) {
      const response = await upload(lang, over);
      assert.equal(response.status, 413, lang);
      assert.ok(shows(await response.text(), message), lang);
    }
  });

  it("refuses a body far over the limit before reading it all, streamed or declared", async () => {
    const big = new Uint8Array(3 * LIMIT).fill(32);
    const streamed = await upload("fr", big);
    assert.equal(streamed.status, 413);
    assert.ok(shows(await streamed.text(), "Le fichier dépasse 0,2 Mo"));
    const declared = await upload("en", new Uint8Array(2), { "content-length": String(big.byteLength) });
    assert.equal(declared.status, 413);
    assert.ok(shows(await declared.text(), "The file is 0.6 MB, more than the 0.2 MB"));
  });

  it("previews a file exactly at the limit, and imports it on confirmation", async () => {
    const response = await upload("en", packageOfSize(LIMIT, "wizard-under:"));
    const html = await response.text();
    assert.equal(response.status, 200, html.slice(0, 500));
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(token, "the preview offers the import");
    const confirm = await t.app.request("/en/editor/import/upload/confirm", postForm(t, { token }, cookie));
    assert.equal(confirm.status, 303);
  });
});
