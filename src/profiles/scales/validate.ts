/**
 * What makes a scale well formed, without a database: its levels are numbered 1..n with no gap and
 * no repeat, there are at least two and at most MAX_LEVELS, each has a label in both languages,
 * no two levels share a label in the same language, and the scale is named in both languages.
 * The page, the API and a CASE import all check a scale here before the store writes it.
 */
import type { MessageRef } from "../../i18n/index.ts";
import type { Bilingual } from "./read.ts";

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 10;
export const LABEL_MAX = 120;
export const NAME_MAX = 200;
export const DESCRIPTOR_MAX = 2000;

export interface LevelInput {
  number: number;
  label: Bilingual;
  descriptor: Bilingual;
}

export interface ScaleInput {
  name: Bilingual;
  description: Bilingual;
  levels: LevelInput[];
}

/** One problem, with the field it belongs to (`levels`, `level_3_label_fr`, `name_en`…). */
export interface ScaleProblem {
  field: string;
  message: MessageRef;
}

const LANGS = ["en", "fr"] as const;

/** Labels are compared as a reader would: case, accents' composition and spacing aside. */
export const labelKey = (label: string) => label.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();

/** Trims every text; numbers are kept as given (the check says what is wrong with them). */
export function normaliseScale(input: ScaleInput): ScaleInput {
  const trim = (text: Bilingual): Bilingual => ({ en: text.en.trim(), fr: text.fr.trim() });
  return {
    name: trim(input.name),
    description: trim(input.description),
    levels: input.levels.map((level) => ({
      number: level.number,
      label: trim(level.label),
      descriptor: trim(level.descriptor),
    })),
  };
}

/** Every problem of a (normalised) scale; none means the store may write it. */
export function scaleProblems(input: ScaleInput): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  for (const lang of LANGS) {
    const name = input.name[lang];
    if (!name) problems.push({ field: `name_${lang}`, message: "formRequired" });
    else if (name.length > NAME_MAX)
      problems.push({ field: `name_${lang}`, message: { key: "formTooLong", args: [NAME_MAX] } });
    if (input.description[lang].length > DESCRIPTOR_MAX)
      problems.push({ field: `description_${lang}`, message: { key: "formTooLong", args: [DESCRIPTOR_MAX] } });
  }
  const levels = input.levels;
  if (levels.length < MIN_LEVELS || levels.length > MAX_LEVELS)
    problems.push({ field: "levels", message: { key: "scaleLevelCount", args: [MIN_LEVELS, MAX_LEVELS] } });
  const numbers = levels.map((level) => level.number);
  const contiguous = numbers.every((n, i) => Number.isInteger(n) && n === i + 1);
  if (!contiguous) problems.push({ field: "levels", message: "scaleLevelNumbers" });
  const seen = { en: new Map<string, number>(), fr: new Map<string, number>() };
  levels.forEach((level, index) => {
    const at = contiguous ? level.number : index + 1;
    for (const lang of LANGS) {
      const field = `level_${at}_label_${lang}`;
      const label = level.label[lang];
      if (!label) problems.push({ field, message: "formRequired" });
      else if (label.length > LABEL_MAX) problems.push({ field, message: { key: "formTooLong", args: [LABEL_MAX] } });
      else {
        const first = seen[lang].get(labelKey(label));
        if (first !== undefined) problems.push({ field, message: { key: "scaleLabelRepeated", args: [first] } });
        else seen[lang].set(labelKey(label), at);
      }
      const descriptor = level.descriptor[lang];
      if (descriptor.length > DESCRIPTOR_MAX)
        problems.push({
          field: `level_${at}_descriptor_${lang}`,
          message: { key: "formTooLong", args: [DESCRIPTOR_MAX] },
        });
    }
  });
  return problems;
}

/** Problems as a form's field errors: each field's first problem. */
export function problemsByField(problems: readonly ScaleProblem[]): Record<string, MessageRef> {
  const errors: Record<string, MessageRef> = {};
  for (const problem of problems) errors[problem.field] ??= problem.message;
  return errors;
}

/** Per-competency descriptors: only levels the scale has, each text within bounds. */
export function descriptorProblems(levelCount: number, descriptors: ReadonlyMap<number, Bilingual>): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  for (const [number, text] of descriptors) {
    if (!Number.isInteger(number) || number < 1 || number > levelCount) {
      problems.push({ field: "levels", message: "scaleLevelNumbers" });
      continue;
    }
    for (const lang of LANGS)
      if (text[lang].length > DESCRIPTOR_MAX)
        problems.push({ field: `level_${number}_${lang}`, message: { key: "formTooLong", args: [DESCRIPTOR_MAX] } });
  }
  return problems;
}
