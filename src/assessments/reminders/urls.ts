/** Addresses of the waiting list, the reminder settings, and the pages a task leads to. */
import type { Lang } from "../../i18n/index.ts";

export const reminderUrls = {
  waiting: (lang: Lang, org: string) => `/${lang}/orgs/${org}/waiting`,
  settings: (lang: Lang, org: string) => `/${lang}/orgs/${org}/reminders`,
  /** An assessment's page (src/assessments/work). */
  assessment: (lang: Lang, org: string, assessmentId: string) => `/${lang}/orgs/${org}/assessments/${assessmentId}`,
  /** A cycle's page with its progress (src/assessments/cycles). */
  cycle: (lang: Lang, org: string, cycleId: string) => `/${lang}/orgs/${org}/cycles/${cycleId}`,
};
