/**
 * The pure rules of a job profile's requirements (issue 14, decision 037): ordering, target levels,
 * KSA narrowing, which items may be required, and how a requirement's pinned item compares with the
 * framework's current edition. No database, no HTTP: tested on plain values (with fast-check).
 */
import type { Bilingual } from "../../frameworks/tree.ts";

export const IMPORTANCES = ["essential", "asset"] as const;
export type Importance = (typeof IMPORTANCES)[number];

/**
 * Only competencies may be required, not the categories and areas that group them, nor the KSAs
 * under them (a requirement narrows to KSAs instead). Item types are data (imports bring their own):
 * a type is a competency when its code is the index's `competency` or its English label says so.
 */
export function isRequirableType(code: string, labelEn: string | null | undefined): boolean {
  if (code === "competency") return true;
  return /\bcompetenc(y|ies|e)\b/i.test(labelEn ?? "") && !/\bknowledge|skill|abilit/i.test(labelEn ?? "");
}

/**
 * The list with the entry at `from` moved to `to` (both clamped to the list), every other entry
 * keeping its relative order: always a permutation of the list.
 */
export function moveTo<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list];
  if (result.length === 0) return result;
  const source = clamp(from, 0, result.length - 1);
  const target = clamp(to, 0, result.length - 1);
  const [entry] = result.splice(source, 1);
  result.splice(target, 0, entry as T);
  return result;
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, Math.trunc(n)));

/** Where "up", "down", "first", "last" or a 1-based position takes the entry now at `from`. */
export function targetIndex(from: number, length: number, move: "up" | "down" | "first" | "last" | number): number {
  if (move === "up") return Math.max(0, from - 1);
  if (move === "down") return Math.min(length - 1, from + 1);
  if (move === "first") return 0;
  if (move === "last") return length - 1;
  return clamp(move - 1, 0, length - 1);
}

/** A target level must be one of the scale's level numbers. */
export function isLevelOf(levels: readonly { number: number }[], level: number): boolean {
  return Number.isInteger(level) && levels.some((l) => l.number === level);
}

/** The level a newly chosen competency starts at: the middle of the scale (3 of 5). */
export function defaultLevel(levels: readonly { number: number }[]): number {
  const numbers = levels.map((l) => l.number).sort((a, b) => a - b);
  return numbers[Math.ceil(numbers.length / 2) - 1] ?? 1;
}

export type KsaChoice = { ok: true; ksaIds: string[] | null } | { ok: false; unknown: string[] };

/**
 * Narrows a requirement to chosen KSAs. Every id must be a KSA of the competency (`available`, in the
 * edition's order); none ticked, or all of them, is the competency as a whole (null), so a later
 * edition's new KSAs are part of it too. Otherwise the chosen ids in the edition's order, once each.
 */
export function narrowKsas(chosen: readonly string[], available: readonly string[]): KsaChoice {
  const known = new Set(available);
  const unknown = [...new Set(chosen.filter((id) => !known.has(id)))];
  if (unknown.length > 0) return { ok: false, unknown };
  const wanted = new Set(chosen);
  if (wanted.size === 0 || wanted.size === known.size) return { ok: true, ksaIds: null };
  return { ok: true, ksaIds: available.filter((id) => wanted.has(id)) };
}

/** The KSAs of a requirement still present in another edition; those that are not, dropped. */
export function keepKsas(ksaIds: readonly string[] | null, available: readonly string[]) {
  if (ksaIds === null) return { ksaIds: null, dropped: [] as string[] };
  const known = new Set(available);
  const kept = ksaIds.filter((id) => known.has(id));
  const dropped = ksaIds.filter((id) => !known.has(id));
  // Nothing left of a narrowed choice: the competency as a whole, rather than an empty narrowing.
  return { ksaIds: kept.length === 0 ? null : kept, dropped };
}

/** What an edition says of one item, as the comparison needs it. */
export interface ItemSnapshot {
  parentId: string | null;
  code: string | null;
  statement: Bilingual;
  description: Bilingual;
  ksas: { id: string; statement: Bilingual; description: Bilingual }[];
}

export type EditionStatus = "unchanged" | "changed" | "moved" | "retired";

export interface EditionComparison {
  /** retired > changed > moved > unchanged: a changed item that also moved is "changed" (and `moved`). */
  status: EditionStatus;
  moved: boolean;
  /** The item's own fields that differ. */
  fields: ("code" | "statement" | "description")[];
  ksasAdded: string[];
  ksasRemoved: string[];
  ksasChanged: string[];
}

const sameText = (a: Bilingual, b: Bilingual) => (a.en ?? null) === (b.en ?? null) && (a.fr ?? null) === (b.fr ?? null);

/** How the framework's current edition (`current`; undefined: absent) differs from the pinned one. */
export function compareEditions(pinned: ItemSnapshot, current: ItemSnapshot | undefined): EditionComparison {
  const none = { moved: false, fields: [], ksasAdded: [], ksasRemoved: [], ksasChanged: [] };
  if (!current) return { status: "retired", ...none };
  const fields: EditionComparison["fields"] = [];
  if ((pinned.code ?? null) !== (current.code ?? null)) fields.push("code");
  if (!sameText(pinned.statement, current.statement)) fields.push("statement");
  if (!sameText(pinned.description, current.description)) fields.push("description");
  const before = new Map(pinned.ksas.map((k) => [k.id, k]));
  const after = new Map(current.ksas.map((k) => [k.id, k]));
  const ksasAdded = current.ksas.filter((k) => !before.has(k.id)).map((k) => k.id);
  const ksasRemoved = pinned.ksas.filter((k) => !after.has(k.id)).map((k) => k.id);
  const ksasChanged = current.ksas
    .filter((k) => {
      const old = before.get(k.id);
      return old !== undefined && (!sameText(old.statement, k.statement) || !sameText(old.description, k.description));
    })
    .map((k) => k.id);
  const moved = (pinned.parentId ?? null) !== (current.parentId ?? null);
  const changed = fields.length + ksasAdded.length + ksasRemoved.length + ksasChanged.length > 0;
  const status: EditionStatus = changed ? "changed" : moved ? "moved" : "unchanged";
  return { status, moved, fields, ksasAdded, ksasRemoved, ksasChanged };
}

/**
 * Whether the builder and the profile page should say so: the item differs in the current edition,
 * and the author has not already kept the old wording against that very edition.
 */
export function needsReview(
  comparison: Pick<EditionComparison, "status">,
  pinnedEditionId: string,
  currentEditionId: string | null,
  reviewedEditionId: string | null,
): boolean {
  if (comparison.status === "unchanged" || currentEditionId === null) return false;
  if (pinnedEditionId === currentEditionId) return false;
  return reviewedEditionId !== currentEditionId;
}

export interface DiffPart {
  kind: "same" | "removed" | "added";
  text: string;
}

/** Longer texts than this (in words) are shown as removed-then-added rather than diffed word by word. */
const DIFF_MAX_WORDS = 600;

/**
 * A word diff of two texts (longest common subsequence over words and the spaces between them).
 * Joining the "same" and "removed" parts gives `before`; "same" and "added", `after`.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter((t) => t !== "");
  const b = after.split(/(\s+)/).filter((t) => t !== "");
  if (a.length > DIFF_MAX_WORDS || b.length > DIFF_MAX_WORDS)
    return merge([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ]);
  // lengths[i][j]: LCS of a[i..] and b[j..]
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (lengths[i] as Uint16Array)[j] =
        a[i] === b[j]
          ? ((lengths[i + 1] as Uint16Array)[j + 1] as number) + 1
          : Math.max((lengths[i + 1] as Uint16Array)[j] as number, (lengths[i] as Uint16Array)[j + 1] as number);
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ kind: "same", text: a[i] as string });
      i++;
      j++;
    } else if (((lengths[i + 1] as Uint16Array)[j] as number) >= ((lengths[i] as Uint16Array)[j + 1] as number)) {
      parts.push({ kind: "removed", text: a[i++] as string });
    } else parts.push({ kind: "added", text: b[j++] as string });
  }
  while (i < a.length) parts.push({ kind: "removed", text: a[i++] as string });
  while (j < b.length) parts.push({ kind: "added", text: b[j++] as string });
  return merge(parts);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === "") continue;
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
