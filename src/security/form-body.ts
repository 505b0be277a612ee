/**
 * The one place a form body is read. The request-protection middleware (csrf.ts) reads every
 * form post once, after the body limit: a malformed body (broken multipart, a bad boundary, bytes
 * that are not a form) is answered with a translated 400 there and never reaches a handler.
 * Handlers then get the same parsed body from `formBody(c)` (or from hono's `c.req.parseBody()`,
 * which returns the cached result), so none of them can turn a bad body into a 500.
 */
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";

export type FormBody = Record<string, string | File>;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** True when the request says it carries a form (the only bodies the app's routes read as fields). */
export function isFormRequest(c: Context<AppEnv>): boolean {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  return FORM_TYPES.has(type);
}

/** Keyed by the request's context, like everything else kept per request. */
const parsed = new WeakMap<Context<AppEnv>, FormBody>();

/**
 * Parses the body once; undefined when it cannot be read. A field sent twice keeps its last value
 * (as hono does); routes that want every value ask `c.req.parseBody({ all: true })`, which reuses
 * the same parsed form.
 */
export async function readFormBody(c: Context<AppEnv>): Promise<FormBody | undefined> {
  const known = parsed.get(c);
  if (known) return known;
  if (!isFormRequest(c)) return {};
  try {
    const body = (await c.req.parseBody()) as FormBody;
    parsed.set(c, body);
    return body;
  } catch {
    return undefined;
  }
}

/** The body the middleware already read (an empty form for a request that is not a form). */
export async function formBody(c: Context<AppEnv>): Promise<FormBody> {
  return (await readFormBody(c)) ?? {};
}
