import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AccountsTable, SessionsTable, UsersTable, VerificationsTable } from "../auth/tables.ts";

/**
 * The one database interface, valid for SQLite and PostgreSQL alike. Timestamps are ISO-8601 text
 * (UTC, millisecond precision) so both dialects sort and compare them the same way; JSON is text.
 */
export interface DB {
  frameworks: FrameworksTable;
  item_types: ItemTypesTable;
  items: ItemsTable;
  meta: MetaTable;
  // accounts (src/auth/tables.ts, migration 003)
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  // editions, history, adoption (src/editions, src/editor, migration 004)
  editions: EditionsTable;
  changes: ChangesTable;
  adoptions: AdoptionsTable;
  adoption_decisions: AdoptionDecisionsTable;
}

export interface FrameworksTable {
  id: string;
  slug: string;
  title_en: string | null;
  title_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  publisher: string | null;
  version: string;
  /** draft | published | retired */
  status: string;
  licence: string | null;
  created_at: string;
  updated_at: string;
  /** Fields this model has no column for (e.g. from a CASE import), kept for re-export. JSON text. */
  extra: string | null;
}

export interface ItemTypesTable {
  id: string;
  framework_id: string;
  code: string;
  label_en: string | null;
  label_fr: string | null;
  position: number;
}

export interface ItemsTable {
  id: string;
  framework_id: string;
  parent_id: string | null;
  type_id: string;
  /** Human code such as "ML.CR.2" (CASE humanCodingScheme); not necessarily unique in imports. */
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  created_at: string;
  /** Last change of this item itself; an area's "last updated" rolls this up over its subtree. */
  updated_at: string;
  extra: string | null;
  /** Increases with every saved edit of the item's own fields (optimistic concurrency). */
  version: Generated<number>;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** A published, immutable edition: the framework as readers saw it, in the API's JSON shape. */
export interface EditionsTable {
  id: string;
  framework_id: string;
  number: number;
  summary: string;
  published_at: string;
  /** Account id of the publisher; null for the starter load and the CLI. */
  published_by: string | null;
  /** The publisher's name as it was then, so the record survives the account. */
  published_by_label: string | null;
  /** FrameworkJson (src/frameworks/json.ts) as JSON text. */
  snapshot: string;
}

/** One field-level change: who, when, what (before/after as JSON text). */
export interface ChangesTable {
  id: string;
  framework_id: string;
  item_id: string | null;
  /** "/root/…/item/": the item's ancestry at the time, for filtering by area after deletes. */
  item_path: string | null;
  /** The changes one action made share a batch. */
  batch_id: string;
  ordinal: number;
  actor_id: string | null;
  actor_label: string | null;
  at: string;
  /** create | update | delete | move | reorder | restore | publish | adopt | take */
  kind: string;
  field: string | null;
  before: string | null;
  after: string | null;
}

/** A framework copied from a published one: where it came from, and the upstream edition it has caught up with. */
export interface AdoptionsTable {
  framework_id: string;
  source_framework_id: string;
  /** The edition copied, then the latest one whose changes were all taken or left. */
  source_edition: number;
  adopted_edition: number;
  adopted_at: string;
}

export interface AdoptionDecisionsTable {
  framework_id: string;
  source_item_id: string;
  fingerprint: string;
  /** take | leave */
  decision: string;
  actor_id: string | null;
  at: string;
}

export type Framework = Selectable<FrameworksTable>;
export type NewFramework = Insertable<FrameworksTable>;
export type FrameworkUpdate = Updateable<FrameworksTable>;
export type ItemType = Selectable<ItemTypesTable>;
export type Item = Selectable<ItemsTable>;
export type NewItem = Insertable<ItemsTable>;
export type Edition = Selectable<EditionsTable>;
export type Change = Selectable<ChangesTable>;
export type NewChange = Insertable<ChangesTable>;
export type { Generated };
