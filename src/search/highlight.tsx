/**
 * Marks the matched words of a text, accent- and case-insensitively, keeping the text's own
 * characters. Output is JSX children only: every piece of text is escaped by the renderer.
 */
import { processTerm, singular } from "./normalize.ts";

export interface Segment {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Whether one word of the text is one of the matched index terms (or the singular of one). */
function matches(word: string, terms: ReadonlySet<string>): boolean {
  const term = processTerm(word);
  return term !== null && (terms.has(term) || terms.has(singular(term)));
}

/** Splits a text into runs, each a matched word or anything else; joined, they give the text back. */
export function highlightSegments(text: string, matchedTerms: Iterable<string>): Segment[] {
  const terms = new Set(matchedTerms);
  const segments: Segment[] = [];
  const push = (piece: string, match: boolean) => {
    if (!piece) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match && !match) last.text += piece;
    else segments.push({ text: piece, match });
  };
  let cursor = 0;
  for (const found of text.matchAll(WORD)) {
    const start = found.index ?? 0;
    push(text.slice(cursor, start), false);
    push(found[0], terms.size > 0 && matches(found[0], terms));
    cursor = start + found[0].length;
  }
  push(text.slice(cursor), false);
  return segments;
}

export function hasMatch(text: string | null | undefined, matchedTerms: Iterable<string>): boolean {
  if (!text) return false;
  const terms = new Set(matchedTerms);
  if (terms.size === 0) return false;
  for (const found of text.matchAll(WORD)) if (matches(found[0], terms)) return true;
  return false;
}

/**
 * The part of a long text around its first matched word, cut at word boundaries and marked with
 * ellipses, so a match deep inside a description can be shown in a result line.
 */
export function snippet(text: string, matchedTerms: Iterable<string>, maxLength = 180): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  const terms = new Set(matchedTerms);
  let matchAt = 0;
  for (const found of text.matchAll(WORD)) {
    if (matches(found[0], terms)) {
      matchAt = Array.from(text.slice(0, found.index ?? 0)).length;
      break;
    }
  }
  let start = Math.max(0, Math.min(matchAt - Math.floor(maxLength / 3), chars.length - maxLength));
  let end = Math.min(chars.length, start + maxLength);
  // Move the cuts out of the middle of words.
  while (start > 0 && start < matchAt && /\S/u.test(chars[start - 1])) start++;
  while (end < chars.length && end > matchAt && /\S/u.test(chars[end])) end--;
  const body = chars.slice(start, end).join("").trim();
  return `${start > 0 ? "… " : ""}${body}${end < chars.length ? " …" : ""}`;
}

/** The text with its matched words in <mark>. */
export function Highlight(props: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(props.text, props.terms).map((segment) =>
        segment.match ? <mark>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
