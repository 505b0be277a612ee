/**
 * The assessment forms' fields, named per competency (`self_level:{key}`, `was_self_level:{key}`…),
 * read into the store's changes. Pure: the routes hand it the posted body and the competencies the
 * assessment has; a competency the body does not mention is not changed, and a key the assessment
 * does not have is ignored (a stale form after a removal saves the others).
 */
import type { FieldErrors } from "../../ui/forms/index.ts";
import { type AssessmentItem, parseItemKey } from "./read.ts";
import type { FieldGroup } from "./states.ts";
import type { Fields, ItemChange } from "./store.ts";

export const COMMENT_MAX = 4000;
export const NOTES_MAX = 10000;
/** The radio value for "not rated yet" (the scale's levels are numbered from 1). */
export const NOT_RATED = "0";

export const levelField = (group: FieldGroup, key: string) => `${group}_level:${key}`;
export const commentField = (group: FieldGroup, key: string) => `${group}_comment:${key}`;
export const was = (field: string) => `was_${field}`;

type Body = Record<string, string | File | (string | File)[] | undefined>;

const text = (body: Body, name: string): string | undefined => {
  const value = body[name];
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? one : undefined;
};

/** "" or "0": not rated; a whole number: that level; anything else: undefined (refused). */
export function readLevel(value: string | undefined): number | null | undefined {
  if (value === undefined || value === "" || value === NOT_RATED) return null;
  if (!/^[1-9][0-9]?$/.test(value)) return undefined;
  return Number(value);
}

const comment = (value: string | undefined) => (value === undefined ? undefined : value.slice(0, COMMENT_MAX));

export type ReadChanges = { ok: true; changes: ItemChange[] } | { ok: false; errors: FieldErrors };

/** The changes a form makes to one group of fields, for the competencies named in `only` (all when absent). */
export function readChanges(
  body: Body,
  group: FieldGroup,
  items: readonly Pick<AssessmentItem, "key">[],
  levels: number,
  only?: string,
): ReadChanges {
  const changes: ItemChange[] = [];
  const errors: FieldErrors = {};
  const withComment = group !== "agreed";
  for (const item of items) {
    if (only !== undefined && item.key !== only) continue;
    const ref = parseItemKey(item.key);
    if (!ref) continue;
    const levelName = levelField(group, item.key);
    const commentName = commentField(group, item.key);
    const sentLevel = text(body, levelName);
    const sentComment = withComment ? text(body, commentName) : undefined;
    if (sentLevel === undefined && sentComment === undefined) continue;
    const loadedLevel = readLevel(text(body, was(levelName)));
    const previous: Fields = { level: loadedLevel ?? null };
    if (withComment) previous.comment = comment(text(body, was(commentName))) ?? null;
    const level = sentLevel === undefined ? previous.level : readLevel(sentLevel);
    if (level === undefined || (level !== null && level > levels)) {
      errors[levelName] = "awLevelInvalid";
      continue;
    }
    const values: Fields = { level };
    if (withComment) values.comment = sentComment === undefined ? (previous.comment ?? null) : comment(sentComment);
    changes.push({ ...ref, values, previous });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, changes };
}

/** What the form showed and now holds, by field name: the page drawn again after a refusal keeps the input. */
export function sentValues(body: Body): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(body))
    if (typeof value === "string" && !name.startsWith("was_") && name !== "_csrf") values[name] = value;
  return values;
}
