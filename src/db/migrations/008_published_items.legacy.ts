/**
 * Migration 008's reader of the snapshot format before it (format 1: the API's tree, written by
 * migration 004 and by publishing until 008). Frozen with the migration and written without any
 * library (migrations import kysely and node's modules only, decision 018), so what 008 accepts
 * cannot change when a validation library does. It checks exactly what 008 reads; fields it does
 * not read are left as they are.
 */

type Bilingual = { en: string | null; fr: string | null };

export interface LegacyItem {
  id: string;
  type: string;
  code: string | null;
  position: number;
  statement: Bilingual;
  description: Bilingual;
  updatedAt: string;
  children: LegacyItem[];
}

export interface LegacySnapshot {
  id: string;
  title: Bilingual;
  description: Bilingual;
  publisher: string | null;
  licence: string | null;
  createdAt?: string;
  updatedAt: string;
  extra?: string | null;
  itemTypes: { id?: string; code: string; label: Bilingual; extra?: string | null }[];
  children: LegacyItem[];
  adoptedFrom?: { id: string; slug: string; title: Bilingual; edition: number };
  case?: {
    associations: Record<string, unknown>[];
    definitions: Record<string, unknown>[];
    itemExtras: Record<string, Record<string, unknown>>;
    typeExtras?: Record<string, string | null>;
  };
}

/** The first thing wrong: where (a dotted path) and what. */
export class LegacyShapeError extends Error {
  readonly path: string;
  constructor(path: (string | number)[], problem: string) {
    super(problem);
    this.path = path.join(".");
  }
}

type Path = (string | number)[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function object(value: unknown, path: Path): Record<string, unknown> {
  if (!isObject(value)) throw new LegacyShapeError(path, "expected an object");
  return value;
}

function string(value: unknown, path: Path, { nullable = false, optional = false, nonEmpty = false } = {}) {
  if (value === undefined && optional) return;
  if (value === null && nullable) return;
  if (typeof value !== "string") throw new LegacyShapeError(path, "expected a string");
  if (nonEmpty && value.length === 0) throw new LegacyShapeError(path, "expected a non-empty string");
}

function number(value: unknown, path: Path, { integer = false } = {}) {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new LegacyShapeError(path, "expected a number");
  if (integer && !Number.isInteger(value)) throw new LegacyShapeError(path, "expected an integer");
}

function array(value: unknown, path: Path): unknown[] {
  if (!Array.isArray(value)) throw new LegacyShapeError(path, "expected an array");
  return value;
}

function bilingual(value: unknown, path: Path) {
  const o = object(value, path);
  string(o.en, [...path, "en"], { nullable: true });
  string(o.fr, [...path, "fr"], { nullable: true });
}

function item(value: unknown, path: Path) {
  const o = object(value, path);
  string(o.id, [...path, "id"], { nonEmpty: true });
  string(o.type, [...path, "type"], { nonEmpty: true });
  string(o.code, [...path, "code"], { nullable: true });
  number(o.position, [...path, "position"]);
  bilingual(o.statement, [...path, "statement"]);
  bilingual(o.description, [...path, "description"]);
  string(o.updatedAt, [...path, "updatedAt"]);
  const children = array(o.children, [...path, "children"]);
  for (let i = 0; i < children.length; i++) item(children[i], [...path, "children", i]);
}

/** Checks a parsed format-1 snapshot; throws a LegacyShapeError at the first problem. */
export function checkLegacySnapshot(value: unknown): LegacySnapshot {
  const o = object(value, []);
  string(o.id, ["id"]);
  bilingual(o.title, ["title"]);
  bilingual(o.description, ["description"]);
  string(o.publisher, ["publisher"], { nullable: true });
  string(o.licence, ["licence"], { nullable: true });
  string(o.createdAt, ["createdAt"], { optional: true });
  string(o.updatedAt, ["updatedAt"]);
  string(o.extra, ["extra"], { nullable: true, optional: true });
  const types = array(o.itemTypes, ["itemTypes"]);
  for (let i = 0; i < types.length; i++) {
    const t = object(types[i], ["itemTypes", i]);
    string(t.id, ["itemTypes", i, "id"], { optional: true });
    string(t.code, ["itemTypes", i, "code"], { nonEmpty: true });
    bilingual(t.label, ["itemTypes", i, "label"]);
    string(t.extra, ["itemTypes", i, "extra"], { nullable: true, optional: true });
  }
  const children = array(o.children, ["children"]);
  for (let i = 0; i < children.length; i++) item(children[i], ["children", i]);
  if (o.adoptedFrom !== undefined) {
    const a = object(o.adoptedFrom, ["adoptedFrom"]);
    string(a.id, ["adoptedFrom", "id"]);
    string(a.slug, ["adoptedFrom", "slug"]);
    bilingual(a.title, ["adoptedFrom", "title"]);
    number(a.edition, ["adoptedFrom", "edition"], { integer: true });
  }
  if (o.case !== undefined) {
    const c = object(o.case, ["case"]);
    for (const key of ["associations", "definitions"] as const) {
      const entries = array(c[key], ["case", key]);
      for (let i = 0; i < entries.length; i++) object(entries[i], ["case", key, i]);
    }
    for (const [id, extra] of Object.entries(object(c.itemExtras, ["case", "itemExtras"])))
      object(extra, ["case", "itemExtras", id]);
    if (c.typeExtras !== undefined)
      for (const [code, extra] of Object.entries(object(c.typeExtras, ["case", "typeExtras"])))
        string(extra, ["case", "typeExtras", code], { nullable: true });
  }
  return o as unknown as LegacySnapshot;
}
