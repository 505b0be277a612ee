/**
 * French typography, applied in one place to every French string people read: the UI dictionary
 * (when src/i18n/fr.ts composes it), content (when the starter is loaded and when any French text is
 * rendered), problem messages and template instructions.
 *
 * The space before « ; : ! ? », inside « guillemets », in a time (« 9 h 07 ») and between groups of
 * digits (« 10 000 ») is U+00A0, the no-break space. It is the space Canadian French style guides
 * (OQLF, Translation Bureau) write before the colon and inside guillemets; it is the group separator
 * Intl's fr-CA number format already uses, so one character serves the whole page; every font on a
 * branch PC has it; and Word and spreadsheets keep it when people copy statements into job
 * descriptions. U+202F (narrow) would be finer before « ; ! ? » but renders as a box or a full space
 * in some older fonts and screen readers, and mixing the two is what makes text look patched.
 */

export const NBSP = "\u00a0";

/** Horizontal spaces a writer may have typed where the no-break space belongs (never line breaks). */
const SPACES = "[ \\t\\u2009\\u202f\\u00a0]";

/**
 * The punctuation mark is used as punctuation (not inside "https://", "mailto:x", "10:30" or
 * "?q=") when it ends the text or is followed by a space or a closing mark.
 */
const PUNCTUATION_END = "(?=[;:!?]*(?:$|[\\s\\u00a0)\\]}»\"'’*_]))";

/** A character after which « ; : ! ? » needs a no-break space (not a space, not an opening bracket). */
const NEEDS_SPACE_AFTER = "[^\\s\\u00a0([{«'\"‘“;:!?]";

const SPACE_BEFORE_MARK = new RegExp(`${SPACES}+(?=[;:!?])${PUNCTUATION_END}`, "gu");
const MISSING_BEFORE_MARK = new RegExp(`(?<=${NEEDS_SPACE_AFTER})(?=[;:!?]${PUNCTUATION_END})`, "gu");
const AFTER_OPENING_GUILLEMET = new RegExp(`«${SPACES}*`, "gu");
const BEFORE_CLOSING_GUILLEMET = new RegExp(`${SPACES}*»`, "gu");
/** "10 000", "1 250 000": groups of three digits (a year range "2015 2016" has four). */
const DIGIT_GROUP = new RegExp(`(?<=\\d)${SPACES}(?=\\d{3}(?!\\d))`, "gu");
/** "9 h 07", "14 h": a time written the French way. */
const TIME = new RegExp(`(?<=\\b\\d{1,2})${SPACES}h(?:${SPACES}(?=\\d{2}\\b)|(?=\\s|$|[.,;:!?)]))`, "gu");

/**
 * Puts the no-break space where French typography wants it. Only spaces change: text is never
 * reworded, and the result is a fixed point (applying it twice changes nothing).
 */
export function frenchTypography(text: string): string {
  return text
    .replace(SPACE_BEFORE_MARK, NBSP)
    .replace(MISSING_BEFORE_MARK, NBSP)
    .replace(AFTER_OPENING_GUILLEMET, `«${NBSP}`)
    .replace(BEFORE_CLOSING_GUILLEMET, `${NBSP}»`)
    .replace(DIGIT_GROUP, NBSP)
    .replace(TIME, (match) => match.replace(new RegExp(SPACES, "gu"), NBSP));
}

/** Content text in its own language: French gets its typography, English is left as written. */
export function typeset(text: string, lang: string): string {
  return lang === "fr" ? frenchTypography(text) : text;
}

/**
 * A dictionary (or block) whose strings, and whatever its functions return, are typeset in French.
 * Keys and argument types are unchanged, so a key another block adds later is covered automatically.
 */
export function withFrenchTypography<T extends object>(dictionary: T): T {
  const typeset: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dictionary)) {
    if (typeof value === "function") {
      const wrapped = (...args: unknown[]) => frenchTypography(String(value(...args)));
      // Same arity as the original, for anything that inspects it (tests render messages by arity).
      typeset[key] = Object.defineProperty(wrapped, "length", { value: value.length });
    } else typeset[key] = typeof value === "string" ? frenchTypography(value) : value;
  }
  return typeset as T;
}

/**
 * What a reader of French would flag in a text, checked independently of the fixer above (the
 * tests run both over every French string, and over arbitrary text). One line per problem.
 */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  const chars = Array.from(text);
  const isSpace = (c: string | undefined) => c !== undefined && /[ \t\u2009\u202f]/.test(c);
  const isBoundary = (c: string | undefined) => c === undefined || /[\s\u00a0)\]}»"'’*_]/.test(c);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const before = chars[i - 1];
    const context = () => JSON.stringify(chars.slice(Math.max(0, i - 12), i + 6).join(""));
    if (/[;:!?]/.test(c)) {
      // The mark's run ("?!", "…:") ends at the first character that is not one of the marks.
      let end = i;
      while (end < chars.length && /[;:!?]/.test(chars[end])) end++;
      if (!isBoundary(chars[end])) continue; // not punctuation: "https://", "10:30", "?q="
      if (isSpace(before)) problems.push(`an ordinary space before “${c}”: ${context()}`);
      else if (before !== undefined && !/[\s\u00a0([{«'"‘“;:!?]/.test(before))
        problems.push(`no space before “${c}”: ${context()}`);
    } else if (c === "«" && chars[i + 1] !== undefined && chars[i + 1] !== NBSP && chars[i + 1] !== "\n") {
      problems.push(`no no-break space after “«”: ${context()}`);
    } else if (c === "»" && before !== undefined && before !== NBSP) {
      problems.push(`no no-break space before “»”: ${context()}`);
    } else if (/\d/.test(c) && isSpace(chars[i + 1]) && /^\d{3}(?!\d)/.test(chars.slice(i + 2, i + 6).join(""))) {
      problems.push(`an ordinary space between groups of digits: ${context()}`);
    }
  }
  return problems;
}
