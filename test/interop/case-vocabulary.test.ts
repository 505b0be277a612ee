/**
 * One list of CASE association types (src/interop/case/model.ts), read by the parser and by the
 * exporter's strict-field check alike: it is the CASE 1.1 package schema's own vocabulary, and both
 * readers accept and refuse the same values.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { conforms } from "../../src/interop/case/fields.ts";
import { ASSOCIATION_TYPES, EXTENSION_TYPE } from "../../src/interop/case/model.ts";
import { caseSkip } from "./case-support.ts";

test("the association types are CASE 1.1's enumerated vocabulary", { skip: caseSkip }, () => {
  const schema = JSON.parse(
    readFileSync(new URL("../../../shared/case/schema/case_v1p1_cfpackage-jsonschema1.json", import.meta.url), "utf8"),
  );
  const [enumerated] = schema.$defs.CFPckgAssociation.properties.associationType.oneOf;
  assert.deepEqual([...ASSOCIATION_TYPES].sort(), [...enumerated.enum].sort());
});

test("the strict-field check accepts exactly the types the parser knows, and ext: ones", () => {
  for (const type of ASSOCIATION_TYPES) assert.ok(conforms("associationType", type), type);
  assert.ok(conforms("associationType", "ext:hasPrerequisite"));
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), (value) => {
      const known = ASSOCIATION_TYPES.has(value) || EXTENSION_TYPE.test(value);
      assert.equal(conforms("associationType", value), known, value);
    }),
    { numRuns: 200 },
  );
});
