/**
 * A person's assessment in one language, ready to print: the view model the printable page and the
 * PDF both read (pure; loaded by load.ts). Every text is plain text already in the document's
 * language; renderers escape it for their format, so hostile text stays text. Levels are numbers of
 * the cycle's scale; a level the scale does not name (a scale changed later) has no label and is
 * shown by its number only. No evidence bytes: only what names the evidence.
 */
import type { DocumentLang } from "../../profiles/documents/model.ts";

export type { DocumentLang };

/** The states of migration 017's `assessments.state`. */
export type AssessmentState =
  | "not_started"
  | "in_progress"
  | "submitted"
  | "in_review"
  | "agreed"
  | "signed_off"
  | "reopened"
  | "withdrawn";

export interface RatedLevel {
  number: number;
  /** The scale's name for the level; null when the scale has no such level. */
  label: string | null;
}

export interface AssessedCompetency {
  /** The competency's area (its parent in the pinned edition); empty when it has none. */
  area: string;
  code: string | null;
  statement: string;
  /** From the profile, or added by the person or the manager. */
  origin: "profile" | "person" | "manager";
  target: RatedLevel | null;
  importance: "essential" | "asset" | null;
  self: RatedLevel | null;
  selfComment: string;
  manager: RatedLevel | null;
  managerComment: string;
  agreed: RatedLevel | null;
}

export interface SignOff {
  /** Who signs (the person, or the reviewing manager); null when the assessment has no manager. */
  name: string | null;
  /** ISO date-time; null while not signed. */
  at: string | null;
}

export interface EvidenceEntry {
  kind: "link" | "file";
  title: string;
  url: string | null;
  fileName: string | null;
  /** The statement of the competency it supports; null for the assessment as a whole. */
  competency: string | null;
}

export interface AssessmentDocument {
  lang: DocumentLang;
  organisation: string;
  cycle: { name: string; periodStart: string; periodEnd: string };
  person: { name: string; unit: string | null; position: string | null };
  /** The reviewing manager; null when there is none. */
  manager: string | null;
  scale: { name: string; levels: { number: number; label: string }[] };
  state: AssessmentState;
  reopenedReason: string | null;
  competencies: AssessedCompetency[];
  conversation: { date: string | null; notes: string };
  signOffs: { person: SignOff; manager: SignOff };
  evidence: EvidenceEntry[];
  /** ISO date-time. */
  generatedAt: string;
  /** The organisation's time zone (decision 054): the day of an instant (signed, printed); UTC if absent. */
  timeZone?: string;
}

export interface CompetencyGroup {
  area: string;
  competencies: AssessedCompetency[];
}

/** Competencies grouped by area, areas in the order they first appear, each keeping its order. */
export function groupByArea(competencies: readonly AssessedCompetency[]): CompetencyGroup[] {
  const groups = new Map<string, AssessedCompetency[]>();
  for (const competency of competencies) {
    const list = groups.get(competency.area);
    if (list) list.push(competency);
    else groups.set(competency.area, [competency]);
  }
  return [...groups].map(([area, list]) => ({ area, competencies: list }));
}

/**
 * How the level that counts compares with the target: the agreed level once there is one, else the
 * manager's, else the person's own. Said in words on the page and in the PDF (never by colour only).
 */
export type Gap =
  | { kind: "no-target" }
  | { kind: "not-rated" }
  | { kind: "meets"; by: "agreed" | "manager" | "self" }
  | { kind: "below" | "above"; levels: number; by: "agreed" | "manager" | "self" };

export function gapOf(competency: AssessedCompetency): Gap {
  if (!competency.target) return { kind: "no-target" };
  const [by, level] = competency.agreed
    ? (["agreed", competency.agreed] as const)
    : competency.manager
      ? (["manager", competency.manager] as const)
      : competency.self
        ? (["self", competency.self] as const)
        : ([undefined, undefined] as const);
  if (!by || !level) return { kind: "not-rated" };
  const difference = level.number - competency.target.number;
  if (difference === 0) return { kind: "meets", by };
  return { kind: difference < 0 ? "below" : "above", levels: Math.abs(difference), by };
}

/** Letters and digits only, accents dropped: a name safe in a header and on every file system. */
function fileNamePart(text: string, fallback: string): string {
  const part = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return part || fallback;
}

/** `assessment-<person>-<cycle>.pdf`, sanitised. */
export function assessmentFileName(doc: Pick<AssessmentDocument, "person" | "cycle">): string {
  return `assessment-${fileNamePart(doc.person.name, "person")}-${fileNamePart(doc.cycle.name, "cycle")}.pdf`;
}
