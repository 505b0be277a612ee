/** The team insights addresses (issue 16), built in one place. */
import type { Lang } from "../../i18n/index.ts";

const base = (lang: Lang, slug: string) => `/${lang}/orgs/${encodeURIComponent(slug)}/team/insights`;

export const teamInsightUrls = {
  page: base,
  heatmapCsv: (lang: Lang, slug: string) => `${base(lang, slug)}/heatmap.csv`,
  gapsCsv: (lang: Lang, slug: string) => `${base(lang, slug)}/gaps.csv`,
  xlsx: (lang: Lang, slug: string) => `${base(lang, slug)}/insights.xlsx`,
  pdf: (lang: Lang, slug: string) => `${base(lang, slug)}/insights.pdf`,
};
