/**
 * The words the printable page and the PDF share, composed once from the dictionary (facts, levels,
 * gaps, states, sign-offs, evidence), so that both say exactly the same thing.
 */
import { formatDate, messages } from "../../i18n/index.ts";
import type { Fact } from "../../profiles/documents/labels.ts";
import {
  type AssessedCompetency,
  type AssessmentDocument,
  type AssessmentState,
  type EvidenceEntry,
  type Gap,
  gapOf,
  type RatedLevel,
} from "./model.ts";

export type { Fact };

export const docMessages = (doc: Pick<AssessmentDocument, "lang">) => messages(doc.lang);

/** A date as the document's language writes it, in UTC (a bare YYYY-MM-DD stays on its own day). */
export function docDate(doc: Pick<AssessmentDocument, "lang">, iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : formatDate(iso, doc.lang, "UTC");
}

/** The day an instant (a signature, the printing) fell on in the organisation's zone. */
export function docMoment(doc: Pick<AssessmentDocument, "lang" | "timeZone">, iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : formatDate(iso, doc.lang, doc.timeZone ?? "UTC");
}

export function docTitle(doc: AssessmentDocument): string {
  return docMessages(doc).asmtDocTitle(doc.person.name);
}

export function stateLabel(doc: AssessmentDocument, state: AssessmentState = doc.state): string {
  const t = docMessages(doc);
  const names: Record<AssessmentState, string> = {
    not_started: t.asmtDocStateNotStarted,
    in_progress: t.asmtDocStateInProgress,
    submitted: t.asmtDocStateSubmitted,
    in_review: t.asmtDocStateInReview,
    agreed: t.asmtDocStateAgreed,
    signed_off: t.asmtDocStateSignedOff,
    reopened: t.asmtDocStateReopened,
    withdrawn: t.asmtDocStateWithdrawn,
  };
  return names[state] ?? state;
}

/** "Level 3: Autonomous", "Level 7" for a level the scale does not name, "Not rated" for none. */
export function levelText(doc: AssessmentDocument, level: RatedLevel | null, none?: string): string {
  const t = docMessages(doc);
  if (!level) return none ?? t.asmtDocNotRated;
  return level.label?.trim() ? t.asmtDocLevelNamed(level.number, level.label) : t.asmtDocLevelNumber(level.number);
}

export function targetText(doc: AssessmentDocument, competency: AssessedCompetency): string {
  return levelText(doc, competency.target, docMessages(doc).asmtDocNoTarget);
}

/** The gap in words, e.g. "Gap: 2 levels below the target (agreed level)". */
export function gapText(doc: AssessmentDocument, gap: Gap): string {
  const t = docMessages(doc);
  if (gap.kind === "no-target") return t.asmtDocGapNoTarget;
  if (gap.kind === "not-rated") return t.asmtDocGapNotRated;
  const by = { agreed: t.asmtDocGapByAgreed, manager: t.asmtDocGapByManager, self: t.asmtDocGapBySelf }[gap.by];
  const words =
    gap.kind === "meets"
      ? t.asmtDocGapMeets
      : gap.kind === "below"
        ? t.asmtDocGapBelow(gap.levels)
        : t.asmtDocGapAbove(gap.levels);
  return t.asmtDocGapBy(words, by);
}

export const competencyGapText = (doc: AssessmentDocument, competency: AssessedCompetency) =>
  gapText(doc, gapOf(competency));

/** "Community outreach (CR-2)" when the competency has a code. */
export function competencyName(competency: Pick<AssessedCompetency, "statement" | "code">): string {
  return competency.code ? `${competency.statement} (${competency.code})` : competency.statement;
}

/** Importance and who added it, e.g. "Essential", "Added by the manager"; empty when neither. */
export function competencyNotes(doc: AssessmentDocument, competency: AssessedCompetency): string[] {
  const t = docMessages(doc);
  const notes: string[] = [];
  if (competency.importance) notes.push(competency.importance === "essential" ? t.asmtDocEssential : t.asmtDocAsset);
  if (competency.origin === "person") notes.push(t.asmtDocAddedByPerson);
  if (competency.origin === "manager") notes.push(t.asmtDocAddedByManager);
  return notes;
}

export function areaName(doc: AssessmentDocument, area: string): string {
  return area.trim() ? area : docMessages(doc).asmtDocOtherArea;
}

/** What comes between a label and its value: ": ", or « : » after a no-break space in French. */
export function separator(doc: Pick<AssessmentDocument, "lang">): string {
  return doc.lang === "fr" ? "\u00a0: " : ": ";
}

/** The facts at the top: organisation, cycle, period, person, unit, position, manager, state. */
export function assessmentFacts(doc: AssessmentDocument): Fact[] {
  const t = docMessages(doc);
  const facts: Fact[] = [
    { label: t.asmtDocPerson, value: doc.person.name },
    { label: t.asmtDocOrganisation, value: doc.organisation },
  ];
  if (doc.person.unit) facts.push({ label: t.asmtDocUnit, value: doc.person.unit });
  if (doc.person.position) facts.push({ label: t.asmtDocPosition, value: doc.person.position });
  facts.push({ label: t.asmtDocManager, value: doc.manager ?? t.asmtDocNoManager });
  facts.push({ label: t.asmtDocCycle, value: doc.cycle.name });
  facts.push({
    label: t.asmtDocPeriod,
    value: t.asmtDocPeriodRange(docDate(doc, doc.cycle.periodStart), docDate(doc, doc.cycle.periodEnd)),
  });
  facts.push({ label: t.asmtDocState, value: stateLabel(doc) });
  if (doc.reopenedReason?.trim()) facts.push({ label: t.asmtDocReopenedBecause, value: doc.reopenedReason });
  return facts;
}

/** Each sign-off as a fact: who signs, and when (or not yet). */
export function signOffFacts(doc: AssessmentDocument): Fact[] {
  const t = docMessages(doc);
  const line = (name: string | null, at: string | null, role: string) => ({
    label: name ? `${name} (${role})` : role,
    value: at ? t.asmtDocSignedOn(docMoment(doc, at)) : t.asmtDocNotSigned,
  });
  return [
    line(doc.signOffs.person.name, doc.signOffs.person.at, t.asmtDocPerson),
    line(doc.signOffs.manager.name, doc.signOffs.manager.at, t.asmtDocManager),
  ];
}

/** An evidence entry's lines: its title, then the file or link, then what it supports. */
export function evidenceLines(doc: AssessmentDocument, entry: EvidenceEntry): { title: string; details: string[] } {
  const t = docMessages(doc);
  const details: string[] = [];
  if (entry.kind === "file" && entry.fileName) details.push(t.asmtDocEvidenceFile(entry.fileName));
  if (entry.kind === "link" && entry.url) details.push(t.asmtDocEvidenceLink(entry.url));
  details.push(entry.competency ? t.asmtDocEvidenceFor(entry.competency) : t.asmtDocEvidenceWhole);
  return { title: entry.title, details };
}
