/**
 * Hostile imports, as an editor would send them: through the import wizard (in process, on every
 * test database) and the command line. Zip bombs (a declared size that lies, an honest huge ratio,
 * too many entries), JSON nested 100,000 deep, oversize CSV rows, and text the one text rule refuses
 * (text-direction controls, control characters, broken characters) through every way text enters.
 * Each must end in a clear message in the editor's language, a 4xx, and nothing written; and while
 * an upload is being read, other requests are answered. The bombs are generated here, small.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { importCommand } from "../../src/cli/interop-commands.ts";
import { editItemSchema } from "../../src/editor/schemas.ts";
import { type Lang, messages } from "../../src/i18n/index.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { parseUpload } from "../../src/interop/guarded/parse-upload.ts";
import { describeProblem } from "../../src/interop/messages.ts";
import { hasErrors, type Problem } from "../../src/interop/model.ts";
import { ITEM_COLUMNS, MAX_ROWS, parseSpreadsheet } from "../../src/interop/sheets/index.ts";
import { parsePastedText } from "../../src/interop/text/index.ts";
import { checkDraft } from "../../src/interop/wizard/paste.ts";
import { findRefusedCharacter } from "../../src/text/rules.ts";
import { parseForm } from "../../src/ui/forms/index.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, postForm, signInAs } from "../support/auth.ts";
import { shows } from "../support/html.ts";
import { sheetXml, workbookZip, zip } from "../support/zip.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

const HEADER = ITEM_COLUMNS.join(",");
const RLO = "\u202e"; // RIGHT-TO-LEFT OVERRIDE: "txt.exe" shows as "exe.txt"

const DOC = "d1000000-0000-4000-8000-000000000000";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const DATE = "2024-01-02T03:04:05+00:00";
/** A CASE package of one item with this statement. */
function casePackage(statement: string, extra: Record<string, unknown> = {}) {
  return {
    CFDocument: {
      identifier: DOC,
      uri: `https://x.example/d/${DOC}`,
      creator: "T",
      title: "Hostile",
      lastChangeDateTime: DATE,
    },
    CFItems: [
      {
        identifier: id(1),
        uri: `https://x.example/i/${id(1)}`,
        lastChangeDateTime: DATE,
        fullStatement: statement,
        ...extra,
      },
    ],
    CFAssociations: [
      {
        identifier: id(1001),
        uri: `https://x.example/a/${id(1001)}`,
        lastChangeDateTime: DATE,
        associationType: "isChildOf",
        originNodeURI: { title: "i", identifier: id(1), uri: `https://x.example/i/${id(1)}` },
        destinationNodeURI: { title: "d", identifier: DOC, uri: `https://x.example/d/${DOC}` },
      },
    ],
  };
}

/** A package whose item carries `depth` nested arrays (200 KB at 100,000). */
const deepPackage = (depth: number) =>
  JSON.stringify(casePackage("Deep", { x: "HERE" })).replace('"HERE"', `${"[".repeat(depth)}${"]".repeat(depth)}`);

/** A CSV of the template's layout: one area with this statement. */
const csvWith = (statement: string) =>
  new TextEncoder().encode(`${HEADER}\r\na,,area,A,1,"${statement.replace(/"/g, '""')}",,,\r\n`);
/** An XLSX of the template's layout, written as a spreadsheet program would: one area with this statement. */
const xlsxWith = (statement: string, padding = 0) =>
  workbookZip(sheetXml([[...ITEM_COLUMNS], ["a", "", "area", "A", "1", statement, "", "", ""]], padding));

const problemText = (lang: Lang, code: string, params?: Problem["params"]) =>
  describeProblem({ where: "", code, params, severity: "error" }, lang);

function upload(t: TestApp, cookie: string, lang: Lang, name: string, bytes: Uint8Array | string, fields = {}) {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], name));
  for (const [key, value] of Object.entries(fields)) form.set(key, value as string);
  return t.app.request(`/${lang}/editor/import/upload`, {
    method: "POST",
    headers: csrfHeaders(t, cookie),
    body: form,
  });
}

async function rowCounts(t: TestApp) {
  const count = async (table: "frameworks" | "items" | "item_types") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { frameworks: await count("frameworks"), items: await count("items"), types: await count("item_types") };
}

/** Characters the one text rule refuses, by class (lone surrogates only where text is not bytes). */
const bidi = fc.constantFrom("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069");
const control = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .filter((c) => ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85].includes(c))
  .map((c) => String.fromCharCode(c));
const noncharacter = fc.oneof(
  fc.constantFrom("\ufffe", "\uffff"),
  fc.integer({ min: 0xfdd0, max: 0xfdef }).map((c) => String.fromCharCode(c)),
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const refusedInBytes = fc.oneof(bidi, control, noncharacter);
const refusedInText = fc.oneof(bidi, control, noncharacter, loneSurrogate);
const words = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}$/);
/** A statement with one refused character somewhere inside it. */
const hostile = (char: fc.Arbitrary<string>) =>
  fc.tuple(words, char, fc.stringMatching(/^[A-Za-z0-9 ]{0,20}$/)).map(([a, c, b]) => `${a}${c}${b}`);

describe("hostile text: every parser refuses what the text rule refuses (properties)", () => {
  const RUNS = { numRuns: 30 };
  const refusedCodes = ["rule.bidi_control", "rule.control_character", "rule.broken_character"];

  it("CASE: the item's pointer, nothing importable", () => {
    fc.assert(
      fc.property(hostile(refusedInText), (statement) => {
        const result = parseCasePackage(JSON.stringify(casePackage(statement)));
        assert.ok(hasErrors(result.problems));
        const problem = result.problems.find((p) => refusedCodes.includes(p.code));
        assert.equal(problem?.where, "/CFItems/0/fullStatement");
      }),
      RUNS,
    );
  });

  it("CSV: the cell, nothing importable", async () => {
    await fc.assert(
      fc.asyncProperty(hostile(refusedInBytes), async (statement) => {
        const result = await parseSpreadsheet(csvWith(statement), "csv");
        assert.equal(result.value, null);
        // A NUL byte makes the file binary: refused whole; anything else is named by its cell.
        if (!statement.includes("\u0000"))
          assert.ok(result.problems.some((p) => refusedCodes.includes(p.code) && p.where === "F2"));
      }),
      RUNS,
    );
  });

  it("XLSX: refused (by its cell, when the XML itself is well formed)", async () => {
    await fc.assert(
      fc.asyncProperty(hostile(refusedInBytes), async (statement) => {
        const result = await parseSpreadsheet(xlsxWith(statement), "xlsx");
        assert.equal(result.value, null);
        assert.ok(hasErrors(result.problems));
        // XML 1.0 has no room for C0 controls and noncharacters; what it carries is named by its cell.
        const char = findRefusedCharacter(statement);
        if (char?.class === "bidi")
          assert.ok(result.problems.some((p) => p.code === "rule.bidi_control" && p.where === "Items!F2"));
      }),
      { numRuns: 15 },
    );
  });

  it("pasted text: taken out on first read, with the line; refused in a corrected field", () => {
    fc.assert(
      fc.property(hostile(refusedInText), (statement) => {
        const text = `Intro line\nCompetency: ${statement} here\n- One ability ${statement}\n`;
        const result = parsePastedText(text);
        const area = JSON.stringify(result.value);
        assert.equal(findRefusedCharacter(JSON.parse(area)?.competencies?.[0]?.statement ?? ""), null);
        assert.ok(result.problems.some((p) => p.code === "text.removed_characters" && p.where === "line 2"));
        const checked = checkDraft({ title: "T", description: "", date: "", competencies: [{ statement, ksas: "x" }] });
        assert.equal(checked.ok, false);
      }),
      RUNS,
    );
  });

  it("the editor's forms", () => {
    fc.assert(
      fc.property(hostile(refusedInText), (statement) => {
        const parsed = parseForm(editItemSchema, { version: "1", type: "ksa", code: "", statement_en: statement });
        assert.equal(parsed.ok, false);
        assert.match(String(parsed.ok ? "" : parsed.errors.statement_en), /^editorErr(Bidi|Control)$/);
      }),
      RUNS,
    );
  });
});

for (const dialect of testDialects()) {
  describe(`hostile imports through the wizard (${dialect})`, () => {
    let t: TestApp;
    let cookie: string;
    let before_: Awaited<ReturnType<typeof rowCounts>>;
    before(async () => {
      t = await makeTestApp({ dialect });
      cookie = await signInAs(t, "editor");
      before_ = await rowCounts(t);
    });
    after(async () => {
      assert.deepEqual(await rowCounts(t), before_, "no hostile import wrote anything");
      await t?.close();
    });

    /** Uploads, expects a 4xx page in the right language that shows this problem's message. */
    async function refused(
      lang: Lang,
      name: string,
      bytes: Uint8Array | string,
      code: string,
      params?: Problem["params"],
    ) {
      const response = await upload(t, cookie, lang, name, bytes);
      assert.ok(response.status >= 400 && response.status < 500, `${name}: ${response.status}`);
      const html = await response.text();
      assert.match(html, new RegExp(`<html[^>]*lang="${lang}-CA"`));
      assert.ok(shows(html, problemText(lang, code, params)), `${name}: shows “${problemText(lang, code, params)}”`);
      assert.ok(!html.includes('name="token"'), `${name}: offers no import`);
      return html;
    }

    it("a zip bomb whose declared size lies is refused before it is unpacked", async () => {
      // 32 MB of sheet XML declared as 5 KB, 32 KB on disk.
      const lying = workbookZip(sheetXml([[...ITEM_COLUMNS]], 32 * 1024 * 1024), { declaredSize: 5000 });
      assert.ok(lying.length < 200_000);
      await refused("en", "lying.xlsx", lying, "sheet.archive_size_mismatch", { entry: "xl/worksheets/sheet1.xml" });
      await refused("fr", "lying.xlsx", lying, "sheet.archive_size_mismatch", { entry: "xl/worksheets/sheet1.xml" });
    });

    it("an honest zip bomb (a thousand to one) is refused by its ratio", async () => {
      const sheet = sheetXml([[...ITEM_COLUMNS]], 32 * 1024 * 1024);
      const ratio = Math.round(sheet.length / deflateRawSync(sheet).length);
      assert.ok(ratio > 500);
      await refused("fr", "bomb.xlsx", workbookZip(sheet), "sheet.archive_ratio", {
        entry: "xl/worksheets/sheet1.xml",
        ratio,
        max: 100,
      });
    });

    it("an archive of too many entries is refused before any is read", async () => {
      const entries = Array.from({ length: 600 }, (_, i) => ({
        name: `xl/media/image${i}.png`,
        data: new Uint8Array(1),
      }));
      await refused("en", "many.xlsx", zip(entries), "sheet.archive_too_many_entries", { count: 600, max: 500 });
    });

    it("JSON nested 100,000 deep answers a 4xx with its line, not a 500", async () => {
      const depth = 100_000;
      const text = deepPackage(depth);
      // Depth 3 at the first of the brackets (the package, CFItems, the item): 101 at its 98th.
      const column = text.indexOf('"x":[') + 4 + 98;
      for (const lang of ["en", "fr"] as const) {
        const html = await refused(lang, "deep.json", text, "case.too_deeply_nested", { max: 100, line: 1, column });
        assert.ok(html.includes(`line 1, column ${column}`), "the problem says where");
      }
    });

    it("a CSV row longer than any row can be, and more rows than the limit, are named", async () => {
      const open = `${HEADER}\r\na,,area,A,1,"${"x".repeat(150_000)}\r\n`;
      await refused("en", "open-quote.csv", open, "sheet.row_too_large", { row: 2, max: 100_000 });
      const rows = [HEADER, ...Array.from({ length: MAX_ROWS + 5 }, (_, i) => `r${i},,area,,,A,,,`)].join("\n");
      await refused("fr", "rows.csv", rows, "sheet.over_row_limit", { max: MAX_ROWS });
    });

    it(`a text-direction control is refused through CASE, XLSX and CSV, with where it is (${RLO.codePointAt(0)?.toString(16)})`, async () => {
      const statement = `Reads the file ${RLO}exe.txt`;
      const params = { field: "fullStatement", char: "U+202E", position: 16 };
      const caseHtml = await refused(
        "en",
        "bidi.json",
        JSON.stringify(casePackage(statement)),
        "rule.bidi_control",
        params,
      );
      assert.ok(caseHtml.includes("/CFItems/0/fullStatement"));
      const sheet = { ...params, field: "statement_en" };
      assert.ok(
        (await refused("fr", "bidi.xlsx", xlsxWith(statement), "rule.bidi_control", sheet)).includes("Items!F2"),
      );
      assert.ok((await refused("en", "bidi.csv", csvWith(statement), "rule.bidi_control", sheet)).includes("F2"));
    });

    it("the wizard's own title fields refuse it too", async () => {
      const csv = csvWith("Plain");
      const sheet = await upload(t, cookie, "en", "plain.csv", csv, { sheet_title: `New ${RLO}title` });
      assert.equal(sheet.status, 400);
      assert.ok(shows(await sheet.text(), messages("en").editorErrBidi));
      const paste = await t.app.request(
        "/fr/editor/import/paste",
        postForm(
          t,
          { text: "Competency: Plans\n- Budgets", text_lang: "fr", target: "new", new_title: `Nouveau ${RLO}` },
          cookie,
        ),
      );
      assert.equal(paste.status, 400);
      assert.ok(shows(await paste.text(), messages("fr").editorErrBidi));
    });

    it("pasted text: taken out on first read (the line is named); a crafted corrected field is refused", async () => {
      const text = `Competency: Plans the ${RLO}budget\n- Reads ${"\u2066"}reports\n- Writes notes`;
      const first = await t.app.request(
        "/en/editor/import/paste",
        postForm(t, { text, text_lang: "en", target: "new", new_title: "Pasted" }, cookie),
      );
      assert.equal(first.status, 200);
      const html = await first.text();
      assert.ok(shows(html, problemText("en", "text.removed_characters", { chars: "U+202E" })));
      assert.ok(shows(html, problemText("en", "text.removed_characters", { chars: "U+2066" })));
      // Only the original text, in its hidden field, still holds them; the fields to import do not.
      const shown = html.replace(/<input type="hidden" name="text" value="[^"]*"/, "");
      assert.ok(!shown.includes(RLO) && !shown.includes("\u2066"), "the area's fields hold none of them");
      const seed = /<input[^>]*name="seed"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? "";
      assert.ok(seed, "the preview carries its seed");
      const crafted = await t.app.request(
        "/en/editor/import/paste/confirm",
        postForm(
          t,
          {
            text,
            text_lang: "en",
            target: "new",
            new_title: "Pasted",
            seed,
            title: "Area",
            competency_1: `Plans ${RLO}x`,
            ksas_1: "Reads",
          },
          cookie,
        ),
      );
      assert.equal(crafted.status, 422);
      assert.ok(shows(await crafted.text(), messages("en").editorErrBidi));
    });
  });
}

describe("hostile imports: the command line", () => {
  let dir: string;
  const database = process.env.DATABASE_URL;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "skillshelf-hostile-"));
    process.env.DATABASE_URL = ":memory:"; // a dry run with nothing to compare against
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    if (database === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = database;
  });

  async function cli(file: string, content: string | Uint8Array, t: { mock: typeof import("node:test").mock }) {
    const path = join(dir, file);
    writeFileSync(path, content);
    const errors: string[] = [];
    t.mock.method(console, "error", (...args: unknown[]) => errors.push(args.join(" ")));
    t.mock.method(console, "log", () => {});
    const code = await importCommand.run({ "dry-run": true, lang: "fr", title: "Collé" }, [path]);
    t.mock.restoreAll();
    return { code, errors: errors.join("\n") };
  }

  it("nested JSON, a zip bomb and a text-direction control: exit 1 with the message, nothing read", async (t) => {
    const nested = await cli("deep.json", deepPackage(100_000), t);
    assert.equal(nested.code, 1);
    assert.match(nested.errors, /plus de 100 niveaux/);
    const bomb = await cli("bomb.xlsx", xlsxWith("Area", 32 * 1024 * 1024), t);
    assert.equal(bomb.code, 1);
    assert.match(bomb.errors, /fois sa taille compressée/);
    const bidiCase = await cli("bidi.json", JSON.stringify(casePackage(`x${RLO}y`)), t);
    assert.equal(bidiCase.code, 1);
    assert.match(bidiCase.errors, /\/CFItems\/0\/fullStatement.*U\+202E/);
    // Pasted text: the character is taken out, and the line is named.
    const bidiText = await cli("bidi.txt", `Competency: Plans ${RLO}x\n- Reads`, t);
    assert.equal(bidiText.code, 0);
    assert.match(bidiText.errors, /line 1: .*U\+202E/);
  });
});

describe("while an upload is being read, readers are answered", () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t?.close());

  it("a page request completes while a large CASE package is still being parsed", async () => {
    // ~9 MB: a second or more of parsing, done by a worker thread. On the main thread the page could
    // only start once the parse had finished (JSON.parse does not yield).
    const items = Array.from({ length: 12_000 }, (_, n) => ({
      identifier: id(n + 10),
      uri: `https://x.example/i/${id(n + 10)}`,
      lastChangeDateTime: DATE,
      fullStatement: `Statement ${n} ${"words ".repeat(100)}`,
    }));
    const bytes = new TextEncoder().encode(JSON.stringify({ ...casePackage("First"), CFItems: items }));
    let settled = false;
    const parsing = parseUpload(bytes, "case").finally(() => {
      settled = true;
    });
    const page = await t.app.request("/en");
    assert.equal(page.status, 200);
    assert.equal(settled, false, "the page was answered while the parse was still running");
    const parsed = await parsing;
    assert.ok(parsed.value && "framework" in parsed.value);
    assert.equal(parsed.value.framework.children.length, items.length, "every item was read");
  });

  it("a parse that runs out of time is stopped and reported, in the editor's language", async () => {
    const slow = await makeTestApp({ env: { IMPORT_TIMEOUT_SECONDS: "0.001" } });
    try {
      const cookie = await signInAs(slow, "editor");
      const response = await upload(slow, cookie, "fr", "x.json", JSON.stringify(casePackage("Fine")));
      assert.equal(response.status, 422);
      assert.ok(shows(await response.text(), problemText("fr", "import.parse_timeout", { seconds: 1 })));
    } finally {
      await slow.close();
    }
  });
});
