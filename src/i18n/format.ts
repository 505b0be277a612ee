/**
 * Dates, times and numbers through Intl, with the Canadian French conventions Intl does not apply:
 * « 1er juillet 2026 » (the first of the month is an ordinal) and « 9 h 07 » (no leading zero, no
 * « 00 » on the hour, no-break spaces so the time never splits across lines).
 */
import { NBSP } from "./typography.ts";

type Lang = "en" | "fr";

const locales: Record<Lang, string> = { en: "en-CA", fr: "fr-CA" };
const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(lang: Lang, kind: "date" | "time", timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${lang}:${kind}:${timeZone ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date" ? { dateStyle: "long", timeZone } : { hour: "numeric", minute: "2-digit", timeZone };
    format = new Intl.DateTimeFormat(locales[lang], options);
    formats.set(key, format);
  }
  return format;
}

const parse = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

// Pages show the same few dates (an edition's, its items') on every render: each is formatted once.
// Bounded, and emptied when full, so arbitrary input cannot grow it.
const formattedDates = new Map<string, string>();
const FORMATTED_DATES_MAX = 5_000;

/** "August 13, 2015" / "13 août 2015", "1er juillet 2026". An unreadable date is shown as given. */
export function formatDate(iso: string, lang: Lang, timeZone?: string): string {
  // Keyed by the second, not the text: "printed on" passes the current time, a new string every
  // millisecond. Time zones' offsets are whole seconds, so a second never straddles two days.
  const date = parse(iso);
  const key = `${lang}|${timeZone ?? ""}|${date ? Math.floor(date.getTime() / 1000) : iso}`;
  const known = formattedDates.get(key);
  if (known !== undefined) return known;
  const formatted = formatDateUncached(iso, lang, timeZone);
  if (formattedDates.size >= FORMATTED_DATES_MAX) formattedDates.clear();
  formattedDates.set(key, formatted);
  return formatted;
}

/** formatDate without its memory (exported for the test that compares the two). */
export function formatDateUncached(iso: string, lang: Lang, timeZone?: string): string {
  const date = parse(iso);
  if (!date) return iso;
  const parts = dateTimeFormat(lang, "date", timeZone).formatToParts(date);
  return parts.map((p) => (lang === "fr" && p.type === "day" && Number(p.value) === 1 ? "1er" : p.value)).join("");
}

/**
 * A calendar day (YYYY-MM-DD, or a timestamp that starts with one) as the language writes it. A day
 * is not an instant: it is read at its noon in UTC and written in UTC, so no zone, the server's or
 * the organisation's, moves it to another day. Anything else is shown as given.
 */
export function formatDay(day: string, lang: Lang): string {
  const date = day.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(`${date}T12:00:00Z`, lang, "UTC") : day;
}

/** "9:07 a.m." / « 9 h 07 », « 14 h ». An unreadable time is shown as given. */
export function formatTime(iso: string, lang: Lang, timeZone?: string): string {
  const date = parse(iso);
  if (!date) return iso;
  const format = dateTimeFormat(lang, "time", timeZone);
  if (lang === "en") return format.format(date);
  const parts = format.formatToParts(date);
  const hour = String(Number(parts.find((p) => p.type === "hour")?.value ?? "0"));
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return minute === "00" ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${minute}`;
}

/** "July 1, 2026, 9:07 a.m." / « 1er juillet 2026 à 9 h 07 ». */
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  if (!parse(iso)) return iso;
  const date = formatDate(iso, lang, timeZone);
  const time = formatTime(iso, lang, timeZone);
  return lang === "fr" ? `${date} à ${time}` : `${date}, ${time}`;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(locales.en),
  fr: new Intl.NumberFormat(locales.fr),
};

export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}
