import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SKILLSHELF_NAMESPACE, uuidV5 } from "../../src/db/uuid.ts";

const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidV5", () => {
  test("RFC 9562 test vector: DNS namespace + www.example.com", () => {
    assert.equal(uuidV5("www.example.com", DNS_NAMESPACE), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  test("the same name always gives the same id; different names differ", () => {
    assert.equal(uuidV5("item:x:ML.CR"), uuidV5("item:x:ML.CR"));
    assert.notEqual(uuidV5("item:x:ML.CR"), uuidV5("item:x:ML.CR.1"));
    assert.notEqual(uuidV5("a", SKILLSHELF_NAMESPACE), uuidV5("a", DNS_NAMESPACE));
  });

  test("ids are well-formed version-5, RFC variant, lower case", () => {
    for (const name of ["", "é", "framework:public-library-staff", "x".repeat(10_000)]) {
      assert.match(uuidV5(name), UUID_V5);
    }
  });

  test("names are hashed as UTF-8", () => {
    assert.notEqual(uuidV5("Équipe"), uuidV5("Equipe"));
  });
});
