/**
 * The Word document (src/profiles/documents/docx.ts), read back as Word would: through mammoth (a
 * DOCX reader) for the headings, lists and tables a person sees, and through the package's own XML
 * for what mammoth does not show (language tags, core properties, paragraph styles, page fields).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import mammoth from "mammoth";
import { renderJobDocx } from "../../src/profiles/documents/docx.ts";
import { type JobDocument, printable } from "../../src/profiles/documents/model.ts";
import { jobDocumentArbitrary, sampleJobDocument } from "../support/job-documents.ts";
import { readZip } from "../support/unzip.ts";

const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh"];

async function read(bytes: Buffer) {
  const html = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP });
  const text = await mammoth.extractRawText({ buffer: bytes });
  const files = readZip(bytes);
  const xml = (name: string) => {
    const file = files.get(name);
    assert.ok(file, `${name} in the package`);
    return file.toString("utf8");
  };
  return { html: html.value, warnings: html.messages, text: text.value, xml };
}

/** Whitespace of any kind (no-break spaces included) as one space, so wording can be compared. */
const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const tagTexts = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => squeeze(decode(m[1])));

describe("job document as DOCX", () => {
  test("English posting of 40 competencies: Word's title and headings, lists, tables, every competency", async () => {
    const doc = sampleJobDocument({ lang: "en", kind: "posting", requirements: 40 });
    const { html, warnings, text, xml } = await read(await renderJobDocx(doc));
    assert.deepEqual(warnings, [], "mammoth recognises every style");
    assert.deepEqual(tagTexts(html, "h1"), [
      doc.title,
      "Summary",
      "Duties and responsibilities",
      "Qualifications",
      "Competency requirements",
      "Working conditions",
      "Proficiency scale",
      "How to apply",
    ]);
    assert.deepEqual(tagTexts(html, "h2"), [
      "Community engagement",
      "Service to the public",
      "Collections",
      "Leadership",
      "Digital services",
    ]);
    assert.match(
      html,
      /<ol><li>Lead story time<\/li><li>Choose books for young readers<\/li><li>Train volunteers<\/li><\/ol>/,
    );
    assert.match(html, /<ul><li>Master's degree/);
    // One table per area, plus the scale's; each requirement is a row: competency, level, importance.
    assert.equal((html.match(/<table>/g) ?? []).length, 6);
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => tagTexts(m[1], "td"));
    for (const r of doc.requirements) {
      const label = r.code ? `${r.competency} (${r.code})` : r.competency;
      const row = rows.find((cells) => cells[0]?.startsWith(label));
      assert.ok(row, `a row for ${label}`);
      assert.equal(row[1], `Level ${r.targetLevel}: ${r.levelLabel}`);
      assert.equal(row[2], r.importance === "essential" ? "Essential" : "Asset");
      assert.ok(row[0].includes(r.levelDescriptor));
    }
    assert.ok(squeeze(text).includes("$31.50 to $38.25 an hour"));

    assert.match(xml("word/styles.xml"), /<w:lang w:val="en-CA"\/>/);
    const core = xml("docProps/core.xml");
    assert.match(
      core,
      /<dc:title>Children&apos;s and Youth Services Librarian<\/dc:title>|<dc:title>Children's and Youth Services Librarian<\/dc:title>/,
    );
    assert.match(core, /<dc:creator>Maple Valley Public Library<\/dc:creator>/);
    const body = xml("word/document.xml");
    assert.match(body, /<w:pStyle w:val="Title"\/>/);
    assert.match(body, /<w:pStyle w:val="Heading1"\/>/);
    assert.match(body, /<w:pStyle w:val="Heading2"\/>/);
    assert.match(body, /<w:tblHeader\/>/, "the table's header row repeats on every page");
    const footer = [...readZip(await renderJobDocx(doc)).keys()].find((name) => /^word\/footer\d*\.xml$/.test(name));
    assert.ok(footer);
    assert.match(xml(footer), /PAGE/);
    assert.match(xml(footer), /NUMPAGES/);
  });

  test("French description: French headings, levels, importance and fr-CA language", async () => {
    const doc = sampleJobDocument({ lang: "fr", kind: "description", requirements: 12 });
    const { html, text, xml } = await read(await renderJobDocx(doc));
    const h1 = tagTexts(html, "h1");
    assert.deepEqual(h1, [
      doc.title,
      "Sommaire",
      "Tâches et responsabilités",
      "Exigences",
      "Compétences requises",
      "Conditions de travail",
      "Échelle de maîtrise",
    ]);
    const flat = squeeze(text);
    assert.ok(flat.includes("Description de poste"));
    assert.ok(flat.includes("Niveau 3 : Autonome"));
    assert.ok(flat.includes("Essentielle"));
    assert.ok(flat.includes("Atout"));
    assert.ok(!flat.includes("Pour postuler"), "a description has no posting section");
    assert.match(xml("word/styles.xml"), /<w:lang w:val="fr-CA"\/>/);
    assert.doesNotMatch(xml("word/styles.xml"), /en-CA|en-US/);
    assert.match(xml("word/footer1.xml"), /> de </, "« Page N de M » in the footer");
  });

  test("0 and 60 requirements", async () => {
    const none = await read(await renderJobDocx(sampleJobDocument({ lang: "en", requirements: 0 })));
    assert.ok(squeeze(none.text).includes("No competencies have been chosen for this position yet."));
    assert.doesNotMatch(none.html, /<h2>/);
    const doc = sampleJobDocument({ lang: "fr", requirements: 60 });
    const many = await read(await renderJobDocx(doc));
    const flat = squeeze(many.text);
    for (const r of doc.requirements) assert.ok(flat.includes(squeeze(r.competency)), r.competency);
  });

  test("generated documents (hostile, long, accented, empty) open and hold every competency and the title", async () => {
    await fc.assert(
      fc.asyncProperty(jobDocumentArbitrary(60), async (doc: JobDocument) => {
        const bytes = await renderJobDocx(doc);
        const { text, xml, warnings } = await read(bytes);
        assert.deepEqual(warnings, []);
        const flat = squeeze(text);
        assert.ok(flat.includes(squeeze(printable(doc.title))), "the title");
        for (const r of doc.requirements) assert.ok(flat.includes(r.competency), r.competency);
        const essential = doc.requirements.filter((r) => r.importance === "essential").length;
        const label = doc.lang === "fr" ? "Essentielle" : "Essential";
        // The importance column: one cell per requirement (other text never is exactly the label).
        const cells = [...xml("word/document.xml").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
        assert.equal(cells.filter((c) => c === label).length, essential);
        assert.match(xml("word/styles.xml"), new RegExp(`<w:lang w:val="${doc.lang}-CA"/>`));
      }),
      { numRuns: 12 },
    );
  });
});
