import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { StoredJsonError } from "../../src/db/stored-json.ts";
import {
  changeValueAt,
  createRecord,
  decodeText,
  decodeValue,
  deleteRecord,
  diffItems,
  encodePath,
  encodeValue,
  fieldRecords,
  recordedState,
} from "../../src/frameworks/history.ts";
import type { ItemState } from "../../src/frameworks/item-state.ts";

const item: ItemState = {
  id: "a",
  parent_id: "p",
  position: 2,
  type: "competency",
  code: "X.1",
  statement_en: "Plans budgets",
  statement_fr: null,
  description_en: null,
  description_fr: null,
};

describe("history diffs", () => {
  test("two equal versions differ in nothing", () => {
    assert.deepEqual(diffItems(item, { ...item }), []);
  });

  test("each changed field is one record with its before and after", () => {
    const changed = {
      ...item,
      statement_en: "Plans and tracks budgets",
      statement_fr: "Planifie les budgets",
      position: 5,
    };
    assert.deepEqual(diffItems(item, changed), [
      { field: "statement_en", before: "Plans budgets", after: "Plans and tracks budgets" },
      { field: "statement_fr", before: null, after: "Planifie les budgets" },
    ]);
    assert.deepEqual(diffItems(item, changed, ["position"]), [{ field: "position", before: 2, after: 5 }]);
  });

  test("an emptied field and a missing one are the same (null)", () => {
    assert.deepEqual(diffItems({ ...item, description_fr: undefined as unknown as null }, item), []);
  });

  test("records keep values as JSON, so null, empty text and numbers survive a round trip", () => {
    for (const value of [null, "", 'text with "quotes" and <b>', 3])
      assert.deepEqual(decodeValue(encodeValue(value)), value);
    const [record] = fieldRecords("update", item, ["p", "a"], [{ field: "code", before: "X.1", after: null }]);
    assert.equal(record.before, '"X.1"');
    assert.equal(record.after, "null");
    assert.deepEqual(record.path, ["p", "a"]);
  });

  test("a create or delete record holds the whole item, so it can be brought back", () => {
    assert.deepEqual(recordedState(createRecord(item, ["p", "a"]).after), item);
    assert.deepEqual(recordedState(deleteRecord({ ...item, version: 7 } as ItemState, ["p", "a"]).before), item);
    assert.equal(recordedState("not json"), null);
    assert.equal(recordedState('"just text"'), null);
  });

  test("a recorded value is read as the shape its reader needs; anything else is an error naming the record", () => {
    assert.equal(decodeText(encodeValue("Plans budgets")), "Plans budgets");
    assert.equal(decodeText(encodeValue(null)), null);
    const at = changeValueAt({ id: "c-1" }, "before");
    for (const stored of ["3", '{"id":"a"}', "not json", "[1]"])
      assert.throws(
        () => decodeText(stored, at),
        (error) => error instanceof StoredJsonError && /changes\.before \(id c-1\)/.test(error.message),
        stored,
      );
    assert.throws(() => decodeValue("not json", at), StoredJsonError);
  });

  test("paths are stored so that a LIKE on one ancestor finds everything under it", () => {
    assert.equal(encodePath(["root", "area", "item"]), "/root/area/item/");
    assert.equal(encodePath([]), null);
  });
});
