/**
 * A framework's web address proposed from its title: accents folded ("Compétences" → "competences"),
 * lower case, words joined by single hyphens, cut at a word boundary. Pure; the new-framework page's
 * script (assets/slug.js) does the same as the title is typed.
 */

/** Longest proposal, leaving room within the 80-character limit for a "-N" that makes it unique. */
export const PROPOSED_SLUG_MAX = 60;
/** Used when the title has no letter or digit of the Latin alphabet (emoji only, another script). */
export const FALLBACK_SLUG = "framework";

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", ı: "i" };

export function slugFromTitle(title: string | null | undefined): string {
  const words = (title ?? "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[œæßøđłı]/g, (letter) => LIGATURES[letter] ?? letter)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > PROPOSED_SLUG_MAX) {
      if (!slug) slug = word.slice(0, PROPOSED_SLUG_MAX);
      break;
    }
    slug = next;
  }
  return slug || FALLBACK_SLUG;
}

/** The proposal itself when free, else the first free "-2", "-3"… among the slugs already taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
