/** Text kept in both languages, and how a page picks the one to show. Pure. */
import type { Lang } from "./index.ts";

export interface Bilingual {
  en: string | null;
  fr: string | null;
}

/** The text in the wanted language, falling back to the other one (and saying which it is). */
export function pick(text: Bilingual, lang: Lang): { value: string; lang: Lang } | null {
  const other: Lang = lang === "en" ? "fr" : "en";
  if (text[lang]) return { value: text[lang] as string, lang };
  if (text[other]) return { value: text[other] as string, lang: other };
  return null;
}
