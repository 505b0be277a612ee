/**
 * A staff file's cell values as HR systems write them: statuses and languages in English or French,
 * dates in several formats. Pure; each returns undefined when the text is not one it knows.
 */
import { personFields } from "../staff/fields.ts";
import { headerKey } from "./columns.ts";

export type PersonStatus = "active" | "on_leave" | "left";
export type DateOrder = "dmy" | "mdy";

const STATUS_WORDS: Record<string, PersonStatus> = {};
for (const [status, words] of Object.entries({
  active: ["active", "actif", "active employee", "employed", "current", "a", "en poste", "en fonction", "employe"],
  on_leave: ["on leave", "leave", "leave of absence", "loa", "en conge", "conge", "absent", "l", "on_leave"],
  left: [
    "left",
    "terminated",
    "inactive",
    "former",
    "resigned",
    "retired",
    "departed",
    "t",
    "i",
    "parti",
    "partie",
    "inactif",
    "inactive",
    "depart",
    "quitte",
    "retraite",
    "demissionnaire",
    "termine",
  ],
} satisfies Record<PersonStatus, string[]>)) {
  for (const word of words) STATUS_WORDS[word] = status as PersonStatus;
}

export function parseStatus(text: string): PersonStatus | undefined {
  return STATUS_WORDS[headerKey(text)];
}

const LANG_WORDS: Record<string, "en" | "fr"> = {
  en: "en",
  eng: "en",
  english: "en",
  anglais: "en",
  "en ca": "en",
  "en us": "en",
  "en gb": "en",
  fr: "fr",
  fra: "fr",
  fre: "fr",
  french: "fr",
  francais: "fr",
  "fr ca": "fr",
  "fr fr": "fr",
};

export function parseLang(text: string): "en" | "fr" | undefined {
  return LANG_WORDS[headerKey(text)];
}

const MONTHS: Record<string, number> = {};
for (const [index, names] of [
  ["january", "jan", "janvier", "janv"],
  ["february", "feb", "fevrier", "fevr", "fev"],
  ["march", "mar", "mars"],
  ["april", "apr", "avril", "avr"],
  ["may", "mai"],
  ["june", "jun", "juin"],
  ["july", "jul", "juillet", "juil"],
  ["august", "aug", "aout"],
  ["september", "sep", "sept", "septembre"],
  ["october", "oct", "octobre"],
  ["november", "nov", "novembre"],
  ["december", "dec", "decembre"],
].entries()) {
  for (const name of names) MONTHS[name] = index + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function isoIfReal(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as HR exports write it, as YYYY-MM-DD: 2024-03-15 (with a time or not), 2024/03/15,
 * 15/03/2024 or 03/15/2024 (which of day and month comes first: the value tells when one is above
 * 12, else `order`), 15.03.2024, 15 March 2024, March 15, 2024, 15 mars 2024, 1er mars 2024, and an
 * Excel day number (45366) when a workbook kept a date as a plain number.
 */
export function parseDate(text: string, order: DateOrder = "dmy"): string | undefined {
  const value = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(value);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: .*)?$/.exec(value);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayFirst = a > 12 ? true : b > 12 ? false : order === "dmy";
    return dayFirst ? isoIfReal(year, b, a) : isoIfReal(year, a, b);
  }
  if (/^\d{5}(?:\.\d+)?$/.test(value)) {
    // Excel's day number: day 1 is 1900-01-01, counted as if 1900 were a leap year.
    const serial = Math.floor(Number(value));
    if (serial < 367) return undefined;
    const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return isoIfReal(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const words = headerKey(value.replace(/(\d)(er|st|nd|rd|th)\b/gi, "$1")).split(" ");
  if (words.length === 3) {
    const [x, y, z] = words;
    if (/^\d{1,2}$/.test(x) && MONTHS[y] && /^\d{4}$/.test(z)) return isoIfReal(Number(z), MONTHS[y], Number(x));
    if (MONTHS[x] && /^\d{1,2}$/.test(y) && /^\d{4}$/.test(z)) return isoIfReal(Number(z), MONTHS[x], Number(y));
  }
  return undefined;
}

/** An e-mail address as stored (lower-cased), by the people store's own rule; undefined when it is not one. */
export function parseEmail(text: string): string | undefined {
  const parsed = personFields.shape.email.safeParse(text);
  return parsed.success && parsed.data !== null ? parsed.data : undefined;
}
