/**
 * What readers, printouts, the APIs and exports call an edition (decision 008): its number. The
 * number is what the editions page lists and what a printout's "Edition 2" must match, so there is
 * one label and nothing to keep in step; the `version` a CASE import brings stays on the draft.
 */
export const editionLabel = (number: number): string => String(number);

/** What changed in an edition, in both languages: a publish needs both. */
export interface EditionSummaryText {
  en: string;
  fr: string;
}
