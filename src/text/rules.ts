/**
 * The one rule for text that enters Skillshelf, whichever way it comes: the editor's forms, CASE
 * packages, spreadsheets (XLSX, CSV), pasted text, the wizard's own fields. It says what a stored
 * value may hold, per kind of field:
 *
 *  - never a character that changes how other text is shown or that is not text at all: the
 *    text-direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan
 *    Source" reordering), C0/C1 control characters and DEL, unpaired surrogates, noncharacters;
 *  - line breaks only in multi-line kinds. CR LF, CR, VT, FF, NEL, U+2028 and U+2029 are all line
 *    breaks (Unicode's mandatory breaks), read as "\n";
 *  - at most the kind's length, counted in UTF-16 units after line breaks are read as "\n";
 *  - in kinds readers see as formatted text: no HTML and no link other than http(s) or mailto.
 *
 * Normalising (line breaks → "\n", NFC, trimming) is what forms and pasted text get; a CASE package
 * keeps its own text for a lossless round trip, which is safe because normalising never removes or
 * hides a refused character: the same check runs on what is stored. Pure: no I/O.
 */

export interface TextKindRule {
  /** Longest value, in UTF-16 units (what a browser's maxlength counts). */
  max: number;
  multiline: boolean;
  /** Shown to readers as (a subset of) Markdown: HTML and odd links are refused. */
  markup: boolean;
}

export const TEXT_KINDS = {
  /** Item statements (competencies, KSAs, areas…): real CASE statements reach 2,700 characters. */
  statement: { max: 5000, multiline: true, markup: true },
  description: { max: 5000, multiline: true, markup: true },
  title: { max: 300, multiline: false, markup: true },
  /** Item type labels (CASE CFItemType). */
  label: { max: 500, multiline: false, markup: true },
  /** Human codes ("ML.CR.1"); the editor also limits their characters (URLs carry them). */
  code: { max: 200, multiline: false, markup: false },
  typeCode: { max: 100, multiline: false, markup: false },
  publisher: { max: 1000, multiline: false, markup: true },
  licence: { max: 1000, multiline: false, markup: true },
  version: { max: 60, multiline: false, markup: false },
  /** An edition's summary. */
  summary: { max: 500, multiline: true, markup: false },
  /** Identifiers, links and other machine text from files: characters and lines only. */
  reference: { max: 2000, multiline: false, markup: false },
} as const satisfies Record<string, TextKindRule>;

export type TextKind = keyof typeof TEXT_KINDS;

/** Why a character is refused: it reorders text, it is a control code, or it is not a character. */
export type RefusedClass = "bidi" | "control" | "broken";

export type TextIssue =
  | {
      rule: "character";
      class: RefusedClass;
      /** "U+202E". */
      char: string;
      /** 1-based position in characters (code points) of the value as given. */
      position: number;
    }
  | { rule: "lineBreak" }
  | { rule: "tooLong"; length: number; max: number }
  | { rule: "html" }
  | { rule: "badLink" };

// Without the u flag the surrogate ranges match code units, so lone halves can be found.
const REFUSED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const REFUSED_ALL = new RegExp(REFUSED.source, "g");
// biome-ignore lint/suspicious/noControlCharactersInRegex: VT and FF are line breaks here
const LINE_BREAKS = /\r\n|[\r\u000b\u000c\u0085\u2028\u2029]/g;

/** Something that looks like an HTML tag, comment or a dangerous element's start. */
const HTML_LIKE =
  /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--|<(script|iframe|object|embed|svg|img|style|link|meta|math|base|form|input)\b/i;
/** A Markdown link whose target is not http(s) or mailto. */
const BAD_LINK = /\]\(\s*(?!https?:\/\/|mailto:)[^)]*\)/i;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

function classOf(code: number): RefusedClass {
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return "bidi";
  if (code < 0xa0) return "control";
  return "broken";
}

/** The first refused character, or null. */
export function findRefusedCharacter(value: string): Extract<TextIssue, { rule: "character" }> | null {
  const match = REFUSED.exec(value);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  return { rule: "character", class: classOf(code), char: hex(code), position: codePoints(value, match.index) + 1 };
}

/** Code points in value.slice(0, end), counting a lone surrogate as one. */
function codePoints(value: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Every line break as "\n". */
export const unifyLineBreaks = (value: string) => value.replace(LINE_BREAKS, "\n");

/** What forms and pasted text store: line breaks as "\n", composed (NFC), without outer spaces. */
export const normaliseText = (value: string) => unifyLineBreaks(value).normalize("NFC").trim();

/**
 * Whether `value` may be stored in a field of this kind, as it is (callers normalise first, or keep
 * a source's text verbatim). Null when it may; otherwise the first rule it breaks.
 */
export function checkText(value: string, kind: TextKind): TextIssue | null {
  const rule: TextKindRule = TEXT_KINDS[kind];
  const refused = findRefusedCharacter(value);
  if (refused) return refused;
  const lines = unifyLineBreaks(value);
  if (!rule.multiline && lines.trim().includes("\n")) return { rule: "lineBreak" };
  if (lines.length > rule.max) return { rule: "tooLong", length: lines.length, max: rule.max };
  if (rule.markup && HTML_LIKE.test(value)) return { rule: "html" };
  if (rule.markup && BAD_LINK.test(value)) return { rule: "badLink" };
  return null;
}

/** Normalises and checks: the value to store (null when empty), or why it is refused. */
export function acceptText(
  raw: string,
  kind: TextKind,
): { ok: true; value: string | null } | { ok: false; issue: TextIssue } {
  const value = normaliseText(raw);
  const issue = checkText(value, kind);
  if (issue) return { ok: false, issue };
  return { ok: true, value: value === "" ? null : value };
}

/**
 * Takes refused characters out (for pasted text, where they are invisible and cannot be corrected
 * by hand), saying which were removed.
 */
export function removeRefusedCharacters(value: string): { text: string; removed: string[] } {
  const removed = new Set<string>();
  const text = value.replace(REFUSED_ALL, (char) => {
    removed.add(hex(char.charCodeAt(0)));
    return "";
  });
  return { text, removed: [...removed] };
}

/**
 * The text with each refused character written out ("⟦U+202E⟧"), for showing text that was refused
 * (an import's preview, a problem quoting its input) without the effect the character would have.
 */
export const revealRefusedCharacters = (value: string): string =>
  value.replace(REFUSED_ALL, (char) => `⟦${hex(char.charCodeAt(0))}⟧`);
