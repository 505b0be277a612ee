/** Gathers what a CASE export needs: the reader's view of a framework plus what its import kept. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { FrameworkView } from "../../editions/catalog.ts";
import { type EditionCaseData, parseSnapshot } from "../../editions/snapshot.ts";
import { findEdition } from "../../editions/store.ts";
import { listAssociations, listDefinitions, listItemExtras, listTypeExtras } from "../../frameworks/case-store.ts";
import type { CaseExportInput } from "./export-parts.ts";
import { isObject } from "./reader.ts";

function parseTypeExtra(text: string | null | undefined) {
  if (text === null || text === undefined) return null;
  try {
    const value = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** The CASE-only data an edition froze; undefined for snapshots taken before editions kept it. */
async function editionCaseData(db: Kysely<DB>, frameworkId: string, number: number) {
  const edition = await findEdition(db, frameworkId, number);
  return edition ? parseSnapshot(edition.snapshot).case : undefined;
}

/**
 * The view decides what is exported (readers' content: published editions only, through the
 * Catalog); CASE's own data (identifiers, links, fields pages do not show) comes with it: from the
 * view's edition when it is one, else (a draft view, or an edition older than this) the live tables.
 */
export async function caseExportInput(
  db: Kysely<DB>,
  view: Pick<FrameworkView, "framework" | "types" | "tree" | "edition">,
  baseUrl: string,
): Promise<CaseExportInput> {
  const id = view.framework.id;
  const frozen: EditionCaseData | undefined = view.edition
    ? await editionCaseData(db, id, view.edition.number)
    : undefined;
  // How the CASE source named each type: frozen with the edition; for a draft view, or an edition
  // frozen before types' CASE links were kept, from the live table (the best there is).
  const typeExtras = frozen?.typeExtras ? new Map(Object.entries(frozen.typeExtras)) : await listTypeExtras(db, id);
  return {
    framework: view.framework,
    types: [...view.types.values()].map((t) => ({
      id: t.id,
      code: t.code,
      label: { en: t.label_en, fr: t.label_fr },
      extra: parseTypeExtra(typeExtras?.has(t.code) ? typeExtras.get(t.code) : t.extra),
    })),
    roots: view.tree.roots,
    itemExtras: frozen ? new Map(Object.entries(frozen.itemExtras)) : await listItemExtras(db, id),
    associations: frozen ? frozen.associations : await listAssociations(db, id),
    definitions: frozen ? frozen.definitions : await listDefinitions(db, id),
    baseUrl,
    edition: view.edition && { number: view.edition.number, publishedAt: view.edition.publishedAt },
  };
}
