/**
 * The postings of a search index packed as flat data (inverted.ts adopts them): built in a worker
 * thread for a big framework (index-build.ts) or in slices, and scored with BM25+.
 */
import { STEP, type Steps } from "../slices.ts";

const K1 = 1.2;
const B = 0.7;
const BM25_DELTA = 0.5;

/**
 * An inverted index as flat data: only a string and typed arrays, so a worker thread can build it
 * and hand it over whole: the typed arrays' buffers move without a copy, and the terms travel as one
 * string (decision 039). The terms are sorted: the term dictionary (dictionary.ts) is these arrays.
 */
export interface PackedPostings {
  documentCount: number;
  fieldCount: number;
  /** The index terms, sorted (code units) and joined: term i is termText[termOffsets[i], termOffsets[i + 1]). */
  termText: string;
  termOffsets: Int32Array;
  /** Term i's postings are docs/fields[starts[i], starts[i + 1]). */
  starts: Int32Array;
  docs: Int32Array;
  fields: Uint8Array;
  lengthFactor: Float32Array;
  docBoost: Float32Array;
}

/** The postings of every term, packed (see PackedPostings). Pure: runs in a worker or in slices. */
export function* packPostingsSteps(
  documentCount: number,
  fieldCount: number,
  termsOf: (doc: number, field: number) => readonly string[],
  docBoost: (doc: number) => number,
): Steps<PackedPostings> {
  const postings = new Map<string, { docs: number[]; fields: number[] }>();
  const lengths = new Uint16Array(documentCount * fieldCount);
  const totalLength = new Float64Array(fieldCount);
  const nonEmpty = new Float64Array(fieldCount);
  for (let doc = 0; doc < documentCount; doc++) {
    for (let field = 0; field < fieldCount; field++) {
      const terms = termsOf(doc, field);
      if (terms.length === 0) continue;
      lengths[doc * fieldCount + field] = Math.min(terms.length, 65535);
      totalLength[field] += terms.length;
      nonEmpty[field]++;
      for (const term of terms) {
        let list = postings.get(term);
        if (!list) {
          list = { docs: [], fields: [] };
          postings.set(term, list);
        }
        const last = list.docs.length - 1;
        if (last >= 0 && list.docs[last] === doc) list.fields[last] |= 1 << field;
        else {
          list.docs.push(doc);
          list.fields.push(1 << field);
        }
      }
    }
    if (doc % STEP === STEP - 1) yield;
  }
  // Every term's postings in two shared arrays: one allocation instead of two per term (89,000
  // terms at 50,000 items), and no garbage arrays left behind. Sorted, so the dictionary needs no
  // tree: terms a prefix begins are neighbours.
  let total = 0;
  for (const list of postings.values()) total += list.docs.length;
  const sorted = [...postings.keys()].sort();
  yield;
  const starts = new Int32Array(sorted.length + 1);
  const termOffsets = new Int32Array(sorted.length + 1);
  const docs = new Int32Array(total);
  const fields = new Uint8Array(total);
  let offset = 0;
  let textLength = 0;
  for (let i = 0; i < sorted.length; i++) {
    const list = postings.get(sorted[i]) as { docs: number[]; fields: number[] };
    starts[i] = offset;
    termOffsets[i] = textLength;
    textLength += sorted[i].length;
    docs.set(list.docs, offset);
    fields.set(list.fields, offset);
    offset += list.docs.length;
    if (i % STEP === STEP - 1) yield;
  }
  starts[sorted.length] = offset;
  termOffsets[sorted.length] = textLength;
  postings.clear();
  const termText = sorted.join("");

  const lengthFactor = new Float32Array(documentCount * fieldCount);
  for (let doc = 0; doc < documentCount; doc++) {
    for (let field = 0; field < fieldCount; field++) {
      const length = lengths[doc * fieldCount + field];
      if (length === 0) continue;
      const average = totalLength[field] / nonEmpty[field];
      // BM25+ for a term that occurs once in the field (statements rarely repeat a word).
      lengthFactor[doc * fieldCount + field] = BM25_DELTA + (K1 + 1) / (1 + K1 * (1 - B + (B * length) / average));
    }
  }
  const boosts = new Float32Array(documentCount);
  for (let doc = 0; doc < documentCount; doc++) boosts[doc] = docBoost(doc);
  return { documentCount, fieldCount, termText, termOffsets, starts, docs, fields, lengthFactor, docBoost: boosts };
}
