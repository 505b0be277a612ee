/**
 * The people part of the OpenAPI document: /orgs/{org}/people, the signed-in API of an
 * organisation's staff records (src/people/staff/api.ts). Kept apart from the public API's
 * description, which it joins in openapi.ts.
 */
import { PERSON_STATUSES } from "../db/migrations/010_people.ts";
import type { JsonSchema, OpenApiDocument, Parameter, Response, SecurityScheme } from "./openapi-types.ts";

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const text = (maxLength: number, nullable = false): JsonSchema => ({
  type: nullable ? ["string", "null"] : "string",
  maxLength,
});
const day: JsonSchema = { type: ["string", "null"], format: "date", description: "YYYY-MM-DD" };

const personProperties: Record<string, JsonSchema> = {
  id: { type: "string", format: "uuid" },
  givenName: { type: "string" },
  familyName: { type: "string" },
  preferredName: { type: ["string", "null"], description: "The first name they go by, if not their given name." },
  displayName: { type: "string", description: "Preferred (or given) name and family name." },
  email: { type: ["string", "null"], description: "Lower-cased." },
  employeeNumber: { type: "string", description: "Unique in the organisation." },
  unit: {
    oneOf: [
      { type: "null" },
      {
        type: "object",
        required: ["id", "name"],
        properties: {
          id: { type: "string", format: "uuid" },
          name: {
            type: "object",
            required: ["en", "fr"],
            properties: { en: { type: ["string", "null"] }, fr: { type: ["string", "null"] } },
          },
        },
      },
    ],
  },
  managerId: { type: ["string", "null"], format: "uuid" },
  managerName: { type: ["string", "null"] },
  status: { enum: PERSON_STATUSES },
  statusSince: day,
  preferredLang: { enum: ["en", "fr"] },
  hasAccount: { type: "boolean", description: "The person signs in with an account of this Skillshelf." },
};
const personRequired = Object.keys(personProperties);

const summary: JsonSchema = {
  type: "object",
  required: ["id", "displayName", "status"],
  properties: {
    id: { type: "string", format: "uuid" },
    displayName: { type: "string" },
    status: { enum: PERSON_STATUSES },
  },
};

const inputProperties: Record<string, JsonSchema> = {
  givenName: text(200),
  familyName: text(200),
  preferredName: text(200, true),
  email: { type: ["string", "null"], format: "email", maxLength: 254 },
  employeeNumber: text(60),
  unitId: { type: ["string", "null"], description: "A unit of this organisation." },
  managerId: {
    type: ["string", "null"],
    description: "A person of this organisation who does not report to this person (no loops).",
  },
  status: { enum: PERSON_STATUSES, default: "active" },
  statusSince: { ...day, description: "YYYY-MM-DD; a new status without it takes effect today." },
  preferredLang: { enum: ["en", "fr"] },
};

export const peopleSchemas: Record<string, JsonSchema> = {
  Person: { type: "object", required: personRequired, properties: personProperties },
  PersonRecord: {
    type: "object",
    description: "A person's record with their manager line (nearest first) and direct reports.",
    required: [...personRequired, "managerLine", "directReports"],
    properties: {
      ...personProperties,
      managerLine: { type: "array", items: summary },
      directReports: { type: "array", items: summary },
    },
  },
  PeoplePage: {
    type: "object",
    required: ["items", "total", "page", "pageSize"],
    properties: {
      items: { type: "array", items: ref("Person") },
      total: { type: "integer", minimum: 0, description: "How many people match, on every page." },
      page: { type: "integer", minimum: 1 },
      pageSize: { type: "integer", minimum: 1, maximum: 200 },
    },
  },
  PersonInput: {
    type: "object",
    required: ["givenName", "familyName", "employeeNumber", "preferredLang"],
    properties: inputProperties,
  },
  PersonPatch: { type: "object", description: "Only the fields to change.", properties: inputProperties },
  InvalidPerson: {
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
  },
};

export const peopleParameters: Record<string, Parameter> = {
  Organisation: {
    name: "org",
    in: "path",
    required: true,
    description: "The organisation's web address name.",
    schema: { type: "string", minLength: 1, maxLength: 60 },
  },
  PersonId: { name: "person", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 36 } },
};

export const peopleSecuritySchemes: Record<string, SecurityScheme> = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: "skillshelf.session_token",
    description:
      "The session of a signed-in account (in production over HTTPS the cookie is named __Host-skillshelf.session_token). Writes also need the X-CSRF-Token header and a same-site Origin.",
  },
};

const error = (description: string): Response => ({ description, content: json(ref("Error")) });
const refusals = {
  "401": error("Not signed in."),
  "403": error("A member of the organisation whose role does not allow this."),
  "404": error("No such organisation, or one the caller has no standing in (the same answer)."),
};
/** About one person: anyone the caller may not see answers exactly as no one. */
const personRefusals = {
  "401": error("Not signed in."),
  "404": error("No such organisation or person, or one the caller may not see or change (the same answer)."),
};
const invalid = (description: string): Response => ({ description, content: json(ref("InvalidPerson")) });
const security = [{ session: [] }];
const orgParam = { $ref: "#/components/parameters/Organisation" };
const personParam = { $ref: "#/components/parameters/PersonId" };

export const peoplePaths: OpenApiDocument["paths"] = {
  "/orgs/{org}/people": {
    get: {
      operationId: "listPeople",
      summary: "List an organisation's people",
      description:
        "Organisation administrators list everyone; a manager lists their direct and indirect reports only. Views of the list are not access-logged; a record's are.",
      tags: ["people"],
      security,
      parameters: [
        orgParam,
        {
          name: "q",
          in: "query",
          description: "Words, all matched in names, employee number or email.",
          schema: { type: "string", maxLength: 200 },
        },
        {
          name: "unit",
          in: "query",
          description: "A unit's id: people of that unit and the units under it.",
          schema: { type: "string" },
        },
        { name: "status", in: "query", schema: { enum: PERSON_STATUSES } },
        {
          name: "manager",
          in: "query",
          description: "A person's id: their direct reports.",
          schema: { type: "string" },
        },
        {
          name: "sort",
          in: "query",
          schema: { enum: ["name", "employeeNumber", "unit", "status", "manager"], default: "name" },
        },
        {
          name: "desc",
          in: "query",
          description: "1 for descending order.",
          schema: { enum: ["0", "1", "true", "false"] },
        },
        { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
        { name: "size", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
      ],
      responses: {
        "200": { description: "One page of people.", content: json(ref("PeoplePage")) },
        "400": invalid("A parameter out of range."),
        ...refusals,
      },
    },
    post: {
      operationId: "createPerson",
      summary: "Add a person (organisation administrators)",
      tags: ["people"],
      security,
      parameters: [orgParam],
      requestBody: { required: true, content: json(ref("PersonInput")) },
      responses: {
        "201": { description: "The person as stored.", content: json(ref("Person")) },
        "400": invalid("A field is missing or malformed."),
        "409": invalid(
          "Taken employee number, another organisation's unit or manager, or a manager line that would loop.",
        ),
        ...refusals,
      },
    },
  },
  "/orgs/{org}/people/{person}": {
    get: {
      operationId: "getPerson",
      summary: "A person's record",
      description:
        "The person themself, their managers (direct or not) and organisation administrators. Each view of someone else's record is written to the organisation's access log.",
      tags: ["people"],
      security,
      parameters: [orgParam, personParam],
      responses: {
        "200": { description: "The record.", content: json(ref("PersonRecord")) },
        ...personRefusals,
      },
    },
    patch: {
      operationId: "updatePerson",
      summary: "Change some of a person's fields (organisation administrators)",
      tags: ["people"],
      security,
      parameters: [orgParam, personParam],
      requestBody: { required: true, content: json(ref("PersonPatch")) },
      responses: {
        "200": { description: "The person as stored.", content: json(ref("Person")) },
        "400": invalid("A field is malformed."),
        "409": invalid(
          "Taken employee number, another organisation's unit or manager, or a manager line that would loop.",
        ),
        ...personRefusals,
      },
    },
  },
};
