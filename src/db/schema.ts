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
}

export interface MetaTable {
  key: string;
  value: string;
}

export type Framework = Selectable<FrameworksTable>;
export type NewFramework = Insertable<FrameworksTable>;
export type FrameworkUpdate = Updateable<FrameworksTable>;
export type ItemType = Selectable<ItemTypesTable>;
export type Item = Selectable<ItemsTable>;
export type NewItem = Insertable<ItemsTable>;
export type { Generated };
