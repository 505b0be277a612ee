/**
 * An adopted framework's waiting upstream changes, as pure data: each upstream item put in its three
 * versions (three-way.ts), with what the page and the commands need around it. No I/O: the store
 * hands in the editions' items, the per-item tracking and the draft.
 */
import { createHash } from "node:crypto";
import type { DraftItem, ItemState } from "../frameworks/item-state.ts";
import {
  type Divergence,
  diverge,
  fieldValue,
  LOCAL_PARENT,
  MERGE_FIELDS,
  sameState,
  type ThreeWay,
} from "./three-way.ts";

/** Which upstream edition an item's last decision was about (a row of `adoption_items`). */
export interface TrackedItem {
  sourceItemId: string;
  edition: number;
  /** take | leave | merge */
  decision: string;
  /** The kind of change decided on: added | changed | removed. */
  kind: string;
}

export interface EntriesInput {
  adoptedEdition: number;
  latestEdition: number;
  /** Items (by upstream id) of the upstream editions needed: the adopted one, every tracked one, the latest. */
  editions: ReadonlyMap<number, ReadonlyMap<string, ItemState>>;
  tracked: ReadonlyMap<string, TrackedItem>;
  draft: readonly DraftItem[];
  /** The local id of an upstream item (ids are derived, so they match without a table). */
  localId: (upstreamId: string) => string;
}

export interface UpstreamEntry extends Divergence {
  /** The item's id upstream. */
  id: string;
  localId: string;
  /** The upstream edition `base` comes from: the one last taken or left for this item, or the adopted one. */
  baseEdition: number;
  three: ThreeWay;
  /** The draft's item as it is (local ids), null when absent. */
  local: DraftItem | null;
  /** Upstream's place for it is not in the draft (taking it, or its move, needs that parent first). */
  parentMissing: boolean;
  /** Names the three versions the editor saw: a decision made on other versions is refused. */
  fingerprint: string;
}

export interface UpstreamEntries {
  entries: UpstreamEntry[];
  /** Local id → upstream id, for every draft item that came from upstream. */
  upstreamOf: Map<string, string>;
}

const stateLine = (s: ItemState | null) => s && MERGE_FIELDS.map((f) => fieldValue(s, f));

export function entryFingerprint(id: string, baseEdition: number, x: ThreeWay): string {
  return createHash("sha256")
    .update(JSON.stringify([id, baseEdition, stateLine(x.base), stateLine(x.ours), stateLine(x.theirs)]))
    .digest("hex")
    .slice(0, 32);
}

const itemsAt = (input: EntriesInput, edition: number) => input.editions.get(edition) ?? new Map<string, ItemState>();

/** The base edition of an upstream item: the one last decided on, or the adopted one. */
export const baseEditionOf = (input: Pick<EntriesInput, "tracked" | "adoptedEdition">, id: string) =>
  input.tracked.get(id)?.edition ?? input.adoptedEdition;

/** Every upstream change waiting for a decision, in upstream's reading order (removed items last). */
export function upstreamEntries(input: EntriesInput): UpstreamEntries {
  const latest = itemsAt(input, input.latestEdition);
  const adopted = itemsAt(input, input.adoptedEdition);
  const universe = new Set<string>([...latest.keys(), ...adopted.keys(), ...input.tracked.keys()]);
  const upstreamOf = new Map<string, string>();
  for (const id of universe) upstreamOf.set(input.localId(id), id);
  const draftById = new Map(input.draft.map((i) => [i.id, i]));
  const childrenOf = new Map<string, DraftItem[]>();
  for (const item of input.draft)
    if (item.parent_id) childrenOf.set(item.parent_id, [...(childrenOf.get(item.parent_id) ?? []), item]);

  const baseOf = (id: string) => itemsAt(input, baseEditionOf(input, id)).get(id) ?? null;
  /** A draft item with every id in upstream's terms. */
  const inUpstreamTerms = (item: DraftItem, id: string): ItemState => ({
    id,
    parent_id: item.parent_id ? (upstreamOf.get(item.parent_id) ?? `${LOCAL_PARENT}${item.parent_id}`) : null,
    position: item.position,
    type: item.type,
    code: item.code,
    statement_en: item.statement_en,
    statement_fr: item.statement_fr,
    description_en: item.description_en,
    description_fr: item.description_fr,
  });
  const localWorkBelow = (localId: string): boolean => {
    const seen = new Set<string>([localId]);
    const queue = [...(childrenOf.get(localId) ?? [])];
    while (queue.length > 0) {
      const child = queue.shift() as DraftItem;
      if (seen.has(child.id)) continue; // a corrupt cycle must not hang the page
      seen.add(child.id);
      const upstreamId = upstreamOf.get(child.id);
      if (!upstreamId || !sameState(baseOf(upstreamId), inUpstreamTerms(child, upstreamId))) return true;
      queue.push(...(childrenOf.get(child.id) ?? []));
    }
    return false;
  };

  const entries: UpstreamEntry[] = [];
  for (const id of universe) {
    const localId = input.localId(id);
    const local = draftById.get(localId) ?? null;
    const tracked = input.tracked.get(id);
    const three: ThreeWay = {
      base: baseOf(id),
      ours: local && inUpstreamTerms(local, id),
      theirs: latest.get(id) ?? null,
      neverTaken: tracked?.kind === "added" && tracked.decision === "leave",
      localWorkBelow: false,
    };
    if (three.theirs === null && three.base !== null && three.ours !== null)
      three.localWorkBelow = localWorkBelow(localId);
    const divergence = diverge(three);
    if (!divergence) continue;
    const baseEdition = baseEditionOf(input, id);
    const parent = three.theirs?.parent_id ?? null;
    const needsParent =
      divergence.kind !== "removed" && (three.ours === null || divergence.takes.includes("parent_id"));
    entries.push({
      ...divergence,
      id,
      localId,
      baseEdition,
      three,
      local,
      parentMissing: needsParent && parent !== null && !draftById.has(input.localId(parent)),
      fingerprint: entryFingerprint(id, baseEdition, three),
    });
  }
  return { entries, upstreamOf };
}

type CatchUpEntry = Pick<UpstreamEntry, "id" | "baseEdition" | "three">;

/** Whether edition `n` holds a change still waiting: an item that differs there from its base, decided before `n`. */
export function waitsFrom(entries: readonly CatchUpEntry[], n: number, items: ReadonlyMap<string, ItemState>): boolean {
  return entries.some((e) => e.baseEdition < n && !sameState(items.get(e.id) ?? null, e.three.base));
}

/** Where the search for the caught-up edition starts: the edition after the oldest base of a waiting change. */
export const catchUpStart = (entries: readonly CatchUpEntry[], latestEdition: number) =>
  entries.length === 0 ? latestEdition + 1 : Math.min(...entries.map((e) => e.baseEdition)) + 1;

/**
 * The newest upstream edition the draft has caught up with: every change up to it was taken or left.
 * It is the edition before the first one holding a change still waiting. Editions are asked for one
 * at a time, oldest first, stopping at the answer; one that cannot be read counts as holding a
 * change, so the answer never overstates.
 */
export async function caughtUpTo(
  entries: readonly CatchUpEntry[],
  latestEdition: number,
  itemsAt: (edition: number) => Promise<ReadonlyMap<string, ItemState> | undefined>,
): Promise<number> {
  for (let n = catchUpStart(entries, latestEdition); n <= latestEdition; n++) {
    const items = await itemsAt(n);
    if (!items || waitsFrom(entries, n, items)) return n - 1;
  }
  return latestEdition;
}
