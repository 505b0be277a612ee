/**
 * What every importer produces and every writer consumes: a framework tree in the API's shape
 * (src/frameworks/json.ts) plus what CASE carries beyond it, and a list of problems.
 * Parsers are pure: text or bytes in, ImportResult out. Writing is a separate command.
 */
import type { Bilingual } from "../frameworks/tree.ts";

export interface ImportedItem {
  /** Stable identifier (CASE identifier / UUID). Re-importing the same id updates in place. */
  id: string;
  type: string;
  code: string | null;
  position: number;
  statement: Bilingual;
  description: Bilingual;
  /** ISO timestamp of the item's last change, when the source says (CASE lastChangeDateTime). */
  updatedAt?: string;
  /** Source fields with no column of their own, kept verbatim so a re-export loses nothing. */
  extra?: Record<string, unknown>;
  children: ImportedItem[];
}

export interface ImportedFramework {
  id: string;
  slug?: string;
  title: Bilingual;
  description: Bilingual;
  publisher: string | null;
  version: string | null;
  status: string | null;
  licence: string | null;
  updatedAt?: string;
  /**
   * Item types. A label null in both languages is unknown (the source does not name the type): the
   * framework keeps the label it has. `id`: the identifier the source gave the type, used when the
   * type is new and that identifier is free (a CASE package's own type definitions).
   */
  itemTypes: { code: string; label: Bilingual; extra?: Record<string, unknown> | null; id?: string }[];
  extra?: Record<string, unknown>;
  /**
   * The source does not carry the framework's own fields (a spreadsheet): a null title, description,
   * publisher, version or licence means "not given" and keeps what the framework has.
   */
  sparse?: boolean;
  /** BCP 47 tag of the framework's language, from a format that says it apart from CASE (Skillshelf JSON). */
  language?: string;
  /** The source names only the types its items use (a CSV): the framework's other types stay. */
  partialTypes?: boolean;
  children: ImportedItem[];
}

/** Where a problem is: a JSON pointer ("/CFItems/3/identifier"), "Items!B7", or "line 42". */
export interface Problem {
  where: string;
  /** Stable id, e.g. "case.duplicate_identifier"; messages in both languages come from it. */
  code: string;
  params?: Record<string, string | number>;
  severity: "error" | "warning";
}

export interface ImportResult<T = ImportedFramework> {
  value: T | null;
  problems: Problem[];
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");
