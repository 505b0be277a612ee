/**
 * The search index's term dictionary as flat data: the index terms sorted (UTF-16 code unit order)
 * and joined in one string, where each begins (an Int32Array), and each term's postings in the
 * shared typed arrays at the same position. It answers what the radix tree (minisearch's
 * SearchableMap) answered — a term, the terms a prefix begins, the terms within an edit distance —
 * without one Map per tree node and one object per term: at 50,000 bilingual items that tree held
 * ~23 MB of the server's heap for ~47,000 terms, this ~1 MB (decision 039). Terms sharing a prefix
 * are neighbours, so the typo walk reuses the rows of the Levenshtein matrix the previous term
 * computed, as the tree walk did for a shared branch.
 */

/** A term's postings: the documents holding it (ascending) and, for each, which fields (bit 1 << field). */
export interface TermEntry {
  docs: Int32Array;
  fields: Uint8Array;
}

export interface DictionaryData {
  /** The terms, sorted and joined without a separator. */
  termText: string;
  /** Term i is termText[termOffsets[i], termOffsets[i + 1]). */
  termOffsets: Int32Array;
  /** Term i's postings are docs/fields[starts[i], starts[i + 1]). */
  starts: Int32Array;
  docs: Int32Array;
  fields: Uint8Array;
}

export class TermDictionary {
  readonly size: number;
  private readonly text: string;
  private readonly offsets: Int32Array;
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly fields: Uint8Array;

  constructor(data: DictionaryData) {
    this.text = data.termText;
    this.offsets = data.termOffsets;
    this.starts = data.starts;
    this.docs = data.docs;
    this.fields = data.fields;
    this.size = data.termOffsets.length - 1;
  }

  term(id: number): string {
    return this.text.slice(this.offsets[id], this.offsets[id + 1]);
  }

  termLength(id: number): number {
    return this.offsets[id + 1] - this.offsets[id];
  }

  /** How many documents hold term `id`. */
  count(id: number): number {
    return this.starts[id + 1] - this.starts[id];
  }

  /** Term `id`'s postings, as views of the shared arrays (made when asked: most terms never are). */
  entry(id: number): TermEntry {
    const start = this.starts[id];
    const end = this.starts[id + 1];
    return { docs: this.docs.subarray(start, end), fields: this.fields.subarray(start, end) };
  }

  /** Negative, zero or positive as term `id` sorts before, as, or after `key` (code units). */
  private compare(id: number, key: string): number {
    const start = this.offsets[id];
    const length = this.offsets[id + 1] - start;
    const common = Math.min(length, key.length);
    for (let i = 0; i < common; i++) {
      const difference = this.text.charCodeAt(start + i) - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }

  private startsWith(id: number, prefix: string): boolean {
    const start = this.offsets[id];
    if (this.offsets[id + 1] - start < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (this.text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false;
    return true;
  }

  /** The first term position at or after `from` for which `before` is false (`before` holds on a prefix of the terms). */
  private search(from: number, before: (id: number) => boolean): number {
    let low = from;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(middle)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The term's position, or -1. */
  find(key: string): number {
    const at = this.search(0, (id) => this.compare(id, key) < 0);
    return at < this.size && this.compare(at, key) === 0 ? at : -1;
  }

  /** The positions [start, end) of the terms `prefix` begins (the prefix itself included). */
  prefixRange(prefix: string): { start: number; end: number } {
    const start = this.search(0, (id) => this.compare(id, prefix) < 0);
    const end = this.search(start, (id) => this.startsWith(id, prefix));
    return { start, end };
  }

  /**
   * Every term within `maxDistance` edits (Levenshtein: insertions, deletions, substitutions) of
   * `query`, with its distance, as minisearch's fuzzy search computes it: one row of the matrix per
   * letter of the term, within a band of `maxDistance` around the diagonal, and a term abandoned
   * at the first row whose every cell exceeds `maxDistance` — with every term sharing that prefix.
   */
  fuzzy(query: string, maxDistance: number, found: (id: number, distance: number) => void): void {
    const n = query.length + 1;
    const m = n + maxDistance;
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
    for (let j = 0; j < n; j++) matrix[j] = j;
    for (let i = 1; i < m; i++) matrix[i * n] = i;
    const queryCodes = new Uint16Array(query.length);
    for (let j = 0; j < query.length; j++) queryCodes[j] = query.charCodeAt(j);
    // Rows 1..valid of the matrix hold the letters termText[previousStart, previousStart + valid).
    let valid = 0;
    let previousStart = 0;
    for (let id = 0; id < this.size; ) {
      const start = this.offsets[id];
      const length = this.offsets[id + 1] - start;
      let shared = 0;
      const limit = Math.min(valid, length);
      while (shared < limit && this.text.charCodeAt(start + shared) === this.text.charCodeAt(previousStart + shared))
        shared++;
      let row = shared + 1;
      let pruned = false;
      for (; row <= length; row++) {
        if (row >= m) {
          pruned = true;
          break;
        }
        const code = this.text.charCodeAt(start + row - 1);
        const thisRow = n * row;
        const previousRow = thisRow - n;
        let minDistance = matrix[thisRow];
        const jmin = Math.max(0, row - maxDistance - 1);
        const jmax = Math.min(n - 1, row + maxDistance);
        for (let j = jmin; j < jmax; j++) {
          const replace = matrix[previousRow + j] + (code === queryCodes[j] ? 0 : 1);
          const remove = matrix[previousRow + j + 1] + 1;
          const insert = matrix[thisRow + j] + 1;
          const distance = Math.min(replace, remove, insert);
          matrix[thisRow + j + 1] = distance;
          if (distance < minDistance) minDistance = distance;
        }
        if (minDistance > maxDistance) {
          pruned = true;
          break;
        }
      }
      previousStart = start;
      if (!pruned) {
        valid = length;
        const distance = matrix[length * n + n - 1];
        if (distance <= maxDistance) found(id, distance);
        id++;
        continue;
      }
      // Every term beginning with this one's first `row` letters is out of reach: skip them all.
      valid = Math.min(row, m - 1);
      const prefix = this.text.slice(start, start + row);
      id = this.search(id + 1, (other) => this.startsWith(other, prefix));
    }
  }
}

/**
 * The word of the content that names each term (texts.ts), aligned with the dictionary: term i's
 * word is wordText[wordOffsets[i], wordOffsets[i + 1]), empty when the term names itself. Flat for
 * the same reason as the dictionary: at 50,000 items most terms have a word of their own (every
 * item's code, every accented word), and a Map of them held ~6 MB.
 */
export interface PackedWords {
  wordText: string;
  wordOffsets: Int32Array;
}

/** Term → the word naming it, where it differs from the term. */
export class TermWords {
  constructor(
    private readonly dictionary: TermDictionary,
    private readonly words: PackedWords,
  ) {}

  get(term: string): string | undefined {
    const id = this.dictionary.find(term);
    if (id < 0) return undefined;
    const start = this.words.wordOffsets[id];
    const end = this.words.wordOffsets[id + 1];
    return start === end ? undefined : this.words.wordText.slice(start, end);
  }
}
