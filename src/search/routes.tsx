/** GET /{lang}/search?q=… — the whole page, or only the results when htmx asks for them. */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { type Lang, messages, otherLang } from "../i18n/index.ts";
import { urls } from "../ui/urls.ts";
import { hitDetails, type SearchIndex, type SearchResults, search, searchIndexFor } from "./engine.ts";
import { readQuery } from "./normalize.ts";
import { SearchPage, type SearchPageModel, SearchResultsFragment } from "./view.tsx";

/** Most results a page lists; the count still gives the full total. */
export const PAGE_LIMIT = 100;

/** Turns engine results into what the page shows: links, type labels, descriptions. */
export function pageModel(index: SearchIndex, results: SearchResults, lang: Lang, shortened: boolean): SearchPageModel {
  let shown = 0;
  const groups = results.groups.map((group) => ({
    id: group.area.id,
    statement: group.area.statement,
    href: urls.item(lang, group.area.frameworkSlug, group.area.key),
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
  return { lang, query: results.query, shortened, total: results.total, shown, groups };
}

/**
 * htmx asks for the results only. A history restore wants the whole page, and a request without a
 * query string always gets the whole page: the page cache keeps query-less pages by path alone, so
 * a fragment must never be what it stores.
 */
function wantsFragment(c: Context<AppEnv>): boolean {
  return (
    c.req.header("hx-request") === "true" &&
    c.req.header("hx-history-restore-request") !== "true" &&
    new URL(c.req.url).search !== ""
  );
}

export function searchRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const lang = c.var.lang;
    const raw = c.req.query("q") ?? "";
    const index = await searchIndexFor(c.var.catalog);
    const results = search(index, raw, { lang, limit: PAGE_LIMIT });
    const model = pageModel(index, results, lang, readQuery(raw).shortened);
    c.header("vary", "HX-Request");
    if (wantsFragment(c)) return c.html(<SearchResultsFragment model={model} />);
    const t = messages(lang);
    return c.render(<SearchPage model={model} />, {
      lang,
      title: results.query ? t.searchTitleFor(results.query) : t.searchTitle,
      alternate: urls.search(otherLang(lang), results.query || undefined),
      hideHeaderSearch: true,
    });
  });

  return app;
}
