/**
 * Every request body is limited before anything reads it: small by default, larger only for the
 * few routes that need it (each capability states its own rules; src/app.tsx lists them). A declared Content-Length over the limit is
 * refused unread; a body without one (chunked) is read until it passes the limit, then refused. A
 * body within the limit is kept in memory and the request is replaced by one with a fixed length,
 * so later readers (the form reader, hono's parseBody, a route's own bodyLimit) never meet a
 * stream that was already consumed.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { type Messages, messages } from "../i18n/index.ts";
import { refusalResponse } from "../policy/refusal.tsx";

/**
 * What a route without a rule may receive: it fits every small form (sign-in, account, invitation,
 * administration) several times over; only the editor's forms and the import wizard need more.
 */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

export interface BodyRule {
  /** Matched against "METHOD /path" (the path as requested, with its /en or /fr). */
  route: RegExp;
  maxBytes: number;
  /** What the 413 page says; by default the limit in kB. `size`: the declared Content-Length, if any. */
  tooLarge?: (t: Messages, size?: number) => string;
}

export function limitFor(rules: readonly BodyRule[], fallback: number, method: string, path: string): BodyRule {
  const target = `${method} ${path}`;
  return rules.find((rule) => rule.route.test(target)) ?? { route: /.*/, maxBytes: fallback };
}

type Read = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false };

async function readAtMost(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Read> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop reading: the server drains or closes the rest of the upload itself.
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export function limitBodies(rules: readonly BodyRule[], fallback: number): MiddlewareHandler<AppEnv> {
  return async function limitBody(c, next) {
    // GET and HEAD carry no body; asking for one would make the server build a full Request object
    // for every page view (a tenth of a cached page's cost).
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const raw = c.req.raw;
    if (!raw.body) return next();
    const rule = limitFor(rules, fallback, c.req.method, c.req.path);
    const refuse = (size?: number) => tooLarge(c, rule, size);
    const declared = raw.headers.get("content-length");
    if (declared !== null && !raw.headers.has("transfer-encoding")) {
      const length = Number(declared);
      if (!Number.isSafeInteger(length) || length < 0) return refusalResponse(c, 400, "malformed");
      if (length > rule.maxBytes) return refuse(length);
    }
    let read: Read;
    try {
      read = await readAtMost(raw.body, rule.maxBytes);
    } catch {
      // The client went away or sent a broken body: nothing to answer it with but a 400.
      return refusalResponse(c, 400, "malformed");
    }
    if (!read.ok) return refuse();
    const headers = new Headers(raw.headers);
    headers.delete("transfer-encoding");
    headers.set("content-length", String(read.bytes.byteLength));
    c.req.raw = new Request(raw.url, { method: raw.method, headers, body: read.bytes, signal: raw.signal });
    return next();
  };
}

function tooLarge(c: Context<AppEnv>, rule: BodyRule, size?: number) {
  const t = messages(c.var.lang);
  const body = rule.tooLarge ? rule.tooLarge(t, size) : t.requestTooLargeBody(Math.floor(rule.maxBytes / 1024));
  return refusalResponse(c, 413, "tooLarge", body);
}
