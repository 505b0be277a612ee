/**
 * An assessment's PDF (src/assessments/documents/pdf.ts), read back through pdf.js: title and
 * language in the catalog, every competency with its target, its three levels and its gap in words,
 * in the document's language; page numbers, bookmarks and the structure tree; generated documents
 * with hostile, long and accented text, 0 to 60 competencies and missing levels.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import {
  areaName,
  competencyGapText,
  competencyName,
  docTitle,
  levelText,
  targetText,
} from "../../src/assessments/documents/labels.ts";
import { type AssessmentDocument, groupByArea } from "../../src/assessments/documents/model.ts";
import { renderAssessmentPdf } from "../../src/assessments/documents/pdf.ts";
import { printable } from "../../src/profiles/documents/model.ts";
import { assessmentDocumentArbitrary, sampleAssessmentDocument } from "../support/assessment-documents.ts";

interface TextItem {
  str: string;
  transform: number[];
}
interface StructNode {
  role?: string;
  children?: StructNode[];
}

/** Points from the foot of the page: the body ends above, the page number is below. */
const FOOTER_TOP = 72;

async function read(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    const bodies: string[] = [];
    const footers: string[] = [];
    const roles = new Set<string>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const items = (await page.getTextContent()).items.filter((i) => "str" in i) as TextItem[];
      bodies.push(
        items
          .filter((i) => i.transform[5] >= FOOTER_TOP)
          .map((i) => i.str)
          .join(" "),
      );
      footers.push(
        items
          .filter((i) => i.transform[5] < FOOTER_TOP)
          .map((i) => i.str)
          .join(" "),
      );
      const walk = (node: StructNode | null) => {
        if (!node) return;
        if (node.role) roles.add(node.role);
        for (const child of node.children ?? []) walk(child);
      };
      walk((await page.getStructTree()) as StructNode | null);
    }
    const titles = (nodes: { title: string; items: unknown[] }[]): string[] =>
      nodes.flatMap((node) => [node.title, ...titles(node.items as { title: string; items: unknown[] }[])]);
    const outline = titles(((await pdf.getOutline()) ?? []) as { title: string; items: unknown[] }[]);
    return { info, all: bodies.join(" "), footers, roles, outline };
  } finally {
    await pdf.destroy();
  }
}

/** Compared without whitespace: a line may break anywhere. */
const compact = (text: string) => printable(text).replace(/[\s\u00a0\u202f]+/g, "");
const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/**
 * Each competency, in the order the document prints them (by area), is followed before the next one
 * by its target, its self, manager and agreed levels and its gap, each in the document's words.
 */
function assertEveryCompetency(doc: AssessmentDocument, all: string) {
  const flat = compact(all);
  const ordered = groupByArea(doc.competencies).flatMap((g) => g.competencies);
  let from = 0;
  ordered.forEach((competency, i) => {
    const start = flat.indexOf(compact(competencyName(competency)), from);
    assert.ok(start >= 0, `competency ${competency.statement} (after ${from})`);
    const next = ordered[i + 1];
    const end = next ? flat.indexOf(compact(competencyName(next)), start + 1) : flat.length;
    const block = flat.slice(start, end < 0 ? flat.length : end);
    for (const expected of [
      targetText(doc, competency),
      levelText(doc, competency.self),
      levelText(doc, competency.manager),
      levelText(doc, competency.agreed),
      competencyGapText(doc, competency),
    ])
      assert.ok(block.includes(compact(expected)), `${competency.statement}: "${expected}"`);
    from = start + 1;
  });
}

describe("assessment as PDF", () => {
  test("French, 40 competencies: title, language, accents, levels, gaps, page numbers, bookmarks, tags", async () => {
    const doc = sampleAssessmentDocument({ lang: "fr", competencies: 40 });
    const { info, all, footers, roles, outline } = await read(await renderAssessmentPdf(doc));
    assert.equal(info.Title, docTitle(doc));
    assert.equal(info.Title, "Évaluation des compétences — Héloïse Lefèbvre-Ñúñez");
    assert.equal(info.Language, "fr-CA");
    assert.equal(info.Author, doc.organisation);
    assert.ok(footers.length > 1, "40 competencies take more than a page");
    const text = squeeze(all);
    for (const words of [
      "Évaluation annuelle 2027",
      "du 1er janvier 2027 au 31 décembre 2027",
      "Niveau 3 : Autonome",
      "Écart : 1 niveau sous le niveau visé (niveau convenu)",
      "Atteint le niveau visé",
      "Aucun niveau visé auquel comparer",
      "Ajoutée par le membre du personnel",
      "Suivi prévu en juin.",
      "Signé le 20 mars 2027",
      "Pas encore signé",
      "Fichier : visites-2027.pdf",
      "Lien : https://library.example.org/news/42",
      "Préparé le 21 mars 2027",
    ])
      assert.ok(text.includes(words), words);
    assertEveryCompetency(doc, all);
    footers.forEach((footer, i) => {
      assert.equal(squeeze(footer), squeeze(`${docTitle(doc)} — Page ${i + 1} de ${footers.length}`));
    });
    assert.deepEqual(outline.slice(0, 1), ["Compétences"]);
    for (const heading of ["Engagement communautaire", "Entretien", "Signatures", "Pièces justificatives"])
      assert.ok(outline.includes(heading), `bookmark ${heading}`);
    for (const role of ["Document", "H1", "H2", "H3", "P", "L", "LI"]) assert.ok(roles.has(role), `structure ${role}`);
  });

  test("English: English words, en-CA, and nothing of the French", async () => {
    const doc = sampleAssessmentDocument({ lang: "en", competencies: 6 });
    const { info, all, footers } = await read(await renderAssessmentPdf(doc));
    assert.equal(info.Language, "en-CA");
    assert.equal(info.Title, "Competency assessment — Héloïse Lefèbvre-Ñúñez");
    const text = squeeze(all);
    for (const words of [
      "Competencies",
      "Conversation",
      "Sign-offs",
      "Evidence",
      "Level 3: Capable",
      "Gap: 1 level below the target (agreed level)",
      "January 1, 2027 to December 31, 2027",
    ])
      assert.ok(text.includes(words), words);
    assert.ok(!text.includes("Niveau"), "no French");
    assert.equal(squeeze(footers[0] as string), `${docTitle(doc)} — Page 1 of ${footers.length}`);
    assertEveryCompetency(doc, all);
  });

  test("no competencies, no evidence, no conversation: says so", async () => {
    const doc = {
      ...sampleAssessmentDocument({ lang: "en", competencies: 0, state: "not_started" }),
      evidence: [],
      conversation: { date: null, notes: "" },
    };
    const text = squeeze((await read(await renderAssessmentPdf(doc))).all);
    for (const words of [
      "This assessment has no competencies.",
      "No conversation has been recorded yet.",
      "No evidence has been added.",
      "Not started",
    ])
      assert.ok(text.includes(words), words);
  });

  test("generated documents (hostile, long, accented; 0–60 competencies; missing levels): every competency and its levels", async () => {
    await fc.assert(
      fc.asyncProperty(assessmentDocumentArbitrary(60), async (doc) => {
        const { info, all, footers } = await read(await renderAssessmentPdf(doc));
        assert.equal(info.Title, printable(docTitle(doc)));
        assert.equal(info.Language, `${doc.lang}-CA`);
        assert.ok(footers.length >= 1);
        assertEveryCompetency(doc, all);
        for (const group of groupByArea(doc.competencies))
          assert.ok(compact(all).includes(compact(areaName(doc, group.area))), "area heading");
      }),
      { numRuns: 6 },
    );
  });
});
