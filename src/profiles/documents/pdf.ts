/**
 * The job description or posting as a PDF: tagged (headings, paragraphs, lists and the page numbers
 * as artifacts in a structure tree), the document's language in the catalog (/Lang en-CA or fr-CA),
 * its title shown in the window's title bar, bookmarks for every section and area, page numbers,
 * long text wrapped and carried over to the next page. Same sections, order and words as the
 * printable page (labels.ts).
 *
 * Fonts: DejaVu Sans (npm `dejavu-fonts-ttf`), embedded as subsets. PDF's standard fonts would render
 * French, but they are not embedded and hold only Windows-1252: a name in Vietnamese, Polish or Greek
 * would print as dots. DejaVu covers Latin, Greek and Cyrillic; a character it lacks prints as an
 * empty box, never as an error.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import {
  competencyLabel,
  documentDate,
  documentFacts,
  documentMessages,
  importanceLabel,
  kindLabel,
  labelSeparator,
  levelLabel,
} from "./labels.ts";
import { groupRequirements, type JobDocument, languageTag, paragraphs, printable } from "./model.ts";

type Pdf = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Pdf["struct"]>;
type OutlineItem = Pdf["outline"];

const require = createRequire(import.meta.url);

/** A font as fontkit parses it; pdfkit accepts one in place of a file and subsets it per document. */
interface ParsedFont {
  layout(text: string): unknown;
}
type FontSource = Parameters<Pdf["registerFont"]>[1];

let fonts: { regular: ParsedFont; bold: ParsedFont; italic: ParsedFont } | undefined;

/**
 * Parsed once per process: given the files, pdfkit would parse about 2 MB of TrueType for every
 * document (most of a short document's time). fontkit is pdfkit's own font engine.
 */
function loadFonts() {
  if (!fonts) {
    const fontkit = require("fontkit") as { create(data: Buffer): ParsedFont };
    const parse = (file: string) => fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    fonts = {
      regular: parse("DejaVuSans.ttf"),
      bold: parse("DejaVuSans-Bold.ttf"),
      italic: parse("DejaVuSans-Oblique.ttf"),
    };
  }
  return fonts;
}

const MARGIN = 56; // points: about 2 cm
const FOOTER_GAP = 24;
const SIZE = { title: 20, h1: 14, h2: 12, body: 10, small: 8.5 };
const INK = "#1b1f24";
const BRAND = "#0b5a7a";
const MUTED = "#4a5560";

/** Writes the document's blocks in order, each a structure element of the tree. */
class Writer {
  private readonly outlineRoot: OutlineItem;
  private section: OutlineItem | undefined;

  constructor(
    readonly pdf: Pdf,
    readonly root: Struct,
  ) {
    this.outlineRoot = pdf.outline;
  }

  /** A new page first when fewer than `lines` lines are left, so a heading never ends a page. */
  private keepWithNext(lines: number) {
    const needed = this.pdf.currentLineHeight(true) * lines;
    if (this.pdf.y + needed > this.pdf.page.maxY()) this.pdf.addPage();
  }

  private block(type: string, draw: () => void) {
    this.root.add(this.pdf.struct(type, {}, draw));
  }

  title(text: string) {
    this.block("H1", () => {
      this.pdf.font("bold").fontSize(SIZE.title).fillColor(INK).text(printable(text));
    });
    this.pdf.moveDown(0.3);
  }

  heading(text: string, level: 1 | 2) {
    this.pdf.moveDown(level === 1 ? 0.8 : 0.5);
    this.pdf.font("bold").fontSize(level === 1 ? SIZE.h1 : SIZE.h2);
    this.keepWithNext(4);
    this.block(level === 1 ? "H2" : "H3", () => {
      this.pdf
        .fillColor(level === 1 ? BRAND : INK)
        .text(printable(text))
        .fillColor(INK);
    });
    this.pdf.moveDown(0.25);
    if (level === 1) this.section = this.outlineRoot.addItem(printable(text));
    else (this.section ?? this.outlineRoot).addItem(printable(text));
  }

  paragraph(text: string, style: { font?: "regular" | "bold" | "italic"; size?: number; color?: string } = {}) {
    this.pdf
      .font(style.font ?? "regular")
      .fontSize(style.size ?? SIZE.body)
      .fillColor(style.color ?? INK);
    this.block("P", () => {
      this.pdf.text(printable(text), { paragraphGap: 3 });
    });
    this.pdf.fillColor(INK);
  }

  text(text: string, empty: string) {
    const list = paragraphs(text);
    if (list.length === 0) this.paragraph(empty, { font: "italic" });
    for (const p of list) this.paragraph(p);
  }

  list(items: string[], ordered: boolean, empty: string, indent = 0) {
    const kept = items.map(printable).filter((item) => item.trim().length > 0);
    if (kept.length === 0) {
      this.paragraph(empty, { font: "italic" });
      return;
    }
    // Drawn here rather than with pdfkit's list(), which lets a word longer than the line run into
    // the right margin (it measures the split without the item's indent).
    const pdf = this.pdf;
    pdf.font("regular").fontSize(SIZE.body).fillColor(INK);
    const left = pdf.page.margins.left + indent;
    const width = pdf.page.width - pdf.page.margins.right - left;
    const marker = ordered ? 20 : 12;
    const list = pdf.struct("L");
    this.root.add(list);
    kept.forEach((item, index) => {
      this.keepWithNext(1.2);
      const y = pdf.y;
      const entry = pdf.struct("LI");
      list.add(entry);
      entry.add(
        pdf.struct("Lbl", {}, () => {
          pdf.text(ordered ? `${index + 1}.` : "•", left, y, { width: marker, lineBreak: false });
        }),
      );
      entry.add(
        pdf.struct("LBody", {}, () => {
          pdf.text(item, left + marker, y, { width: width - marker, paragraphGap: 2 });
        }),
      );
      entry.end();
    });
    list.end();
    pdf.x = pdf.page.margins.left;
    this.pdf.moveDown(0.3);
  }
}

function writeBody(doc: JobDocument, writer: Writer) {
  const t = documentMessages(doc);
  const separator = labelSeparator(doc);
  writer.title(doc.title);
  writer.paragraph(kindLabel(doc), { font: "bold", color: MUTED });
  for (const fact of documentFacts(doc)) writer.paragraph(`${fact.label}${separator}${fact.value}`);

  writer.heading(t.jobDocSummary, 1);
  writer.text(doc.summary, t.jobDocNothingListed);
  writer.heading(t.jobDocDuties, 1);
  writer.list(doc.duties, true, t.jobDocNothingListed);
  writer.heading(t.jobDocQualifications, 1);
  writer.list(doc.qualifications, false, t.jobDocNothingListed);

  writer.heading(t.jobDocCompetencies, 1);
  const groups = groupRequirements(doc.requirements);
  if (groups.length === 0) writer.paragraph(t.jobDocNoRequirements, { font: "italic" });
  else writer.paragraph(t.jobDocCompetenciesIntro(doc.scale.name));
  for (const group of groups) {
    writer.heading(group.area, 2);
    for (const requirement of group.requirements) {
      writer.pdf.font("bold").fontSize(SIZE.body);
      writer.paragraph(competencyLabel(requirement), { font: "bold" });
      writer.paragraph(`${levelLabel(doc, requirement)} · ${importanceLabel(doc, requirement)}`, { color: BRAND });
      if (requirement.levelDescriptor.trim()) writer.paragraph(requirement.levelDescriptor);
      if (requirement.ksas.length > 0) {
        writer.paragraph(t.jobDocKsas, { font: "italic" });
        writer.list(
          requirement.ksas.map((ksa) => (ksa.kind ? `${ksa.kind} — ${ksa.text}` : ksa.text)),
          false,
          "",
          10,
        );
      }
      writer.paragraph(t.jobDocSource(requirement.edition), { size: SIZE.small, color: MUTED });
      writer.pdf.moveDown(0.4);
    }
  }

  writer.heading(t.jobDocWorkingConditions, 1);
  writer.text(doc.workingConditions, t.jobDocNothingListed);
  if (doc.scale.levels.length > 0) {
    writer.heading(t.jobDocScale, 1);
    writer.paragraph(doc.scale.name, { font: "italic" });
    for (const level of [...doc.scale.levels].sort((a, b) => a.number - b.number)) {
      writer.paragraph(`${level.number}. ${level.label}`, { font: "bold" });
      if (level.descriptor.trim()) writer.paragraph(level.descriptor);
    }
  }
  const posting = doc.kind === "posting" ? doc.posting : undefined;
  if (posting) {
    writer.heading(t.jobDocHowToApply, 1);
    writer.text(posting.howToApply, t.jobDocNothingListed);
  }
  writer.pdf.moveDown(1);
  writer.paragraph(t.jobDocGeneratedOn(documentDate(doc, doc.generatedAt)), {
    font: "italic",
    size: SIZE.small,
    color: MUTED,
  });
}

/** "Title — Page 2 of 5" at the foot of every page, marked as a pagination artifact. */
function writePageNumbers(doc: JobDocument, pdf: Pdf) {
  const t = documentMessages(doc);
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    const bottom = pdf.page.margins.bottom;
    // Writing below the bottom margin would start a new page: lift it while the footer is written.
    pdf.page.margins.bottom = 0;
    pdf.markContent("Artifact", { type: "Pagination" });
    pdf
      .font("regular")
      .fontSize(SIZE.small)
      .fillColor(MUTED)
      .text(
        `${printable(doc.title)} — ${t.jobDocPageOf(index - range.start + 1, range.count)}`,
        MARGIN,
        pdf.page.height - bottom + FOOTER_GAP / 2,
        {
          width: pdf.page.width - 2 * MARGIN,
          align: "center",
          lineBreak: false,
          ellipsis: true,
          height: SIZE.small * 1.5,
        },
      );
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
}

/** The PDF's bytes. */
export async function renderJobPdf(doc: JobDocument): Promise<Buffer> {
  const fontFiles = loadFonts();
  const pdf = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
    lang: languageTag(doc.lang),
    tagged: true,
    displayTitle: true,
    pdfVersion: "1.7",
    bufferPages: true,
    // The default would load Helvetica's metrics, never used here.
    font: fontFiles.regular as unknown as string,
    info: {
      Title: printable(doc.title),
      Author: printable(doc.organisation.name),
      Subject: kindLabel(doc),
      Creator: "Skillshelf",
      CreationDate: Number.isNaN(Date.parse(doc.generatedAt)) ? new Date() : new Date(doc.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.registerFont("regular", fontFiles.regular as unknown as FontSource);
  pdf.registerFont("bold", fontFiles.bold as unknown as FontSource);
  pdf.registerFont("italic", fontFiles.italic as unknown as FontSource);
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  writeBody(doc, new Writer(pdf, root));
  root.end();
  writePageNumbers(doc, pdf);
  pdf.end();
  return done;
}
