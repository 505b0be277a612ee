/**
 * The pieces of a CASE 1.1 package built from a framework and what its import kept: the document,
 * each item, each association, the definitions. Pure. Both languages travel: the document's language
 * in the standard fields, the other under `extensions.skillshelf.translations` (docs/decisions/006-case-bilingual.md).
 */

import type { CaseAssociationsTable, CaseDefinitionsTable, Framework } from "../../db/schema.ts";
import { keptFieldsOrNone } from "../../db/stored-json.ts";
import { uuidV5 } from "../../db/uuid.ts";
import type { Bilingual } from "../../frameworks/tree.ts";
import type { Lang } from "../../i18n/index.ts";
import {
  ASSOCIATION_FIELDS,
  conform,
  conforms,
  DOCUMENT_FIELDS,
  type FieldSpec,
  ITEM_FIELDS,
  isAbsoluteUri,
  isDateTime,
  isLink,
  isLinkGen,
} from "./fields.ts";
import { type DefinitionKind, EXTENSION_KEY, isUuid, SKILLSHELF_KEY } from "./model.ts";
import { isObject, type Json, languageOf } from "./reader.ts";

export const CASE_API_PATH = "/ims/case/v1p1";

export interface ExportNode {
  id: string;
  parentId: string | null;
  type: string;
  code: string | null;
  position: number;
  statement: Bilingual;
  description: Bilingual;
  updatedAt: string;
  children: ExportNode[];
}

export interface ExportType {
  id?: string;
  code: string;
  label: Bilingual;
  /** What the CASE source called the type (item_types.extra); null for a type made in Skillshelf. */
  extra: Json | null;
}

export type AssociationRow = CaseAssociationsTable;
export type DefinitionRow = CaseDefinitionsTable;

export interface CaseExportInput {
  framework: Pick<
    Framework,
    | "id"
    | "slug"
    | "title_en"
    | "title_fr"
    | "description_en"
    | "description_fr"
    | "publisher"
    | "version"
    | "status"
    | "licence"
    | "updated_at"
    | "extra"
  >;
  types: ExportType[];
  roots: ExportNode[];
  /** items.extra by item id (only items that have one). */
  itemExtras: Map<string, Json>;
  associations: AssociationRow[];
  definitions: DefinitionRow[];
  /** Origin for generated URIs, e.g. https://skills.example.org. */
  baseUrl: string;
  /**
   * The published edition exported, if it is one: the CFDocument's lastChangeDateTime is then its
   * publish time and its version the edition's label (framework.version, decision 008).
   */
  edition?: { number: number; publishedAt: string };
}

/** Link fields some servers add that a package may not carry; the API adds them back itself. */
const PACKAGE_DROPPED = new Set(["CFDocumentURI", "CFPackageURI"]);
export const COLLECTION_PATH: Record<DefinitionKind, string> = {
  itemType: "CFItemTypes",
  subject: "CFSubjects",
  concept: "CFConcepts",
  license: "CFLicenses",
  associationGrouping: "CFAssociationGroupings",
  rubric: "CFRubrics",
};
const ADOPTION_STATUS: Record<string, string> = { published: "Adopted", draft: "Draft", retired: "Deprecated" };

/** Kept fields as stored (an export goes on with none when one row's cannot be read). */
export const parseExtra = (text: string | null | undefined): Json => keptFieldsOrNone(text);

/** The source's own date text when it still says the same instant, else the stored ISO time. */
export function dateOut(original: unknown, iso: string): string {
  if (isDateTime(original) && Date.parse(original) === Date.parse(iso)) return original;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? new Date(0).toISOString() : new Date(time).toISOString();
}

/** Puts what the strict schema has no room for under our extensions block. */
export function finish(spec: FieldSpec, candidate: Json, ours: { translations?: Json; unmapped?: Json } = {}): Json {
  const { clean, unmapped } = conform(spec, candidate);
  const allUnmapped = { ...ours.unmapped, ...unmapped };
  const block: Json = {};
  if (ours.translations && Object.keys(ours.translations).length > 0) block.translations = ours.translations;
  if (Object.keys(allUnmapped).length > 0) block.unmapped = allUnmapped;
  if (Object.keys(block).length > 0) {
    const existing = isObject(clean.extensions) ? clean.extensions : {};
    const previous = isObject(existing[EXTENSION_KEY]) ? (existing[EXTENSION_KEY] as Json) : {};
    clean.extensions = { ...existing, [EXTENSION_KEY]: { ...previous, ...block } };
  }
  return clean;
}

const withoutUndefined = (object: Json): Json => {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
};

export interface ExportContext {
  input: CaseExportInput;
  base: string;
  primary: Lang;
  docUri: string;
  docTitle: string;
  docExtra: Json;
  types: Map<string, { label?: string; link?: Json; definition?: Json }>;
  generatedDefinitions: { kind: DefinitionKind; body: Json }[];
  licenseLink?: Json;
  /** Whether to keep the link fields the API wants (CFDocumentURI, CFPackageURI). */
  links: boolean;
  /** The CASE source gave no `language`: the export claims none either. */
  languageUnknown: boolean;
}

const other = (lang: Lang): Lang => (lang === "en" ? "fr" : "en");

export function exportContext(input: CaseExportInput, options: { links?: boolean } = {}): ExportContext {
  const f = input.framework;
  const base = `${input.baseUrl.replace(/\/+$/, "")}${CASE_API_PATH}`;
  const { [SKILLSHELF_KEY]: ours, ...docExtra } = parseExtra(f.extra);
  const primary = languageOf(docExtra.language) ?? (f.title_en === null && f.title_fr !== null ? "fr" : "en");
  const docUri = isAbsoluteUri(docExtra.uri) ? docExtra.uri : `${base}/CFDocuments/${f.id}`;
  const docTitle = (primary === "en" ? (f.title_en ?? f.title_fr) : (f.title_fr ?? f.title_en)) ?? f.slug;
  const generatedDefinitions: ExportContext["generatedDefinitions"] = [];
  const storedIds = new Set(input.definitions.map((d) => `${d.kind}:${d.id}`));

  const types = new Map<string, { label?: string; link?: Json; definition?: Json }>();
  for (const type of input.types) {
    const label = type.label[primary] ?? type.label[other(primary)] ?? type.code;
    if (type.extra === null) {
      // A type made in Skillshelf: it gets a definition of its own.
      const id = isUuid(type.id) ? type.id.toLowerCase() : uuidV5(`item-type:${f.id}:${type.code}`);
      const link = { title: label, identifier: id, uri: `${base}/CFItemTypes/${id}` };
      const translation = type.label[other(primary)];
      if (!storedIds.has(`itemType:${id}`)) {
        generatedDefinitions.push({
          kind: "itemType",
          body: {
            identifier: id,
            uri: link.uri,
            title: label,
            description: label,
            hierarchyCode: String(types.size + 1),
            typeCode: type.code,
            lastChangeDateTime: dateOut(null, f.updated_at),
            ...(translation
              ? { extensions: { [EXTENSION_KEY]: { translations: { [other(primary)]: { title: translation } } } } }
              : {}),
          },
        });
      }
      types.set(type.code, { label, link });
    } else {
      types.set(type.code, {
        label: typeof type.extra.CFItemType === "string" ? type.extra.CFItemType : undefined,
        link: isLink(type.extra.CFItemTypeURI) ? (type.extra.CFItemTypeURI as Json) : undefined,
      });
    }
  }

  let licenseLink: Json | undefined;
  if (f.licence) {
    if (isLink(docExtra.licenseURI) && (docExtra.licenseURI as Json).title === f.licence)
      licenseLink = docExtra.licenseURI as Json;
    else {
      const id = uuidV5(`license:${f.id}:${f.licence}`);
      licenseLink = { title: f.licence, identifier: id, uri: `${base}/CFLicenses/${id}` };
      if (!storedIds.has(`license:${id}`)) {
        generatedDefinitions.push({
          kind: "license",
          body: {
            identifier: id,
            uri: licenseLink.uri,
            title: f.licence,
            licenseText: f.licence,
            lastChangeDateTime: dateOut(null, f.updated_at),
          },
        });
      }
    }
  }

  return {
    input,
    base,
    primary,
    docUri,
    docTitle,
    docExtra,
    types,
    generatedDefinitions,
    licenseLink,
    links: options.links ?? false,
    languageUnknown: isObject(ours) && ours.language === null,
  };
}

export function documentObject(ctx: ExportContext): Json {
  const f = ctx.input.framework;
  const {
    uri: _u,
    creator,
    lastChangeDateTime,
    licenseURI: _l,
    adoptionStatus,
    language,
    extensions,
    ...rest
  } = ctx.docExtra;
  const title: Bilingual = { en: f.title_en, fr: f.title_fr };
  const description: Bilingual = { en: f.description_en, fr: f.description_fr };
  const lang = title[ctx.primary] !== null || title[other(ctx.primary)] === null ? ctx.primary : other(ctx.primary);
  const alt = other(lang);
  const translations: Json = {};
  const t = withoutUndefined({ title: title[alt] ?? undefined, description: description[alt] ?? undefined });
  if (Object.keys(t).length > 0) translations[alt] = t;
  if (!ctx.links) for (const key of PACKAGE_DROPPED) delete rest[key];
  const candidate = withoutUndefined({
    identifier: f.id,
    uri: ctx.docUri,
    creator: typeof creator === "string" && creator.trim() ? creator : (f.publisher ?? "Skillshelf"),
    title: title[lang] ?? ctx.docTitle,
    lastChangeDateTime: dateOut(lastChangeDateTime, ctx.input.edition?.publishedAt ?? f.updated_at),
    ...rest,
    description: description[lang] ?? undefined,
    publisher: f.publisher ?? undefined,
    version: f.version || undefined,
    // As the source gave it (any BCP 47 tag), or none when it gave none; "en"/"fr" for our own.
    language:
      lang !== ctx.primary ? lang : typeof language === "string" ? language : ctx.languageUnknown ? undefined : lang,
    adoptionStatus: adoptionStatus ?? ADOPTION_STATUS[f.status] ?? undefined,
    licenseURI: ctx.licenseLink,
    caseVersion: "1.1",
    extensions,
  });
  const spec = ctx.links ? { ...DOCUMENT_FIELDS, CFPackageURI: "link" as const } : DOCUMENT_FIELDS;
  return finish(spec, candidate, { translations });
}

/** What an association endpoint that is one of our items says about it. */
const nodeTitle = (node: ExportNode, lang: Lang) =>
  node.code ?? node.statement[lang] ?? node.statement[other(lang)] ?? node.id;

export function itemUri(ctx: ExportContext, id: string): string {
  const uri = ctx.input.itemExtras.get(id)?.uri;
  return isAbsoluteUri(uri) ? uri : `${ctx.base}/CFItems/${id}`;
}

/**
 * An item's `language`: the tag it came with while its text is still in that language's column
 * (fr-CA, or de filed in the first column), the column's language when it differs from the
 * document's, else none (the document's applies).
 */
function itemLanguage(ctx: ExportContext, lang: Lang, kept: unknown): string | undefined {
  if (typeof kept === "string") {
    const of = languageOf(kept);
    if (of === lang || (of === undefined && lang === ctx.primary)) return kept;
  }
  return lang !== ctx.primary ? lang : undefined;
}

export function itemObject(ctx: ExportContext, node: ExportNode): Json {
  const x = ctx.input.itemExtras.get(node.id) ?? {};
  const { [SKILLSHELF_KEY]: _ours, uri: _u, CFItemTypeURI: ownLink, lastChangeDateTime, language, ...rest } = x;
  const lang =
    node.statement[ctx.primary] !== null || node.statement[other(ctx.primary)] === null
      ? ctx.primary
      : other(ctx.primary);
  const alt = other(lang);
  const translations: Json = {};
  const t = withoutUndefined({
    fullStatement: node.statement[alt] ?? undefined,
    notes: node.description[alt] ?? undefined,
  });
  if (Object.keys(t).length > 0) translations[alt] = t;
  const type = ctx.types.get(node.type);
  const link =
    isLink(ownLink) && type?.link && (ownLink as Json).identifier === type.link.identifier ? ownLink : type?.link;
  if (ctx.links)
    rest.CFDocumentURI = isLink(rest.CFDocumentURI)
      ? rest.CFDocumentURI
      : { title: ctx.docTitle, identifier: ctx.input.framework.id, uri: ctx.docUri };
  else for (const key of PACKAGE_DROPPED) delete rest[key];
  const candidate = withoutUndefined({
    identifier: node.id,
    uri: itemUri(ctx, node.id),
    fullStatement: node.statement[lang] ?? "",
    humanCodingScheme: node.code ?? undefined,
    ...rest,
    notes: node.description[lang] ?? undefined,
    CFItemType: type?.label,
    CFItemTypeURI: link,
    language: itemLanguage(ctx, lang, language),
    lastChangeDateTime: dateOut(lastChangeDateTime, node.updatedAt),
  });
  const spec = ctx.links ? { ...ITEM_FIELDS, CFDocumentURI: "link" as const } : ITEM_FIELDS;
  return finish(spec, candidate, { translations });
}

function endpoint(
  stored: { title: string | null; identifier: string; uri: string | null },
  fallback: { title: string; uri: string },
  rest: unknown,
) {
  const base = {
    title: stored.title ?? fallback.title,
    identifier: stored.identifier,
    uri: isAbsoluteUri(stored.uri) ? stored.uri : fallback.uri,
  };
  const full = isObject(rest) ? { ...base, ...rest } : base;
  return isLinkGen(full) ? { link: full, unmapped: undefined } : { link: base, unmapped: rest };
}

/** An association row (or a tree edge made here) as a CASE association. */
export function associationObject(
  ctx: ExportContext,
  row: AssociationRow,
  nodes: Map<string, ExportNode>,
  sequenceNumber: number | null,
): Json {
  const x = parseExtra(row.extra);
  const { lastChangeDateTime, originNodeURI, destinationNodeURI, sequenceNumber: oddSequence, ...rest } = x;
  const fallback = (itemId: string | null, identifier: string) => {
    const node = itemId ? nodes.get(itemId) : undefined;
    if (node) return { title: nodeTitle(node, ctx.primary), uri: itemUri(ctx, node.id) };
    if (identifier === ctx.input.framework.id) return { title: ctx.docTitle, uri: ctx.docUri };
    return { title: identifier, uri: `urn:uuid:${identifier}` };
  };
  const origin = endpoint(
    { title: row.origin_title, identifier: row.origin_identifier, uri: row.origin_uri },
    fallback(row.origin_item_id, row.origin_identifier),
    originNodeURI,
  );
  const destination = endpoint(
    { title: row.destination_title, identifier: row.destination_identifier, uri: row.destination_uri },
    fallback(row.destination_item_id, row.destination_identifier),
    destinationNodeURI,
  );
  const unmapped: Json = {};
  if (origin.unmapped !== undefined) unmapped.originNodeURI = origin.unmapped;
  if (destination.unmapped !== undefined) unmapped.destinationNodeURI = destination.unmapped;
  let type = row.association_type;
  if (!conforms("associationType", type)) {
    unmapped.associationType = type;
    type = `ext:${type.replace(/[^a-zA-Z0-9.\-_]/g, "-").slice(0, 100) || "unknown"}`;
  }
  if (ctx.links)
    rest.CFDocumentURI = isLink(rest.CFDocumentURI)
      ? rest.CFDocumentURI
      : { title: ctx.docTitle, identifier: ctx.input.framework.id, uri: ctx.docUri };
  else for (const key of PACKAGE_DROPPED) delete rest[key];
  const candidate = withoutUndefined({
    identifier: row.id,
    associationType: type,
    uri: isAbsoluteUri(row.uri) ? row.uri : `${ctx.base}/CFAssociations/${row.id}`,
    originNodeURI: origin.link,
    destinationNodeURI: destination.link,
    sequenceNumber: sequenceNumber ?? (oddSequence === undefined ? undefined : oddSequence),
    lastChangeDateTime: dateOut(lastChangeDateTime, row.last_change),
    ...rest,
  });
  const spec = ctx.links ? { ...ASSOCIATION_FIELDS, CFDocumentURI: "link" as const } : ASSOCIATION_FIELDS;
  return finish(spec, candidate, { unmapped });
}
