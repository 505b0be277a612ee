/**
 * The read-only JSON API (/api/v1): published frameworks, whole trees, and the OpenAPI document.
 * Public data, so any origin may read it; responses are cacheable for a minute and revalidate
 * cheaply through ETags tied to the content revision.
 */
import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../app-env.ts";
import { outputKey, outputMatches, outputStream, outputsFor } from "../editions/outputs.ts";
import { frameworkJsonPieces, frameworkSummaryJson } from "../frameworks/json.ts";
import { messages } from "../i18n/index.ts";
import { apiError, frameworkNotFound } from "./errors.ts";
import { ifNoneMatchMatches, revisionEtag } from "./etag.ts";
import { frameworkLinks } from "./links.ts";
import { openApiDocument } from "./openapi.ts";
import { frameworkIdParam } from "./params.ts";
import { findPublishedFramework } from "./resolve.ts";

const CACHE_CONTROL = "public, max-age=60";

/** Answers 304 when the client's copy is current; otherwise sends `body` (already JSON text). */
function sendCacheable(c: Context<AppEnv>, etag: string, body: () => string) {
  c.header("etag", etag);
  c.header("cache-control", CACHE_CONTROL);
  if (ifNoneMatchMatches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
  c.header("content-type", "application/json; charset=UTF-8");
  return c.body(body());
}

export function apiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], exposeHeaders: ["ETag"], maxAge: 86400 }));

  app.get("/frameworks", async (c) => {
    const revision = await c.var.catalog.revision();
    const frameworks = await c.var.catalog.list();
    const baseUrl = c.var.config.baseUrl;
    return sendCacheable(c, revisionEtag(revision, "frameworks"), () =>
      JSON.stringify({
        frameworks: frameworks.map((framework) => ({
          ...frameworkSummaryJson({ framework }),
          links: frameworkLinks(baseUrl, framework),
        })),
      }),
    );
  });

  app.get("/frameworks/:id", async (c) => {
    const ref = frameworkIdParam.safeParse(c.req.param("id"));
    if (!ref.success) return apiError(c, "bad_request", messages(c.var.lang).apiBadFrameworkId);
    const revision = await c.var.catalog.revision();
    const view = await findPublishedFramework(c.var.catalog, ref.data);
    if (!view) return frameworkNotFound(c);
    // A whole tree is written out once per edition, in slices, and then served from its bytes.
    const outputs = outputsFor(c.var.catalog, c.var.config.outputCacheMb);
    const output = await outputs.get(outputKey(view, revision, "bilingual", "tree.json"), () =>
      frameworkJsonPieces(view),
    );
    c.header("etag", output.etag);
    c.header("cache-control", CACHE_CONTROL);
    if (outputMatches(output, c.req.header("if-none-match"))) return c.body(null, 304);
    c.header("content-type", "application/json; charset=UTF-8");
    c.header("content-length", String(output.bytes));
    return c.body(outputStream(output));
  });

  app.get("/openapi.json", (c) => {
    c.header("cache-control", CACHE_CONTROL);
    return c.json(openApiDocument(c.var.config.baseUrl));
  });

  return app;
}
