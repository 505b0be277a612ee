/**
 * The proficiency scale part of the OpenAPI document: /orgs/{org}/scale, the signed-in API of an
 * organisation's scale (src/profiles/scales/api.ts). Joined to the rest in openapi.ts.
 */
import type { JsonSchema, OpenApiDocument, Response } from "./openapi-types.ts";

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const bilingual = (maxLength?: number, minLength?: number): JsonSchema => ({
  type: "object",
  required: ["en", "fr"],
  additionalProperties: false,
  properties: {
    en: { type: "string", ...(minLength ? { minLength } : {}), ...(maxLength ? { maxLength } : {}) },
    fr: { type: "string", ...(minLength ? { minLength } : {}), ...(maxLength ? { maxLength } : {}) },
  },
});

// The limits of src/profiles/scales/validate.ts (the api layer does not import profiles).
const LEVELS = { min: 2, max: 10 };

export const scaleSchemas: Record<string, JsonSchema> = {
  ProficiencyLevel: {
    type: "object",
    required: ["number", "label", "descriptor"],
    additionalProperties: false,
    properties: {
      number: { type: "integer", minimum: 1, description: "1 for the lowest; a stable key job profiles target." },
      label: bilingual(),
      descriptor: { ...bilingual(), description: "What the level looks like in general (empty when not written)." },
    },
  },
  ProficiencyScale: {
    type: "object",
    required: ["organisation", "uses", "scale"],
    additionalProperties: false,
    properties: {
      organisation: {
        type: "object",
        required: ["slug"],
        additionalProperties: false,
        properties: { slug: { type: "string" } },
      },
      uses: {
        enum: ["default", "own"],
        description: "The site's default scale, or one the organisation defined for itself.",
      },
      scale: {
        type: "object",
        required: ["id", "name", "description", "caseIdentifier", "version", "levels"],
        additionalProperties: false,
        properties: {
          id: { type: "string", format: "uuid" },
          name: bilingual(),
          description: bilingual(),
          caseIdentifier: {
            type: "string",
            format: "uuid",
            description: "The identifier of the scale's CFRubric in CASE exports.",
          },
          version: {
            type: "integer",
            minimum: 1,
            description: "Send it back with a change: a change made from an older version is refused (409).",
          },
          levels: { type: "array", items: ref("ProficiencyLevel"), minItems: LEVELS.min, maxItems: LEVELS.max },
        },
      },
    },
  },
  ProficiencyScaleInput: {
    oneOf: [
      {
        type: "object",
        required: ["uses"],
        additionalProperties: false,
        properties: { uses: { const: "default" } },
      },
      {
        type: "object",
        required: ["uses", "name", "levels"],
        additionalProperties: false,
        properties: {
          uses: { const: "own" },
          name: bilingual(200, 1),
          description: bilingual(2000),
          levels: {
            type: "array",
            minItems: LEVELS.min,
            maxItems: LEVELS.max,
            description:
              "Numbered 1..n, lowest first, labels unique in each language. A level keeps its number's descriptors and profile targets; removing a level a job profile targets is refused (409).",
            items: {
              type: "object",
              required: ["number", "label"],
              additionalProperties: false,
              properties: {
                number: { type: "integer", minimum: 1 },
                label: bilingual(120, 1),
                descriptor: bilingual(2000),
              },
            },
          },
          version: { type: "integer", minimum: 1, description: "The version read; absent: no check." },
        },
      },
    ],
  },
  InvalidScale: {
    type: "object",
    required: ["error", "message", "fields"],
    additionalProperties: false,
    properties: {
      error: { enum: ["invalid", "conflict"] },
      message: { type: "string" },
      fields: {
        type: "object",
        description:
          "Each refused field's problem, in the caller's language (`levels`, `name_en`, `level_3_label_fr`…).",
        additionalProperties: { type: "string" },
      },
    },
  },
};

const invalid = (description: string): Response => ({ description, content: json(ref("InvalidScale")) });
const error = (description: string): Response => ({ description, content: json(ref("Error")) });
const security = [{ session: [] }];
const orgParam = { $ref: "#/components/parameters/OrganisationSlug" };

export const scalePaths: OpenApiDocument["paths"] = {
  "/orgs/{org}/scale": {
    get: {
      operationId: "getProficiencyScale",
      summary: "The proficiency scale an organisation uses (signed in)",
      description:
        "For anyone of the organisation. Job profile targets are level numbers on this scale. Answers are never cached.",
      tags: ["organisations"],
      security,
      parameters: [orgParam],
      responses: {
        "200": { description: "The scale and its levels.", content: json(ref("ProficiencyScale")) },
        "401": { $ref: "#/components/responses/SignInRequired" },
        "404": { $ref: "#/components/responses/OrganisationNotFound" },
      },
    },
    put: {
      operationId: "putProficiencyScale",
      summary: "Use the default scale, or define the organisation's own (organisation administrators)",
      description:
        "`uses: default` goes back to the site's default scale (the organisation's own is kept, with its descriptors). `uses: own` defines the organisation's own scale and makes it the one used.",
      tags: ["organisations"],
      security,
      parameters: [orgParam],
      requestBody: { required: true, content: json(ref("ProficiencyScaleInput")) },
      responses: {
        "200": { description: "The scale as stored.", content: json(ref("ProficiencyScale")) },
        "400": invalid("A level count out of 2..10, numbers not 1..n, a label missing or repeated, an unknown field."),
        "409": invalid("Saved meanwhile (an older version), or a removed level is a job profile's target."),
        "401": { $ref: "#/components/responses/SignInRequired" },
        "403": error("A member of the organisation who is not one of its administrators."),
        "404": { $ref: "#/components/responses/OrganisationNotFound" },
      },
    },
  },
};
