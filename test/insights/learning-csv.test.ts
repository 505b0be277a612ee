/**
 * The catalogue's CSV (pure): what is exported imports back the same, in either language's header;
 * no exported cell can run as a formula; every problem names its line and its column, all at once.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { translate } from "../../src/i18n/index.ts";
import { type ExportedResource, readResourceCsv, resourcesCsv } from "../../src/insights/learning/csv.ts";
import { parseCost, parseHours, RESOURCE_FORMATS } from "../../src/insights/learning/values.ts";
import { runs } from "../support/fast-check-seed.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
/** Text a person could type in a cell: letters, accents, quotes, separators, formula starters, line breaks. */
const cellText = (max: number) =>
  fc
    .array(fc.constantFrom(..."aéZ '\"=+-@;,|\n\t$%0".split(""), "Conte", "prêt"), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.join("").trim().slice(0, max))
    .filter((s) => s !== "");

const resource: fc.Arbitrary<ExportedResource> = fc
  .record({
    id: fc.uuid(),
    fields: fc.record({
      titleEn: cellText(300),
      titleFr: cellText(300),
      url: fc.option(fc.constantFrom("https://learning.example.org/a", "http://example.org/b?x=1&y=2"), { nil: null }),
      provider: fc.option(cellText(200), { nil: null }),
      format: fc.constantFrom(...RESOURCE_FORMATS),
      durationMinutes: fc.option(
        fc.integer({ min: 0, max: 5000 * 4 }).map((q) => q * 15),
        { nil: null },
      ),
      costCents: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
      currency: fc.constant<string | null>(null),
    }),
    codes: fc.array(fc.constantFrom("P1.1", "P1.2", "=P2.1"), { maxLength: 3 }).map((codes) => [...new Set(codes)]),
  })
  .map((r) => ({ ...r, fields: { ...r.fields, currency: r.fields.costCents === null ? null : "CAD" } }));

describe("learning resources CSV", () => {
  it("exports and imports back the same resources, headed in English or French", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(resource, { minLength: 1, maxLength: 6, selector: (r) => r.id }),
        fc.constantFrom("en", "fr" as const),
        (resources, lang) => {
          const reading = readResourceCsv(new Uint8Array(resourcesCsv(resources, lang)));
          assert.ok(reading.ok, JSON.stringify(!reading.ok && reading.problems));
          assert.deepEqual(
            reading.rows.map((r) => ({ id: r.id, fields: r.fields, codes: r.codes })),
            resources.map((r) => ({ id: r.id, fields: r.fields, codes: r.codes })),
          );
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it("writes no cell a spreadsheet would run as a formula", () => {
    fc.assert(
      fc.property(fc.array(resource, { minLength: 1, maxLength: 4 }), (resources) => {
        const text = new TextDecoder().decode(resourcesCsv(resources, "en")).replace(/^\uFEFF/, "");
        // Each field as a spreadsheet reads it (quotes taken off): none starts with = + - @ or a tab.
        for (const record of parseCsv(text) as string[][])
          for (const cell of record) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
      }),
      { numRuns: runs(60) },
    );
  });

  it("reads amounts as people write them, in English or French", () => {
    assert.deepEqual(parseHours("1,5"), { ok: true, value: 90 });
    assert.deepEqual(parseHours("2.25"), { ok: true, value: 135 });
    assert.deepEqual(parseCost("125,50 $"), { ok: true, value: 12_550 });
    assert.deepEqual(parseCost("1 250.00"), { ok: true, value: 125_000 });
    assert.equal(parseCost("douze").ok, false);
    assert.equal(parseHours("-1").ok, false);
  });

  it("reports every problem of the file at once, each with its line and its column as the file heads it", () => {
    const file = [
      "titre_en;titre_fr;format;heures;coût;devise;lien",
      "Storytime;L'heure du conte;cours;1,5;125,50;CAD;https://example.org/conte",
      ";Sans titre anglais;mentorat;;;;",
      "Weeding;Élagage;podcast;beaucoup;12;;ftp://example.org",
    ].join("\r\n");
    const reading = readResourceCsv(bytes(file));
    assert.equal(reading.ok, false);
    const problems = reading.ok
      ? []
      : reading.problems.map(
          (p) => `${p.line}:${p.column}:${translate("fr", p.message).replace(/[\u00a0\u202f]/g, " ")}`,
        );
    assert.deepEqual(problems, [
      "3:titre_en:Remplissez ce champ.",
      "4:lien:Indiquez une adresse Web qui commence par https:// ou http://.",
      "4:format:Choisissez formation, en poste, mentorat, lecture, vidéo ou autre.",
      "4:heures:Indiquez un nombre d’heures, par exemple 1,5 (5 000 au plus).",
      "4:devise:Indiquez la devise du coût.",
    ]);
  });

  it("refuses a file without its required columns, with unknown or repeated columns, or with no rows", () => {
    const refusal = (text: string) => {
      const reading = readResourceCsv(bytes(text));
      return reading.ok ? [] : reading.problems.map((p) => `${p.line}:${p.column}:${translate("en", p.message)}`);
    };
    assert.deepEqual(refusal("title_en,colour,title_en\nA,red,B"), [
      "1:colour:This column is not one of the catalogue’s.",
      "1:title_en:This column appears twice.",
      "1:null:The column title_fr (or titre_fr) is missing.",
      "1:null:The column format (or format) is missing.",
    ]);
    assert.deepEqual(refusal("title_en,title_fr,format\n"), [
      "1:null:The file has no resources under its header line.",
    ]);
    assert.deepEqual(refusal("\u0000\u0001binary"), ["1:null:This file cannot be read as CSV text."]);
    assert.deepEqual(refusal("id,title_en,title_fr,format\nx,A,A,course\nx,B,B,video"), [
      "3:id:The same id is on line 2.",
    ]);
  });
});
