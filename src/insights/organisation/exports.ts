/**
 * Downloads of the organisation's insights: CSV (BOM, CRLF, formula-safe), XLSX (one sheet per
 * table) and a tagged PDF whose charts pdfkit draws as vectors from the same numbers. Each writes
 * the tables of report.ts, built from the same page model as the page: a suppressed figure is the
 * words "fewer than 5" here too, never its value.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { type Lang, messages } from "../../i18n/index.ts";
import { BRAND, INK, MUTED, type Pdf, renderTaggedPdf, SIZE, type Writer } from "../../profiles/documents/pdf-kit.ts";
import { type Cell, cellText, isSuppressed, type Table } from "./report.ts";

const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** Numbers stay numbers in a spreadsheet; texts are formula-safe; a suppressed figure is its words. */
const rawCell = (cell: Cell, lang: Lang): string | number =>
  isSuppressed(cell) ? messages(lang).ioFewerThan5 : typeof cell === "number" ? cell : safe(cell);

export function tablesCsv(tables: readonly Table[], lang: Lang): Buffer {
  const lines: (string | number)[][] = [];
  tables.forEach((table, index) => {
    if (index > 0) lines.push([]);
    if (tables.length > 1) lines.push([safe(table.caption)]);
    lines.push(table.header.map(safe));
    for (const row of table.rows) lines.push(row.map((cell) => rawCell(cell, lang)));
  });
  return Buffer.from(stringify(lines, { bom: true, record_delimiter: "windows" }), "utf8");
}

export async function tablesXlsx(sheets: readonly { name: string; table: Table }[], lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet", {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => rawCell(cell, lang)));
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 24 : table.header[i] && table.header[i].length > 30 ? 40 : 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; table: Table; widths?: number[] }
  | { kind: "bars"; label: string; bars: { label: string; value: number }[] }
  | { kind: "lines"; label: string; points: { series: string; x: string; value: number }[]; xOrder: string[] };

const PALETTE = ["#0b5a7a", "#b35900", "#2f7d32", "#7b3fa0", "#a4262c", "#4a5560"];

function contentWidth(pdf: Pdf) {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function ensureSpace(pdf: Pdf, height: number) {
  if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
}

/** A tagged table: header row of TH, rows of TD; a row never splits across pages. */
function drawTable(writer: Writer, table: Table, lang: Lang, widths?: number[]) {
  const pdf = writer.pdf;
  const left = pdf.page.margins.left;
  const total = contentWidth(pdf);
  const columns = table.header.length;
  const share = widths ?? table.header.map(() => 1);
  const sum = share.reduce((a, b) => a + b, 0);
  const width = share.map((w) => (w / sum) * total);
  const element = pdf.struct("Table");
  writer.root.add(element);
  const row = (cells: string[], header: boolean) => {
    pdf.font(header ? "bold" : "regular").fontSize(SIZE.small);
    const height = Math.max(...cells.map((cell, i) => pdf.heightOfString(cell, { width: (width[i] ?? 40) - 6 }))) + 6;
    ensureSpace(pdf, height);
    const y = pdf.y;
    const tr = pdf.struct("TR");
    element.add(tr);
    let x = left;
    cells.forEach((cell, i) => {
      const w = width[i] ?? 40;
      tr.add(
        pdf.struct(header ? "TH" : "TD", {}, () => {
          pdf.fillColor(INK).text(cell, x + 3, y + 3, { width: w - 6 });
        }),
      );
      x += w;
    });
    tr.end();
    pdf.markContent("Artifact", { type: "Layout" });
    pdf
      .moveTo(left, y + height)
      .lineTo(left + total, y + height)
      .lineWidth(0.5)
      .strokeColor(header ? INK : "#c8ccd0")
      .stroke();
    pdf.endMarkedContent();
    pdf.x = left;
    pdf.y = y + height;
  };
  row(table.header.slice(0, columns), true);
  for (const cells of table.rows)
    row(
      cells.map((cell) => cellText(cell, lang)),
      false,
    );
  element.end();
  pdf.x = left;
  pdf.moveDown(0.6);
}

/** Horizontal bars drawn from the numbers, as a figure with its alternative text. */
function drawBars(writer: Writer, label: string, bars: { label: string; value: number }[], lang: Lang) {
  const pdf = writer.pdf;
  if (bars.length === 0) return;
  const left = pdf.page.margins.left;
  const labelWidth = 150;
  const barArea = contentWidth(pdf) - labelWidth - 40;
  const rowHeight = 16;
  const height = bars.length * rowHeight + 8;
  ensureSpace(pdf, height + 10);
  const top = pdf.y;
  const max = Math.max(1, ...bars.map((b) => b.value));
  writer.root.add(
    pdf.struct("Figure", { alt: label }, () => {
      bars.forEach((bar, i) => {
        const y = top + i * rowHeight;
        pdf.font("regular").fontSize(SIZE.small).fillColor(INK);
        pdf.text(bar.label, left, y + 3, {
          width: labelWidth - 6,
          height: rowHeight,
          ellipsis: true,
          lineBreak: false,
        });
        const w = (bar.value / max) * barArea;
        pdf.rect(left + labelWidth, y + 2, Math.max(w, 0.5), rowHeight - 5).fill(BRAND);
        pdf
          .fillColor(MUTED)
          .text(messages(lang).ioDecimal(bar.value), left + labelWidth + w + 4, y + 3, { lineBreak: false });
      });
    }),
  );
  pdf.x = left;
  pdf.y = top + height;
  pdf.moveDown(0.5);
}

/** One line per series over the cycles, drawn from the numbers. */
function drawLines(
  writer: Writer,
  label: string,
  points: { series: string; x: string; value: number }[],
  xOrder: string[],
  lang: Lang,
) {
  const pdf = writer.pdf;
  if (points.length === 0 || xOrder.length === 0) return;
  const left = pdf.page.margins.left + 30;
  const width = contentWidth(pdf) - 150;
  const height = 140;
  ensureSpace(pdf, height + 40);
  const top = pdf.y + 6;
  const max = Math.max(1, ...points.map((p) => p.value));
  const xAt = (x: string) =>
    left + (xOrder.length === 1 ? width / 2 : (xOrder.indexOf(x) / (xOrder.length - 1)) * width);
  const yAt = (v: number) => top + height - (v / max) * height;
  const series = [...new Set(points.map((p) => p.series))];
  writer.root.add(
    pdf.struct("Figure", { alt: label }, () => {
      pdf.lineWidth(0.5).strokeColor(MUTED);
      pdf
        .moveTo(left, top)
        .lineTo(left, top + height)
        .lineTo(left + width, top + height)
        .stroke();
      pdf.font("regular").fontSize(SIZE.small).fillColor(MUTED);
      pdf.text(messages(lang).ioDecimal(max), left - 30, top - 3, { width: 26, align: "right", lineBreak: false });
      pdf.text("0", left - 30, top + height - 5, { width: 26, align: "right", lineBreak: false });
      for (const x of xOrder)
        pdf.text(x, xAt(x) - 40, top + height + 4, { width: 80, align: "center", height: 12, ellipsis: true });
      series.forEach((name, i) => {
        const color = PALETTE[i % PALETTE.length] as string;
        const mine = points.filter((p) => p.series === name).sort((a, b) => xOrder.indexOf(a.x) - xOrder.indexOf(b.x));
        pdf.lineWidth(1.5).strokeColor(color);
        mine.forEach((p, j) => {
          if (j === 0) pdf.moveTo(xAt(p.x), yAt(p.value));
          else pdf.lineTo(xAt(p.x), yAt(p.value));
        });
        if (mine.length > 1) pdf.stroke();
        for (const p of mine) pdf.circle(xAt(p.x), yAt(p.value), 2.5).fill(color);
        const last = mine[mine.length - 1];
        if (last)
          pdf
            .fillColor(color)
            .text(name, xAt(last.x) + 6, yAt(last.value) - 4, { width: 100, lineBreak: false, ellipsis: true });
      });
    }),
  );
  pdf.fillColor(INK).strokeColor(INK);
  pdf.x = pdf.page.margins.left;
  pdf.y = top + height + 24;
}

export function blocksPdf(options: {
  lang: Lang;
  title: string;
  subject: string;
  author: string;
  blocks: readonly PdfBlock[];
}): Promise<Buffer> {
  const t = messages(options.lang);
  return renderTaggedPdf({
    lang: options.lang === "fr" ? "fr-CA" : "en-CA",
    title: options.title,
    author: options.author,
    subject: options.subject,
    createdAt: new Date().toISOString(),
    footer: (page, pages) => t.ioPdfFooter(options.title, page, pages),
    body: (writer) => {
      writer.title(options.title);
      for (const block of options.blocks) {
        if (block.kind === "heading") writer.heading(block.text, 1);
        else if (block.kind === "paragraph") writer.paragraph(block.text);
        else if (block.kind === "table") drawTable(writer, block.table, options.lang, block.widths);
        else if (block.kind === "bars") drawBars(writer, block.label, block.bars, options.lang);
        else drawLines(writer, block.label, block.points, block.xOrder, options.lang);
      }
    },
  });
}
