/** How a competency, an area, a gap, an importance and a status read, shared by the page and its exports. */
import { type Lang, messages } from "../../i18n/index.ts";
import type { Gap } from "../gaps.ts";
import type { AreaGroup, HistoryCell } from "./model.ts";

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

export const competencyText = (line: { code: string | null; name: string | null }, lang: Lang) => {
  const name = line.name ?? messages(lang).ipGone;
  return line.code ? `${line.code} ${name}` : name;
};

export function cellText(cell: HistoryCell, lang: Lang): string {
  const t = messages(lang);
  if (cell.kind === "agreed") return String(cell.level);
  return cell.kind === "absent" ? t.ipNotInCycle : t.ipNotAgreed;
}

export const areaText = (group: AreaGroup, lang: Lang) => {
  const t = messages(lang);
  return group.gone ? t.ipGoneArea : (group.area ?? t.ipNoArea);
};

/** A scale's levels in one line: "1 Novice · 2 Developing · …". */
export const levelsText = (levels: readonly { number: number; label: string }[]) =>
  levels.map((level) => `${level.number} ${level.label}`.trim()).join(" · ");
