/**
 * The review cycle store on every database: a draft created from its form (names, period, scale,
 * participants by unit, profile and people lines, leaver rule, due dates), refused per field when it
 * names what is not the organisation's; edited with a version check; opened, extended (history in
 * the organisation's change history), closed and reopened (joiners added); and leavers and movers
 * handled by each of the three rules.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import { type CycleForm, checkCycleForm } from "../../src/assessments/cycles/form.ts";
import { followLeaversAndMovers } from "../../src/assessments/cycles/movers.ts";
import {
  CycleConflictError,
  CycleInvalidError,
  closeCycle,
  createCycle,
  extendCycle,
  findCycle,
  listCycles,
  openAndRecord,
  reopenCycle,
  updateDraft,
} from "../../src/assessments/cycles/store.ts";
import * as m019 from "../../src/db/migrations/019_cycle_changes.ts";
import type { DB } from "../../src/db/schema.ts";
import { updatePerson } from "../../src/people/staff/store.ts";
import { addUnit, deleteUnit } from "../../src/people/units/store.ts";
import { assignPosition } from "../../src/profiles/jobs/positions.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { addPerson, insertOrganisation, insertUnit, TEST_CHANGE_ACTOR } from "../support/people.ts";
import { insertProfile } from "../support/profile-framework.ts";

const author = { id: null, label: "HR <hr@example.org>" };

function form(overrides: Record<string, unknown> = {}): CycleForm {
  const checked = checkCycleForm({
    name_en: "2027 review",
    name_fr: "Bilan 2027",
    period_start: "2027-01-01",
    period_end: "2027-12-31",
    scale: DEFAULT_SCALE_ID,
    leaver_rule: "keep",
    due_self: "2027-02-01",
    due_manager: "2027-03-01",
    due_conversation: "2027-04-01",
    due_signoff: "2027-05-01",
    ...overrides,
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.data;
}

for (const dialect of testDialects()) {
  describe(`review cycle store (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    let org: string;
    let other: string;
    let unitA: string;
    let unitB: string;
    const ids: Record<string, string> = {};
    before(async () => {
      const database = await openTestDatabase(dialect);
      db = database.db;
      close = () => database.close();
      followLeaversAndMovers();
      org = await insertOrganisation(db, "cycles");
      other = await insertOrganisation(db, "elsewhere");
      unitA = await insertUnit(db, org, "Branch A");
      unitB = await insertUnit(db, org, "Branch B");
      const boss = await addPerson(db, org, {
        givenName: "Bo",
        familyName: "Boss",
        employeeNumber: "B1",
        unitId: unitA,
      });
      const boss2 = await addPerson(db, org, {
        givenName: "Cy",
        familyName: "Chief",
        employeeNumber: "B2",
        unitId: unitB,
      });
      ids.boss = boss.id;
      ids.boss2 = boss2.id;
      for (const n of ["1", "2", "3", "4", "5", "6"])
        ids[`p${n}`] = (
          await addPerson(db, org, {
            givenName: `P${n}`,
            familyName: "Person",
            employeeNumber: `E${n}`,
            email: `p${n}@example.org`,
            unitId: unitA,
            managerId: boss.id,
          })
        ).id;
      ids.elsewhere = (await addPerson(db, other, { givenName: "E", familyName: "Else", employeeNumber: "E1" })).id;
    });
    after(() => close());

    it("creates a draft from the form, people matched by e-mail or employee number", async () => {
      const cycle = await createCycle(db, org, form({ units: [unitB], people: "p1@EXAMPLE.org\n\n E2 \n" }), author);
      assert.equal(cycle.state, "draft");
      assert.equal(cycle.version, 1);
      assert.deepEqual(cycle.selection.units, [unitB]);
      assert.deepEqual(new Set(cycle.selection.people), new Set([ids.p1, ids.p2]));
      assert.deepEqual(cycle.due, {
        self: "2027-02-01",
        manager: "2027-03-01",
        conversation: "2027-04-01",
        signoff: "2027-05-01",
      });
      const history = await db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("subject_id", "=", cycle.id)
        .execute();
      assert.equal(history.length, 1);
      assert.equal(history[0]?.subject_kind, "cycle");
      assert.ok((await listCycles(db, org)).some((c) => c.id === cycle.id));
      assert.equal((await listCycles(db, other)).length, 0);
    });

    it("refuses, per field, what is not the organisation's, and writes nothing", async () => {
      const foreignUnit = await insertUnit(db, other, "Theirs");
      const count = async () => (await db.selectFrom("review_cycles").select("id").execute()).length;
      const n = await count();
      for (const [overrides, field] of [
        [{ units: [foreignUnit] }, "units"],
        [{ profiles: ["nope"] }, "profiles"],
        [{ scale: "no-such-scale" }, "scale"],
        [{ people: "E1\nE-unknown" }, "people"],
      ] as const) {
        await assert.rejects(createCycle(db, org, form(overrides), author), (error: unknown) => {
          assert.ok(error instanceof CycleInvalidError);
          assert.deepEqual(Object.keys(error.errors), [field]);
          return true;
        });
      }
      // Someone of another organisation is nobody here; the line is named.
      await assert.rejects(createCycle(db, org, form({ people: "p1@example.org\nE1\nx@y.org" }), author), (error) => {
        assert.ok(error instanceof CycleInvalidError);
        assert.deepEqual(error.errors.people, { key: "cyclesErrorPersonLine", args: [3, "x@y.org"] });
        return true;
      });
      assert.equal(await count(), n);
    });

    it("edits a draft at its version only", async () => {
      const cycle = await createCycle(db, org, form(), author);
      const edited = await updateDraft(db, org, cycle.id, 1, form({ name_en: "Renamed", leaver_rule: "move" }), author);
      assert.equal(edited.name.en, "Renamed");
      assert.equal(edited.leaverRule, "move");
      assert.equal(edited.version, 2);
      await assert.rejects(updateDraft(db, org, cycle.id, 1, form({ name_en: "Stale" }), author), CycleConflictError);
      assert.equal((await findCycle(db, org, cycle.id))?.name.en, "Renamed");
      // Another organisation's cycle is not found from here.
      assert.equal(await findCycle(db, other, cycle.id), undefined);
    });

    it("opens, extends later only, closes, and reopens adding who joined since", async () => {
      const cycle = await createCycle(db, org, form({ people: "E3\nE4" }), author);
      const opened = await openAndRecord(db, org, cycle.id, 1, author);
      assert.equal(opened.created, 2);
      let now = (await findCycle(db, org, cycle.id)) as NonNullable<Awaited<ReturnType<typeof findCycle>>>;
      assert.equal(now.state, "open");
      // A draft edit is refused once open.
      await assert.rejects(updateDraft(db, org, cycle.id, now.version, form(), author), CycleConflictError);

      const extended = await extendCycle(
        db,
        org,
        cycle.id,
        now.version,
        { periodEnd: "2028-01-31", due: { ...now.due, signoff: "2028-01-15" } },
        author,
      );
      assert.equal(extended.periodEnd, "2028-01-31");
      assert.equal(extended.due.signoff, "2028-01-15");
      const changes = await db
        .selectFrom("organisation_changes")
        .select(["before", "after"])
        .where("subject_id", "=", cycle.id)
        .orderBy("at")
        .execute();
      const last = changes.map((ch) => JSON.parse(ch.after ?? "{}")).find((a) => a.periodEnd === "2028-01-31");
      assert.ok(last, "the extension is in the change history");

      const closed = await closeCycle(db, org, cycle.id, extended.version, author);
      assert.equal(closed.state, "closed");
      assert.ok(closed.closedAt);
      // Assessments stay.
      assert.equal(
        (await db.selectFrom("assessments").select("id").where("cycle_id", "=", cycle.id).execute()).length,
        2,
      );
      await assert.rejects(closeCycle(db, org, cycle.id, closed.version, author), CycleConflictError);

      // E5 joins the selection while it is closed (the stored selection names them).
      await db
        .updateTable("review_cycles")
        .set({ participants: JSON.stringify({ units: [], profiles: [], people: [ids.p3, ids.p4, ids.p5] }) })
        .where("id", "=", cycle.id)
        .execute();
      const reopened = await reopenCycle(db, org, cycle.id, closed.version, author);
      assert.equal(reopened.created, 1);
      assert.equal(reopened.alreadyThere, 2);
      now = (await findCycle(db, org, cycle.id)) as typeof now;
      assert.equal(now.state, "open");
      assert.equal(now.closedAt, null);
    });

    it("two openings from the same page: one opens, the other is refused, nobody gets two assessments", async () => {
      const cycle = await createCycle(db, org, form({ people: "E1\nE2" }), author);
      const results = await Promise.allSettled([
        openAndRecord(db, org, cycle.id, 1, author),
        openAndRecord(db, org, cycle.id, 1, author),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      assert.ok(refused.reason instanceof CycleConflictError);
      const rows = await db.selectFrom("assessments").select("person_id").where("cycle_id", "=", cycle.id).execute();
      assert.equal(rows.length, 2);
    });

    it("migration 019: the change history takes cycles; down removes their rows, up takes them again", async () => {
      const copy = await openTestDatabase(dialect);
      try {
        const orgId = await insertOrganisation(copy.db, "migrating");
        const cycle = await createCycle(copy.db, orgId, form(), author);
        const cycleRows = () =>
          copy.db.selectFrom("organisation_changes").select("id").where("subject_kind", "=", "cycle").execute();
        assert.equal((await cycleRows()).length, 1);
        await m019.down(copy.db as Kysely<unknown>);
        assert.equal((await cycleRows()).length, 0);
        await assert.rejects(updateDraft(copy.db, orgId, cycle.id, 1, form({ name_en: "Refused" }), author));
        await m019.up(copy.db as Kysely<unknown>);
        await updateDraft(copy.db, orgId, cycle.id, 1, form({ name_en: "Taken" }), author);
        assert.equal((await cycleRows()).length, 1);
      } finally {
        await copy.close();
      }
    });

    describe("leavers and movers", () => {
      /** An open cycle with one assessment of `person` under the rule; returns the assessment's id. */
      async function openWith(rule: "keep" | "move" | "withdraw", person: string, employeeNumber: string) {
        const cycle = await createCycle(db, org, form({ leaver_rule: rule, people: employeeNumber }), author);
        await openAndRecord(db, org, cycle.id, 1, author);
        const row = await db
          .selectFrom("assessments")
          .select("id")
          .where("cycle_id", "=", cycle.id)
          .where("person_id", "=", person)
          .executeTakeFirstOrThrow();
        return row.id;
      }
      const assessment = (id: string) =>
        db.selectFrom("assessments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const historyOf = (id: string) =>
        db.selectFrom("assessment_history").selectAll().where("assessment_id", "=", id).orderBy("at").execute();

      it("keep: a move and a leave change nothing", async () => {
        const id = await openWith("keep", ids.p6, "E6");
        await updatePerson(db, org, ids.p6, { managerId: ids.boss2, unitId: unitB }, TEST_CHANGE_ACTOR);
        let row = await assessment(id);
        assert.equal(row.manager_id, ids.boss);
        assert.equal(row.state, "not_started");
        await updatePerson(db, org, ids.p6, { managerId: ids.boss, unitId: unitA }, TEST_CHANGE_ACTOR);
        row = await assessment(id);
        assert.equal(row.version, 1);
        assert.deepEqual(
          (await historyOf(id)).map((h) => h.event),
          ["opened"],
        );
      });

      it("move: the reviewer follows the new manager, history 'moved'; a change of position too", async () => {
        const id = await openWith("move", ids.p1, "E1");
        await updatePerson(db, org, ids.p1, { managerId: ids.boss2 }, TEST_CHANGE_ACTOR);
        const row = await assessment(id);
        assert.equal(row.manager_id, ids.boss2);
        assert.equal(row.state, "not_started");
        assert.equal(row.version, 2);
        const moved = (await historyOf(id)).filter((h) => h.event === "moved");
        assert.equal(moved.length, 1);
        assert.deepEqual(JSON.parse(moved[0]?.detail ?? "{}"), {
          reason: "moved",
          changed: ["manager"],
          managerBefore: ids.boss,
          managerAfter: ids.boss2,
        });
        // A change of position (a profile held before) is a move as well; a first position is not.
        const first = await insertProfile(db, org, "First job");
        const second = await insertProfile(db, org, "Second job");
        await assignPosition(db, org, first, "E1", TEST_CHANGE_ACTOR);
        assert.equal((await historyOf(id)).filter((h) => h.event === "moved").length, 1);
        await assignPosition(db, org, second, "E1", TEST_CHANGE_ACTOR);
        const both = (await historyOf(id)).filter((h) => h.event === "moved");
        assert.equal(both.length, 2);
        assert.deepEqual(JSON.parse(both[1]?.detail ?? "{}").changed, ["position"]);
      });

      it("move: someone who leaves has nowhere to be followed to — withdrawn, reason 'left'", async () => {
        const id = await openWith("move", ids.p2, "E2");
        await updatePerson(db, org, ids.p2, { status: "left" }, TEST_CHANGE_ACTOR);
        const row = await assessment(id);
        assert.equal(row.state, "withdrawn");
        const last = (await historyOf(id)).at(-1);
        assert.equal(last?.event, "withdrawn");
        assert.equal(last?.to_state, "withdrawn");
        assert.equal(JSON.parse(last?.detail ?? "{}").reason, "left");
      });

      it("withdraw: a move withdraws, with the reason; a finished assessment and a closed cycle are left alone", async () => {
        const id = await openWith("withdraw", ids.p3, "E3");
        const signed = await openWith("withdraw", ids.p4, "E4");
        await db.updateTable("assessments").set({ state: "signed_off" }).where("id", "=", signed).execute();
        await updatePerson(db, org, ids.p3, { unitId: unitB }, TEST_CHANGE_ACTOR);
        await updatePerson(db, org, ids.p4, { unitId: unitB }, TEST_CHANGE_ACTOR);
        const row = await assessment(id);
        assert.equal(row.state, "withdrawn");
        const last = (await historyOf(id)).at(-1);
        assert.equal(last?.from_state, "not_started");
        assert.deepEqual(JSON.parse(last?.detail ?? "{}"), { reason: "moved", changed: ["unit"] });
        assert.equal((await assessment(signed)).state, "signed_off");

        const inClosed = await openWith("withdraw", ids.p5, "E5");
        const cycleId = (await assessment(inClosed)).cycle_id;
        const cycle = await findCycle(db, org, cycleId);
        await closeCycle(db, org, cycleId, cycle?.version ?? 0, author);
        await updatePerson(db, org, ids.p5, { status: "left" }, TEST_CHANGE_ACTOR);
        assert.equal((await assessment(inClosed)).state, "not_started");
      });

      it("a deleted unit moves its people out of it: each open cycle applies its rule, in the deletion's transaction", async () => {
        const closing = await insertUnit(db, org, "Branch closing");
        const under = await addUnit(db, org, { name_en: "Desk", name_fr: "Comptoir", parent_id: closing }, author);
        const [withdrawn, kept] = await Promise.all(
          ["7", "8"].map((n) =>
            addPerson(db, org, {
              givenName: `P${n}`,
              familyName: "Person",
              employeeNumber: `E${n}`,
              unitId: under.id,
              managerId: ids.boss,
            }),
          ),
        );
        const inWithdraw = await openWith("withdraw", withdrawn.id, "E7");
        const inKeep = await openWith("keep", kept.id, "E8");
        await deleteUnit(db, org, closing, author);
        const row = await assessment(inWithdraw);
        assert.equal(row.state, "withdrawn");
        assert.deepEqual(JSON.parse((await historyOf(inWithdraw)).at(-1)?.detail ?? "{}"), {
          reason: "moved",
          changed: ["unit"],
        });
        assert.equal((await assessment(inKeep)).state, "not_started");
        assert.equal((await assessment(inKeep)).version, 1);
      });
    });
  });
}
