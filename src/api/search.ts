/**
 * GET /api/v1/search?q=…&lang=en|fr&limit=…&framework=… — the search results as JSON, grouped by
 * area, over every published framework or one (by slug or UUID). Any `q` is a valid query (an empty
 * one finds nothing); a bad `lang`, `limit` or `framework` is refused (400), an unknown framework 404.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { DEFAULT_LIMIT, MAX_LIMIT, type SearchResults, search, searchIndexFor } from "../search/engine.ts";
import { frameworkNotFound } from "./errors.ts";
import { frameworkIdParam } from "./params.ts";
import { findPublishedFramework } from "./resolve.ts";

/** The query string, validated at the edge. `q` is left raw: the engine cleans whatever it gets. */
export const searchApiQuery = z.object({
  q: z.string().optional(),
  lang: z.enum(["en", "fr"]).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_LIMIT))
    .optional(),
  framework: frameworkIdParam.optional(),
});

export type SearchApiQuery = z.infer<typeof searchApiQuery>;

export interface SearchApiResponse extends Omit<SearchResults, "frameworkCounts" | "work"> {
  lang: "en" | "fr";
}

export function searchApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const parsed = searchApiQuery.safeParse({
      q: c.req.query("q"),
      lang: c.req.query("lang"),
      limit: c.req.query("limit"),
      framework: c.req.query("framework"),
    });
    const t = messages(c.var.lang);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      const message =
        field === "lang"
          ? t.apiSearchBadLang
          : field === "framework"
            ? t.apiBadFrameworkId
            : t.apiSearchBadLimit(MAX_LIMIT);
      return c.json({ error: "bad_request", message }, 400);
    }
    const lang = parsed.data.lang ?? c.var.lang;
    const only = parsed.data.framework;
    const view = only ? await findPublishedFramework(c.var.catalog, only) : undefined;
    if (only && !view) return frameworkNotFound(c);
    const index = await searchIndexFor(c.var.catalog);
    const results = search(index, parsed.data.q ?? "", {
      lang,
      limit: parsed.data.limit ?? DEFAULT_LIMIT,
      framework: view?.framework.slug,
    });
    const body: SearchApiResponse = {
      query: results.query,
      ...(results.correctedQuery ? { correctedQuery: results.correctedQuery } : {}),
      ...(results.termsIgnored ? { termsIgnored: results.termsIgnored } : {}),
      lang,
      total: results.total,
      groups: results.groups,
    };
    c.header("vary", "Accept-Language");
    return c.json(body);
  });

  return app;
}
