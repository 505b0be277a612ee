/** Small helpers the wizard's handlers share: rendering an editor page, reading a form body safely. */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../../app-env.ts";
import { type Messages, otherLang } from "../../i18n/index.ts";
import { type BodyRule, DEFAULT_BODY_LIMIT } from "../../security/body-limit.ts";
import { switchLangPath } from "../../ui/urls.ts";
import { DEFAULT_MAX_IMPORT_BYTES } from "../case/model.ts";
import { megabytesDown, megabytesUp } from "../case/source.ts";

export type Status = 200 | 400 | 404 | 410 | 413 | 422;

/**
 * The largest upload accepted, from the IMPORT_MAX_MB setting (the CASE reader's own limit):
 * in bytes, in MB for messages, and the multipart body that carries it (a little more than its file).
 */
export function uploadLimits(maxBytes: number = DEFAULT_MAX_IMPORT_BYTES) {
  return { bytes: maxBytes, mb: megabytesDown(maxBytes), body: maxBytes + 256 * 1024 };
}

/** "The file is 12.4 MB, more than the 10 MB…" — the size when it is known, the limit always. */
export const tooLargeMessage = (t: Messages, maxBytes: number, size?: number) =>
  t.importTooLarge(megabytesDown(maxBytes), size === undefined ? undefined : megabytesUp(size));
/** A paste form carries the text (≤ 200 KB, up to 3× that URL-encoded) and the edited area. */
export const MAX_PASTE_BODY = 4 * 1024 * 1024;

/**
 * What the wizard's routes may receive (src/security/body-limit.ts applies it before anything reads
 * a body; src/app.tsx lists it before the editor's rule, first match wins).
 */
export const importBodyRules = (maxBytes: number = DEFAULT_MAX_IMPORT_BYTES): readonly BodyRule[] => [
  {
    route: /^POST \/(?:en|fr)\/editor\/import\/upload$/,
    maxBytes: uploadLimits(maxBytes).body,
    // The declared body is the file and a little multipart framing: near enough to say its size.
    tooLarge: (t, size) => tooLargeMessage(t, maxBytes, size),
  },
  { route: /^POST \/(?:en|fr)\/editor\/import\/upload\/confirm$/, maxBytes: DEFAULT_BODY_LIMIT },
  {
    route: /^POST \/(?:en|fr)\/editor\/import\/paste(?:\/review|\/confirm)?$/,
    maxBytes: MAX_PASTE_BODY,
    tooLarge: (t) => t.importPasteTooLarge,
  },
];

/**
 * An editor's page: never cached (it holds their work). Pages reached by GET get their other-language
 * twin; a page that answers a POST links to the other language's start page instead.
 */
export function renderPage(c: Context<AppEnv>, view: Child, title: string, status: Status = 200, alternate?: string) {
  const lang = c.var.lang;
  c.status(status);
  c.header("cache-control", "no-store");
  const twin = alternate ?? (c.req.method === "GET" ? switchLangPath(c.req.path, otherLang(lang)) : undefined);
  return c.render(view, { lang, title, alternate: twin, hideHeaderSearch: true });
}

/** The form body, or undefined when it cannot be read (malformed multipart, wrong content type). */
export async function readBody(c: Context<AppEnv>): Promise<Record<string, string | File> | undefined> {
  try {
    const body = await c.req.parseBody();
    // parseBody gives arrays for repeated names; a wizard form repeats none, so such a body is not ours.
    for (const value of Object.values(body)) if (Array.isArray(value)) return undefined;
    return body as Record<string, string | File>;
  } catch {
    return undefined;
  }
}

export const str = (value: unknown, max: number): string => (typeof value === "string" ? value.slice(0, max) : "");
