/** How a gap, an importance and a status read, shared by the page and its exports. */
import { type Lang, messages } from "../../i18n/index.ts";
import type { Gap } from "../gaps.ts";

export function gapText(gap: Gap, lang: Lang): string {
  const t = messages(lang);
  if (gap.kind === "none") return t.ipNoTarget;
  if (gap.kind === "unassessed") return t.ipNotAssessed;
  return gap.gap > 0 ? t.ipGapLevels(gap.gap) : t.ipStatusMet;
}

export function statusText(gap: Gap, lang: Lang): string {
  const t = messages(lang);
  if (gap.kind === "none") return t.ipStatusNoTarget;
  if (gap.kind === "unassessed") return t.ipStatusUnassessed;
  return gap.gap > 0 ? t.ipStatusBelow : t.ipStatusMet;
}

export function importanceText(importance: string | null, lang: Lang): string {
  const t = messages(lang);
  if (importance === "essential") return t.ipImportanceEssential;
  if (importance === "asset") return t.ipImportanceAsset;
  return t.ipImportanceNone;
}
