/** Which items lack a language: pure, from the draft's items. */
import type { ItemState } from "./item-state.ts";

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
