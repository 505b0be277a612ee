/** An adopted framework's waiting changes from editions, tracking and the draft, without a database. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { caughtUpTo, type EntriesInput, type TrackedItem, upstreamEntries } from "../../src/adoption/entries.ts";
import type { DraftItem, ItemState } from "../../src/frameworks/item-state.ts";

const localId = (id: string) => `L-${id}`;

const node = (id: string, parent: string | null, en: string, extra: Partial<ItemState> = {}): ItemState => ({
  id,
  parent_id: parent,
  position: 1,
  type: parent ? "ksa" : "area",
  code: id.toUpperCase(),
  statement_en: en,
  statement_fr: `${en} (fr)`,
  description_en: null,
  description_fr: null,
  ...extra,
});

const edition = (...items: ItemState[]) => new Map(items.map((i) => [i.id, i]));

/** The draft as a fresh copy of `items` (local ids derived), with changes applied. */
const copy = (items: ItemState[], change: (item: DraftItem) => DraftItem | null = (i) => i): DraftItem[] =>
  items
    .map((i) =>
      change({
        ...i,
        id: localId(i.id),
        parent_id: i.parent_id ? localId(i.parent_id) : null,
        version: 1,
        updated_at: "2030-01-01T00:00:00.000Z",
      }),
    )
    .filter((i): i is DraftItem => i !== null);

const area = node("a", null, "Budget");
const k1 = node("k1", "a", "Plans");
const k2 = node("k2", "a", "Reports");

function input(partial: Partial<EntriesInput>): EntriesInput {
  return {
    adoptedEdition: 1,
    latestEdition: 1,
    editions: new Map([[1, edition(area, k1, k2)]]),
    tracked: new Map(),
    draft: copy([area, k1, k2]),
    localId,
    ...partial,
  };
}

const tracked = (id: string, edition: number, decision: string, kind: string): [string, TrackedItem] => [
  id,
  { sourceItemId: id, edition, decision, kind },
];

describe("waiting upstream changes", () => {
  test("a fresh copy of the latest edition waits for nothing", () => {
    assert.deepEqual(upstreamEntries(input({})).entries, []);
  });

  test("'upstream before' is the edition last taken or left for that item, not the adopted one", () => {
    const e2 = edition(area, { ...k1, statement_en: "Plans v2" }, k2);
    const e3 = edition(area, { ...k1, statement_en: "Plans v3" }, k2);
    // Edition 2's change was taken (the draft holds v2), then upstream changed it again in edition 3.
    const { entries } = upstreamEntries(
      input({
        latestEdition: 3,
        editions: new Map([
          [1, edition(area, k1, k2)],
          [2, e2],
          [3, e3],
        ]),
        tracked: new Map([tracked("k1", 2, "take", "changed")]),
        draft: copy([area, k1, k2], (i) => (i.id === localId("k1") ? { ...i, statement_en: "Plans v2" } : i)),
      }),
    );
    assert.equal(entries.length, 1);
    assert.deepEqual(
      [entries[0].baseEdition, entries[0].three.base?.statement_en, entries[0].conflict],
      [2, "Plans v2", null],
    );
  });

  test("a removal upstream conflicts when something was added locally under the item", () => {
    const local = copy([area, k1, k2]).concat({
      ...node("mine", null, "Local KSA"),
      id: "mine",
      parent_id: localId("k1"),
      version: 1,
      updated_at: "2030-01-01T00:00:00.000Z",
    });
    const { entries } = upstreamEntries(
      input({
        latestEdition: 2,
        editions: new Map([
          [1, edition(area, k1, k2)],
          [2, edition(area, k2)],
        ]),
        draft: local,
      }),
    );
    assert.deepEqual(
      entries.map((e) => [e.id, e.kind, e.conflict]),
      [["k1", "removed", "edited_locally"]],
    );
  });

  test("an addition under an item the draft does not hold says so (its parent's addition comes first)", () => {
    const b = node("b", null, "Facilities");
    const kb = node("kb", "b", "Maintains");
    const { entries } = upstreamEntries(
      input({
        latestEdition: 2,
        editions: new Map([
          [1, edition(area, k1, k2)],
          [2, edition(area, k1, k2, b, kb)],
        ]),
      }),
    );
    assert.deepEqual(
      entries.map((e) => [e.id, e.kind, e.parentMissing]),
      [
        ["b", "added", false],
        ["kb", "added", true],
      ],
    );
  });

  test("the fingerprint names all three versions: a local edit since the page was shown changes it", () => {
    const inputs = input({
      latestEdition: 2,
      editions: new Map([
        [1, edition(area, k1, k2)],
        [2, edition(area, { ...k1, code: "K1.NEW" }, k2)],
      ]),
    });
    const before = upstreamEntries(inputs).entries[0].fingerprint;
    const edited = upstreamEntries({
      ...inputs,
      draft: copy([area, k1, k2], (i) => (i.id === localId("k1") ? { ...i, statement_fr: "Autre" } : i)),
    }).entries[0].fingerprint;
    assert.match(before, /^[0-9a-f]{32}$/);
    assert.notEqual(before, edited);
  });
});

describe("the edition a copy has caught up with", () => {
  const e1 = edition(area, k1, k2);
  const e2 = edition(area, { ...k1, code: "K1.2" }, k2);
  const e3 = edition(area, { ...k1, code: "K1.2" }, { ...k2, code: "K2.3" });
  const editions = new Map([
    [1, e1],
    [2, e2],
    [3, e3],
  ]);
  const at = async (n: number) => editions.get(n);

  test("everything decided: the latest; edition 2's change waiting: edition 1", async () => {
    assert.equal(await caughtUpTo([], 3, at), 3);
    const { entries } = upstreamEntries(input({ latestEdition: 3, editions }));
    assert.deepEqual(
      entries.map((e) => e.id),
      ["k1", "k2"],
    );
    assert.equal(await caughtUpTo(entries, 3, at), 1);
  });

  test("edition 2's change taken, edition 3's waiting: edition 2", async () => {
    const { entries } = upstreamEntries(
      input({
        latestEdition: 3,
        editions,
        tracked: new Map([tracked("k1", 3, "take", "changed")]),
        draft: copy([area, k1, k2], (i) => (i.id === localId("k1") ? { ...i, code: "K1.2" } : i)),
      }),
    );
    assert.deepEqual(
      entries.map((e) => e.id),
      ["k2"],
    );
    assert.equal(await caughtUpTo(entries, 3, at), 2);
  });

  test("an edition that cannot be read is not claimed", async () => {
    const { entries } = upstreamEntries(input({ latestEdition: 3, editions }));
    assert.equal(await caughtUpTo(entries, 3, async () => undefined), 1);
  });
});
