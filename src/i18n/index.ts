import { en, type Messages } from "./en.ts";
import { fr } from "./fr.ts";

export { formatDate, formatDateTime, formatDay, formatNumber, formatTime } from "./format.ts";
export { frenchTypography, typeset } from "./typography.ts";

export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];
export type { Messages };

const dictionaries: Record<Lang, Messages> = { en, fr };

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "fr";
}

export function messages(lang: Lang): Messages {
  return dictionaries[lang];
}

export function otherLang(lang: Lang): Lang {
  return lang === "en" ? "fr" : "en";
}

/** Picks the preferred language from an Accept-Language header (q-values honoured); English by default. */
export function negotiateLang(header: string | null | undefined): Lang {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}
export {
  isMessageKey,
  isMessageRef,
  type MessageFunctionKey,
  type MessageKey,
  type MessageRef,
  translate,
} from "./message-ref.ts";
