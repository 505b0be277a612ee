/**
 * Repository functions for editions. An edition's rows (`editions`, `published_item_types`,
 * `published_items`) are the truth; `editions.snapshot` caches them in one versioned JSON text so a
 * reader parses one text instead of querying every item (decision 015). Both are written in the one
 * transaction that publishes; an unreadable cache is read past, from the rows.
 */

import { setImmediate as nextTurn } from "node:timers/promises";
import type { Kysely, Transaction } from "kysely";
import { readValueOffThread } from "../db/off-thread-read.ts";
import type { DB, Edition } from "../db/schema.ts";
import { StoredJsonError } from "../db/stored-json.ts";
import { buildTree, walk } from "../frameworks/tree.ts";
import { SLICE_MS } from "../slices.ts";
import type { EditionContent, PublishedItemRow, PublishedType } from "./content.ts";
import {
  type EditionCaseData,
  readEditionCache,
  readEditionCaseDataInSlices,
  writeEditionCache,
  writeEditionCaseData,
} from "./stored.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** An edition's record without its content (what lists of editions show). */
export type EditionSummary = Pick<
  Edition,
  | "id"
  | "framework_id"
  | "number"
  | "summary_en"
  | "summary_fr"
  | "published_at"
  | "published_by"
  | "published_by_label"
>;

/** An edition's record with its cached content (still to be read: readEditionContent). */
export type StoredEdition = EditionSummary & Pick<Edition, "snapshot">;

const summaryColumns = [
  "id",
  "framework_id",
  "number",
  "summary_en",
  "summary_fr",
  "published_at",
  "published_by",
  "published_by_label",
] as const;

const normalise = <T extends { number: number }>(row: T): T => ({ ...row, number: Number(row.number) });

/** Newest first. */
export async function listEditions(db: Executor, frameworkId: string): Promise<EditionSummary[]> {
  const rows = await db
    .selectFrom("editions")
    .select(summaryColumns)
    .where("framework_id", "=", frameworkId)
    .orderBy("number", "desc")
    .execute();
  return rows.map(normalise);
}

const editionNumbered = (db: Executor, frameworkId: string, number: number) =>
  db.selectFrom("editions").where("framework_id", "=", frameworkId).where("number", "=", number);

export async function findEdition(
  db: Executor,
  frameworkId: string,
  number: number,
): Promise<StoredEdition | undefined> {
  const row = await editionNumbered(db, frameworkId, number)
    .select([...summaryColumns, "snapshot"])
    .executeTakeFirst();
  return row && normalise(row);
}

/** An edition's record without its cached content (a big framework's is tens of megabytes to read). */
export async function findEditionSummary(
  db: Executor,
  frameworkId: string,
  number: number,
): Promise<EditionSummary | undefined> {
  const row = await editionNumbered(db, frameworkId, number).select(summaryColumns).executeTakeFirst();
  return row && normalise(row);
}

export async function latestEdition(db: Executor, frameworkId: string): Promise<StoredEdition | undefined> {
  const row = await db
    .selectFrom("editions")
    .select([...summaryColumns, "snapshot"])
    .where("framework_id", "=", frameworkId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && normalise(row);
}

export async function latestEditionNumber(db: Executor, frameworkId: string): Promise<number> {
  const row = await db
    .selectFrom("editions")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("framework_id", "=", frameworkId)
    .executeTakeFirst();
  return Number(row?.number ?? 0);
}

const CHUNK = 400;

/** What an edition's content is besides its items: known before the items are read. */
export type EditionHeader = Omit<EditionContent, "items">;

/**
 * Writes a new edition: its record, its rows and the cache of them. Call inside the publishing
 * transaction. The CASE data and then the items are read through `load`, one after the other, and
 * written in turn, so a large edition never holds both, nor both their JSON texts, at once (for
 * 50,000 items each is tens of MB): the record is written with its CASE data first, then the item
 * rows in batches, then the cache of them.
 */
export async function insertEdition(
  trx: Executor,
  edition: EditionSummary,
  header: EditionHeader,
  load: {
    caseData: () => Promise<EditionCaseData | null>;
    items: () => Promise<PublishedItemRow[]>;
    /** Called after each step, when what it read is garbage (see publishEdition's `between`). */
    between?: () => void;
  },
): Promise<{ items: number }> {
  const f = header.framework;
  await trx
    .insertInto("editions")
    .values({
      ...edition,
      title_en: f.title_en,
      title_fr: f.title_fr,
      description_en: f.description_en,
      description_fr: f.description_fr,
      publisher: f.publisher,
      licence: f.licence,
      framework_created_at: f.created_at,
      framework_updated_at: f.updated_at,
      extra: f.extra,
      adopted_from_id: header.adoptedFrom?.id ?? null,
      adopted_from_slug: header.adoptedFrom?.slug ?? null,
      adopted_from_title_en: header.adoptedFrom?.title.en ?? null,
      adopted_from_title_fr: header.adoptedFrom?.title.fr ?? null,
      adopted_from_edition: header.adoptedFrom?.edition ?? null,
      case_data: await caseDataText(load.caseData),
      // Written below, once the items are (the column cannot be null; nobody outside this
      // transaction ever sees this).
      snapshot: "",
    })
    .execute();
  load.between?.();
  if (header.types.length > 0)
    await trx
      .insertInto("published_item_types")
      .values(header.types.map((t) => ({ edition_id: edition.id, ...t })))
      .execute();
  const items = await load.items();
  // Parents come first in the content, so each parent row exists before its children's.
  for (let i = 0; i < items.length; i += CHUNK)
    await trx
      .insertInto("published_items")
      .values(items.slice(i, i + CHUNK).map(({ id, ...item }) => ({ edition_id: edition.id, item_id: id, ...item })))
      .execute();
  load.between?.();
  await trx
    .updateTable("editions")
    .set({ snapshot: writeEditionCache({ ...header, items }) })
    .where("id", "=", edition.id)
    .execute();
  return { items: items.length };
}

/** The CASE data's JSON text; the data itself is let go as soon as the text exists. */
async function caseDataText(load: () => Promise<EditionCaseData | null>): Promise<string | null> {
  const data = await load();
  return data ? writeEditionCaseData(data) : null;
}

/**
 * An edition's content: from its cache when that is readable, else from its rows. (A cache of a
 * format this code does not know, or damaged by hand, costs one read of the rows, never the edition.)
 */
export async function readEditionContent(
  db: Executor,
  edition: Pick<StoredEdition, "id" | "snapshot">,
): Promise<EditionContent> {
  try {
    return readEditionCache(edition.snapshot, { column: "editions.snapshot", row: `id ${edition.id}` });
  } catch (error) {
    if (!(error instanceof StoredJsonError)) throw error;
    const content = await readEditionRows(db, edition.id);
    if (!content) throw error;
    return content;
  }
}

/** An edition's content from its rows alone (the truth the cache copies); undefined when there is no such edition. */
export async function readEditionRows(db: Executor, editionId: string): Promise<EditionContent | undefined> {
  const [header, types, rows] = await Promise.all([
    readEditionHeader(db, editionId),
    readPublishedTypes(db, editionId),
    publishedItemsQuery(db, editionId).execute(),
  ]);
  if (!header) return undefined;
  const items = rows.map(publishedItem);
  const byId = new Map(items.map((item) => [item.id, item]));
  return {
    ...header,
    types,
    // In the order they were published: parents first, siblings in reading order.
    items: [...walk(buildTree(items).roots)].map((node) => byId.get(node.id) as PublishedItemRow),
  };
}

/** Rows read per query by readEditionForReaders: each page is one short synchronous read on SQLite. */
const PAGE_ROWS = 250;

/**
 * An edition's content for building readers' views: from its rows, read in pages by key, so a big
 * edition is read in many short queries (readers' requests are answered between them) and never
 * parsed as one 20 MB JSON text. Its `items` come in key order, not reading order: only a tree
 * built from them (which orders them) may use them. Undefined when there is no such edition.
 */
export async function readEditionForReaders(
  db: Executor,
  editionId: string,
  pageRows = PAGE_ROWS,
): Promise<EditionContent | undefined> {
  const [header, types] = await Promise.all([readEditionHeader(db, editionId), readPublishedTypes(db, editionId)]);
  if (!header) return undefined;
  const items: PublishedItemRow[] = [];
  let after: string | null = null;
  let sliceStarted = performance.now();
  for (;;) {
    let query = publishedItemsQuery(db, editionId).orderBy("item_id").limit(pageRows);
    if (after !== null) query = query.where("item_id", ">", after);
    const page = await query.execute();
    for (const row of page) items.push(publishedItem(row));
    if (page.length < pageRows) break;
    after = page[page.length - 1].item_id;
    // A SQLite query resolves at once: awaiting it alone never lets a request in (200 pages of a
    // 50,000-item edition ran back to back, ~0.5 s). Give the event loop back once a slice is used.
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
  return { ...header, types, items };
}

async function readEditionHeader(
  db: Executor,
  editionId: string,
): Promise<Pick<EditionContent, "framework" | "adoptedFrom"> | undefined> {
  const edition = await db
    .selectFrom("editions")
    .select([
      "framework_id",
      "title_en",
      "title_fr",
      "description_en",
      "description_fr",
      "publisher",
      "licence",
      "framework_created_at",
      "framework_updated_at",
      "extra",
      "adopted_from_id",
      "adopted_from_slug",
      "adopted_from_title_en",
      "adopted_from_title_fr",
      "adopted_from_edition",
    ])
    .where("id", "=", editionId)
    .executeTakeFirst();
  if (!edition) return undefined;
  return {
    framework: {
      id: edition.framework_id,
      title_en: edition.title_en,
      title_fr: edition.title_fr,
      description_en: edition.description_en,
      description_fr: edition.description_fr,
      publisher: edition.publisher,
      licence: edition.licence,
      created_at: edition.framework_created_at,
      updated_at: edition.framework_updated_at,
      extra: edition.extra,
    },
    adoptedFrom:
      edition.adopted_from_id === null
        ? null
        : {
            id: edition.adopted_from_id,
            slug: edition.adopted_from_slug ?? "",
            title: { en: edition.adopted_from_title_en, fr: edition.adopted_from_title_fr },
            edition: Number(edition.adopted_from_edition),
          },
  };
}

async function readPublishedTypes(db: Executor, editionId: string): Promise<PublishedType[]> {
  const types = await db
    .selectFrom("published_item_types")
    .select(["code", "type_id", "label_en", "label_fr", "position", "extra"])
    .where("edition_id", "=", editionId)
    .orderBy("position")
    .execute();
  return types.map((t) => ({ ...t, position: Number(t.position) }));
}

const publishedItemsQuery = (db: Executor, editionId: string) =>
  db
    .selectFrom("published_items")
    .select([
      "item_id",
      "parent_id",
      "type_code",
      "code",
      "position",
      "statement_en",
      "statement_fr",
      "description_en",
      "description_fr",
      "updated_at",
      "extra",
      "source_item_id",
    ])
    .where("edition_id", "=", editionId);

type PublishedItemRecord = Omit<PublishedItemRow, "id" | "position"> & { item_id: string; position: number | string };

const publishedItem = ({ item_id, ...row }: PublishedItemRecord): PublishedItemRow => ({
  id: item_id,
  ...row,
  position: Number(row.position),
});

/**
 * What only CASE carries, as the edition froze it; null for an edition published before it was kept.
 * Parsed and checked a slice at a time (tens of megabytes for a big framework).
 */
export async function readCaseData(db: Executor, editionId: string): Promise<EditionCaseData | null> {
  const at = { column: "editions.case_data", row: `id ${editionId}` };
  // SQLite reads a big value synchronously (~0.1–0.2 s at 50,000 items): a worker reads it instead.
  const bytes = await readValueOffThread(db, "SELECT CAST(case_data AS BLOB) FROM editions WHERE id = ?", [editionId]);
  if (bytes !== undefined) return bytes && bytes.length > 0 ? readEditionCaseDataInSlices(bytes, at) : null;
  const row = await db.selectFrom("editions").select(["case_data"]).where("id", "=", editionId).executeTakeFirst();
  return row?.case_data ? readEditionCaseDataInSlices(row.case_data, at) : null;
}
