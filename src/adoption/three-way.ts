/**
 * The three-way model of one adopted item, as pure functions (decision 011). For each upstream item:
 * `base` is the upstream state the draft last took or left (or the adopted edition's), `ours` the
 * local draft, `theirs` the latest upstream edition. What upstream changed is base → theirs; what the
 * organisation changed is base → ours; a conflict is the two touching the same thing differently.
 * Every state here names parents by upstream id (a parent that exists only locally as "local:<id>"),
 * so a parent compares like any other field.
 */
import type { ItemState } from "../frameworks/item-state.ts";

/** The fields an adopter takes or leaves: the text fields and the place in the outline (not sibling order). */
export const MERGE_FIELDS = [
  "code",
  "type",
  "statement_en",
  "statement_fr",
  "description_en",
  "description_fr",
  "parent_id",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
/** Fields an editor may also write a value of their own for, when merging (type and place are chosen, not typed). */
export const WRITABLE_FIELDS = ["code", "statement_en", "statement_fr", "description_en", "description_fr"] as const;
export type WritableField = (typeof WRITABLE_FIELDS)[number];
export const isWritable = (field: MergeField): field is WritableField =>
  (WRITABLE_FIELDS as readonly string[]).includes(field);

export type Value = string | null;

/** The prefix of a parent id that exists only in the draft (never equal to an upstream id). */
export const LOCAL_PARENT = "local:";

export interface ThreeWay {
  /** Upstream as last taken or left; null when the item was not upstream then. */
  base: ItemState | null;
  /** The local draft; null when the draft does not hold it. */
  ours: ItemState | null;
  /** The latest upstream edition; null when upstream removed it. */
  theirs: ItemState | null;
  /** The draft never held this item: its addition upstream was left. Its absence is then no local removal. */
  neverTaken: boolean;
  /** Under the local copy, something was added or edited locally (what a removal upstream would take away). */
  localWorkBelow: boolean;
}

export type ChangeKind = "added" | "changed" | "removed";
/**
 * - both_changed: a field changed upstream and locally, to different values;
 * - removed_locally: upstream changed the item, the draft deleted it;
 * - edited_locally: upstream removed the item, the draft edited it or something under it;
 * - added_both: upstream added an item the draft already holds, with other values.
 */
export type ConflictKind = "both_changed" | "removed_locally" | "edited_locally" | "added_both";

export interface FieldVersions {
  field: MergeField;
  base: Value;
  ours: Value;
  theirs: Value;
  /** Upstream changed it (base → theirs). */
  upstream: boolean;
  /** The draft changed it (base → ours). */
  local: boolean;
  /** Both changed it, differently. */
  conflict: boolean;
}

export interface Divergence {
  kind: ChangeKind;
  conflict: ConflictKind | null;
  /** The fields worth showing: those that differ between any two versions. */
  fields: FieldVersions[];
  /** What "take" copies into the draft: fields upstream changed that the draft does not already hold. */
  takes: MergeField[];
}

export const fieldValue = (state: ItemState | null, field: MergeField): Value =>
  state ? ((state[field] ?? null) as Value) : null;

const differs = (a: ItemState | null, b: ItemState | null, field: MergeField) =>
  fieldValue(a, field) !== fieldValue(b, field);

/** Whether two versions differ in any field an adopter decides on. */
export const sameState = (a: ItemState | null, b: ItemState | null) =>
  (a === null) === (b === null) && MERGE_FIELDS.every((f) => !differs(a, b, f));

function versions(x: ThreeWay): FieldVersions[] {
  return MERGE_FIELDS.map((field) => {
    const upstream = x.base !== null && x.theirs !== null && differs(x.base, x.theirs, field);
    const local = x.base !== null && x.ours !== null && differs(x.base, x.ours, field);
    return {
      field,
      base: fieldValue(x.base, field),
      ours: fieldValue(x.ours, field),
      theirs: fieldValue(x.theirs, field),
      upstream,
      local,
      conflict: upstream && local && differs(x.ours, x.theirs, field),
    };
  }).filter((v) => v.base !== v.ours || v.base !== v.theirs || v.ours !== v.theirs);
}

/** What upstream changed for one item and whether it conflicts with local work; null when nothing waits. */
export function diverge(x: ThreeWay): Divergence | null {
  const { base, ours, theirs } = x;
  if (theirs === null) {
    // Removed upstream: nothing to decide if it was never upstream or the draft no longer has it.
    if (base === null || ours === null) return null;
    const edited = !sameState(base, ours) || x.localWorkBelow;
    return { kind: "removed", conflict: edited ? "edited_locally" : null, fields: versions(x), takes: [] };
  }
  if (base === null) {
    if (ours === null) return { kind: "added", conflict: null, fields: versions(x), takes: [...MERGE_FIELDS] };
    const takes = MERGE_FIELDS.filter((f) => differs(ours, theirs, f));
    if (takes.length === 0) return null;
    const fields = versions(x).map((v) => ({ ...v, conflict: v.ours !== v.theirs }));
    return { kind: "added", conflict: "added_both", fields, takes };
  }
  const upstream = MERGE_FIELDS.filter((f) => differs(base, theirs, f));
  if (upstream.length === 0) return null;
  if (ours === null) {
    return x.neverTaken
      ? { kind: "added", conflict: null, fields: versions({ ...x, base: null }), takes: [...MERGE_FIELDS] }
      : { kind: "changed", conflict: "removed_locally", fields: versions(x), takes: [...MERGE_FIELDS] };
  }
  const takes = upstream.filter((f) => differs(ours, theirs, f));
  // The draft already holds what upstream changed (the same edit was made locally): nothing waits.
  if (takes.length === 0) return null;
  const fields = versions(x);
  return { kind: "changed", conflict: fields.some((v) => v.conflict) ? "both_changed" : null, fields, takes };
}

/** A merge choice for one field: keep the draft's, take upstream's, or write another value. */
export type Choice = { kind: "ours" } | { kind: "theirs" } | { kind: "value"; value: Value };

export type Decision =
  | { kind: "take" }
  | { kind: "leave" }
  | { kind: "merge"; choices: Partial<Record<MergeField, Choice>> };

/** What a decision does to the draft. `taken`/`written` name the fields that change and why. */
export type Resolution =
  | { action: "none" }
  /** Put upstream's item (theirs) into the draft. */
  | { action: "create"; state: ItemState }
  /** Delete the local copy with everything under it. */
  | { action: "delete" }
  | { action: "update"; set: Partial<Record<MergeField, Value>>; taken: MergeField[]; written: MergeField[] };

export type ResolveRefusal = "not_mergeable" | "choice_missing" | "not_writable";

/** Whether a field-by-field merge applies: both sides hold the item. */
export const mergeable = (x: ThreeWay, d: Divergence) => x.ours !== null && x.theirs !== null && d.takes.length > 0;

/**
 * What a decision changes in the draft. A take copies only `d.takes` (so a field upstream did not
 * change keeps its local value); a merge changes only the fields whose choice says so.
 */
export function resolve(x: ThreeWay, d: Divergence, decision: Decision): Resolution | ResolveRefusal {
  if (decision.kind === "leave") return { action: "none" };
  if (decision.kind === "take") {
    if (d.kind === "removed") return { action: "delete" };
    if (x.ours === null) return { action: "create", state: x.theirs as ItemState };
    const set: Partial<Record<MergeField, Value>> = {};
    for (const field of d.takes) set[field] = fieldValue(x.theirs, field);
    return { action: "update", set, taken: [...d.takes], written: [] };
  }
  if (!mergeable(x, d)) return "not_mergeable";
  const set: Partial<Record<MergeField, Value>> = {};
  const taken: MergeField[] = [];
  const written: MergeField[] = [];
  for (const field of d.takes) {
    const choice = decision.choices[field];
    if (!choice) return "choice_missing";
    if (choice.kind === "ours") continue;
    if (choice.kind === "value" && !isWritable(field)) return "not_writable";
    const value = choice.kind === "theirs" ? fieldValue(x.theirs, field) : choice.value;
    if (value === fieldValue(x.ours, field)) continue;
    set[field] = value;
    (choice.kind === "theirs" ? taken : written).push(field);
  }
  return Object.keys(set).length === 0 ? { action: "none" } : { action: "update", set, taken, written };
}

/** The draft's version of the item after a resolution (null: not in the draft). */
export function applyResolution(ours: ItemState | null, resolution: Resolution): ItemState | null {
  switch (resolution.action) {
    case "none":
      return ours;
    case "create":
      return { ...resolution.state };
    case "delete":
      return null;
    case "update":
      return ours && ({ ...ours, ...resolution.set } as ItemState);
  }
}
