/** Pure parts of the API: If-None-Match comparison and the framework id parameter. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ifNoneMatchMatches, revisionEtag } from "../../src/api/etag.ts";
import { frameworkIdParam } from "../../src/api/params.ts";

test("revision ETags are weak and differ by revision and by resource", () => {
  const etag = revisionEtag(3, "abc");
  assert.match(etag, /^W\/".+"$/);
  assert.notEqual(etag, revisionEtag(4, "abc"));
  assert.notEqual(etag, revisionEtag(3, "abd"));
});

test("If-None-Match: weak comparison, lists, star, and nothing else", () => {
  const etag = 'W/"r3-abc"';
  assert.equal(ifNoneMatchMatches(undefined, etag), false);
  assert.equal(ifNoneMatchMatches("", etag), false);
  assert.equal(ifNoneMatchMatches('W/"r3-abc"', etag), true);
  assert.equal(ifNoneMatchMatches('"r3-abc"', etag), true);
  assert.equal(ifNoneMatchMatches(' "x" ,  W/"r3-abc" ', etag), true);
  assert.equal(ifNoneMatchMatches("*", etag), true);
  assert.equal(ifNoneMatchMatches('"r3-ab"', etag), false);
  assert.equal(ifNoneMatchMatches('"r3-abc', etag), false);
  assert.equal(ifNoneMatchMatches("x".repeat(10_000), etag), false);
});

test("a framework id is a UUID (any case) or a URL-safe slug", () => {
  assert.deepEqual(frameworkIdParam.parse("DBB1120B-7FC9-5635-9098-AFDA43757F90"), {
    kind: "id",
    value: "dbb1120b-7fc9-5635-9098-afda43757f90",
  });
  assert.deepEqual(frameworkIdParam.parse("public-library-staff"), { kind: "slug", value: "public-library-staff" });
  assert.deepEqual(frameworkIdParam.parse("compétences_2026.v1~b"), { kind: "slug", value: "compétences_2026.v1~b" });
  for (const bad of [
    "",
    " ",
    "a b",
    "a/b",
    "a\u0000b",
    "a\nb",
    "%E0%A4%A",
    "<script>",
    "' OR 1=1 --",
    "x".repeat(201),
  ]) {
    assert.equal(frameworkIdParam.safeParse(bad).success, false, JSON.stringify(bad.slice(0, 20)));
  }
});
