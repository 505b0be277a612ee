/**
 * Whether publishing after an import would publish anything: an import that changed nothing, on a
 * framework whose draft is what its latest edition already shows, makes no new edition.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { StoredJsonError } from "../db/stored-json.ts";
import { type EditionContent, freezeDraft } from "../editions/content.ts";
import { latestEdition, readCaseData, readEditionContent } from "../editions/store.ts";
import type { EditionCaseData } from "../editions/stored.ts";
import { listAssociations, listDefinitions } from "../frameworks/case-store.ts";
import { findFrameworkById, listItemTypesWithExtra, listPublishableRows } from "../frameworks/store.ts";

type Executor = Kysely<DB> | Transaction<DB>;

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What readers and exports see of an edition, in a stable text: not who published it, nor when. */
function content(edition: EditionContent, caseData: EditionCaseData | null): string {
  const items = byId(edition.items).map(({ updated_at: _date, source_item_id: _source, ...row }) => row);
  const f = edition.framework;
  return JSON.stringify({
    title: [f.title_en, f.title_fr],
    description: [f.description_en, f.description_fr],
    publisher: f.publisher,
    licence: f.licence,
    extra: f.extra,
    types: edition.types.map((t) => [t.code, t.label_en, t.label_fr, t.extra]),
    items,
    case: caseData && {
      associations: byId(caseData.associations).map(({ ordinal: _order, ...row }) => row),
      definitions: [...caseData.definitions]
        .map(({ ordinal: _order, ...row }) => row)
        .sort((a, b) => (`${a.kind}:${a.id}` < `${b.kind}:${b.id}` ? -1 : 1)),
    },
  });
}

/** True when the framework has an edition and its draft shows exactly what that edition shows. */
export async function draftIsLatestEdition(db: Executor, frameworkId: string): Promise<boolean> {
  const latest = await latestEdition(db, frameworkId);
  if (!latest) return false;
  const [framework, types, rows, associations, definitions] = await Promise.all([
    findFrameworkById(db, frameworkId),
    listItemTypesWithExtra(db, frameworkId),
    listPublishableRows(db, frameworkId),
    listAssociations(db, frameworkId),
    listDefinitions(db, frameworkId),
  ]);
  if (!framework) return false;
  const draft = freezeDraft(framework, types, rows);
  try {
    const [published, publishedCase] = await Promise.all([readEditionContent(db, latest), readCaseData(db, latest.id)]);
    return content(draft, { associations, definitions }) === content(published, publishedCase);
  } catch (error) {
    // An edition that cannot be read back: publishing again is the safe side.
    if (error instanceof StoredJsonError) return false;
    throw error;
  }
}
