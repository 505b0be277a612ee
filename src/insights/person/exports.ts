/**
 * A person's insights as files: CSV and XLSX with the page's columns, headed in the address's
 * language, and a tagged PDF with the chart drawn (vector, from the same numbers as the table) and
 * the competencies. Cells a spreadsheet would read as a formula keep their text behind an
 * apostrophe (as every export of the app does).
 *
 * The CSV holds the latest assessment (one table per file); the workbook and the PDF also hold the
 * change across cycles.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { formatDate } from "../../i18n/format.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { languageTag } from "../../profiles/documents/model.ts";
import { BRAND, INK, MUTED, renderTaggedPdf, SIZE, type Writer } from "../../profiles/documents/pdf-kit.ts";
import { safeCell } from "../learning/csv.ts";
import { axisLabel, topLevel } from "./charts.ts";
import type { CompetencyLine, PersonInsights } from "./model.ts";
import { areaText, cellText, competencyText, gapText, importanceText, levelsText, statusText } from "./words.ts";

type Assessed = Extract<PersonInsights, { kind: "assessed" }>;
type Cell = string | number;

/** The latest assessment: a header row, then a row per competency in the page's order. */
export function latestTable(insights: PersonInsights, lang: Lang): Cell[][] {
  const t = messages(lang);
  const header = [
    t.ipColumnArea,
    t.ipColumnCode,
    t.ipColumnCompetency,
    t.ipColumnImportance,
    t.ipColumnTarget,
    t.ipColumnAgreed,
    t.ipColumnGap,
    t.ipColumnStatus,
  ];
  if (insights.kind !== "assessed") return [header];
  return [
    header,
    ...insights.latest.groups.flatMap((group) =>
      group.lines.map((line) => [
        areaText(group, lang),
        line.code ?? "",
        line.name ?? t.ipGone,
        importanceText(line.importance, lang),
        line.target ?? "",
        line.agreed ?? "",
        line.gap.kind === "assessed" ? line.gap.gap : "",
        statusText(line.gap, lang),
      ]),
    ),
  ];
}

/** The change across cycles: competency, then a column per cycle. */
export function historyTable(insights: PersonInsights, lang: Lang): Cell[][] {
  const t = messages(lang);
  if (insights.kind !== "assessed") return [[t.ipColumnCode, t.ipColumnCompetency]];
  const { cycles, lines } = insights.history;
  return [
    [t.ipColumnCode, t.ipColumnCompetency, ...cycles.map((cycle) => cycle.name)],
    ...lines.map((line) => [
      line.code ?? "",
      line.name ?? t.ipGone,
      ...line.cells.map((cell) => (cell.kind === "agreed" ? cell.level : cellText(cell, lang))),
    ]),
  ];
}

const safe = (cell: Cell) => (typeof cell === "string" ? safeCell(cell) : cell);

export function insightsCsv(insights: PersonInsights, lang: Lang): Buffer {
  const table = latestTable(insights, lang).map((row) => row.map((cell) => String(safe(cell))));
  return Buffer.from(stringify(table, { bom: true, record_delimiter: "windows" }), "utf8");
}

const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);

export async function insightsXlsx(insights: PersonInsights, lang: Lang): Promise<Buffer> {
  const t = messages(lang);
  const workbook = new ExcelJS.Workbook();
  const sheets: [string, Cell[][], number[]][] = [
    [t.ipSheetLatest, latestTable(insights, lang), [28, 10, 48, 14, 8, 14, 8, 18]],
    [t.ipSheetHistory, historyTable(insights, lang), [10, 48]],
  ];
  for (const [name, table, widths] of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: "frozen", ySplit: 1 }] });
    const [header, ...body] = table;
    sheet.addRow(header as Cell[]).font = { bold: true };
    // Written as values, never as formulas; the apostrophe keeps a pasted copy harmless too.
    for (const row of body) sheet.addRow(row.map(safe));
    sheet.columns.forEach((column, i) => {
      column.width = widths[i] ?? 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface PdfInput {
  insights: PersonInsights;
  lang: Lang;
  personName: string;
  /** The latest cycle's scale, lowest level first. */
  levels: readonly { number: number; label: string }[];
  organisation: string;
  generatedAt: string;
  /** The organisation's time zone (decision 054): the day the PDF was made, there. */
  timeZone?: string;
}

export async function insightsPdf(input: PdfInput): Promise<Buffer> {
  const t = messages(input.lang);
  const title = t.ipTitleOf(input.personName);
  return renderTaggedPdf({
    lang: languageTag(input.lang),
    title,
    author: input.organisation,
    subject: t.ipLatestHeading,
    createdAt: input.generatedAt,
    footer: (page, pages) => `${title} — ${page} / ${pages}`,
    body: (writer) => writeBody(writer, input),
  });
}

function writeBody(writer: Writer, input: PdfInput) {
  const t = messages(input.lang);
  const { insights, lang } = input;
  writer.title(t.ipTitleOf(input.personName));
  writer.paragraph(input.organisation, { color: MUTED });
  if (insights.kind !== "assessed") {
    writer.paragraph(t.ipNoAssessment, { font: "italic" });
  } else {
    writeLatest(writer, insights, lang, input.levels);
    writeHistory(writer, insights, lang);
  }
  writer.pdf.moveDown(1);
  writer.paragraph(t.ipPdfGenerated(formatDate(input.generatedAt, lang, input.timeZone)), {
    font: "italic",
    size: SIZE.small,
    color: MUTED,
  });
}

function writeLatest(writer: Writer, insights: Assessed, lang: Lang, levels: PdfInput["levels"]) {
  const t = messages(lang);
  const { latest } = insights;
  writer.heading(t.ipLatestHeading, 1);
  writer.paragraph(t.ipLatestFrom(latest.cycle.name));
  if (!latest.anyAgreed) writer.paragraph(t.ipNothingAgreed, { font: "italic" });
  writer.paragraph(t.ipSummary(latest.counts.below, latest.counts.met, latest.counts.unassessed));
  drawGapsChart(
    writer,
    latest.groups.flatMap((group) => group.lines),
    `${t.ipChartTitle}. ${t.ipChartLegend}`,
    levels.length,
  );
  if (levels.length > 0) writer.paragraph(t.ipScaleLevels(levelsText(levels)), { color: MUTED });
  for (const group of latest.groups) {
    writer.heading(areaText(group, lang), 2);
    for (const line of group.lines) {
      writer.paragraph(competencyText(line, lang), { font: "bold" });
      writer.paragraph(
        [
          `${t.ipColumnImportance} : ${importanceText(line.importance, lang)}`,
          `${t.ipColumnTarget} : ${line.target ?? t.ipNoTarget}`,
          `${t.ipColumnAgreed} : ${line.agreed ?? t.ipNotAssessed}`,
          `${t.ipColumnGap} : ${gapText(line.gap, lang)}`,
        ]
          .map((part) => (lang === "en" ? part.replace(" : ", ": ") : part))
          .join(" · "),
        { color: line.gap.kind === "assessed" && line.gap.gap > 0 ? BRAND : INK },
      );
    }
  }
}

function writeHistory(writer: Writer, insights: Assessed, lang: Lang) {
  const t = messages(lang);
  writer.heading(t.ipHistoryHeading, 1);
  writer.paragraph(t.ipHistoryIntro);
  const colon = lang === "en" ? ": " : " : ";
  for (const line of insights.history.lines) {
    writer.paragraph(competencyText(line, lang), { font: "bold" });
    writer.paragraph(
      insights.history.cycles
        .map((cycle, i) => `${cycle.name}${colon}${cellText(line.cells[i] ?? { kind: "absent" }, lang)}`)
        .join(" · "),
    );
  }
}

/**
 * The bar chart of the page, drawn with pdfkit's vector paths from the same numbers: a bar per
 * competency (agreed level), a thick mark (target), the level written at the bar's end. Tagged as
 * a Figure with its alternative text.
 */
function drawGapsChart(writer: Writer, lines: readonly CompetencyLine[], alt: string, levelCount: number) {
  const pdf = writer.pdf;
  const rowHeight = 16;
  const labelWidth = 80;
  const left = pdf.page.margins.left;
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const plotWidth = width - labelWidth - 30;
  const top = topLevel(lines, levelCount);
  const scale = (level: number) => (plotWidth * level) / (top + 0.5);
  const rowsPerPage = Math.max(1, Math.floor((pdf.page.maxY() - pdf.page.margins.top - 40) / rowHeight));
  for (let start = 0; start < lines.length; start += rowsPerPage) {
    const part = lines.slice(start, start + rowsPerPage);
    const height = part.length * rowHeight + 20;
    if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
    const y0 = pdf.y + 4;
    const x0 = left + labelWidth;
    writer.root.add(
      pdf.struct("Figure", { alt }, () => {
        pdf.font("regular").fontSize(SIZE.small);
        part.forEach((line, i) => {
          const y = y0 + i * rowHeight;
          pdf
            .fillColor(INK)
            .text(axisLabel(line), left, y + 4, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
          if (line.agreed !== null) pdf.rect(x0, y + 3, scale(line.agreed), rowHeight - 6).fill(BRAND);
          if (line.target !== null)
            pdf
              .moveTo(x0 + scale(line.target), y + 1)
              .lineTo(x0 + scale(line.target), y + rowHeight - 1)
              .lineWidth(3)
              .stroke(INK);
          const shown = line.agreed === null ? "–" : String(line.agreed);
          pdf.fillColor(INK).text(shown, x0 + scale(line.agreed ?? 0) + 4, y + 4, { lineBreak: false });
        });
        const axisY = y0 + part.length * rowHeight + 2;
        pdf.moveTo(x0, y0).lineTo(x0, axisY).lineWidth(1).stroke(INK);
        for (let level = 0; level <= top; level++)
          pdf.fillColor(MUTED).text(String(level), x0 + scale(level) - 3, axisY + 2, { lineBreak: false });
      }),
    );
    pdf.x = left;
    pdf.y = y0 + height;
  }
}
