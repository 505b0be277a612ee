/** Gathers what a CASE export needs: the reader's view of a framework plus what its import kept. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { FrameworkView } from "../../frameworks/catalog.ts";
import type { CaseExportInput } from "./export-parts.ts";
import { isObject } from "./reader.ts";
import { listAssociations, listDefinitions, listItemExtras, listTypeExtras } from "./store.ts";

function parseTypeExtra(text: string | null | undefined) {
  if (text === null || text === undefined) return null;
  try {
    const value = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The view decides what is exported (readers' content: published editions only, through the
 * Catalog); the side tables add identifiers, links and fields that CASE carries and pages do not.
 */
export async function caseExportInput(
  db: Kysely<DB>,
  view: Pick<FrameworkView, "framework" | "types" | "tree">,
  baseUrl: string,
): Promise<CaseExportInput> {
  const id = view.framework.id;
  const itemExtras = await listItemExtras(db, id);
  const typeExtras = await listTypeExtras(db, id);
  const associations = await listAssociations(db, id);
  const definitions = await listDefinitions(db, id);
  return {
    framework: view.framework,
    types: [...view.types.values()].map((t) => ({
      id: t.id,
      code: t.code,
      label: { en: t.label_en, fr: t.label_fr },
      extra: parseTypeExtra(typeExtras.has(t.code) ? typeExtras.get(t.code) : t.extra),
    })),
    roots: view.tree.roots,
    itemExtras,
    associations,
    definitions,
    baseUrl,
  };
}
