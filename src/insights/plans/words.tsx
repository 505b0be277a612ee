/** How a plan's states, activity kinds and statuses and its competencies read, in either language. */
import { pick } from "../../i18n/bilingual.ts";
import { type Lang, type Messages, messages } from "../../i18n/index.ts";
import type { ActivityKind, ActivityStatus, PlanState } from "./rules.ts";

const STATE: Record<PlanState, keyof Messages> = {
  draft: "planStateDraft",
  submitted: "planStateSubmitted",
  approved: "planStateApproved",
  closed: "planStateClosed",
};
const KIND: Record<ActivityKind, keyof Messages> = {
  course: "planKindCourse",
  practice: "planKindPractice",
  mentoring: "planKindMentoring",
  resource: "planKindResource",
};
const STATUS: Record<ActivityStatus, keyof Messages> = {
  planned: "planStatusPlanned",
  in_progress: "planStatusInProgress",
  done: "planStatusDone",
  dropped: "planStatusDropped",
};

export const stateText = (lang: Lang, state: PlanState) => messages(lang)[STATE[state]] as string;
export const StateText = (props: { lang: Lang; state: PlanState }) => <>{stateText(props.lang, props.state)}</>;
export const ActivityKindText = (props: { lang: Lang; kind: ActivityKind }) =>
  messages(props.lang)[KIND[props.kind]] as string;
export const ActivityStatusText = (props: { lang: Lang; status: ActivityStatus }) =>
  messages(props.lang)[STATUS[props.status]] as string;

export type CompetencyWords = { code: string | null; statement: { en: string | null; fr: string | null } } | null;

/** "P1.2 Tells stories…" as the latest edition has it, or the index's note that it is gone. */
export function competencyText(competency: CompetencyWords, lang: Lang): string {
  if (!competency) return messages(lang).planRetired;
  const shown = pick(competency.statement, lang)?.value ?? "";
  return [competency.code, shown].filter(Boolean).join(" ");
}

/** The same, marking a statement shown in the other language. */
export function CompetencyText(props: { lang: Lang; competency: CompetencyWords }) {
  const { competency, lang } = props;
  if (!competency) return <span>{messages(lang).planRetired}</span>;
  const shown = pick(competency.statement, lang);
  return (
    <span>
      {competency.code ? `${competency.code} ` : ""}
      {shown && (shown.lang === lang ? shown.value : <span lang={shown.lang}>{shown.value}</span>)}
    </span>
  );
}
