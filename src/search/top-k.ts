/**
 * The small pieces of a query's ranking (inverted.ts): the bounded top-k heap, the bit count of a
 * query-term mask, the part (framework) a document is in. Pure.
 */

/** The k-th best ranking score (score × terms held) among the scored documents. */
export function kthRanked(
  scores: Float64Array,
  masks: Uint16Array,
  docs: Int32Array,
  count: number,
  k: number,
): number {
  const top = new TopK(k);
  for (let i = 0; i < count; i++) top.offer(docs[i], scores[docs[i]] * popcount(masks[docs[i]]));
  const best = top.sorted();
  return best[best.length - 1].score;
}

/** The part a document is in: the last one starting at or before it. */
export function partOf(starts: readonly number[], doc: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle] <= doc) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Bits set in a 16-bit mask (no loop: it runs for every document a query reaches). */
export function popcount(mask: number): number {
  let m = mask - ((mask >> 1) & 0x5555);
  m = (m & 0x3333) + ((m >> 2) & 0x3333);
  m = (m + (m >> 4)) & 0x0f0f;
  return (m + (m >> 8)) & 0x1f;
}

/** The k best (highest score, then lowest position) with a min-heap: O(n log k), no full sort. */
export class TopK {
  private docs: number[] = [];
  private scores: number[] = [];
  constructor(private readonly k: number) {}

  /** True when a ranks below b (the heap's root is the lowest ranked). */
  private below(i: number, j: number): boolean {
    const a = this.scores[i];
    const b = this.scores[j];
    return a < b || (a === b && this.docs[i] > this.docs[j]);
  }

  private swap(i: number, j: number) {
    [this.docs[i], this.docs[j]] = [this.docs[j], this.docs[i]];
    [this.scores[i], this.scores[j]] = [this.scores[j], this.scores[i]];
  }

  offer(doc: number, score: number) {
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      for (let i = this.docs.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.below(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.scores[0];
    if (score < rootScore || (score === rootScore && doc > this.docs[0])) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let lowest = i;
      if (left < this.docs.length && this.below(left, lowest)) lowest = left;
      if (right < this.docs.length && this.below(right, lowest)) lowest = right;
      if (lowest === i) break;
      this.swap(i, lowest);
      i = lowest;
    }
  }

  sorted(): { doc: number; score: number }[] {
    return this.docs
      .map((doc, i) => ({ doc, score: this.scores[i] }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
