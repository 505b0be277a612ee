/**
 * The languages a framework's text is in. Every framework has two text columns, English and French;
 * a framework imported with another language (CASE `language`, any BCP 47 tag, kept in its `extra`
 * as given) has its text in the first column, and that text is that language's, not English: pages
 * mark it with its own `lang`, exports and APIs give the tag back (decision 009). Pure.
 */
import type { Lang } from "./index.ts";

/** BCP 47 tag of each text column. */
export type TextLanguages = Record<Lang, string>;

export const DEFAULT_TEXT_LANGUAGES: TextLanguages = { en: "en", fr: "fr" };

/** A language tag's primary subtag, lower-case ("fr-CA" → "fr"). */
export const primarySubtag = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0];

/** The tag the framework's source gave its language, if it gave one. */
export function frameworkLanguage(framework: { extra: string | null }): string | undefined {
  if (!framework.extra) return undefined;
  try {
    const extra = JSON.parse(framework.extra);
    const tag = extra && typeof extra === "object" ? extra.language : undefined;
    return typeof tag === "string" && /^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(tag.trim())
      ? tag.trim()
      : undefined;
  } catch {
    return undefined;
  }
}

export function textLanguages(framework: { extra: string | null }): TextLanguages {
  const tag = frameworkLanguage(framework);
  if (!tag) return DEFAULT_TEXT_LANGUAGES;
  return primarySubtag(tag) === "fr" ? { en: "en", fr: tag } : { en: tag, fr: "fr" };
}
