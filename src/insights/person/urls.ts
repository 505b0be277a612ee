/** Every address of a person's insights, built in one place. */
import type { Lang } from "../../i18n/index.ts";
import { staffUrls } from "../../people/staff/urls.ts";

const seg = (value: string) => encodeURIComponent(value);
/** The person's record and their assessment link here too, through the same builder. */
const base = (lang: Lang, org: string, personId: string) => staffUrls.personInsights(lang, org, seg(personId));

export type InsightsFormat = "csv" | "xlsx" | "pdf";

export const personInsightsUrls = {
  page: base,
  download: (lang: Lang, org: string, personId: string, format: InsightsFormat) =>
    `${base(lang, org, personId)}.${format}`,
  /** The signed-in person's own page, whatever their id. */
  mine: (lang: Lang, org: string) => `/${lang}/orgs/${seg(org)}/insights/me`,
  /** The person's development plans (src/insights/plans). */
  plans: (lang: Lang, org: string, personId: string) => `/${lang}/orgs/${seg(org)}/people/${seg(personId)}/plans`,
};
