/**
 * A synthetic framework of a chosen size, with pseudo-random but plausible bilingual statements and
 * notes (descriptions) on every item, in both languages, as a real bilingual framework has them,
 * shaped like the starter (category → area → competency → KSA). Built in memory as a FrameworkView,
 * exactly as the catalog would build it from database rows. Used only to measure search at scale.
 */
import type { Framework, ItemType } from "../../src/db/schema.ts";
import type { FrameworkView } from "../../src/editions/catalog.ts";
import { buildTree, type ItemRow, type TreeNode, urlKeys } from "../../src/frameworks/tree.ts";
import { between, seededRandom } from "./prng.ts";
import { description, phrase, statement, type Text, title } from "./text.ts";

const CATEGORIES = 8;
const AREAS_PER_CATEGORY = 30;
const COMPETENCIES_PER_AREA = 8;

/**
 * Exactly `itemCount` items (at least the categories, areas and competencies the shape needs). The
 * framework row and item types are copied from `template` (the starter), which must have the types
 * category, area, competency and ksa.
 */
export function syntheticFrameworkView(template: FrameworkView, itemCount: number, seed = 20261128): FrameworkView {
  const random = seededRandom(seed);
  const frameworkId = "00000000-5e17-4000-8000-000000000000";
  const rows: ItemRow[] = [];
  let next = 1;
  const id = () => `00000000-5e17-4000-8000-${(next++).toString(16).padStart(12, "0")}`;
  const day = () =>
    `202${between(random, 4, 6)}-${String(between(random, 1, 12)).padStart(2, "0")}-${String(between(random, 1, 28)).padStart(2, "0")}T12:00:00.000Z`;
  const add = (parent: string | null, type: string, code: string, position: number, statement: Text, text?: Text) => {
    const itemId = id();
    rows.push({
      id: itemId,
      parent_id: parent,
      type_code: type,
      code,
      position,
      statement_en: statement.en,
      statement_fr: statement.fr,
      description_en: text?.en ?? null,
      description_fr: text?.fr ?? null,
      updated_at: day(),
    });
    return itemId;
  };

  const competencies: { id: string; code: string }[] = [];
  for (let c = 1; c <= CATEGORIES; c++) {
    const category = add(null, "category", `S${c}`, c, title(random, 1), description(random));
    for (let a = 1; a <= AREAS_PER_CATEGORY; a++) {
      const area = add(category, "area", `S${c}.${a}`, a, title(random, 2), description(random));
      for (let k = 1; k <= COMPETENCIES_PER_AREA; k++) {
        const code = `S${c}.${a}.${k}`;
        competencies.push({
          id: add(area, "competency", code, k, statement(phrase(random)), description(random)),
          code,
        });
      }
    }
  }
  const ksas = Math.max(0, itemCount - rows.length);
  for (let i = 0; i < ksas; i++) {
    const parent = competencies[i % competencies.length];
    const position = Math.floor(i / competencies.length) + 1;
    add(parent.id, "ksa", `${parent.code}.${position}`, position, statement(phrase(random)), description(random, 1, 2));
  }

  const tree = buildTree(rows);
  const keys = urlKeys(tree);
  const byKey = new Map<string, TreeNode>();
  let lastUpdated = "2026-01-01T12:00:00.000Z";
  for (const node of tree.byId.values()) {
    byKey.set(keys.get(node.id) as string, node);
    if (node.updatedAt > lastUpdated) lastUpdated = node.updatedAt;
  }
  // Copy the template's rows and override what differs, so new columns need no change here.
  const framework: Framework = {
    ...template.framework,
    id: frameworkId,
    slug: "synthetic-benchmark",
    title_en: "Synthetic benchmark framework",
    title_fr: "Référentiel synthétique pour les mesures",
    description_en: "Generated for benchmarks only.",
    description_fr: "Généré pour les mesures seulement.",
    created_at: lastUpdated,
    updated_at: lastUpdated,
  };
  const types = new Map<string, ItemType>(
    [...template.types].map(([code, type]) => [code, { ...type, id: `synthetic-${code}`, framework_id: frameworkId }]),
  );
  return { framework, types, tree, keys, byKey, itemCount: tree.byId.size, lastUpdated };
}
