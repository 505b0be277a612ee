/**
 * The people store on every database: writes with their change history, the checks the database
 * cannot make (same-organisation unit and manager, no loops, unique employee numbers and accounts),
 * and the reads (list with filters, search, sort and paging; a manager's team; a profile).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Kysely } from "kysely";
import { createAccount } from "../../src/auth/accounts.ts";
import type { Database } from "../../src/db/connect.ts";
import type { DB } from "../../src/db/schema.ts";
import { managerCycles, reportsOf, wouldMakeCycle } from "../../src/people/manager-lines.ts";
import { personFields } from "../../src/people/staff/fields.ts";
import {
  changeStatus,
  createPerson,
  linkAccount,
  listPeople,
  personProfile,
  setManager,
  teamOf,
  updatePerson,
} from "../../src/people/staff/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { addPerson, insertOrganisation, insertUnit, TEST_CHANGE_ACTOR } from "../support/people.ts";

const HR = { id: null, label: "HR test" };
let orgCount = 0;
const newOrg = (db: Kysely<DB>) => insertOrganisation(db, `org-${++orgCount}`);

const changesOf = (db: Kysely<DB>, personId: string) =>
  db
    .selectFrom("organisation_changes")
    .selectAll()
    .where("subject_id", "=", personId)
    .orderBy("at")
    .orderBy("id")
    .execute();

const linesOf = async (db: Kysely<DB>, organisationId: string) =>
  new Map(
    (
      await db.selectFrom("people").select(["id", "manager_id"]).where("organisation_id", "=", organisationId).execute()
    ).map((p) => [p.id, p.manager_id]),
  );

for (const dialect of testDialects()) {
  describe(`people store (${dialect})`, () => {
    let database: Database;
    let db: Kysely<DB>;
    before(async () => {
      database = await openTestDatabase(dialect, { starter: false });
      db = database.db;
    });
    after(() => database.close());

    it("creates a person and records who created them, with the record as it was written", async () => {
      const org = await newOrg(db);
      const unit = await insertUnit(db, org, "Central branch");
      const fields = personFields.parse({
        givenName: " Amélie ",
        familyName: "Tremblay",
        email: "Amelie.Tremblay@Library.example ",
        employeeNumber: "E-100",
        unitId: unit,
        preferredLang: "fr",
      });
      const result = await createPerson(db, org, fields, HR);
      assert.ok(result.ok);
      assert.equal(result.person.given_name, "Amélie");
      assert.equal(result.person.email, "amelie.tremblay@library.example");
      assert.equal(result.person.status, "active");
      const [change, ...more] = await changesOf(db, result.person.id);
      assert.equal(more.length, 0);
      assert.equal(change.action, "create");
      assert.equal(change.subject_kind, "person");
      assert.equal(change.actor_label, "HR test");
      assert.equal(change.organisation_id, org);
      assert.equal(change.before, null);
      assert.equal(JSON.parse(change.after as string).employee_number, "E-100");
    });

    it("refuses a taken employee number, and another organisation's unit or manager, writing nothing", async () => {
      const org = await newOrg(db);
      const other = await newOrg(db);
      const foreignUnit = await insertUnit(db, other, "Elsewhere");
      const foreigner = await addPerson(db, other, { givenName: "Olga", familyName: "Other", employeeNumber: "E-1" });
      await addPerson(db, org, { givenName: "Ann", familyName: "First", employeeNumber: "E-1" });
      const before = await db.selectFrom("organisation_changes").select("id").execute();

      const taken = await createPerson(
        db,
        org,
        personFields.parse({ givenName: "Bo", familyName: "B", employeeNumber: "E-1", preferredLang: "en" }),
        HR,
      );
      assert.deepEqual(taken, { ok: false, errors: { employeeNumber: "staffEmployeeNumberTaken" } });

      const foreign = await createPerson(
        db,
        org,
        personFields.parse({
          givenName: "Bo",
          familyName: "B",
          employeeNumber: "E-2",
          unitId: foreignUnit,
          managerId: foreigner.id,
          preferredLang: "en",
        }),
        HR,
      );
      assert.deepEqual(foreign, {
        ok: false,
        errors: { unitId: "staffUnitUnknown", managerId: "staffManagerUnknown" },
      });
      const people = await db.selectFrom("people").select("id").where("organisation_id", "=", org).execute();
      assert.equal(people.length, 1);
      assert.equal((await db.selectFrom("organisation_changes").select("id").execute()).length, before.length);
    });

    it("updates record before and after; saving unchanged writes nothing", async () => {
      const org = await newOrg(db);
      const person = await addPerson(db, org, { givenName: "Cal", familyName: "Chan", employeeNumber: "7" });
      const actor = { id: null, label: "Editor of records" };
      const updated = await updatePerson(db, org, person.id, { preferredName: "Cally", preferredLang: "fr" }, actor);
      assert.ok(updated?.ok);
      assert.equal(updated.person.preferred_name, "Cally");
      const unchanged = await updatePerson(db, org, person.id, { preferredName: "Cally" }, actor);
      assert.ok(unchanged?.ok);
      const changes = await changesOf(db, person.id);
      // Both may carry the same millisecond: compare what was recorded, not the order of equal times.
      assert.deepEqual(changes.map((c) => c.action).sort(), ["create", "update"]);
      const update = changes.find((c) => c.action === "update") as (typeof changes)[number];
      assert.equal(update.actor_label, "Editor of records");
      assert.equal(JSON.parse(update.before as string).preferred_name, null);
      assert.equal(JSON.parse(update.after as string).preferred_name, "Cally");
      assert.equal(JSON.parse(update.after as string).preferred_lang, "fr");
      // Someone of another organisation is not found through this one.
      assert.equal(await updatePerson(db, await newOrg(db), person.id, { preferredName: "X" }, actor), undefined);
    });

    it("changes status with its date (today when none is given)", async () => {
      const org = await newOrg(db);
      const person = await addPerson(db, org, { givenName: "Dee", familyName: "Doe", employeeNumber: "D" });
      const left = await changeStatus(db, org, person.id, "left", "2026-03-31", HR);
      assert.ok(left?.ok);
      assert.equal(left.person.status, "left");
      assert.equal(left.person.status_since, "2026-03-31");
      const now = new Date("2026-05-02T10:00:00Z");
      const back = await updatePerson(db, org, person.id, { status: "on_leave" }, HR, { now });
      assert.ok(back?.ok);
      assert.equal(back.person.status_since, "2026-05-02");
      assert.equal(personFields.safeParse({ ...fieldsLike(), statusSince: "2026-02-30" }).success, false);
    });

    it("links an account to at most one person per organisation, and to people of several organisations", async () => {
      const [org, other] = [await newOrg(db), await newOrg(db)];
      const account = await createAccount(db, { email: `link-${orgCount}@example.org`, role: "editor" });
      const a = await addPerson(db, org, { givenName: "Eve", familyName: "E", employeeNumber: "1" });
      const b = await addPerson(db, org, { givenName: "Fay", familyName: "F", employeeNumber: "2" });
      const c = await addPerson(db, other, { givenName: "Eve", familyName: "E", employeeNumber: "1" });
      assert.ok((await linkAccount(db, org, a.id, account.id, HR))?.ok);
      assert.deepEqual(await linkAccount(db, org, b.id, account.id, HR), {
        ok: false,
        errors: { userId: "staffAccountTaken" },
      });
      assert.ok((await linkAccount(db, other, c.id, account.id, HR))?.ok);
      assert.deepEqual(await linkAccount(db, org, b.id, "no-such-account", HR), {
        ok: false,
        errors: { userId: "staffAccountUnknown" },
      });
      // The link is in the person's history (written in the same millisecond as the creation, so
      // found by what it says, not by its place: lines of one millisecond have no order).
      const history = await changesOf(db, a.id);
      assert.ok(history.some((line) => line.after !== null && JSON.parse(line.after).user_id === account.id));
    });

    it("refuses exactly the manager lines that would loop, so none is ever stored", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 8 }).chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.nat(n - 1), fc.option(fc.nat(n - 1), { nil: null })), {
                minLength: 1,
                maxLength: 12,
              }),
            ),
          ),
          async ([n, moves]) => {
            const org = await newOrg(db);
            const ids: string[] = [];
            for (let i = 0; i < n; i++)
              ids.push((await addPerson(db, org, { givenName: "P", familyName: `${i}`, employeeNumber: `${i}` })).id);
            for (const [who, manager] of moves) {
              const lines = await linesOf(db, org);
              const managerId = manager === null ? null : ids[manager];
              const expectRefusal = wouldMakeCycle(ids[who], managerId, (id) => lines.get(id));
              const result = await setManager(db, org, ids[who], managerId, TEST_CHANGE_ACTOR);
              assert.equal(result?.ok, !expectRefusal);
              const after = await linesOf(db, org);
              assert.deepEqual(managerCycles(after), []);
              assert.equal(after.get(ids[who]), expectRefusal ? lines.get(ids[who]) : managerId);
            }
          },
        ),
        { numRuns: runs(dialect === "sqlite" ? 12 : 5) },
      );
    });

    it("a manager's team is everyone below them, however deep, and nobody else", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 14 }),
          async (picks) => {
            const org = await newOrg(db);
            const ids: string[] = [];
            for (const [i, p] of picks.entries()) {
              const managerId = i === 0 || p < 0.2 ? null : ids[Math.floor(p * i)];
              ids.push(
                (await addPerson(db, org, { givenName: "T", familyName: `${i}`, employeeNumber: `${i}`, managerId }))
                  .id,
              );
            }
            const lines = [...(await linesOf(db, org))].map(([id, managerId]) => ({ id, managerId }));
            for (const manager of ids) {
              const expected = new Set(reportsOf(manager, lines));
              const team = await teamOf(db, org, manager);
              assert.deepEqual(new Set(team.map((t) => t.id)), expected);
              for (const member of team) {
                const direct = lines.find((l) => l.id === member.id)?.managerId === manager;
                assert.equal(member.depth === 1, direct);
              }
              const listed = await listPeople(db, org, { teamOf: manager, pageSize: 200 });
              assert.deepEqual(new Set(listed.rows.map((r) => r.id)), expected);
              assert.equal(listed.total, expected.size);
            }
          },
        ),
        { numRuns: runs(dialect === "sqlite" ? 8 : 4) },
      );
    });

    it("lists with search, filters, sort and paging: the pages together are exactly the matches, in order", async () => {
      const org = await newOrg(db);
      const branch = await insertUnit(db, org, "Branch");
      const department = await insertUnit(db, org, "Children's department", branch);
      const elsewhere = await insertUnit(db, org, "Archives");
      const boss = await addPerson(db, org, { givenName: "Grace", familyName: "Boss", employeeNumber: "B-1" });
      const names = ["Ash", "birch", "Cedar", "ash_tree", "Elm%", "Fir", "Gum", "hazel"];
      const people = [];
      for (const [i, name] of names.entries()) {
        people.push(
          await addPerson(db, org, {
            givenName: name,
            familyName: `Family${i % 3}`,
            employeeNumber: `N-${i}`,
            email: `${name.replace(/[^a-z]/gi, "")}@lib.example`,
            unitId: [branch, department, elsewhere][i % 3],
            managerId: i % 2 === 0 ? boss.id : null,
            status: i % 4 === 3 ? "left" : "active",
          }),
        );
      }
      // Another organisation's people never appear.
      const other = await newOrg(db);
      await addPerson(db, other, { givenName: "Ash", familyName: "Family0", employeeNumber: "N-0" });

      const all = await listPeople(db, org, { pageSize: 200 });
      assert.equal(all.total, names.length + 1);
      const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id);

      assert.deepEqual(new Set(ids(await listPeople(db, org, { q: "ASH" }))), new Set([people[0].id, people[3].id]));
      // % and _ are letters, not wildcards.
      assert.deepEqual(ids(await listPeople(db, org, { q: "a_h" })), []);
      assert.deepEqual(ids(await listPeople(db, org, { q: "h_t" })), [people[3].id]);
      assert.deepEqual(ids(await listPeople(db, org, { q: "elm%" })), [people[4].id]);
      assert.deepEqual(ids(await listPeople(db, org, { q: "N-5" })), [people[5].id]);
      assert.deepEqual(ids(await listPeople(db, org, { q: "fir@lib" })), [people[5].id]);
      // Every word must match, each in any field.
      assert.deepEqual(ids(await listPeople(db, org, { q: "tree family0" })), [people[3].id]);
      assert.deepEqual(ids(await listPeople(db, org, { q: "ash family1" })), []);
      // A unit filter takes the units under it too.
      assert.deepEqual(
        new Set(ids(await listPeople(db, org, { unitId: branch }))),
        new Set(people.filter((_, i) => i % 3 !== 2).map((p) => p.id)),
      );
      assert.deepEqual(
        new Set(ids(await listPeople(db, org, { managerId: boss.id }))),
        new Set(people.filter((_, i) => i % 2 === 0).map((p) => p.id)),
      );
      assert.deepEqual(
        new Set(ids(await listPeople(db, org, { status: "left" }))),
        new Set([people[3].id, people[7].id]),
      );
      assert.equal((await listPeople(db, org, { managerId: boss.id })).rows[0].managerName, "Grace Boss");

      for (const sort of ["name", "employeeNumber", "unit", "status", "manager"] as const) {
        for (const descending of [false, true]) {
          const full = ids(await listPeople(db, org, { sort, descending, pageSize: 200 }));
          const paged: string[] = [];
          for (let page = 1; page <= 4; page++) {
            const result = await listPeople(db, org, { sort, descending, page, pageSize: 3 });
            assert.equal(result.total, names.length + 1);
            paged.push(...ids(result));
          }
          assert.deepEqual(paged, full, `${sort} ${descending ? "desc" : "asc"}`);
        }
      }
      const byNumber = (await listPeople(db, org, { sort: "employeeNumber", pageSize: 200 })).rows.map(
        (r) => r.employeeNumber,
      );
      assert.deepEqual(byNumber, [...byNumber].sort());
      const byName = (await listPeople(db, org, { sort: "name", pageSize: 200 })).rows.map((r) =>
        r.familyName.toLowerCase(),
      );
      assert.deepEqual(byName, [...byName].sort());
    });

    it("a profile shows the manager line up, nearest first, and the direct reports", async () => {
      const org = await newOrg(db);
      const top = await addPerson(db, org, { givenName: "Ida", familyName: "Top", employeeNumber: "1" });
      const middle = await addPerson(db, org, {
        givenName: "Jo",
        familyName: "Middle",
        preferredName: "Joey",
        employeeNumber: "2",
        managerId: top.id,
      });
      const me = await addPerson(db, org, {
        givenName: "Kim",
        familyName: "Me",
        employeeNumber: "3",
        managerId: middle.id,
      });
      const report = await addPerson(db, org, {
        givenName: "Lu",
        familyName: "Report",
        employeeNumber: "4",
        managerId: me.id,
      });
      const profile = await personProfile(db, org, me.id);
      assert.deepEqual(
        profile?.managerLine.map((m) => m.id),
        [middle.id, top.id],
      );
      assert.equal(profile?.person.managerName, "Joey Middle");
      assert.deepEqual(
        profile?.directReports.map((r) => r.id),
        [report.id],
      );
      assert.equal(await personProfile(db, await newOrg(db), me.id), undefined);
    });
  });
}

function fieldsLike() {
  return { givenName: "A", familyName: "B", employeeNumber: "1", preferredLang: "en" };
}
