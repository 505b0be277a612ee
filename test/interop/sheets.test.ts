import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { type FrameworkJson, frameworkJson, type ItemJson } from "../../src/frameworks/json.ts";
import { describeProblem, hasProblemMessage } from "../../src/interop/messages.ts";
import type { ImportedItem, ImportResult } from "../../src/interop/model.ts";
import {
  exportSpreadsheet,
  ITEM_COLUMNS,
  MAX_CELL_LENGTH,
  parseSpreadsheet,
  spreadsheetTemplate,
} from "../../src/interop/sheets/index.ts";
import { makeTestApp, testDialects } from "../support/app.ts";

/** The parts of a tree a spreadsheet carries. */
const shape = (items: readonly (ItemJson | ImportedItem)[]): unknown =>
  items.map((i) => ({
    id: i.id,
    type: i.type,
    code: i.code,
    position: i.position,
    statement: i.statement,
    description: i.description,
    children: shape(i.children),
  }));

const codes = (result: ImportResult) => result.problems.map((p) => `${p.code}@${p.where}`);

async function workbookBytes(build: (items: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Items");
  sheet.addRow([...ITEM_COLUMNS]);
  build(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
const HEADER = ITEM_COLUMNS.join(",");

for (const dialect of testDialects()) {
  describe(`spreadsheets: round trip of the starter framework (${dialect})`, () => {
    let starter: FrameworkJson;
    let close: () => Promise<void>;
    before(async () => {
      const test = await makeTestApp({ dialect });
      close = test.close;
      const view = await test.catalog.get("public-library-staff");
      assert.ok(view, "starter framework loaded");
      starter = frameworkJson(view);
    });
    after(() => close());

    for (const format of ["xlsx", "csv"] as const) {
      it(`exports to ${format} and imports back the identical tree`, async () => {
        const bytes = await exportSpreadsheet(starter, format);
        const result = await parseSpreadsheet(bytes, format);
        assert.deepEqual(result.problems, []);
        assert.ok(result.value);
        assert.deepEqual(shape(result.value.children), shape(starter.children));
        if (format === "xlsx") {
          const { id, slug, title, description, publisher, version, status, licence } = result.value;
          assert.deepEqual(
            { id, slug, title, description, publisher, version, status, licence },
            {
              id: starter.id,
              slug: starter.slug,
              title: starter.title,
              description: starter.description,
              publisher: starter.publisher,
              version: starter.version,
              status: starter.status,
              licence: starter.licence,
            },
          );
          assert.deepEqual(result.value.itemTypes, starter.itemTypes);
        }
      });
    }

    it("writes CSV with a BOM, the column keys as header and parents before children", async () => {
      const text = (await exportSpreadsheet(starter, "csv")).toString("utf8");
      assert.ok(text.startsWith("\uFEFF"));
      assert.equal(text.slice(1, text.indexOf("\r\n")), HEADER);
      const xlsx = await parseSpreadsheet(await exportSpreadsheet(starter, "xlsx"), "xlsx");
      const seen = new Set<string>();
      const visit = (items: ImportedItem[], parent: string | null) => {
        for (const item of items) {
          if (parent) assert.ok(seen.has(parent));
          seen.add(item.id);
          visit(item.children, item.id);
        }
      };
      visit(xlsx.value?.children ?? [], null);
    });
  });
}

describe("spreadsheets: nasty text survives both formats", () => {
  const nasty = [
    "=SUM(A1:A2)",
    "-starts with a dash",
    "+plus",
    "@at",
    'quotes "inside", commas; semicolons',
    "line one\nline two",
    "Accents : éàçôœ — « guillemets » 🎉",
  ];
  const framework: FrameworkJson = {
    id: "f-1",
    slug: "nasty",
    type: "framework",
    title: { en: "Nasty", fr: "Méchant" },
    description: { en: null, fr: null },
    publisher: null,
    version: "1",
    status: "draft",
    licence: null,
    createdAt: "",
    updatedAt: "",
    lastUpdated: "",
    itemTypes: [{ code: "ksa", label: { en: "KSA", fr: "CCA" } }],
    children: nasty.map((text, i) => ({
      id: `item-${i}`,
      type: "ksa",
      code: i % 2 ? null : `N.${i}`,
      position: i + 1,
      statement: { en: text, fr: i % 3 ? null : text },
      description: { en: null, fr: text },
      updatedAt: "",
      lastUpdated: "",
      children: [],
    })),
  };
  for (const format of ["xlsx", "csv"] as const) {
    it(format, async () => {
      const result = await parseSpreadsheet(await exportSpreadsheet(framework, format), format);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(shape(result.value?.children ?? []), shape(framework.children));
    });
  }
  it("keeps formula-looking text from running in Excel (CSV cells get a leading quote)", async () => {
    const text = (await exportSpreadsheet(framework, "csv")).toString("utf8");
    assert.match(text, /,'=SUM\(A1:A2\),/);
  });
});

describe("spreadsheets: problems name sheet, row and column", () => {
  it("reports every bad row of a workbook", async () => {
    const bytes = await workbookBytes((s) => {
      s.addRow(["a", null, "area", "A", 1, "Area", null]); // 2 fine
      s.addRow(["b", "zzz", "competency", null, 1, "B", null]); // 3 unknown parent
      s.addRow(["a", null, "area", null, 2, "Again", null]); // 4 duplicate identifier
      s.addRow(["c", "a", "ksa", null, "1.5", "C", null]); // 5 non-integer position
      s.addRow(["d", "a", "ksa", null, 2, null, null]); // 6 empty statement
      s.addRow(["e", "a", "ksa", null, 3, "x".repeat(MAX_CELL_LENGTH + 1), null]); // 7 too long
      s.addRow(["f", "a", "ksa", null, 4, { formula: "1+1", result: 2 }, null]); // 8 formula
      s.addRow(["g", "a", "ksa", null, 5, { error: "#REF!" }, null]); // 9 error
      s.addRow(["h", "a", null, null, 6, "No type", null]); // 10 missing type
    });
    const result = await parseSpreadsheet(bytes, "xlsx");
    assert.equal(result.value, null);
    assert.deepEqual(codes(result).sort(), [
      "sheet.cell_too_long@Items!F7",
      "sheet.duplicate_identifier@Items!A4",
      "sheet.empty_statement@Items!F6",
      "sheet.empty_statement@Items!F7",
      "sheet.empty_statement@Items!F8",
      "sheet.empty_statement@Items!F9",
      "sheet.error_cell@Items!F9",
      "sheet.formula_cell@Items!F8",
      "sheet.invalid_position@Items!E5",
      "sheet.missing_type@Items!C10",
    ]);
    const duplicate = result.problems.find((p) => p.code === "sheet.duplicate_identifier");
    assert.deepEqual(duplicate?.params, { id: "a", firstRow: 2 });
  });

  it("reports unknown parents and cycles once the rows themselves are fine", async () => {
    const bytes = await workbookBytes((s) => {
      s.addRow(["a", "c", "area", "A", 1, "A"]);
      s.addRow(["b", "a", "area", "B", 1, "B"]);
      s.addRow(["c", "b", "area", "C", 1, "C"]);
      s.addRow(["d", "d", "area", "D", 1, "D"]);
      s.addRow(["e", "nowhere", "area", "E", 1, "E"]);
    });
    const result = await parseSpreadsheet(bytes, "xlsx");
    assert.deepEqual(codes(result).sort(), [
      "sheet.parent_cycle@Items!B2",
      "sheet.parent_cycle@Items!B3",
      "sheet.parent_cycle@Items!B4",
      "sheet.parent_cycle@Items!B5",
      "sheet.unknown_parent@Items!B6",
    ]);
    assert.equal(result.problems.find((p) => p.where === "Items!B5")?.params?.chain, "D → D");
  });

  it("reports missing header columns and ignores unknown ones with a warning", async () => {
    const result = await parseSpreadsheet(csv(["identifier,type,statement_en,notes", "a,area,A,x"]), "csv");
    assert.deepEqual(codes(result).sort(), [
      "sheet.missing_column@1:1",
      "sheet.missing_column@1:1",
      "sheet.unknown_column@D1",
    ]);
    assert.deepEqual(
      result.problems.filter((p) => p.code === "sheet.missing_column").map((p) => p.params?.column),
      ["parent", "statement_fr"],
    );
  });

  it("reports CSV problems by cell too", async () => {
    const result = await parseSpreadsheet(
      csv([HEADER, "a,,area,,one,A,,,", "b,a,ksa,,,=HYPERLINK(1),,,", "c,a,ksa,,,#N/A,,,"]),
      "csv",
    );
    assert.deepEqual(codes(result).sort(), [
      "sheet.empty_statement@F3",
      "sheet.empty_statement@F4",
      "sheet.error_cell@F4",
      "sheet.formula_cell@F3",
      "sheet.invalid_position@E2",
    ]);
  });

  it("refuses an empty file, a header-only sheet and files that are not spreadsheets", async () => {
    assert.deepEqual(codes(await parseSpreadsheet(new Uint8Array(), "xlsx")), ["sheet.empty_file@"]);
    assert.deepEqual(codes(await parseSpreadsheet(new Uint8Array(), "csv")), ["sheet.empty_file@"]);
    assert.deepEqual(codes(await parseSpreadsheet(csv([HEADER]), "csv")), ["sheet.no_items@"]);
    const pdf = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj");
    assert.deepEqual(codes(await parseSpreadsheet(pdf, "xlsx")), ["sheet.not_a_spreadsheet@"]);
    const zip = await workbookBytes(() => {});
    assert.deepEqual(codes(await parseSpreadsheet(zip.slice(0, zip.length / 2), "xlsx")), ["sheet.not_a_spreadsheet@"]);
    assert.deepEqual(codes(await parseSpreadsheet(zip, "csv")), ["sheet.not_a_spreadsheet@"]);
    assert.deepEqual(codes(await parseSpreadsheet(csv([HEADER, 'a,,area,,1,"unclosed']), "csv")), [
      "sheet.not_a_spreadsheet@",
    ]);
    const binary = new Uint8Array([1, 0, 2, 0, 255, 254]);
    assert.deepEqual(codes(await parseSpreadsheet(binary, "csv")), ["sheet.not_a_spreadsheet@"]);
  });

  it("has a message in both languages for every code", async () => {
    const results = [
      await parseSpreadsheet(csv(["identifier,type,statement_en,notes", "a,area,A,x"]), "csv"),
      await parseSpreadsheet(
        csv([HEADER, "a,,area,,one,A,,,", "b,zz,,,,=1,,,", "c,a,ksa,,,#N/A,,,", ",c,ksa,,,X,,,"]),
        "csv",
      ),
      await parseSpreadsheet(new Uint8Array([0, 1]), "csv"),
      await parseSpreadsheet(new Uint8Array(), "csv"),
    ];
    for (const problem of results.flatMap((r) => r.problems)) {
      assert.ok(hasProblemMessage(problem.code), problem.code);
      assert.doesNotMatch(describeProblem(problem, "fr"), /\{\w+\}/);
      assert.doesNotMatch(describeProblem(problem, "en"), /\{\w+\}/);
    }
  });
});

describe("spreadsheets: sheets written by hand", () => {
  it("generates missing identifiers with a warning, finds parents by code and orders by position", async () => {
    const result = await parseSpreadsheet(
      csv([
        HEADER,
        ",,area,A,,Area A,Domaine A,,",
        ",A,ksa,A.2,2,Second,,,",
        ",A,ksa,A.1,1,First,,,",
        "x1,,area,B,,Area B,,,",
      ]),
      "csv",
    );
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.severity, p.where]),
      [
        ["sheet.generated_identifier", "warning", "A2"],
        ["sheet.generated_identifier", "warning", "A3"],
        ["sheet.generated_identifier", "warning", "A4"],
      ],
    );
    const [a, b] = result.value?.children ?? [];
    assert.match(a.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      a.children.map((c) => c.code),
      ["A.1", "A.2"],
    );
    assert.deepEqual([a.position, b.position, b.id], [1, 2, "x1"]);
    assert.deepEqual(
      result.value?.itemTypes.map((t) => t.code),
      ["area", "ksa"],
    );
  });

  it("reads CSV saved by a French Excel: semicolons and Windows-1252", async () => {
    const text = `${ITEM_COLUMNS.join(";")}\r\na;;area;;1;Area;Domaine é;;\r\n`;
    const bytes = new Uint8Array([...text].map((ch) => (ch === "é" ? 0xe9 : ch.charCodeAt(0))));
    const result = await parseSpreadsheet(bytes, "csv");
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ["sheet.legacy_encoding"],
    );
    assert.equal(result.value?.children[0].statement.fr, "Domaine é");
  });

  it("lets import options set the framework's fields", async () => {
    const result = await parseSpreadsheet(csv([HEADER, "a,,area,,1,A,,,"]), "csv", {
      framework: { id: "fw", slug: "mine", title: { en: "Mine", fr: "Le mien" } },
    });
    assert.deepEqual([result.value?.id, result.value?.slug, result.value?.title.fr], ["fw", "mine", "Le mien"]);
  });
});

describe("spreadsheets: template", () => {
  it("XLSX has instructions in both languages, the column keys and example rows that import", async () => {
    for (const lang of ["en", "fr"] as const) {
      const bytes = await spreadsheetTemplate("xlsx", lang);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      );
      assert.deepEqual(
        workbook.worksheets.map((w) => w.name),
        ["Instructions", "Items", "Framework", "Types"],
      );
      const help = workbook.getWorksheet("Instructions");
      const firstLine = String(help?.getCell("A1").value);
      assert.match(firstLine, lang === "en" ? /template/ : /modèle/);
      const all = help?.getSheetValues().flat().join(" ") ?? "";
      assert.match(all, /Comment remplir/);
      assert.match(all, /How to fill in/);
      const items = workbook.getWorksheet("Items");
      assert.ok(items);
      assert.deepEqual((items.getRow(1).values as unknown[]).slice(1), [...ITEM_COLUMNS]);
      const result = await parseSpreadsheet(bytes, "xlsx");
      assert.ok(result.problems.every((p) => p.severity === "warning"));
      assert.equal(result.value?.children[0].children[0].children.length, 2);
    }
  });

  it("CSV is the header and the example rows", async () => {
    const text = (await spreadsheetTemplate("csv", "fr")).toString("utf8");
    assert.equal(text.split("\r\n")[0], `\uFEFF${HEADER}`);
    const result = await parseSpreadsheet(await spreadsheetTemplate("csv", "fr"), "csv");
    assert.equal(result.value?.children.length, 1);
  });
});
