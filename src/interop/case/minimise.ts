/**
 * `minimiseCasePackage`: reconciles a parsed CASE package with what this instance keeps and what
 * its exporter writes by itself, so that importing a Skillshelf export (unchanged, or changed here
 * and there) stores exactly what the framework had and the change report shows only what someone
 * changed. Two rules, each tested with the exporter itself rather than a second copy of its rules:
 *
 * 1. What the framework already keeps stays as it is kept when the export would write the same
 *    (a link field packages leave out, a required field the export fills in, a date's own text).
 * 2. What is new is not kept when the exporter, run without it, writes the same object: the URIs,
 *    languages, type definitions, licence and isChildOf associations it generates.
 *
 * One leniency: the title of an association's end that is a node of this package is a label the
 * exporter fills in from that node (its code or statement), so a package whose statement changed
 * still matches its generated tree. A package from elsewhere has its own URIs and keeps everything.
 */

import type { CaseAssociationsTable, CaseDefinitionsTable, Framework } from "../../db/schema.ts";
import { uuidV5 } from "../../db/uuid.ts";
import type { ImportedItem } from "../model.ts";
import { associationObjects } from "./export.ts";
import { definitionObject, definitionsObjects } from "./export-definitions.ts";
import { documentObject, type ExportNode, exportContext, itemObject, parseExtra } from "./export-parts.ts";
import { type Draft, inputOf, type Shared, storedDocumentInput, walk } from "./minimise-input.ts";
import {
  type CaseAssociation,
  type CaseDefinition,
  type CasePackage,
  type DefinitionKind,
  SKILLSHELF_KEY,
} from "./model.ts";
import { isObject, type Json } from "./reader.ts";
import { associationFromRow, associationRow } from "./rows.ts";

/** What the framework keeps of CASE today (nothing for a framework the import creates). */
export interface StoredCase {
  /** The framework row as it is (its document, as exported today, tells what was derived). */
  framework: Framework;
  frameworkExtra: string | null;
  /** items.extra by item id. */
  itemExtras: Map<string, string | null>;
  associations: CaseAssociationsTable[];
  definitions: CaseDefinitionsTable[];
}

export interface MinimiseOptions {
  /** The status the framework will have (its adoptionStatus is derived from it). */
  status: string;
  /** This instance's public origin (the exporter's URIs start with it); absent, no URI is taken for ours. */
  baseUrl?: string;
  stored?: StoredCase;
}

const NONE: CaseAssociation[] = [];
/** A base no real URI starts with: without the instance's own, nothing is mistaken for ours. */
const NO_BASE = "urn:skillshelf:no-base";
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Document fields the exporter fills in itself when the framework does not keep them. (A date's own
 * text is kept only when it is not the exporter's form, so it is never one of them.)
 */
const DOCUMENT_DERIVED = ["uri", "creator", "language", "adoptionStatus", "licenseURI"];
/** Item fields likewise (an item's en/fr language is its column already: see parse-items.ts). */
const ITEM_DERIVED = ["uri", "CFItemType", "CFItemTypeURI"];

/**
 * CFDefinitions as exported, without their dates: a definition the exporter makes is dated with the
 * framework's last change, which a published export does not carry (its document is dated with the
 * edition's publication, decision 008); a date alone is no change (plan.ts).
 */
function undated(definitions: Json): Json {
  const out: Json = {};
  for (const [collection, list] of Object.entries(definitions))
    out[collection] = Array.isArray(list)
      ? list.map((d) => (isObject(d) ? { ...d, lastChangeDateTime: undefined } : d))
      : list;
  return out;
}

/** The association as exported, with the titles of its ends inside the package left out. */
function comparable(association: Json, inside: ReadonlySet<string>): Json {
  const end = (value: unknown) => {
    if (!isObject(value) || !inside.has(String(value.identifier))) return value;
    const { title: _title, ...rest } = value;
    return rest;
  };
  return {
    ...association,
    originNodeURI: end(association.originNodeURI),
    destinationNodeURI: end(association.destinationNodeURI),
  };
}

/** A stored kept-fields object, with Skillshelf's own notes taken from the incoming one. */
function storedWithOurs(stored: string | null | undefined, incoming: Json | undefined): Json {
  const { [SKILLSHELF_KEY]: _old, ...rest } = parseExtra(stored);
  return incoming && SKILLSHELF_KEY in incoming ? { ...rest, [SKILLSHELF_KEY]: incoming[SKILLSHELF_KEY] } : rest;
}
const orUndefined = (extra: Json) => (Object.keys(extra).length > 0 ? extra : undefined);

/** Steps 4 and 5 of minimiseCasePackage: items' kept fields and associations, on the whole tree. */
function minimiseTree(
  pkg: CasePackage,
  draft: Draft,
  options: { items: ImportedItem[]; status: string; base: string; stored?: StoredCase },
) {
  const { items, status, base, stored } = options;
  const original: Draft = {
    ...draft,
    itemExtras: new Map(items.map((i) => [i.id, i.extra])),
    associations: pkg.associations,
  };
  const before = exportContext(inputOf({ ...original, framework: draft.framework }, status, base));
  // Every later context shares the tree, the association rows and one map of items' kept fields
  // (a 50,000-item package is not copied for each question asked of the exporter).
  const shared: Shared = {
    roots: before.input.roots,
    rows: new WeakMap([[pkg.associations, before.input.associations]]),
    itemExtras: new Map(before.input.itemExtras),
  };
  const context = (d: Draft) => exportContext(inputOf(d, status, base, shared));
  const nodes = new Map<string, ExportNode>();
  const stack = [...before.input.roots];
  while (stack.length > 0) {
    const node = stack.pop() as ExportNode;
    nodes.set(node.id, node);
    stack.push(...node.children);
  }

  // 4. Each item: as stored when exported the same, else without what the export derives. The
  // context is reused: an item's kept fields are read only for that item.
  const after = context(draft);
  const setExtra = (id: string, extra: Json | undefined) => {
    draft.itemExtras.set(id, extra);
    if (extra && Object.keys(extra).length > 0) shared.itemExtras.set(id, extra);
    else shared.itemExtras.delete(id);
  };
  const generatedUri = (id: string) => `${after.base}/CFItems/${id}`;
  for (const item of items) {
    const extra = draft.itemExtras.get(item.id);
    const node = nodes.get(item.id) as ExportNode;
    const storedText = stored?.itemExtras.get(item.id);
    if (stored?.itemExtras.has(item.id) && (storedText ?? null) !== json(extra)) {
      const wanted = itemObject(before, node);
      const kept = orUndefined(storedWithOurs(storedText, extra));
      setExtra(item.id, kept);
      if (same(itemObject(after, node), wanted)) continue;
      setExtra(item.id, extra);
    }
    // Only a field equal to what the exporter makes can be one it makes (cheap to rule out).
    if (
      !extra ||
      !(
        extra.uri === generatedUri(item.id) ||
        ("uri" in extra && typeof extra.uri !== "string") ||
        "CFItemType" in extra ||
        "CFItemTypeURI" in extra
      )
    )
      continue;
    const wanted = itemObject(before, node);
    const storedKeys = parseExtra(storedText);
    const lean: Json = { ...extra };
    for (const key of ITEM_DERIVED) if (!(key in storedKeys)) delete lean[key];
    setExtra(item.id, lean);
    if (same(itemObject(after, node), wanted)) continue;
    // One key at a time, keeping those the export needs.
    const kept: Json = { ...extra };
    for (const key of ITEM_DERIVED) {
      if (!(key in kept) || key in storedKeys) continue;
      const { [key]: _value, ...rest } = kept;
      setExtra(item.id, rest);
      if (same(itemObject(after, node), wanted)) delete kept[key];
    }
    setExtra(item.id, kept);
  }

  // 5. Associations: kept as stored when exported the same; isChildOf associations the exporter
  // generates for the tree (same identifier, same fields) are not kept at all.
  let wantedCache: Map<string, Json> | undefined;
  const wantedAssociations = () => {
    wantedCache ??= new Map([...associationObjects(before)].map((a) => [a.identifier as string, a]));
    return wantedCache;
  };
  const storedAssociations = new Map((stored?.associations ?? []).map((a) => [a.id, a]));
  const comparableRow = (row: CaseAssociationsTable) => JSON.stringify({ ...row, ordinal: 0 });
  const differs = draft.associations.some((a) => {
    const row = storedAssociations.get(a.id);
    return row !== undefined && comparableRow(row) !== comparableRow(associationRow(pkg.framework.id, a));
  });
  if (differs) {
    const asStored = draft.associations.map((a) => {
      const row = storedAssociations.get(a.id);
      return row ? associationFromRow(row) : a;
    });
    const made = new Map(
      [...associationObjects(context({ ...draft, associations: asStored }))].map((a) => [a.identifier as string, a]),
    );
    draft.associations = draft.associations.map((a, i) =>
      storedAssociations.has(a.id) && same(made.get(a.id), wantedAssociations().get(a.id)) ? asStored[i] : a,
    );
  }
  const inside = new Set([pkg.framework.id, ...nodes.keys()]);
  const candidates = draft.associations.filter(
    (a) =>
      !storedAssociations.has(a.id) &&
      a.type === "isChildOf" &&
      a.treePosition !== null &&
      a.origin.itemId !== null &&
      (a.uri === null || a.uri === `${before.base}/CFAssociations/${a.id}`) &&
      a.id === uuidV5(`isChildOf:${a.origin.itemId}:${a.destination.identifier}`),
  );
  if (candidates.length > 0) {
    const dropped = new Set(candidates.map((a) => a.id));
    const lean = { ...draft, associations: draft.associations.filter((a) => !dropped.has(a.id)) };
    const regenerated = new Map([...associationObjects(context(lean))].map((a) => [a.identifier as string, a]));
    for (const a of candidates) {
      const wanted = wantedAssociations().get(a.id);
      const made = regenerated.get(a.id);
      if (!wanted || !made || !same(comparable(made, inside), comparable(wanted, inside))) dropped.delete(a.id);
    }
    draft.associations = draft.associations.filter((a) => !dropped.has(a.id));
  }
}

export function minimiseCasePackage(pkg: CasePackage, options: MinimiseOptions): CasePackage {
  const { status, stored } = options;
  const base = options.baseUrl ?? NO_BASE;
  const items = walk(pkg.framework.children);
  // Items' kept fields are filled in only if the tree is looked at (step 4).
  const original: Draft = {
    framework: pkg.framework,
    itemExtras: new Map(),
    associations: pkg.associations,
    definitions: pkg.definitions,
  };
  // The document, types and definitions need no tree: those questions are asked of a light input.
  const light: Shared = { roots: [], rows: new WeakMap(), itemExtras: new Map() };
  const context = (draft: Draft) => exportContext(inputOf({ ...draft, associations: NONE }, status, base, light));
  const before = context(original);
  const draft: Draft = { ...original, framework: { ...pkg.framework }, itemExtras: new Map() };

  // 1. Definitions: one the framework keeps, exported the same, stays as kept.
  const storedDefinitions = new Map((stored?.definitions ?? []).map((d) => [`${d.kind}:${d.id}`, d]));
  draft.definitions = pkg.definitions.map((d) => {
    const kept = storedDefinitions.get(`${d.kind}:${d.id}`);
    if (!kept) return d;
    const body = { ...parseExtra(kept.body), identifier: kept.id };
    const kind = d.kind as DefinitionKind;
    return same(definitionObject(before, kind, body), definitionObject(before, kind, { ...d.body, identifier: d.id }))
      ? { ...d, body: parseExtra(kept.body) }
      : d;
  });

  // 2. Item types the exporter would define itself: linked to a definition of the package that has
  // the type's code and is not kept yet, and written the same way without the link.
  const definitionsBefore = definitionsObjects(before).definitions;
  const generatedTypes = new Set<string>();
  const typeDefinitions = new Set<string>();
  const itemTypes = draft.framework.itemTypes.map((type) => {
    const link = type.extra?.CFItemTypeURI;
    const id = isObject(link) && typeof link.identifier === "string" ? link.identifier.toLowerCase() : undefined;
    const definition = id && pkg.definitions.find((d) => d.kind === "itemType" && d.id === id);
    if (!id || !definition || definition.body.typeCode !== type.code || storedDefinitions.has(`itemType:${id}`))
      return type;
    generatedTypes.add(type.code);
    typeDefinitions.add(id);
    return { ...type, id, extra: null };
  });
  const trial: Draft = {
    ...draft,
    framework: { ...draft.framework, itemTypes },
    definitions: draft.definitions.filter((d) => !(d.kind === "itemType" && typeDefinitions.has(d.id))),
  };
  const tried = context(trial);
  const used = new Set(items.map((i) => i.type));
  if (
    [...generatedTypes].every((code) => !used.has(code) || same(before.types.get(code), tried.types.get(code))) &&
    same(undated(definitionsObjects(tried).definitions), undated(definitionsBefore))
  ) {
    draft.framework = trial.framework;
    draft.definitions = trial.definitions;
  }

  // 3. The document: kept as stored when exported the same, else without what the export derives
  // (a licence link the export makes goes with the licence definition it makes).
  const docBefore = documentObject(before);
  const incomingDoc = pkg.framework.extra;
  const licenceId = pkg.framework.licence ? uuidV5(`license:${pkg.framework.id}:${pkg.framework.licence}`) : "";
  const generatedLicence = storedDefinitions.has(`license:${licenceId}`)
    ? undefined
    : draft.definitions.find((d) => d.kind === "license" && d.id === licenceId);
  const exportsTheSame = (extra: Json | undefined, definitions: CaseDefinition[]) => {
    const ctx = context({ ...draft, framework: { ...draft.framework, extra }, definitions });
    return (
      same(documentObject(ctx), docBefore) &&
      same(undated(definitionsObjects(ctx).definitions), undated(definitionsBefore))
    );
  };
  const storedDoc = stored ? orUndefined(storedWithOurs(stored.frameworkExtra, incomingDoc)) : undefined;
  if (stored && exportsTheSame(storedDoc, draft.definitions)) draft.framework.extra = storedDoc;
  else {
    const docExtra: Json = { ...(incomingDoc ?? {}) };
    const storedKeys = parseExtra(stored?.frameworkExtra);
    // What the document said when exported before the file was changed: a derived field still
    // saying that (a creator that was the publisher, when only the publisher was changed) was
    // not changed by anyone, and stays derived.
    const exportedBefore = stored ? documentObject(exportContext(storedDocumentInput(stored.framework, base))) : {};
    for (const key of DOCUMENT_DERIVED) {
      if (!(key in docExtra) || key in storedKeys) continue;
      if (stored && same(docExtra[key], exportedBefore[key])) {
        delete docExtra[key];
        continue;
      }
      const { [key]: _value, ...rest } = docExtra;
      if (exportsTheSame(orUndefined(rest), draft.definitions)) delete docExtra[key];
      else if (key === "licenseURI" && generatedLicence) {
        const without = draft.definitions.filter((d) => d !== generatedLicence);
        if (exportsTheSame(orUndefined(rest), without)) {
          delete docExtra[key];
          draft.definitions = without;
        }
      }
    }
    draft.framework.extra = orUndefined(docExtra);
  }
  if (generatedLicence && draft.definitions.includes(generatedLicence)) {
    const without = draft.definitions.filter((d) => d !== generatedLicence);
    if (exportsTheSame(draft.framework.extra, without)) draft.definitions = without;
  }

  // 4–5 ask about the tree: only when it may hold what this exporter makes, or the framework keeps
  // something already (a package from another server, new here, has nothing to drop).
  const prefix = `${before.base}/`;
  const ours = (uri: unknown) => typeof uri === "string" && uri.startsWith(prefix);
  const askTree =
    stored !== undefined ||
    items.some(
      (i) => i.extra !== undefined && (ours(i.extra.uri) || "CFItemType" in i.extra || "CFItemTypeURI" in i.extra),
    ) ||
    pkg.associations.some((a) => ours(a.uri));
  if (!askTree)
    return {
      ...pkg,
      framework: { ...draft.framework, children: pkg.framework.children },
      definitions: draft.definitions,
    };
  for (const item of items) draft.itemExtras.set(item.id, item.extra);
  minimiseTree(pkg, draft, { items, status, base, stored });

  // The items' kept fields go back on the tree.
  const rebuild = (list: readonly ImportedItem[]): ImportedItem[] =>
    list.map((item) => ({
      ...item,
      extra: orUndefined(draft.itemExtras.get(item.id) ?? {}),
      children: rebuild(item.children),
    }));
  return {
    ...pkg,
    framework: { ...draft.framework, children: rebuild(pkg.framework.children) },
    associations: draft.associations,
    definitions: draft.definitions,
  };
}
