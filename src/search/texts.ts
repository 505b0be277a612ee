/**
 * What building a search index computes from the items' texts alone: each field's index terms, the
 * packed postings (inverted.ts) and the word of the content that names each term. Pure and free of
 * the frameworks' trees, so it runs the same in the index worker (index-worker.ts) and in slices on
 * the main thread (decision 039).
 */
import type { Steps } from "../slices.ts";
import { type PackedPostings, packPostingsSteps } from "./inverted.ts";
import { indexTerms, processTerm, singular, tokenize } from "./normalize.ts";

/** The fields indexed, in the order their texts are given (FIELD_COUNT per document). */
export const FIELDS = ["statement_en", "statement_fr", "description_en", "description_fr", "code"] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** Joins the terms (and their words) the index worker sends back: index terms are words of letters, digits and dots. */
export const SEPARATOR = "\u0000";

export interface IndexedTexts {
  postings: PackedPostings;
  /**
   * Index term → a word of the content it comes from, to show a corrected query in words people
   * wrote; only where the word differs from the term (most terms name themselves).
   */
  wordOf: Map<string, string>;
}

/**
 * Indexes `documentCount` documents whose field texts `textOf(doc, field)` gives (field by position
 * in FIELDS), each weighing `boostOf(doc)`.
 */
export function* indexTextsSteps(
  documentCount: number,
  textOf: (doc: number, field: number) => string | null,
  boostOf: (doc: number) => number,
): Steps<IndexedTexts> {
  const wordOf = new Map<string, string>();
  // Content repeats its words: fold each distinct word once per build, not once per occurrence.
  const termsOfWord = new Map<string, string[] | null>();
  const termsOf = (doc: number, field: number): string[] => {
    const text = textOf(doc, field);
    if (!text) return [];
    const terms: string[] = [];
    for (const word of tokenize(text)) {
      let wordTerms = termsOfWord.get(word);
      if (wordTerms === undefined) {
        wordTerms = indexTerms(word);
        termsOfWord.set(word, wordTerms);
        if (wordTerms) nameTerms(wordOf, word, wordTerms);
      }
      if (wordTerms) terms.push(...wordTerms);
    }
    return terms;
  };
  const postings = yield* packPostingsSteps(documentCount, FIELD_COUNT, termsOf, boostOf);
  for (const [term, word] of wordOf) if (word === term) wordOf.delete(term);
  return { postings, wordOf };
}

/**
 * Names each index term by the first word of the content that gave it, in lower case with its
 * accents ("compétences"), or for the singular fold of a plural, that word made singular the same way.
 */
function nameTerms(wordOf: Map<string, string>, word: string, terms: readonly string[]) {
  const lower = word.toLowerCase();
  const main = processTerm(word);
  for (const term of terms) {
    if (wordOf.has(term)) continue;
    wordOf.set(term, term === main ? lower : main && term === singular(main) ? singular(lower) : term);
  }
}
