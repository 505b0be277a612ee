/** CFItems → ImportedItems (without their place in the tree yet) and the item types they use. */
import type { Bilingual } from "../../frameworks/tree.ts";
import type { Lang } from "../../i18n/index.ts";
import type { ImportedFramework, ImportedItem } from "../model.ts";
import { ITEM_FIELDS } from "./fields.ts";
import { elementAt, isJsonArray } from "./lazy-json.ts";
import {
  isObject,
  type Json,
  jsonType,
  languageOf,
  pointer,
  type Reader,
  reportRepeat,
  splitExtensions,
  translated,
  translationsAt,
} from "./reader.ts";

/** CFItem fields that have a column (or decide one); every other field is kept verbatim in `extra`. */
const MAPPED = new Set([
  "identifier",
  "fullStatement",
  "humanCodingScheme",
  "notes",
  "lastChangeDateTime",
  "CFItemType",
  "CFItemTypeURI",
  "extensions",
]);

/** Fields read one by one above; every other field the standard defines is checked for its JSON type. */
const READ_HERE = new Set([
  "identifier",
  "uri",
  "lastChangeDateTime",
  "fullStatement",
  "humanCodingScheme",
  "notes",
  "CFItemType",
  "CFItemTypeURI",
]);

export interface ReadItem {
  item: ImportedItem;
  at: string;
  /** Order in CFItems: the last tie-breaker between siblings. */
  index: number;
}

type ItemType = ImportedFramework["itemTypes"][number];

const other = (lang: Lang): Lang => (lang === "en" ? "fr" : "en");

function bilingual(primary: Lang, value: string | null, translation: string | null): Bilingual {
  return primary === "en" ? { en: value, fr: translation } : { en: translation, fr: value };
}

/**
 * Item types: one per distinct (CFItemType text, CFItemTypeURI identifier) pair, so an item whose
 * text disagrees with its linked definition keeps exactly what it said.
 */
class ItemTypes {
  readonly list: ItemType[] = [];
  private readonly byKey = new Map<string, ItemType>();
  private readonly codes = new Set<string>();

  constructor(
    private readonly definitions: Map<string, Json>,
    private readonly primary: Lang,
  ) {}

  codeFor(label: string | undefined, link: Json | undefined): { code: string; link: Json | undefined } {
    const linkId = typeof link?.identifier === "string" ? link.identifier.toLowerCase() : "";
    const key = `${label ?? ""}\u0000${linkId}`;
    const known = this.byKey.get(key);
    if (known) return { code: known.code, link: known.extra?.CFItemTypeURI as Json | undefined };
    const definition = linkId ? this.definitions.get(linkId) : undefined;
    const title = label ?? (typeof definition?.title === "string" ? definition.title : undefined);
    const base =
      ((label === undefined || label === definition?.title) &&
      typeof definition?.typeCode === "string" &&
      definition.typeCode.trim()
        ? definition.typeCode
        : (title ?? "item")
      )
        .trim()
        .slice(0, 90) || "item"; // room for a " 2" suffix within a type code's 100 characters
    let code = base;
    for (let n = 2; this.codes.has(code); n++) code = `${base} ${n}`;
    this.codes.add(code);
    const fr = definition
      ? translated(splitExtensions(definition.extensions).translations[other(this.primary)], "title")
      : null;
    const type: ItemType = {
      code,
      label:
        label === undefined && !definition ? { en: "Item", fr: "Élément" } : bilingual(this.primary, title ?? code, fr),
      extra: { ...(label !== undefined ? { CFItemType: label } : {}), ...(link ? { CFItemTypeURI: link } : {}) },
    };
    this.byKey.set(key, type);
    this.list.push(type);
    return { code, link };
  }

  /**
   * Every type, in the order of the package's type definitions (then the others, as first used),
   * including those no item uses: a package's types come back as they went.
   */
  all(): ItemType[] {
    const linked = new Set(this.list.map((t) => linkId(t.extra?.CFItemTypeURI)));
    for (const [id, definition] of this.definitions) {
      if (linked.has(id) || typeof definition.uri !== "string") continue;
      const title = typeof definition.title === "string" ? definition.title : id;
      this.codeFor(undefined, { title, identifier: id, uri: definition.uri });
    }
    const order = new Map([...this.definitions.keys()].map((id, i) => [id, i]));
    const rank = (t: ItemType) => order.get(linkId(t.extra?.CFItemTypeURI) ?? "") ?? Number.POSITIVE_INFINITY;
    return this.list
      .map((t, i) => ({ t, i }))
      .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
      .map(({ t }) => t);
  }
}

const linkId = (link: unknown) =>
  isObject(link) && typeof link.identifier === "string" ? link.identifier.toLowerCase() : undefined;

export function readItems(
  reader: Reader,
  raw: unknown,
  at: string,
  context: { documentId: string | undefined; primary: Lang; itemTypeDefinitions: Map<string, Json> },
): { items: Map<string, ReadItem>; itemTypes: ItemType[] } {
  const items = new Map<string, ReadItem>();
  const types = new ItemTypes(context.itemTypeDefinitions, context.primary);
  if (raw === undefined || raw === null) return { items, itemTypes: types.list };
  if (!isJsonArray(raw)) {
    reader.error(at, "case.wrong_type", { field: "CFItems", expected: "array", actual: typeof raw });
    return { items, itemTypes: types.list };
  }
  // Where each identifier was first seen, not the entry itself: a lazy array lets each go once read.
  const firstSeen = new Map<string, { at: string; index: number }>();
  raw.forEach((entry: unknown, index) => {
    const where = pointer(at, index);
    if (!isObject(entry)) {
      reader.error(where, "case.wrong_type", {
        field: "CFItems[]",
        expected: "object",
        actual: Array.isArray(entry) ? "array" : typeof entry,
      });
      return;
    }
    const id = reader.identifier(entry, where);
    reader.requiredText(entry, "uri", where);
    const date = reader.dateTime(entry, where);
    const fullStatement = reader.requiredText(entry, "fullStatement", where, "warning");
    const code = reader.text(entry, "humanCodingScheme", where);
    const notes = reader.text(entry, "notes", where);
    const typeLabel = reader.text(entry, "CFItemType", where);
    reader.knownTypes(entry, ITEM_FIELDS, where, READ_HERE);
    let typeLink: Json | undefined;
    if (entry.CFItemTypeURI !== undefined && entry.CFItemTypeURI !== null) {
      if (isObject(entry.CFItemTypeURI) && typeof entry.CFItemTypeURI.identifier === "string")
        typeLink = entry.CFItemTypeURI;
      else if (isObject(entry.CFItemTypeURI))
        // An object of the right type but no identifier: kept as it came, and said so.
        reader.warn(pointer(where, "CFItemTypeURI"), "case.missing_field", { field: "CFItemTypeURI/identifier" });
      else
        reader.error(pointer(where, "CFItemTypeURI"), "case.wrong_type", {
          field: "CFItemTypeURI",
          expected: "object",
          actual: jsonType(entry.CFItemTypeURI),
        });
    }
    if (id === undefined) return;
    if (id === context.documentId) {
      reader.error(pointer(where, "identifier"), "case.duplicate_identifier", { id, first: "/CFDocument" });
      return;
    }
    const first = firstSeen.get(id);
    if (first !== undefined) {
      reportRepeat(reader, where, id, { at: first.at, entry: elementAt(raw, first.index) as Json }, entry);
      return;
    }
    firstSeen.set(id, { at: where, index });

    const primary = languageOf(entry.language) ?? context.primary;
    const { rest, translations, unmapped } = splitExtensions(entry.extensions);
    const translation = translations[other(primary)];
    const extra: Json = { ...unmapped };
    for (const [key, value] of Object.entries(entry)) if (!MAPPED.has(key)) extra[key] = value;
    if (rest !== undefined) extra.extensions = rest;
    if (date && date.original !== date.iso) extra.lastChangeDateTime = date.original;
    // "en" or "fr" says no more than the column the text goes to; a fuller tag (fr-CA, de) is kept.
    if (typeof entry.language === "string" && entry.language.trim().toLowerCase() === primary) delete extra.language;
    const type = types.codeFor(typeLabel, typeLink);
    // The item's own link is kept only when it says something the type's link does not.
    if (typeLink && JSON.stringify(typeLink) !== JSON.stringify(type.link)) extra.CFItemTypeURI = typeLink;
    if (entry.CFItemType !== undefined && typeLabel === undefined) extra.CFItemType = entry.CFItemType;

    items.set(id, {
      index,
      at: where,
      item: {
        id,
        type: type.code,
        code: code ?? null,
        position: 0,
        statement: bilingual(
          primary,
          fullStatement ?? (typeof entry.fullStatement === "string" ? entry.fullStatement : null),
          reader.translated(translation, "fullStatement", translationsAt(where, other(primary))),
        ),
        description: bilingual(
          primary,
          notes ?? null,
          reader.translated(translation, "notes", translationsAt(where, other(primary))),
        ),
        ...(date ? { updatedAt: date.iso } : {}),
        extra: Object.keys(extra).length > 0 ? extra : undefined,
        children: [],
      },
    });
  });
  return { items, itemTypes: types.all() };
}
