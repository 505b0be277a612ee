/**
 * What the builder pages show, gathered from the readers' catalog (the frameworks as their current
 * editions publish them), the site's search index and the requirements store. Browsing reads one
 * level of one framework; searching asks the search engine for one page of results (it keeps no
 * cursor: page n asks for n pages' worth and shows the last, within the engine's MAX_LIMIT).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Catalog, FrameworkView } from "../../editions/catalog.ts";
import type { TreeNode } from "../../frameworks/tree.ts";
import type { Lang } from "../../i18n/index.ts";
import { hitDetails, MAX_LIMIT, search, searchIndexFor } from "../../search/engine.ts";
import { isRequirableType } from "../requirements/logic.ts";
import type { EditionChange, Requirement } from "../requirements/store.ts";
import { levelDescriptors, type Scale } from "../scales/read.ts";
import type { ChosenEntry } from "./chosen.tsx";
import type { BrowseModel, FoundItem, SearchModel } from "./find.tsx";

export const BROWSE_PAGE = 100;
export const SEARCH_PAGE = 20;

const requirable = (view: FrameworkView, node: TreeNode) =>
  isRequirableType(node.type, view.types.get(node.type)?.label_en);

function found(view: FrameworkView, node: TreeNode, chosen: ReadonlySet<string>): FoundItem {
  const isCompetency = requirable(view, node);
  return {
    frameworkId: view.framework.id,
    frameworkSlug: view.framework.slug,
    id: node.id,
    code: node.code,
    statement: node.statement,
    requirable: isCompetency,
    chosen: chosen.has(`${view.framework.id}~${node.id}`),
    childCount: node.children.length,
    browseNode: isCompetency ? (node.parentId ?? "") : node.id,
  };
}

const pageOf = (raw: string | undefined, pages: number) => {
  const n = Number.parseInt(raw ?? "1", 10);
  return Number.isFinite(n) ? Math.min(Math.max(1, n), Math.max(1, pages)) : 1;
};

/** One level of the index: the frameworks, a framework's top, or the children of one of its items. */
export async function browseModel(
  catalog: Catalog,
  chosen: ReadonlySet<string>,
  place: { framework?: string; node?: string; page?: string },
): Promise<BrowseModel> {
  const frameworks = (await catalog.list()).map((f) => ({ slug: f.slug, title: { en: f.title_en, fr: f.title_fr } }));
  const view = place.framework ? await catalog.get(place.framework) : undefined;
  if (!view) return { frameworks, trail: [], items: [], page: 1, pages: 1 };
  const node = place.node ? view.tree.byId.get(place.node) : undefined;
  const trail: BrowseModel["trail"] = [];
  for (let step = node; step; step = step.parentId ? view.tree.byId.get(step.parentId) : undefined)
    trail.unshift({ id: step.id, code: step.code, statement: step.statement });
  const children = node ? node.children : view.tree.roots;
  const pages = Math.max(1, Math.ceil(children.length / BROWSE_PAGE));
  const page = pageOf(place.page, pages);
  return {
    frameworks,
    framework: { slug: view.framework.slug, title: { en: view.framework.title_en, fr: view.framework.title_fr } },
    trail,
    items: children.slice((page - 1) * BROWSE_PAGE, page * BROWSE_PAGE).map((child) => found(view, child, chosen)),
    page,
    pages,
  };
}

/** One page of search results over every published framework. */
export async function searchModel(
  catalog: Catalog,
  lang: Lang,
  chosen: ReadonlySet<string>,
  query: string,
  rawPage: string | undefined,
): Promise<SearchModel> {
  const index = await searchIndexFor(catalog);
  const wanted = pageOf(rawPage, Math.ceil(MAX_LIMIT / SEARCH_PAGE));
  const results = search(index, query, { lang, limit: Math.min(MAX_LIMIT, wanted * SEARCH_PAGE) });
  const pages = Math.max(1, Math.ceil(Math.min(results.total, MAX_LIMIT) / SEARCH_PAGE));
  const page = Math.min(wanted, pages);
  const hits = results.groups.flatMap((group) => group.hits).slice((page - 1) * SEARCH_PAGE, page * SEARCH_PAGE);
  const views = new Map<string, FrameworkView | undefined>();
  const items: FoundItem[] = [];
  for (const hit of hits) {
    const details = hitDetails(index, hit.id);
    if (!details) continue;
    const slug = details.frameworkSlug;
    if (!views.has(slug)) views.set(slug, await catalog.get(slug));
    const view = views.get(slug);
    const node = view?.tree.byId.get(hit.id);
    if (!view || !node) continue;
    const item = found(view, node, chosen);
    // A KSA is found through its competency: browsing shows the competency's level, to tick it there.
    if (!item.requirable && node.parentId) {
      const parent = view.tree.byId.get(node.parentId);
      if (parent && requirable(view, parent)) item.browseNode = parent.parentId ?? "";
    }
    items.push(item);
  }
  return { query: results.query, total: results.total, page, pages, from: (page - 1) * SEARCH_PAGE + 1, items };
}

/** Each requirement with its edition change and the scale's levels (and its own level descriptors). */
export async function chosenEntries(
  db: Kysely<DB>,
  scale: Scale,
  lang: Lang,
  requirements: readonly Requirement[],
  changes: readonly EditionChange[],
): Promise<ChosenEntry[]> {
  const byFramework = new Map<string, string[]>();
  for (const r of requirements) byFramework.set(r.frameworkId, [...(byFramework.get(r.frameworkId) ?? []), r.itemId]);
  const own = new Map<string, Map<string, Map<number, { en: string; fr: string }>>>();
  for (const [frameworkId, itemIds] of byFramework)
    own.set(frameworkId, await levelDescriptors(db, scale.id, frameworkId, itemIds));
  return requirements.map((requirement, index) => {
    const mine = own.get(requirement.frameworkId)?.get(requirement.itemId);
    return {
      requirement,
      change: changes[index] as EditionChange,
      levels: scale.levels.map((level) => {
        const text = mine?.get(level.number)?.[lang] || undefined;
        return {
          number: level.number,
          label: level.label[lang],
          descriptor: level.descriptor[lang],
          ...(text ? { own: text } : {}),
        };
      }),
    };
  });
}
