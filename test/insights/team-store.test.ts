/**
 * The team heatmap's reads on every database: the team below a manager with each person's nearest
 * depth (never the manager, never anyone outside the lines, nor another organisation's people); the
 * competencies' names, areas and index order from the framework's latest edition, a competency that
 * edition dropped keeping the wording it was assessed under; the access log written once per person.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount } from "../../src/auth/accounts.ts";
import { deleteItem, deletionSet } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import type { AssessedRow } from "../../src/insights/read.ts";
import { competencyKey } from "../../src/insights/team/model.ts";
import { competenciesOf, logTeamView, teamOf } from "../../src/insights/team/store.ts";
import type { OrganisationActor } from "../../src/policy/index.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { insertOrganisation } from "../support/people.ts";
import { insertPerson } from "../support/people-world.ts";
import { publishSmallFramework } from "../support/profile-framework.ts";

for (const dialect of testDialects()) {
  describe(`team insights store (${dialect})`, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    before(async () => {
      database = await openTestDatabase(dialect, { starter: false });
    });
    after(() => database.close());

    it("reads everyone below the manager with their nearest depth, and no one else", async () => {
      const db = database.db;
      const org = await insertOrganisation(db, `team-store-${dialect}`);
      const other = await insertOrganisation(db, `team-store-b-${dialect}`);
      const person = (given: string, managerId: string | null, organisationId = org) =>
        insertPerson(db, organisationId, { given, family: "T", email: `${given}@x.test`, number: given, managerId });
      const manager = await person("manager", null);
      const ana = await person("ana", manager);
      const ben = await person("ben", ana);
      const cy = await person("cy", ben);
      const dee = await person("dee", manager);
      await person("outsider", null);
      await person("elsewhere", manager, other); // a bad line across organisations is not followed
      const team = await teamOf(db, org, manager);
      assert.deepEqual(
        new Map(team.map((p) => [p.id, p.depth])),
        new Map([
          [ana, 1],
          [ben, 2],
          [cy, 3],
          [dee, 1],
        ]),
      );
      assert.equal(team.find((p) => p.id === ben)?.name, "ben T");
      assert.deepEqual(await teamOf(db, org, dee), []);
    });

    it("names competencies from the latest edition, by area and in index order; a dropped one keeps its old wording", async () => {
      const db = database.db;
      const fw = await publishSmallFramework(db, `team-fw-${dialect}`, { areas: 2, perArea: 2, ksas: 0 });
      const first = await db
        .selectFrom("editions")
        .select("id")
        .where("framework_id", "=", fw.id)
        .executeTakeFirstOrThrow();
      const [[c11, c12], [c21, c22]] = fw.competencies as [[string, string], [string, string]];
      const set = await deletionSet(db, fw.id, c12);
      await deleteItem(db, null, fw.id, c12, set?.subtree.length ?? 0);
      await publishEdition(db, fw.id, null, { en: "Second edition.", fr: "Deuxième édition." });
      const row = (itemId: string): AssessedRow => ({
        personId: "p",
        unitId: null,
        positionId: null,
        frameworkId: fw.id,
        itemId,
        importance: "essential",
        target: 3,
        agreed: 1,
        assessmentId: "a",
        cycleId: "c",
        editionId: first.id,
        ordinal: 1,
        state: "agreed",
      });
      const names = await competenciesOf(db, [c22, c12, c21, c11].map(row));
      const get = (id: string) => names.get(competencyKey(fw.id, id));
      assert.equal(names.size, 4);
      assert.deepEqual(
        [c11, c21, c22].map((id) => [get(id)?.code, get(id)?.name.fr, get(id)?.area?.name.en, get(id)?.gone]),
        [
          ["P1.1", "Pratique du prêt P1.1", "Lending area 1", false],
          ["P2.1", "Pratique du prêt P2.1", "Lending area 2", false],
          ["P2.2", "Pratique du prêt P2.2", "Lending area 2", false],
        ],
      );
      const order = [c11, c21, c22].map((id) => get(id)?.order as number);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
      );
      const gone = get(c12);
      assert.deepEqual([gone?.code, gone?.name.en, gone?.gone], ["P1.2", "Lending practice P1.2", true]);
      assert.ok((gone?.order as number) > Math.max(...order), "a dropped competency goes last");
    });

    it("logs one access-log row per person shown, never the manager's own", async () => {
      const db = database.db;
      const org = await insertOrganisation(db, `team-log-${dialect}`);
      const manager = await insertPerson(db, org, { given: "m", family: "M", email: "m@l.test", number: "L-1" });
      const a = await insertPerson(db, org, {
        given: "a",
        family: "A",
        email: "a@l.test",
        number: "L-2",
        managerId: manager,
      });
      const b = await insertPerson(db, org, {
        given: "b",
        family: "B",
        email: "b@l.test",
        number: "L-3",
        managerId: manager,
      });
      const user = await createAccount(db, { email: `m-${dialect}@accounts.test`, role: "editor", name: "M" });
      const actor: OrganisationActor = {
        id: user.id,
        email: "m@accounts.test",
        name: "M",
        role: "editor",
        membership: { organisationId: org, personId: manager, administrator: false, hasReports: true },
      };
      const written = await logTeamView(db, { organisationId: org, actor, personIds: [a, b, a, manager], path: "/x" });
      assert.equal(written, 2);
      const rows = await db
        .selectFrom("access_log")
        .select(["person_id", "what", "actor_id"])
        .where("organisation_id", "=", org)
        .execute();
      assert.deepEqual(new Set(rows.map((r) => r.person_id)), new Set([a, b]));
      assert.ok(rows.every((r) => r.what === "insights" && r.actor_id === user.id));
      assert.equal(await logTeamView(db, { organisationId: org, actor, personIds: [], path: "/x" }), 0);
    });
  });
}
