/**
 * The subset of OpenAPI 3.1 this project writes, typed so a misspelt field is a compile error.
 * Schemas are JSON Schema 2020-12 (OpenAPI 3.1's dialect), so tests validate responses with ajv.
 */

export interface JsonSchema {
  $ref?: string;
  type?: JsonType | JsonType[];
  title?: string;
  description?: string;
  format?: string;
  enum?: readonly (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  examples?: unknown[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

type JsonType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

export interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface Header {
  description?: string;
  schema: JsonSchema;
}

export interface Response {
  description: string;
  headers?: Record<string, Header | Ref>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface Ref {
  $ref: string;
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: (Parameter | Ref)[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, { schema: JsonSchema }> };
  /** Operations that need a signed-in session name it (the public API needs none). */
  security?: Record<string, string[]>[];
  responses: Record<string, Response | Ref>;
}

export interface SecurityScheme {
  type: "apiKey";
  in: "cookie" | "header";
  name: string;
  description?: string;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  jsonSchemaDialect?: string;
  info: {
    title: string;
    version: string;
    description?: string;
    license?: { name: string; identifier?: string; url?: string };
  };
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, { get?: Operation; post?: Operation; put?: Operation; patch?: Operation; delete?: Operation }>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters?: Record<string, Parameter>;
    responses?: Record<string, Response>;
    headers?: Record<string, Header>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
}
