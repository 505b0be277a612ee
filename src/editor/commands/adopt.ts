/**
 * Adoption: an organisation copies a published framework as its own draft, remembering the source
 * and the edition copied; later it sees what changed upstream, item by item, and takes, leaves or
 * merges each change (the three-way model: src/adoption, decision 011). Every decision is one
 * transaction: the draft's change, its history records and the item's tracking row together.
 */
import type { Kysely, Transaction } from "kysely";
import { localItemId, type NamedEntry, type UpstreamReport, upstreamReport } from "../../adoption/report.ts";
import { track } from "../../adoption/store.ts";
import {
  applyResolution,
  type Decision,
  LOCAL_PARENT,
  type MergeField,
  type Resolution,
  resolve,
} from "../../adoption/three-way.ts";
import { copyTitles, sourceTitles, titleClash } from "../../adoption/titles.ts";
import type { DB } from "../../db/schema.ts";
import { againOnUniqueViolation } from "../../db/unique-violation.ts";
import { uuidV5 } from "../../db/uuid.ts";
import type { EditionContent } from "../../editions/content.ts";
import { latestEdition, readEditionContent } from "../../editions/store.ts";
import {
  ancestryOf,
  deleteItems,
  findFrameworkForEditor,
  setPlacement,
  touchItem,
  updateItemFields,
} from "../../frameworks/draft-store.ts";
import { EditorError } from "../../frameworks/errors.ts";
import {
  type ChangeRecord,
  createRecord,
  deleteRecord,
  encodeValue,
  type FieldChange,
  fieldRecords,
} from "../../frameworks/history.ts";
import type { DraftItem, ItemState, TextField } from "../../frameworks/item-state.ts";
import { findFrameworkById, listItemTypes, NEW_FRAMEWORK_KEYS } from "../../frameworks/store.ts";
import type { Actor } from "../../policy/index.ts";
import { type Batch, newBatch, writeChanges } from "../changes-store.ts";
import { recordTextChanges } from "../flags-store.ts";
import { descendantsOf, planMove } from "../moves.ts";
import type { AdoptInput } from "../schemas.ts";
import { insertItem, inTransaction, type Outcome, pathIn } from "./items.ts";
import { itemTextChanges } from "./translations.ts";

export { localItemId, type UpstreamReport, upstreamReport };

/** Copies the latest published edition of `input.source` as a new draft framework. */
export function adoptFramework(
  db: Kysely<DB>,
  actor: Actor | null,
  input: AdoptInput,
): Promise<{ outcome: Outcome; slug: string }> {
  // A repeated submit in parallel, or another framework taking the slug, between the checks and the
  // insert: run again, and the checks find it (PostgreSQL lets both transactions see neither).
  return againOnUniqueViolation(NEW_FRAMEWORK_KEYS, () => adoptOnce(db, actor, input));
}

async function adoptOnce(
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
    const holder = await trx.selectFrom("frameworks").select("id").where("slug", "=", input.slug).executeTakeFirst();
    // The same form's other submit, committed since findFrameworkById looked: as if found there.
    if (holder?.id === input.id) return { outcome: "unchanged", slug: input.slug };
    if (holder) throw new EditorError("slug_taken");
    const content = await readEditionContent(trx, edition);
    const published = content.framework;
    // Readers must tell the copy from its source: an empty title becomes the source's, marked as a copy.
    const defaults = copyTitles({ en: published.title_en, fr: published.title_fr });
    const titles = { title_en: input.title_en ?? defaults.title_en, title_fr: input.title_fr ?? defaults.title_fr };
    const clash = titleClash(titles, await sourceTitles(trx, source.id));
    if (clash) throw new EditorError("title_same_as_source", { field: clash });
    const now = new Date().toISOString();
    await trx
      .insertInto("frameworks")
      .values({
        id: input.id,
        slug: input.slug,
        ...titles,
        description_en: published.description_en,
        description_fr: published.description_fr,
        publisher: null,
        version: "1",
        status: "draft",
        licence: published.licence,
        created_at: now,
        updated_at: now,
        extra: null,
      })
      .execute();
    const typeIds = await copyTypes(trx, input.id, content);
    const batch = newBatch(input.id, actor, now);
    const rows = content.items;
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
            // The copy remembers which source item each of its items is (the id above is derived from it).
            source_item_id: row.id,
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
  content: EditionContent,
): Promise<Map<string, string>> {
  const existing = new Map((await listItemTypes(trx, frameworkId)).map((t) => [t.code, t.id]));
  const missing = content.types.filter((t) => !existing.has(t.code));
  if (missing.length > 0) {
    const start = existing.size;
    const rows = missing.map((t, index) => ({
      id: uuidV5(`adopted-type:${frameworkId}:${t.code}`),
      framework_id: frameworkId,
      code: t.code,
      label_en: t.label_en,
      label_fr: t.label_fr,
      position: start + index + 1,
    }));
    await trx.insertInto("item_types").values(rows).execute();
    for (const row of rows) existing.set(row.code, row.id);
  }
  return existing;
}

/**
 * Takes, leaves or merges one waiting upstream change. `fingerprint` names the three versions the
 * editor saw: if any of them changed since, nothing is done (stale). A repeated submit finds the
 * change decided and does nothing.
 */
export async function decideUpstreamChange(
  db: Kysely<DB>,
  actor: Actor | null,
  frameworkId: string,
  upstreamId: string,
  fingerprint: string,
  decision: Decision,
): Promise<{ outcome: Outcome }> {
  return inTransaction(db, async (trx) => {
    const report = await upstreamReport(trx, frameworkId);
    const entry = report.entries.find((e) => e.id === upstreamId);
    if (!entry) {
      const known =
        report.latest.items.has(upstreamId) || report.draft.some((i) => i.id === localItemId(frameworkId, upstreamId));
      if (known) return { outcome: "unchanged" };
      throw new EditorError("not_found");
    }
    if (entry.fingerprint !== fingerprint) throw new EditorError("stale", { conflicts: [] });
    const resolution = resolve(entry.three, entry, decision);
    if (typeof resolution === "string") throw new EditorError("invalid", { reason: resolution });
    const after = applyResolution(entry.three.ours, resolution);
    // Like the edit form: an item keeps a statement in at least one language.
    if (after && !after.statement_en && !after.statement_fr) throw new EditorError("invalid", { reason: "statement" });
    const batch = newBatch(frameworkId, actor);
    await apply(trx, batch, frameworkId, report, entry, resolution, decision.kind);
    await track(trx, {
      frameworkId,
      sourceItemId: entry.id,
      edition: report.latestEdition,
      decision: decision.kind,
      kind: entry.kind,
      actorId: batch.actorId,
      at: batch.at,
    });
    return { outcome: "done" };
  });
}

/** Puts a resolution into the draft, with its history records. */
async function apply(
  trx: Transaction<DB>,
  batch: Batch,
  frameworkId: string,
  report: UpstreamReport,
  entry: NamedEntry,
  resolution: Resolution,
  decision: Decision["kind"],
): Promise<void> {
  const marker = (kind: "take" | "leave"): ChangeRecord => ({
    itemId: entry.localId,
    path: [],
    kind,
    field: null,
    before: null,
    after: encodeValue({ source: report.source.slug, edition: report.latestEdition, change: entry.kind, decision }),
  });
  const items = report.draft;
  const local = entry.local;
  switch (resolution.action) {
    case "none":
      return writeChanges(trx, batch, [{ ...marker("leave"), path: local ? pathIn(items, local) : [] }]);
    case "delete": {
      if (!local) return writeChanges(trx, batch, [marker("take")]);
      const byId = new Map(items.map((i) => [i.id, i]));
      const doomed = descendantsOf(items, local.id).map((id) => byId.get(id) as DraftItem);
      await deleteItems(
        trx,
        frameworkId,
        [...doomed]
          .reverse()
          .map((i) => i.id)
          .concat(local.id),
      );
      await touchItem(trx, frameworkId, local.parent_id, batch.at);
      return writeChanges(trx, batch, [
        { ...marker("take"), path: pathIn(items, local) },
        ...[local, ...doomed].map((i) => deleteRecord(i, pathIn(items, i))),
      ]);
    }
    case "create": {
      const upstream = resolution.state;
      const parentId = upstream.parent_id ? localItemId(frameworkId, upstream.parent_id) : null;
      if (parentId && !items.some((i) => i.id === parentId)) throw new EditorError("restore_parent_missing");
      const typeId = (await copyTypes(trx, frameworkId, report.latest.content)).get(upstream.type);
      if (!typeId) throw new EditorError("unknown_type");
      const state: ItemState = {
        ...upstream,
        id: entry.localId,
        parent_id: parentId,
        position: Math.max(0, ...items.filter((i) => i.parent_id === parentId).map((s) => s.position)) + 1,
      };
      await insertItem(trx, batch, state, typeId, batch.at, entry.id);
      await touchItem(trx, frameworkId, parentId, batch.at);
      const path = pathIn(items, { id: state.id, parent_id: parentId, position: 0 });
      return writeChanges(trx, batch, [{ ...marker("take"), path }, createRecord(state, path, "take")]);
    }
    case "update":
      return update(trx, batch, frameworkId, report, local as DraftItem, resolution, marker("take"));
  }
}

async function update(
  trx: Transaction<DB>,
  batch: Batch,
  frameworkId: string,
  report: UpstreamReport,
  local: DraftItem,
  resolution: Extract<Resolution, { action: "update" }>,
  marker: ChangeRecord,
) {
  const path = await ancestryOf(trx, frameworkId, local);
  await writeChanges(trx, batch, [{ ...marker, path }]);
  const kindOf = (field: MergeField) => (resolution.written.includes(field) ? "update" : "take");
  const text = Object.entries(resolution.set).filter(([field]) => field !== "parent_id") as [
    TextField,
    string | null,
  ][];
  if (text.length > 0) {
    const set: Record<string, string | null> = {};
    for (const [field, value] of text) {
      if (field !== "type") set[field] = value;
      else {
        const typeId = (await copyTypes(trx, frameworkId, report.latest.content)).get(value ?? "");
        if (!typeId) throw new EditorError("unknown_type");
        set.type_id = typeId;
      }
    }
    const version = await updateItemFields(trx, frameworkId, local.id, local.version, set, batch.at);
    if (version === undefined) throw new EditorError("stale", { conflicts: [] });
    const changes: FieldChange[] = text.map(([field, after]) => ({ field, before: local[field] ?? null, after }));
    for (const kind of ["take", "update"] as const)
      await writeChanges(
        trx,
        batch,
        fieldRecords(
          kind,
          local,
          path,
          changes.filter((c) => kindOf(c.field as MergeField) === kind),
        ),
      );
    // Upstream changed one language only: the other may now be out of date here too (decision 008).
    await recordTextChanges(trx, batch, local.id, itemTextChanges(local, changes));
  }
  if (!("parent_id" in resolution.set)) return;
  const wanted = resolution.set.parent_id ?? null;
  const parentId =
    wanted === null
      ? null
      : wanted.startsWith(LOCAL_PARENT)
        ? wanted.slice(LOCAL_PARENT.length)
        : localItemId(frameworkId, wanted);
  const items = report.draft;
  const plan = planMove(items, local.id, parentId);
  if (typeof plan === "string")
    throw new EditorError(
      plan === "unknown_parent" ? "restore_parent_missing" : plan === "unknown_item" ? "not_found" : plan,
    );
  for (const placement of plan)
    await setPlacement(
      trx,
      frameworkId,
      placement.id,
      placement.parent_id,
      placement.position,
      placement.id === local.id ? batch.at : undefined,
    );
  await writeChanges(trx, batch, [
    {
      itemId: local.id,
      path: pathIn(items, { ...local, parent_id: parentId }),
      kind: kindOf("parent_id"),
      field: "parent_id",
      before: encodeValue(local.parent_id),
      after: encodeValue(parentId),
    },
  ]);
  for (const id of new Set([local.parent_id, parentId])) await touchItem(trx, frameworkId, id, batch.at);
}
