/** GET /{lang}/search?q=…[&framework=slug] — the whole page, or only the results when htmx asks for them. */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { Framework } from "../db/schema.ts";
import { type Lang, messages, otherLang } from "../i18n/index.ts";
import { cachedPage } from "../ui/page-cache.ts";
import { textOf } from "../ui/text.tsx";
import { urls } from "../ui/urls.ts";
import { hitDetails, type SearchIndex, type SearchResults, search, searchIndexFor } from "./engine.ts";
import { readQuery } from "./normalize.ts";
import { SearchPage, type SearchPageModel, SearchResultsFragment } from "./view.tsx";

/** Most results a page lists; the count still gives the full total. */
export const PAGE_LIMIT = 100;

/** Where the results come from: every published framework, or the one the visitor narrowed to. */
export interface SearchScope {
  /** Every published framework, in the catalog's order (the starter first). */
  frameworks: Framework[];
  /** The framework the search is narrowed to, if any. */
  only?: Framework;
  /** A `framework=` was given that no published framework has: every framework was searched. */
  unknown?: boolean;
}

const titleOf = (f: Framework, lang: Lang) => textOf({ en: f.title_en, fr: f.title_fr }, lang);

/** Turns engine results into what the page shows: links, type labels, descriptions, frameworks. */
export function pageModel(
  index: SearchIndex,
  results: SearchResults,
  lang: Lang,
  shortened: boolean,
  scope: SearchScope = { frameworks: [] },
): SearchPageModel {
  let shown = 0;
  const several = scope.frameworks.length > 1;
  const titles = new Map(scope.frameworks.map((f) => [f.slug, titleOf(f, lang)]));
  const groups = results.groups.map((group) => ({
    id: group.area.id,
    statement: group.area.statement,
    href: urls.item(lang, group.area.frameworkSlug, group.area.key),
    // Which framework the hits come from, when the site has several.
    framework: several ? titles.get(group.area.frameworkSlug) : undefined,
    hits: group.hits.flatMap((hit) => {
      const item = hitDetails(index, hit.id);
      if (!item) return [];
      shown++;
      const page = urls.item(lang, item.frameworkSlug, item.pageKey);
      return [
        {
          id: hit.id,
          typeLabel: item.typeLabel,
          statement: hit.statement,
          description: item.node.description,
          matchedTerms: hit.matchedTerms,
          href: item.sectionKey ? `${page}#item-${encodeURIComponent(item.sectionKey)}` : page,
        },
      ];
    }),
  }));
  const narrowing =
    several && !scope.only
      ? (results.frameworkCounts ?? []).map(({ slug, count }) => ({
          title: titles.get(slug) ?? slug,
          count,
          href: urls.search(lang, results.query, slug),
        }))
      : [];
  return {
    lang,
    query: results.query,
    correctedQuery: results.correctedQuery,
    shortened,
    termsIgnored: results.termsIgnored ?? 0,
    total: results.total,
    shown,
    groups,
    only: scope.only ? { slug: scope.only.slug, title: titleOf(scope.only, lang) } : undefined,
    unknownFramework: scope.unknown ?? false,
    // Offering to narrow only makes sense when the hits come from more than one framework.
    narrowing: narrowing.length > 1 ? narrowing : [],
  };
}

/**
 * htmx asks for the results only. A history restore wants the whole page, and a request without a
 * query string always gets the whole page. The page cache keeps the fragment as a variant of its own
 * (see `searchPageCache`), never in place of the page.
 */
function wantsFragment(c: Context<AppEnv>): boolean {
  return (
    c.req.header("hx-request") === "true" &&
    c.req.header("hx-history-restore-request") !== "true" &&
    new URL(c.req.url).search !== ""
  );
}

/**
 * What the page reads, for the page cache: two queries that clean to the same text (spaces, control
 * characters, length) and are cut alike show the same page; the framework is read trimmed. Any other
 * parameter is ignored.
 */
const searchPageCache = cachedPage(
  {
    q: (raw) => {
      const { query, shortened } = readQuery(raw);
      return query === "" ? "" : `${shortened ? "cut" : "whole"}:${query}`;
    },
    framework: (raw) => raw.trim(),
  },
  (c) => (wantsFragment(c as Context<AppEnv>) ? "fragment" : ""),
);

export function searchRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", searchPageCache, async (c) => {
    const lang = c.var.lang;
    const raw = c.req.query("q") ?? "";
    const wanted = (c.req.query("framework") ?? "").trim();
    const frameworks = await c.var.catalog.list();
    const only = wanted ? frameworks.find((f) => f.slug === wanted) : undefined;
    const scope: SearchScope = { frameworks, only, unknown: wanted !== "" && !only };
    const index = await searchIndexFor(c.var.catalog);
    const results = search(index, raw, {
      lang,
      limit: PAGE_LIMIT,
      framework: only?.slug,
      countByFramework: frameworks.length > 1 && !only,
    });
    const model = pageModel(index, results, lang, readQuery(raw).shortened, scope);
    c.header("vary", "HX-Request");
    if (wantsFragment(c)) return c.html(<SearchResultsFragment model={model} />);
    const t = messages(lang);
    return c.render(<SearchPage model={model} />, {
      lang,
      title: results.query ? t.searchTitleFor(results.query) : t.searchTitle,
      alternate: urls.search(otherLang(lang), results.query || undefined, only?.slug),
      hideHeaderSearch: true,
    });
  });

  return app;
}
