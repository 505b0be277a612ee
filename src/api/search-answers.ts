/**
 * The public search API's fast path (issue 12, decision 031). `GET /api/v1/search` is public,
 * anonymous and read-only, and its answer depends only on the search index and four parameters; yet
 * every request used to run the whole stack (request id, logging, trailing slash, sessions, CSRF,
 * security headers, the renderer, body limits, forgery checks, CORS), each adding headers through
 * Hono's `Headers` object, which then had to be converted again for node.
 *
 * Here the answer's headers are learned once from the first answer the full stack sends (so they stay
 * whatever the middleware decides: CORS, security headers, Vary) and replayed as a plain record with
 * a fresh `X-Request-Id`, which the node adapter writes as it is. Requests the fast path does not
 * answer (a bad parameter, an unknown framework, a session cookie, another method) go through the
 * full stack unchanged.
 *
 * Answers are also kept, per search index (one per content revision), keyed by the cleaned query and
 * the parameters that change the answer, least recently used first within entry and byte bounds;
 * `SEARCH_CACHE=off` searches every time (the bench's uncached figure).
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { requestLogContext } from "../log.ts";
import { type SearchIndex, searchIndexFor } from "../search/engine.ts";
import { cleanQuery } from "../search/normalize.ts";
import { BoundedLru } from "../ui/page-cache.ts";
import { readSearchRequest, type SearchRequest, searchAnswerJson } from "./search.ts";

export const SEARCH_API_PATH = "/api/v1/search";

/** Headers that belong to one answer only: never replayed. */
const PER_ANSWER = new Set(["x-request-id", "date", "content-length", "transfer-encoding", "connection", "x-cache"]);

export interface SearchAnswersOptions {
  /** False: every answer is searched afresh (SEARCH_CACHE=off); the fast path itself still applies. */
  cache: boolean;
  /** Whether the request may be a signed-in person's (a session cookie): left to the full stack. */
  personal: (c: Context<AppEnv>) => boolean;
  /** A fresh id for an answer, sent as X-Request-Id as the full stack would. */
  requestId: (c: Context<AppEnv>) => string;
  maxEntries?: number;
  maxBytes?: number;
}

/** Answers kept: at most this many, and this many bytes (a typical answer is 2–10 kB). */
export const SEARCH_CACHE_ENTRIES = 4_000;
export const SEARCH_CACHE_BYTES = 16 * 1024 * 1024;

export interface SearchAnswers {
  middleware: MiddlewareHandler<AppEnv>;
  /** Kept answers (tests and diagnostics). */
  stats(): { entries: number; bytes: number; learned: boolean };
}

type ReadRequest = Extract<SearchRequest, { ok: true }>;

/** The cache key: everything the answer depends on besides the index. */
function keyOf(request: ReadRequest): string {
  return `${request.lang}\u0000${request.limit}\u0000${request.framework ?? ""}\u0000${cleanQuery(request.q)}`;
}

export function createSearchAnswers(options: SearchAnswersOptions): SearchAnswers {
  const maxEntries = options.maxEntries ?? SEARCH_CACHE_ENTRIES;
  const maxBytes = options.maxBytes ?? SEARCH_CACHE_BYTES;
  /** The full stack's headers for a search answer, learned from its first one. */
  let headers: Record<string, string> | undefined;
  /** Answers kept for one index; a new index (a new revision) starts afresh. */
  let kept: { index: SearchIndex; answers: BoundedLru<Uint8Array> } | undefined;

  const learn = (response: Response) => {
    if (response.status !== 200 || response.headers.has("set-cookie")) return;
    if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return;
    const learned: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!PER_ANSWER.has(name)) learned[name] = value;
    });
    headers = learned;
  };

  const answerOf = (index: SearchIndex, request: ReadRequest): { body: Uint8Array; hit: boolean } => {
    if (!options.cache) return { body: Buffer.from(searchAnswerJson(index, request)), hit: false };
    if (kept?.index !== index) kept = { index, answers: new BoundedLru(maxEntries, maxBytes) };
    const key = keyOf(request);
    const known = kept.answers.get(key);
    if (known) return { body: known, hit: true };
    const body = Buffer.from(searchAnswerJson(index, request));
    kept.answers.set(key, body, body.byteLength + key.length * 2);
    return { body, hit: false };
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== "GET" || c.req.path !== SEARCH_API_PATH || options.personal(c)) return next();
    if (!headers) {
      await next();
      learn(c.res);
      return;
    }
    const started = performance.now();
    const request = await readSearchRequest(c);
    if (!request.ok) return next();
    const index = await searchIndexFor(c.var.catalog);
    const { body, hit } = answerOf(index, request);
    const id = options.requestId(c);
    const logger = c.var.logger;
    if (logger.isLevelEnabled("debug")) {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      requestLogContext.run({ requestId: id }, () =>
        logger.debug({ method: "GET", path: SEARCH_API_PATH, status: 200, ms }, "request"),
      );
    }
    // A plain record, not a Headers object: the node adapter writes it without converting.
    const answerHeaders: Record<string, string> = { ...headers, "x-request-id": id };
    if (hit) answerHeaders["x-cache"] = "hit";
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: answerHeaders });
  };

  return {
    middleware,
    stats: () => ({
      entries: kept?.answers.size ?? 0,
      bytes: kept?.answers.bytes ?? 0,
      learned: headers !== undefined,
    }),
  };
}
