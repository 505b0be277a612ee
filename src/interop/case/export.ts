/**
 * `caseExport`: a framework as a CASE 1.1 CFPackage that validates strictly against the official
 * JSON Schema; `caseExportChunks`/`writeCaseExport`: the same JSON text, written piece by piece so a
 * 50,000-item framework never sits in memory as one string. Pure apart from the writer.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { uuidV5 } from "../../db/uuid.ts";
import { finish, STEP, type Steps } from "../../slices.ts";
import { definitionsObjects, packageExtensions } from "./export-definitions.ts";
import {
  type AssociationRow,
  associationObject,
  type CaseExportInput,
  documentObject,
  type ExportContext,
  type ExportNode,
  exportContext,
  itemObject,
} from "./export-parts.ts";
import { SKILLSHELF_KEY } from "./model.ts";
import { isObject, type Json } from "./reader.ts";

export type { CaseExportInput, ExportNode } from "./export-parts.ts";

/** Items in reading order: each parent before its children, siblings by position. */
export function* walkNodes(roots: readonly ExportNode[]): Generator<ExportNode> {
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as ExportNode;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

const isOrphan = (ctx: ExportContext, node: ExportNode) => {
  const ours = ctx.input.itemExtras.get(node.id)?.[SKILLSHELF_KEY];
  return node.parentId === null && isObject(ours) && ours.orphan === true;
};

/** What placing the tree's associations needs, worked out before the first one is written. */
interface AssociationPlan {
  docId: string;
  nodes: Map<string, ExportNode>;
  sequenceOf: Map<string, number | null>;
  /** The imported isChildOf for the node, when it still sits where the import put it. */
  matched: (node: ExportNode) => AssociationRow | undefined;
}

/**
 * The plan, STEP nodes or rows between yields (src/slices.ts): at 50,000 items it is ~0.2 s of work
 * that a writer in slices must be able to interrupt.
 */
function* associationPlanSteps(ctx: ExportContext): Steps<AssociationPlan> {
  let work = 0;
  const nodes = new Map<string, ExportNode>();
  for (const node of walkNodes(ctx.input.roots)) {
    nodes.set(node.id, node);
    if (++work % STEP === 0) yield;
  }
  const treeRows = new Map<string, AssociationRow>();
  for (const row of ctx.input.associations) {
    if (row.tree_position !== null && row.origin_item_id) treeRows.set(row.origin_item_id, row);
    if (++work % STEP === 0) yield;
  }
  const docId = ctx.input.framework.id;

  const groups: { parentId: string | null; children: ExportNode[] }[] = [{ parentId: null, children: ctx.input.roots }];
  for (const node of nodes.values())
    if (node.children.length > 0) groups.push({ parentId: node.id, children: node.children });
  const matched = (node: ExportNode) => {
    const row = treeRows.get(node.id);
    const destination = node.parentId ?? docId;
    return row && row.destination_identifier === destination ? row : undefined;
  };
  const sequenceOf = new Map<string, number | null>();
  for (const group of groups) {
    const members = group.children.filter((c) => !isOrphan(ctx, c));
    // Sequence numbers as they came, unless someone reordered or moved something in this group.
    const unchanged = members.every((c) => Number(matched(c)?.tree_position) === c.position);
    for (const c of members) sequenceOf.set(c.id, unchanged ? (matched(c)?.sequence_number ?? null) : c.position);
    work += members.length;
    if (work >= STEP) {
      work = 0;
      yield;
    }
  }
  return { docId, nodes, sequenceOf, matched };
}

/**
 * Every association: first the tree (one isChildOf per item, reusing the imported association
 * where the item still sits where it came, so identifiers and sequence numbers survive), then the
 * others whose ends inside the package still exist.
 */
export function* associationObjects(ctx: ExportContext): Generator<Json> {
  yield* associationsOf(ctx, finish(associationPlanSteps(ctx)));
}

function* associationsOf(ctx: ExportContext, plan: AssociationPlan): Generator<Json> {
  const { docId, nodes, sequenceOf, matched } = plan;
  for (const node of nodes.values()) {
    if (!sequenceOf.has(node.id)) continue;
    const destination = node.parentId ?? docId;
    const row: AssociationRow = matched(node) ?? {
      framework_id: docId,
      id: uuidV5(`isChildOf:${node.id}:${destination}`),
      association_type: "isChildOf",
      uri: null,
      origin_item_id: node.id,
      origin_identifier: node.id,
      origin_uri: null,
      origin_title: null,
      destination_item_id: node.parentId,
      destination_identifier: destination,
      destination_uri: null,
      destination_title: null,
      sequence_number: node.position,
      grouping_id: null,
      tree_position: node.position,
      ordinal: 0,
      last_change: node.updatedAt,
      extra: null,
    };
    yield associationObject(ctx, row, nodes, sequenceOf.get(node.id) ?? null);
  }

  const others = ctx.input.associations.filter((r) => r.tree_position === null).sort((a, b) => a.ordinal - b.ordinal);
  for (const row of others) {
    if (row.origin_item_id !== null && !nodes.has(row.origin_item_id)) continue;
    if (row.destination_item_id !== null && !nodes.has(row.destination_item_id)) continue;
    yield associationObject(ctx, row, nodes, row.sequence_number);
  }
}

export function caseExport(input: CaseExportInput): Json {
  const ctx = exportContext(input);
  const { definitions, rubrics } = definitionsObjects(ctx);
  const extensions = packageExtensions(ctx);
  return {
    CFDocument: documentObject(ctx),
    CFItems: [...walkNodes(input.roots)].map((node) => itemObject(ctx, node)),
    CFAssociations: [...associationObjects(ctx)],
    CFDefinitions: definitions,
    ...(rubrics.length > 0 ? { CFRubrics: rubrics } : {}),
    ...(extensions ? { extensions } : {}),
  };
}

/** The text of `JSON.stringify(caseExport(input))`, in pieces. */
export function* caseExportChunks(input: CaseExportInput): Generator<string> {
  const ctx = exportContext(input);
  yield `{"CFDocument":${JSON.stringify(documentObject(ctx))},"CFItems":[`;
  let first = true;
  for (const node of walkNodes(input.roots)) {
    yield (first ? "" : ",") + JSON.stringify(itemObject(ctx, node));
    first = false;
  }
  yield `],"CFAssociations":[`;
  // Empty pieces while the associations are planned: a writer in slices (src/editions/outputs.ts)
  // gives the event loop back between pieces, and the plan is a big framework's longest stretch.
  const planning = associationPlanSteps(ctx);
  let planned = planning.next();
  while (!planned.done) {
    yield "";
    planned = planning.next();
  }
  first = true;
  for (const association of associationsOf(ctx, planned.value)) {
    yield (first ? "" : ",") + JSON.stringify(association);
    first = false;
  }
  const { definitions, rubrics } = definitionsObjects(ctx);
  const extensions = packageExtensions(ctx);
  yield `],"CFDefinitions":${JSON.stringify(definitions)}`;
  if (rubrics.length > 0) yield `,"CFRubrics":${JSON.stringify(rubrics)}`;
  if (extensions) yield `,"extensions":${JSON.stringify(extensions)}`;
  yield "}";
}

/** Writes the package to a stream in ~64 KB writes, waiting whenever the stream asks to. */
export async function writeCaseExport(input: CaseExportInput, out: Writable): Promise<number> {
  let buffer = "";
  let bytes = 0;
  const flush = async () => {
    if (buffer === "") return;
    bytes += Buffer.byteLength(buffer);
    const ok = out.write(buffer);
    buffer = "";
    if (!ok) await once(out, "drain");
  };
  for (const chunk of caseExportChunks(input)) {
    buffer += chunk;
    if (buffer.length >= 65_536) await flush();
  }
  await flush();
  return bytes;
}
