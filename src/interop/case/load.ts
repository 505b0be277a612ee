/** Gathers what a CASE export needs: the reader's view of a framework plus what its import kept. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { readKeptFields } from "../../db/stored-json.ts";
import type { FrameworkView } from "../../editions/catalog.ts";
import { findEditionSummary, readCaseData, readEditionForReaders } from "../../editions/store.ts";
import { listAssociations, listDefinitions, listItemExtras, listTypeExtras } from "../../frameworks/case-store.ts";
import { inSlices, STEP, type Steps } from "../../slices.ts";
import type { CaseExportInput } from "./export-parts.ts";
import { caseItemUri, withScaleRubrics } from "./scale-rubrics.ts";

/**
 * What CASE keeps of an edition, as the edition froze it: associations and definitions, and the
 * items' and types' kept fields (from its rows). Undefined for an edition published before CASE
 * data was frozen with editions.
 */
async function editionCaseData(db: Kysely<DB>, frameworkId: string, number: number) {
  // Never the edition's cached snapshot (31 MB of JSON at 50,000 items, read and parsed at once):
  // its rows, read in pages, and its CASE data parsed in slices, so a first CASE export of a big
  // framework does not hold every reader up (issue 12).
  const edition = await findEditionSummary(db, frameworkId, number);
  const caseData = edition ? await readCaseData(db, edition.id) : null;
  const content = edition && caseData ? await readEditionForReaders(db, edition.id) : undefined;
  if (!edition || !caseData || !content) return undefined;
  const itemExtras = await inSlices(keptItemExtras(content.items, edition.id));
  return {
    ...caseData,
    itemExtras,
    typeExtras: new Map(content.types.map((t) => [t.code, t.extra])),
  };
}

/** Each item's kept CASE fields, by item id, STEP items between yields. */
function* keptItemExtras(
  items: readonly { id: string; extra: string | null }[],
  editionId: string,
): Steps<Map<string, Record<string, unknown>>> {
  const extras = new Map<string, Record<string, unknown>>();
  for (const [index, item] of items.entries()) {
    if (item.extra !== null)
      extras.set(
        item.id,
        readKeptFields(item.extra, { column: "published_items.extra", row: `edition ${editionId}, item ${item.id}` }),
      );
    if (index % STEP === STEP - 1) yield;
  }
  return extras;
}

/**
 * The view decides what is exported (readers' content: published editions only, through the
 * Catalog); CASE's own data (identifiers, links, fields pages do not show) comes with it: from the
 * view's edition when it froze them, else (a draft view, or an edition older than that) the live tables.
 */
export async function caseExportInput(
  db: Kysely<DB>,
  view: Pick<FrameworkView, "framework" | "types" | "tree" | "edition">,
  baseUrl: string,
): Promise<CaseExportInput> {
  const id = view.framework.id;
  const frozen = view.edition ? await editionCaseData(db, id, view.edition.number) : undefined;
  const typeExtras = frozen ? frozen.typeExtras : await listTypeExtras(db, id);
  const itemExtras = frozen ? frozen.itemExtras : await listItemExtras(db, id);
  const kept = frozen ? frozen.definitions : await listDefinitions(db, id);
  return {
    framework: view.framework,
    types: [...view.types.values()].map((t) => {
      const extra = typeExtras.has(t.code) ? typeExtras.get(t.code) : t.extra;
      return {
        id: t.id,
        code: t.code,
        label: { en: t.label_en, fr: t.label_fr },
        extra: extra
          ? readKeptFields(extra, { column: "item_types.extra", row: `type ${t.code} of framework ${id}` })
          : null,
      };
    }),
    roots: view.tree.roots,
    itemExtras,
    associations: frozen ? frozen.associations : await listAssociations(db, id),
    // The default proficiency scale's rubrics are current, not frozen with an edition (decision 035).
    definitions: await withScaleRubrics(db, id, view.tree.roots, kept, caseItemUri(baseUrl, itemExtras)),
    baseUrl,
    edition: view.edition && { number: view.edition.number, publishedAt: view.edition.publishedAt },
  };
}
