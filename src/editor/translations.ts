/** Which items lack a language: pure, from the draft's items. */
import type { ItemState } from "../frameworks/item-state.ts";

/** An item needs French when something it says in English has no French, and the other way round. */
export const needsFrench = (item: ItemState) =>
  Boolean((item.statement_en && !item.statement_fr) || (item.description_en && !item.description_fr));
export const needsEnglish = (item: ItemState) =>
  Boolean((item.statement_fr && !item.statement_en) || (item.description_fr && !item.description_en));

export interface MissingTranslations<T extends ItemState> {
  french: T[];
  english: T[];
}

export function missingTranslations<T extends ItemState>(items: readonly T[]): MissingTranslations<T> {
  return { french: items.filter(needsFrench), english: items.filter(needsEnglish) };
}

// ── "may be out of date" ──────────────────────────────────────────────────────────────────────────

/** The bilingual texts that can be flagged, by their base name (`statement` → statement_en, statement_fr). */
export const ITEM_TEXTS = ["statement", "description"] as const;
export const FRAMEWORK_TEXTS = ["title", "description"] as const;
export type BilingualText = (typeof ITEM_TEXTS)[number] | (typeof FRAMEWORK_TEXTS)[number];

export type TextLang = "en" | "fr";
export const otherTextLang = (lang: TextLang): TextLang => (lang === "en" ? "fr" : "en");

/** One bilingual text's two values. */
export interface Pair {
  en: string | null;
  fr: string | null;
}

/**
 * The flag a text carries after a save: the language that may be out of date, or null.
 * - Neither language changed: the flag stays as it was.
 * - Both changed: someone worked on both; nothing is flagged.
 * - One changed while the other was flagged as out of date: that is the update the flag asked for.
 * - One was written where it was empty: that is a translation of the other, not a change to it.
 * - One changed otherwise: the other may now be out of date, if it has a text at all (an empty one
 *   is "missing", listed as such, not "out of date").
 */
export function nextFlag(current: TextLang | null, before: Pair, after: Pair): TextLang | null {
  const enChanged = (before.en ?? null) !== (after.en ?? null);
  const frChanged = (before.fr ?? null) !== (after.fr ?? null);
  if (!enChanged && !frChanged) return current;
  if (enChanged && frChanged) return null;
  const changed: TextLang = enChanged ? "en" : "fr";
  if (current === changed || !before[changed]) return null;
  return after.en && after.fr ? otherTextLang(changed) : null;
}

/** The two languages of `base` in a row of columns named `${base}_en`, `${base}_fr` (empty: null). */
export function pairOf(row: object, base: BilingualText): Pair {
  const columns = row as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  return { en: text(columns[`${base}_en`]), fr: text(columns[`${base}_fr`]) };
}

/** A text someone confirmed is still correct in one language. */
export interface Confirmation {
  field: BilingualText;
  lang: TextLang;
}

/** The texts an edit form's "still correct" checkboxes (confirm_statement=fr…) name. */
export function confirmationsOf(
  values: Partial<Record<`confirm_${BilingualText}`, TextLang | undefined>>,
  texts: readonly BilingualText[],
): Confirmation[] {
  return texts.flatMap((field) => {
    const lang = values[`confirm_${field}`];
    return lang ? [{ field, lang }] : [];
  });
}

/** A text whose one language changed and the other not: what the translations page lists. */
export interface OutdatedText {
  /** The item, or null for the framework's own title and description. */
  itemId: string | null;
  field: BilingualText;
  /** The language that may be out of date. */
  lang: TextLang;
  flaggedAt: string;
  flaggedBy: string | null;
}
