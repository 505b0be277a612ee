/**
 * The team insights as a tagged PDF (fonts, tags, language and page numbers from
 * src/profiles/documents/pdf-kit.ts): the heatmap drawn as tables of coloured cells holding their
 * number or symbol (a few competencies per table, so a wide team still fits the page, each table
 * repeating the people), the key of the codes, and the ranked gaps as a bar chart (vector drawing
 * from the same numbers, tagged as a figure with its text alternative) and as a table.
 */
import { formatNumber, type Lang, messages } from "../../i18n/index.ts";
import { languageTag } from "../../profiles/documents/model.ts";
import { BRAND, INK, MUTED, renderTaggedPdf, SIZE, type Writer } from "../../profiles/documents/pdf-kit.ts";
import { cellFill } from "./exports.ts";
import { type Cell, type Competency, cellValue, type Heatmap, type HeatmapOptions, type RankedGap } from "./model.ts";
import { areaName, CHART_BARS, competencyLabel, competencyName } from "./views.tsx";

const ROW = 14;
const NAME_WIDTH = 130;
const CELL_WIDTH = 26;
const MAX_CELL_WIDTH = 52;
const TOTAL_WIDTH = 44;
const FONT = 7.5;
const GRID = "#9aa3ab";

interface PdfCell {
  text: string;
  fill?: string | null;
  header?: boolean;
}
interface Column {
  header: string;
  width: number;
}

const argbToHex = (argb: string) => `#${argb.slice(2)}`;

/** A tagged table: a header row of TH, then rows whose first cell is their TH; repeats the header on a new page. */
function drawTable(writer: Writer, columns: Column[], rows: PdfCell[][]) {
  const pdf = writer.pdf;
  const left = pdf.page.margins.left;
  const table = pdf.struct("Table");
  writer.root.add(table);
  const drawRow = (cells: PdfCell[], isHeader: boolean) => {
    // A header row is as tall as its longest heading wrapped in its column; a body row is one line.
    pdf.font("bold").fontSize(FONT);
    const height = isHeader
      ? Math.max(
          ROW,
          ...cells.map(
            (cell, index) =>
              pdf.heightOfString(cell.text || " ", { width: (columns[index]?.width ?? CELL_WIDTH) - 4 }) + 6,
          ),
        )
      : ROW;
    if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
    const y = pdf.y;
    const tr = pdf.struct("TR");
    table.add(tr);
    let x = left;
    cells.forEach((cell, index) => {
      const width = columns[index]?.width ?? CELL_WIDTH;
      pdf.markContent("Artifact", { type: "Layout" });
      if (cell.fill) pdf.rect(x, y, width, height).fill(cell.fill);
      pdf.rect(x, y, width, height).lineWidth(0.4).stroke(GRID);
      pdf.endMarkedContent();
      const th = isHeader || index === 0 || cell.header;
      const cellX = x;
      tr.add(
        pdf.struct(th ? "TH" : "TD", {}, () => {
          pdf
            .font(th ? "bold" : "regular")
            .fontSize(FONT)
            .fillColor(INK)
            .text(cell.text || " ", cellX + 2, y + 3.5, {
              width: width - 4,
              height: height - 3,
              lineBreak: isHeader,
              ellipsis: true,
              align: index === 0 ? "left" : "center",
            });
        }),
      );
      x += width;
    });
    tr.end();
    pdf.x = left;
    pdf.y = y + height;
  };
  const header = columns.map((c) => ({ text: c.header }));
  drawRow(header, true);
  for (const row of rows) {
    if (pdf.y + ROW > pdf.page.maxY()) {
      pdf.addPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  table.end();
  pdf.x = left;
  pdf.moveDown(0.8);
}

const symbolOf = (cell: Cell, mode: HeatmapOptions["mode"], lang: Lang) => {
  const value = cellValue(cell, mode);
  if (value !== null) return formatNumber(value, lang);
  return cell.kind === "absent" ? "·" : cell.kind === "unassessed" ? "?" : "∅";
};

function writeHeatmap(writer: Writer, heatmap: Heatmap, options: HeatmapOptions, lang: Lang) {
  const t = messages(lang);
  const pdf = writer.pdf;
  const usable = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const header = (c: Competency) => c.code ?? competencyName(c, lang).slice(0, 4);
  // Wide enough for the widest code (up to a limit: a longer one wraps in its header).
  pdf.font("bold").fontSize(FONT);
  const cellWidth = Math.min(
    MAX_CELL_WIDTH,
    Math.max(CELL_WIDTH, ...heatmap.columns.map((c) => Math.ceil(pdf.widthOfString(header(c))) + 6)),
  );
  const perTable = Math.max(1, Math.floor((usable - NAME_WIDTH - 2 * TOTAL_WIDTH) / cellWidth));
  writer.heading(t.itHeatmapHeading, 1);
  writer.paragraph(t.itPdfLegend(options.mode));
  if (heatmap.rows.length === 0 || heatmap.columns.length === 0) {
    writer.paragraph(heatmap.rows.length === 0 ? t.itEmptyScope : t.itEmptyRows, { font: "italic" });
    return;
  }
  for (let start = 0; start < heatmap.columns.length; start += perTable) {
    const slice = heatmap.columns.slice(start, start + perTable);
    const last = start + perTable >= heatmap.columns.length;
    if (heatmap.columns.length > perTable)
      writer.heading(t.itPdfPart(start + 1, start + slice.length, heatmap.columns.length), 2);
    const columns: Column[] = [
      { header: t.itColPerson, width: NAME_WIDTH },
      ...slice.map((c) => ({ header: header(c), width: cellWidth })),
      ...(last
        ? [
            { header: t.itPdfTotal, width: TOTAL_WIDTH },
            { header: t.itColUnassessed, width: TOTAL_WIDTH },
          ]
        : []),
    ];
    const rows = heatmap.rows.map((row) => [
      { text: row.person.name },
      ...row.cells.slice(start, start + perTable).map((cell) => {
        const fill = cellFill(cell, options.mode);
        return { text: symbolOf(cell, options.mode, lang), fill: fill ? argbToHex(fill) : null };
      }),
      ...(last
        ? [
            { text: row.assessmentId === null ? "—" : formatNumber(row.totalGap, lang) },
            { text: row.assessmentId === null ? "—" : formatNumber(row.unassessed, lang) },
          ]
        : []),
    ]);
    drawTable(writer, columns, rows);
  }
  writer.heading(t.itKeyHeading, 2);
  writer.list(
    heatmap.columns.map(
      (c) =>
        `${c.code ?? "—"}: ${competencyName(c, lang)}${c.gone ? ` (${t.itGone})` : ""}${c.area ? ` — ${areaName(c.area, lang)}` : ""}`,
    ),
    false,
    "",
  );
}

function writeChart(writer: Writer, ranked: readonly RankedGap[], lang: Lang) {
  const t = messages(lang);
  const pdf = writer.pdf;
  const bars = ranked.slice(0, CHART_BARS);
  const labelWidth = 200;
  const barArea = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right - labelWidth - 30;
  const height = bars.length * 16 + 8;
  if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
  const top = pdf.y;
  const left = pdf.page.margins.left;
  const max = Math.max(1, ...bars.map((b) => b.score));
  const alt = `${t.itChartTitle}. ${bars.map((b) => `${competencyLabel(b.competency, lang)}: ${b.score}`).join("; ")}`;
  writer.root.add(
    pdf.struct("Figure", { alt }, () => {
      bars.forEach((bar, index) => {
        const y = top + 4 + index * 16;
        pdf
          .font("regular")
          .fontSize(FONT)
          .fillColor(INK)
          .text(competencyLabel(bar.competency, lang), left, y + 2, {
            width: labelWidth - 6,
            lineBreak: false,
            ellipsis: true,
          });
        const width = (bar.score / max) * barArea;
        if (width > 0) pdf.rect(left + labelWidth, y, width, 11).fill(BRAND);
        pdf
          .fillColor(INK)
          .text(formatNumber(bar.score, lang), left + labelWidth + width + 3, y + 2, { lineBreak: false });
      });
      pdf
        .moveTo(left + labelWidth, top)
        .lineTo(left + labelWidth, top + height)
        .lineWidth(0.6)
        .stroke(MUTED);
    }),
  );
  pdf.x = left;
  pdf.y = top + height + 8;
}

function writeGaps(writer: Writer, ranked: readonly RankedGap[], lang: Lang) {
  const t = messages(lang);
  writer.heading(t.itGapsHeading, 1);
  writer.paragraph(t.itGapsIntro);
  if (ranked.length === 0) {
    writer.paragraph(t.itGapsEmpty, { font: "italic" });
    return;
  }
  writeChart(writer, ranked, lang);
  const columns: Column[] = [
    { header: t.itColCompetency, width: 220 },
    { header: t.itColScore, width: 46 },
    { header: t.itColAffected, width: 58 },
    { header: t.itColGapTotal, width: 58 },
    { header: t.itColUnassessed, width: 58 },
    { header: t.itColPeople, width: 58 },
  ];
  drawTable(
    writer,
    columns,
    ranked.map((r) => [
      { text: competencyLabel(r.competency, lang) },
      ...[r.score, r.affected, r.gapTotal, r.unassessed, r.people].map((n) => ({ text: formatNumber(n, lang) })),
    ]),
  );
}

export function teamPdf(input: {
  heatmap: Heatmap;
  ranked: readonly RankedGap[];
  options: HeatmapOptions;
  lang: Lang;
  organisationName: string;
  managerName: string;
  createdAt: string;
}): Promise<Buffer> {
  const t = messages(input.lang);
  const title = `${t.itTitle} — ${input.managerName}`;
  return renderTaggedPdf({
    lang: languageTag(input.lang),
    title,
    author: input.organisationName,
    subject: t.itPdfSubject,
    createdAt: input.createdAt,
    footer: (page, pages) => t.itPdfFooter(title, page, pages),
    body: (writer) => {
      writer.title(title);
      writer.paragraph(t.itPdfFacts(input.organisationName, input.options.scope, input.heatmap.rows.length), {
        color: MUTED,
        size: SIZE.body,
      });
      writeHeatmap(writer, input.heatmap, input.options, input.lang);
      writeGaps(writer, input.ranked, input.lang);
    },
  });
}
