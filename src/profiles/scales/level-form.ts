/**
 * The level editor without JavaScript: one form holds every level (level_N_label_en…, and
 * level_N_was, the number the level had when the page was drawn); "move up", "move down", "remove"
 * and "add a level" are buttons of that same form (`action`), so what was typed is never lost. They
 * redraw the form in the new order; only "save" writes. Pure.
 */
import type { SavedLevel, SaveScale } from "./store.ts";
import { MAX_LEVELS } from "./validate.ts";

export interface LevelRow {
  label_en: string;
  label_fr: string;
  descriptor_en: string;
  descriptor_fr: string;
  /** The number this level had in the saved scale; null for a level added since. */
  was: number | null;
}

export interface LevelForm {
  name_en: string;
  name_fr: string;
  description_en: string;
  description_fr: string;
  version: number | null;
  rows: LevelRow[];
}

export type LevelAction = { kind: "save" } | { kind: "add" } | { kind: "up" | "down" | "remove"; index: number };

const text = (body: Record<string, unknown>, name: string, max = 4000) => {
  const value = body[name];
  return typeof value === "string" ? value.slice(0, max) : "";
};

const positiveInt = (value: string): number | null => (/^[1-9]\d{0,5}$/.test(value) ? Number(value) : null);

/** The editor's fields as they were sent (at most one row past the limit, so the check can say so). */
export function readLevelForm(body: Record<string, unknown>): LevelForm {
  const count = Math.min(positiveInt(text(body, "count")) ?? 0, MAX_LEVELS + 1);
  const rows: LevelRow[] = [];
  for (let n = 1; n <= count; n++)
    rows.push({
      label_en: text(body, `level_${n}_label_en`),
      label_fr: text(body, `level_${n}_label_fr`),
      descriptor_en: text(body, `level_${n}_descriptor_en`),
      descriptor_fr: text(body, `level_${n}_descriptor_fr`),
      was: positiveInt(text(body, `level_${n}_was`)),
    });
  return {
    name_en: text(body, "name_en"),
    name_fr: text(body, "name_fr"),
    description_en: text(body, "description_en"),
    description_fr: text(body, "description_fr"),
    version: positiveInt(text(body, "version")),
    rows,
  };
}

/** Which button was pressed: `save`, `add`, or `up:N` / `down:N` / `remove:N` (N from 1). */
export function readLevelAction(value: unknown, rowCount: number): LevelAction {
  if (typeof value !== "string") return { kind: "save" };
  if (value === "add") return { kind: "add" };
  const match = /^(up|down|remove):(\d{1,2})$/.exec(value);
  if (!match) return { kind: "save" };
  const index = Number(match[2]) - 1;
  if (index < 0 || index >= rowCount) return { kind: "save" };
  return { kind: match[1] as "up" | "down" | "remove", index };
}

/** The rows after a button other than save (never more than MAX_LEVELS rows from "add"). */
export function applyLevelAction(rows: readonly LevelRow[], action: LevelAction): LevelRow[] {
  const next = [...rows];
  switch (action.kind) {
    case "add":
      if (next.length < MAX_LEVELS)
        next.push({ label_en: "", label_fr: "", descriptor_en: "", descriptor_fr: "", was: null });
      return next;
    case "remove":
      next.splice(action.index, 1);
      return next;
    case "up":
    case "down": {
      const to = action.kind === "up" ? action.index - 1 : action.index + 1;
      if (to < 0 || to >= next.length) return next;
      [next[action.index], next[to]] = [next[to] as LevelRow, next[action.index] as LevelRow];
      return next;
    }
    default:
      return next;
  }
}

/** The form's values as fields are named (to draw the form again). */
export function levelFormValues(form: LevelForm): Record<string, string> {
  const values: Record<string, string> = {
    name_en: form.name_en,
    name_fr: form.name_fr,
    description_en: form.description_en,
    description_fr: form.description_fr,
  };
  form.rows.forEach((row, index) => {
    const n = index + 1;
    values[`level_${n}_label_en`] = row.label_en;
    values[`level_${n}_label_fr`] = row.label_fr;
    values[`level_${n}_descriptor_en`] = row.descriptor_en;
    values[`level_${n}_descriptor_fr`] = row.descriptor_fr;
  });
  return values;
}

/** What the store saves from the form. */
export function levelFormToSave(form: LevelForm): SaveScale {
  return {
    name: { en: form.name_en, fr: form.name_fr },
    description: { en: form.description_en, fr: form.description_fr },
    levels: form.rows.map(
      (row, index): SavedLevel => ({
        number: index + 1,
        label: { en: row.label_en, fr: row.label_fr },
        descriptor: { en: row.descriptor_en, fr: row.descriptor_fr },
        was: row.was,
      }),
    ),
    expectedVersion: form.version ?? undefined,
  };
}
