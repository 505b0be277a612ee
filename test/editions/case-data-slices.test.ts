/**
 * An edition's CASE data read a slice at a time (src/editions/stored.ts, issue 12): the same value
 * and the same refusals as reading it at once, for any stored data, and the event loop gets turns
 * while a big one is parsed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setImmediate as nextTurn } from "node:timers/promises";
import fc from "fast-check";
import type { CaseAssociationsTable, CaseDefinitionsTable } from "../../src/db/schema.ts";
import { StoredJsonError } from "../../src/db/stored-json.ts";
import {
  type EditionCaseData,
  readEditionCaseData,
  readEditionCaseDataInSlices,
  writeEditionCaseData,
} from "../../src/editions/stored.ts";

const at = { column: "editions.case_data", row: "id test" };
// Any text, astral characters included: the parser's pieces may cut a surrogate pair in two.
const text = fc.string({ unit: "grapheme", maxLength: 40 });
const nullable = fc.option(text, { nil: null });
const count = fc.integer({ min: -5, max: 10_000 });
/** Objects as JSON.parse makes them (fast-check's records have no prototype by default). */
const plain = { noNullPrototype: true } as const;

const associationRow: fc.Arbitrary<CaseAssociationsTable> = fc.record(
  {
    framework_id: text,
    id: text,
    association_type: text,
    uri: nullable,
    origin_item_id: nullable,
    origin_identifier: text,
    origin_uri: nullable,
    origin_title: nullable,
    destination_item_id: nullable,
    destination_identifier: text,
    destination_uri: nullable,
    destination_title: nullable,
    sequence_number: fc.option(count, { nil: null }),
    grouping_id: nullable,
    tree_position: fc.option(count, { nil: null }),
    ordinal: count,
    last_change: text,
    extra: nullable,
  },
  plain,
);
const definitionRow: fc.Arbitrary<CaseDefinitionsTable> = fc.record(
  {
    framework_id: text,
    kind: text,
    id: text,
    ordinal: count,
    body: text,
  },
  plain,
);
const caseData: fc.Arbitrary<EditionCaseData> = fc.record(
  {
    associations: fc.array(associationRow, { maxLength: 30 }),
    definitions: fc.array(definitionRow, { maxLength: 10 }),
  },
  plain,
);

/** The error reading at once gives, or undefined. */
function refusalAtOnce(stored: string): StoredJsonError | undefined {
  try {
    readEditionCaseData(stored, at);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof StoredJsonError, String(error));
    return error;
  }
}

async function refusalInSlices(stored: string): Promise<StoredJsonError | undefined> {
  try {
    await readEditionCaseDataInSlices(stored, at, 0);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof StoredJsonError, String(error));
    return error;
  }
}

describe("an edition's CASE data, read in slices", () => {
  it("gives what reading it at once gives, for any data, as text or bytes cut into pieces anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(caseData, fc.integer({ min: 1, max: 9 }), async (data, pieceSize) => {
        const stored = writeEditionCaseData(data);
        assert.deepEqual(await readEditionCaseDataInSlices(stored, at, 0), readEditionCaseData(stored, at));
        assert.deepEqual(await readEditionCaseDataInSlices(stored, at, 0, pieceSize), data);
        // As the off-thread read hands it over: UTF-8 bytes, a character's bytes split between pieces.
        assert.deepEqual(await readEditionCaseDataInSlices(Buffer.from(stored, "utf8"), at, 0, pieceSize), data);
      }),
      { numRuns: 150 },
    );
  });

  it("refuses what reading at once refuses, naming the column and row (and the bad row's place)", async () => {
    const broken = fc.oneof(
      // Cut anywhere, or a character dropped: not JSON, or not the shape.
      fc
        .tuple(caseData, fc.nat())
        .map(([data, cut]) => writeEditionCaseData(data).slice(0, cut % (writeEditionCaseData(data).length + 1))),
      // A field of a row of the wrong type.
      fc
        .tuple(caseData, associationRow, fc.constantFrom("ordinal", "id", "uri"))
        .map(([data, row, field]) =>
          writeEditionCaseData({ ...data, associations: [...data.associations, { ...row, [field]: true } as never] }),
        ),
      // A format version this code does not read; a missing list.
      caseData.map((data) => JSON.stringify({ v: 2, ...data })),
      caseData.map((data) => JSON.stringify({ v: 1, associations: data.associations })),
      fc.constantFrom("", "null", "[]", '"text"', "{", '{"v":1,"associations":{},"definitions":[]}'),
    );
    await fc.assert(
      fc.asyncProperty(broken, async (stored) => {
        const once = refusalAtOnce(stored);
        const sliced = await refusalInSlices(stored);
        assert.equal(sliced === undefined, once === undefined, `${stored.slice(0, 200)}: ${once?.message}`);
        if (sliced) {
          assert.equal(sliced.column, at.column);
          assert.equal(sliced.row, at.row);
        }
      }),
      { numRuns: 300 },
    );
    const data: EditionCaseData = { associations: [], definitions: [] };
    const badRow = writeEditionCaseData({
      ...data,
      definitions: [{ framework_id: "f", kind: "subject", id: "d", ordinal: 1, body: 7 as never }],
    });
    const sliced = await refusalInSlices(badRow);
    assert.match(sliced?.message ?? "", /definitions\.0\.body/);
  });

  it("gives the event loop turns while a big one is parsed and checked", async () => {
    const row: CaseAssociationsTable = {
      framework_id: "f",
      id: "a",
      association_type: "isChildOf",
      uri: "https://example.org/ims/case/v1p1/CFAssociations/a",
      origin_item_id: "i",
      origin_identifier: "i",
      origin_uri: "https://example.org/ims/case/v1p1/CFItems/i",
      origin_title: "Plans and delivers programs for children and families with community partners",
      destination_item_id: "p",
      destination_identifier: "p",
      destination_uri: "https://example.org/ims/case/v1p1/CFItems/p",
      destination_title: "Community relations",
      sequence_number: 1,
      grouping_id: null,
      tree_position: 1,
      ordinal: 1,
      last_change: "2026-01-01T00:00:00Z",
      extra: null,
    };
    const stored = writeEditionCaseData({
      associations: Array.from({ length: 20_000 }, (_, i) => ({ ...row, id: `a${i}`, ordinal: i })),
      definitions: [],
    });
    let turns = 0;
    let reading = true;
    const ticker = (async () => {
      while (reading) {
        await nextTurn();
        turns++;
      }
    })();
    const read = await readEditionCaseDataInSlices(stored, at, 1);
    reading = false;
    await ticker;
    assert.equal(read.associations.length, 20_000);
    assert.equal(read.associations[19_999]?.id, "a19999");
    // ~8 MB of JSON: read at once, nothing else would run until the end.
    assert.ok(turns >= 5, `only ${turns} turns of the event loop while reading`);
  });
});
