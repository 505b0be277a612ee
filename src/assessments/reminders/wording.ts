/** How a task reads (the waiting page and the e-mails say it the same way), and where it leads. */
import { formatDay, type Lang, messages } from "../../i18n/index.ts";
import type { Task } from "./tasks.ts";
import { reminderUrls } from "./urls.ts";

/** What to do, in the reader's language. */
export function taskLabel(task: Task, lang: Lang): string {
  const t = messages(lang);
  switch (task.kind) {
    case "self-start":
      return t.waitingSelfStart;
    case "self-finish":
      return t.waitingSelfFinish;
    case "reopened":
      return t.waitingReopened;
    case "signoff-person":
      return t.waitingSignoffPerson;
    case "review":
      return t.waitingReview(task.personName);
    case "agree":
      return t.waitingAgree(task.personName);
    case "signoff-manager":
      return t.waitingSignoffManager(task.personName);
    case "cycle-overdue":
      return t.waitingCycleOverdue(task.overduePeople);
  }
}

/** "by March 1, 2027", "overdue since …", "no due date". */
export function dueText(task: Task, lang: Lang): string {
  const t = messages(lang);
  if (task.due === null) return t.waitingNoDueDate;
  return task.overdue ? t.waitingOverdueSince(formatDay(task.due, lang)) : t.waitingDueOn(formatDay(task.due, lang));
}

export const cycleName = (task: Task, lang: Lang) => task.cycleName[lang];

/** The page the task is done on (relative to the site). */
export function taskPath(task: Task, lang: Lang, org: string): string {
  return task.kind === "cycle-overdue"
    ? reminderUrls.cycle(lang, org, task.cycleId)
    : reminderUrls.assessment(lang, org, task.assessmentId);
}
