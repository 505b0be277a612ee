/**
 * The view model's own rules (src/profiles/documents/model.ts), which every rendering shares: how
 * requirements are grouped and ordered, how plain text is cut into paragraphs, and which characters
 * the file formats drop.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { groupRequirements, type JobRequirement, paragraphs, printable } from "../../src/profiles/documents/model.ts";
import { sampleJobDocument } from "../support/job-documents.ts";

const template = sampleJobDocument({ requirements: 1 }).requirements[0];

describe("job document view model", () => {
  test("grouping: every requirement once, areas in first-seen order, essential before asset, otherwise the author's order", () => {
    const requirement = fc
      .record({ area: fc.constantFrom("A", "B", "C"), essential: fc.boolean() })
      .map(
        ({ area, essential }) =>
          ({ ...template, area, importance: essential ? "essential" : "asset" }) as JobRequirement,
      );
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 40 }), (list) => {
        const numbered = list.map((r, i) => ({ ...r, competency: `c${i}` }));
        const groups = groupRequirements(numbered);
        assert.deepEqual(
          groups.map((g) => g.area),
          [...new Set(numbered.map((r) => r.area))],
        );
        const flat = groups.flatMap((g) => g.requirements);
        assert.deepEqual(flat.map((r) => r.competency).sort(), numbered.map((r) => r.competency).sort());
        for (const group of groups) {
          const expected = [
            ...numbered.filter((r) => r.area === group.area && r.importance === "essential"),
            ...numbered.filter((r) => r.area === group.area && r.importance === "asset"),
          ];
          assert.deepEqual(group.requirements, expected);
        }
      }),
      { numRuns: 100 },
    );
  });

  test("paragraphs are cut at blank lines; single line breaks join with a space; blanks are dropped", () => {
    assert.deepEqual(paragraphs("One\ntwo\n\n\n  Three  \r\n\r\nfour"), ["One two", "Three", "four"]);
    assert.deepEqual(paragraphs("  \n\n "), []);
  });

  test("printable: no character XML 1.0 refuses, no line break, ordinary text unchanged", () => {
    const xmlInvalid =
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        const out = printable(text);
        assert.ok(!xmlInvalid.test(out), JSON.stringify(out));
        assert.ok(!/[\r\n\u2028\u2029]/.test(out));
        assert.equal(printable(out), out, "idempotent");
      }),
      { numRuns: 300 },
    );
    assert.equal(printable("Œuvre à l'été — « guillemets » 😀"), "Œuvre à l'été — « guillemets » 😀");
    assert.equal(printable("a\u0000b\u0007c\nd"), "abc d");
  });
});
