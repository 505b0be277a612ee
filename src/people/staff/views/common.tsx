/** What the staff pages share: how a status, a language, a unit and a name read in each language. */
import { formatDay, type Lang, messages } from "../../../i18n/index.ts";
import type { PersonStatus } from "../fields.ts";
import { displayName } from "../queries.ts";

export { displayName };

export function statusLabel(status: PersonStatus | string, lang: Lang): string {
  const t = messages(lang);
  return status === "left" ? t.staffStatusLeft : status === "on_leave" ? t.staffStatusOnLeave : t.staffStatusActive;
}

/** The status with the day it took effect, when known. */
export function statusText(status: PersonStatus | string, since: string | null, lang: Lang): string {
  const t = messages(lang);
  if (!since) return statusLabel(status, lang);
  const day = formatDay(since, lang);
  return status === "left" ? t.staffLeftOn(day) : t.staffStatusSince(statusLabel(status, lang), day);
}

export const langLabel = (value: string, lang: Lang) =>
  value === "fr" ? messages(lang).staffLangFr : messages(lang).staffLangEn;

export const unitName = (names: { en: string | null; fr: string | null }, lang: Lang) =>
  (lang === "fr" ? names.fr : names.en) ?? "";

/** Units in tree order, each indented by its depth (for a select). */
export function unitOptions(
  units: { id: string; parent_id: string | null; name_en: string; name_fr: string }[],
  lang: Lang,
): { value: string; label: string }[] {
  const children = new Map<string | null, typeof units>();
  for (const unit of units) {
    const list = children.get(unit.parent_id) ?? [];
    list.push(unit);
    children.set(unit.parent_id, list);
  }
  const ids = new Set(units.map((u) => u.id));
  const options: { value: string; label: string }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      options.push({
        value: unit.id,
        label: `${"\u2003".repeat(depth)}${lang === "fr" ? unit.name_fr : unit.name_en}`,
      });
      walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  // A unit whose parent is not listed (never, in a consistent tree) still appears.
  for (const unit of units) if (!seen.has(unit.id) && !ids.has(unit.parent_id ?? "")) walk(unit.parent_id, 0);
  return options;
}
