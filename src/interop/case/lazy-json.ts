/**
 * Reading a large CASE package without holding it twice (issue 12). `JSON.parse` of the whole file
 * needs the text as one string (up to twice the file's size: UTF-16) and every item's JSON at once
 * (several times the file's size) before the first item is read. Here one pass over the bytes finds
 * where the package's top-level values start and end, checking the structure between them; the
 * CFItems and CFAssociations arrays become `LazyJsonArray`s, whose elements are decoded and parsed
 * one at a time, when the reader asks for them, and let go after. Every other value (the document,
 * the definitions, anything unknown) is small and parsed at once.
 *
 * What it accepts is exactly what JSON.parse accepts: each element is parsed by JSON.parse itself,
 * and the scan between elements accepts only white space, commas, colons, keys and brackets in
 * JSON's order. When anything is wrong, `readLazyPackage` says so without reporting where: the
 * caller then reads the file the ordinary way, which reports the problem (line, column, detail)
 * exactly as before.
 */
import { MAX_JSON_DEPTH } from "./source.ts";

/** The arrays read lazily, at the top of the package (or inside a `{"CFPackage": …}` wrapper). */
const LAZY_KEYS = new Set(["CFItems", "CFAssociations"]);

/** Thrown from `forEach` or `at` when an element is not valid JSON (the scan cannot see inside strings). */
export class LazyJsonError extends Error {}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** A JSON array in the bytes, parsed element by element. Looks like an array to `readItems` and `readAssociations`. */
export class LazyJsonArray {
  constructor(
    private readonly bytes: Uint8Array,
    /** Start and end (exclusive) byte offsets of each element, two numbers per element. */
    private readonly spans: number[],
  ) {}

  get length(): number {
    return this.spans.length / 2;
  }

  /** The element at `index`, parsed afresh (nothing is kept). */
  at(index: number): unknown {
    const start = this.spans[2 * index];
    const end = this.spans[2 * index + 1];
    try {
      return JSON.parse(decoder.decode(this.bytes.subarray(start, end)));
    } catch {
      throw new LazyJsonError(`element ${index} at byte ${start} is not valid JSON`);
    }
  }

  forEach(visit: (value: unknown, index: number) => void): void {
    for (let index = 0; index < this.length; index++) visit(this.at(index), index);
  }
}

/** Whether a value is a JSON array, parsed or lazy. */
export const isJsonArray = (value: unknown): value is unknown[] | LazyJsonArray =>
  Array.isArray(value) || value instanceof LazyJsonArray;

/** An element of a JSON array, parsed or lazy. */
export const elementAt = (array: unknown[] | LazyJsonArray, index: number): unknown =>
  array instanceof LazyJsonArray ? array.at(index) : array[index];

class NotLazy extends Error {}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The package's top-level object with its large arrays lazy, or null when the bytes are not a JSON
 * object this reader can take apart (not an object, a syntax error between values, too deep):
 * the caller then reads them the ordinary way, which reports the problem as it always has.
 * The bytes must be valid UTF-8 (checked by the caller), without a byte order mark.
 */
export function readLazyPackage(bytes: Uint8Array): Record<string, unknown> | null {
  let i = 0;
  const n = bytes.length;
  const skipSpace = () => {
    while (i < n && SPACE.has(bytes[i])) i++;
  };
  const expect = (byte: number) => {
    skipSpace();
    if (bytes[i] !== byte) throw new NotLazy();
    i++;
  };
  /** Skips a string starting at i (a quote), leaving i after its closing quote. */
  const skipString = () => {
    i++;
    while (i < n) {
      const c = bytes[i++];
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) return;
    }
    throw new NotLazy();
  };
  /**
   * Skips one value starting at i (after white space), counting nesting from `depth` (the depth
   * of the value's container), and returns its span. Brackets must balance in kind; JSON.parse
   * checks everything else when the value is parsed.
   */
  const skipValue = (depth: number): [number, number] => {
    skipSpace();
    const start = i;
    const c = bytes[i];
    if (c === QUOTE) {
      skipString();
      return [start, i];
    }
    if (c !== 0x7b && c !== 0x5b) {
      // A number, true, false or null: up to the next delimiter.
      while (i < n && !SPACE.has(bytes[i]) && bytes[i] !== 0x2c && bytes[i] !== 0x5d && bytes[i] !== 0x7d) i++;
      if (i === start) throw new NotLazy();
      return [start, i];
    }
    const open: number[] = [];
    while (i < n) {
      const b = bytes[i];
      if (b === QUOTE) {
        skipString();
        continue;
      }
      i++;
      if (b === 0x7b || b === 0x5b) {
        open.push(b === 0x7b ? 0x7d : 0x5d);
        if (depth + open.length > MAX_JSON_DEPTH) throw new NotLazy();
      } else if (b === 0x7d || b === 0x5d) {
        if (open.pop() !== b) throw new NotLazy();
        if (open.length === 0) return [start, i];
      }
    }
    throw new NotLazy();
  };
  const parseSpan = ([start, end]: [number, number]) => {
    try {
      return JSON.parse(decoder.decode(bytes.subarray(start, end)));
    } catch {
      throw new NotLazy();
    }
  };
  /** An array whose elements are recorded, not parsed. i is at its '['; `depth` is the array's own. */
  const lazyArray = (depth: number): LazyJsonArray => {
    i++;
    const spans: number[] = [];
    skipSpace();
    if (bytes[i] === 0x5d) {
      i++;
      return new LazyJsonArray(bytes, spans);
    }
    for (;;) {
      const [start, end] = skipValue(depth);
      spans.push(start, end);
      skipSpace();
      if (bytes[i] === 0x2c) {
        i++;
        continue;
      }
      if (bytes[i] === 0x5d) {
        i++;
        return new LazyJsonArray(bytes, spans);
      }
      throw new NotLazy();
    }
  };
  /** An object whose large arrays (and a CFPackage wrapper's) stay lazy. i is at its '{'; `depth` is its own. */
  const object = (depth: number): Record<string, unknown> => {
    i++;
    const result: Record<string, unknown> = {};
    skipSpace();
    if (bytes[i] === 0x7d) {
      i++;
      return result;
    }
    for (;;) {
      skipSpace();
      if (bytes[i] !== QUOTE) throw new NotLazy();
      const keyStart = i;
      skipString();
      const key = parseSpan([keyStart, i]) as string;
      expect(0x3a);
      skipSpace();
      let value: unknown;
      if (LAZY_KEYS.has(key) && bytes[i] === 0x5b) value = lazyArray(depth + 1);
      else if (key === "CFPackage" && depth === 1 && bytes[i] === 0x7b) value = object(depth + 1);
      else value = parseSpan(skipValue(depth));
      // As JSON.parse does: the last of repeated keys wins, and "__proto__" is a key like any other.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (bytes[i] === 0x2c) {
        i++;
        continue;
      }
      if (bytes[i] === 0x7d) {
        i++;
        return result;
      }
      throw new NotLazy();
    }
  };

  try {
    skipSpace();
    if (bytes[i] !== 0x7b) return null;
    const root = object(1);
    skipSpace();
    return i === n ? root : null;
  } catch (error) {
    if (error instanceof NotLazy) return null;
    throw error;
  }
}
