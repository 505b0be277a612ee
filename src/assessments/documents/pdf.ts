/**
 * A person's assessment as a PDF for their file: the same sections, order and words as the printable
 * page (labels.ts), tagged, in the document's language, with bookmarks for each section and area and
 * page numbers. Fonts, tags and page numbers come from the job documents' kit
 * (src/profiles/documents/pdf-kit.ts). Each competency is a block of short labelled lines rather
 * than a table's row: a tagged PDF table whose cells hold long statements and comments would have to
 * be split across pages by hand, and read aloud it says no more than the labelled lines do.
 */
import { languageTag } from "../../profiles/documents/model.ts";
import { BRAND, MUTED, renderTaggedPdf, SIZE, type Writer } from "../../profiles/documents/pdf-kit.ts";
import {
  areaName,
  assessmentFacts,
  competencyGapText,
  competencyName,
  competencyNotes,
  docDate,
  docMessages,
  docMoment,
  docTitle,
  evidenceLines,
  levelText,
  separator,
  signOffFacts,
  targetText,
} from "./labels.ts";
import { type AssessmentDocument, groupByArea } from "./model.ts";

function writeBody(doc: AssessmentDocument, writer: Writer) {
  const t = docMessages(doc);
  const colon = separator(doc);
  const line = (label: string, value: string, options: { color?: string } = {}) =>
    writer.paragraph(`${label}${colon}${value}`, options);
  writer.title(docTitle(doc));
  writer.paragraph(t.asmtDocKind, { font: "bold", color: MUTED });
  for (const fact of assessmentFacts(doc)) line(fact.label, fact.value);

  writer.heading(t.asmtDocCompetencies, 1);
  const groups = groupByArea(doc.competencies);
  writer.paragraph(groups.length === 0 ? t.asmtDocNoCompetencies : t.asmtDocCompetenciesIntro(doc.scale.name), {
    font: groups.length === 0 ? "italic" : "regular",
  });
  for (const group of groups) {
    writer.heading(areaName(doc, group.area), 2);
    for (const competency of group.competencies) {
      writer.paragraph(competencyName(competency), { font: "bold" });
      const notes = competencyNotes(doc, competency);
      if (notes.length > 0) writer.paragraph(notes.join(" · "), { color: MUTED });
      line(t.asmtDocColTarget, targetText(doc, competency));
      line(t.asmtDocColSelf, levelText(doc, competency.self));
      line(t.asmtDocColManager, levelText(doc, competency.manager));
      line(t.asmtDocColAgreed, levelText(doc, competency.agreed));
      writer.paragraph(competencyGapText(doc, competency), { font: "bold", color: BRAND });
      if (competency.selfComment.trim()) line(t.asmtDocSelfComment, competency.selfComment);
      if (competency.managerComment.trim()) line(t.asmtDocManagerComment, competency.managerComment);
      writer.pdf.moveDown(0.5);
    }
  }

  writer.heading(t.asmtDocConversation, 1);
  if (doc.conversation.date) line(t.asmtDocConversationDate, docDate(doc, doc.conversation.date));
  else writer.paragraph(t.asmtDocConversationNone, { font: "italic" });
  writer.paragraph(t.asmtDocConversationNotes, { font: "bold" });
  writer.text(doc.conversation.notes, t.asmtDocNoNotes);

  writer.heading(t.asmtDocSignOffs, 1);
  for (const fact of signOffFacts(doc)) line(fact.label, fact.value);

  writer.heading(t.asmtDocEvidence, 1);
  if (doc.evidence.length === 0) writer.paragraph(t.asmtDocNoEvidence, { font: "italic" });
  for (const entry of doc.evidence) {
    const { title, details } = evidenceLines(doc, entry);
    writer.paragraph(title, { font: "bold" });
    for (const detail of details) writer.paragraph(detail, { color: MUTED });
    writer.pdf.moveDown(0.3);
  }

  if (doc.scale.levels.length > 0) {
    writer.heading(t.asmtDocScaleHeading, 1);
    writer.paragraph(doc.scale.name, { font: "italic" });
    writer.list(
      doc.scale.levels.map((level) => levelText(doc, level)),
      false,
      "",
    );
  }

  writer.pdf.moveDown(1);
  writer.paragraph(t.asmtDocGeneratedOn(docMoment(doc, doc.generatedAt)), {
    font: "italic",
    size: SIZE.small,
    color: MUTED,
  });
}

/** The PDF's bytes. */
export async function renderAssessmentPdf(doc: AssessmentDocument): Promise<Buffer> {
  const t = docMessages(doc);
  const title = docTitle(doc);
  return renderTaggedPdf({
    lang: languageTag(doc.lang),
    title,
    author: doc.organisation,
    subject: `${t.asmtDocKind} — ${doc.cycle.name}`,
    createdAt: doc.generatedAt,
    footer: (page, pages) => `${title} — ${t.asmtDocPageOf(page, pages)}`,
    body: (writer) => writeBody(doc, writer),
  });
}
