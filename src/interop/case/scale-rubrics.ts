/**
 * The instance's default proficiency scale as CASE 1.1 CFRubrics (decision 035): one CFRubric per
 * competency of the framework that has level descriptors on the default scale, with one criterion
 * linked to the competency (CFItemURI) and one criterion level per level of the scale (score: the
 * level's number, quality: its label, description: what the level looks like for this competency,
 * or the level's general descriptor where the competency has none). English in the standard fields,
 * French under extensions.skillshelf.translations, as for items (decision 006).
 *
 * Organisation scales and their descriptors are never in the public CASE export or API: they are an
 * organisation's own, read through its signed-in API.
 *
 * The rubrics join the framework's definitions (kind "rubric") before export, so the package, the
 * streamed export and the CASE API's CFRubrics all carry them; an import keeps them as it keeps any
 * rubric (case_definitions), so a package round-trips. Their identifiers are derived from the scale's
 * CASE identifier and the competency's, so every export names the same rubric the same way, and a
 * kept copy of one (a package imported back) is replaced by the current one rather than repeated.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { uuidV5 } from "../../db/uuid.ts";
import { type Bilingual, DEFAULT_SCALE_ID, readScale, type Scale } from "../../profiles/scales/read.ts";
import { CASE_API_PATH, type DefinitionRow, type ExportNode } from "./export-parts.ts";
import { EXTENSION_KEY } from "./model.ts";
import type { Json } from "./reader.ts";

/** The item type whose items get rubrics (the competencies; not areas, not KSAs). */
const COMPETENCY_TYPE = "competency";

export const scaleRubricId = (scale: Pick<Scale, "caseIdentifier">, itemId: string) =>
  uuidV5(`scale-rubric:${scale.caseIdentifier}:${itemId.toLowerCase()}`);

const part = (rubricId: string, name: string) => uuidV5(`scale-rubric-part:${rubricId}:${name}`);

const translation = (fields: Record<string, string | null | undefined>): Json | undefined => {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "string" && v !== ""));
  return Object.keys(kept).length > 0 ? { translations: { fr: kept } } : undefined;
};

/** One competency's rubric on the scale (English first, French under the translations). */
export function scaleRubricBody(
  scale: Scale,
  competency: Pick<ExportNode, "id" | "code" | "statement">,
  own: ReadonlyMap<number, Bilingual>,
  itemUri: string,
  lastChange: string,
): Json {
  const id = scaleRubricId(scale, competency.id);
  const criterionId = part(id, "criterion");
  const statement = competency.statement.en ?? competency.statement.fr ?? competency.id;
  const named = (text: string) => (competency.code ? `${competency.code} ${text}` : text);
  const rubricFr = translation({
    title: `${scale.name.fr} : ${named(competency.statement.fr ?? statement)}`,
    description: scale.description.fr,
  });
  return {
    identifier: id,
    title: `${scale.name.en}: ${named(statement)}`,
    ...(scale.description.en ? { description: scale.description.en } : {}),
    lastChangeDateTime: lastChange,
    CFRubricCriteria: [
      {
        identifier: criterionId,
        description: statement,
        CFItemURI: { title: statement, identifier: competency.id.toLowerCase(), uri: itemUri },
        position: 1,
        rubricId: id,
        lastChangeDateTime: lastChange,
        CFRubricCriterionLevels: scale.levels.map((level) => {
          const text = own.get(level.number);
          const en = text?.en || level.descriptor.en;
          const fr = text?.fr || level.descriptor.fr;
          const levelFr = translation({ quality: level.label.fr, description: fr });
          return {
            identifier: part(id, `level-${level.number}`),
            ...(en ? { description: en } : {}),
            quality: level.label.en,
            score: level.number,
            position: level.number,
            rubricCriterionId: criterionId,
            lastChangeDateTime: lastChange,
            ...(levelFr ? { extensions: [{ [EXTENSION_KEY]: levelFr }] } : {}),
          };
        }),
      },
    ],
    extensions: {
      [EXTENSION_KEY]: {
        ...(rubricFr ?? {}),
        scale: { caseIdentifier: scale.caseIdentifier, itemId: competency.id, ownDescriptors: [...own.keys()].sort() },
      },
    },
  };
}

function competencies(roots: readonly ExportNode[]): ExportNode[] {
  const found: ExportNode[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as ExportNode;
    if (node.type === COMPETENCY_TYPE) found.push(node);
    stack.push(...node.children);
  }
  return found;
}

/**
 * The default scale's rubrics for a framework's competencies, as definition rows (after the kept
 * ones), and the kept definitions without any older copy of them.
 */
export async function withScaleRubrics(
  db: Kysely<DB>,
  frameworkId: string,
  roots: readonly ExportNode[],
  kept: readonly DefinitionRow[],
  itemUri: (itemId: string) => string,
): Promise<DefinitionRow[]> {
  // By scale and framework, not by item: a framework of 50,000 competencies must not become one
  // query parameter per item. Nearly always none, and then nothing else is read.
  const stored = await db
    .selectFrom("competency_level_descriptors")
    .select(["item_id", "level_number", "descriptor_en", "descriptor_fr", "updated_at"])
    .where("scale_id", "=", DEFAULT_SCALE_ID)
    .where("framework_id", "=", frameworkId)
    .execute();
  const descriptors = new Map<string, Map<number, Bilingual>>();
  let newest = "";
  for (const row of stored) {
    if (!row.descriptor_en && !row.descriptor_fr) continue;
    const levels = descriptors.get(row.item_id) ?? new Map<number, Bilingual>();
    descriptors.set(row.item_id, levels);
    levels.set(row.level_number, { en: row.descriptor_en ?? "", fr: row.descriptor_fr ?? "" });
    if (row.updated_at > newest) newest = row.updated_at;
  }
  if (descriptors.size === 0) return [...kept];
  const nodes = competencies(roots).filter((node) => descriptors.has(node.id));
  const scale = await readScale(db, DEFAULT_SCALE_ID);
  if (!scale || nodes.length === 0) return [...kept];
  // The newest descriptor's date: the same package text until someone changes one.
  const lastChange = new Date(newest).toISOString();
  const rows: DefinitionRow[] = [];
  let ordinal = kept.reduce((max, d) => Math.max(max, d.ordinal), 0) + 1;
  // Reading order, so the export lists rubrics as the index lists competencies.
  const order = new Map<string, number>();
  const walk = (list: readonly ExportNode[]) => {
    for (const node of list) {
      order.set(node.id, order.size);
      walk(node.children);
    }
  };
  walk(roots);
  for (const node of nodes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))) {
    const own = descriptors.get(node.id);
    if (!own) continue;
    const body = scaleRubricBody(scale, node, own, itemUri(node.id), lastChange);
    rows.push({
      framework_id: frameworkId,
      kind: "rubric",
      id: body.identifier as string,
      ordinal: ordinal++,
      body: JSON.stringify(body),
    });
  }
  const ours = new Set(rows.map((r) => r.id));
  return [...kept.filter((d) => !(d.kind === "rubric" && ours.has(d.id.toLowerCase()))), ...rows];
}

/** The address of an item in this instance's CASE API, unless its import kept one. */
export function caseItemUri(baseUrl: string, itemExtras: ReadonlyMap<string, Json>) {
  const base = `${baseUrl.replace(/\/+$/, "")}${CASE_API_PATH}`;
  return (itemId: string) => {
    const uri = itemExtras.get(itemId)?.uri;
    return typeof uri === "string" && /^[a-z][a-z0-9+.-]*:/i.test(uri) ? uri : `${base}/CFItems/${itemId}`;
  };
}
