/**
 * The check a workbook's archive passes before anything unpacks it (src/interop/sheets/zip-guard.ts):
 * limits on entries, sizes and ratios, sizes proved while inflating, archives built to mislead a
 * reader (overlapping entries, an entry hidden between two others, a local header that disagrees
 * with the directory), unsupported ZIP features; and ordinary workbooks, with or without data
 * descriptors, reading exactly as before.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSpreadsheet, spreadsheetTemplate } from "../../src/interop/sheets/index.ts";
import { ITEM_COLUMNS } from "../../src/interop/sheets/layout.ts";
import { guardXlsxArchive, ZIP_LIMITS } from "../../src/interop/sheets/zip-guard.ts";
import { sheetXml, workbookZip, zip } from "../support/zip.ts";

const codeOf = async (bytes: Uint8Array, limits = ZIP_LIMITS) => {
  const guarded = await guardXlsxArchive(bytes, limits);
  return "problem" in guarded ? guarded.problem.code : "ok";
};
const items = (statement: string) =>
  sheetXml([[...ITEM_COLUMNS], ["a", "", "area", "A", "1", statement, "Fr", "", ""]]);
const names = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

describe("zip guard: limits", () => {
  it("counts entries from the directory, before reading any", async () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `e${i}`, data: new Uint8Array(1) }));
    assert.equal(await codeOf(zip(entries(ZIP_LIMITS.maxEntries))), "ok");
    assert.equal(await codeOf(zip(entries(ZIP_LIMITS.maxEntries + 1))), "sheet.archive_too_many_entries");
  });

  it("adds up declared sizes, and refuses past the total even at a modest ratio", async () => {
    const limits = { ...ZIP_LIMITS, maxTotalBytes: 100_000, ratioFloor: 1_000_000 };
    const half = { data: new Uint8Array(60_000).fill(65) };
    assert.equal(await codeOf(zip([{ name: "a", ...half }]), limits), "ok");
    assert.equal(
      await codeOf(
        zip([
          { name: "a", ...half },
          { name: "b", ...half },
        ]),
        limits,
      ),
      "sheet.archive_too_large",
    );
  });

  it("judges the ratio of large entries only", async () => {
    const zeros = (n: number) => new Uint8Array(n);
    // 1 MB of zeros packs ~1000:1, but a small entry may pack as well as it likes.
    assert.equal(await codeOf(zip([{ name: "small", data: zeros(ZIP_LIMITS.ratioFloor) }])), "ok");
    assert.equal(await codeOf(zip([{ name: "big", data: zeros(ZIP_LIMITS.ratioFloor + 1) }])), "sheet.archive_ratio");
  });

  it("proves declared sizes by inflating: a size smaller or larger than the data is refused", async () => {
    const data = new Uint8Array(50_000).fill(66);
    assert.equal(await codeOf(zip([{ name: "x", data }])), "ok");
    assert.equal(await codeOf(zip([{ name: "x", data, declaredSize: 10 }])), "sheet.archive_size_mismatch");
    assert.equal(await codeOf(zip([{ name: "x", data, declaredSize: 60_000 }])), "sheet.archive_size_mismatch");
    assert.equal(
      await codeOf(zip([{ name: "x", data, stored: true, declaredSize: 10 }])),
      "sheet.archive_size_mismatch",
    );
  });
});

describe("zip guard: archives built to mislead", () => {
  it("refuses two directory entries that share their bytes", async () => {
    const archive = zip([
      { name: "a", data: new Uint8Array(100) },
      { name: "b", data: new Uint8Array(100) },
    ]);
    // Point b's directory record at a's local header (same name length, so only the offset changes).
    const view = new DataView(archive.buffer);
    const end = archive.length - 22;
    const directory = view.getUint32(end + 16, true);
    const second = directory + 46 + 1;
    view.setUint32(second + 42, 0, true);
    archive.set(new TextEncoder().encode("a"), second + 46);
    assert.equal(await codeOf(archive), "sheet.not_a_spreadsheet");
  });

  it("hands on only the entries of the directory: bytes hidden between entries are left behind", async () => {
    const archive = zip([
      { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>") },
      { name: "hidden-bomb.xml", data: new Uint8Array(5000) },
      { name: "last", data: new Uint8Array(10) },
    ]);
    // Drop the middle entry from the directory: its local header stays in the file.
    const view = new DataView(archive.buffer);
    const end = archive.length - 22;
    const directory = view.getUint32(end + 16, true);
    const first = 46 + "xl/workbook.xml".length;
    const middle = 46 + "hidden-bomb.xml".length;
    const trimmed = new Uint8Array(archive.length - middle);
    trimmed.set(archive.subarray(0, directory + first));
    trimmed.set(archive.subarray(directory + first + middle), directory + first);
    const tv = new DataView(trimmed.buffer);
    const newEnd = trimmed.length - 22;
    tv.setUint16(newEnd + 8, 2, true);
    tv.setUint16(newEnd + 10, 2, true);
    tv.setUint32(newEnd + 12, tv.getUint32(newEnd + 12, true) - middle, true);
    const guarded = await guardXlsxArchive(trimmed);
    assert.ok("bytes" in guarded);
    assert.ok(names(trimmed).includes("hidden-bomb.xml"));
    assert.ok(!names(guarded.bytes).includes("hidden-bomb.xml"), "the rebuilt archive holds only listed entries");
  });

  it("refuses a local header that disagrees with the directory", async () => {
    const archive = zip([{ name: "abc", data: new Uint8Array(100) }]);
    archive.set(new TextEncoder().encode("xyz"), 30); // the local header's name
    assert.equal(await codeOf(archive), "sheet.not_a_spreadsheet");
  });

  it("refuses encryption, other compression methods, and ZIP64; a cut-off archive is not a spreadsheet", async () => {
    const plain = () => zip([{ name: "a", data: new Uint8Array(10) }]);
    const directory = (archive: Uint8Array) => new DataView(archive.buffer).getUint32(archive.length - 22 + 16, true);
    const encrypted = plain();
    new DataView(encrypted.buffer).setUint16(directory(encrypted) + 8, 1, true);
    assert.equal(await codeOf(encrypted), "sheet.archive_unsupported");
    const bzip2 = plain();
    new DataView(bzip2.buffer).setUint16(directory(bzip2) + 10, 12, true);
    assert.equal(await codeOf(bzip2), "sheet.archive_unsupported");
    const zip64 = plain();
    new DataView(zip64.buffer).setUint32(directory(zip64) + 24, 0xffffffff, true);
    assert.equal(await codeOf(zip64), "sheet.archive_unsupported");
    const whole = plain();
    assert.equal(await codeOf(whole.subarray(0, whole.length - 5)), "sheet.not_a_spreadsheet");
    assert.equal(await codeOf(new Uint8Array(10)), "sheet.not_a_spreadsheet");
  });
});

describe("zip guard: ordinary workbooks read as before", () => {
  it("a workbook written by exceljs (the template) and one with data descriptors both import", async () => {
    for (const bytes of [
      await spreadsheetTemplate("xlsx", "en"),
      workbookZip(items("Plans the year"), {}, { dataDescriptor: true }),
    ]) {
      const result = await parseSpreadsheet(bytes, "xlsx");
      assert.ok(result.value, JSON.stringify(result.problems));
      assert.ok(result.problems.every((p) => p.severity === "warning"));
    }
    const described = await parseSpreadsheet(
      workbookZip(items("Plans the year"), {}, { dataDescriptor: true }),
      "xlsx",
    );
    assert.equal(described.value?.children[0].statement.en, "Plans the year");
  });

  it("text of many-byte characters reads back whole, wherever the reader's chunks fall", async () => {
    // Several hundred KB of accents, emoji and CJK: exceljs's streaming reader decodes chunk by
    // chunk, and once turned a character cut between two chunks into replacement characters.
    const statement = (n: number) => `Élément ${n} : àéîõü œ « ç » 🎉 図書館 ${"é".repeat(n % 7)}`;
    const rows = Array.from({ length: 3000 }, (_, n) => [
      `id${n}`,
      "",
      "ksa",
      "",
      String(n + 1),
      statement(n),
      "",
      "",
      "",
    ]);
    const result = await parseSpreadsheet(workbookZip(sheetXml([[...ITEM_COLUMNS], ...rows])), "xlsx");
    assert.deepEqual(
      result.value?.children.map((item) => item.statement.en),
      rows.map((_, n) => statement(n).trim()),
    );
  });
});
