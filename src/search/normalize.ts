/**
 * Term processing shared by the search index, the query and the highlighter. Pure functions only.
 *
 * Everything is folded the same way on both sides, so "Compétences", "competences" and "COMPÉTENCES"
 * meet, and so do "œuvre" and "oeuvre". Whatever a visitor types ends up as a bounded list of plain
 * letter-and-digit terms: nothing of the raw input reaches the index as syntax.
 */

/** Longest query kept, in characters (code points), after trimming. Longer input is cut, not refused. */
export const MAX_QUERY_LENGTH = 200;
/** Most terms a query may bring; the rest are ignored. */
export const MAX_QUERY_TERMS = 12;
/** Longest term kept; longer runs of letters are cut (no real word in either language is longer). */
export const MAX_TERM_LENGTH = 40;

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", ı: "i" };
const LIGATURE_PATTERN = /[œæßøđłı]/g;

/**
 * Folds case and accents: NFKD (which also splits compatibility forms such as "ﬁ" or full-width
 * letters) with combining marks removed, lower case, and the few letters that do not decompose.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter);
}

/**
 * Stop words, by language. Kept short on purpose: only words that carry no meaning in a competency
 * statement in either language ("it" stays: IT is a field of work; "son", "an" stay too).
 */
export const STOP_WORDS: Record<"en" | "fr", ReadonlySet<string>> = {
  en: new Set([
    "a",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "in",
    "into",
    "is",
    "of",
    "on",
    "or",
    "that",
    "the",
    "their",
    "this",
    "to",
    "with",
  ]),
  fr: new Set([
    "a",
    "au",
    "aux",
    "ce",
    "ces",
    "cette",
    "d",
    "dans",
    "de",
    "des",
    "du",
    "en",
    "et",
    "est",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "ou",
    "par",
    "pour",
    "qu",
    "que",
    "qui",
    "sa",
    "se",
    "ses",
    "sont",
    "un",
    "une",
  ]),
};

const ALL_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS.en, ...STOP_WORDS.fr]);

export function isStopWord(term: string): boolean {
  return ALL_STOP_WORDS.has(term);
}

// French elision (l'usager, d'une, qu'elle, jusqu'à) and the English possessive or contraction
// ('s, 't): the short side of the apostrophe is dropped, the word itself kept.
const ELISION = /(^|[^\p{L}\p{N}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ‘](?=\p{L})/giu;
const ENGLISH_SUFFIX = /(?<=\p{L})['’ʼ](?:s|t|ll|re|ve|d|m)(?![\p{L}\p{N}])/giu;

/**
 * Splits text into raw words (not yet folded): runs of letters, marks and digits. Apostrophe
 * prefixes and suffixes are dropped first; everything else that is not a letter or digit separates,
 * except a dot inside a word: "ML.CR.6" or "ontario.ca" stays one word, so a code can be searched whole.
 */
export function tokenize(text: string): string[] {
  const cleaned = text.replace(ELISION, "$1").replace(ENGLISH_SUFFIX, "");
  return cleaned.match(/[\p{L}\p{N}\p{M}]+(?:\.[\p{L}\p{N}\p{M}]+)*/gu) ?? [];
}

/**
 * One raw word to the term stored in (or looked up in) the index, or null when it is noise: a stop
 * word, or nothing left after folding.
 */
export function processTerm(word: string): string | null {
  const folded = foldText(word).replace(/[^\p{L}\p{N}]+/gu, "");
  if (!folded || isStopWord(folded)) return null;
  return Array.from(folded).slice(0, MAX_TERM_LENGTH).join("");
}

/**
 * A light plural fold for both languages ("partenariats" → "partenariat", "bureaux" → "bureau"), so
 * the singular a visitor types matches the plural in a statement as an exact word, not only as a
 * prefix. Words that end in -ss, -us or -is are left alone ("process", "status", "analysis").
 */
export function singular(term: string): string {
  if (term.length <= 3) return term;
  if (/(?:eau|eu)x$/.test(term)) return term.slice(0, -1);
  if (term.endsWith("s") && !/(?:ss|us|is)$/.test(term)) return term.slice(0, -1);
  return term;
}

/**
 * What one raw word of content is indexed under: the term, and its singular when that differs. A
 * dotted word is indexed whole ("mlcr6", what a query for "ML.CR.6" looks up) and by its parts that
 * hold letters ("ontario.ca" is found by "ontario"; the bare numbers of codes would only add noise).
 */
export function indexTerms(word: string): string[] | null {
  const terms = new Set<string>();
  const add = (part: string) => {
    const term = processTerm(part);
    if (!term) return;
    terms.add(term);
    terms.add(singular(term));
  };
  add(word);
  if (word.includes(".")) for (const part of word.split(".")) if (/\p{L}/u.test(part)) add(part);
  return terms.size > 0 ? [...terms] : null;
}

/** The index terms of a text, in order, duplicates kept. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = processTerm(word);
    if (term) terms.push(term);
  }
  return terms;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes any input a safe query string: never throws, whatever the type or content. Control
 * characters become spaces, invisible format characters are dropped, lone surrogates are replaced, spaces collapse, and the result is
 * cut to MAX_QUERY_LENGTH code points (never in the middle of a character). Says whether it cut.
 */
export function readQuery(input: unknown): { query: string; shortened: boolean } {
  let text = typeof input === "string" ? input : Array.isArray(input) ? String(input[0] ?? "") : "";
  // Bound the work before any regular expression runs over a huge input.
  if (text.length > MAX_QUERY_LENGTH * 8) text = text.slice(0, MAX_QUERY_LENGTH * 8);
  text = text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u200B]/gu, " ")
    // Other invisible format characters go (soft hyphens, bidi overrides that could disguise the
    // query when shown back), except the joiners that emoji and some scripts need.
    .replace(/(?![\u200C\u200D])\p{Cf}/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
  const chars = Array.from(text);
  if (chars.length <= MAX_QUERY_LENGTH) return { query: text, shortened: false };
  return { query: chars.slice(0, MAX_QUERY_LENGTH).join("").trimEnd(), shortened: true };
}

export function cleanQuery(input: unknown): string {
  return readQuery(input).query;
}

/**
 * The distinct terms of a (cleaned) query, in the order typed, at most MAX_QUERY_TERMS. Plurals are
 * folded to the singular, which the index holds for every plural and which prefix search extends.
 */
export function queryTerms(query: string): string[] {
  return readTerms(query).terms;
}

/**
 * The query's distinct terms (at most MAX_QUERY_TERMS, in the order typed) and how many more
 * distinct terms it held that are not searched, so the reader can be told the search was cut.
 */
export function readTerms(query: string): { terms: string[]; ignored: number } {
  const distinct = [...new Set(termsOf(query).map(singular))];
  return { terms: distinct.slice(0, MAX_QUERY_TERMS), ignored: Math.max(0, distinct.length - MAX_QUERY_TERMS) };
}
