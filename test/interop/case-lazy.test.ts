/**
 * CASE bytes are read lazily (src/interop/case/lazy-json.ts): the items and associations one at a
 * time, never the whole text as one string. What comes out must be exactly what the ordinary reading
 * gives (text → JSON.parse → the same reader): the same framework, associations, definitions and
 * problems with the same JSON pointers, for every shared sample, for generated packages written in
 * any layout, and for damaged files (whose syntax problems keep their line and column).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { syntheticCasePackage } from "../../bench/case/synthetic.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { caseSkip, sampleNames } from "./case-support.ts";

const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);
const SAMPLES = new URL("../../../shared/case/samples/", import.meta.url);

const encode = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
/** The ordinary reading: the whole text, parsed at once. */
const ordinary = (text: string) => parseCasePackage(text);

/** Parses bytes, recording the longest text JSON.parse was given. */
function lazily(t: { mock: { method: typeof import("node:test").mock.method } }, bytes: Uint8Array) {
  const parse = t.mock.method(JSON, "parse");
  const result = parseCasePackage(bytes);
  const longest = Math.max(0, ...parse.mock.calls.map((call) => String(call.arguments[0]).length));
  parse.mock.restore();
  return { result, longest };
}

describe("CASE bytes read lazily: the shared samples", { skip: caseSkip }, () => {
  const names = caseSkip ? [] : sampleNames();
  for (const name of names) {
    it(`${name}: the same package and the same problems as the ordinary reading`, (t) => {
      const bytes = new Uint8Array(readFileSync(new URL(name, SAMPLES)));
      const text = new TextDecoder().decode(bytes);
      const { result } = lazily(t, bytes);
      assert.deepEqual(result, ordinary(text));
    });
  }

  it("the largest sample is never parsed as one text", (t) => {
    const bytes = new Uint8Array(readFileSync(new URL("sbac__math_content_specification.json", SAMPLES)));
    const { result, longest } = lazily(t, bytes);
    assert.ok(result.value, "it is read");
    assert.ok(longest < bytes.byteLength / 10, `the longest text parsed at once: ${longest} of ${bytes.byteLength}`);
  });
});

type Json = Record<string, unknown>;

/** Generated packages in the layouts real servers write: key order, indentation, a wrapper, a BOM. */
const layoutArb = fc.record({
  items: fc.integer({ min: 0, max: 80 }),
  seed: fc.string({ maxLength: 6 }),
  order: fc.shuffledSubarray(["CFDocument", "CFItems", "CFAssociations", "CFDefinitions"], { minLength: 4 }),
  indent: fc.constantFrom(0, 2, "\t"),
  wrapped: fc.boolean(),
  bom: fc.boolean(),
  // Entries repeated (identical or not), an item that is not an object, an unknown top-level key.
  repeat: fc.option(fc.nat(79), { nil: undefined }),
  conflicting: fc.boolean(),
  notAnObject: fc.option(fc.nat(79), { nil: undefined }),
  extraKey: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
});

type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

function writeLayout(l: Layout): string {
  const source = JSON.parse(syntheticCasePackage(l.items, { seed: l.seed })) as Json;
  const items = source.CFItems as Json[];
  if (l.repeat !== undefined && items.length > 0) {
    const copy = structuredClone(items[l.repeat % items.length]);
    if (l.conflicting) copy.fullStatement = `${copy.fullStatement} (again)`;
    items.push(copy);
  }
  if (l.notAnObject !== undefined && items.length > 0) items.splice(l.notAnObject % items.length, 0, 42 as never);
  const ordered: Json = {};
  for (const key of l.order) ordered[key] = source[key];
  if (l.extraKey !== undefined) ordered.vendorThing = l.extraKey;
  const root = l.wrapped ? { CFPackage: ordered } : ordered;
  return `${l.bom ? "\uFEFF" : ""}${JSON.stringify(root, null, l.indent)}`;
}

describe("CASE bytes read lazily: generated packages (fast-check)", () => {
  it("give the same package and problems as the ordinary reading, in any layout", () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const text = writeLayout(layout);
        assert.deepEqual(parseCasePackage(encode(text)), ordinary(text.replace(/^\uFEFF/, "")));
      }),
      { numRuns: runs(40) },
    );
  });

  it("damaged files give the ordinary reading's problem, with its line and column", () => {
    const base = JSON.stringify(JSON.parse(syntheticCasePackage(12, { seed: "damaged:" })), null, 1);
    fc.assert(
      fc.property(
        fc.nat(base.length - 1),
        fc.oneof(fc.constant(""), fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "x", " ", "\n", "é", "0")),
        fc.nat(3),
        (at, insert, remove) => {
          const text = base.slice(0, at) + insert + base.slice(at + remove);
          const expected = ordinary(text);
          assert.deepEqual(parseCasePackage(encode(text)), expected);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("a package nested too deep is refused as before, where it first goes too deep", () => {
    const deep = `{"CFDocument":{},"CFItems":[${"[".repeat(120)}${"]".repeat(120)}]}`;
    const result = parseCasePackage(encode(deep));
    assert.deepEqual(result, ordinary(deep));
    assert.equal(result.problems[0].code, "case.too_deeply_nested");
  });

  it("keeps the JSON pointers of problems inside items and associations", () => {
    const source = JSON.parse(syntheticCasePackage(20, { seed: "pointers:" })) as Json;
    const items = source.CFItems as Json[];
    delete items[7].identifier;
    (source.CFAssociations as Json[])[3].originNodeURI = "nowhere";
    const text = JSON.stringify(source);
    const result = parseCasePackage(encode(text));
    assert.deepEqual(result, ordinary(text));
    const where = result.problems.map((p) => p.where);
    assert.ok(where.includes("/CFItems/7/identifier"), where.join(" "));
    assert.ok(
      where.some((w) => w.startsWith("/CFAssociations/3/originNodeURI")),
      where.join(" "),
    );
  });
});
