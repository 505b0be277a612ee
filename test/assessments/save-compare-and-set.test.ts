/**
 * The light save decides on what the request read before the save's lock (`stored`) and writes only
 * if the row still holds it; otherwise it runs again reading under the lock. For random sequences
 * of saves — each deciding on a fresh read or on one taken several saves earlier, with random
 * "loaded" values — the outcome (written, refused as a conflict, or nothing to do), the values left
 * and the history match the rule the save states: a field already at the wanted value is left; a
 * field changed since the form was loaded, to something else, refuses the whole save.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Kysely } from "kysely";
import { readAssessment, readHistory } from "../../src/assessments/work/read.ts";
import { saveRatings } from "../../src/assessments/work/save-ratings.ts";
import { AssessmentConflict, AssessmentRefused, type Fields } from "../../src/assessments/work/store.ts";
import type { DB } from "../../src/db/schema.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { seedAssessment } from "../support/assessment-work.ts";
import { runs } from "../support/fast-check-seed.ts";
import { insertOrganisation } from "../support/people.ts";
import { insertPerson } from "../support/people-world.ts";

const actor = { id: null, label: "Ysolde <ysolde@example.org>" };
const levelArb = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
const commentArb = fc.constantFrom(null, "Fine", "Better");
const fieldsArb = fc.record({ level: levelArb, comment: commentArb });
const stepArb = fc.record({
  item: fc.nat(1),
  want: fieldsArb,
  /** The form was loaded with the values as they are now, as the (maybe stale) read saw them, or others. */
  loadedFrom: fc.constantFrom("now", "read", "other"),
  loaded: fieldsArb,
  /** How many saves old the read the save decides on is (0: fresh). */
  staleness: fc.nat(3),
  /**
   * What the light read saw of the assessment itself: nothing (the save reads it under the lock), its
   * standing as it is, or a standing it no longer has (submitted meanwhile: the person may not save).
   */
  standing: fc.constantFrom("none", "as-is", "submitted-since"),
});

type Outcome = "written" | "conflict" | "unchanged";

/** The save's rule, on one competency's self level and comment. */
function expected(now: Fields, want: Fields, loaded: Fields): Outcome {
  let changes = false;
  for (const field of ["level", "comment"] as const) {
    const current = now[field] ?? null;
    const wanted = want[field] ?? null;
    if (current === wanted) continue;
    if (current !== (loaded[field] ?? null)) return "conflict";
    changes = true;
  }
  return changes ? "written" : "unchanged";
}

for (const dialect of testDialects()) {
  describe(`a save decided on an earlier read (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    let organisationId: string;
    let personId: string;
    before(async () => {
      const database = await openTestDatabase(dialect, { starter: false });
      db = database.db;
      close = database.close;
      organisationId = await insertOrganisation(db, "cas-org");
      personId = await insertPerson(db, organisationId, { given: "Y", family: "M", email: "y@x.test", number: "2" });
    });
    after(() => close());

    it("writes, refuses or leaves exactly as a save reading under the lock would", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 2, maxLength: 6 }), async (steps) => {
          const seeded = await seedAssessment(db, { organisationId, personId, managerId: null, state: "in_progress" });
          const ref = { organisationId, assessmentId: seeded.assessmentId };
          // The model: each competency's values after every save (index 0: as seeded).
          const states: Fields[][] = [seeded.items.map(() => ({ level: null, comment: null }))];
          let writes = 0;
          for (const step of steps) {
            const now = states[states.length - 1] as Fields[];
            const itemId = seeded.items[step.item] as string;
            const read = states[Math.max(0, states.length - 1 - step.staleness)] as Fields[];
            const current = now[step.item] as Fields;
            const loaded =
              step.loadedFrom === "now"
                ? current
                : step.loadedFrom === "read"
                  ? (read[step.item] as Fields)
                  : step.loaded;
            const submitted = step.standing === "submitted-since";
            const outcome: Outcome | "refused" = submitted ? "refused" : expected(current, step.want, loaded);
            if (submitted)
              await db
                .updateTable("assessments")
                .set({ state: "submitted" })
                .where("id", "=", ref.assessmentId)
                .execute();
            let got: Outcome | "refused" = "written";
            const before = (await readHistory(db, ref.assessmentId)).length;
            try {
              await saveRatings(db, ref, {
                group: "self",
                changes: [
                  {
                    frameworkId: seeded.frameworkId,
                    itemId,
                    values: step.want,
                    previous: loaded,
                    stored: read[step.item] as Fields,
                  },
                ],
                party: "person",
                actor,
                read:
                  step.standing === "none"
                    ? undefined
                    : {
                        standing: { state: "in_progress", personSigned: false, reviewerSigned: false, cycleOpen: true },
                        levels: 4,
                      },
              });
              if ((await readHistory(db, ref.assessmentId)).length === before) got = "unchanged";
            } catch (error) {
              if (error instanceof AssessmentRefused) got = "refused";
              else if (error instanceof AssessmentConflict) got = "conflict";
              else throw error;
            }
            if (submitted)
              await db
                .updateTable("assessments")
                .set({ state: "in_progress" })
                .where("id", "=", ref.assessmentId)
                .execute();
            assert.equal(got, outcome, JSON.stringify({ current, step }));
            const next = now.map((fields, index) =>
              index === step.item && outcome === "written" ? { ...step.want } : fields,
            );
            if (outcome === "written") writes += 1;
            states.push(next);
            const view = await readAssessment(db, ref.organisationId, ref.assessmentId);
            assert.deepEqual(
              view?.items.map((item) => item.self),
              next,
            );
          }
          const lines = await readHistory(db, ref.assessmentId);
          const ratingLines = lines.filter((line) => line.event === "rating");
          assert.equal(ratingLines.length, writes, "one history line per save that wrote");
          const times = lines.map((line) => line.at);
          assert.equal(new Set(times).size, times.length, "each history line has its own time");
        }),
        { numRuns: runs(10) },
      );
    });
  });
}

for (const dialect of testDialects()) {
  describe(`the reviewer's agreed and manager levels decided on an earlier read (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    let organisationId: string;
    let personId: string;
    before(async () => {
      const database = await openTestDatabase(dialect, { starter: false });
      db = database.db;
      close = database.close;
      organisationId = await insertOrganisation(db, "cas-agreed");
      personId = await insertPerson(db, organisationId, { given: "A", family: "G", email: "a@x.test", number: "3" });
    });
    after(() => close());

    it("writes on a fresh read, refuses a changed level as a conflict, leaves what is already there", async () => {
      const seeded = await seedAssessment(db, { organisationId, personId, managerId: null, state: "in_review" });
      const ref = { organisationId, assessmentId: seeded.assessmentId };
      const read = {
        standing: { state: "in_review" as const, personSigned: false, reviewerSigned: false, cycleOpen: true },
        levels: 4,
      };
      const frameworkId = seeded.frameworkId;
      const itemId = seeded.items[0] as string;
      const save = (group: "agreed" | "manager", level: number, previous: number | null, stored: number | null) =>
        saveRatings(db, ref, {
          group,
          changes: [
            {
              frameworkId,
              itemId,
              values: { level, comment: group === "manager" ? "Seen at the desk" : null },
              previous: { level: previous, comment: null },
              stored: { level: stored, comment: null },
            },
          ],
          party: "reviewer",
          actor,
          read,
        });
      await save("agreed", 3, null, null);
      await save("manager", 2, null, null);
      const levels = async () => {
        const item = (await readAssessment(db, organisationId, ref.assessmentId))?.items[0];
        return { agreed: item?.agreedLevel, manager: item?.manager };
      };
      assert.deepEqual(await levels(), { agreed: 3, manager: { level: 2, comment: "Seen at the desk" } });
      // Loaded before the first save, on a read that is now stale: the agreed level changed meanwhile.
      await assert.rejects(save("agreed", 4, null, null), AssessmentConflict);
      await save("agreed", 3, null, null); // already the level wanted: nothing to write
      assert.deepEqual(await levels(), { agreed: 3, manager: { level: 2, comment: "Seen at the desk" } });
      const lines = (await readHistory(db, ref.assessmentId)).filter((line) => line.event === "rating");
      assert.equal(lines.length, 2, "one line per save that wrote");
    });
  });
}
