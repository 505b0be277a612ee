/**
 * Paging through the access log, on each database: whatever the entries (many at the same instant)
 * and the page size, the pages together hold every matching entry exactly once, newest first, and
 * an entry written meanwhile never shifts what the next page holds.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { dayAfter, listAccessLog } from "../../src/people/privacy/access-log-store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { insertOrganisation, insertPerson } from "./privacy-world.ts";

test("the day after a day, across months and leap years", () => {
  assert.equal(dayAfter("2026-02-28"), "2026-03-01");
  assert.equal(dayAfter("2024-02-28"), "2024-02-29");
  assert.equal(dayAfter("2026-12-31"), "2027-01-01");
});

for (const dialect of testDialects()) {
  describe(`access log paging (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let org = "";
    let people: string[] = [];
    let round = 0;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      org = await insertOrganisation(t.db, "paging");
      people = [
        await insertPerson(t.db, org, { given: "Ann", family: "One", number: "P1" }),
        await insertPerson(t.db, org, { given: "Bo", family: "Two", number: "P2" }),
      ];
    });
    after(() => t?.close());

    test("pages hold every entry once, newest first, ties and all", async () => {
      const entry = fc.record({ minute: fc.integer({ min: 0, max: 5 }), who: fc.integer({ min: 0, max: 1 }) });
      await fc.assert(
        fc.asyncProperty(
          fc.array(entry, { minLength: 0, maxLength: 25 }),
          fc.integer({ min: 1, max: 7 }),
          async (entries, limit) => {
            round++;
            const viewer = `viewer-${round}`;
            const rows = entries.map((e) => ({
              id: randomUUID(),
              organisation_id: org,
              at: new Date(Date.UTC(2026, 0, 1, 0, e.minute)).toISOString(),
              actor_id: null,
              actor_label: viewer,
              person_id: people[e.who],
              what: "record",
              path: null,
              request_id: null,
            }));
            if (rows.length > 0) await t.db.insertInto("access_log").values(rows).execute();
            const seen: { at: string; id: string }[] = [];
            let before: string | undefined;
            let pages = 0;
            do {
              const page = await listAccessLog(t.db, org, { viewer }, { limit, before });
              assert.ok(page.entries.length <= limit);
              seen.push(...page.entries.map((e) => ({ at: e.at, id: e.id })));
              // Someone views a record meanwhile: it is newer than every page, so no page moves.
              await t.db
                .insertInto("access_log")
                .values({
                  id: randomUUID(),
                  organisation_id: org,
                  at: "2027-01-01T00:00:00.000Z",
                  actor_id: null,
                  actor_label: viewer,
                  person_id: people[0],
                  what: "record",
                  path: null,
                  request_id: null,
                })
                .execute();
              before = page.next;
              pages++;
            } while (before && pages < 100);
            const expected = rows
              .map((r) => ({ at: r.at, id: r.id }))
              .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
            // The entries written meanwhile are newer than the first page: no later page shows them.
            assert.deepEqual(seen, expected);
          },
        ),
        { numRuns: runs(25) },
      );
    });

    test("the from and to days are the organisation's days in its zone", async () => {
      const viewer = "viewer-zone";
      // 23:30 in Toronto on 1 December is 04:30 UTC on the 2nd; 00:30 on the 2nd is 05:30 UTC.
      const at = ["2026-12-02T04:30:00.000Z", "2026-12-02T05:30:00.000Z"];
      await t.db
        .insertInto("access_log")
        .values(
          at.map((when) => ({
            id: randomUUID(),
            organisation_id: org,
            at: when,
            actor_id: null,
            actor_label: viewer,
            person_id: people[0],
            what: "record",
            path: null,
            request_id: null,
          })),
        )
        .execute();
      const shown = async (filter: { from?: string; to?: string; timeZone?: string }) =>
        (await listAccessLog(t.db, org, { viewer, ...filter }, { limit: 10 })).entries.map((e) => e.at).sort();
      assert.deepEqual(await shown({ to: "2026-12-01", timeZone: "America/Toronto" }), [at[0]]);
      assert.deepEqual(await shown({ from: "2026-12-02", timeZone: "America/Toronto" }), [at[1]]);
      // Without a zone, UTC's days: both fall on the 2nd.
      assert.deepEqual(await shown({ from: "2026-12-02", to: "2026-12-02" }), at);
    });
  });
}
