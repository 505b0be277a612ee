/**
 * Finding a tree position by a string (an item's id, its URL key) without a Map: the positions
 * sorted by that string in one Int32Array, searched by halves. A Map of 50,000 ids held ~1.8 MB
 * (decision 039); this holds 200 KB, and a look-up costs ~16 string comparisons. The sort is a
 * merge sort written as steps (src/slices.ts), so a big framework's is cut into slices too.
 */
import { STEP, type Steps } from "../slices.ts";

/** Positions 0…count-1 ordered by `keyOf`, stable (equal keys keep their position order). */
export function* sortedPositionsSteps(count: number, keyOf: (position: number) => string): Steps<Int32Array> {
  let from = new Int32Array(count);
  for (let i = 0; i < count; i++) from[i] = i;
  let into = new Int32Array(count);
  let work = 0;
  for (let width = 1; width < count; width *= 2) {
    for (let start = 0; start < count; start += 2 * width) {
      const middle = Math.min(start + width, count);
      const end = Math.min(start + 2 * width, count);
      let left = start;
      let right = middle;
      for (let out = start; out < end; out++) {
        // Stable: the left run wins ties.
        if (left < middle && (right >= end || !(keyOf(from[right]) < keyOf(from[left])))) into[out] = from[left++];
        else into[out] = from[right++];
        if (++work % (STEP * 16) === 0) yield;
      }
    }
    [from, into] = [into, from];
  }
  return from;
}

/**
 * The position whose key is `key`, or -1. With equal keys, the last in position order answers (as
 * a Map filled in that order would).
 */
export function findPosition(sorted: Int32Array, keyOf: (position: number) => string, key: string): number {
  let low = 0;
  let high = sorted.length;
  // The first entry whose key is greater than `key`; the one before it is the last equal one.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key < keyOf(sorted[middle])) high = middle;
    else low = middle + 1;
  }
  if (low === 0) return -1;
  const found = sorted[low - 1];
  return keyOf(found) === key ? found : -1;
}
