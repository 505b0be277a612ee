/**
 * The shared reader of assessed competencies on every database: for random cycles (draft, open,
 * closed, in any order of dates) and assessments (some withdrawn), "latest" is each person's
 * assessment in the cycle ending last, "all" and a list of cycles read exactly those, a list of
 * people reads only them, and another organisation's rows never appear.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { assessedRows, cyclesOf } from "../../src/insights/read.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { practiceFramework } from "../support/assessment-work.ts";
import { runs } from "../support/fast-check-seed.ts";
import { insertOrganisation, insertUnit } from "../support/people.ts";
import { insertPerson } from "../support/people-world.ts";

const cycleArb = fc.record({
  state: fc.constantFrom("draft", "open", "closed", "closed"),
  end: fc.integer({ min: 2025, max: 2029 }),
  opened: fc.integer({ min: 1, max: 28 }),
});
const assessmentArb = fc.record({
  person: fc.nat(3),
  cycle: fc.nat(3),
  state: fc.constantFrom("in_progress", "agreed", "signed_off", "signed_off", "withdrawn"),
  agreed: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const worldArb = fc.record({
  cycles: fc.array(cycleArb, { minLength: 2, maxLength: 4 }),
  assessments: fc.array(assessmentArb, { minLength: 4, maxLength: 12 }),
  pick: fc.subarray([0, 1, 2, 3]),
});

for (const dialect of testDialects()) {
  describe(`assessed rows (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    before(async () => {
      const database = await openTestDatabase(dialect, { starter: false });
      db = database.db;
      close = database.close;
    });
    after(() => close());

    it("reads each person's latest assessment, every cycle, chosen cycles or people, and nothing of another organisation", async () => {
      const framework = await practiceFramework(db);
      const edition = await db
        .selectFrom("editions")
        .select("id")
        .where("framework_id", "=", framework.id)
        .orderBy("number", "desc")
        .executeTakeFirstOrThrow();
      const [first, second] = framework.competencies[0] as string[];
      await fc.assert(
        fc.asyncProperty(worldArb, async (world) => {
          const slug = `r${randomUUID().slice(0, 8)}`;
          const org = await insertOrganisation(db, slug);
          const elsewhere = await insertOrganisation(db, `${slug}x`);
          const unit = await insertUnit(db, org, "Branch");
          const people: string[] = [];
          for (let i = 0; i < 4; i++)
            people.push(
              await insertPerson(db, org, {
                given: `P${i}`,
                family: "Test",
                email: `p${i}@${slug}.example.org`,
                number: `${slug}-${i}`,
                unitId: i % 2 === 0 ? unit : null,
              }),
            );
          const cycles = world.cycles.map((c, i) => ({
            ...c,
            id: `${slug}-c${i}`,
            periodEnd: `${c.end}-12-31`,
            openedAt: `${c.end}-01-${String(c.opened).padStart(2, "0")}T00:00:00.000Z`,
          }));
          for (const c of cycles)
            await db
              .insertInto("review_cycles")
              .values(
                cycleRow({
                  id: c.id,
                  organisation_id: org,
                  state: c.state,
                  period_start: `${c.end}-01-01`,
                  period_end: c.periodEnd,
                  opened_at: c.state === "draft" ? null : c.openedAt,
                }),
              )
              .execute();
          // Another organisation's cycle and assessment of the same shape, never read.
          await db
            .insertInto("review_cycles")
            .values(cycleRow({ id: `${slug}-x`, organisation_id: elsewhere, state: "open" }))
            .execute();
          const stranger = await insertPerson(db, elsewhere, {
            given: "X",
            family: "Else",
            email: `x@${slug}.example.org`,
            number: `${slug}-x`,
          });
          const seeded: {
            id: string;
            person: string;
            cycle: (typeof cycles)[number];
            state: string;
            agreed: number | null;
          }[] = [];
          const seen = new Set<string>();
          for (const a of world.assessments) {
            const cycle = cycles[a.cycle % cycles.length] as (typeof cycles)[number];
            const person = people[a.person] as string;
            if (seen.has(`${person}/${cycle.id}`)) continue; // one assessment per person and cycle
            seen.add(`${person}/${cycle.id}`);
            seeded.push({ id: randomUUID(), person, cycle, state: a.state, agreed: a.agreed });
          }
          seeded.push({
            id: randomUUID(),
            person: stranger,
            cycle: { ...cycles[0], id: `${slug}-x` } as (typeof cycles)[number],
            state: "agreed",
            agreed: 2,
          });
          for (const s of seeded) {
            await db
              .insertInto("assessments")
              .values(
                assessmentRow({
                  id: s.id,
                  cycle_id: s.cycle.id,
                  organisation_id: s.person === stranger ? elsewhere : org,
                  person_id: s.person,
                  state: s.state,
                  profile_id: null,
                }),
              )
              .execute();
            await db
              .insertInto("assessment_items")
              .values(
                [first, second].map((itemId, index) => ({
                  assessment_id: s.id,
                  framework_id: framework.id,
                  item_id: itemId as string,
                  edition_id: edition.id,
                  ordinal: index + 1,
                  origin: "profile",
                  target_level: 3,
                  importance: "essential",
                  self_level: null,
                  self_comment: null,
                  manager_level: null,
                  manager_comment: null,
                  agreed_level: index === 0 ? s.agreed : null,
                  updated_at: "2027-01-10T09:00:00.000Z",
                })),
              )
              .execute();
          }

          // The model: what counts, and which is latest.
          const counting = seeded.filter(
            (s) => s.person !== stranger && s.state !== "withdrawn" && s.cycle.state !== "draft",
          );
          const latest = new Map<string, (typeof counting)[number]>();
          for (const s of counting) {
            const current = latest.get(s.person);
            const newer =
              !current ||
              s.cycle.periodEnd > current.cycle.periodEnd ||
              (s.cycle.periodEnd === current.cycle.periodEnd &&
                (s.cycle.openedAt > current.cycle.openedAt ||
                  (s.cycle.openedAt === current.cycle.openedAt && s.id > current.id)));
            if (newer) latest.set(s.person, s);
          }
          const key = (r: { assessmentId: string }) => r.assessmentId;
          const idsOf = (rows: { assessmentId: string }[]) => [...new Set(rows.map(key))].sort();

          const latestRows = await assessedRows(db, org);
          assert.deepEqual(idsOf(latestRows), [...latest.values()].map((s) => s.id).sort());
          assert.equal(latestRows.length, latest.size * 2, "both competencies of each");
          for (const row of latestRows) {
            const s = latest.get(row.personId);
            assert.ok(s);
            assert.equal(row.cycleId, s.cycle.id);
            assert.equal(row.unitId, people.indexOf(row.personId) % 2 === 0 ? unit : null);
            assert.equal(row.agreed, row.ordinal === 1 ? s.agreed : null);
            assert.equal(row.target, 3);
          }

          const everyRows = await assessedRows(db, org, { cycles: "all" });
          assert.deepEqual(idsOf(everyRows), counting.map((s) => s.id).sort());
          // Ordered by person, then cycle oldest first, then ordinal.
          for (let i = 1; i < everyRows.length; i++) {
            const a = everyRows[i - 1] as (typeof everyRows)[number];
            const b = everyRows[i] as (typeof everyRows)[number];
            assert.ok(a.personId <= b.personId);
            if (a.personId === b.personId && a.assessmentId === b.assessmentId) assert.ok(a.ordinal < b.ordinal);
          }

          const chosen = world.pick.map((i) => people[i] as string);
          const chosenRows = await assessedRows(db, org, { personIds: chosen, cycles: "all" });
          assert.deepEqual(
            idsOf(chosenRows),
            counting
              .filter((s) => chosen.includes(s.person))
              .map((s) => s.id)
              .sort(),
          );

          const oneCycle = cycles[0]?.id as string;
          const cycleRows = await assessedRows(db, org, { cycles: [oneCycle] });
          assert.deepEqual(
            idsOf(cycleRows),
            counting
              .filter((s) => s.cycle.id === oneCycle)
              .map((s) => s.id)
              .sort(),
          );

          const listed = await cyclesOf(db, org);
          assert.deepEqual(
            listed.map((c) => c.id).sort(),
            cycles
              .filter((c) => c.state !== "draft")
              .map((c) => c.id)
              .sort(),
          );
          for (let i = 1; i < listed.length; i++)
            assert.ok(
              (listed[i - 1] as { periodEnd: string }).periodEnd <= (listed[i] as { periodEnd: string }).periodEnd,
            );
        }),
        { numRuns: runs(12) },
      );
    });

    it("an empty list of people or cycles reads nothing", async () => {
      const org = await insertOrganisation(db, `e${randomUUID().slice(0, 8)}`);
      assert.deepEqual(await assessedRows(db, org, { personIds: [] }), []);
      assert.deepEqual(await assessedRows(db, org, { cycles: [] }), []);
      assert.deepEqual(await assessedRows(db, org), []);
    });
  });
}
