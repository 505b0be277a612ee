/**
 * CASE definitions for an export: the ones an import kept, with what CASE 1.1 requires filled in
 * when the source left it out, plus those made here (item types and the licence of a framework
 * created in Skillshelf); and the package-level fields kept from the source.
 */
import { uuidV5 } from "../../db/uuid.ts";
import { COLLECTION_PATH, dateOut, type ExportContext, finish, parseExtra } from "./export-parts.ts";
import { DEFINITION_FIELDS, DEFINITION_REQUIRED, isAbsoluteUri, isDateTime } from "./fields.ts";
import { DEFINITION_COLLECTIONS, type DefinitionKind, EXTENSION_KEY, isUuid, SKILLSHELF_KEY } from "./model.ts";
import { isObject, type Json } from "./reader.ts";

/** A definition with the fields CASE 1.1 requires filled in when the source left them out. */
export function definitionObject(ctx: ExportContext, kind: DefinitionKind, body: Json): Json {
  const f = ctx.input.framework;
  const id = String(body.identifier ?? "").toLowerCase();
  const filled: Json = { ...body, identifier: id };
  if (!isAbsoluteUri(filled.uri)) filled.uri = `${ctx.base}/${COLLECTION_PATH[kind]}/${id}`;
  if (!isDateTime(filled.lastChangeDateTime)) filled.lastChangeDateTime = dateOut(null, f.updated_at);
  const name = [filled.title, filled.typeCode, filled.hierarchyCode].find((v) => typeof v === "string" && v.trim()) as
    | string
    | undefined;
  for (const field of DEFINITION_REQUIRED[kind]) {
    if (typeof filled[field] === "string") continue;
    if (filled[field] !== undefined) continue; // a wrong type: finish() moves it aside, then it is refilled below
    filled[field] = field === "hierarchyCode" ? "1" : (name ?? id);
  }
  if (kind === "rubric") fillRubricParts(ctx, filled);
  const clean = finish(DEFINITION_FIELDS[kind], filled);
  for (const field of DEFINITION_REQUIRED[kind])
    if (typeof clean[field] !== "string") clean[field] = field === "hierarchyCode" ? "1" : (name ?? id);
  return clean;
}

function fillRubricParts(ctx: ExportContext, rubric: Json) {
  const date = dateOut(null, ctx.input.framework.updated_at);
  const fill = (part: Json, name: string) => {
    if (!isUuid(part.identifier)) {
      if (part.identifier !== undefined) part.sourceIdentifier = part.identifier;
      part.identifier = uuidV5(`rubric-part:${String(rubric.identifier)}:${name}`);
    }
    if (!isAbsoluteUri(part.uri)) part.uri = `${ctx.base}/CFRubrics/${String(rubric.identifier)}#${part.identifier}`;
    if (!isDateTime(part.lastChangeDateTime)) part.lastChangeDateTime = date;
  };
  if (!Array.isArray(rubric.CFRubricCriteria)) return;
  rubric.CFRubricCriteria = rubric.CFRubricCriteria.map((criterion: unknown, i: number) => {
    if (!isObject(criterion)) return criterion;
    const c: Json = { ...criterion };
    fill(c, `c${i}`);
    if (Array.isArray(c.CFRubricCriterionLevels)) {
      c.CFRubricCriterionLevels = c.CFRubricCriterionLevels.map((level: unknown, j: number) => {
        if (!isObject(level)) return level;
        const l: Json = { ...level };
        fill(l, `c${i}l${j}`);
        return l;
      });
    }
    return c;
  });
}

/** CFDefinitions (the stored ones, then those made here) and CFRubrics. */
export function definitionsObjects(ctx: ExportContext): { definitions: Json; rubrics: Json[] } {
  const byKind = new Map<DefinitionKind, Json[]>();
  const push = (kind: DefinitionKind, body: Json) => {
    const list = byKind.get(kind) ?? [];
    list.push(definitionObject(ctx, kind, body));
    byKind.set(kind, list);
  };
  for (const row of [...ctx.input.definitions].sort((a, b) => a.ordinal - b.ordinal))
    push(row.kind as DefinitionKind, { ...parseExtra(row.body), identifier: row.id });
  for (const generated of ctx.generatedDefinitions) push(generated.kind, generated.body);
  const definitions: Json = {};
  for (const [kind, collection] of Object.entries(DEFINITION_COLLECTIONS))
    definitions[collection] = byKind.get(kind as DefinitionKind) ?? [];
  const { [SKILLSHELF_KEY]: ours } = parseExtra(ctx.input.framework.extra);
  const stored = isObject(ours) && isObject(ours.definitions) ? ours.definitions : {};
  const { extensions, ...unknown } = stored;
  const block = Object.keys(unknown).length > 0 ? { [EXTENSION_KEY]: { unmapped: unknown } } : {};
  if (isObject(extensions) || Object.keys(block).length > 0)
    definitions.extensions = { ...(isObject(extensions) ? extensions : {}), ...block };
  return { definitions, rubrics: byKind.get("rubric") ?? [] };
}

/** Package-level fields kept from the source: `extensions`, and anything unknown under it. */
export function packageExtensions(ctx: ExportContext): Json | undefined {
  const { [SKILLSHELF_KEY]: ours } = parseExtra(ctx.input.framework.extra);
  const stored = isObject(ours) && isObject(ours.package) ? ours.package : {};
  const { extensions, ...unknown } = stored;
  const block = Object.keys(unknown).length > 0 ? { [EXTENSION_KEY]: { unmapped: unknown } } : {};
  if (!isObject(extensions) && Object.keys(block).length === 0) return undefined;
  return { ...(isObject(extensions) ? extensions : {}), ...block };
}
