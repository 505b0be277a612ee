/**
 * Adoption: an organisation copies a published framework as its own draft, remembering the source
 * and the edition copied; later it sees what changed upstream and takes or leaves each change.
 * Local copies of upstream items have ids derived from the upstream ones, so they can be matched.
 */
import type { Kysely, Transaction } from "kysely";
import { uuidV5 } from "../../content/uuid.ts";
import type { DB, Framework } from "../../db/schema.ts";
import {
  diffSnapshots,
  type EditionSnapshot,
  parseSnapshot,
  snapshotRows,
  type UpstreamChange,
} from "../../editions/snapshot.ts";
import { findEdition, latestEdition } from "../../editions/store.ts";
import { findFrameworkById, listItemTypes } from "../../frameworks/store.ts";
import type { Actor } from "../../policy/index.ts";
import { type Batch, newBatch, writeChanges } from "../changes-store.ts";
import { EditorError } from "../errors.ts";
import { type ChangeRecord, createRecord, deleteRecord, diffItems, encodeValue } from "../history.ts";
import { type DraftItem, type ItemState, stateOf, TEXT_FIELDS } from "../item-state.ts";
import { descendantsOf, planMove } from "../moves.ts";
import type { AdoptInput } from "../schemas.ts";
import { deleteItems, findFrameworkForEditor, listDraftItems, setPlacement, touchItem } from "../store.ts";
import { insertItem, inTransaction, type Outcome, pathIn, saveFields } from "./items.ts";

/** The local id of an upstream item in an adopted framework. */
export const localItemId = (frameworkId: string, upstreamId: string) => uuidV5(`adopted:${frameworkId}:${upstreamId}`);

/** Copies the latest published edition of `input.source` as a new draft framework. */
export async function adoptFramework(
  db: Kysely<DB>,
  actor: Actor | null,
  input: AdoptInput,
): Promise<{ outcome: Outcome; slug: string }> {
  return inTransaction(db, async (trx) => {
    const existing = await findFrameworkById(trx, input.id);
    if (existing) {
      if (existing.slug === input.slug) return { outcome: "unchanged", slug: existing.slug };
      throw new EditorError("already_present");
    }
    const source = await findFrameworkForEditor(trx, input.source);
    const edition = source && source.status === "published" ? await latestEdition(trx, source.id) : undefined;
    if (!source || !edition) throw new EditorError("not_found");
    if (await trx.selectFrom("frameworks").select("id").where("slug", "=", input.slug).executeTakeFirst())
      throw new EditorError("slug_taken");
    const snapshot = parseSnapshot(edition.snapshot);
    const now = new Date().toISOString();
    await trx
      .insertInto("frameworks")
      .values({
        id: input.id,
        slug: input.slug,
        title_en: input.title_en ?? snapshot.title.en,
        title_fr: input.title_fr ?? snapshot.title.fr,
        description_en: snapshot.description.en,
        description_fr: snapshot.description.fr,
        publisher: null,
        version: "1",
        status: "draft",
        licence: snapshot.licence,
        created_at: now,
        updated_at: now,
        extra: null,
      })
      .execute();
    const typeIds = await copyTypes(trx, input.id, snapshot);
    const batch = newBatch(input.id, actor, now);
    const rows = snapshotRows(snapshot);
    for (let i = 0; i < rows.length; i += 300) {
      await trx
        .insertInto("items")
        .values(
          rows.slice(i, i + 300).map((row) => ({
            id: localItemId(input.id, row.id),
            framework_id: input.id,
            parent_id: row.parent_id ? localItemId(input.id, row.parent_id) : null,
            type_id: typeIds.get(row.type_code) as string,
            code: row.code,
            position: row.position,
            statement_en: row.statement_en,
            statement_fr: row.statement_fr,
            description_en: row.description_en,
            description_fr: row.description_fr,
            created_at: now,
            // The copy keeps each item's own date: adopting is not a change to the content.
            updated_at: row.updated_at,
            extra: null,
          })),
        )
        .execute();
    }
    await trx
      .insertInto("adoptions")
      .values({
        framework_id: input.id,
        source_framework_id: source.id,
        source_edition: edition.number,
        adopted_edition: edition.number,
        adopted_at: now,
      })
      .execute();
    await writeChanges(trx, batch, [
      {
        itemId: null,
        path: [],
        kind: "adopt",
        field: null,
        before: null,
        after: encodeValue({ source: source.slug, sourceId: source.id, edition: edition.number, items: rows.length }),
      },
    ]);
    return { outcome: "done", slug: input.slug };
  });
}

async function copyTypes(
  trx: Transaction<DB>,
  frameworkId: string,
  snapshot: EditionSnapshot,
): Promise<Map<string, string>> {
  const existing = new Map((await listItemTypes(trx, frameworkId)).map((t) => [t.code, t.id]));
  const missing = snapshot.itemTypes.filter((t) => !existing.has(t.code));
  if (missing.length > 0) {
    const start = existing.size;
    const rows = missing.map((t, index) => ({
      id: uuidV5(`adopted-type:${frameworkId}:${t.code}`),
      framework_id: frameworkId,
      code: t.code,
      label_en: t.label.en,
      label_fr: t.label.fr,
      position: start + index + 1,
    }));
    await trx.insertInto("item_types").values(rows).execute();
    for (const row of rows) existing.set(row.code, row.id);
  }
  return existing;
}

/** Where an adopted framework came from (undefined for any other framework). */
export async function adoptionOf(db: Kysely<DB> | Transaction<DB>, frameworkId: string) {
  return db
    .selectFrom("adoptions")
    .select(["source_framework_id", "source_edition", "adopted_edition", "adopted_at"])
    .where("framework_id", "=", frameworkId)
    .executeTakeFirst();
}

export interface UpstreamReport {
  source: Framework;
  adoptedEdition: number;
  latestEdition: number;
  /** Changes not yet taken or left, each with the local item as it is now (null when absent). */
  pending: { change: UpstreamChange; local: DraftItem | null }[];
  decided: number;
}

/** What changed upstream between the adopted edition and the latest, less what was already decided. */
export async function upstreamReport(db: Kysely<DB> | Transaction<DB>, frameworkId: string): Promise<UpstreamReport> {
  const adoption = await db
    .selectFrom("adoptions")
    .select(["source_framework_id", "adopted_edition"])
    .where("framework_id", "=", frameworkId)
    .executeTakeFirst();
  if (!adoption) throw new EditorError("not_adopted");
  const source = await findFrameworkById(db, adoption.source_framework_id);
  const [adopted, latest] = source
    ? await Promise.all([findEdition(db, source.id, Number(adoption.adopted_edition)), latestEdition(db, source.id)])
    : [undefined, undefined];
  if (!source || !adopted || !latest) throw new EditorError("upstream_gone");
  const changes = diffSnapshots(parseSnapshot(adopted.snapshot), parseSnapshot(latest.snapshot));
  const decisions = await db
    .selectFrom("adoption_decisions")
    .select(["source_item_id", "fingerprint"])
    .where("framework_id", "=", frameworkId)
    .execute();
  const decided = new Set(decisions.map((d) => `${d.source_item_id} ${d.fingerprint}`));
  const open = changes.filter((c) => !decided.has(`${c.id} ${c.fingerprint}`));
  const items = new Map((await listDraftItems(db, frameworkId)).map((i) => [i.id, i]));
  return {
    source,
    adoptedEdition: Number(adoption.adopted_edition),
    latestEdition: latest.number,
    pending: open.map((change) => ({ change, local: items.get(localItemId(frameworkId, change.id)) ?? null })),
    decided: changes.length - open.length,
  };
}

/**
 * Takes one upstream change into the local draft (with history), or leaves it; either way it is not
 * asked again unless upstream changes that item again. `fingerprint` names the state the editor saw.
 */
export async function decideUpstreamChange(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  upstreamId: string,
  fingerprint: string,
  decision: "take" | "leave",
): Promise<{ outcome: Outcome }> {
  return inTransaction(db, async (trx) => {
    const already = await trx
      .selectFrom("adoption_decisions")
      .select("decision")
      .where("framework_id", "=", frameworkId)
      .where("source_item_id", "=", upstreamId)
      .where("fingerprint", "=", fingerprint)
      .executeTakeFirst();
    if (already) return { outcome: "unchanged" };
    const report = await upstreamReport(trx, frameworkId);
    const entry = report.pending.find((p) => p.change.id === upstreamId);
    if (!entry) throw new EditorError("not_found");
    if (entry.change.fingerprint !== fingerprint) throw new EditorError("stale", { conflicts: [] });
    const batch = newBatch(frameworkId, actor);
    if (decision === "take") await take(trx, batch, frameworkId, entry.change, report);
    await trx
      .insertInto("adoption_decisions")
      .values({
        framework_id: frameworkId,
        source_item_id: upstreamId,
        fingerprint,
        decision,
        actor_id: actor?.id ?? null,
        at: batch.at,
      })
      .execute();
    return { outcome: "done" };
  });
}

async function take(
  trx: Transaction<DB>,
  batch: Batch,
  frameworkId: string,
  change: UpstreamChange,
  report: UpstreamReport,
) {
  const localId = localItemId(frameworkId, change.id);
  const marker: ChangeRecord = {
    itemId: localId,
    path: [],
    kind: "take",
    field: null,
    before: null,
    after: encodeValue({ source: report.source.slug, edition: report.latestEdition, change: change.kind }),
  };
  const items = await listDraftItems(trx, frameworkId);
  const local = items.find((i) => i.id === localId);
  if (change.kind === "removed") {
    if (!local) return writeChanges(trx, batch, [marker]);
    const doomed = descendantsOf(items, localId);
    const byId = new Map(items.map((i) => [i.id, i]));
    const records = [
      marker,
      deleteRecord(local, pathIn(items, local)),
      ...doomed.map((id) => deleteRecord(byId.get(id) as DraftItem, pathIn(items, byId.get(id) as DraftItem))),
    ];
    await deleteItems(trx, frameworkId, [...doomed].reverse().concat(localId));
    await touchItem(trx, frameworkId, local.parent_id, batch.at);
    return writeChanges(trx, batch, records);
  }
  const upstream = change.after as ItemState;
  const parentId = upstream.parent_id ? localItemId(frameworkId, upstream.parent_id) : null;
  if (parentId && !items.some((i) => i.id === parentId)) throw new EditorError("restore_parent_missing");
  const latest = await latestEdition(trx, report.source.id);
  const typeIds = await copyTypes(trx, frameworkId, parseSnapshot(latest?.snapshot as string));
  const typeId = typeIds.get(upstream.type) as string;
  if (!local) {
    const siblings = items.filter((i) => i.parent_id === parentId);
    const state: ItemState = {
      ...upstream,
      id: localId,
      parent_id: parentId,
      position: Math.max(0, ...siblings.map((s) => s.position)) + 1,
    };
    await insertItem(trx, batch, state, typeId);
    await touchItem(trx, frameworkId, parentId, batch.at);
    return writeChanges(trx, batch, [
      marker,
      createRecord(state, [...pathIn(items, { id: localId, parent_id: parentId, position: 0 })]),
    ]);
  }
  const fields = diffItems(local, { ...stateOf(local), ...pick(upstream) }, TEXT_FIELDS);
  if (fields.length > 0) await saveFields(trx, batch, local, fields, typeId, "take", local.version, [marker]);
  else await writeChanges(trx, batch, [marker]);
  if (local.parent_id !== parentId) {
    const plan = planMove(items, localId, parentId);
    if (typeof plan === "string")
      throw new EditorError(
        plan === "unknown_parent" ? "restore_parent_missing" : plan === "unknown_item" ? "not_found" : plan,
      );
    for (const update of plan)
      await setPlacement(
        trx,
        frameworkId,
        update.id,
        update.parent_id,
        update.position,
        update.id === localId ? batch.at : undefined,
      );
    await writeChanges(trx, batch, [
      {
        itemId: localId,
        path: pathIn(items, { ...local, parent_id: parentId }),
        kind: "take",
        field: "parent_id",
        before: encodeValue(local.parent_id),
        after: encodeValue(parentId),
      },
    ]);
    for (const id of new Set([local.parent_id, parentId])) await touchItem(trx, frameworkId, id, batch.at);
  }
}

const pick = (s: ItemState) => ({
  code: s.code,
  type: s.type,
  statement_en: s.statement_en,
  statement_fr: s.statement_fr,
  description_en: s.description_en,
  description_fr: s.description_fr,
});
