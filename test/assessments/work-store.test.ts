/**
 * The assessment store on every database: reading with items, scale and descriptors; saves bump the
 * version and write history; the person and the manager saving at once never lose each other's work;
 * a conflict on the same field is refused whole; the workflow through sign-off; adding and removing
 * competencies.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import { readAssessment, readHistory } from "../../src/assessments/work/read.ts";
import { saveRatings } from "../../src/assessments/work/save-ratings.ts";
import {
  AssessmentConflict,
  AssessmentRefused,
  addCompetency,
  changeState,
  removeCompetency,
  saveConversation,
} from "../../src/assessments/work/store.ts";
import type { DB } from "../../src/db/schema.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { seedAssessment } from "../support/assessment-work.ts";
import { insertOrganisation } from "../support/people.ts";
import { insertPerson } from "../support/people-world.ts";

const person = { id: null, label: "Ysolde <ysolde@example.org>" };
const manager = { id: null, label: "Quorra <quorra@example.org>" };
const none = { level: null, comment: null };

for (const dialect of testDialects()) {
  describe(`assessment store (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    let organisationId: string;
    let personId: string;
    let managerId: string;
    before(async () => {
      const database = await openTestDatabase(dialect, { starter: false });
      db = database.db;
      close = database.close;
      organisationId = await insertOrganisation(db, "store-org");
      managerId = await insertPerson(db, organisationId, { given: "Q", family: "V", email: "q@x.test", number: "1" });
      personId = await insertPerson(db, organisationId, {
        given: "Y",
        family: "M",
        email: "y@x.test",
        number: "2",
        managerId,
      });
    });
    after(() => close());

    const fresh = (extra: Partial<Parameters<typeof seedAssessment>[1]> = {}) =>
      seedAssessment(db, { organisationId, personId, managerId, ...extra });

    it("reads the assessment with its competencies, targets, scale and each competency's own descriptors", async () => {
      const seeded = await fresh();
      await db
        .insertInto("competency_level_descriptors")
        .values({
          scale_id: DEFAULT_SCALE_ID,
          framework_id: seeded.frameworkId,
          item_id: seeded.items[0] as string,
          level_number: 2,
          descriptor_en: "Renews loans for others",
          descriptor_fr: "Renouvelle les prêts d'autrui",
          updated_at: "2027-01-10T09:00:00.000Z",
          updated_by: null,
        })
        .execute();
      const view = await readAssessment(db, organisationId, seeded.assessmentId);
      assert.ok(view);
      assert.equal(view.state, "not_started");
      assert.deepEqual(
        view.items.map((i) => [i.code, i.targetLevel, i.origin]),
        [
          ["P1.1", 3, "profile"],
          ["P1.2", 2, "profile"],
        ],
      );
      assert.equal(view.items[0]?.statement.en, "Lending practice P1.1");
      assert.equal(view.items[0]?.descriptors.get(2)?.en, "Renews loans for others");
      assert.equal(view.scale.levels.length, 5);
      assert.equal(await readAssessment(db, "another-org", seeded.assessmentId), undefined);
    });

    it("a save bumps the version, writes history, and starts the assessment", async () => {
      const seeded = await fresh();
      const [frameworkId, itemId] = [seeded.frameworkId, seeded.items[0] as string];
      const saved = await saveRatings(
        db,
        { organisationId, assessmentId: seeded.assessmentId },
        {
          group: "self",
          changes: [{ frameworkId, itemId, values: { level: 2, comment: "I renew loans." }, previous: none }],
          party: "person",
          actor: person,
        },
      );
      assert.equal(saved.version, 2);
      assert.equal(saved.state, "in_progress");
      const view = await readAssessment(db, organisationId, seeded.assessmentId);
      assert.deepEqual(view?.items[0]?.self, { level: 2, comment: "I renew loans." });
      const lines = await readHistory(db, seeded.assessmentId);
      assert.deepEqual(
        lines.map((l) => [l.event, l.fromState, l.toState, l.actor]),
        [
          ["rating", null, null, person.label],
          ["state", "not_started", "in_progress", person.label],
        ],
      );
      assert.deepEqual(lines[0]?.detail.after, { level: 2, comment: "I renew loans." });
    });

    it("the person and the manager saving at once keep each other's work; the same field twice is a conflict", async () => {
      const seeded = await fresh({ state: "in_progress" });
      const ref = { organisationId, assessmentId: seeded.assessmentId };
      const [frameworkId, itemId] = [seeded.frameworkId, seeded.items[0] as string];
      // Two tabs of the person loaded the page at the same time.
      const first = saveRatings(db, ref, {
        group: "self",
        changes: [{ frameworkId, itemId, values: { level: 3, comment: null }, previous: none }],
        party: "person",
        actor: person,
      });
      const second = saveRatings(db, ref, {
        group: "self",
        changes: [
          { frameworkId, itemId: seeded.items[1] as string, values: { level: 1, comment: "New" }, previous: none },
        ],
        party: "person",
        actor: person,
      });
      await Promise.all([first, second]);
      let view = await readAssessment(db, ref.organisationId, ref.assessmentId);
      assert.deepEqual(
        view?.items.map((i) => i.self),
        [
          { level: 3, comment: null },
          { level: 1, comment: "New" },
        ],
      );
      // Same field, changed since the form was loaded, to something else: refused whole.
      await assert.rejects(
        saveRatings(db, ref, {
          group: "self",
          changes: [
            { frameworkId, itemId, values: { level: 4, comment: null }, previous: none },
            { frameworkId, itemId: seeded.items[1] as string, values: { level: 1, comment: "Other" }, previous: none },
          ],
          party: "person",
          actor: person,
        }),
        (error) => {
          assert.ok(error instanceof AssessmentConflict);
          assert.deepEqual(
            error.conflicts.map((c) => [c.itemId, c.field, c.theirs, c.yours]),
            [
              [itemId, "level", 3, 4],
              [seeded.items[1], "comment", "New", "Other"],
            ],
          );
          return true;
        },
      );
      view = await readAssessment(db, ref.organisationId, ref.assessmentId);
      assert.equal(view?.items[0]?.self.level, 3, "nothing written by the refused save");
      assert.equal(view?.items[1]?.self.comment, "New");
      // The same value as saved meanwhile is no conflict.
      await saveRatings(db, ref, {
        group: "self",
        changes: [{ frameworkId, itemId, values: { level: 3, comment: null }, previous: none }],
        party: "person",
        actor: person,
      });
    });

    it("the manager's review, agreement and both signatures; reopening with a reason", async () => {
      const seeded = await fresh({ state: "in_progress" });
      const ref = { organisationId, assessmentId: seeded.assessmentId };
      const [frameworkId, a, b] = [seeded.frameworkId, seeded.items[0] as string, seeded.items[1] as string];
      await assert.rejects(
        saveRatings(db, ref, {
          group: "manager",
          changes: [{ frameworkId, itemId: a, values: { level: 2, comment: null }, previous: none }],
          party: "reviewer",
          actor: manager,
        }),
        (e) => e instanceof AssessmentRefused && e.refusal === "not-allowed",
      );
      await changeState(db, ref, { action: "submit", party: "person", actor: person });
      // The person's loaded page still thinks it may write: refused, nothing changes.
      await assert.rejects(
        saveRatings(db, ref, {
          group: "self",
          changes: [{ frameworkId, itemId: a, values: { level: 2, comment: null }, previous: none }],
          party: "person",
          actor: person,
        }),
        AssessmentRefused,
      );
      const reviewed = await saveRatings(db, ref, {
        group: "manager",
        changes: [{ frameworkId, itemId: a, values: { level: 2, comment: "Solid" }, previous: none }],
        party: "reviewer",
        actor: manager,
      });
      assert.equal(reviewed.state, "in_review");
      await saveRatings(db, ref, {
        group: "agreed",
        changes: [{ frameworkId, itemId: a, values: { level: 2 }, previous: { level: null } }],
        party: "reviewer",
        actor: manager,
      });
      await assert.rejects(
        changeState(db, ref, { action: "agree", party: "reviewer", actor: manager }),
        (e) => e instanceof AssessmentRefused && e.refusal === "incomplete",
      );
      await saveRatings(db, ref, {
        group: "agreed",
        changes: [{ frameworkId, itemId: b, values: { level: 3 }, previous: { level: null } }],
        party: "reviewer",
        actor: manager,
      });
      await saveConversation(db, ref, {
        values: { notes: "We talked about lending.", date: "2027-03-02" },
        previous: { notes: null, date: null },
        party: "reviewer",
        actor: manager,
      });
      assert.equal(
        (await changeState(db, ref, { action: "agree", party: "reviewer", actor: manager })).state,
        "agreed",
      );
      assert.equal((await changeState(db, ref, { action: "sign", party: "person", actor: person })).state, "agreed");
      assert.equal(
        (await changeState(db, ref, { action: "sign", party: "reviewer", actor: manager })).state,
        "signed_off",
      );
      const signed = await readAssessment(db, organisationId, ref.assessmentId);
      assert.ok(signed?.personSignedAt && signed.managerSignedAt);
      assert.equal(signed.conversationNotes, "We talked about lending.");
      await assert.rejects(
        changeState(db, ref, { action: "reopen", reason: " ", party: "reviewer", actor: manager }),
        (e) => e instanceof AssessmentRefused && e.refusal === "reason-required",
      );
      await changeState(db, ref, {
        action: "reopen",
        reason: "Level 3 was a slip",
        party: "administrator",
        actor: manager,
      });
      const reopened = await readAssessment(db, organisationId, ref.assessmentId);
      assert.equal(reopened?.state, "reopened");
      assert.equal(reopened?.reopenedReason, "Level 3 was a slip");
      assert.equal(reopened?.personSignedAt, null);
      const states = (await readHistory(db, ref.assessmentId)).filter((l) => l.event === "state").map((l) => l.toState);
      assert.deepEqual(states, ["submitted", "in_review", "agreed", "signed_off", "reopened"]);
    });

    it("a level off the scale, a closed cycle or another organisation's assessment is refused", async () => {
      const seeded = await fresh();
      const [frameworkId, itemId] = [seeded.frameworkId, seeded.items[0] as string];
      const save = (ref: { organisationId: string; assessmentId: string }, level: number) =>
        saveRatings(db, ref, {
          group: "self",
          changes: [{ frameworkId, itemId, values: { level, comment: null }, previous: none }],
          party: "person",
          actor: person,
        });
      await assert.rejects(save({ organisationId, assessmentId: seeded.assessmentId }, 6), AssessmentRefused);
      await assert.rejects(
        save({ organisationId: "elsewhere", assessmentId: seeded.assessmentId }, 2),
        AssessmentRefused,
      );
      const closed = await fresh({ cycleState: "closed" });
      await assert.rejects(
        save({ organisationId, assessmentId: closed.assessmentId }, 2),
        (e) => e instanceof AssessmentRefused && e.refusal === "closed",
      );
      const view = await readAssessment(db, organisationId, seeded.assessmentId);
      assert.equal(view?.version, 1, "refused saves leave the version as it was");
    });

    it("the person adds a competency of the index and removes it; the profile's stay", async () => {
      const seeded = await fresh();
      const ref = { organisationId, assessmentId: seeded.assessmentId };
      await addCompetency(db, ref, {
        frameworkId: seeded.frameworkId,
        itemId: seeded.spare,
        party: "person",
        actor: person,
      });
      let view = await readAssessment(db, organisationId, ref.assessmentId);
      assert.deepEqual(
        view?.items.map((i) => [i.itemId, i.origin, i.targetLevel]),
        [
          [seeded.items[0], "profile", 3],
          [seeded.items[1], "profile", 2],
          [seeded.spare, "person", null],
        ],
      );
      await assert.rejects(
        removeCompetency(db, ref, {
          frameworkId: seeded.frameworkId,
          itemId: seeded.items[0] as string,
          party: "person",
          actor: person,
        }),
        AssessmentRefused,
      );
      await assert.rejects(
        addCompetency(db, ref, {
          frameworkId: seeded.frameworkId,
          itemId: "not-an-item",
          party: "person",
          actor: person,
        }),
        AssessmentRefused,
      );
      await removeCompetency(db, ref, {
        frameworkId: seeded.frameworkId,
        itemId: seeded.spare,
        party: "person",
        actor: person,
      });
      view = await readAssessment(db, organisationId, ref.assessmentId);
      assert.equal(view?.items.length, 2);
      const events = (await readHistory(db, ref.assessmentId)).map((l) => l.event);
      assert.deepEqual(events, ["item-added", "state", "item-removed"]);
    });
  });
}
