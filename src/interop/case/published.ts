/**
 * The published frameworks in CASE form, for the read-only CASE API. Everything is read through
 * the Catalog (so only published editions are ever served) and built once per content revision.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { readKeptFields } from "../../db/stored-json.ts";
import type { Catalog, FrameworkView } from "../../editions/catalog.ts";
import { associationObjects } from "./export.ts";
import { definitionObject } from "./export-definitions.ts";
import { type CaseExportInput, documentObject, type ExportContext, exportContext, itemObject } from "./export-parts.ts";
import { caseExportInput } from "./load.ts";
import type { DefinitionKind } from "./model.ts";
import type { Json } from "./reader.ts";

export interface PublishedCase {
  view: FrameworkView;
  input: CaseExportInput;
  /** With the API's link fields (CFDocumentURI, CFPackageURI). */
  linked: ExportContext;
  /** As inside a package. */
  plain: ExportContext;
  /** Every association (with CFDocumentURI), built on first use. */
  associations(): { all: Json[]; byId: Map<string, Json>; byItem: Map<string, Json[]> };
  definitions(): Map<string, Json>;
}

/** A document with its link fields, for listings: needs no item data. */
export function documentFor(view: FrameworkView, baseUrl: string): Json {
  const light: CaseExportInput = {
    framework: view.framework,
    types: [],
    roots: [],
    itemExtras: new Map(),
    associations: [],
    definitions: [],
    baseUrl,
    edition: view.edition && { number: view.edition.number, publishedAt: view.edition.publishedAt },
  };
  const doc = documentObject(exportContext(light, { links: true }));
  return withPackageLink(doc, light, baseUrl);
}

function withPackageLink(doc: Json, input: CaseExportInput, baseUrl: string): Json {
  if (doc.CFPackageURI) return doc;
  const base = `${baseUrl.replace(/\/+$/, "")}/ims/case/v1p1`;
  return {
    ...doc,
    CFPackageURI: { title: doc.title, identifier: input.framework.id, uri: `${base}/CFPackages/${input.framework.id}` },
  };
}

export function createPublishedCases(db: Kysely<DB>, catalog: Catalog, baseUrl: string) {
  let revision = -1;
  let cache = new Map<string, Promise<PublishedCase>>();

  const build = async (view: FrameworkView): Promise<PublishedCase> => {
    const input = await caseExportInput(db, view, baseUrl);
    const linked = exportContext(input, { links: true });
    const plain = exportContext(input);
    let associations: ReturnType<PublishedCase["associations"]> | undefined;
    let definitions: Map<string, Json> | undefined;
    return {
      view,
      input,
      linked,
      plain,
      associations() {
        if (!associations) {
          const all = [...associationObjects(linked)];
          const byId = new Map(all.map((a) => [a.identifier as string, a]));
          const byItem = new Map<string, Json[]>();
          for (const a of all) {
            for (const end of [a.originNodeURI, a.destinationNodeURI] as Json[]) {
              const id = end.identifier as string;
              if (!view.tree.byId.has(id)) continue;
              const list = byItem.get(id) ?? [];
              if (!list.includes(a)) list.push(a);
              byItem.set(id, list);
            }
          }
          associations = { all, byId, byItem };
        }
        return associations;
      },
      definitions() {
        if (!definitions) {
          definitions = new Map();
          for (const row of input.definitions)
            definitions.set(
              `${row.kind}:${row.id}`,
              definitionObject(plain, row.kind as DefinitionKind, {
                ...readKeptFields(row.body, { column: "case_definitions.body", row: `${row.kind} ${row.id}` }),
                identifier: row.id,
              }),
            );
          for (const generated of plain.generatedDefinitions) {
            definitions.set(
              `${generated.kind}:${generated.body.identifier}`,
              definitionObject(plain, generated.kind, generated.body),
            );
          }
        }
        return definitions;
      },
    };
  };

  /** Every published framework, built lazily; the cache empties when content changes. */
  const all = async (): Promise<{ view: FrameworkView; get: () => Promise<PublishedCase> }[]> => {
    const current = await catalog.revision();
    if (current !== revision) {
      revision = current;
      cache = new Map();
    }
    const frameworks = await catalog.list();
    const views = await Promise.all(frameworks.map((f) => catalog.get(f.slug)));
    return views
      .filter((v): v is FrameworkView => v !== undefined)
      .map((view) => ({
        view,
        get: () => {
          let entry = cache.get(view.framework.id);
          if (!entry) {
            entry = build(view);
            cache.set(view.framework.id, entry);
            entry.catch(() => cache.delete(view.framework.id));
          }
          return entry;
        },
      }));
  };

  return {
    all,
    async document(id: string) {
      const found = (await all()).find((f) => f.view.framework.id === id);
      return found ? documentFor(found.view, baseUrl) : undefined;
    },
    async framework(id: string) {
      const found = (await all()).find((f) => f.view.framework.id === id);
      return found ? found.get() : undefined;
    },
    async item(id: string) {
      for (const f of await all()) {
        const node = f.view.tree.byId.get(id);
        if (node) {
          const published = await f.get();
          return { published, item: itemObject(published.linked, node) };
        }
      }
      return undefined;
    },
    async association(id: string) {
      for (const f of await all()) {
        const found = (await f.get()).associations().byId.get(id);
        if (found) return found;
      }
      return undefined;
    },
    async definition(kind: DefinitionKind, id: string) {
      for (const f of await all()) {
        const found = (await f.get()).definitions().get(`${kind}:${id}`);
        if (found) return found;
      }
      return undefined;
    },
  };
}

export type PublishedCases = ReturnType<typeof createPublishedCases>;
