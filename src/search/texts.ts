/**
 * What building a search index computes from the items' texts alone: each field's index terms, the
 * packed postings (inverted.ts) and the word of the content that names each term. Pure and free of
 * the frameworks' trees, so it runs the same in the index worker (index-worker.ts) and in slices on
 * the main thread (decision 039).
 */
import { STEP, type Steps } from "../slices.ts";
import type { PackedWords } from "./dictionary.ts";
import { indexTerms, processTerm, singular, tokenize } from "./normalize.ts";
import { type PackedPostings, packPostingsSteps } from "./postings.ts";

/** The fields indexed, in the order their texts are given (FIELD_COUNT per document). */
export const FIELDS = ["statement_en", "statement_fr", "description_en", "description_fr", "code"] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

export interface IndexedTexts {
  postings: PackedPostings;
  /**
   * A word of the content each term comes from, to show a corrected query in words people wrote;
   * aligned with the postings' terms, empty where the term names itself.
   */
  words: PackedWords;
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
  const { termText, termOffsets } = postings;
  const count = termOffsets.length - 1;
  const wordOffsets = new Int32Array(count + 1);
  const words: string[] = [];
  let length = 0;
  for (let i = 0; i < count; i++) {
    wordOffsets[i] = length;
    const term = termText.slice(termOffsets[i], termOffsets[i + 1]);
    const word = wordOf.get(term);
    if (word !== undefined && word !== term) {
      words.push(word);
      length += word.length;
    }
    if (i % STEP === STEP - 1) yield;
  }
  wordOffsets[count] = length;
  return { postings, words: { wordText: words.join(""), wordOffsets } };
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
