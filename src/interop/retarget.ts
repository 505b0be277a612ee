/**
 * Where an import goes, when the person says: into an existing framework (whatever framework the
 * file names, or none, as a CSV), or as a new framework (a copy: new identifiers for the framework
 * and every item, so the source stays as it is). Pure: a parsed import in, the same import aimed
 * elsewhere out.
 */
import { uuidV5 } from "../db/uuid.ts";
import { type CaseAssociation, type CaseEndpoint, type CasePackage, isCasePackage } from "./case/model.ts";
import type { ImportedFramework, ImportedItem } from "./model.ts";

export type ImportTarget =
  /** Update this framework (by slug) with the file's content. */
  | { kind: "into"; slug: string }
  /** Create a new framework with this slug from the file's content. */
  | { kind: "new"; slug: string };

type Input = ImportedFramework | CasePackage;

function withoutKey(extra: Record<string, unknown> | undefined, key: string) {
  if (!extra || !(key in extra)) return extra;
  const { [key]: _dropped, ...rest } = extra;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function mapTree(items: readonly ImportedItem[], map: (item: ImportedItem) => ImportedItem): ImportedItem[] {
  // Iterative: a hostile tree may be deep.
  const out: ImportedItem[] = [];
  const stack: { source: readonly ImportedItem[]; into: ImportedItem[] }[] = [{ source: items, into: out }];
  while (stack.length > 0) {
    const { source, into } = stack.pop() as { source: readonly ImportedItem[]; into: ImportedItem[] };
    for (const item of source) {
      const copy = { ...map(item), children: [] as ImportedItem[] };
      into.push(copy);
      if (item.children.length > 0) stack.push({ source: item.children, into: copy.children });
    }
  }
  return out;
}

const replaceFramework = (input: Input, framework: ImportedFramework, associations?: CaseAssociation[]): Input =>
  isCasePackage(input) ? { ...input, framework, associations: associations ?? input.associations } : framework;

/** The file's content as an update of the framework `id`. */
export function intoFramework(input: Input, id: string): Input {
  const framework = isCasePackage(input) ? input.framework : input;
  if (framework.id === id) return replaceFramework(input, { ...framework, slug: undefined });
  const retargeted: ImportedFramework = {
    ...framework,
    id,
    slug: undefined,
    // The source document's own URI names the other framework.
    extra: withoutKey(framework.extra, "uri"),
  };
  if (!isCasePackage(input)) return retargeted;
  const endpoint = (end: CaseEndpoint): CaseEndpoint =>
    end.identifier === framework.id ? { ...end, identifier: id, uri: null } : end;
  return replaceFramework(
    input,
    retargeted,
    input.associations.map((a) => ({ ...a, origin: endpoint(a.origin), destination: endpoint(a.destination) })),
  );
}

/** The identifier a copy gives the framework: the same copy asked for twice gets the same one. */
export const copyFrameworkId = (sourceId: string, slug: string) => uuidV5(`copy:${sourceId}:${slug}`);

/** The file's content as a new framework: new identifiers, the source's URIs for them dropped. */
export function asNewFramework(input: Input, slug: string): Input {
  const source = isCasePackage(input) ? input.framework : input;
  const id = copyFrameworkId(source.id, slug);
  const ids = new Map<string, string>([[source.id, id]]);
  const newId = (old: string) => {
    let found = ids.get(old);
    if (!found) {
      found = uuidV5(`${id}:${old}`);
      ids.set(old, found);
    }
    return found;
  };
  const framework: ImportedFramework = {
    ...source,
    id,
    slug,
    extra: withoutKey(source.extra, "uri"),
    // Minted afresh: the source's type identifiers stay the source's.
    itemTypes: source.itemTypes.map(({ id: _own, ...type }) => type),
    children: mapTree(source.children, (item) => ({
      ...item,
      id: newId(item.id),
      extra: withoutKey(item.extra, "uri"),
    })),
  };
  if (!isCasePackage(input)) return framework;
  const endpoint = (end: CaseEndpoint): CaseEndpoint =>
    end.itemId !== null || end.identifier === source.id
      ? {
          ...end,
          itemId: end.itemId === null ? null : newId(end.itemId),
          identifier: newId(end.identifier),
          uri: null,
        }
      : end;
  return {
    ...input,
    framework,
    associations: input.associations.map((a) => ({
      ...a,
      id: uuidV5(`${id}:association:${a.id}`),
      uri: null,
      origin: endpoint(a.origin),
      destination: endpoint(a.destination),
    })),
  };
}
