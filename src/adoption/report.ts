/**
 * Reading an adopted framework's upstream state from the database: the waiting changes (entries.ts)
 * with the names the pages show, how many wait, and the edition the copy has caught up with.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB, Framework } from "../db/schema.ts";
import { uuidV5 } from "../db/uuid.ts";
import { recordedProvenance } from "../editions/provenance.ts";
import { latestEditionNumber } from "../editions/store.ts";
import { listDraftItems } from "../frameworks/draft-store.ts";
import { EditorError } from "../frameworks/errors.ts";
import type { DraftItem, ItemState } from "../frameworks/item-state.ts";
import { findFrameworkById, listItemTypes } from "../frameworks/store.ts";
import type { Bilingual } from "../frameworks/tree.ts";
import type { AdoptedFrom } from "../frameworks/view.ts";
import { caughtUpTo, type UpstreamEntry, upstreamEntries } from "./entries.ts";
import { type Adoption, type EditionItems, editionItems, findAdoption, listTracked } from "./store.ts";
import { LOCAL_PARENT } from "./three-way.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** The local id of an upstream item in an adopted framework. */
export const localItemId = (frameworkId: string, upstreamId: string) => uuidV5(`adopted:${frameworkId}:${upstreamId}`);

/** How a page names an item: its code and statement. */
export interface ItemName {
  code: string | null;
  statement: Bilingual;
}

export interface NamedEntry extends UpstreamEntry {
  /** The item's place in each version: its parent's name, or null at the top level. */
  parents: { base: ItemName | null; ours: ItemName | null; theirs: ItemName | null };
}

export interface UpstreamReport {
  adoption: Adoption;
  source: Framework;
  latestEdition: number;
  /** Computed only when asked for (it may read every edition since the oldest waiting change). */
  caughtUpTo: number | null;
  entries: NamedEntry[];
  conflicts: number;
  /** Upstream items whose last change was taken or left. */
  decided: number;
  /** Item type labels by code (upstream's, then the draft's). */
  typeLabels: Map<string, Bilingual>;
  latest: EditionItems;
  draft: DraftItem[];
}

const nameOf = (item: ItemState | DraftItem | undefined): ItemName | null =>
  item ? { code: item.code, statement: { en: item.statement_en, fr: item.statement_fr } } : null;

export async function upstreamReport(
  db: Executor,
  frameworkId: string,
  options: { caughtUp?: boolean } = {},
): Promise<UpstreamReport> {
  const adoption = await findAdoption(db, frameworkId);
  if (!adoption) throw new EditorError("not_adopted");
  const [source, latestNumber, tracked, draft] = await Promise.all([
    findFrameworkById(db, adoption.sourceId),
    latestEditionNumber(db, adoption.sourceId),
    listTracked(db, frameworkId),
    listDraftItems(db, frameworkId),
  ]);
  const wanted = [adoption.adoptedEdition, latestNumber, ...[...tracked.values()].map((t) => t.edition)];
  const loaded = source && latestNumber > 0 ? await editionItems(db, source.id, wanted) : new Map();
  const latest = loaded.get(latestNumber);
  if (!source || !latest || !loaded.has(adoption.adoptedEdition)) throw new EditorError("upstream_gone");
  const editions = new Map([...loaded].map(([n, e]) => [n, e.items]));
  const localId = (id: string) => localItemId(frameworkId, id);
  const { entries } = upstreamEntries({
    adoptedEdition: adoption.adoptedEdition,
    latestEdition: latestNumber,
    editions,
    tracked,
    draft,
    localId,
  });

  const draftById = new Map(draft.map((i) => [i.id, i]));
  const upstreamName = (id: string | null, edition: number): ItemName | null =>
    id === null ? null : nameOf(editions.get(edition)?.get(id) ?? latest.items.get(id) ?? draftById.get(localId(id)));
  const oursName = (value: string | null): ItemName | null => {
    if (value === null) return null;
    if (value.startsWith(LOCAL_PARENT)) return nameOf(draftById.get(value.slice(LOCAL_PARENT.length)));
    return nameOf(draftById.get(localId(value)) ?? latest.items.get(value));
  };
  const named: NamedEntry[] = entries.map((entry) => ({
    ...entry,
    parents: {
      base: upstreamName(entry.three.base?.parent_id ?? null, entry.baseEdition),
      ours: oursName(entry.three.ours?.parent_id ?? null),
      theirs: upstreamName(entry.three.theirs?.parent_id ?? null, latestNumber),
    },
  }));

  const typeLabels = new Map<string, Bilingual>();
  for (const type of latest.content.types) typeLabels.set(type.code, { en: type.label_en, fr: type.label_fr });
  for (const type of await listItemTypes(db, frameworkId))
    if (!typeLabels.has(type.code)) typeLabels.set(type.code, { en: type.label_en, fr: type.label_fr });

  let caughtUp: number | null = null;
  if (options.caughtUp) {
    caughtUp = await caughtUpTo(
      entries,
      latestNumber,
      async (n) => editions.get(n) ?? (await editionItems(db, source.id, [n])).get(n)?.items,
    );
  }
  return {
    adoption,
    source,
    latestEdition: latestNumber,
    caughtUpTo: caughtUp,
    entries: named,
    conflicts: entries.filter((e) => e.conflict !== null).length,
    decided: tracked.size,
    typeLabels,
    latest,
    draft,
  };
}

/** How many upstream changes wait (and how many of them conflict); null when the framework was not adopted. */
export async function upstreamWaiting(
  db: Executor,
  frameworkId: string,
): Promise<{ waiting: number; conflicts: number; gone: boolean } | null> {
  try {
    const report = await upstreamReport(db, frameworkId);
    return { waiting: report.entries.length, conflicts: report.conflicts, gone: false };
  } catch (error) {
    if (error instanceof EditorError && error.code === "not_adopted") return null;
    if (error instanceof EditorError && error.code === "upstream_gone") return { waiting: 0, conflicts: 0, gone: true };
    throw error;
  }
}

/** What the edition about to be published records of its source (undefined for a framework not adopted). */
export async function provenanceAtPublish(db: Executor, frameworkId: string): Promise<AdoptedFrom | undefined> {
  const adoption = await findAdoption(db, frameworkId);
  if (!adoption) return undefined;
  try {
    const report = await upstreamReport(db, frameworkId, { caughtUp: true });
    return {
      id: report.source.id,
      slug: report.source.slug,
      title: { en: report.latest.content.framework.title_en, fr: report.latest.content.framework.title_fr },
      edition: report.caughtUpTo ?? adoption.adoptedEdition,
    };
  } catch (error) {
    // The source is gone or unpublished: the copy still came from it.
    if (error instanceof EditorError && error.code === "upstream_gone") return recordedProvenance(db, frameworkId);
    throw error;
  }
}
