/**
 * What every PDF of the app shares (job documents here, an assessment in src/assessments/documents):
 * DejaVu Sans embedded as subsets, a tagged structure tree whose blocks a `Writer` adds in order
 * (headings, paragraphs, lists), bookmarks for the headings, the language in the catalog, and the
 * page numbers at the foot of every page as pagination artifacts.
 *
 * Fonts: DejaVu Sans (npm `dejavu-fonts-ttf`). PDF's standard fonts would render French, but they
 * are not embedded and hold only Windows-1252: a name in Vietnamese, Polish or Greek would print as
 * dots. DejaVu covers Latin, Greek and Cyrillic; a character it lacks prints as an empty box, never
 * as an error.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { paragraphs, printable } from "./model.ts";

export type Pdf = InstanceType<typeof PDFDocument>;
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
export function loadFonts() {
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

export const MARGIN = 56; // points: about 2 cm
export const FOOTER_GAP = 24;
export const SIZE = { title: 20, h1: 14, h2: 12, body: 10, small: 8.5 };
export const INK = "#1b1f24";
export const BRAND = "#0b5a7a";
export const MUTED = "#4a5560";

/** Writes the document's blocks in order, each a structure element of the tree. */
export class Writer {
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

export interface TaggedPdfOptions {
  /** BCP 47, e.g. "fr-CA": the catalog's /Lang. */
  lang: string;
  /** Shown in the window's title bar. */
  title: string;
  author: string;
  subject: string;
  /** ISO date-time; an unreadable one is now. */
  createdAt: string;
  /** The text at the foot of each page, e.g. "Title — Page 2 of 5". */
  footer: (page: number, pages: number) => string;
  body: (writer: Writer) => void;
}

/** The footer of every page, marked as a pagination artifact. */
function writeFooters(pdf: Pdf, footer: TaggedPdfOptions["footer"]) {
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
        printable(footer(index - range.start + 1, range.count)),
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

/** A tagged Letter-size PDF whose body `options.body` writes; its bytes. */
export async function renderTaggedPdf(options: TaggedPdfOptions): Promise<Buffer> {
  const fontFiles = loadFonts();
  const pdf = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
    lang: options.lang,
    tagged: true,
    displayTitle: true,
    pdfVersion: "1.7",
    bufferPages: true,
    // The default would load Helvetica's metrics, never used here.
    font: fontFiles.regular as unknown as string,
    info: {
      Title: printable(options.title),
      Author: printable(options.author),
      Subject: printable(options.subject),
      Creator: "Skillshelf",
      CreationDate: Number.isNaN(Date.parse(options.createdAt)) ? new Date() : new Date(options.createdAt),
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
  options.body(new Writer(pdf, root));
  root.end();
  writeFooters(pdf, options.footer);
  pdf.end();
  return done;
}
