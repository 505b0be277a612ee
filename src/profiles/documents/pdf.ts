/**
 * The job description or posting as a PDF: tagged (headings, paragraphs, lists and the page numbers
 * as artifacts in a structure tree), the document's language in the catalog (/Lang en-CA or fr-CA),
 * its title shown in the window's title bar, bookmarks for every section and area, page numbers,
 * long text wrapped and carried over to the next page. Same sections, order and words as the
 * printable page (labels.ts).
 *
 * Fonts, tags, bookmarks and page numbers: pdf-kit.ts, shared with the assessment's PDF.
 */
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
import { groupRequirements, type JobDocument, languageTag } from "./model.ts";
import { BRAND, MUTED, renderTaggedPdf, SIZE, type Writer } from "./pdf-kit.ts";

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

/** The PDF's bytes. */
export async function renderJobPdf(doc: JobDocument): Promise<Buffer> {
  const t = documentMessages(doc);
  return renderTaggedPdf({
    lang: languageTag(doc.lang),
    title: doc.title,
    author: doc.organisation.name,
    subject: kindLabel(doc),
    createdAt: doc.generatedAt,
    footer: (page, pages) => `${doc.title} — ${t.jobDocPageOf(page, pages)}`,
    body: (writer) => writeBody(doc, writer),
  });
}
