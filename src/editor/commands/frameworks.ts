/** Creating a framework in the editor, and editing its title and description (with history). */

import type { Kysely, Transaction } from "kysely";
import { refuseSourceTitle } from "../../adoption/titles.ts";
import type { DB, Framework } from "../../db/schema.ts";
import { againOnUniqueViolation } from "../../db/unique-violation.ts";
import { EditorError } from "../../frameworks/errors.ts";
import { encodeValue } from "../../frameworks/history.ts";
import { INDEX_LEVELS } from "../../frameworks/item-types.ts";
import { findFrameworkById, NEW_FRAMEWORK_KEYS } from "../../frameworks/store.ts";
import type { Actor } from "../../policy/index.ts";
import { newBatch, writeChanges } from "../changes-store.ts";
import { recordTextChanges, type TextChange } from "../flags-store.ts";
import type { CreateFrameworkInput, FrameworkDetailsInput } from "../schemas.ts";
import { slugFromTitle, uniqueSlug } from "../slug.ts";
import { type Confirmation, FRAMEWORK_TEXTS, pairOf } from "../translations.ts";
import { inTransaction, type Outcome } from "./items.ts";
import { confirmTexts } from "./translations.ts";

/** The levels a new framework starts with: the index's own (types are data; imports bring others). */
export const DEFAULT_ITEM_TYPES = INDEX_LEVELS.map((t) => ({ code: t.code, label_en: t.en, label_fr: t.fr }));

export const FRAMEWORK_FIELDS = ["title_en", "title_fr", "description_en", "description_fr"] as const;
export type FrameworkField = (typeof FRAMEWORK_FIELDS)[number];

/**
 * A new, empty draft framework. `input.id` is minted with the form, so a repeated submit finds it.
 * Without a slug, one is made from the title (English, else French), unique among all frameworks.
 */
export function createFramework(
  db: Kysely<DB>,
  actor: Actor | null,
  input: CreateFrameworkInput,
): Promise<{ outcome: Outcome; slug: string }> {
  // A repeated submit in parallel, or another framework taking the slug, between the checks and the
  // insert: run again, and the checks find it (PostgreSQL lets both transactions see neither).
  return againOnUniqueViolation(NEW_FRAMEWORK_KEYS, () => createOnce(db, actor, input));
}

async function createOnce(
  db: Kysely<DB>,
  actor: Actor | null,
  input: CreateFrameworkInput,
): Promise<{ outcome: Outcome; slug: string }> {
  return inTransaction(db, async (trx) => {
    const existing = await findFrameworkById(trx, input.id);
    if (existing) {
      if (input.slug === null || existing.slug === input.slug) return { outcome: "unchanged", slug: existing.slug };
      throw new EditorError("already_present");
    }
    if (input.slug !== null) {
      const holder = await trx.selectFrom("frameworks").select("id").where("slug", "=", input.slug).executeTakeFirst();
      // The same form's other submit, committed since findFrameworkById looked: as if found there.
      if (holder?.id === input.id) return { outcome: "unchanged", slug: input.slug };
      if (holder) throw new EditorError("slug_taken");
    }
    // Only a slug the person chose is refused. One made here was free when freeSlug looked; if a
    // parallel request takes it before the insert, the insert meets it and the next attempt moves on.
    const slug = input.slug ?? (await freeSlug(trx, slugFromTitle(input.title_en ?? input.title_fr)));
    const now = new Date().toISOString();
    const framework = {
      id: input.id,
      slug,
      title_en: input.title_en,
      title_fr: input.title_fr,
      description_en: input.description_en,
      description_fr: input.description_fr,
      publisher: null,
      version: "1",
      status: "draft",
      licence: null,
      created_at: now,
      updated_at: now,
      extra: null,
    };
    await trx.insertInto("frameworks").values(framework).execute();
    await trx
      .insertInto("item_types")
      .values(
        DEFAULT_ITEM_TYPES.map((t, index) => ({
          id: crypto.randomUUID(),
          framework_id: input.id,
          position: index + 1,
          ...t,
        })),
      )
      .execute();
    const batch = newBatch(input.id, actor, now);
    await writeChanges(trx, batch, [
      {
        itemId: null,
        path: [],
        kind: "create",
        field: null,
        before: null,
        after: encodeValue({ slug, ...pickDetails(framework) }),
      },
    ]);
    return { outcome: "done", slug };
  });
}

/** The proposal, or the first "-N" after it that no framework uses (one query). */
async function freeSlug(trx: Transaction<DB>, base: string): Promise<string> {
  const rows = await trx.selectFrom("frameworks").select("slug").where("slug", "like", `${base}%`).execute();
  return uniqueSlug(base, new Set(rows.map((r) => r.slug)));
}
/** The framework's bilingual texts before and after a save. */
export const frameworkTextChanges = (before: object, after: object): TextChange[] =>
  FRAMEWORK_TEXTS.map((field) => ({ field, before: pairOf(before, field), after: pairOf(after, field) }));

const pickDetails = (f: Pick<Framework, FrameworkField>) => ({
  title_en: f.title_en,
  title_fr: f.title_fr,
  description_en: f.description_en,
  description_fr: f.description_fr,
});

/**
 * Saves the framework's title and description. `seen` is the framework's updated_at when the form
 * was shown: a save over someone else's newer one is refused.
 * @param confirmations flagged texts the person ticked as still correct (cleared after the save)
 */
export async function editFrameworkDetails(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  input: FrameworkDetailsInput,
  seen: string,
  confirmations: readonly Confirmation[] = [],
): Promise<{ outcome: Outcome }> {
  return inTransaction(db, async (trx) => {
    const current = await findFrameworkById(trx, frameworkId);
    if (!current) throw new EditorError("not_found");
    const changed = FRAMEWORK_FIELDS.filter((f) => (current[f] ?? null) !== (input[f] ?? null));
    const batch = newBatch(frameworkId, actor);
    const confirm = () =>
      confirmTexts(trx, batch, { itemId: null, path: [] }, (field) => pairOf(input, field), confirmations);
    if (changed.length === 0) return { outcome: (await confirm()) > 0 ? "done" : "unchanged" };
    await refuseSourceTitle(trx, frameworkId, current, input);
    if (current.updated_at !== seen) {
      throw new EditorError("stale", {
        conflicts: changed.map((field) => ({
          field,
          theirs: current[field],
          yours: input[field],
          by: null,
          at: current.updated_at,
        })),
      });
    }
    const updated = await trx
      .updateTable("frameworks")
      .set({ ...pickDetails(input), updated_at: batch.at })
      .where("id", "=", frameworkId)
      .where("updated_at", "=", seen)
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new EditorError("stale", { conflicts: [] });
    await writeChanges(
      trx,
      batch,
      changed.map((field) => ({
        itemId: null,
        path: [],
        kind: "update",
        field,
        before: encodeValue(current[field]),
        after: encodeValue(input[field]),
      })),
    );
    await recordTextChanges(trx, batch, null, frameworkTextChanges(current, input));
    await confirm();
    return { outcome: "done" };
  });
}
