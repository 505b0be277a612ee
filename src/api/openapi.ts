/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. It is the contract the
 * tests hold every API response to, so a change of shape fails a test until it is described here.
 */
import { DEFAULT_LIMIT, MAX_LIMIT } from "../search/engine.ts";
import { peopleParameters, peoplePaths, peopleSchemas, peopleSecuritySchemes } from "./openapi-people.ts";
import { profilePaths, profileSchemas } from "./openapi-profiles.ts";
import { scalePaths, scaleSchemas } from "./openapi-scales.ts";
import type { JsonSchema, OpenApiDocument, Response } from "./openapi-types.ts";

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: "string" | "integer"): JsonSchema => ({ type: [type, "null"] });
const timestamp = (description: string): JsonSchema => ({ type: "string", format: "date-time", description });
const perLanguage = (description: string): JsonSchema => ({
  type: "object",
  description,
  required: ["en", "fr"],
  properties: { en: { type: "string", format: "uri" }, fr: { type: "string", format: "uri" } },
});
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const cachingHeaders = {
  ETag: { $ref: "#/components/headers/ETag" },
  "Cache-Control": { $ref: "#/components/headers/CacheControl" },
};

/** Present only for a framework whose source named its language: not among the required fields. */
const languageField: JsonSchema = {
  type: "string",
  description:
    "BCP 47 tag of the framework's language, as its source (a CASE package) gave it. When it is neither English nor French, the text under `en` is in this language.",
  examples: ["de", "en-GB"],
};

/** Fields every framework representation carries (summary in the list, and the whole tree). */
const frameworkFields: Record<string, JsonSchema> = {
  id: { type: "string", format: "uuid" },
  slug: { type: "string", description: "Short name used in URLs; accepted wherever an id is." },
  type: { const: "framework" },
  title: ref("Bilingual"),
  description: ref("Bilingual"),
  publisher: nullable("string"),
  version: {
    type: "string",
    description:
      "The published edition's number, as text: the framework's public version, the same number its pages and printouts show as “Edition N”.",
    examples: ["2"],
  },
  status: {
    type: "string",
    description: "Publication status; the API lists published frameworks only.",
    examples: ["published"],
  },
  licence: { ...nullable("string"), description: "Licence of the content, e.g. CC BY 4.0." },
  createdAt: timestamp(
    "When the framework began, as far as this site knows: when it was created here, or the date of change its source gave (an import or the starter content) when that is earlier. Never later than updatedAt.",
  ),
  updatedAt: timestamp(
    "When the framework's own fields (title, description…) last changed, as of the edition served. Not the publication time, and not changes to items: see lastUpdated.",
  ),
};

const schemas: Record<string, JsonSchema> = {
  Bilingual: {
    type: "object",
    description: "A text in English and French; null where that language is missing.",
    required: ["en", "fr"],
    properties: { en: nullable("string"), fr: nullable("string") },
  },
  Item: {
    type: "object",
    description: "A node of the tree (category, area, competency, KSA… — item types are data).",
    required: ["id", "type", "code", "position", "statement", "description", "updatedAt", "lastUpdated", "children"],
    properties: {
      id: { type: "string", format: "uuid" },
      type: { type: "string", description: "Code of the item type, see Framework.itemTypes.", examples: ["area"] },
      code: { ...nullable("string"), description: "Human code, e.g. ML.CR.2.", examples: ["ML.CR"] },
      position: { type: "integer", description: "Order among siblings; children are already sorted." },
      statement: ref("Bilingual"),
      description: ref("Bilingual"),
      updatedAt: timestamp(
        "When this item itself last changed (its texts, code, type or place), or an item directly under it was added, removed or moved; an imported item keeps the date its source gave.",
      ),
      lastUpdated: timestamp(
        "The newest updatedAt of this item and everything under it: an area's “last updated” on its page. Never earlier than updatedAt.",
      ),
      children: { type: "array", items: ref("Item") },
    },
  },
  ItemType: {
    type: "object",
    required: ["code", "label"],
    properties: { code: { type: "string", examples: ["competency"] }, label: ref("Bilingual") },
  },
  FrameworkLinks: {
    type: "object",
    required: ["self", "html", "full"],
    properties: {
      self: { type: "string", format: "uri", description: "This framework in the API (the whole tree)." },
      html: perLanguage("The framework's home page."),
      full: perLanguage("The whole framework on one page, for printing."),
    },
  },
  FrameworkSummary: {
    type: "object",
    required: [...Object.keys(frameworkFields), "links"],
    properties: { ...frameworkFields, language: languageField, links: ref("FrameworkLinks") },
  },
  FrameworkList: {
    type: "object",
    required: ["frameworks"],
    properties: { frameworks: { type: "array", items: ref("FrameworkSummary") } },
  },
  Framework: {
    type: "object",
    description:
      "A framework and its whole tree, nested through `children`. Same shape as `skillshelf export --format json`.",
    required: [...Object.keys(frameworkFields), "lastUpdated", "itemTypes", "children"],
    properties: {
      ...frameworkFields,
      language: languageField,
      lastUpdated: timestamp(
        "The newest change anywhere in the edition served: the latest of the framework's updatedAt and every item's. Never earlier than updatedAt.",
      ),
      itemTypes: { type: "array", items: ref("ItemType"), description: "The levels of this framework, top first." },
      children: { type: "array", items: ref("Item"), description: "Top-level items (categories in the starter)." },
      adoptedFrom: ref("AdoptedFrom"),
    },
  },
  AdoptedFrom: {
    type: "object",
    description:
      "Present only for a framework adopted from another: its source, and the source's edition it is based on.",
    required: ["id", "slug", "title", "edition"],
    properties: {
      id: { type: "string", format: "uuid" },
      slug: { type: "string" },
      title: ref("Bilingual"),
      edition: {
        type: "integer",
        minimum: 1,
        description: "The source's edition this edition had caught up with when published.",
      },
    },
  },
  Error: {
    type: "object",
    required: ["error", "message"],
    properties: {
      error: { type: "string", description: "Stable identifier to branch on.", examples: ["not_found", "bad_request"] },
      message: { type: "string", description: "Explanation in the language of Accept-Language (en or fr)." },
    },
  },
  SearchArea: {
    type: "object",
    description: "The area a group of hits belongs to.",
    required: ["id", "key", "code", "statement", "frameworkSlug"],
    properties: {
      id: { type: "string", format: "uuid" },
      key: { type: "string", description: "The area's key in page URLs (its code when unique)." },
      code: nullable("string"),
      statement: ref("Bilingual"),
      frameworkSlug: { type: "string" },
    },
  },
  SearchHit: {
    type: "object",
    required: ["id", "key", "code", "type", "statement", "matchedTerms", "score"],
    properties: {
      id: { type: "string", format: "uuid" },
      key: { type: "string", description: "The item's key in page URLs." },
      code: nullable("string"),
      type: { type: "string", examples: ["competency"] },
      statement: ref("Bilingual"),
      matchedTerms: { type: "array", items: { type: "string" }, description: "Indexed words the query matched." },
      score: { type: "number" },
    },
  },
  SearchGroup: {
    type: "object",
    required: ["area", "hits"],
    properties: { area: ref("SearchArea"), hits: { type: "array", items: ref("SearchHit") } },
  },
  SearchResult: {
    type: "object",
    required: ["query", "lang", "total", "groups"],
    properties: {
      query: { type: "string", description: "The query as searched: trimmed, cleaned and cut to length." },
      correctedQuery: {
        type: "string",
        description:
          'Present when some words of the query matched only through typo tolerance: the query with those words replaced by the words of the index they were read as ("budjet" → "budget").',
      },
      termsIgnored: {
        type: "integer",
        minimum: 1,
        description:
          "Present when the query held more distinct words than are searched (12): how many were left out. The first 12, in the order typed, were searched.",
      },
      lang: { enum: ["en", "fr"] },
      total: {
        type: "integer",
        minimum: 0,
        description: "Number of matching items, of which at most `limit` are in `groups`.",
      },
      groups: { type: "array", items: ref("SearchGroup"), description: "Hits grouped by area, best first." },
    },
  },
};

// Organisations' signed-in API (src/people): units.
schemas.OrganisationUnit = {
  type: "object",
  description: "A branch or department of an organisation.",
  required: ["id", "parentId", "name", "position", "depth", "head"],
  properties: {
    id: { type: "string", format: "uuid" },
    parentId: { type: ["string", "null"], format: "uuid", description: "The unit above it; null at the top level." },
    name: {
      type: "object",
      required: ["en", "fr"],
      properties: { en: { type: "string" }, fr: { type: "string" } },
    },
    position: { type: "integer", minimum: 1, description: "Its place among the units under the same parent." },
    depth: { type: "integer", minimum: 0, description: "0 for a top-level unit." },
    head: {
      oneOf: [
        {
          type: "object",
          required: ["personId", "name"],
          properties: { personId: { type: "string", format: "uuid" }, name: { type: "string" } },
        },
        { type: "null" },
      ],
      description: "The person heading the unit, if any.",
    },
  },
};
schemas.OrganisationUnitList = {
  type: "object",
  required: ["organisation", "units"],
  properties: {
    organisation: {
      type: "object",
      required: ["slug", "name"],
      properties: {
        slug: { type: "string" },
        name: {
          type: "object",
          required: ["en", "fr"],
          properties: { en: { type: "string" }, fr: { type: "string" } },
        },
      },
    },
    units: {
      type: "array",
      items: ref("OrganisationUnit"),
      description: "Every unit in reading order: each parent before its sub-units, siblings in their order.",
    },
  },
};

const bilingualName: JsonSchema = {
  type: "object",
  required: ["en", "fr"],
  properties: {
    en: { type: "string", minLength: 1, maxLength: 200 },
    fr: { type: "string", minLength: 1, maxLength: 200 },
  },
};
schemas.UnitInput = {
  type: "object",
  required: ["name"],
  properties: {
    name: bilingualName,
    parentId: { type: ["string", "null"], description: "The unit to add it under; absent or null: the top level." },
  },
};
schemas.UnitPatch = {
  type: "object",
  description: "New names, a new parent (null: the top level; it goes last there), or both.",
  properties: { name: bilingualName, parentId: { type: ["string", "null"] } },
};
schemas.InvalidUnit = {
  type: "object",
  required: ["error", "message", "fields"],
  properties: {
    error: { enum: ["invalid", "conflict"] },
    message: { type: "string" },
    fields: {
      type: "object",
      description: "Each refused field's problem, in the caller's language.",
      additionalProperties: { type: "string" },
    },
  },
};

const errorResponse = (description: string): Response => ({ description, content: json(ref("Error")) });
const invalidUnit = (description: string): Response => ({ description, content: json(ref("InvalidUnit")) });
const unitWriteRefusals = {
  "401": { $ref: "#/components/responses/SignInRequired" },
  "403": errorResponse("A member of the organisation who is not one of its administrators."),
} as const;

export function openApiDocument(baseUrl: string): OpenApiDocument {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Skillshelf API",
      version: "1.0.0",
      description:
        "Read-only access to the published competency frameworks of this Skillshelf: lists, whole trees with English and French texts, and search. Public data: no authentication, any origin may call it (CORS). The operations under /orgs/{org} are an organisation's own, for signed-in accounts only (a session; no CORS), with the same access rules as its pages.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    tags: [
      { name: "frameworks" },
      { name: "search" },
      { name: "meta" },
      { name: "people" },
      { name: "organisations" },
      { name: "profiles" },
    ],
    paths: {
      "/frameworks": {
        get: {
          operationId: "listFrameworks",
          summary: "List the published frameworks",
          tags: ["frameworks"],
          parameters: [{ $ref: "#/components/parameters/IfNoneMatch" }],
          responses: {
            "200": {
              description: "The published frameworks.",
              headers: cachingHeaders,
              content: json(ref("FrameworkList")),
            },
            "304": { $ref: "#/components/responses/NotModified" },
          },
        },
      },
      "/frameworks/{id}": {
        get: {
          operationId: "getFramework",
          summary: "Get a framework with its whole tree",
          tags: ["frameworks"],
          parameters: [
            { $ref: "#/components/parameters/FrameworkId" },
            { $ref: "#/components/parameters/IfNoneMatch" },
          ],
          responses: {
            "200": {
              description: "The framework and its whole tree.",
              headers: cachingHeaders,
              content: json(ref("Framework")),
            },
            "304": { $ref: "#/components/responses/NotModified" },
            "400": { $ref: "#/components/responses/BadRequest" },
            "404": { $ref: "#/components/responses/NotFound" },
          },
        },
      },
      "/search": {
        get: {
          operationId: "search",
          summary: "Search every level of the published frameworks",
          description:
            "Accent- and case-insensitive, prefix and typo-tolerant search over statements and descriptions in both languages. Hits are grouped by area.",
          tags: ["search"],
          parameters: [
            {
              name: "q",
              in: "query",
              description: "Words to look for; an empty query finds nothing.",
              schema: { type: "string" },
            },
            {
              name: "lang",
              in: "query",
              description:
                "Language of the query and of the ranking; by default the one Accept-Language prefers, else en.",
              schema: { enum: ["en", "fr"] },
            },
            {
              name: "limit",
              in: "query",
              description: "Maximum number of hits returned.",
              schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
            },
            {
              name: "framework",
              in: "query",
              description:
                "Only this published framework, by UUID or slug (each hit's group names its framework in `area.frameworkSlug`); by default every published framework.",
              schema: { type: "string", minLength: 1, maxLength: 200, pattern: "^[\\p{L}\\p{N}._~-]+$" },
            },
          ],
          responses: {
            "200": { description: "Hits grouped by area.", content: json(ref("SearchResult")) },
            "400": {
              description: "An unknown `lang`, a `limit` out of range or a malformed `framework`.",
              content: json(ref("Error")),
            },
            "404": { description: "No published framework has the `framework` given.", content: json(ref("Error")) },
          },
        },
      },
      "/orgs/{org}/units": {
        get: {
          operationId: "listOrganisationUnits",
          summary: "List an organisation's units (signed in)",
          description:
            "For anyone of the organisation (and the site's administrators). Needs the session cookie; answers are never cached. An organisation the caller has no standing in answers 404, as an unknown one.",
          tags: ["organisations"],
          security: [{ session: [] }],
          parameters: [{ $ref: "#/components/parameters/OrganisationSlug" }],
          responses: {
            "200": { description: "The organisation's units.", content: json(ref("OrganisationUnitList")) },
            "401": { $ref: "#/components/responses/SignInRequired" },
            "404": { $ref: "#/components/responses/OrganisationNotFound" },
          },
        },
        post: {
          operationId: "createOrganisationUnit",
          summary: "Add a unit (organisation administrators)",
          description: "Added last under its parent. Recorded in the organisation's change history.",
          tags: ["organisations"],
          security: [{ session: [] }],
          parameters: [{ $ref: "#/components/parameters/OrganisationSlug" }],
          requestBody: { required: true, content: json(ref("UnitInput")) },
          responses: {
            "201": { description: "The unit as stored.", content: json(ref("OrganisationUnit")) },
            "400": invalidUnit("A name is missing, empty or too long."),
            "409": invalidUnit("The parent is not a unit of this organisation."),
            ...unitWriteRefusals,
            "404": { $ref: "#/components/responses/OrganisationNotFound" },
          },
        },
      },
      "/orgs/{org}/units/{unit}": {
        get: {
          operationId: "getOrganisationUnit",
          summary: "Get one unit of an organisation (signed in)",
          tags: ["organisations"],
          security: [{ session: [] }],
          parameters: [
            { $ref: "#/components/parameters/OrganisationSlug" },
            { name: "unit", in: "path", required: true, description: "The unit's id.", schema: { type: "string" } },
          ],
          responses: {
            "200": { description: "The unit.", content: json(ref("OrganisationUnit")) },
            "401": { $ref: "#/components/responses/SignInRequired" },
            "404": errorResponse(
              "No such unit in this organisation, or an organisation the caller has no standing in.",
            ),
          },
        },
        patch: {
          operationId: "updateOrganisationUnit",
          summary: "Rename or move a unit (organisation administrators)",
          description: "Its sub-units move with it. Recorded in the organisation's change history.",
          tags: ["organisations"],
          security: [{ session: [] }],
          parameters: [
            { $ref: "#/components/parameters/OrganisationSlug" },
            { name: "unit", in: "path", required: true, description: "The unit's id.", schema: { type: "string" } },
          ],
          requestBody: { required: true, content: json(ref("UnitPatch")) },
          responses: {
            "200": { description: "The unit as stored.", content: json(ref("OrganisationUnit")) },
            "400": invalidUnit("A name is empty or too long, or an unknown field."),
            "409": invalidUnit("The new parent is unknown, the unit itself or one of its sub-units."),
            ...unitWriteRefusals,
            "404": errorResponse(
              "No such unit in this organisation, or an organisation the caller has no standing in.",
            ),
          },
        },
        delete: {
          operationId: "deleteOrganisationUnit",
          summary: "Delete a unit and its sub-units (organisation administrators)",
          description: "Their people stay, without a unit. Recorded in the organisation's change history.",
          tags: ["organisations"],
          security: [{ session: [] }],
          parameters: [
            { $ref: "#/components/parameters/OrganisationSlug" },
            { name: "unit", in: "path", required: true, description: "The unit's id.", schema: { type: "string" } },
          ],
          responses: {
            "204": { description: "Deleted." },
            ...unitWriteRefusals,
            "404": errorResponse(
              "No such unit in this organisation, or an organisation the caller has no standing in.",
            ),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          tags: ["meta"],
          responses: {
            "200": { description: "The OpenAPI 3.1 description of this API.", content: json({ type: "object" }) },
          },
        },
      },
      ...peoplePaths,
      ...scalePaths,
      ...profilePaths,
    },
    components: {
      schemas: { ...schemas, ...peopleSchemas, ...scaleSchemas, ...profileSchemas },
      securitySchemes: peopleSecuritySchemes,
      parameters: {
        ...peopleParameters,
        FrameworkId: {
          name: "id",
          in: "path",
          required: true,
          description: "The framework's UUID or its slug.",
          schema: { type: "string", minLength: 1, maxLength: 200, pattern: "^[\\p{L}\\p{N}._~-]+$" },
        },
        OrganisationSlug: {
          name: "org",
          in: "path",
          required: true,
          description: "The organisation's web address name.",
          schema: { type: "string", minLength: 1, maxLength: 60 },
        },
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          description: "An ETag from an earlier response; answered with 304 while it is current.",
          schema: { type: "string" },
        },
      },
      headers: {
        ETag: { description: "Changes whenever the content changes.", schema: { type: "string" } },
        CacheControl: { description: "public, max-age=60", schema: { type: "string" } },
      },
      responses: {
        NotModified: { description: "The copy named by If-None-Match is current.", headers: cachingHeaders },
        BadRequest: errorResponse("Malformed parameter."),
        NotFound: errorResponse("No published framework has this id or slug."),
        SignInRequired: errorResponse("Not signed in: send the session cookie."),
        OrganisationNotFound: errorResponse("No such organisation, or one the caller has no standing in."),
      },
    },
  };
}
