/**
 * How alike two statements are, word for word. Used by the content checks: the starter must not
 * follow the seed page's sentences, and two statements of the starter must not say the same thing.
 * Lexical measures only: they catch a copied or reshuffled sentence, not a paraphrase with other
 * words, which stays the reviewer's job.
 */

/** Words that carry no meaning of their own in a competency statement (English). */
const STOP_WORDS = new Set(
  (
    "a an the and or nor but of to in on for with by at from as into onto about under over between through " +
    "without within than then so such it its it's their theirs them they this that these those who whom whose " +
    "which what when where how why each every any all both either neither some other others own one ones " +
    "not no more most less least very well also is are was were be been being has have had do does did " +
    "can may must will would should could he she his her hers him we our you your i my me " +
    "up out off once only same too just even"
  ).split(" "),
);

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'");

/** Words of a text, lower-cased, accents folded; "library's" stays one word, "self-checkout" is two. */
export function wordsOf(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** A light English stem, enough to match "partners", "partnership" and "partnering" closely. */
export function stem(word: string): string {
  const bare = word.replace(/'s$/, "");
  for (const suffix of ["ations", "ation", "ships", "ship", "ings", "ing", "ies", "ers", "ed", "es", "er", "s"]) {
    if (bare.length > suffix.length + 3 && bare.endsWith(suffix)) return bare.slice(0, -suffix.length);
  }
  return bare;
}

/** Length of the longest common subsequence of two word lists. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = [0];
    for (let j = 0; j < b.length; j++)
      current.push(x === b[j] ? previous[j] + 1 : Math.max(previous[j + 1], current[j]));
    previous = current;
  }
  return previous[b.length];
}

/**
 * Word-sequence similarity, 0 to 1: twice the longest common subsequence over the total length
 * (the ratio difflib and most diff tools report). 1 means the same words in the same order.
 */
export function sequenceSimilarity(a: readonly string[], b: readonly string[]): number {
  const total = a.length + b.length;
  return total === 0 ? 0 : (2 * lcsLength(a, b)) / total;
}

/** The longest run of consecutive words the two lists share. */
export function longestSharedRun(a: readonly string[], b: readonly string[]): string[] {
  let best = { length: 0, end: 0 };
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const current = [0];
    for (let j = 0; j < b.length; j++) {
      const run = a[i] === b[j] ? previous[j] + 1 : 0;
      current.push(run);
      if (run > best.length) best = { length: run, end: i + 1 };
    }
    previous = current;
  }
  return a.slice(best.end - best.length, best.end);
}

/** The meaningful words of a statement, stemmed, as a set. */
export function contentStems(text: string): Set<string> {
  return new Set(
    wordsOf(text)
      .filter((w) => !STOP_WORDS.has(w))
      .map(stem),
  );
}

/**
 * How alike two statements are: the larger of the overlap of their meaningful words (Jaccard) and
 * the similarity of their stemmed word sequences. Either one high means a reader sees the same
 * statement twice: the same ideas in other order, or the same sentence with a word or two changed.
 */
export function statementSimilarity(a: string, b: string): number {
  const stemsA = contentStems(a);
  const stemsB = contentStems(b);
  let shared = 0;
  for (const s of stemsA) if (stemsB.has(s)) shared++;
  const union = stemsA.size + stemsB.size - shared;
  const overlap = union === 0 ? 0 : shared / union;
  return Math.max(overlap, sequenceSimilarity(wordsOf(a).map(stem), wordsOf(b).map(stem)));
}

export interface Statement {
  code: string;
  text: string;
}

export interface SimilarPair {
  a: Statement;
  b: Statement;
  similarity: number;
}

/** Every pair of statements at least `threshold` alike, most alike first. */
export function similarPairs(statements: readonly Statement[], threshold: number): SimilarPair[] {
  // Only pairs sharing two meaningful words can reach a useful threshold: index them by stem.
  const stems = statements.map((s) => contentStems(s.text));
  const byStem = new Map<string, number[]>();
  stems.forEach((set, index) => {
    for (const s of set) byStem.set(s, [...(byStem.get(s) ?? []), index]);
  });
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < statements.length; i++) {
    const shared = new Map<number, number>();
    for (const s of stems[i]) for (const j of byStem.get(s) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) {
      if (count < 2) continue;
      const similarity = statementSimilarity(statements[i].text, statements[j].text);
      if (similarity >= threshold) pairs.push({ a: statements[i], b: statements[j], similarity });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}

/**
 * The sentences of a page of text: one per line, bullets and one-word labels ("Competency:")
 * dropped, long lines split after . ! or ?. Headings (lines ending with a colon) and lines of fewer
 * than `minWords` words (menus) are left out.
 */
export function sentencesOf(text: string, minWords = 4): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => !line.endsWith(":"))
    .map((line) => line.replace(/^[-–—·•*\s]+/, "").replace(/^\p{L}+\s?:\s+/u, ""))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=\p{Lu})/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length >= minWords);
}
