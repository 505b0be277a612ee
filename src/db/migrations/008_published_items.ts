/**
 * Published editions become rows (decision 015). Until now an edition was one JSON text
 * (`editions.snapshot`, the API's tree shape, unversioned); a later table could not point at "this
 * competency, as published in edition N". From here on:
 * - `published_items` (key: edition_id + item_id) and `published_item_types` (edition_id + code) hold
 *   every item and type as the edition froze them; `editions` gains the framework's frozen texts, its
 *   adoption provenance and, as versioned JSON, the CASE-only data (associations, definitions);
 * - `editions.snapshot` stays, as a cache of all that in a versioned format ("v": 2);
 * - an adopted copy's items remember their source's item id (`items.source_item_id`).
 * Every existing edition is backfilled from its snapshot. Self-contained: the old format is read by
 * its own frozen reader (008_published_items.legacy.ts) and the new one written by its own code, so later changes to the
 * application cannot change what this migration does.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import {
  checkLegacySnapshot,
  type LegacyItem,
  LegacyShapeError,
  type LegacySnapshot,
} from "./008_published_items.legacy.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One transaction on both databases: an edition that cannot be read stops the migration with
  // nothing changed (PostgreSQL's migrator opens it; SQLite's DDL is transactional too).
  await inTransaction(db as AnyDB, async (any) => {
    await createTables(any);
    await backfillEditions(any);
    await rememberSourceItems(any);
  });
}

async function createTables(any: AnyDB): Promise<void> {
  await any.schema.alterTable("items").addColumn("source_item_id", "varchar(36)").execute();
  await any.schema.createIndex("items_source_item").on("items").columns(["framework_id", "source_item_id"]).execute();

  for (const [name, type] of [
    ["title_en", "text"],
    ["title_fr", "text"],
    ["description_en", "text"],
    ["description_fr", "text"],
    ["publisher", "text"],
    ["licence", "text"],
    ["framework_created_at", "varchar(30)"],
    ["framework_updated_at", "varchar(30)"],
    ["extra", "text"],
    ["adopted_from_id", "varchar(36)"],
    ["adopted_from_slug", "varchar(120)"],
    ["adopted_from_title_en", "text"],
    ["adopted_from_title_fr", "text"],
    ["adopted_from_edition", "integer"],
    ["case_data", "text"],
  ] as const)
    await any.schema.alterTable("editions").addColumn(name, type).execute();

  await any.schema
    .createTable("published_item_types")
    .addColumn("edition_id", "varchar(36)", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("code", "varchar(120)", (c) => c.notNull())
    .addColumn("type_id", "varchar(36)")
    .addColumn("label_en", "text")
    .addColumn("label_fr", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("extra", "text")
    .addPrimaryKeyConstraint("published_item_types_pk", ["edition_id", "code"])
    .execute();

  // The key later tables reference: (edition_id, item_id). Both columns are plain text on both
  // databases, so `foreign key (edition_id, item_id) references published_items` works everywhere.
  await any.schema
    .createTable("published_items")
    .addColumn("edition_id", "varchar(36)", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("item_id", "varchar(36)", (c) => c.notNull())
    .addColumn("parent_id", "varchar(36)")
    .addColumn("type_code", "varchar(120)", (c) => c.notNull())
    .addColumn("code", "varchar(200)")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("statement_en", "text")
    .addColumn("statement_fr", "text")
    .addColumn("description_en", "text")
    .addColumn("description_fr", "text")
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("extra", "text")
    .addColumn("source_item_id", "varchar(36)")
    .addPrimaryKeyConstraint("published_items_pk", ["edition_id", "item_id"])
    // A parent is an item of the same edition; a type is one the same edition published.
    .addForeignKeyConstraint(
      "published_items_parent",
      ["edition_id", "parent_id"],
      "published_items",
      ["edition_id", "item_id"],
      (c) => c.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "published_items_type",
      ["edition_id", "type_code"],
      "published_item_types",
      ["edition_id", "code"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  // The foreign keys' own lookups (deleting an edition) need their columns indexed.
  await any.schema
    .createIndex("published_items_parent")
    .on("published_items")
    .columns(["edition_id", "parent_id"])
    .execute();
  await any.schema
    .createIndex("published_items_type")
    .on("published_items")
    .columns(["edition_id", "type_code"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await inTransaction(db as AnyDB, goBack);
}

/** Going back keeps every edition readable: the old format is rebuilt from the rows. */
async function goBack(any: AnyDB): Promise<void> {
  const editions = await any.selectFrom("editions").select(["id"]).execute();
  for (const { id } of editions) {
    const edition = await any.selectFrom("editions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const types = await any
      .selectFrom("published_item_types")
      .selectAll()
      .where("edition_id", "=", id)
      .orderBy("position")
      .execute();
    const items = await any.selectFrom("published_items").selectAll().where("edition_id", "=", id).execute();
    await any
      .updateTable("editions")
      .set({ snapshot: JSON.stringify(legacySnapshot(edition, types, items)) })
      .where("id", "=", id)
      .execute();
  }
  await any.schema.dropTable("published_items").execute();
  await any.schema.dropTable("published_item_types").execute();
  for (const name of [
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
    "case_data",
  ])
    await any.schema.alterTable("editions").dropColumn(name).execute();
  await any.schema.dropIndex("items_source_item").execute();
  await any.schema.alterTable("items").dropColumn("source_item_id").execute();
}

/** PostgreSQL's migrator runs each migration in a transaction already; SQLite's does not, so this opens one. */
async function inTransaction(db: AnyDB, run: (trx: AnyDB) => Promise<void>): Promise<void> {
  if (db.isTransaction) return run(db);
  await db.transaction().execute((trx: Transaction<unknown>) => run(trx as AnyDB));
}

// ---------------------------------------------------------------------------------------------
// The snapshot format before this migration (written by migration 004 and publishing until now),
// checked by this migration's own frozen reader (008_published_items.legacy.ts).

function readLegacy(text: string, edition: { id: string; number: unknown; framework_id: string }): LegacySnapshot {
  const where = `edition ${Number(edition.number)} of framework ${edition.framework_id} (editions.id ${edition.id})`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`Migration 008: the snapshot of ${where} is not JSON (${(error as Error).message})`);
  }
  try {
    return checkLegacySnapshot(value);
  } catch (error) {
    if (!(error instanceof LegacyShapeError)) throw error;
    throw new Error(
      `Migration 008: the snapshot of ${where} is unreadable at ${error.path || "(top)"}: ${error.message}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The formats this migration writes (decision 015): the cache ("v": 2) and the CASE data ("v": 1).

interface ItemRow {
  edition_id: string;
  item_id: string;
  parent_id: string | null;
  type_code: string;
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  updated_at: string;
  extra: string | null;
  source_item_id: string | null;
}

interface TypeRow {
  edition_id: string;
  code: string;
  type_id: string | null;
  label_en: string | null;
  label_fr: string | null;
  position: number;
  extra: string | null;
}

/** Parents before children (the order the rows are written in, so each parent exists first). */
function flatten(editionId: string, snapshot: LegacySnapshot): ItemRow[] {
  const rows: ItemRow[] = [];
  const extras = snapshot.case?.itemExtras ?? {};
  const seen = new Set<string>();
  const visit = (items: LegacyItem[], parentId: string | null) => {
    for (const item of items) {
      // An id twice in one tree never came from Skillshelf's own snapshots; the first one stands.
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      rows.push({
        edition_id: editionId,
        item_id: item.id,
        parent_id: parentId,
        type_code: item.type,
        code: item.code,
        position: item.position,
        statement_en: item.statement.en,
        statement_fr: item.statement.fr,
        description_en: item.description.en,
        description_fr: item.description.fr,
        updated_at: item.updatedAt,
        extra: Object.hasOwn(extras, item.id) ? JSON.stringify(extras[item.id]) : null,
        source_item_id: null,
      });
      visit(item.children, item.id);
    }
  };
  visit(snapshot.children, null);
  return rows;
}

const cacheOf = (edition: Record<string, unknown>, types: TypeRow[], items: ItemRow[]) =>
  JSON.stringify({
    v: 2,
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
            slug: edition.adopted_from_slug,
            title: { en: edition.adopted_from_title_en, fr: edition.adopted_from_title_fr },
            edition: edition.adopted_from_edition,
          },
    types: types.map(({ edition_id: _e, ...type }) => type),
    items: items.map(({ edition_id: _e, item_id, ...item }) => ({ id: item_id, ...item })),
  });

const CHUNK = 400;

async function backfillEditions(db: AnyDB): Promise<void> {
  const editions = await db
    .selectFrom("editions")
    .select(["id", "framework_id", "number"])
    .orderBy("framework_id")
    .orderBy("number")
    .execute();
  for (const edition of editions) {
    // One at a time: an edition of a large framework is megabytes of JSON.
    const { snapshot: text } = await db
      .selectFrom("editions")
      .select("snapshot")
      .where("id", "=", edition.id)
      .executeTakeFirstOrThrow();
    const snapshot = readLegacy(text, edition);
    const live = await db
      .selectFrom("frameworks")
      .select(["created_at"])
      .where("id", "=", edition.framework_id)
      .executeTakeFirst();
    // What readers were shown when the snapshot lacked something, resolved once: the framework's
    // creation time (live, else its last change) and, for types whose CASE link the edition did not
    // keep, the live type's.
    const liveTypes = new Map(
      (
        await db
          .selectFrom("item_types")
          .select(["code", "extra"])
          .where("framework_id", "=", edition.framework_id)
          .execute()
      ).map((t) => [t.code as string, (t.extra as string | null) ?? null]),
    );
    const columns = {
      title_en: snapshot.title.en,
      title_fr: snapshot.title.fr,
      description_en: snapshot.description.en,
      description_fr: snapshot.description.fr,
      publisher: snapshot.publisher,
      licence: snapshot.licence,
      framework_created_at: snapshot.createdAt ?? live?.created_at ?? snapshot.updatedAt,
      framework_updated_at: snapshot.updatedAt,
      extra: snapshot.extra ?? null,
      adopted_from_id: snapshot.adoptedFrom?.id ?? null,
      adopted_from_slug: snapshot.adoptedFrom?.slug ?? null,
      adopted_from_title_en: snapshot.adoptedFrom?.title.en ?? null,
      adopted_from_title_fr: snapshot.adoptedFrom?.title.fr ?? null,
      adopted_from_edition: snapshot.adoptedFrom?.edition ?? null,
      case_data: snapshot.case
        ? JSON.stringify({ v: 1, associations: snapshot.case.associations, definitions: snapshot.case.definitions })
        : null,
    };
    const items = flatten(edition.id, snapshot);
    const types: TypeRow[] = [];
    for (const type of snapshot.itemTypes) {
      if (types.some((t) => t.code === type.code)) continue;
      const frozen = type.extra ?? snapshot.case?.typeExtras?.[type.code];
      types.push({
        edition_id: edition.id,
        code: type.code,
        type_id: type.id ?? null,
        label_en: type.label.en,
        label_fr: type.label.fr,
        position: types.length + 1,
        extra: frozen !== undefined ? frozen : snapshot.case ? (liveTypes.get(type.code) ?? null) : null,
      });
    }
    // A type an item names but the list lacks (never written by Skillshelf): kept, without labels.
    for (const code of new Set(items.map((i) => i.type_code)))
      if (!types.some((t) => t.code === code))
        types.push({
          edition_id: edition.id,
          code,
          type_id: null,
          label_en: null,
          label_fr: null,
          position: types.length + 1,
          extra: null,
        });
    await db.updateTable("editions").set(columns).where("id", "=", edition.id).execute();
    if (types.length > 0) await db.insertInto("published_item_types").values(types).execute();
    for (let i = 0; i < items.length; i += CHUNK)
      await db
        .insertInto("published_items")
        .values(items.slice(i, i + CHUNK))
        .execute();
    await db
      .updateTable("editions")
      .set({ snapshot: cacheOf({ ...columns, framework_id: edition.framework_id }, types, preorder(items)) })
      .where("id", "=", edition.id)
      .execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Adopted copies: until now an item's source was known only by its derived id.

const NAMESPACE = "5b0f2d1e-6c7a-4f43-9a43-0c2d7e9b1a55";

/** RFC 9562 version-5 UUID, as src/db/uuid.ts made them when this migration was written. */
function uuidV5(name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(NAMESPACE.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The local id adoption gave a copy of an upstream item. */
const localItemId = (frameworkId: string, upstreamId: string) => uuidV5(`adopted:${frameworkId}:${upstreamId}`);

async function rememberSourceItems(db: AnyDB): Promise<void> {
  const adoptions = await db.selectFrom("adoptions").select(["framework_id", "source_framework_id"]).execute();
  for (const adoption of adoptions) {
    // Every upstream item the copy may hold: any item of any of the source's editions.
    const upstream = await db
      .selectFrom("published_items")
      .innerJoin("editions", "editions.id", "published_items.edition_id")
      .select("published_items.item_id")
      .distinct()
      .where("editions.framework_id", "=", adoption.source_framework_id)
      .execute();
    const sourceOf = new Map<string, string>();
    for (const { item_id } of upstream) sourceOf.set(localItemId(adoption.framework_id, item_id), item_id);
    const local = await db.selectFrom("items").select("id").where("framework_id", "=", adoption.framework_id).execute();
    for (const { id } of local) {
      const source = sourceOf.get(id);
      if (source)
        await db
          .updateTable("items")
          .set({ source_item_id: source })
          .where("framework_id", "=", adoption.framework_id)
          .where("id", "=", id)
          .execute();
    }
    // The copy's own editions remember them too (rows and cache alike).
    const copies = await db
      .selectFrom("editions")
      .select(["id"])
      .where("framework_id", "=", adoption.framework_id)
      .execute();
    for (const { id: editionId } of copies) {
      const items = await db
        .selectFrom("published_items")
        .select("item_id")
        .where("edition_id", "=", editionId)
        .execute();
      let touched = false;
      for (const { item_id } of items) {
        const source = sourceOf.get(item_id);
        if (!source) continue;
        touched = true;
        await db
          .updateTable("published_items")
          .set({ source_item_id: source })
          .where("edition_id", "=", editionId)
          .where("item_id", "=", item_id)
          .execute();
      }
      if (touched) await rewriteCache(db, editionId);
    }
  }
}

async function rewriteCache(db: AnyDB, editionId: string): Promise<void> {
  const edition = await db.selectFrom("editions").selectAll().where("id", "=", editionId).executeTakeFirstOrThrow();
  const types = (await db
    .selectFrom("published_item_types")
    .selectAll()
    .where("edition_id", "=", editionId)
    .orderBy("position")
    .execute()) as TypeRow[];
  const items = (await db
    .selectFrom("published_items")
    .selectAll()
    .where("edition_id", "=", editionId)
    .execute()) as ItemRow[];
  const normalised = {
    ...edition,
    adopted_from_edition: edition.adopted_from_edition === null ? null : Number(edition.adopted_from_edition),
  };
  await db
    .updateTable("editions")
    .set({
      snapshot: cacheOf(
        normalised,
        types.map((t) => ({ ...t, position: Number(t.position) })),
        preorder(items.map((i) => ({ ...i, position: Number(i.position) }))),
      ),
    })
    .where("id", "=", editionId)
    .execute();
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * Rows read back in any order, put as the cache lists them: parents first, siblings in reading order
 * (position, then code in natural order, then id: as src/frameworks/tree.ts sorted them at the time).
 */
function preorder(items: ItemRow[]): ItemRow[] {
  const children = new Map<string | null, ItemRow[]>();
  for (const item of items) children.set(item.parent_id, [...(children.get(item.parent_id) ?? []), item]);
  const out: ItemRow[] = [];
  const visit = (parentId: string | null) => {
    const siblings = (children.get(parentId) ?? []).sort(
      (a, b) =>
        a.position - b.position || collator.compare(a.code ?? "", b.code ?? "") || a.item_id.localeCompare(b.item_id),
    );
    for (const item of siblings) {
      out.push(item);
      visit(item.item_id);
    }
  };
  visit(null);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Down: the format before this migration, rebuilt from the rows.

/** The later of two ISO-8601 times (they compare as text). */
function laterOf(a: string, b: string): string {
  if (a < b) return b;
  return a;
}

function legacySnapshot(
  edition: Record<string, unknown>,
  types: Record<string, unknown>[],
  items: Record<string, unknown>[],
): Record<string, unknown> {
  const byParent = new Map<string | null, Record<string, unknown>[]>();
  for (const item of items) {
    const parent = (item.parent_id as string | null) ?? null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
  }
  const itemExtras: Record<string, unknown> = {};
  const tree = (parentId: string | null): [Record<string, unknown>[], string] => {
    let newest = "";
    const nodes = (byParent.get(parentId) ?? [])
      .sort((a, b) => Number(a.position) - Number(b.position) || String(a.item_id).localeCompare(String(b.item_id)))
      .map((item) => {
        if (item.extra) itemExtras[item.item_id as string] = JSON.parse(item.extra as string);
        const [children, childNewest] = tree(item.item_id as string);
        const own = item.updated_at as string;
        const lastUpdated = laterOf(childNewest, own);
        if (lastUpdated > newest) newest = lastUpdated;
        return {
          id: item.item_id,
          type: item.type_code,
          code: item.code,
          position: Number(item.position),
          statement: { en: item.statement_en, fr: item.statement_fr },
          description: { en: item.description_en, fr: item.description_fr },
          updatedAt: own,
          lastUpdated,
          children,
        };
      });
    return [nodes, newest];
  };
  const [children, newest] = tree(null);
  const caseData = edition.case_data ? JSON.parse(edition.case_data as string) : null;
  const updatedAt = edition.framework_updated_at as string;
  return {
    id: edition.framework_id,
    slug: "",
    type: "framework",
    title: { en: edition.title_en, fr: edition.title_fr },
    description: { en: edition.description_en, fr: edition.description_fr },
    publisher: edition.publisher,
    version: String(edition.number),
    status: "published",
    licence: edition.licence,
    createdAt: edition.framework_created_at,
    updatedAt,
    lastUpdated: laterOf(newest, updatedAt),
    itemTypes: types.map((t) => ({
      id: t.type_id ?? undefined,
      code: t.code,
      label: { en: t.label_en, fr: t.label_fr },
      extra: t.extra,
    })),
    children,
    extra: edition.extra,
    ...(edition.adopted_from_id
      ? {
          adoptedFrom: {
            id: edition.adopted_from_id,
            slug: edition.adopted_from_slug,
            title: { en: edition.adopted_from_title_en, fr: edition.adopted_from_title_fr },
            edition: Number(edition.adopted_from_edition),
          },
        }
      : {}),
    ...(caseData
      ? {
          case: {
            associations: caseData.associations,
            definitions: caseData.definitions,
            itemExtras,
            typeExtras: Object.fromEntries(types.map((t) => [t.code, t.extra])),
          },
        }
      : {}),
  };
}
