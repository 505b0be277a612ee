/**
 * GET /api/v1/search?q=…&lang=en|fr&limit=… — the search results as JSON, grouped by area.
 * Any `q` is a valid query (an empty one finds nothing); only a bad `lang` or `limit` is refused.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { DEFAULT_LIMIT, MAX_LIMIT, type SearchResults, search, searchIndexFor } from "./engine.ts";

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
});

export type SearchApiQuery = z.infer<typeof searchApiQuery>;

export interface SearchApiResponse extends SearchResults {
  lang: "en" | "fr";
}

export function searchApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const parsed = searchApiQuery.safeParse({
      q: c.req.query("q"),
      lang: c.req.query("lang"),
      limit: c.req.query("limit"),
    });
    const t = messages(c.var.lang);
    if (!parsed.success) {
      const badLang = parsed.error.issues.some((issue) => issue.path[0] === "lang");
      return c.json(
        { error: "bad_request", message: badLang ? t.apiSearchBadLang : t.apiSearchBadLimit(MAX_LIMIT) },
        400,
      );
    }
    const lang = parsed.data.lang ?? c.var.lang;
    const index = await searchIndexFor(c.var.catalog);
    const results = search(index, parsed.data.q ?? "", { lang, limit: parsed.data.limit ?? DEFAULT_LIMIT });
    const body: SearchApiResponse = { query: results.query, lang, total: results.total, groups: results.groups };
    c.header("vary", "Accept-Language");
    return c.json(body);
  });

  return app;
}
