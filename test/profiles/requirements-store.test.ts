/**
 * A job profile's requirements on every database: pinned to the current edition with their area and
 * KSAs as that edition published them; reorder, level, importance, KSAs, removal; stale versions and
 * bad input refused with nothing written; a newer edition's changes taken or kept (migration 015).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import * as m015 from "../../src/db/migrations/015_requirement_reviews.ts";
import type { DB } from "../../src/db/schema.ts";
import {
  addRequirements,
  editionChanges,
  keepWording,
  moveRequirement,
  type ProfileRef,
  RequirementInputError,
  RequirementNotFoundError,
  readRequirements,
  removeRequirement,
  StaleProfileError,
  takeChange,
  updateRequirement,
} from "../../src/profiles/requirements/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { insertOrganisation } from "../support/people.ts";
import {
  insertProfile,
  publishAgain,
  publishSmallFramework,
  retire,
  reword,
  type SmallFramework,
} from "../support/profile-framework.ts";

const versionOf = async (db: Kysely<DB>, id: string) =>
  Number(
    (await db.selectFrom("job_profiles").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version,
  );

for (const dialect of testDialects()) {
  describe(`requirements store (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    let fw: SmallFramework;
    let organisationId: string;
    before(async () => {
      ({ db, close } = await openTestDatabase(dialect));
      organisationId = await insertOrganisation(db, "reqs");
      fw = await publishSmallFramework(db);
    });
    after(() => close());

    const freshProfile = async (): Promise<ProfileRef> => ({
      organisationId,
      profileId: await insertProfile(db, organisationId),
    });
    const [c11, c12, c13] = [0, 1, 2].map((n) => () => fw.competencies[0]?.[n] as string);

    it("adds competencies pinned to the current edition, with their area and KSAs, in order", async () => {
      const ref = await freshProfile();
      const picks = [c12(), c11()].map((itemId) => ({ frameworkId: fw.id, itemId }));
      const result = await addRequirements(db, ref, 1, picks, null);
      assert.deepEqual(result, { added: 2, version: 2 });
      // Asking again for one already there adds nothing else.
      const again = await addRequirements(db, ref, 2, [{ frameworkId: fw.id, itemId: c11() }], null);
      assert.equal(again.added, 0);
      const list = await readRequirements(db, ref.profileId);
      assert.deepEqual(
        list.map((r) => [r.itemId, r.ordinal, r.targetLevel, r.importance, r.ksaIds]),
        [
          [c12(), 1, 3, "essential", null],
          [c11(), 2, 3, "essential", null],
        ],
      );
      const first = list[0];
      assert.ok(first);
      assert.equal(first.item.statement.en, "Lending practice P1.2");
      assert.equal(first.editionNumber, 1);
      assert.deepEqual(
        first.ancestors.map((a) => a.statement.en),
        ["Practice", "Lending area 1"],
      );
      assert.deepEqual(
        first.ksas.map((k) => k.id),
        fw.ksas[c12()],
      );
    });

    it("refuses areas, KSAs, unknown items and unpublished frameworks, writing nothing", async () => {
      const ref = await freshProfile();
      for (const itemId of [fw.areas[0] as string, fw.ksas[c11()]?.[0] as string, "no-such-item"]) {
        await assert.rejects(
          addRequirements(
            db,
            ref,
            1,
            [
              { frameworkId: fw.id, itemId },
              { frameworkId: fw.id, itemId: c11() },
            ],
            null,
          ),
          RequirementInputError,
        );
      }
      await assert.rejects(
        addRequirements(db, ref, 1, [{ frameworkId: "no-such-framework", itemId: c11() }], null),
        RequirementInputError,
      );
      assert.equal((await readRequirements(db, ref.profileId)).length, 0);
      assert.equal(await versionOf(db, ref.profileId), 1);
    });

    it("refuses a stale version and another organisation's profile", async () => {
      const ref = await freshProfile();
      await addRequirements(db, ref, 1, [{ frameworkId: fw.id, itemId: c11() }], null);
      await assert.rejects(
        addRequirements(db, ref, 1, [{ frameworkId: fw.id, itemId: c12() }], null),
        (e) => e instanceof StaleProfileError && e.currentVersion === 2,
      );
      const other = await insertOrganisation(db, `other-${ref.profileId.slice(0, 6)}`);
      await assert.rejects(
        addRequirements(
          db,
          { organisationId: other, profileId: ref.profileId },
          2,
          [{ frameworkId: fw.id, itemId: c12() }],
          null,
        ),
        RequirementNotFoundError,
      );
      assert.equal((await readRequirements(db, ref.profileId)).length, 1);
    });

    it("of two writes from the same form, one is saved and the other refused as stale", async () => {
      const ref = await freshProfile();
      const results = await Promise.allSettled([
        addRequirements(db, ref, 1, [{ frameworkId: fw.id, itemId: c11() }], null),
        addRequirements(db, ref, 1, [{ frameworkId: fw.id, itemId: c12() }], null),
      ]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      const refused = results.find((r) => r.status === "rejected");
      assert.ok(refused && refused.status === "rejected" && refused.reason instanceof StaleProfileError);
      assert.equal((await readRequirements(db, ref.profileId)).length, 1);
      assert.equal(await versionOf(db, ref.profileId), 2);
    });

    it("reorders, sets level, importance and KSAs, and removes", async () => {
      const ref = await freshProfile();
      let { version } = await addRequirements(
        db,
        ref,
        1,
        [c11(), c12(), c13()].map((itemId) => ({ frameworkId: fw.id, itemId })),
        null,
      );
      ({ version } = await moveRequirement(db, ref, version, { frameworkId: fw.id, itemId: c13() }, "first", null));
      ({ version } = await moveRequirement(db, ref, version, { frameworkId: fw.id, itemId: c11() }, "up", null));
      const order = async () => (await readRequirements(db, ref.profileId)).map((r) => r.itemId);
      assert.deepEqual(await order(), [c11(), c13(), c12()]);
      const ksas = fw.ksas[c13()] as string[];
      ({ version } = await updateRequirement(
        db,
        ref,
        version,
        { frameworkId: fw.id, itemId: c13() },
        { targetLevel: 5, importance: "asset", ksaIds: [ksas[2] as string, ksas[0] as string] },
        null,
      ));
      const updated = (await readRequirements(db, ref.profileId)).find((r) => r.itemId === c13());
      assert.deepEqual([updated?.targetLevel, updated?.importance, updated?.ksaIds], [5, "asset", [ksas[0], ksas[2]]]);
      // A level beyond the scale, a KSA of another competency: refused, nothing changed.
      for (const settings of [
        { targetLevel: 6, importance: "essential" as const, ksaIds: [] },
        { targetLevel: 2, importance: "essential" as const, ksaIds: [fw.ksas[c11()]?.[0] as string] },
      ])
        await assert.rejects(
          updateRequirement(db, ref, version, { frameworkId: fw.id, itemId: c13() }, settings, null),
          RequirementInputError,
        );
      assert.equal(await versionOf(db, ref.profileId), version);
      ({ version } = await removeRequirement(db, ref, version, { frameworkId: fw.id, itemId: c11() }, null));
      const left = await readRequirements(db, ref.profileId);
      assert.deepEqual(
        left.map((r) => [r.itemId, r.ordinal]),
        [
          [c13(), 1],
          [c12(), 2],
        ],
      );
      await assert.rejects(
        removeRequirement(db, ref, version, { frameworkId: fw.id, itemId: c11() }, null),
        RequirementNotFoundError,
      );
    });

    it("says what a newer edition changed or retired; the author takes the change or keeps the wording", async () => {
      const own = await publishSmallFramework(db, undefined, { areas: 1, perArea: 3 });
      const [changed, retired, same] = own.competencies[0] as [string, string, string];
      const ref = await freshProfile();
      let { version } = await addRequirements(
        db,
        ref,
        1,
        [changed, retired, same].map((itemId) => ({ frameworkId: own.id, itemId })),
        null,
      );
      const changedKsas = own.ksas[changed] as string[];
      ({ version } = await updateRequirement(
        db,
        ref,
        version,
        { frameworkId: own.id, itemId: changed },
        { targetLevel: 4, importance: "essential", ksaIds: [changedKsas[0] as string, changedKsas[1] as string] },
        null,
      ));
      await reword(db, changed, "Lending practice, reworded", "Pratique du prêt, reformulée");
      await retire(db, changedKsas[0] as string);
      await retire(db, retired);
      await publishAgain(db, own.id);

      const status = async () =>
        (await editionChanges(db, await readRequirements(db, ref.profileId))).map((c) => [
          c.itemId,
          c.comparison.status,
          c.review,
        ]);
      assert.deepEqual(await status(), [
        [changed, "changed", true],
        [retired, "retired", true],
        [same, "unchanged", false],
      ]);
      const changes = await editionChanges(db, await readRequirements(db, ref.profileId));
      assert.deepEqual(changes[0]?.comparison.fields, ["statement"]);
      assert.deepEqual(changes[0]?.comparison.ksasRemoved, [changedKsas[0]]);
      assert.equal(changes[0]?.now?.statement.en, "Lending practice, reworded");

      // A retired item cannot be taken; it is kept (the notice goes) or removed.
      await assert.rejects(
        takeChange(db, ref, version, { frameworkId: own.id, itemId: retired }, null),
        RequirementInputError,
      );
      ({ version } = await keepWording(db, ref, version, { frameworkId: own.id, itemId: retired }, null));
      const taken = await takeChange(db, ref, version, { frameworkId: own.id, itemId: changed }, null);
      assert.deepEqual(taken.dropped, [changedKsas[0]]);
      assert.equal(taken.edition, 2);
      assert.deepEqual(await status(), [
        [changed, "unchanged", false],
        [retired, "retired", false],
        [same, "unchanged", false],
      ]);
      const after = (await readRequirements(db, ref.profileId))[0];
      assert.equal(after?.item.statement.en, "Lending practice, reworded");
      assert.deepEqual(after?.ksaIds, [changedKsas[1]]);
      assert.equal(after?.targetLevel, 4);

      // A later edition that changes the kept item again brings its notice back.
      await reword(db, same, "Lending practice, third wording", "Pratique du prêt, troisième version");
      await publishAgain(db, own.id);
      assert.deepEqual(await status(), [
        [changed, "unchanged", false],
        [retired, "retired", true],
        [same, "changed", true],
      ]);
    });

    it("migration 015 goes down and up", async () => {
      await db.deleteFrom("job_profile_requirements").execute();
      await m015.down(db as Kysely<unknown>);
      await m015.up(db as Kysely<unknown>);
      const ref = await freshProfile();
      await addRequirements(db, ref, 1, [{ frameworkId: fw.id, itemId: c11() }], null);
      assert.equal((await readRequirements(db, ref.profileId))[0]?.reviewedEditionId, null);
    });
  });
}
