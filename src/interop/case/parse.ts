/**
 * `parseCasePackage`: a CASE 1.0 or 1.1 CFPackage (text, bytes or parsed JSON) → the framework tree,
 * its associations and definitions, and every problem with its JSON pointer. Pure: no I/O.
 *
 * Lenient where real servers are sloppy (extra link fields, missing descriptions, a `{"CFPackage": …}`
 * wrapper, associations to nodes elsewhere), strict where an import could go wrong (identifiers,
 * dates, duplicates, cycles, associations to nodes missing from the package, oversize input).
 */
import { isUtf8 } from "node:buffer";
import type { Lang } from "../../i18n/index.ts";
import type { ImportedFramework, ImportResult } from "../model.ts";
import { DOCUMENT_FIELDS } from "./fields.ts";
import { isJsonArray, LazyJsonError, readLazyPackage } from "./lazy-json.ts";
import {
  type CaseDefinition,
  type CasePackage,
  DEFINITION_COLLECTIONS,
  type DefinitionKind,
  MAX_CASE_ITEMS,
  SKILLSHELF_KEY,
} from "./model.ts";
import { readItems } from "./parse-items.ts";
import { buildItemTree, readAssociations } from "./parse-tree.ts";
import {
  isObject,
  type Json,
  languageOf,
  pointer,
  Reader,
  reportRepeat,
  splitExtensions,
  translationsAt,
} from "./reader.ts";
import { oversizeProblem, readCaseInput } from "./source.ts";

const PACKAGE_KEYS = new Set(["CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics"]);
/** Document fields read one by one; the others the standard defines are checked for their JSON type. */
const DOCUMENT_READ = new Set([
  "identifier",
  "uri",
  "lastChangeDateTime",
  "title",
  "creator",
  "description",
  "publisher",
  "version",
  "language",
]);
const DOCUMENT_MAPPED = new Set([
  "identifier",
  "title",
  "description",
  "publisher",
  "version",
  "lastChangeDateTime",
  "caseVersion",
  "extensions",
]);

export interface CaseParseOptions {
  /** Larger input is refused before parsing (the IMPORT_MAX_MB setting; 200 MB by default). */
  maxBytes?: number;
}

/**
 * Bytes (what the wizard and the command line read) are read lazily (lazy-json.ts): the items and
 * associations are parsed one at a time, so a 200 MB package never exists as one string or one
 * JSON tree. Text, and bytes the lazy reader cannot take apart (not an object, malformed JSON), go
 * the ordinary way, which reports any problem with its line and column; either way the result is
 * the same.
 */
export function parseCasePackage(
  input: string | Uint8Array | unknown,
  options: CaseParseOptions = {},
): ImportResult<CasePackage> {
  if (input instanceof Uint8Array && !oversizeProblem(input.byteLength, options.maxBytes) && isUtf8(input)) {
    const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
    const root = readLazyPackage(bom ? input.subarray(bom) : input);
    if (root) {
      try {
        return parseRoot(root);
      } catch (error) {
        // An element that is not valid JSON: the ordinary reading reports where.
        if (!(error instanceof LazyJsonError)) throw error;
      }
    }
  }
  const { value, problem } = readCaseInput(input, options.maxBytes);
  if (problem) return { value: null, problems: [problem] };
  return parseRoot(value);
}

function parseRoot(value: unknown): ImportResult<CasePackage> {
  const reader = new Reader();
  let root = value;
  let base = "";
  if (isObject(root) && isObject(root.CFPackage) && root.CFDocument === undefined) {
    root = root.CFPackage;
    base = "/CFPackage";
  }
  if (!isObject(root) || !isObject(root.CFDocument)) {
    const where = isObject(root) && root.CFDocument !== undefined ? `${base}/CFDocument` : base;
    reader.error(where, "case.not_a_package");
    return { value: null, problems: reader.problems };
  }
  if (base !== "") reader.warn(base, "case.unwrapped");
  if (isJsonArray(root.CFItems) && root.CFItems.length > MAX_CASE_ITEMS) {
    reader.error(`${base}/CFItems`, "case.too_many_items", { count: root.CFItems.length, max: MAX_CASE_ITEMS });
    return { value: null, problems: reader.problems };
  }

  const document = readDocument(reader, root.CFDocument, `${base}/CFDocument`);
  const definitions = readDefinitions(reader, root, base);
  const itemTypeDefinitions = new Map(definitions.list.filter((d) => d.kind === "itemType").map((d) => [d.id, d.body]));
  const { items, itemTypes } = readItems(reader, root.CFItems, `${base}/CFItems`, {
    documentId: document.framework.id || undefined,
    primary: document.primary,
    itemTypeDefinitions,
  });
  const { associations, parents, misplaced } = readAssociations(reader, root.CFAssociations, `${base}/CFAssociations`, {
    documentId: document.framework.id || undefined,
    items,
  });
  const children = buildItemTree(reader, items, parents, misplaced);

  const packageExtensions = splitExtensions(root.extensions);
  const packageExtra: Json = { ...packageExtensions.unmapped };
  for (const [key, v] of Object.entries(root))
    if (!PACKAGE_KEYS.has(key) && key !== "extensions") packageExtra[key] = v;
  if (packageExtensions.rest !== undefined) packageExtra.extensions = packageExtensions.rest;
  const ours = document.framework.extra?.[SKILLSHELF_KEY];
  const skillshelf: Json = isObject(ours) ? { ...ours } : {};
  if (Object.keys(packageExtra).length > 0) skillshelf.package = packageExtra;
  if (Object.keys(definitions.extra).length > 0) skillshelf.definitions = definitions.extra;
  const frameworkExtra = {
    ...document.framework.extra,
    ...(Object.keys(skillshelf).length > 0 ? { [SKILLSHELF_KEY]: skillshelf } : {}),
  };

  const framework: ImportedFramework = {
    ...document.framework,
    extra: Object.keys(frameworkExtra).length > 0 ? frameworkExtra : undefined,
    itemTypes,
    children,
  };
  return {
    value: { framework, associations, definitions: definitions.list, caseVersion: document.caseVersion },
    problems: reader.problems,
  };
}

function readDocument(reader: Reader, doc: Json, at: string) {
  const id = reader.identifier(doc, at) ?? "";
  reader.requiredText(doc, "uri", at);
  const date = reader.dateTime(doc, at);
  const title = reader.requiredText(doc, "title", at, "warning");
  reader.requiredText(doc, "creator", at, "warning");
  const description = reader.text(doc, "description", at);
  const publisher = reader.text(doc, "publisher", at);
  const version = reader.text(doc, "version", at);
  const language = reader.text(doc, "language", at);
  reader.knownTypes(doc, DOCUMENT_FIELDS, at, DOCUMENT_READ);
  // The text goes where its language says; any other language (de, es…) fills the first column,
  // and `language` stays in the framework's kept fields as given (decision 009).
  const primary: Lang = languageOf(language) ?? "en";
  const other: Lang = primary === "en" ? "fr" : "en";
  const { rest, translations, unmapped } = splitExtensions(doc.extensions);
  const translation = translations[other];

  const extra: Json = { ...unmapped };
  for (const [key, value] of Object.entries(doc)) if (!DOCUMENT_MAPPED.has(key)) extra[key] = value;
  if (rest !== undefined) extra.extensions = rest;
  if (date && date.original !== date.iso) extra.lastChangeDateTime = date.original;
  // A package that does not say its language: an export must not claim one for it.
  if (language === undefined) {
    delete extra.language;
    extra[SKILLSHELF_KEY] = { ...(isObject(extra[SKILLSHELF_KEY]) ? extra[SKILLSHELF_KEY] : {}), language: null };
  }
  const licence =
    isObject(doc.licenseURI) && typeof doc.licenseURI.title === "string" ? doc.licenseURI.title.slice(0, 1000) : null;
  const pair = (value: string | null, translated: string | null) =>
    primary === "en" ? { en: value, fr: translated } : { en: translated, fr: value };

  const framework: Omit<ImportedFramework, "itemTypes" | "children"> = {
    id,
    title: pair(title ?? null, reader.translated(translation, "title", translationsAt(at, other))),
    description: pair(description ?? null, reader.translated(translation, "description", translationsAt(at, other))),
    publisher: publisher ?? null,
    version: version ?? null,
    status: null,
    licence,
    ...(date ? { updatedAt: date.iso } : {}),
    extra: Object.keys(extra).length > 0 ? extra : undefined,
  };
  return { framework, primary, caseVersion: doc.caseVersion === "1.1" ? ("1.1" as const) : ("1.0" as const) };
}

function readDefinitions(reader: Reader, root: Json, base: string): { list: CaseDefinition[]; extra: Json } {
  const list: CaseDefinition[] = [];
  const extra: Json = {};
  const collect = (kind: DefinitionKind, raw: unknown, at: string, field: string) => {
    if (raw === undefined || raw === null) return;
    if (!Array.isArray(raw)) {
      reader.error(at, "case.wrong_type", { field, expected: "array", actual: typeof raw });
      return;
    }
    const seen = new Map<string, { at: string; entry: Json }>();
    raw.forEach((entry: unknown, index) => {
      const where = pointer(at, index);
      if (!isObject(entry)) {
        reader.error(where, "case.wrong_type", {
          field: `${field}[]`,
          expected: "object",
          actual: Array.isArray(entry) ? "array" : typeof entry,
        });
        return;
      }
      const id = reader.identifier(entry, where);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined) {
        reportRepeat(reader, where, id, first, entry);
        return;
      }
      seen.set(id, { at: where, entry });
      if (JSON.stringify(entry).length > 1_000_000) {
        reader.error(where, "case.text_too_long", { field, length: JSON.stringify(entry).length, max: 1_000_000 });
        return;
      }
      list.push({ kind, id, ordinal: index, body: entry });
    });
  };

  const defs = root.CFDefinitions;
  const at = `${base}/CFDefinitions`;
  if (defs !== undefined && defs !== null && !isObject(defs)) {
    reader.error(at, "case.wrong_type", {
      field: "CFDefinitions",
      expected: "object",
      actual: Array.isArray(defs) ? "array" : typeof defs,
    });
  } else if (isObject(defs)) {
    const known = new Set(Object.values(DEFINITION_COLLECTIONS));
    for (const [kind, collection] of Object.entries(DEFINITION_COLLECTIONS)) {
      collect(kind as DefinitionKind, defs[collection], pointer(at, collection), collection);
    }
    const extensions = splitExtensions(defs.extensions);
    Object.assign(extra, extensions.unmapped);
    for (const [key, value] of Object.entries(defs)) if (!known.has(key) && key !== "extensions") extra[key] = value;
    if (extensions.rest !== undefined) extra.extensions = extensions.rest;
  }
  collect("rubric", root.CFRubrics, `${base}/CFRubrics`, "CFRubrics");
  return { list, extra };
}
