/**
 * Bilingual upkeep commands: what a save does to "may be out of date" flags, and confirming that a
 * flagged text is still correct. Confirmations are history records (kind "confirm"): who said so, when.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { ancestryOf, findDraftItem } from "../../frameworks/draft-store.ts";
import { EditorError } from "../../frameworks/errors.ts";
import { encodeValue, type FieldChange } from "../../frameworks/history.ts";
import type { ItemState } from "../../frameworks/item-state.ts";
import { findFrameworkById } from "../../frameworks/store.ts";
import type { Actor } from "../../policy/index.ts";
import { type Batch, newBatch, writeChanges } from "../changes-store.ts";
import { clearFlag, type TextChange } from "../flags-store.ts";
import { type BilingualText, type Confirmation, ITEM_TEXTS, type Pair, pairOf } from "../translations.ts";

/** The item's bilingual texts before and after these field changes. */
export function itemTextChanges(item: ItemState, changes: readonly FieldChange[]): TextChange[] {
  const after: Record<string, unknown> = { ...item };
  for (const change of changes) after[change.field] = change.after;
  return ITEM_TEXTS.map((field) => ({ field, before: pairOf(item, field), after: pairOf(after, field) }));
}

/**
 * Clears the flags named, if they are still set for that language, recording each cleared one.
 * @param texts the owner's texts now (the confirmed value goes in the record)
 */
export async function confirmTexts(
  trx: Transaction<DB>,
  batch: Batch,
  owner: { itemId: string | null; path: string[] },
  texts: (field: BilingualText) => Pair,
  confirmations: readonly Confirmation[],
): Promise<number> {
  let cleared = 0;
  for (const { field, lang } of confirmations) {
    if (!(await clearFlag(trx, batch.frameworkId, owner.itemId, field, lang))) continue;
    cleared++;
    await writeChanges(trx, batch, [
      {
        itemId: owner.itemId,
        path: owner.path,
        kind: "confirm",
        field: `${field}_${lang}`,
        before: null,
        after: encodeValue(texts(field)[lang]),
      },
    ]);
  }
  return cleared;
}

/** "Still correct", from the translations page: one text of an item or of the framework itself. */
export async function confirmTranslation(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  itemId: string | null,
  confirmation: Confirmation,
): Promise<{ outcome: "done" | "unchanged" }> {
  return db.transaction().execute(async (trx) => {
    const batch = newBatch(frameworkId, actor);
    if (itemId === null) {
      const framework = await findFrameworkById(trx, frameworkId);
      if (!framework) throw new EditorError("not_found");
      const cleared = await confirmTexts(trx, batch, { itemId: null, path: [] }, (f) => pairOf(framework, f), [
        confirmation,
      ]);
      return { outcome: cleared > 0 ? ("done" as const) : ("unchanged" as const) };
    }
    const item = await findDraftItem(trx, frameworkId, itemId);
    if (!item) throw new EditorError("not_found");
    const path = await ancestryOf(trx, frameworkId, item);
    const cleared = await confirmTexts(trx, batch, { itemId, path }, (f) => pairOf(item, f), [confirmation]);
    return { outcome: cleared > 0 ? ("done" as const) : ("unchanged" as const) };
  });
}
