/**
 * The assessment documents' pure parts (src/assessments/documents): the gap between the level that
 * counts and the target, grouping by area, the file's name, and the printable page's body for
 * generated view models (hostile, long, accented text; 0–60 competencies; missing levels): one table
 * per area with a row per competency holding its levels and its gap in words, any text shown as text.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { competencyGapText, competencyName, levelText, targetText } from "../../src/assessments/documents/labels.ts";
import {
  type AssessedCompetency,
  assessmentFileName,
  gapOf,
  groupByArea,
} from "../../src/assessments/documents/model.ts";
import { AssessmentDocumentArticle } from "../../src/assessments/documents/page.tsx";
import { assessmentDocumentArbitrary, sampleAssessmentDocument } from "../support/assessment-documents.ts";
import { countTags, escapeHtml } from "../support/html.ts";
import { documentText } from "../support/job-documents.ts";

const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());
const level = fc.option(
  fc.integer({ min: 1, max: 9 }).map((number) => ({ number, label: null })),
  { nil: null },
);
const competency = fc.record({ target: level, self: level, manager: level, agreed: level }).map(
  (levels): AssessedCompetency => ({
    area: "",
    code: null,
    statement: "s",
    origin: "profile",
    importance: null,
    selfComment: "",
    managerComment: "",
    ...levels,
  }),
);

describe("assessment documents, pure parts", () => {
  test("the gap: the agreed level, else the manager's, else the person's, against the target", () => {
    fc.assert(
      fc.property(competency, (c) => {
        const gap = gapOf(c);
        const counted = c.agreed ?? c.manager ?? c.self;
        if (!c.target) return assert.deepEqual(gap, { kind: "no-target" });
        if (!counted) return assert.deepEqual(gap, { kind: "not-rated" });
        const by = c.agreed ? "agreed" : c.manager ? "manager" : "self";
        const difference = counted.number - c.target.number;
        if (difference === 0) return assert.deepEqual(gap, { kind: "meets", by });
        assert.deepEqual(gap, { kind: difference < 0 ? "below" : "above", levels: Math.abs(difference), by });
      }),
      { numRuns: 300 },
    );
  });

  test("grouping by area keeps every competency once, areas in first-seen order, each area in order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("A", "B", "C", ""), { maxLength: 30 }), (areas) => {
        const list = areas.map((area, i) => ({ area, statement: `${i}` }) as AssessedCompetency);
        const groups = groupByArea(list);
        assert.deepEqual(
          groups.map((g) => g.area),
          [...new Set(areas)],
        );
        for (const g of groups)
          assert.deepEqual(
            g.competencies.map((c) => c.statement),
            areas.flatMap((a, i) => (a === g.area ? [`${i}`] : [])),
          );
      }),
      { numRuns: 100 },
    );
  });

  test("the file's name: assessment-<person>-<cycle>.pdf in safe letters, accents folded", () => {
    assert.equal(
      assessmentFileName({
        person: { name: "Héloïse Lefèbvre-Ñúñez", unit: null, position: null },
        cycle: { name: "Bilan annuel 2027", periodStart: "", periodEnd: "" },
      }),
      "assessment-Heloise-Lefebvre-Nunez-Bilan-annuel-2027.pdf",
    );
    fc.assert(
      fc.property(documentText, documentText, (person, cycle) => {
        const name = assessmentFileName({
          person: { name: person, unit: null, position: null },
          cycle: { name: cycle, periodStart: "", periodEnd: "" },
        });
        assert.match(name, /^assessment-[A-Za-z0-9]+(-[A-Za-z0-9]+)*-[A-Za-z0-9]+(-[A-Za-z0-9]+)*\.pdf$/);
        assert.ok(name.length <= 140);
      }),
      { numRuns: 200 },
    );
  });
});

describe("assessment printable page body", () => {
  test("generated documents: no h1, a table per area, each competency's row with its levels and gap, text stays text", async () => {
    await fc.assert(
      fc.asyncProperty(assessmentDocumentArbitrary(60), async (doc) => {
        const html = (await render(<AssessmentDocumentArticle doc={doc} pdfUrl="/en/x/pdf" />)).replace(
          /[\u00a0\u202f]/g,
          " ",
        );
        assert.equal(countTags(html, "h1"), 0, "the route gives the h1");
        assert.ok(!/<script/i.test(html), "no markup from the text");
        const groups = groupByArea(doc.competencies);
        assert.equal(countTags(html, "table"), groups.length, "a table per area");
        const rows = [...html.matchAll(/<tr class="assessment-table__row">([\s\S]*?)<\/tr>/g)].map(
          (m) => m[1] as string,
        );
        const ordered = groups.flatMap((g) => g.competencies);
        assert.equal(rows.length, ordered.length, "a row per competency");
        ordered.forEach((c, i) => {
          const row = rows[i] as string;
          const text = (s: string) => escapeHtml(s).replace(/[\u00a0\u202f]/g, " ");
          assert.ok(row.includes(text(competencyName(c))), `row ${i}: the competency`);
          const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
          assert.deepEqual(
            cells,
            [
              targetText(doc, c),
              levelText(doc, c.self),
              levelText(doc, c.manager),
              levelText(doc, c.agreed),
              competencyGapText(doc, c),
            ].map(text),
            `row ${i}: target, self, manager, agreed, gap`,
          );
        });
      }),
      { numRuns: 25 },
    );
  });

  test("the gap is said in words, and its class only repeats it", async () => {
    const doc = sampleAssessmentDocument({ lang: "en", competencies: 8 });
    const html = await render(<AssessmentDocumentArticle doc={doc} />);
    for (const c of doc.competencies) {
      const kind = gapOf(c).kind;
      assert.ok(html.includes(`assessment-gap--${kind}">${escapeHtml(competencyGapText(doc, c))}</td>`), kind);
    }
    assert.ok(html.includes("Gap: 1 level below the target (agreed level)"));
    assert.ok(!html.includes("/pdf"), "no download link unless the route gives one");
  });
});
