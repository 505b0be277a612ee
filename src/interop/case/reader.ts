/** Small helpers the CASE parser shares: problem collection, JSON pointers, typed field reads. */
import type { Lang } from "../../i18n/index.ts";
import { checkText, TEXT_KINDS, type TextKind } from "../../text/rules.ts";
import type { Problem } from "../model.ts";
import { textProblem } from "../text-problems.ts";
import type { FieldKind, FieldSpec } from "./fields.ts";
import { EXTENSION_KEY, isUuid, MAX_CASE_TEXT } from "./model.ts";

export type Json = Record<string, unknown>;

/** What kind of text each CASE field holds (src/text/rules.ts); any other text field is a reference. */
const FIELD_KINDS: Record<string, TextKind> = {
  fullStatement: "statement",
  notes: "description",
  description: "description",
  title: "title",
  humanCodingScheme: "code",
  CFItemType: "label",
  creator: "publisher",
  publisher: "publisher",
  version: "version",
};
const kindOf = (key: string): TextKind => FIELD_KINDS[key] ?? "reference";

const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** RFC 6901: "~" and "/" are escaped inside a pointer segment. */
export const pointer = (base: string, ...segments: (string | number)[]) =>
  base + segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

export const jsonType = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** The JSON type each kind of field has in the standard's schema. */
const JSON_TYPE: Record<FieldKind, string> = {
  string: "string",
  uri: "string",
  uuid: "string",
  date: "string",
  datetime: "string",
  caseVersion: "string",
  associationType: "string",
  strings: "array",
  links: "array",
  objects: "array",
  criteria: "array",
  levels: "array",
  integer: "number",
  number: "number",
  link: "object",
  linkGen: "object",
  object: "object",
};

export class Reader {
  readonly problems: Problem[] = [];
  /** Stops listing the same code over and over on hostile input; one last entry says how many more. */
  private readonly perCode = new Map<string, number>();
  private readonly overflow = new Map<string, Problem>();
  private static readonly MAX_PER_CODE = 200;

  add(severity: Problem["severity"], where: string, code: string, params?: Problem["params"]) {
    const seen = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, seen);
    if (seen <= Reader.MAX_PER_CODE) {
      this.problems.push({ where, code, params, severity });
      return;
    }
    const more = this.overflow.get(code);
    if (more?.params) more.params.count = Number(more.params.count) + 1;
    else {
      const entry: Problem = { where, code: "case.more_problems", params: { code, count: 1 }, severity };
      this.overflow.set(code, entry);
      this.problems.push(entry);
    }
  }
  error(where: string, code: string, params?: Problem["params"]) {
    this.add("error", where, code, params);
  }
  warn(where: string, code: string, params?: Problem["params"]) {
    this.add("warning", where, code, params);
  }

  /**
   * A text field: a string, or absent. Any other JSON type (a number, a boolean, an array…) is an
   * error at its pointer: guessing what a number in a statement meant is not the reader's job. A null
   * counts as absent, and the report says so. The text rule of the field's kind applies
   * (src/text/rules.ts): a value it refuses is reported and read as absent.
   */
  text(obj: Json, key: string, at: string, kind: TextKind = kindOf(key)): string | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    const where = pointer(at, key);
    if (value === null) {
      this.warn(where, "case.null_value", { field: key });
      return undefined;
    }
    if (typeof value !== "string") {
      this.error(where, "case.wrong_type", { field: key, expected: "string", actual: jsonType(value) });
      return undefined;
    }
    return this.checked(value, key, where, kind);
  }

  /**
   * Fields the standard defines that this reader does not otherwise read: each must have the JSON
   * type the standard gives it (kept verbatim, so a wrong one would travel on unnoticed).
   */
  knownTypes(obj: Json, spec: FieldSpec, at: string, handled: ReadonlySet<string>) {
    for (const key in obj) {
      const kind = spec[key];
      if (kind === undefined || handled.has(key)) continue;
      const value = obj[key];
      if (value === undefined) continue; // not JSON: a caller's object with the key left unset
      const where = pointer(at, key);
      if (value === null) {
        this.warn(where, "case.null_value", { field: key });
        continue;
      }
      const expected = JSON_TYPE[kind];
      if (jsonType(value) !== expected || (kind === "integer" && !Number.isSafeInteger(value))) {
        this.error(where, "case.wrong_type", {
          field: key,
          expected: kind === "integer" ? "integer" : expected,
          actual: jsonType(value),
        });
      } else if (kind === "strings") {
        (value as unknown[]).forEach((element, i) => {
          if (typeof element !== "string")
            this.error(pointer(where, i), "case.wrong_type", {
              field: `${key}[]`,
              expected: "string",
              actual: jsonType(element),
            });
        });
      }
    }
  }

  /** The text if the rule of its kind accepts it as it is (CASE text is kept verbatim); else reported. */
  checked(text: string, field: string, where: string, kind: TextKind): string | undefined {
    const issue = checkText(text, kind);
    if (!issue) return text;
    const max = TEXT_KINDS[kind].max;
    if (issue.rule === "tooLong") this.error(where, "case.text_too_long", { field, length: text.length, max });
    else {
      const problem = textProblem(issue, where, field);
      this.add(problem.severity, problem.where, problem.code, problem.params);
    }
    return undefined;
  }

  /** A text from Skillshelf's translations block (`at` points at the block), checked like the field itself. */
  translated(block: Json | undefined, key: string, at: string): string | null {
    const value = block?.[key];
    if (typeof value !== "string" || value.length > MAX_CASE_TEXT) return null;
    return this.checked(value, key, pointer(at, key), kindOf(key)) ?? null;
  }

  /** A required text field: absent or blank is a problem of the given severity. */
  requiredText(obj: Json, key: string, at: string, severity: Problem["severity"] = "error"): string | undefined {
    const present = obj[key] !== undefined && obj[key] !== null;
    const text = this.text(obj, key, at);
    if (present && text === undefined) return undefined; // already reported: wrong type or too long
    if (text === undefined || text.trim() === "") {
      this.add(severity, pointer(at, key), "case.missing_field", { field: key });
      return undefined;
    }
    return text;
  }

  /** The object's identifier: required, a UUID (compared in lower case, as CASE writes them). */
  identifier(obj: Json, at: string): string | undefined {
    const value = obj.identifier;
    if (typeof value === "string" && LOWER_UUID.test(value)) return value; // the usual case, kept cheap
    if (value === undefined || value === null || value === "") {
      this.error(pointer(at, "identifier"), "case.missing_field", { field: "identifier" });
      return undefined;
    }
    if (typeof value !== "string") {
      this.error(pointer(at, "identifier"), "case.wrong_type", {
        field: "identifier",
        expected: "string",
        actual: jsonType(value),
      });
      return undefined;
    }
    const id = value.trim().replace(/^urn:uuid:/i, "");
    if (!isUuid(id)) {
      this.error(pointer(at, "identifier"), "case.invalid_identifier", { value: value.slice(0, 80) });
      return undefined;
    }
    const lower = id.toLowerCase();
    this.warn(pointer(at, "identifier"), "case.converted_identifier", { value: value.slice(0, 80), id: lower });
    return lower;
  }

  /** A required lastChangeDateTime, normalised to ISO-8601 UTC; the source's text is returned too. */
  dateTime(
    obj: Json,
    at: string,
    severity: Problem["severity"] = "error",
  ): { iso: string; original: string } | undefined {
    const value = obj.lastChangeDateTime;
    if (value === undefined || value === null || value === "") {
      this.add(severity, pointer(at, "lastChangeDateTime"), "case.missing_field", { field: "lastChangeDateTime" });
      return undefined;
    }
    const time = typeof value === "string" && value.length <= 60 ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) {
      this.add(severity, pointer(at, "lastChangeDateTime"), "case.invalid_date", {
        field: "lastChangeDateTime",
        value: quotable(value).slice(0, 80),
      });
      return undefined;
    }
    return { iso: new Date(time).toISOString(), original: value as string };
  }
}

/**
 * A repeated identifier. Real servers repeat entries, identical or not (one sample lists an item
 * twice with different abbreviated statements): the first is kept and the repeat is reported,
 * naming the fields that differ.
 */
export function reportRepeat(
  reader: Reader,
  where: string,
  id: string,
  first: { at: string; entry: Json },
  entry: Json,
) {
  const keys = new Set([...Object.keys(first.entry), ...Object.keys(entry)]);
  const differing = [...keys].filter(
    (k) => JSON.stringify(first.entry[k] ?? null) !== JSON.stringify(entry[k] ?? null),
  );
  if (differing.length === 0) reader.warn(where, "case.repeated_entry", { id, first: first.at });
  else
    reader.warn(where, "case.conflicting_duplicate", { id, first: first.at, fields: differing.slice(0, 8).join(", ") });
}

/** Normalises an identifier that may be a UUID (lower case) and leaves any other text alone. */
export const normalizeId = (value: string) => {
  if (LOWER_UUID.test(value)) return value;
  const bare = value.trim().replace(/^urn:uuid:/i, "");
  return isUuid(bare) ? bare.toLowerCase() : value;
};

/** The language a CASE `language` field names, as far as Skillshelf's two go (English otherwise). */
export function languageOf(value: unknown): Lang | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (/^(fr|fre|fra)([-_].*)?$/.test(v)) return "fr";
  if (/^(en|eng)([-_].*)?$/.test(v)) return "en";
  return undefined;
}

/**
 * Takes Skillshelf's own block out of an `extensions` object: what is left stays as it came, the
 * block gives translations and fields an earlier export could not place.
 */
export function splitExtensions(value: unknown): {
  rest: Json | undefined;
  translations: Partial<Record<Lang, Json>>;
  unmapped: Json;
} {
  if (!isObject(value)) return { rest: value as undefined, translations: {}, unmapped: {} };
  const { [EXTENSION_KEY]: ours, ...rest } = value;
  const block = isObject(ours) ? ours : {};
  const translations: Partial<Record<Lang, Json>> = {};
  if (isObject(block.translations)) {
    for (const lang of ["en", "fr"] as const) {
      const t = block.translations[lang];
      if (isObject(t)) translations[lang] = t;
    }
  }
  const unmapped = isObject(block.unmapped) ? block.unmapped : {};
  // Someone else's "skillshelf" key that is not our block stays where it was.
  const keep = ours !== undefined && !isObject(ours) ? { ...rest, [EXTENSION_KEY]: ours } : rest;
  return { rest: Object.keys(keep).length > 0 ? keep : undefined, translations, unmapped };
}

/**
 * A translated text from an extension block, if it is a usable string. Unchecked: for labels the
 * import writer checks (src/interop/import.ts); the parser's own fields use `Reader.translated`.
 */
export const translated = (block: Json | undefined, key: string): string | null => {
  const value = block?.[key];
  return typeof value === "string" && value.length <= MAX_CASE_TEXT ? value : null;
};

/** Where Skillshelf's translations of a node into `lang` sit, under the node at `at`. */
export const translationsAt = (at: string, lang: Lang) =>
  pointer(at, "extensions", EXTENSION_KEY, "translations", lang);

/** A value from the input, as text for a message: never calls the input's own methods (a hostile "toString" key). */
function quotable(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
