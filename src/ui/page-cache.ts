/**
 * Public pages change only when content does, so a rendered page is kept and served again until the
 * content revision (or the day, which printouts show) changes.
 *
 * The key is what changes the page, not the raw URL (decision 021): the path (which carries the
 * language) and the query parameters the page's route declares it reads (`cachedPage(...)` below),
 * normalised so that equivalent URLs share one entry. Anything else in the query string
 * (`utm_source`, `fbclid`, junk) is ignored, so a shared link with tracking parameters is a hit.
 * A route that declares nothing is cached only when the request has no query string at all: it may
 * read parameters the cache cannot know about.
 *
 * The cache is bounded twice: by entries and by bytes, least recently used first, so a flood of
 * distinct values of a read parameter (every search a visitor types) evicts old pages instead of
 * growing memory.
 */
import type { Context, Env, MiddlewareHandler } from "hono";

/** Turns one query parameter's raw value into its canonical form ("" means: as if absent). */
export type Normalise = (value: string) => string;

/** What a cached route says about itself: the parameters it reads, and any header-driven variant. */
export interface PageDeclaration {
  /** Parameter name → its normaliser. Only these parameters make two URLs different pages. */
  reads: Readonly<Record<string, Normalise>>;
  /**
   * A variant of the page chosen by request headers, not the URL (htmx asks for results only);
   * the empty string is the page itself.
   */
  variant?: (c: Context) => string;
}

const NO_READS: PageDeclaration = { reads: {} };
const declared = new WeakMap<Context, PageDeclaration>();

/** The default normaliser: the value as given (the page reads it as given), empty as absent. */
export const asGiven: Normalise = (value) => value;

/**
 * Route middleware declaring that the page may be cached, and which query parameters it reads.
 * `cachedPage()` for a page that reads none; `cachedPage({ q: normaliseQuery })` for one that does.
 */
export function cachedPage(
  reads: Readonly<Record<string, Normalise>> = {},
  variant?: (c: Context) => string,
): MiddlewareHandler {
  const declaration: PageDeclaration = Object.keys(reads).length === 0 && !variant ? NO_READS : { reads, variant };
  return async (c, next) => {
    declared.set(c, declaration);
    await next();
  };
}

/**
 * The canonical query part of a cache key: the declared parameters in name order, each by its
 * first value (what `c.req.query(name)` reads), normalised, empty ones left out. Pure.
 */
export function canonicalQuery(search: string, reads: Readonly<Record<string, Normalise>>): string {
  const names = Object.keys(reads);
  if (names.length === 0 || search === "" || search === "?") return "";
  const params = new URLSearchParams(search);
  const parts: string[] = [];
  for (const name of names.sort()) {
    const raw = params.get(name);
    if (raw === null) continue;
    const value = reads[name](raw);
    if (value !== "") parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return parts.join("&");
}

interface Entry {
  revision: number;
  day: string;
  body: Uint8Array<ArrayBuffer>;
  /**
   * Every header of the answer as first sent, but the request's own id and the transport's, plus
   * its ETag and `x-cache: hit`: what a hit sends, with only its request id added.
   */
  headers: Record<string, string>;
  etag: string;
  /** The route's declaration when it was kept (undefined: it declared nothing). */
  declaration: PageDeclaration | undefined;
}

/** Headers that belong to one answer only, never replayed from the cache. */
const PER_ANSWER = new Set(["x-request-id", "date", "content-length", "transfer-encoding", "connection", "etag"]);

/**
 * A map bounded by entry count and by total bytes, evicting the least recently used first. Pure
 * data structure (no clock), exported for its own tests.
 */
export class BoundedLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    // Re-inserting moves it to the most recently used end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.value;
  }

  /** Keeps the value unless it alone exceeds the byte budget; evicts until both bounds hold. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.maxBytes || this.maxEntries < 1) return false;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
    return true;
  }

  delete(key: string): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    this.totalBytes -= found.bytes;
  }
}

export interface PageCacheOptions<E extends Env> {
  /** The content revision: a kept page is served again only while it has not moved on. */
  revision: () => Promise<number>;
  /**
   * The content revision when it is known without waiting (no check of the database due), else
   * undefined: the front door then answers a hit without a single await.
   */
  revisionNow?: () => number | undefined;
  /** Whether a request's headers carry a session cookie (the front door leaves those to the app). */
  sessionCookie?: (headers: Headers) => boolean;
  /**
   * Whether the page may be the person's own (signed in: their header): never cached, never served
   * from the cache. Asked before the request is handled (a session cookie is enough to say yes)
   * and again after (the session found a person).
   */
  personal: (c: Context<E>) => boolean;
  /** The paths the cache looks at (readers' pages); every other request passes straight through. */
  scope?: (path: string) => boolean;
  /**
   * The id of an answer served from the cache, sent as X-Request-Id like every other answer: given
   * the request's own X-Request-Id header (a proxy's), it keeps it or makes a fresh one.
   */
  requestId?: (given: string | null) => string;
  /** False turns the cache off (PAGE_CACHE=off): every page is rendered, as the bench's render figure wants. */
  enabled?: boolean;
  maxEntries?: number;
  /** Total size of the kept pages; one page larger than a quarter of it is never kept. */
  maxBytes?: number;
}

export const DEFAULT_MAX_ENTRIES = 2000;
export const DEFAULT_MAX_BYTES = 48 * 1024 * 1024;

export interface PageCache<E extends Env> {
  middleware: MiddlewareHandler<E>;
  /**
   * The front door, for the app's `fetch` before any routing: a kept page's answer for a plain
   * reader's request it can decide from the request alone (a Response, or a promise of one or of
   * undefined when it had to ask for the revision); undefined to let the app handle it (and its
   * middleware fill the cache). It decides exactly as the middleware would.
   */
  front(request: Request): Response | Promise<Response | undefined> | undefined;
  /** How many pages and bytes are kept (tests and diagnostics). */
  stats(): { entries: number; bytes: number; routes: number };
}

export function createPageCache<E extends Env>(options: PageCacheOptions<E>): PageCache<E> {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const pages = new BoundedLru<Entry>(maxEntries, maxBytes);
  // What each path's route declared, learned from its first cacheable answer: a path belongs to one
  // route, so later requests can be keyed before the route runs. Bounded like the pages.
  const routes = new BoundedLru<PageDeclaration>(maxEntries * 4, Number.POSITIVE_INFINITY);
  let counter = 0;

  /** The entry key, or undefined when the request has a query string its route never declared. */
  const keyOf = (c: Context<E>, path: string, search: string, declaration: PageDeclaration | undefined) => {
    if (search !== "" && !declaration) return undefined;
    const query = declaration && search !== "" ? canonicalQuery(search, declaration.reads) : "";
    const variant = declaration?.variant?.(c as Context) ?? "";
    return query === "" && variant === "" ? path : `${path}?${query}\n${variant}`;
  };

  /** The kept answer for this request, or undefined. */
  const answer = (
    hit: Entry | undefined,
    revision: number,
    header: (name: string) => string | null | undefined,
  ): Response | undefined => {
    if (!hit || hit.revision !== revision || hit.day !== today()) return undefined;
    const id = options.requestId?.(header("x-request-id") ?? null);
    if (header("if-none-match") === hit.etag)
      return new Response(null, {
        status: 304,
        headers: id ? { etag: hit.etag, "x-request-id": id } : { etag: hit.etag },
      });
    // A plain record, not a Headers object: the node adapter then writes it without converting.
    if (!id) return new Response(hit.body, { status: 200, headers: hit.headers });
    return new Response(hit.body, { status: 200, headers: { ...hit.headers, "x-request-id": id } });
  };

  /** The entry a request names, if its route is remembered and the request is a plain one. */
  const front = (request: Request): Response | Promise<Response | undefined> | undefined => {
    if (options.enabled === false || request.method !== "GET") return undefined;
    const url = request.url;
    const start = url.indexOf("/", url.indexOf("//") + 2);
    const mark = url.indexOf("?", start);
    const path = mark < 0 ? url.slice(start) : url.slice(start, mark);
    // An encoded path is decoded by the router before the middleware keys it: left to the app.
    if (start < 0 || path.includes("%") || (options.scope && !options.scope(path))) return undefined;
    if (options.sessionCookie?.(request.headers) !== false) return undefined;
    const known = routes.get(path);
    const search = mark < 0 ? "" : url.slice(mark);
    // A route choosing a variant by headers reads the request's context: left to the middleware.
    if (!known || known.variant) return undefined;
    const query = search !== "" ? canonicalQuery(search, known.reads) : "";
    const hit = pages.get(query === "" ? path : `${path}?${query}\n`);
    if (!hit) return undefined;
    const header = (name: string) => request.headers.get(name);
    const now = options.revisionNow?.();
    if (now !== undefined) return answer(hit, now, header);
    return options.revision().then((revision) => answer(hit, revision, header));
  };

  const middleware: MiddlewareHandler<E> = async (c, next) => {
    if (options.enabled === false || c.req.method !== "GET") return next();
    const path = c.req.path;
    if ((options.scope && !options.scope(path)) || options.personal(c)) return next();
    const url = c.req.url;
    const mark = url.indexOf("?");
    const search = mark < 0 ? "" : url.slice(mark);
    const revision = await options.revision();
    const day = today();
    const known = routes.get(path);
    const key = keyOf(c, path, search, known);
    const hit = key === undefined ? undefined : pages.get(key);
    // A path whose route is no longer remembered is keyed by path alone: the entry's own declaration
    // confirms the request really is that page (not another variant of it).
    const fits = hit !== undefined && (known !== undefined || keyOf(c, path, search, hit.declaration) === key);
    const served = fits ? answer(hit, revision, (name) => c.req.header(name)) : undefined;
    if (served) return served;
    await next();
    const response = c.res;
    const type = response.headers.get("content-type") ?? "";
    const uncacheable =
      /no-store|private/.test(response.headers.get("cache-control") ?? "") || response.headers.has("set-cookie");
    if (response.status !== 200 || !type.startsWith("text/html") || uncacheable || options.personal(c)) return;
    // A page that carries its own ETag is kept by its route (src/editions/outputs.ts), not again here.
    if (response.headers.has("etag")) return;
    const declaration = declared.get(c);
    if (declaration) routes.set(path, declaration, 0);
    const storeKey = keyOf(c, path, search, declaration);
    if (storeKey === undefined) return;
    const body = new Uint8Array(await response.clone().arrayBuffer());
    if (body.byteLength > maxBytes / 4) return;
    const etag = `W/"${revision}-${day}-${(counter++).toString(36)}"`;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!PER_ANSWER.has(name)) headers[name] = value;
    });
    headers.etag = etag;
    headers["x-cache"] = "hit";
    pages.set(storeKey, { revision, day, body, headers, etag, declaration }, body.byteLength + storeKey.length * 2);
    response.headers.set("etag", etag);
  };

  return { middleware, front, stats: () => ({ entries: pages.size, bytes: pages.bytes, routes: routes.size }) };
}

/** Today's date (UTC), worked out again only when the day may have changed. */
let dayKnown = { until: 0, day: "" };
function today(): string {
  const now = Date.now();
  if (now < dayKnown.until) return dayKnown.day;
  const day = new Date(now).toISOString().slice(0, 10);
  dayKnown = { until: Date.parse(`${day}T00:00:00.000Z`) + 86_400_000, day };
  return day;
}

/** The middleware alone, for apps that need no statistics. */
export function pageCache<E extends Env>(options: PageCacheOptions<E>): MiddlewareHandler<E> {
  return createPageCache(options).middleware;
}
