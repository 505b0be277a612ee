/** Addresses of the organisation's insight pages and their downloads (the view travels in the query). */
import type { Lang } from "../../i18n/index.ts";
import type { View } from "./model.ts";

const base = (lang: Lang, org: string) => `/${lang}/orgs/${encodeURIComponent(org)}/insights`;

/** "all", "unit:<id>" or "position:<id>" ("unit:" alone: people with no unit). */
export const viewParam = (view: View) => (view.by === "all" ? "all" : `${view.by}:${view.key}`);

export function parseView(value: string | undefined): View | undefined {
  if (value === undefined || value === "" || value === "all") return { by: "all" };
  const match = /^(unit|position):([A-Za-z0-9_-]{0,64})$/.exec(value);
  if (!match) return undefined;
  return { by: match[1] as "unit" | "position", key: match[2] as string };
}

const query = (params: Record<string, string>) => {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ""));
  const text = search.toString();
  return text ? `?${text}` : "";
};

export const orgInsightUrls = {
  priorities: (lang: Lang, org: string, view?: View) =>
    `${base(lang, org)}${view && view.by !== "all" ? query({ view: viewParam(view) }) : ""}`,
  prioritiesExports: (lang: Lang, org: string, view: View) => {
    const q = view.by === "all" ? "" : query({ view: viewParam(view) });
    return {
      csv: `${base(lang, org)}/export.csv${q}`,
      xlsx: `${base(lang, org)}/export.xlsx${q}`,
      pdf: `${base(lang, org)}/export.pdf${q}`,
    };
  },
  readiness: (lang: Lang, org: string, profileId = "", sort = "") =>
    `${base(lang, org)}/readiness${query({ profile: profileId, sort: sort === "met" ? "" : sort })}`,
  readinessExports: (lang: Lang, org: string, profileId: string, sort: string) => {
    const q = query({ profile: profileId, sort: sort === "met" ? "" : sort });
    return {
      csv: `${base(lang, org)}/readiness/export.csv${q}`,
      xlsx: `${base(lang, org)}/readiness/export.xlsx${q}`,
      pdf: `${base(lang, org)}/readiness/export.pdf${q}`,
    };
  },
};
