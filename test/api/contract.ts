/**
 * Holds API responses to the OpenAPI document the app serves: finds the documented response for a
 * path and status, and validates the body with ajv (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 * Two checks per body: against the document as published, and against a "closed" copy in which no
 * object may carry a property the document does not describe (so undocumented fields fail too).
 */
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonSchema, OpenApiDocument, Ref, Response } from "../../src/api/openapi-types.ts";

const addFormats = addFormatsModule.default;
const DOC_ID = "https://skillshelf.invalid/openapi.json";
const CLOSED_ID = "https://skillshelf.invalid/openapi-closed.json";
const NON_SCHEMA_KEYS = ["openapi", "jsonSchemaDialect", "info", "servers", "tags", "paths", "components"];

function closed(schema: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...schema };
  if (copy.properties) {
    copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([k, v]) => [k, closed(v)]));
    if (copy.additionalProperties === undefined) copy.additionalProperties = false;
  }
  if (copy.items) copy.items = closed(copy.items);
  return copy;
}

export interface Contract {
  /** Validates a response against the document; returns the documented response for more checks. */
  check(
    method: "get" | "post" | "put" | "patch" | "delete",
    requestPath: string,
    status: number,
    body: unknown,
  ): Response;
}

export function contractFor(doc: OpenApiDocument): Contract {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const key of NON_SCHEMA_KEYS) ajv.addKeyword(key);
  ajv.addSchema(doc as object, DOC_ID);
  const closedSchemas = Object.fromEntries(Object.entries(doc.components.schemas).map(([k, v]) => [k, closed(v)]));
  ajv.addSchema({ ...doc, components: { ...doc.components, schemas: closedSchemas } } as object, CLOSED_ID);

  const server = new URL(doc.servers?.[0]?.url ?? "http://localhost/").pathname.replace(/\/$/, "");
  const templates = Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  const deref = <T>(value: T | Ref): T => {
    if (!value || typeof value !== "object" || !("$ref" in value)) return value as T;
    const found = (value as Ref).$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], doc);
    assert.ok(found, `unresolved reference ${(value as Ref).$ref}`);
    return found as T;
  };

  return {
    check(method, requestPath, status, body) {
      const path = new URL(requestPath, "http://x").pathname;
      assert.ok(path.startsWith(`${server}/`), `${path} is outside the API server ${server}`);
      const relative = path.slice(server.length);
      const match = templates.find((t) => t.pattern.test(relative));
      assert.ok(match, `${relative} is not described in the OpenAPI document`);
      const operation = doc.paths[match.template][method];
      assert.ok(operation, `${method.toUpperCase()} ${match.template} is not described`);
      const documented = operation.responses[String(status)];
      assert.ok(documented, `status ${status} of ${method.toUpperCase()} ${match.template} is not described`);
      const response = deref<Response>(documented);
      const media = response.content?.["application/json"];
      if (!media) {
        assert.ok(body === null || body === "", `status ${status} is documented without a body`);
        return response;
      }
      const pointer = `/paths/${match.template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}/responses/${status}`;
      const schemaRef =
        "$ref" in documented
          ? `${documented.$ref.slice(1)}/content/application~1json/schema`
          : `${pointer}/content/application~1json/schema`;
      for (const id of [DOC_ID, CLOSED_ID]) {
        const validate = ajv.getSchema(`${id}#${schemaRef}`);
        assert.ok(validate, `no schema at ${schemaRef}`);
        if (!validate(body)) {
          const errors = (validate.errors ?? [])
            .slice(0, 5)
            .map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
          assert.fail(
            `${id === CLOSED_ID ? "[closed] " : ""}${method.toUpperCase()} ${path} ${status} does not match the OpenAPI document:\n  ${errors.join("\n  ")}`,
          );
        }
      }
      return response;
    },
  };
}
