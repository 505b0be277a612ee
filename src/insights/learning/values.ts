/**
 * A learning resource's values as people type them, in a form or a spreadsheet cell, in English or
 * French: "1.5" or "1,5" hours, "125.50" or "125,50 $" of cost, a format by its key or its name in
 * either language. Pure; each parser says what is wrong as a message key, never in English.
 */
import { RESOURCE_FORMATS } from "../../db/migrations/018_insights.ts";
import type { MessageKey } from "../../i18n/message-ref.ts";

export { RESOURCE_FORMATS };
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number];

export const TITLE_MAX = 300;
export const URL_MAX = 2000;
export const PROVIDER_MAX = 200;
/** A year of full-time learning is about 1,800 hours; more is a typing mistake. */
export const HOURS_MAX = 5000;
/** 10 million in any currency: a training budget line, not a typo of a few more zeros. */
export const COST_MAX_CENTS = 1_000_000_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: MessageKey };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (problem: MessageKey): Parsed<never> => ({ ok: false, problem });

/** Lower case, accents off, spaces and hyphens as "_": "On-the-job" → "on_the_job", "Vidéo" → "video". */
export const normalKey = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .toLowerCase()
    .replace(/[\s\-’']+/g, "_");

const FORMAT_NAMES: Record<string, ResourceFormat> = {
  course: "course",
  cours: "course",
  formation: "course",
  on_the_job: "on_the_job",
  en_poste: "on_the_job",
  en_cours_d_emploi: "on_the_job",
  sur_le_tas: "on_the_job",
  mentoring: "mentoring",
  mentorat: "mentoring",
  reading: "reading",
  lecture: "reading",
  video: "video",
  other: "other",
  autre: "other",
};

export function parseFormat(text: string): Parsed<ResourceFormat> {
  const format = FORMAT_NAMES[normalKey(text)];
  return format ? ok(format) : fail("learningErrFormat");
}

/** A decimal number written with "." or "," (and spaces between thousands); undefined when it is not one. */
function decimal(text: string, maxDecimals: number): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const pattern = new RegExp(`^\\d{1,9}(\\.\\d{1,${maxDecimals}})?$`);
  return pattern.test(compact) ? Number(compact) : undefined;
}

/** Hours, as whole minutes; empty → null. */
export function parseHours(text: string): Parsed<number | null> {
  if (text.trim() === "") return ok(null);
  const hours = decimal(text, 2);
  if (hours === undefined || hours > HOURS_MAX) return fail("learningErrHours");
  return ok(Math.round(hours * 60));
}

/** A cost, as integer cents; a currency sign or code written beside it is left to the currency field. */
export function parseCost(text: string): Parsed<number | null> {
  const bare = text.replace(/[$€£]|\b[A-Za-z]{3}\b/g, "").trim();
  if (bare === "") return text.trim() === "" ? ok(null) : fail("learningErrCost");
  const amount = decimal(bare, 2);
  if (amount === undefined) return fail("learningErrCost");
  const cents = Math.round(amount * 100);
  return cents > COST_MAX_CENTS ? fail("learningErrCost") : ok(cents);
}

/** An ISO 4217 code; empty → null. */
export function parseCurrency(text: string): Parsed<string | null> {
  const code = text.trim().toUpperCase();
  if (code === "") return ok(null);
  return /^[A-Z]{3}$/.test(code) ? ok(code) : fail("learningErrCurrency");
}

/** An http(s) address; empty → null. */
export function parseUrl(text: string): Parsed<string | null> {
  const value = text.trim();
  if (value === "") return ok(null);
  if (value.length > URL_MAX) return fail("learningErrUrl");
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? ok(url.href) : fail("learningErrUrl");
  } catch {
    return fail("learningErrUrl");
  }
}

/** Minutes as hours for a form or a spreadsheet ("1.5"); the page formats them with Intl. */
export const hoursText = (minutes: number | null) =>
  minutes === null ? "" : String(Math.round((minutes / 60) * 100) / 100);

/** Cents as an amount ("125.5" → "125.50"). */
export const costText = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

/** A resource's own fields, checked: what a form and a spreadsheet row both become. */
export interface ResourceFields {
  titleEn: string;
  titleFr: string;
  url: string | null;
  provider: string | null;
  format: ResourceFormat;
  durationMinutes: number | null;
  costCents: number | null;
  currency: string | null;
}

export type RawFields = Record<
  "title_en" | "title_fr" | "url" | "provider" | "format" | "hours" | "cost" | "currency",
  string
>;

/** Checks every field; the problems by field name, or the fields. */
export function checkFields(
  raw: RawFields,
): { ok: true; fields: ResourceFields } | { ok: false; problems: Partial<Record<keyof RawFields, MessageKey>> } {
  const problems: Partial<Record<keyof RawFields, MessageKey>> = {};
  const text = (name: "title_en" | "title_fr" | "provider", max: number, required: boolean) => {
    const value = raw[name].trim();
    if (required && value === "") problems[name] = "learningErrRequired";
    else if (value.length > max) problems[name] = "learningErrTooLong";
    return value;
  };
  const titleEn = text("title_en", TITLE_MAX, true);
  const titleFr = text("title_fr", TITLE_MAX, true);
  const provider = text("provider", PROVIDER_MAX, false);
  const take = <T>(name: keyof RawFields, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problems[name] = parsed.problem;
    return undefined;
  };
  const url = take("url", parseUrl(raw.url));
  const format = raw.format.trim() === "" ? undefined : take("format", parseFormat(raw.format));
  if (raw.format.trim() === "") problems.format = "learningErrFormat";
  const durationMinutes = take("hours", parseHours(raw.hours));
  const costCents = take("cost", parseCost(raw.cost));
  const currency = take("currency", parseCurrency(raw.currency));
  if (costCents != null && currency === null) problems.currency = "learningErrCurrencyNeeded";
  if (costCents === null && currency) problems.cost = "learningErrCostNeeded";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      titleEn,
      titleFr,
      url: url ?? null,
      provider: provider === "" ? null : provider,
      format: format as ResourceFormat,
      durationMinutes: durationMinutes ?? null,
      costCents: costCents ?? null,
      currency: currency ?? null,
    },
  };
}
