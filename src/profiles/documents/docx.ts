/**
 * The job description or posting as a Word document HR can edit: Word's own Title and Heading 1/2
 * styles (the navigation pane lists them), real numbered and bulleted lists, one table of
 * requirements per area, the document's language on every run (w:lang en-CA / fr-CA, so Word checks
 * the spelling in the right language), and the core properties (title, creator = the organisation).
 * Same sections, same order and same words as the printable page (labels.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
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
import {
  groupRequirements,
  type JobDocument,
  type JobRequirement,
  languageTag,
  paragraphs,
  printable,
} from "./model.ts";

const DUTIES_NUMBERING = "job-duties";
const FONT = "Calibri";
const CELL_MARGIN = { top: 60, bottom: 60, left: 100, right: 100 };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "808080" };

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, keepNext: true, children: [new TextRun(printable(text))] });
}

function plain(text: string, options: { italics?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: printable(text), ...options })] });
}

function textParagraphs(text: string, empty: string): Paragraph[] {
  const list = paragraphs(text);
  return list.length === 0 ? [plain(empty, { italics: true })] : list.map((p) => plain(p));
}

function listParagraphs(items: string[], ordered: boolean, empty: string): Paragraph[] {
  const kept = items.map(printable).filter((item) => item.trim().length > 0);
  if (kept.length === 0) return [plain(empty, { italics: true })];
  return kept.map(
    (item) =>
      new Paragraph({
        children: [new TextRun(item)],
        ...(ordered ? { numbering: { reference: DUTIES_NUMBERING, level: 0 } } : { bullet: { level: 0 } }),
      }),
  );
}

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: CELL_MARGIN,
    ...(header ? { shading: { fill: "E7ECF0" } } : {}),
  });
}

function requirementCell(doc: JobDocument, requirement: JobRequirement): Paragraph[] {
  const t = documentMessages(doc);
  const cellParagraphs = [
    new Paragraph({ children: [new TextRun({ text: printable(competencyLabel(requirement)), bold: true })] }),
  ];
  if (requirement.levelDescriptor.trim()) cellParagraphs.push(plain(requirement.levelDescriptor));
  if (requirement.ksas.length > 0) {
    cellParagraphs.push(plain(t.jobDocKsas, { italics: true }));
    for (const ksa of requirement.ksas)
      cellParagraphs.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun(printable(ksa.kind ? `${ksa.kind} — ${ksa.text}` : ksa.text))],
        }),
      );
  }
  cellParagraphs.push(
    new Paragraph({ children: [new TextRun({ text: printable(t.jobDocSource(requirement.edition)), size: 18 })] }),
  );
  return cellParagraphs;
}

function requirementsTable(doc: JobDocument, requirements: JobRequirement[]): Table {
  const t = documentMessages(doc);
  const head = (text: string) => [new Paragraph({ children: [new TextRun({ text, bold: true })] })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          cell(head(t.jobDocCompetency), 60, true),
          cell(head(t.jobDocLevel), 25, true),
          cell(head(t.jobDocImportance), 15, true),
        ],
      }),
      ...requirements.map(
        (requirement) =>
          new TableRow({
            children: [
              cell(requirementCell(doc, requirement), 60),
              cell([plain(levelLabel(doc, requirement))], 25),
              cell([plain(importanceLabel(doc, requirement))], 15),
            ],
          }),
      ),
    ],
  });
}

function scaleTable(doc: JobDocument): Table {
  const t = documentMessages(doc);
  const head = (text: string) => [new Paragraph({ children: [new TextRun({ text, bold: true })] })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell(head(t.jobDocScaleLevel), 10, true),
          cell(head(t.jobDocScaleLabel), 25, true),
          cell(head(t.jobDocScaleDescriptor), 65, true),
        ],
      }),
      ...[...doc.scale.levels]
        .sort((a, b) => a.number - b.number)
        .map(
          (level) =>
            new TableRow({
              cantSplit: true,
              children: [
                cell([plain(String(level.number))], 10),
                cell([plain(level.label)], 25),
                cell([plain(level.descriptor)], 65),
              ],
            }),
        ),
    ],
  });
}

/** The document's body, in the same order as the printable page. */
function body(doc: JobDocument): (Paragraph | Table)[] {
  const t = documentMessages(doc);
  const children: (Paragraph | Table)[] = [
    heading(doc.title, HeadingLevel.TITLE),
    plain(kindLabel(doc), { bold: true }),
    ...documentFacts(doc).map(
      (fact) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${printable(fact.label)}${labelSeparator(doc)}`, bold: true }),
            new TextRun(printable(fact.value)),
          ],
        }),
    ),
    heading(t.jobDocSummary, HeadingLevel.HEADING_1),
    ...textParagraphs(doc.summary, t.jobDocNothingListed),
    heading(t.jobDocDuties, HeadingLevel.HEADING_1),
    ...listParagraphs(doc.duties, true, t.jobDocNothingListed),
    heading(t.jobDocQualifications, HeadingLevel.HEADING_1),
    ...listParagraphs(doc.qualifications, false, t.jobDocNothingListed),
    heading(t.jobDocCompetencies, HeadingLevel.HEADING_1),
  ];
  const groups = groupRequirements(doc.requirements);
  if (groups.length === 0) children.push(plain(t.jobDocNoRequirements, { italics: true }));
  else children.push(plain(t.jobDocCompetenciesIntro(doc.scale.name)));
  for (const group of groups) {
    children.push(heading(group.area, HeadingLevel.HEADING_2), requirementsTable(doc, group.requirements));
  }
  children.push(
    heading(t.jobDocWorkingConditions, HeadingLevel.HEADING_1),
    ...textParagraphs(doc.workingConditions, t.jobDocNothingListed),
  );
  if (doc.scale.levels.length > 0) {
    children.push(
      heading(t.jobDocScale, HeadingLevel.HEADING_1),
      plain(doc.scale.name, { italics: true }),
      scaleTable(doc),
    );
  }
  const posting = doc.kind === "posting" ? doc.posting : undefined;
  if (posting) {
    children.push(
      heading(t.jobDocHowToApply, HeadingLevel.HEADING_1),
      ...textParagraphs(posting.howToApply, t.jobDocNothingListed),
    );
  }
  children.push(plain(t.jobDocGeneratedOn(documentDate(doc, doc.generatedAt)), { italics: true }));
  return children;
}

export function buildJobDocx(doc: JobDocument): Document {
  const t = documentMessages(doc);
  const language = { value: languageTag(doc.lang) };
  return new Document({
    title: printable(doc.title),
    subject: kindLabel(doc),
    creator: printable(doc.organisation.name),
    lastModifiedBy: printable(doc.organisation.name),
    description: kindLabel(doc),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language } },
        title: { run: { font: FONT, size: 44, bold: true, language } },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: "0B5A7A", language },
          paragraph: { spacing: { before: 320, after: 120 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, language },
          paragraph: { spacing: { before: 240, after: 100 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: DUTIES_NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: [
                      `${printable(doc.title)} — ${t.jobDocPageWord} `,
                      PageNumber.CURRENT,
                      ` ${t.jobDocOfWord} `,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body(doc),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderJobDocx(doc: JobDocument): Promise<Buffer> {
  return Packer.toBuffer(buildJobDocx(doc));
}
