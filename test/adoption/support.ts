/**
 * A small source framework built through the editor's own commands, and shortcuts to change it
 * upstream, adopt it and decide on its changes (the adoption tests share them).
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Decision } from "../../src/adoption/three-way.ts";
import type { DB } from "../../src/db/schema.ts";
import { adoptFramework, decideUpstreamChange, localItemId, upstreamReport } from "../../src/editor/commands/adopt.ts";
import { createFramework } from "../../src/editor/commands/frameworks.ts";
import { addItem, editItem } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { findDraftItem } from "../../src/frameworks/draft-store.ts";
import type { DraftItem, ItemState, TextField } from "../../src/frameworks/item-state.ts";

export const ana = { id: "u-ana", email: "ana@example.org", name: "Ana", role: "editor" as const };

export interface Source {
  id: string;
  slug: string;
  /** Upstream ids by name: area a (KSAs k1, k2), area b (KSA k3). */
  ids: Record<"a" | "k1" | "k2" | "b" | "k3", string>;
}

const text = (en: string, fr: string | null = `${en} (fr)`) => ({
  code: null,
  statement_en: en,
  statement_fr: fr,
  description_en: null,
  description_fr: null,
});

export async function newItem(
  db: Kysely<DB>,
  frameworkId: string,
  parent: string | null,
  type: string,
  en: string,
  fr?: string | null,
): Promise<string> {
  const id = randomUUID();
  await addItem(db, ana, frameworkId, { ...text(en, fr), type, id, parent: parent ?? "root" });
  return id;
}

/** A published source framework (edition 1) with two areas and three KSAs. */
export async function makeSource(db: Kysely<DB>, slug = `src-${randomUUID().slice(0, 8)}`): Promise<Source> {
  const id = randomUUID();
  await createFramework(db, ana, {
    id,
    slug,
    title_en: `Source ${slug}`,
    title_fr: `Source ${slug} (fr)`,
    description_en: null,
    description_fr: null,
  });
  const a = await newItem(db, id, null, "area", "Budget", "Budget (fr)");
  const k1 = await newItem(db, id, a, "ksa", "Plans the budget", "Planifie le budget");
  const k2 = await newItem(db, id, a, "ksa", "Reports spending", "Rend compte des dépenses");
  const b = await newItem(db, id, null, "area", "Facilities", "Installations");
  const k3 = await newItem(db, id, b, "ksa", "Maintains buildings", "Entretient les bâtiments");
  await publishEdition(db, id, ana, { en: "First edition.", fr: "Première édition." });
  return { id, slug, ids: { a, k1, k2, b, k3 } };
}

/** Edits some text fields of an item (of any framework) as an editor would. */
export async function edit(
  db: Kysely<DB>,
  frameworkId: string,
  itemId: string,
  fields: Partial<Pick<ItemState, TextField>>,
): Promise<void> {
  const current = (await findDraftItem(db, frameworkId, itemId)) as DraftItem;
  await editItem(db, ana, frameworkId, itemId, {
    code: current.code,
    type: current.type,
    statement_en: current.statement_en,
    statement_fr: current.statement_fr,
    description_en: current.description_en,
    description_fr: current.description_fr,
    ...fields,
    version: current.version,
  });
}

export const publish = (db: Kysely<DB>, frameworkId: string) =>
  publishEdition(db, frameworkId, ana, { en: "Upstream update.", fr: "Mise à jour à la source." });

export async function adopt(db: Kysely<DB>, source: Source, slug = `copy-${randomUUID().slice(0, 8)}`) {
  const id = randomUUID();
  await adoptFramework(db, ana, { source: source.slug, id, slug, title_en: null, title_fr: null });
  return { id, slug, local: (upstreamId: string) => localItemId(id, upstreamId) };
}

export async function entryFor(db: Kysely<DB>, copyId: string, upstreamId: string) {
  return (await upstreamReport(db, copyId)).entries.find((e) => e.id === upstreamId);
}

/** Decides on the waiting change of one upstream item, with the fingerprint the page would carry. */
export async function decide(db: Kysely<DB>, copyId: string, upstreamId: string, decision: Decision) {
  const entry = await entryFor(db, copyId, upstreamId);
  if (!entry) throw new Error(`nothing waits for ${upstreamId}`);
  return decideUpstreamChange(db, ana, copyId, upstreamId, entry.fingerprint, decision);
}
