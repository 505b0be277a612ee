/**
 * CFAssociations → kept associations, and the isChildOf ones → the tree: each item's parent is its
 * first isChildOf inside the package; siblings are ordered by sequenceNumber, then human code in
 * natural order, then their order in the source.
 */
import type { ImportedItem } from "../model.ts";
import { ASSOCIATION_FIELDS } from "./fields.ts";
import { elementAt, isJsonArray } from "./lazy-json.ts";
import {
  ASSOCIATION_TYPES,
  type CaseAssociation,
  type CaseEndpoint,
  EXTENSION_TYPE,
  MAX_CASE_DEPTH,
  SKILLSHELF_KEY,
} from "./model.ts";
import type { ReadItem } from "./parse-items.ts";
import { isObject, type Json, jsonType, normalizeId, pointer, type Reader, reportRepeat } from "./reader.ts";

const MAPPED = new Set([
  "identifier",
  "associationType",
  "uri",
  "originNodeURI",
  "destinationNodeURI",
  "sequenceNumber",
  "lastChangeDateTime",
]);
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

interface ParentLink {
  parent: string | null;
  association: CaseAssociation;
  at: string;
  sequence: number | null;
}

function readEndpoint(
  reader: Reader,
  value: unknown,
  at: string,
  field: string,
): (CaseEndpoint & { rest: Json | null }) | undefined {
  const where = pointer(at, field);
  if (value === undefined || value === null) {
    reader.error(where, "case.missing_field", { field });
    return undefined;
  }
  if (!isObject(value)) {
    reader.error(where, "case.wrong_type", {
      field,
      expected: "object",
      actual: Array.isArray(value) ? "array" : typeof value,
    });
    return undefined;
  }
  const identifier = reader.requiredText(value, "identifier", where);
  const uri = reader.text(value, "uri", where);
  // Another framework's node: its title may be a whole statement.
  const title = reader.text(value, "title", where, "statement");
  if (identifier === undefined) return undefined;
  let rest: Json | null = null;
  for (const key in value) {
    if (key !== "identifier" && key !== "uri" && key !== "title") {
      rest ??= {};
      rest[key] = value[key];
    }
  }
  return { itemId: null, identifier: normalizeId(identifier), uri: uri ?? null, title: title ?? null, rest };
}

/** An integer, or absent; "3" or 2.5 is the wrong JSON type, refused like any other. */
function readSequence(reader: Reader, value: unknown, at: string): number | null {
  if (value === undefined) return null;
  if (Number.isSafeInteger(value)) return value as number;
  const where = pointer(at, "sequenceNumber");
  if (value === null) reader.warn(where, "case.null_value", { field: "sequenceNumber" });
  else
    reader.error(where, "case.wrong_type", { field: "sequenceNumber", expected: "integer", actual: jsonType(value) });
  return null;
}

export function readAssociations(
  reader: Reader,
  raw: unknown,
  at: string,
  context: { documentId: string | undefined; items: Map<string, ReadItem> },
): { associations: CaseAssociation[]; parents: Map<string, ParentLink>; misplaced: Set<string> } {
  const associations: CaseAssociation[] = [];
  const parents = new Map<string, ParentLink>();
  const misplaced = new Set<string>();
  if (raw === undefined || raw === null) return { associations, parents, misplaced };
  if (!isJsonArray(raw)) {
    reader.error(at, "case.wrong_type", { field: "CFAssociations", expected: "array", actual: jsonType(raw) });
    return { associations, parents, misplaced };
  }
  const inside = (identifier: string) => identifier === context.documentId || context.items.has(identifier);
  // Where each identifier was first seen, not the entry itself: a lazy array lets each go once read.
  const firstSeen = new Map<string, { at: string; index: number }>();
  const extraParents = new Map<string, number>();

  raw.forEach((entry: unknown, index) => {
    const where = pointer(at, index);
    if (!isObject(entry)) {
      reader.error(where, "case.wrong_type", {
        field: "CFAssociations[]",
        expected: "object",
        actual: Array.isArray(entry) ? "array" : typeof entry,
      });
      return;
    }
    const id = reader.identifier(entry, where);
    const type = reader.requiredText(entry, "associationType", where);
    const uri = reader.requiredText(entry, "uri", where);
    const date = reader.dateTime(entry, where);
    const origin = readEndpoint(reader, entry.originNodeURI, where, "originNodeURI");
    const destination = readEndpoint(reader, entry.destinationNodeURI, where, "destinationNodeURI");
    const sequence = readSequence(reader, entry.sequenceNumber, where);
    reader.knownTypes(entry, ASSOCIATION_FIELDS, where, MAPPED);
    if (type !== undefined && !ASSOCIATION_TYPES.has(type) && !EXTENSION_TYPE.test(type)) {
      reader.warn(pointer(where, "associationType"), "case.unknown_association_type", { type: type.slice(0, 80) });
    }
    if (id !== undefined) {
      const first = firstSeen.get(id);
      if (first !== undefined) {
        reportRepeat(reader, where, id, { at: first.at, entry: elementAt(raw, first.index) as Json }, entry);
        return;
      }
      firstSeen.set(id, { at: where, index });
    }
    if (id === undefined || type === undefined || !origin || !destination || !date || uri === undefined) return;

    const originInside = inside(origin.identifier);
    const destinationInside = inside(destination.identifier);
    if (type === "isChildOf" && destinationInside && !originInside) {
      reader.error(pointer(where, "originNodeURI"), "case.missing_node", { id: origin.identifier, role: "origin" });
      return;
    }
    // An item placed under a node the package does not hold: its place in the tree is unknown, and
    // a URI does not help (nothing is fetched at import). Refused, rather than moved to the top.
    if (type === "isChildOf" && originInside && !destinationInside) {
      reader.error(pointer(where, "destinationNodeURI"), "case.missing_parent", { id: destination.identifier });
      misplaced.add(origin.identifier);
      return;
    }
    if (!originInside && !destinationInside) {
      reader.warn(where, "case.association_outside", { id });
    }
    for (const end of [origin, destination]) {
      if (!inside(end.identifier) && end.uri === null)
        reader.error(
          pointer(where, end === origin ? "originNodeURI" : "destinationNodeURI", "uri"),
          "case.missing_field",
          { field: "uri" },
        );
    }
    let extra: Json | null = null;
    for (const key in entry) {
      if (!MAPPED.has(key)) {
        extra ??= {};
        extra[key] = entry[key];
      }
    }
    const more: Json = {};
    if (date.original !== date.iso) more.lastChangeDateTime = date.original;
    if (origin.rest) more.originNodeURI = origin.rest;
    if (destination.rest) more.destinationNodeURI = destination.rest;
    for (const key in more) {
      extra ??= {};
      extra[key] = more[key];
    }
    const grouping =
      isObject(entry.CFAssociationGroupingURI) && typeof entry.CFAssociationGroupingURI.identifier === "string"
        ? normalizeId(entry.CFAssociationGroupingURI.identifier)
        : null;

    const association: CaseAssociation = {
      id,
      type,
      uri,
      origin: {
        itemId: context.items.has(origin.identifier) ? origin.identifier : null,
        identifier: origin.identifier,
        uri: origin.uri,
        title: origin.title,
      },
      destination: {
        itemId: context.items.has(destination.identifier) ? destination.identifier : null,
        identifier: destination.identifier,
        uri: destination.uri,
        title: destination.title,
      },
      sequenceNumber: sequence,
      groupingId: grouping,
      lastChange: date.iso,
      treePosition: null,
      ordinal: index,
      extra,
    };
    associations.push(association);

    if (type === "isChildOf" && association.origin.itemId !== null && destinationInside) {
      if (origin.identifier === destination.identifier) {
        reader.error(where, "case.child_cycle", { chain: `${origin.identifier} → ${origin.identifier}` });
        return;
      }
      if (parents.has(origin.identifier)) {
        extraParents.set(origin.identifier, (extraParents.get(origin.identifier) ?? 1) + 1);
        return;
      }
      parents.set(origin.identifier, { parent: association.destination.itemId, association, at: where, sequence });
    }
  });
  for (const [id, count] of extraParents)
    reader.warn(parents.get(id)?.at ?? at, "case.multiple_parents", { id, count });
  return { associations, parents, misplaced };
}

/** Links items into a tree; breaks and reports cycles; marks items with no parent inside as orphans. */
export function buildItemTree(
  reader: Reader,
  items: Map<string, ReadItem>,
  parents: Map<string, ParentLink>,
  misplaced: ReadonlySet<string> = new Set(),
): ImportedItem[] {
  // Cycle check without recursion: follow each chain once, colouring as we go.
  const state = new Map<string, 1 | 2>();
  for (const start of items.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && !state.has(current)) {
      state.set(current, 1);
      path.push(current);
      current = parents.get(current)?.parent ?? null;
    }
    if (current !== null && state.get(current) === 1) {
      const cycle = path.slice(path.indexOf(current));
      const link = parents.get(current) as ParentLink;
      const names = cycle.map((id) => items.get(id)?.item.code ?? id);
      reader.error(link.at, "case.child_cycle", { chain: [...names, names[0]].join(" → ").slice(0, 300) });
      parents.delete(current); // broken here so the rest can still be shown
    }
    for (const id of path) state.set(id, 2);
  }

  const childrenOf = new Map<string | null, ReadItem[]>();
  for (const read of items.values()) {
    const link = parents.get(read.item.id);
    const parent = link ? link.parent : null;
    if (!link) {
      read.item.extra = { ...read.item.extra, [SKILLSHELF_KEY]: { orphan: true } };
      // An item whose isChildOf was refused is already reported there.
      if (!misplaced.has(read.item.id)) reader.warn(read.at, "case.orphan_item", { id: read.item.id });
    }
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(read);
    else childrenOf.set(parent, [read]);
  }
  const sequence = (read: ReadItem) => parents.get(read.item.id)?.sequence ?? Number.POSITIVE_INFINITY;
  for (const [parentId, siblings] of childrenOf) {
    siblings.sort(
      (a, b) =>
        (sequence(a) === sequence(b) ? 0 : sequence(a) < sequence(b) ? -1 : 1) ||
        collator.compare(a.item.code ?? "", b.item.code ?? "") ||
        a.index - b.index,
    );
    // The source's sequence numbers are the positions when they tell the order alone (all present,
    // all different, of a size a position can hold), so a re-export writes them back as they were.
    const own = siblings.every(
      (read, i) => Math.abs(sequence(read)) <= 1_000_000_000 && (i === 0 || sequence(siblings[i - 1]) < sequence(read)),
    );
    siblings.forEach((read, i) => {
      const position = own ? sequence(read) : i + 1;
      read.item.position = position;
      const link = parents.get(read.item.id);
      if (link) link.association.treePosition = position;
    });
    if (parentId !== null) {
      const parent = items.get(parentId);
      if (parent) parent.item.children = siblings.map((s) => s.item);
    }
  }

  // Depth, breadth-first (no recursion on hostile chains).
  const roots = (childrenOf.get(null) ?? []).map((r) => r.item);
  let level = roots;
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_CASE_DEPTH) {
      reader.error("/CFAssociations", "case.too_deep", { max: MAX_CASE_DEPTH });
      for (const item of level) item.children = [];
      break;
    }
    level = level.flatMap((item) => item.children);
  }
  return roots;
}
