import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { DEFAULT_MAX_IMPORT_BYTES, MAX_CASE_DEPTH } from "../../src/interop/case/model.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { describeProblem, hasProblemMessage } from "../../src/interop/messages.ts";
import { hasErrors, type ImportedItem, type Problem } from "../../src/interop/model.ts";
import { runs } from "../support/fast-check-seed.ts";
import { caseSkip, MALFORMED, readSample } from "./case-support.ts";

const DOC = "d1000000-0000-4000-8000-000000000000";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const date = "2024-01-02T03:04:05+00:00";
const item = (n: number, extra: Record<string, unknown> = {}) => ({
  identifier: id(n),
  uri: `https://x.example/CFItems/${id(n)}`,
  lastChangeDateTime: date,
  fullStatement: `Item ${n}`,
  ...extra,
});
const child = (n: number, parent: string, extra: Record<string, unknown> = {}) => ({
  identifier: id(1000 + n),
  uri: `https://x.example/CFAssociations/${id(1000 + n)}`,
  lastChangeDateTime: date,
  associationType: "isChildOf",
  originNodeURI: { title: `Item ${n}`, identifier: id(n), uri: `https://x.example/CFItems/${id(n)}` },
  destinationNodeURI: { title: "parent", identifier: parent, uri: `https://x.example/CFItems/${parent}` },
  ...extra,
});
const pkg = (items: unknown, associations: unknown, more: Record<string, unknown> = {}) => ({
  CFDocument: {
    identifier: DOC,
    uri: `https://x.example/CFDocuments/${DOC}`,
    creator: "Tests",
    title: "Test framework",
    lastChangeDateTime: date,
  },
  CFItems: items,
  CFAssociations: associations,
  ...more,
});
const codes = (problems: Problem[]) => problems.map((p) => `${p.severity}:${p.code}@${p.where}`);

function assertDescribed(problems: readonly Problem[]) {
  for (const p of problems) {
    assert.ok(hasProblemMessage(p.code), `no message for ${p.code}`);
    for (const lang of ["en", "fr"] as const) {
      // The input itself may hold "{0}": look for unfilled placeholders only outside the quoted values.
      let text = describeProblem(p, lang);
      for (const value of Object.values(p.params ?? {})) text = text.split(String(value)).join("");
      assert.doesNotMatch(text, /\{\w+\}/, `unfilled parameter in ${p.code} (${lang}): ${describeProblem(p, lang)}`);
    }
  }
}

describe("CASE parser: the real malformed sample", { skip: caseSkip }, () => {
  it("names each problem with its JSON pointer and offers nothing to write", () => {
    const result = parseCasePackage(readSample(MALFORMED));
    assert.ok(hasErrors(result.problems));
    const found = codes(result.problems);
    for (const expected of [
      "error:case.missing_field@/CFItems/0/identifier",
      "error:case.missing_field@/CFItems/0/uri",
      "error:case.missing_field@/CFItems/0/lastChangeDateTime",
      "error:case.missing_node@/CFAssociations/0/originNodeURI",
      "warning:case.conflicting_duplicate@/CFItems/3",
      "warning:case.conflicting_duplicate@/CFItems/4",
    ]) {
      assert.ok(found.includes(expected), `missing ${expected} in ${found.join(", ")}`);
    }
    const missing = result.problems.find((p) => p.code === "case.missing_node");
    assert.equal(missing?.params?.id, "d5393b2a-3eca-5520-acea-56af61e5ccd8");
    assertDescribed(result.problems);
    assert.match(describeProblem(missing as Problem, "fr"), /n'a|aucun/);
  });
});

describe("CASE parser: what real servers send", () => {
  it("unwraps {CFPackage: …} and reports pointers inside it", () => {
    const result = parseCasePackage({ CFPackage: pkg([item(1, { uri: undefined })], [child(1, DOC)]) });
    assert.deepEqual(codes(result.problems), [
      "warning:case.unwrapped@/CFPackage",
      "error:case.missing_field@/CFPackage/CFItems/0/uri",
    ]);
  });

  it("keeps unknown and link fields verbatim, on the framework and on items", () => {
    const link = { title: "Doc", identifier: DOC, uri: "https://x.example/CFDocuments/d" };
    const source = pkg(
      [item(1, { CFDocumentURI: link, educationLevel: ["03"], vendorThing: { a: 1 } })],
      [child(1, DOC, { CFDocumentURI: link })],
    );
    (source.CFDocument as Record<string, unknown>).CFPackageURI = link;
    const result = parseCasePackage(JSON.stringify(source));
    assert.deepEqual(result.problems, []);
    const framework = result.value?.framework;
    assert.deepEqual(framework?.extra?.CFPackageURI, link);
    const [first] = framework?.children ?? [];
    assert.deepEqual(first.extra?.CFDocumentURI, link);
    assert.deepEqual(first.extra?.vendorThing, { a: 1 });
    assert.deepEqual(first.extra?.educationLevel, ["03"]);
    assert.deepEqual(result.value?.associations[0].extra?.CFDocumentURI, link);
  });

  it("accepts definitions without descriptions, and keeps associations to nodes elsewhere", () => {
    const elsewhere = { title: "Other", identifier: "something-else-42", uri: "https://other.example/CFItems/42" };
    const related = {
      ...child(2, DOC),
      identifier: id(2002),
      associationType: "exactMatchOf",
      originNodeURI: child(1, DOC).originNodeURI,
      destinationNodeURI: elsewhere,
    };
    const result = parseCasePackage(
      pkg([item(1)], [child(1, DOC), related], {
        CFDefinitions: {
          CFItemTypes: [
            {
              identifier: id(500),
              uri: "https://x.example/t",
              title: "Standard",
              hierarchyCode: "1",
              lastChangeDateTime: date,
            },
          ],
        },
      }),
    );
    assert.deepEqual(result.problems, []);
    const kept = result.value?.associations.find((a) => a.type === "exactMatchOf");
    assert.deepEqual(kept?.destination, {
      itemId: null,
      identifier: "something-else-42",
      uri: elsewhere.uri,
      title: "Other",
    });
    assert.equal(result.value?.definitions[0].kind, "itemType");
  });

  it("orders siblings by sequenceNumber, then human code in natural order", () => {
    const items = [
      item(1, { humanCodingScheme: "A.10" }),
      item(2, { humanCodingScheme: "A.9" }),
      item(3, { humanCodingScheme: "A.2" }),
      item(4, { humanCodingScheme: "Z" }),
    ];
    const associations = [child(1, DOC), child(2, DOC), child(3, DOC), child(4, DOC, { sequenceNumber: 1 })];
    const result = parseCasePackage(pkg(items, associations));
    assert.deepEqual(
      result.value?.framework.children.map((i) => [i.code, i.position]),
      [
        ["Z", 1],
        ["A.2", 2],
        ["A.9", 3],
        ["A.10", 4],
      ],
    );
  });

  it("orders the real SequenceNumber sample as its sequence numbers say", { skip: caseSkip }, () => {
    const result = parseCasePackage(readSample("opensalt__SequenceNumberFramework.json"));
    assert.deepEqual(
      result.value?.framework.children.map((i) => i.code),
      ["SNT.2", "SNT.1"],
    );
  });

  it("turns CFItemTypes into item types, one per name the items use", { skip: caseSkip }, () => {
    const result = parseCasePackage(readSample("sbac__math_g3_claim1_targetH_itemspec.json"));
    const types = result.value?.framework.itemTypes ?? [];
    assert.ok(types.some((t) => t.code === "Target" && t.label.en === "Target"));
    const walk = (items: ImportedItem[]): ImportedItem[] => items.flatMap((i) => [i, ...walk(i.children)]);
    for (const i of walk(result.value?.framework.children ?? []))
      assert.ok(
        types.some((t) => t.code === i.type),
        `type ${i.type} is declared`,
      );
  });

  it("reads a CASE 1.1 package with caseVersion and both languages from our extension", () => {
    const source = pkg(
      [item(1, { extensions: { skillshelf: { translations: { fr: { fullStatement: "Élément 1" } } }, other: true } })],
      [child(1, DOC)],
    );
    (source.CFDocument as Record<string, unknown>).caseVersion = "1.1";
    const result = parseCasePackage(source);
    assert.equal(result.value?.caseVersion, "1.1");
    const [first] = result.value?.framework.children ?? [];
    assert.deepEqual(first.statement, { en: "Item 1", fr: "Élément 1" });
    assert.deepEqual(first.extra?.extensions, { other: true });
  });

  it("reads a French document's statements as French", () => {
    const source = pkg([item(1)], [child(1, DOC)]);
    (source.CFDocument as Record<string, unknown>).language = "fr";
    const [first] = parseCasePackage(source).value?.framework.children ?? [];
    assert.deepEqual(first.statement, { en: null, fr: "Item 1" });
  });
});

describe("CASE parser: malformed input", () => {
  it("gives the line and column of a syntax error in truncated JSON", () => {
    const text = JSON.stringify(pkg([item(1)], [child(1, DOC)]), null, 2);
    const result = parseCasePackage(text.slice(0, Math.floor(text.length / 2)));
    assert.equal(result.value, null);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].code, "case.invalid_json");
    assert.match(result.problems[0].where, /^line \d+, column \d+$/);
    assertDescribed(result.problems);
  });

  it("points at a stray comma", () => {
    const result = parseCasePackage('{\n  "CFDocument": {},\n}');
    assert.equal(result.problems[0].where, "line 3, column 1");
  });

  it("refuses an oversize file before parsing it", (t) => {
    // Text that JSON.parse would accept: only the size check can refuse it, and it must come first.
    const big = `[${"0,".repeat(24_999_998)}10]`; // 50,000,000 bytes
    const parse = t.mock.method(JSON, "parse");
    const decode = t.mock.method(TextDecoder.prototype, "decode");
    const result = parseCasePackage(big, { maxBytes: 45_000_000 });
    assert.deepEqual(codes(result.problems), ["error:case.too_large@"]);
    assert.deepEqual(result.problems[0].params, { size: 50, max: 45 });
    assert.equal(
      parseCasePackage(new Uint8Array(DEFAULT_MAX_IMPORT_BYTES + 1)).problems[0].code,
      "case.too_large",
      "200 MB by default",
    );
    assert.equal(parse.mock.callCount(), 0, "JSON.parse never ran");
    assert.equal(decode.mock.callCount(), 0, "the bytes were never decoded");
    assertDescribed(result.problems);
  });

  it("refuses JSON nested deeper than any package before parsing it, with its line and column", (t) => {
    const depth = 100_000; // 200 KB of brackets: once a stack overflow (a 500) in the writer. Depth 101 is reached at the 99th "[" of line 2.
    const text = `{"CFDocument": {"identifier": "${DOC}",\n"x": ${"[".repeat(depth)}${"]".repeat(depth)}}}`;
    const parse = t.mock.method(JSON, "parse");
    const result = parseCasePackage(text);
    assert.deepEqual(codes(result.problems), ["error:case.too_deeply_nested@line 2, column 104"]);
    assert.equal(parse.mock.callCount(), 0, "JSON.parse never ran");
    assertDescribed(result.problems);
    // Already parsed values are walked without recursion; a shallow package still reads.
    let nested: unknown = [];
    for (let i = 0; i < depth; i++) nested = [nested];
    t.mock.restoreAll();
    assert.deepEqual(codes(parseCasePackage({ CFDocument: { x: nested } }).problems), [
      "error:case.too_deeply_nested@",
    ]);
    assert.equal(parseCasePackage(pkg([item(1)], [child(1, DOC)])).value?.framework.children.length, 1);
  });

  it("reports wrong types, invalid identifiers and dates with pointers", () => {
    const result = parseCasePackage(
      pkg(
        [
          item(1, { fullStatement: { en: "no" } }),
          item(2, { identifier: "not-a-uuid" }),
          item(3, { lastChangeDateTime: "yesterday" }),
          7,
        ],
        "nope",
      ),
    );
    assert.deepEqual(
      codes(result.problems).filter((c) => c.startsWith("error")),
      [
        "error:case.wrong_type@/CFItems/0/fullStatement",
        "error:case.invalid_identifier@/CFItems/1/identifier",
        "error:case.invalid_date@/CFItems/2/lastChangeDateTime",
        "error:case.wrong_type@/CFItems/3",
        "error:case.wrong_type@/CFAssociations",
      ],
    );
    assertDescribed(result.problems);
  });

  it("reports isChildOf cycles, and never loops", () => {
    const result = parseCasePackage(
      pkg([item(1), item(2), item(3)], [child(1, id(2)), child(2, id(3)), child(3, id(1))]),
    );
    const cycle = result.problems.find((p) => p.code === "case.child_cycle");
    assert.ok(cycle, codes(result.problems).join());
    assert.match(String(cycle.params?.chain), /→/);
    assert.match(cycle.where, /^\/CFAssociations\/\d$/);
  });

  it("reports a tree deeper than the limit", () => {
    const n = MAX_CASE_DEPTH + 5;
    const items = Array.from({ length: n }, (_, i) => item(i + 1));
    const associations = items.map((_, i) => child(i + 1, i === 0 ? DOC : id(i)));
    const result = parseCasePackage(pkg(items, associations));
    assert.ok(result.problems.some((p) => p.code === "case.too_deep"));
  });

  it("is not a package without a CFDocument", () => {
    for (const input of ["[]", "42", '{"CFItems": []}', '{"CFPackage": {"CFDocument": 3}}']) {
      const result = parseCasePackage(input);
      assert.equal(result.value, null);
      assert.equal(result.problems[0].code, "case.not_a_package", input);
    }
  });
});

describe("CASE parser: hostile packages (fast-check)", () => {
  const uuid = fc.uuid().map((u) => u.toLowerCase());
  const anyValue = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
  );
  const hostileItem = fc.record(
    {
      identifier: fc.oneof(uuid, anyValue),
      uri: fc.oneof(fc.webUrl(), anyValue),
      lastChangeDateTime: fc.oneof(fc.constant(date), anyValue),
      fullStatement: fc.oneof(
        fc.string({ maxLength: 50 }),
        fc.string({ minLength: 100_001, maxLength: 100_010 }),
        anyValue,
      ),
      humanCodingScheme: fc.oneof(fc.string({ maxLength: 20 }), anyValue),
      CFItemType: anyValue,
    },
    { requiredKeys: [] },
  );
  const hostilePackage = fc
    .tuple(
      fc.array(hostileItem, { maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(15), fc.nat(15), fc.constantFrom("isChildOf", "isRelatedTo", "weird", 5)), {
        maxLength: 20,
      }),
      uuid,
    )
    .map(([items, links, assocId]) => {
      const ids = items.map((i) => (typeof i.identifier === "string" ? i.identifier : id(9)));
      return pkg(
        items,
        links.map(([a, b, type], n) => ({
          identifier: n % 7 === 3 ? assocId : id(5000 + n),
          uri: "https://x.example/a",
          lastChangeDateTime: date,
          associationType: type,
          originNodeURI: { title: "o", identifier: ids[a] ?? id(a), uri: "https://x.example/o" },
          destinationNodeURI: {
            title: "d",
            identifier: b === 15 ? DOC : (ids[b] ?? id(b)),
            uri: "https://x.example/d",
          },
        })),
      );
    });

  it("a value whose object has a 'toString' key is quoted, not called (found by fast-check)", () => {
    const result = parseCasePackage(JSON.stringify(pkg([{ lastChangeDateTime: { toString: {} } } as never], [])));
    const invalid = result.problems.find((p) => p.code === "case.invalid_date");
    assert.ok(invalid, "the date is reported");
    assertDescribed(result.problems);
  });

  it("never throws, and every problem has a pointer and a message in both languages", () => {
    fc.assert(
      fc.property(hostilePackage, (source) => {
        const result = parseCasePackage(JSON.stringify(source));
        for (const p of result.problems) {
          assert.ok(p.where === "" || p.where.startsWith("/") || p.where.startsWith("line"), p.where);
        }
        assertDescribed(result.problems);
        // An error never comes with a package the writer would take as clean.
        if (result.value === null) assert.ok(hasErrors(result.problems));
      }),
      { numRuns: runs(300) },
    );
  });

  it("never throws on arbitrary JSON or text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const result = parseCasePackage(text);
        assert.ok(result.value !== null || result.problems.length > 0);
      }),
      { numRuns: runs(300) },
    );
  });
});
