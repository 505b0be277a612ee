/** What the assessment page is drawn from, shared by its parts (views.tsx, sections.tsx). */
import type { Child } from "hono/jsx";
import { pick } from "../../i18n/bilingual.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import type { OrganisationFrame } from "../../people/organisations/views.tsx";
import type { CompetencyRef } from "../../profiles/scales/competencies.ts";
import type { FieldErrors, FormValues } from "../../ui/forms/index.ts";
import type { AssessmentItem, AssessmentView, HistoryLine } from "./read.ts";
import type { Party, Standing } from "./states.ts";
import type { FieldConflict } from "./store.ts";

const shown = (text: { en: string | null; fr: string | null }, lang: Lang) => pick(text, lang)?.value ?? "";

export const competencyName = (item: Pick<AssessmentItem, "code" | "statement">, lang: Lang) => {
  const statement = shown(item.statement, lang);
  return item.code ? `${item.code} ${statement}` : statement;
};

export const standingOf = (view: AssessmentView): Standing => ({
  state: view.state,
  personSigned: view.personSignedAt !== null,
  reviewerSigned: view.managerSignedAt !== null,
  cycleOpen: view.cycle.state === "open",
});

export interface AssessmentPageProps extends OrganisationFrame {
  view: AssessmentView;
  history: HistoryLine[];
  party: Party | null;
  /** HR may reopen (as may the reviewer). */
  administrator: boolean;
  notice?: string;
  message?: string;
  errors?: FieldErrors;
  /** What the user sent, kept after a refusal or a conflict. */
  values?: FormValues;
  conflicts?: FieldConflict[];
  query?: string;
  results?: CompetencyRef[];
  /** The evidence part's section (issue 15, src/assessments/evidence), when the lead includes it. */
  evidence?: Child;
  /** The assessment's printable page and PDF (src/assessments/documents). */
  documents?: { print: string; pdf: string };
  /** The person's insights page (src/insights/person), when the reader may see it. */
  insights?: string;
}

/** A level of the assessment's scale as people read it ("2 — Developing"), or "Not rated yet". */
export function levelName(view: AssessmentView, level: number | null, lang: Lang): string {
  const t = messages(lang);
  if (level === null) return t.awNotRated;
  const found = view.scale.levels.find((l) => l.number === level);
  return t.awLevelName(level, found ? shown(found.label, lang) : "");
}
