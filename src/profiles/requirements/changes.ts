/**
 * What newer editions did to a profile's requirements (decision 037): each pinned competency compared
 * with the same item in its framework's current edition, and whether the author should be told.
 */
import { compareEditions, type EditionComparison, type ItemSnapshot, needsReview } from "./logic.ts";
import {
  childrenOf,
  currentEdition,
  type Executor,
  type ItemRow,
  node,
  type PublishedNode,
  type Requirement,
  readItems,
} from "./read.ts";

export interface EditionChange {
  frameworkId: string;
  itemId: string;
  current: { id: string; number: number; publishedAt: string } | null;
  comparison: EditionComparison;
  /** The item as the current edition publishes it (absent when retired or unpublished). */
  now?: PublishedNode & { ksas: PublishedNode[] };
  /** The notice should be shown (changed and not kept against this edition). */
  review: boolean;
}

const snapshot = (item: PublishedNode & { parentId: string | null }, ksas: PublishedNode[]): ItemSnapshot => ({
  parentId: item.parentId,
  code: item.code,
  statement: item.statement,
  description: item.description,
  ksas: ksas.map((k) => ({ id: k.id, statement: k.statement, description: k.description })),
});

/** For each requirement: how its framework's current edition differs from the pinned one. */
export async function editionChanges(db: Executor, requirements: readonly Requirement[]): Promise<EditionChange[]> {
  const currents = new Map<string, Awaited<ReturnType<typeof currentEdition>>>();
  for (const r of requirements)
    if (!currents.has(r.frameworkId)) currents.set(r.frameworkId, await currentEdition(db, r.frameworkId));
  const behind = new Map<string, string[]>();
  for (const r of requirements) {
    const current = currents.get(r.frameworkId);
    if (current && current.id !== r.editionId) behind.set(current.id, [...(behind.get(current.id) ?? []), r.itemId]);
  }
  const nowItems = new Map<string, Map<string, ItemRow>>();
  const nowChildren = new Map<string, Map<string, PublishedNode[]>>();
  for (const [editionId, ids] of behind) {
    nowItems.set(editionId, new Map((await readItems(db, editionId, ids)).map((row) => [row.item_id, row])));
    nowChildren.set(editionId, await childrenOf(db, editionId, ids));
  }
  return requirements.map((r) => {
    const current = currents.get(r.frameworkId) ?? null;
    const pinned = snapshot(r.item, r.ksas);
    if (!current || current.id === r.editionId)
      return {
        frameworkId: r.frameworkId,
        itemId: r.itemId,
        current,
        comparison: compareEditions(pinned, pinned),
        review: false,
      };
    const row = nowItems.get(current.id)?.get(r.itemId);
    const ksas = nowChildren.get(current.id)?.get(r.itemId) ?? [];
    const now = row ? { ...node(row), parentId: row.parent_id } : undefined;
    const comparison = compareEditions(pinned, now && snapshot(now, ksas));
    return {
      frameworkId: r.frameworkId,
      itemId: r.itemId,
      current,
      comparison,
      ...(now ? { now: { ...now, ksas } } : {}),
      review: needsReview(comparison, r.editionId, current.id, r.reviewedEditionId),
    };
  });
}
