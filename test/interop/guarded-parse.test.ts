/**
 * Parsing uploads in worker threads (src/interop/guarded/parse-upload.ts): the result is the
 * parser's own; a file that needs more heap than allowed is stopped and reported, and the pool
 * carries on; uploads beyond the queue are told the server is busy. (A page answered during a
 * parse, and the time limit through the wizard: test/security/hostile-imports.test.ts.)
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { PARSE_LIMITS, ParsePool } from "../../src/interop/guarded/parse-upload.ts";
import { parseSpreadsheet, spreadsheetTemplate } from "../../src/interop/sheets/index.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const pools: ParsePool[] = [];
const pool = (limits: Partial<typeof PARSE_LIMITS> = {}) => {
  const created = new ParsePool({ ...PARSE_LIMITS, ...limits });
  pools.push(created);
  return created;
};
after(() => Promise.all(pools.map((p) => p.close())));

describe("guarded parse", () => {
  it("gives what the parser gives, for each format, and leaves the caller's bytes alone", async () => {
    const workers = pool();
    const json = encode('{"CFDocument": {"identifier": "not a uuid"}, "CFItems": []}');
    const copy = json.slice();
    assert.deepEqual(await workers.parse("case", json), parseCasePackage(json));
    assert.deepEqual(json, copy);
    const xlsx = await spreadsheetTemplate("xlsx", "fr"); // a Buffer, as the CLI reads files
    const fromWorker = await workers.parse("xlsx", xlsx);
    assert.ok(xlsx.byteLength > 0, "the caller's Buffer is still whole");
    const inThread = await parseSpreadsheet(xlsx, "xlsx");
    // Identifiers a sheet does not give are generated afresh by each parse: compare the rest.
    const shape = (value: unknown) => JSON.stringify(value).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "id");
    assert.equal(shape(fromWorker), shape(inThread));
    const csv = encode("identifier,parent,type,statement_en,statement_fr\na,,area,A,\n");
    assert.equal(shape(await workers.parse("csv", csv)), shape(await parseSpreadsheet(csv, "csv")));
  });

  it("stops a parse that needs more heap than allowed, says so, and parses the next file", async () => {
    // One item holding two million small arrays: far beyond a 32 MB heap, never a large buffer, and
    // one item (a million items would be refused by count before anything was built).
    const small = pool({ maxOldGenerationSizeMb: 32, concurrency: 1 });
    const text = `{"CFDocument":{},"CFItems":[{"a":[${"[1],".repeat(2_000_000)}[1]]}]}`;
    const result = await small.parse("case", encode(text));
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ["import.parse_memory"],
    );
    assert.equal(result.value, null);
    const next = await small.parse("case", encode('{"CFDocument": {}}'));
    assert.ok(
      next.problems.some((p) => p.code === "case.missing_field"),
      "a fresh worker took over",
    );
  });

  it("tells the uploads beyond the queue that the server is busy", async () => {
    const one = pool({ concurrency: 1, maxQueued: 1 });
    const bytes = encode('{"CFDocument": {}}');
    const results = await Promise.all([one.parse("case", bytes), one.parse("case", bytes), one.parse("case", bytes)]);
    assert.deepEqual(
      results.map((r) => r.problems.some((p) => p.code === "import.parse_busy")),
      [false, false, true],
    );
  });
});
