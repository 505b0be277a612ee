/** The wizard's pure pieces, without HTTP (its upload store: test/interop/upload-store.test.ts). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { ImportedFramework } from "../../src/interop/model.ts";
import { levelTypes, placeArea } from "../../src/interop/text/place.ts";
import { checkDraft, decodeTarget, encodeTarget, type PasteDraft, readDraft } from "../../src/interop/wizard/paste.ts";
import { applySheetTarget, countByType, resolveFormat } from "../../src/interop/wizard/prepare.ts";

const draft = (over: Partial<PasteDraft> = {}): PasteDraft => ({
  title: "Community Relations",
  description: "About it.",
  date: "2015-08-13",
  competencies: [{ statement: "Builds partnerships", ksas: "Knows the community\nListens well" }],
  ...over,
});

describe("paste preview: targets", () => {
  it("round-trips every target and refuses anything else", () => {
    for (const target of [
      { kind: "new" as const },
      { kind: "existing" as const, slug: "public-library-staff", parentId: null },
      { kind: "existing" as const, slug: "x", parentId: "ML.CR:odd:id" },
    ]) {
      assert.deepEqual(decodeTarget(encodeTarget(target)), target);
    }
    for (const bad of ["", "fw:", "fw:../etc", "fw:UPPER", "fw:a:", "old", 42, null, `fw:${"a".repeat(500)}`])
      assert.equal(decodeTarget(bad), undefined, String(bad));
  });
});

describe("paste preview: checking the corrected area", () => {
  it("accepts a clean draft and normalises lines", () => {
    const result = checkDraft(
      draft({
        title: "  Community\r\nRelations ",
        competencies: [{ statement: "Builds\npartnerships", ksas: " One \r\n\r\nTwo\n" }],
      }),
    );
    assert.ok(result.ok);
    assert.equal(result.area.title, "Community Relations");
    assert.deepEqual(result.area.competencies, [{ statement: "Builds partnerships", ksas: ["One", "Two"] }]);
  });

  it("drops a competency emptied of both statement and KSAs, and names every other fault by field", () => {
    const result = checkDraft(
      draft({
        title: "",
        date: "2015-13-01",
        competencies: [
          { statement: "", ksas: "" },
          { statement: "", ksas: "Orphan" },
          { statement: "x".repeat(5001), ksas: "Fine" },
        ],
      }),
    );
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, {
      title: "importTitleRequired",
      date: "importDateInvalid",
      competency_2: "importCompetencyRequired",
      competency_3: "importTextTooLong",
    });
    const none = checkDraft(draft({ competencies: [{ statement: " ", ksas: "\n" }] }));
    assert.ok(!none.ok && none.errors.competency_1 === "importNoCompetency");
  });

  it("never throws on whatever a form body holds", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(
            fc.constantFrom("title", "description", "date", "competency_1", "ksas_1", "competency_101", "ksas_102"),
            fc.string(),
          ),
          fc.oneof(fc.string(), fc.constant(new File([], "x")) as fc.Arbitrary<unknown>),
        ),
        (body) => {
          const read = readDraft(body as Record<string, unknown>);
          if (read) checkDraft(read);
        },
      ),
    );
  });
});

const framework = (): ImportedFramework => ({
  id: "f",
  title: { en: "F", fr: null },
  description: { en: null, fr: null },
  publisher: null,
  version: null,
  status: null,
  licence: null,
  itemTypes: [],
  children: [
    {
      id: "cat",
      type: "level1",
      code: "C",
      position: 1,
      statement: { en: "Category", fr: null },
      description: { en: null, fr: null },
      children: [
        {
          id: "a1",
          type: "level2",
          code: null,
          position: 4,
          statement: { en: "Area", fr: null },
          description: { en: null, fr: null },
          children: [
            {
              id: "c1",
              type: "level3",
              code: null,
              position: 1,
              statement: { en: "C", fr: null },
              description: { en: null, fr: null },
              children: [
                {
                  id: "k1",
                  type: "level4",
                  code: null,
                  position: 1,
                  statement: { en: "K", fr: null },
                  description: { en: null, fr: null },
                  children: [],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
});

describe("paste preview: placing the area", () => {
  const area = {
    title: "New",
    description: null,
    lastUpdated: null,
    competencies: [{ statement: "S", ksas: ["K1", "K2"] }],
  };

  it("goes after the parent's last child, with the level types its siblings use", () => {
    const placed = placeArea(framework(), "cat", area, "fr", "seed-seed-seed-seed");
    assert.ok(placed);
    const added = placed.children[0].children[1];
    assert.equal(added.position, 5);
    assert.equal(added.type, "level2");
    assert.equal(added.children[0].type, "level3");
    assert.equal(added.children[0].children[0].type, "level4");
    assert.deepEqual(added.statement, { en: null, fr: "New" });
    assert.deepEqual(
      countByType(placed).types.map((t) => [t.code, t.count]),
      [
        ["level1", 1],
        ["level2", 2],
        ["level3", 2],
        ["level4", 3],
      ],
    );
  });

  it("the same seed replaces the area it placed before; an unknown parent is refused", () => {
    const once = placeArea(framework(), "cat", area, "en", "seed-seed-seed-seed") as ImportedFramework;
    const twice = placeArea(
      once,
      "cat",
      { ...area, title: "Renamed" },
      "en",
      "seed-seed-seed-seed",
    ) as ImportedFramework;
    assert.equal(twice.children[0].children.length, 2);
    assert.equal(twice.children[0].children[1].statement.en, "Renamed");
    assert.equal(placeArea(framework(), "nope", area, "en", "seed-seed-seed-seed"), undefined);
    assert.deepEqual(levelTypes([]), { area: "area", competency: "competency", ksa: "ksa" });
  });
});

describe("uploads: formats and sheet targets", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("tells the format from the name when it says, else from the content", () => {
    const casePackage = bytes('{"CFDocument": {"identifier": "x"}, "CFItems": []}');
    const ours = bytes('\uFEFF{\n  "id": "x",\n  "slug": "s",\n  "type": "framework",\n  "children": []\n}');
    assert.equal(resolveFormat("auto", "Package.JSON", casePackage), "case");
    assert.equal(resolveFormat("auto", "framework.json", ours), "json");
    assert.equal(resolveFormat("auto", "export.case", casePackage), "case", "an extension that says nothing");
    assert.equal(resolveFormat("auto", "no-extension", ours), "json");
    assert.equal(resolveFormat("auto", "items.xlsx", bytes("anything")), "xlsx");
    assert.equal(resolveFormat("auto", "download", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0])), "xlsx");
    assert.equal(resolveFormat("auto", "items.csv", bytes("x")), "csv");
    assert.equal(resolveFormat("auto", "items", bytes("\uFEFFidentifier,parent,type,code,statement_en\r\n")), "csv");
    assert.equal(resolveFormat("auto", "items.txt", casePackage), undefined, "text is pasted, not uploaded");
    assert.equal(resolveFormat("auto", "mystery.bin", bytes("{}")), undefined);
    assert.equal(resolveFormat("csv", "whatever.json", casePackage), "csv", "a chosen format wins");
  });

  it("a sheet that makes a framework keeps the id it previewed under, and gets the title asked for", () => {
    const sheet = { ...framework(), id: "random", title: { en: null, fr: null } };
    const fresh = applySheetTarget(sheet, { kind: "file", title: "Nouveau", lang: "fr", pinnedId: "pinned" });
    assert.equal(fresh.id, "pinned");
    assert.deepEqual(fresh.title, { en: null, fr: "Nouveau" });
    const copy = applySheetTarget(sheet, { kind: "new", slug: "copy", title: "Copy", lang: "en", pinnedId: "p" });
    assert.deepEqual(copy.title, { en: "Copy", fr: null });
    assert.equal(applySheetTarget(sheet, { kind: "into", title: "", lang: "en" }), sheet, "into: the importer aims it");
  });
});
