/**
 * The job profiles part of the OpenAPI document: /orgs/{org}/profiles, the signed-in API of an
 * organisation's job profiles (src/profiles/jobs/api.ts). Joined to the rest in openapi.ts.
 */
import type { JsonSchema, OpenApiDocument, Response } from "./openapi-types.ts";

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const bilingual = (maxLength?: number): JsonSchema => ({
  type: "object",
  required: ["en", "fr"],
  properties: { en: { type: "string", maxLength }, fr: { type: "string", maxLength } },
});
const lines: JsonSchema = { type: "array", items: bilingual(1000), description: "In order." };

const profileProperties: Record<string, JsonSchema> = {
  id: { type: "string", format: "uuid" },
  title: bilingual(200),
  code: { type: ["string", "null"], description: "The organisation's own job code (unique in it, whatever the case)." },
  grade: { type: ["string", "null"] },
  summary: bilingual(),
  duties: lines,
  qualifications: lines,
  workingConditions: bilingual(),
  unitIds: { type: "array", items: { type: "string" } },
  scaleId: { type: "string", description: "The proficiency scale its target levels are on." },
  copiedFrom: { type: ["string", "null"], description: '"starter:CODE" or "profile:ID" when it began as a copy.' },
  version: { type: "integer", minimum: 1, description: "Send it back (or If-Match) to save a change." },
  createdAt: { type: "string", format: "date-time" },
  updatedAt: { type: "string", format: "date-time" },
};

const requirement: JsonSchema = {
  type: "object",
  required: [
    "frameworkId",
    "itemId",
    "editionId",
    "editionNumber",
    "code",
    "competency",
    "area",
    "targetLevel",
    "importance",
    "ksas",
  ],
  properties: {
    frameworkId: { type: "string" },
    itemId: { type: "string" },
    editionId: { type: "string", description: "The published edition the competency is pinned to." },
    editionNumber: { type: "integer", minimum: 1 },
    code: { type: ["string", "null"] },
    competency: bilingual(),
    area: bilingual(),
    targetLevel: { type: "integer", minimum: 1 },
    importance: { enum: ["essential", "asset"] },
    ksas: {
      type: "array",
      items: {
        type: "object",
        required: ["itemId", "text"],
        properties: { itemId: { type: "string" }, text: bilingual() },
      },
    },
  },
};

const inputProperties: Record<string, JsonSchema> = {
  title_en: { type: "string", minLength: 1, maxLength: 200 },
  title_fr: { type: "string", minLength: 1, maxLength: 200 },
  code: { type: ["string", "null"], maxLength: 60 },
  grade: { type: ["string", "null"], maxLength: 120 },
  summary_en: { type: "string", maxLength: 5000 },
  summary_fr: { type: "string", maxLength: 5000 },
  duties: lines,
  qualifications: lines,
  working_conditions_en: { type: "string", maxLength: 3000 },
  working_conditions_fr: { type: "string", maxLength: 3000 },
  unit_ids: { type: "array", items: { type: "string" }, description: "Units of this organisation." },
};

export const profileSchemas: Record<string, JsonSchema> = {
  JobProfile: { type: "object", required: Object.keys(profileProperties), properties: profileProperties },
  JobProfileWithRequirements: {
    type: "object",
    required: [...Object.keys(profileProperties), "requirements"],
    properties: { ...profileProperties, requirements: { type: "array", items: requirement } },
  },
  JobProfileList: {
    type: "object",
    required: ["items", "total"],
    properties: {
      items: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "title", "code", "grade", "unitIds", "requirements", "holders", "updatedAt"],
          properties: {
            id: { type: "string", format: "uuid" },
            title: bilingual(200),
            code: { type: ["string", "null"] },
            grade: { type: ["string", "null"] },
            unitIds: { type: "array", items: { type: "string" } },
            requirements: { type: "integer", minimum: 0, description: "How many competencies it requires." },
            holders: { type: "integer", minimum: 0, description: "How many people hold it as their position." },
            updatedAt: { type: "string", format: "date-time" },
          },
        },
      },
      total: { type: "integer", minimum: 0 },
    },
  },
  JobProfileInput: {
    type: "object",
    required: ["title_en", "title_fr"],
    additionalProperties: false,
    properties: inputProperties,
  },
  JobProfileUpdate: {
    type: "object",
    required: ["title_en", "title_fr"],
    description: "The whole profile as it should be; `version` unless If-Match carries it.",
    additionalProperties: false,
    properties: { ...inputProperties, version: { type: "integer", minimum: 1 } },
  },
  JobProfileConflict: {
    type: "object",
    required: ["error", "message"],
    properties: {
      error: { const: "conflict" },
      message: { type: "string" },
      currentVersion: { type: "integer", description: "The version now stored (a stale save)." },
      holders: { type: "integer", description: "How many people hold the profile (a refused deletion)." },
      fields: { type: "object", additionalProperties: { type: "string" } },
    },
  },
};

const error = (description: string): Response => ({ description, content: json(ref("Error")) });
const invalid = (description: string): Response => ({ description, content: json(ref("InvalidPerson")) });
const security = [{ session: [] }];
const orgParam = { $ref: "#/components/parameters/Organisation" };
const profileParam = {
  name: "profile",
  in: "path" as const,
  required: true,
  description: "The profile's id.",
  schema: { type: "string", minLength: 1, maxLength: 36 } as JsonSchema,
};
const listRefusals = {
  "401": error("Not signed in."),
  "403": error("A member of the organisation who is neither one of its administrators nor a manager."),
  "404": error("No such organisation, or one the caller has no standing in (the same answer)."),
};
const profileRefusals = {
  "401": error("Not signed in."),
  "404": error("No such profile in this organisation, or one the caller may not read or change (the same answer)."),
};

export const profilePaths: OpenApiDocument["paths"] = {
  "/orgs/{org}/profiles": {
    get: {
      operationId: "listJobProfiles",
      summary: "List an organisation's job profiles (administrators and managers)",
      tags: ["profiles"],
      security,
      parameters: [
        orgParam,
        {
          name: "q",
          in: "query",
          description: "Words of the title (either language) or code.",
          schema: { type: "string", maxLength: 200 },
        },
        {
          name: "unit",
          in: "query",
          description: "A unit's id: profiles used in that unit.",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": { description: "The profiles, by title.", content: json(ref("JobProfileList")) },
        ...listRefusals,
      },
    },
    post: {
      operationId: "createJobProfile",
      summary: "Create a job profile (administrators and managers)",
      description: "On the organisation's proficiency scale. Recorded in the organisation's change history.",
      tags: ["profiles"],
      security,
      parameters: [orgParam],
      requestBody: { required: true, content: json(ref("JobProfileInput")) },
      responses: {
        "201": { description: "The profile as stored.", content: json(ref("JobProfile")) },
        "400": invalid("A field is missing or malformed, or a unit is not the organisation's."),
        "409": invalid("Another profile of the organisation has this code."),
        ...listRefusals,
      },
    },
  },
  "/orgs/{org}/profiles/{profile}": {
    get: {
      operationId: "getJobProfile",
      summary: "A job profile with its competency requirements",
      description:
        "Administrators, managers, and a person whose position it is. Each requirement carries the texts of the edition it is pinned to. The ETag is the version.",
      tags: ["profiles"],
      security,
      parameters: [orgParam, profileParam],
      responses: {
        "200": { description: "The profile.", content: json(ref("JobProfileWithRequirements")) },
        ...profileRefusals,
      },
    },
    put: {
      operationId: "updateJobProfile",
      summary: "Save a job profile (administrators and managers)",
      description: "Only from the version stored now (If-Match or `version`): otherwise 409 with the current version.",
      tags: ["profiles"],
      security,
      parameters: [orgParam, profileParam],
      requestBody: { required: true, content: json(ref("JobProfileUpdate")) },
      responses: {
        "200": { description: "The profile as stored.", content: json(ref("JobProfile")) },
        "400": invalid("A field is missing or malformed, no version, or a unit is not the organisation's."),
        "409": {
          description: "Saved meanwhile by someone else, or a taken code.",
          content: json(ref("JobProfileConflict")),
        },
        ...profileRefusals,
      },
    },
    delete: {
      operationId: "deleteJobProfile",
      summary: "Delete a job profile (administrators and managers)",
      tags: ["profiles"],
      security,
      parameters: [
        orgParam,
        profileParam,
        {
          name: "clearPositions",
          in: "query",
          description: "true: also clear the position of the people who hold it (otherwise refused while anyone does).",
          schema: { enum: ["true", "false"] },
        },
      ],
      responses: {
        "204": { description: "Deleted, with its requirements and postings." },
        "409": { description: "People hold it as their position.", content: json(ref("JobProfileConflict")) },
        ...profileRefusals,
      },
    },
  },
};
