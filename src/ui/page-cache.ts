/**
 * Public pages change only when content does, so a rendered page is kept and served again until the
 * content revision (or the day, which printouts show) changes. Only query-less GETs are cached, so
 * the cache is bounded by the number of pages, not by what visitors type.
 */
import type { Context, Env, MiddlewareHandler } from "hono";

interface Entry {
  revision: number;
  day: string;
  body: string;
  etag: string;
}

export interface PageCacheOptions<E extends Env> {
  /** The content revision: a kept page is served again only while it has not moved on. */
  revision: (c: Context<E>) => Promise<number>;
  /** Whether the page is the person's own (signed in: their header): never cached, never served from the cache. */
  personal: (c: Context<E>) => boolean;
  maxEntries?: number;
}

export function pageCache<E extends Env>(options: PageCacheOptions<E>): MiddlewareHandler<E> {
  const maxEntries = options.maxEntries ?? 2000;
  const entries = new Map<string, Entry>();
  let counter = 0;
  return async (c, next) => {
    if (c.req.method !== "GET" || options.personal(c) || new URL(c.req.url).search !== "") return next();
    const revision = await options.revision(c);
    const day = new Date().toISOString().slice(0, 10);
    const key = c.req.path;
    const hit = entries.get(key);
    if (hit && hit.revision === revision && hit.day === day) {
      if (c.req.header("if-none-match") === hit.etag) return c.body(null, 304, { etag: hit.etag });
      return c.html(hit.body, 200, { etag: hit.etag, "x-cache": "hit" });
    }
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    const uncacheable = /no-store|private/.test(c.res.headers.get("cache-control") ?? "");
    if (c.res.status !== 200 || !type.startsWith("text/html") || uncacheable) return;
    const body = await c.res.clone().text();
    const etag = `W/"${revision}-${day}-${(counter++).toString(36)}"`;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(key, { revision, day, body, etag });
    c.res.headers.set("etag", etag);
  };
}
