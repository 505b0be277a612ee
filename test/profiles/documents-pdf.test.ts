/**
 * The PDF (src/profiles/documents/pdf.ts), read back through pdf.js, the reader browsers use: title
 * and language in the document's catalog, every competency with its level and importance, the
 * French accents as characters (not boxes), page numbers on every page, bookmarks, the structure
 * tree, and no line running past the right margin whatever the text.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { type JobDocument, printable } from "../../src/profiles/documents/model.ts";
import { renderJobPdf } from "../../src/profiles/documents/pdf.ts";
import { jobDocumentArbitrary, sampleJobDocument } from "../support/job-documents.ts";

interface TextItem {
  str: string;
  width: number;
  transform: number[];
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

/** Points from the foot of the page: the body's text ends above (margin 80), the page number is below. */
const FOOTER_TOP = 72;
/** The side margins are 56 points; a glyph may overhang by a point or two (tolerated: 6). */
const SIDE = 50;

async function read(bytes: Buffer, options: { structure?: boolean } = {}) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const meta = await pdf.getMetadata();
    const pages: { text: string; footer: string; items: TextItem[]; width: number; roles: string[] }[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem & typeof item => "str" in item) as TextItem[];
      const roles: string[] = [];
      const walk = (node: StructNode | null) => {
        if (!node) return;
        if (node.role) roles.push(node.role);
        for (const child of node.children ?? []) walk(child);
      };
      if (options.structure) walk((await page.getStructTree()) as StructNode | null);
      // The page number sits in the bottom margin (below 72 points from the foot of the page): kept
      // apart, so that a text carried over to the next page reads as one.
      const isFooter = (item: TextItem) => item.transform[5] < FOOTER_TOP;
      pages.push({
        text: items
          .filter((i) => !isFooter(i))
          .map((i) => i.str)
          .join(" "),
        footer: items
          .filter(isFooter)
          .map((i) => i.str)
          .join(" "),
        items,
        width: page.view[2],
        roles,
      });
    }
    const outline = (await pdf.getOutline()) ?? [];
    const titles = (nodes: { title: string; items: unknown[] }[]): string[] =>
      nodes.flatMap((node) => [node.title, ...titles(node.items as { title: string; items: unknown[] }[])]);
    return {
      info: meta.info as Record<string, unknown>,
      pages,
      all: pages.map((p) => p.text).join(" "),
      outline: titles(outline as { title: string; items: unknown[] }[]),
    };
  } finally {
    await pdf.destroy();
  }
}

/** Compared without any whitespace: a line may break anywhere between words. */
const compact = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, "");
const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

function assertEveryRequirement(doc: JobDocument, all: string) {
  const flat = compact(all);
  const levelWord = doc.lang === "fr" ? "Niveau" : "Level";
  for (const r of doc.requirements) {
    assert.ok(flat.includes(compact(r.competency)), `competency ${r.competency}`);
    assert.ok(flat.includes(compact(`${levelWord} ${r.targetLevel}`)));
  }
}

describe("job document as PDF", () => {
  test("French posting of 40 competencies: title, language, accents, levels, page numbers, bookmarks, tags", async () => {
    const doc = sampleJobDocument({ lang: "fr", kind: "posting", requirements: 40 });
    doc.requirements[0].competency = "Œuvre à la façade : élève, Noël, çà et là, « guillemets »";
    const { info, pages, all, outline } = await read(await renderJobPdf(doc), { structure: true });
    assert.equal(info.Title, doc.title);
    assert.equal(info.Language, "fr-CA");
    assert.equal(info.Author, doc.organisation.name);
    assert.ok(pages.length > 1, "40 competencies take more than a page");
    const text = squeeze(all);
    assert.ok(text.includes("Œuvre à la façade : élève, Noël, çà et là, « guillemets »"), "accents are characters");
    for (const heading of [
      "Sommaire",
      "Tâches et responsabilités",
      "Exigences",
      "Compétences requises",
      "Pour postuler",
    ])
      assert.ok(text.includes(heading), heading);
    assert.ok(text.includes("Niveau 3 : Autonome"));
    assert.ok(text.includes("Essentielle"));
    assert.ok(text.includes("Atout"));
    assert.ok(text.includes("de 31,50 $ à 38,25 $ l'heure"));
    assertEveryRequirement(doc, all);
    pages.forEach((page, i) => {
      assert.equal(squeeze(page.footer), squeeze(`${doc.title} — Page ${i + 1} de ${pages.length}`));
    });
    assert.deepEqual(outline.slice(0, 4), [
      "Sommaire",
      "Tâches et responsabilités",
      "Exigences",
      "Compétences requises",
    ]);
    assert.ok(outline.includes("Engagement communautaire"), "areas are bookmarks under the requirements");
    const roles = new Set(pages.flatMap((p) => p.roles));
    for (const role of ["Document", "H1", "H2", "H3", "P", "L", "LI"]) assert.ok(roles.has(role), `structure ${role}`);
  });

  test("English description: English words and the en-CA language", async () => {
    const doc = sampleJobDocument({ lang: "en", kind: "description", requirements: 6 });
    const { info, all, pages } = await read(await renderJobPdf(doc));
    assert.equal(info.Language, "en-CA");
    assert.equal(info.Subject, "Job description");
    const text = squeeze(all);
    for (const heading of ["Summary", "Duties and responsibilities", "Competency requirements", "Working conditions"])
      assert.ok(text.includes(heading), heading);
    assert.ok(text.includes("Level 4: Proficient"));
    assert.ok(!text.includes("How to apply"));
    assert.equal(squeeze(pages[0].footer), `${doc.title} — Page 1 of ${pages.length}`);
    assertEveryRequirement(doc, all);
  });

  test("0 and 60 requirements", async () => {
    const none = await read(await renderJobPdf(sampleJobDocument({ lang: "en", requirements: 0 })));
    assert.ok(squeeze(none.all).includes("No competencies have been chosen for this position yet."));
    const doc = sampleJobDocument({ lang: "fr", requirements: 60 });
    const many = await read(await renderJobPdf(doc));
    assertEveryRequirement(doc, many.all);
    assert.ok(many.pages.length >= 4);
  });

  test("generated documents (hostile, long, accented, empty): every competency, the title, nothing past the margins", async () => {
    await fc.assert(
      fc.asyncProperty(jobDocumentArbitrary(40), async (doc) => {
        const { info, pages, all } = await read(await renderJobPdf(doc));
        assert.equal(info.Title, printable(doc.title));
        assert.equal(info.Language, `${doc.lang}-CA`);
        assertEveryRequirement(doc, all);
        for (const page of pages) {
          for (const item of page.items) {
            // A glyph the font lacks (pdf.js reads it as U+0000) has no width pdf.js can know: its line
            // is measured wrong, not drawn wrong.
            if (!item.str.trim() || item.str.includes("\u0000")) continue;
            const left = item.transform[4];
            assert.ok(left >= SIDE, `"${item.str.slice(0, 30)}" starts at ${left}`);
            assert.ok(
              left + item.width <= page.width - SIDE,
              `"${item.str.slice(0, 30)}" ends at ${left + item.width}`,
            );
          }
        }
      }),
      { numRuns: 5 },
    );
  });
});
