/** From bytes or text to a JSON value, refusing oversize input before any parsing. */
import type { Problem } from "../model.ts";
import { DEFAULT_MAX_IMPORT_BYTES } from "./model.ts";

/** Sizes are shown to people in decimal megabytes, as file managers show them. */
const MB = 1_000_000;

/** Sizes in messages: one decimal, the size rounded up and the limit down, so they never look equal. */
export const megabytesUp = (bytes: number) => Math.ceil((bytes / MB) * 10) / 10;
export const megabytesDown = (bytes: number) => Math.floor((bytes / MB) * 10) / 10;

/**
 * The problem an input of `bytes` bytes raises, if it is larger than `maxBytes` (callers check
 * before reading).
 */
export function oversizeProblem(bytes: number, maxBytes = DEFAULT_MAX_IMPORT_BYTES): Problem | null {
  if (bytes <= maxBytes) return null;
  return {
    where: "",
    code: "case.too_large",
    params: { size: megabytesUp(bytes), max: megabytesDown(maxBytes) },
    severity: "error",
  };
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * JSON nested deeper than this is refused before parsing: a CASE package needs about eight levels,
 * and every later step (writing, exporting, handing the result between threads) recurses.
 */
export const MAX_JSON_DEPTH = 100;

const tooDeep = (where: string, params: Problem["params"]): Problem => ({
  where,
  code: "case.too_deeply_nested",
  params: { max: MAX_JSON_DEPTH, ...params },
  severity: "error",
});

/** Where JSON text first nests deeper than MAX_JSON_DEPTH (a scan, no recursion), if it does. */
export function jsonDepthProblem(text: string): Problem | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        const { line, column } = lineColumn(text, i);
        return tooDeep(`line ${line}, column ${column}`, { line, column });
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/** The same for a value already parsed (an iterative walk). */
export function valueDepthProblem(value: unknown): Problem | null {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (typeof node !== "object" || node === null) continue;
    if (depth + 1 > MAX_JSON_DEPTH) return tooDeep("", { line: "?", column: "?" });
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return null;
}

/** Parses JSON text, turning V8's syntax error into a problem with line and column. */
export function parseJsonText(text: string): { value?: unknown; problem?: Problem } {
  if (text.trim() === "") return { problem: { where: "", code: "case.empty", severity: "error" } };
  const deep = jsonDepthProblem(text);
  if (deep) return { problem: deep };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const position = match ? Number(match[1]) : /end of (JSON )?input/i.test(message) ? text.length : null;
    const detail = message.replace(/\s*\(line \d+ column \d+\)/, "").slice(0, 160);
    if (position === null) {
      return {
        problem: {
          where: "",
          code: "case.invalid_json",
          params: { line: "?", column: "?", detail },
          severity: "error",
        },
      };
    }
    const { line, column } = lineColumn(text, position);
    return {
      problem: {
        where: `line ${line}, column ${column}`,
        code: "case.invalid_json",
        params: { line, column, position, detail },
        severity: "error",
      },
    };
  }
}

/** Text, bytes or an already parsed value → the JSON value, or the problem that stops the import. */
export function readCaseInput(
  input: string | Uint8Array | unknown,
  maxBytes = DEFAULT_MAX_IMPORT_BYTES,
): { value?: unknown; problem?: Problem } {
  if (input instanceof Uint8Array) {
    const tooLarge = oversizeProblem(input.byteLength, maxBytes);
    if (tooLarge) return { problem: tooLarge };
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return { problem: { where: "", code: "case.not_utf8", severity: "error" } };
    }
    return parseJsonText(text.replace(/^\uFEFF/, ""));
  }
  if (typeof input === "string") {
    // UTF-8 takes between 1 and 3 bytes per UTF-16 unit: short strings need no counting.
    const bytes = input.length > maxBytes / 3 ? Buffer.byteLength(input, "utf8") : input.length;
    const tooLarge = oversizeProblem(bytes, maxBytes);
    if (tooLarge) return { problem: tooLarge };
    return parseJsonText(input.replace(/^\uFEFF/, ""));
  }
  const deep = valueDepthProblem(input);
  return deep ? { problem: deep } : { value: input };
}
