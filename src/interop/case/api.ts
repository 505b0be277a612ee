/**
 * The read-only CASE 1.1 REST API (1EdTech binding, base path /ims/case/v1p1). Public data: any
 * origin may read it. Only published editions are served: everything comes through the Catalog.
 * Errors carry the standard's imsx_StatusInfo payload; an invalid or unknown identifier is a 404,
 * as the binding says; a bad query parameter is a 400.
 */
import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { z } from "zod";
import { ifNoneMatchMatches, revisionEtag } from "../../api/etag.ts";
import type { AppEnv } from "../../app-env.ts";
import type { Catalog } from "../../editions/catalog.ts";
import { outputKey, outputMatches, outputStream, outputsFor } from "../../editions/outputs.ts";
import { messages } from "../../i18n/index.ts";
import { caseExportChunks } from "./export.ts";
import { type DefinitionKind, isUuid } from "./model.ts";
import { createPublishedCases, documentFor, type PublishedCases } from "./published.ts";
import type { Json } from "./reader.ts";

type CodeMinor =
  | "forbidden"
  | "invalid_selection_field"
  | "invalid_sort_field"
  | "invalid_uuid"
  | "unknownobject"
  | "internal_server_error";

/** The standard's status payload for a failed request. */
export function statusInfo(description: string, field: string, minor: CodeMinor) {
  return {
    imsx_codeMajor: "failure",
    imsx_severity: "error",
    imsx_description: description,
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: field, imsx_codeMinorFieldValue: minor }] },
  };
}

const fail = (
  c: Context<AppEnv>,
  status: 400 | 404 | 405 | 500,
  description: string,
  field: string,
  minor: CodeMinor,
) => c.json(statusInfo(description, field, minor), status);

const SORT_FIELDS = [
  "identifier",
  "uri",
  "title",
  "creator",
  "publisher",
  "description",
  "version",
  "adoptionStatus",
  "language",
  "lastChangeDateTime",
  "officialSourceURL",
] as const;
const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const listQuery = z.object({
  limit: whole(1, 10_000).optional(),
  offset: whole(0, 1_000_000_000).optional(),
  sort: z.enum(SORT_FIELDS).optional(),
  orderBy: z.enum(["asc", "desc"]).optional(),
  filter: z.undefined().optional(),
  fields: z.string().optional(),
});

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const cases = new WeakMap<Catalog, PublishedCases>();

function publishedCases(c: Context<AppEnv>): PublishedCases {
  let found = cases.get(c.var.catalog);
  if (!found) {
    found = createPublishedCases(c.var.db, c.var.catalog, c.var.config.baseUrl);
    cases.set(c.var.catalog, found);
  }
  return found;
}

/** JSON with a revision ETag, answering 304 when the client's copy is current. */
async function sendJson(
  c: Context<AppEnv>,
  resource: string,
  body: () => Promise<Json | undefined> | Json | undefined,
  notFound: () => Response,
) {
  const etag = revisionEtag(await c.var.catalog.revision(), `case-${resource}`);
  const value = await body();
  if (value === undefined) return notFound();
  c.header("etag", etag);
  c.header("cache-control", "public, max-age=60");
  if (ifNoneMatchMatches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
  return c.json(value);
}

/** Methods that would write: the service is read-only, so each answers 405 with the status payload. */
export const CASE_WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

/**
 * 405 for a write under the CASE API. Mounted by the app before its CSRF check (which would
 * otherwise answer a cross-site form post with an HTML page) as well as inside the routes below.
 */
export function caseReadOnly(c: Context<AppEnv>): Response {
  c.header("allow", "GET, HEAD, OPTIONS");
  return fail(c, 405, messages(c.var.lang).caseApiReadOnly(c.req.method), "method", "forbidden");
}

export function caseApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(
    "*",
    cors({
      origin: "*",
      allowMethods: ["GET", "HEAD", "OPTIONS"],
      exposeHeaders: ["ETag", "X-Total-Count"],
      maxAge: 86400,
    }),
  );
  app.use("*", async (c, next) => {
    await next();
    c.header("vary", "Accept-Language", { append: true });
  });

  const unknown = (c: Context<AppEnv>, kind: string, id: string) =>
    fail(c, 404, messages(c.var.lang).caseApiUnknown(kind, id), "sourcedId", "unknownobject");
  /** The identifier from the path, or the 404 that an invalid one gets. */
  const identifier = (c: Context<AppEnv>): string | Response => {
    const id = c.req.param("id") ?? "";
    const shown = id.slice(0, 100);
    return isUuid(id)
      ? id.toLowerCase()
      : fail(c, 404, messages(c.var.lang).caseApiInvalidUuid(shown), "sourcedId", "invalid_uuid");
  };

  app.get("/CFDocuments", async (c) => {
    const t = messages(c.var.lang);
    const parsed = listQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? "filter");
      const text: Record<string, string> = {
        limit: t.caseApiBadLimit,
        offset: t.caseApiBadOffset,
        sort: t.caseApiBadSort(SORT_FIELDS.join(", ")),
        orderBy: t.caseApiBadOrderBy,
        filter: t.caseApiFilterUnsupported,
      };
      return fail(
        c,
        400,
        text[field] ?? t.caseApiFilterUnsupported,
        field,
        field === "sort" ? "invalid_sort_field" : "invalid_selection_field",
      );
    }
    const { limit, offset = 0, sort, orderBy = "asc" } = parsed.data;
    const baseUrl = c.var.config.baseUrl;
    let documents = (await publishedCases(c).all()).map((f) => documentFor(f.view, baseUrl));
    if (sort) {
      const direction = orderBy === "desc" ? -1 : 1;
      const key = (d: Json) => (typeof d[sort] === "string" ? (d[sort] as string) : null);
      documents = documents.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // missing values last
        return direction * collator.compare(x, y);
      });
    } else if (orderBy === "desc") documents.reverse();
    const page = documents.slice(offset, limit === undefined ? undefined : offset + limit);
    c.header("X-Total-Count", String(documents.length));
    // The binding's CFDocumentSet holds at least one document: an empty page is "not found".
    if (page.length === 0) return fail(c, 404, t.caseApiEmptyPage, "offset", "unknownobject");
    return c.json({ CFDocuments: page });
  });

  app.get("/CFDocuments/:id", async (c) => {
    const id = identifier(c);
    if (typeof id !== "string") return id;
    return sendJson(
      c,
      `doc-${id}`,
      () => publishedCases(c).document(id),
      () => unknown(c, "CFDocument", id),
    );
  });

  app.get("/CFPackages/:id", async (c) => {
    const id = identifier(c);
    if (typeof id !== "string") return id;
    const revision = await c.var.catalog.revision();
    const found = (await publishedCases(c).all()).find((f) => f.view.framework.id === id);
    if (!found) return unknown(c, "CFPackage", id);
    // Written out once per edition, in slices, and then served from its bytes (src/editions/outputs.ts).
    const outputs = outputsFor(c.var.catalog, c.var.config.outputCacheMb);
    const output = await outputs.get(outputKey(found.view, revision, "bilingual", "case.json"), async () =>
      caseExportChunks((await found.get()).input),
    );
    c.header("etag", output.etag);
    c.header("cache-control", "public, max-age=60");
    if (outputMatches(output, c.req.header("if-none-match"))) return c.body(null, 304);
    c.header("content-type", "application/json; charset=UTF-8");
    c.header("content-length", String(output.bytes));
    return c.body(outputStream(output));
  });

  app.get("/CFItems/:id", async (c) => {
    const id = identifier(c);
    if (typeof id !== "string") return id;
    return sendJson(
      c,
      `item-${id}`,
      async () => (await publishedCases(c).item(id))?.item,
      () => unknown(c, "CFItem", id),
    );
  });

  app.get("/CFAssociations/:id", async (c) => {
    const id = identifier(c);
    if (typeof id !== "string") return id;
    return sendJson(
      c,
      `association-${id}`,
      () => publishedCases(c).association(id),
      () => unknown(c, "CFAssociation", id),
    );
  });

  app.get("/CFItemAssociations/:id", async (c) => {
    const id = identifier(c);
    if (typeof id !== "string") return id;
    return sendJson(
      c,
      `item-associations-${id}`,
      async () => {
        const found = await publishedCases(c).item(id);
        if (!found) return undefined;
        const associations = (found.published.associations().byItem.get(id) ?? []).map(
          ({ CFDocumentURI: _link, ...a }) => a,
        );
        return { CFItem: found.item, CFAssociations: associations };
      },
      () => unknown(c, "CFItem", id),
    );
  });

  const definition = (path: string, kind: DefinitionKind, name: string, set?: string) =>
    app.get(`/${path}/:id`, async (c) => {
      const id = identifier(c);
      if (typeof id !== "string") return id;
      return sendJson(
        c,
        `${kind}-${id}`,
        async () => {
          const found = await publishedCases(c).definition(kind, id);
          return found && set ? { [set]: [found] } : found;
        },
        () => unknown(c, name, id),
      );
    });
  definition("CFItemTypes", "itemType", "CFItemType", "CFItemTypes");
  definition("CFSubjects", "subject", "CFSubject", "CFSubjects");
  definition("CFConcepts", "concept", "CFConcept", "CFConcepts");
  definition("CFLicenses", "license", "CFLicense");
  definition("CFAssociationGroupings", "associationGrouping", "CFAssociationGrouping");
  definition("CFRubrics", "rubric", "CFRubric");

  app.on(CASE_WRITE_METHODS, "*", caseReadOnly);
  app.all("*", (c) => fail(c, 404, messages(c.var.lang).caseApiNoEndpoint, "path", "unknownobject"));
  app.onError((error, c) => {
    c.var.logger.error({ err: error, path: c.req.path }, "CASE API request failed");
    return fail(c, 500, messages(c.var.lang).caseApiServerError, "request", "internal_server_error");
  });
  return app;
}
