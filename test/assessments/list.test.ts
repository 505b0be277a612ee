/**
 * The assessments list in pages: for generated organisations (people with ordinary and hostile names,
 * assessments in several cycles and states, a reviewer, a second organisation) and generated filters
 * and scopes, the pages together hold exactly the assessments the filters describe — each once, none
 * of another organisation or of a draft cycle, never the excepted person — the total says how many,
 * and they come newest cycle first, then by family name.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Kysely } from "kysely";
import { assessmentListParams, listAssessments } from "../../src/assessments/work/list.ts";
import type { ASSESSMENT_STATES } from "../../src/db/migrations/017_assessments.ts";
import type { DB } from "../../src/db/schema.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { runs } from "../support/fast-check-seed.ts";
import { insertOrganisation } from "../support/people.ts";
import { insertPerson } from "../support/people-world.ts";

type State = (typeof ASSESSMENT_STATES)[number];
// ASCII only: SQLite's lower() folds ASCII alone, and letters sort alike in every collation.
const family = fc.stringMatching(/^[A-Za-z]{1,6}$/);
const given = fc.oneof(family, fc.constantFrom("50%_off", "O'Hara", "<b>x</b>", "a\\b", "_"));
const personArb = fc.record({
  given,
  family,
  /** Assessed in which of the organisation's cycles (0, 1: open or closed; 2: a draft). */
  cycles: fc.subarray([0, 1, 2]),
  state: fc.constantFrom<State>("in_progress", "submitted", "signed_off"),
  reviewed: fc.boolean(),
});
const filterArb = fc.record({
  q: fc.oneof(
    { weight: 2, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: fc.constantFrom("%", "_", "50%", "o'h", "<b>", "a\\", "a b") },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,2}$/) },
  ),
  cycle: fc.constantFrom(undefined, undefined, undefined, 0, 1, 2, "other-organisation"),
  state: fc.option(fc.constantFrom<State>("in_progress", "submitted"), { nil: undefined, freq: 3 }),
  scope: fc.constantFrom("all", "people", "reviewer", "all-but-first", "all-but-first"),
  pageSize: fc.integer({ min: 1, max: 4 }),
});

for (const dialect of testDialects()) {
  describe(`the assessments list in pages (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    let n = 0;
    before(async () => {
      ({ db, close } = await openTestDatabase(dialect, { starter: false }));
    });
    after(() => close());

    it("pages partition exactly the filtered assessments, in order", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(personArb, { minLength: 0, maxLength: 12 }), filterArb, async (people, filter) => {
          n += 1;
          const organisationId = await insertOrganisation(db, `list-${n}`);
          const otherOrg = await insertOrganisation(db, `list-other-${n}`);
          const cycles = [randomUUID(), randomUUID(), randomUUID()];
          const starts = ["2027-01-01", "2026-01-01", "2028-01-01"];
          const states = ["open", "closed", "draft"] as const;
          for (const [i, id] of cycles.entries())
            await db
              .insertInto("review_cycles")
              .values(cycleRow({ id, organisation_id: organisationId, state: states[i], period_start: starts[i] }))
              .execute();
          const otherCycle = randomUUID();
          await db
            .insertInto("review_cycles")
            .values(cycleRow({ id: otherCycle, organisation_id: otherOrg, state: "open" }))
            .execute();
          const reviewer = await insertPerson(db, organisationId, {
            given: "Rev",
            family: "Iewer",
            email: `r${n}@x.test`,
            number: `R${n}`,
          });
          const expected: { id: string; personId: string; cycle: number; family: string; state: State }[] = [];
          const ids: string[] = [];
          for (const [i, person] of people.entries()) {
            const personId = await insertPerson(db, organisationId, {
              given: person.given,
              family: person.family,
              email: `p${n}-${i}@x.test`,
              number: `${n}-${i}`,
              managerId: person.reviewed ? reviewer : null,
            });
            ids.push(personId);
            for (const cycle of person.cycles) {
              const id = randomUUID();
              await db
                .insertInto("assessments")
                .values(
                  assessmentRow({
                    id,
                    cycle_id: cycles[cycle] as string,
                    organisation_id: organisationId,
                    person_id: personId,
                    manager_id: person.reviewed ? reviewer : null,
                    state: person.state,
                  }),
                )
                .execute();
              expected.push({ id, personId, cycle, family: person.family, state: person.state });
            }
            // The same person in another organisation's cycle never shows here.
            await db
              .insertInto("assessments")
              .values(
                assessmentRow({
                  id: randomUUID(),
                  cycle_id: otherCycle,
                  organisation_id: otherOrg,
                  person_id: personId,
                }),
              )
              .execute();
          }
          const scope =
            filter.scope === "all"
              ? { all: true }
              : filter.scope === "all-but-first"
                ? { all: true, except: ids[0] ?? null }
                : filter.scope === "people"
                  ? { personIds: ids.filter((_, i) => i % 2 === 0) }
                  : { reviewerId: reviewer };
          const cycleParam =
            filter.cycle === undefined
              ? undefined
              : filter.cycle === "other-organisation"
                ? otherCycle
                : cycles[filter.cycle as number];
          const params = assessmentListParams({
            q: filter.q,
            cycle: cycleParam ?? "",
            state: filter.state ?? "",
          });
          const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
          const nameOf = (personId: string) => {
            const person = people[ids.indexOf(personId)];
            return person ? [person.given, person.family].map((name) => name.toLowerCase()) : [];
          };
          const wanted = expected.filter(
            (row) =>
              row.cycle !== 2 &&
              (filter.scope === "all" ||
                (filter.scope === "all-but-first" && row.personId !== ids[0]) ||
                (filter.scope === "people" && ids.indexOf(row.personId) % 2 === 0) ||
                (filter.scope === "reviewer" && people[ids.indexOf(row.personId)]?.reviewed)) &&
              (cycleParam === undefined || cycles[row.cycle] === cycleParam) &&
              (filter.state === undefined || row.state === filter.state) &&
              words.every((word) => nameOf(row.personId).some((name) => name.includes(word))),
          );
          const seen: string[] = [];
          let total = -1;
          for (let page = 1; page <= 40; page++) {
            const result = await listAssessments(db, organisationId, scope, {
              ...params,
              page,
              pageSize: filter.pageSize,
            });
            total = result.total;
            if (result.rows.length === 0) break;
            assert.ok(result.rows.length <= filter.pageSize);
            seen.push(...result.rows.map((row) => row.id));
          }
          assert.equal(total, wanted.length, "the total is of the filtered list");
          assert.equal(new Set(seen).size, seen.length, "each assessment on one page only");
          assert.deepEqual([...seen].sort(), wanted.map((row) => row.id).sort());
          // Newest cycle first (cycle 0 starts after cycle 1), then by family name.
          const order = seen.map((id) => expected.find((row) => row.id === id) as (typeof expected)[number]);
          for (let i = 1; i < order.length; i++) {
            const [a, b] = [order[i - 1], order[i]] as [(typeof order)[number], (typeof order)[number]];
            assert.ok(a.cycle <= b.cycle, "newest cycle first");
            if (a.cycle === b.cycle) assert.ok(a.family.toLowerCase() <= b.family.toLowerCase(), "by family name");
          }
        }),
        { numRuns: runs(50) },
      );
    });

    it("forgives a bad parameter and keeps the others", () => {
      const params = assessmentListParams({ q: " Ana ", state: "nonsense", page: "-3", cycle: "x".repeat(99) });
      assert.deepEqual(params, { q: "Ana", page: 1 });
      assert.deepEqual(assessmentListParams({ page: "2", state: "submitted", utm_source: "mail" }), {
        page: 2,
        state: "submitted",
      });
    });
  });
}
