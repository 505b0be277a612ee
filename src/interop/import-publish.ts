/**
 * Whether publishing after an import would publish anything: an import that changed nothing, on a
 * framework whose draft is what its latest edition already shows, makes no new edition.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { buildSnapshot, type EditionSnapshot, parseSnapshot, snapshotRows } from "../editions/snapshot.ts";
import { latestEdition } from "../editions/store.ts";
import { listAssociations, listDefinitions, listItemExtras, listTypeExtras } from "../frameworks/case-store.ts";
import { findFrameworkById, listItemRows, listItemTypes } from "../frameworks/store.ts";

type Executor = Kysely<DB> | Transaction<DB>;

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What readers and exports see of a snapshot, in a stable text: not who published it, nor when. */
function content(snapshot: EditionSnapshot): string {
  const items = byId(snapshotRows(snapshot)).map(({ updated_at: _date, ...row }) => row);
  const caseData = snapshot.case && {
    associations: byId(snapshot.case.associations).map(({ ordinal: _order, ...row }) => row),
    definitions: [...snapshot.case.definitions]
      .map(({ ordinal: _order, ...row }) => row)
      .sort((a, b) => (`${a.kind}:${a.id}` < `${b.kind}:${b.id}` ? -1 : 1)),
    itemExtras: Object.entries(snapshot.case.itemExtras).sort(([a], [b]) => (a < b ? -1 : 1)),
    typeExtras: Object.entries(snapshot.case.typeExtras ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
  };
  return JSON.stringify({
    title: snapshot.title,
    description: snapshot.description,
    publisher: snapshot.publisher,
    licence: snapshot.licence,
    extra: snapshot.extra ?? null,
    types: snapshot.itemTypes.map((t) => [t.code, t.label.en, t.label.fr, t.extra ?? null]),
    items,
    case: caseData ?? null,
  });
}

/** True when the framework has an edition and its draft shows exactly what that edition shows. */
export async function draftIsLatestEdition(db: Executor, frameworkId: string): Promise<boolean> {
  const latest = await latestEdition(db, frameworkId);
  if (!latest) return false;
  const [framework, types, rows, associations, definitions, itemExtras, typeExtras] = await Promise.all([
    findFrameworkById(db, frameworkId),
    listItemTypes(db, frameworkId),
    listItemRows(db, frameworkId),
    listAssociations(db, frameworkId),
    listDefinitions(db, frameworkId),
    listItemExtras(db, frameworkId),
    listTypeExtras(db, frameworkId),
  ]);
  if (!framework) return false;
  const draft = buildSnapshot(framework, types, rows, {
    associations,
    definitions,
    itemExtras: Object.fromEntries(itemExtras),
    typeExtras: Object.fromEntries(typeExtras),
  });
  try {
    return content(draft) === content(parseSnapshot(latest.snapshot));
  } catch {
    return false; // an unreadable edition: publishing again is the safe side
  }
}
