/**
 * What "everything held about me" gained beyond assessments (decision 050), on each database: the
 * invitations sent to the person (never the token), the people who report to them, the changes of
 * their account's administrator role, and their position; none of it from another person or
 * another organisation.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createAccount } from "../../src/auth/accounts.ts";
import { collectOwnData, OWN_DATA_SECTIONS } from "../../src/people/privacy/own-data.tsx";
import { positionDataSection } from "../../src/profiles/jobs/own-data.tsx";
import { createProfile } from "../../src/profiles/jobs/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { technician } from "../support/profiles.ts";
import { insertOrganisation, insertPerson } from "./privacy-world.ts";

const STAMP = "2026-03-01T09:00:00.000Z";

for (const dialect of testDialects()) {
  describe(`own data: invitations, reports, role changes, position (${dialect})`, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    before(async () => {
      database = await openTestDatabase(dialect, { starter: false });
    });
    after(() => database?.close());

    test("each is the person's own, read through their organisation only", async () => {
      const db = database.db;
      const orgId = await insertOrganisation(db, "riverside");
      const otherId = await insertOrganisation(db, "lakeshore");
      const account = await createAccount(db, { email: "hana@riverside.test", role: "editor", name: "Hana Roy" });
      const hana = await insertPerson(db, orgId, {
        given: "Hana",
        family: "Roy",
        number: "R-001",
        user_id: account.id,
      });
      const rita = await insertPerson(db, orgId, { given: "Rita", family: "Singh", number: "R-003", manager_id: hana });
      await insertPerson(db, orgId, { given: "Colin", family: "Baptiste", number: "R-004" });
      const invite = (personId: string, organisationId: string, email: string) =>
        db
          .insertInto("person_invitations")
          .values({
            id: randomUUID(),
            organisation_id: organisationId,
            person_id: personId,
            token_hash: `secret-token-hash-${email}`,
            email,
            lang: "fr",
            invited_by: null,
            invited_by_label: "Admin <admin@riverside.test>",
            created_at: STAMP,
            expires_at: "2026-03-08T09:00:00.000Z",
          })
          .execute();
      await invite(hana, orgId, "hana@riverside.test");
      await invite(rita, orgId, "rita@riverside.test");
      const roleChange = (organisationId: string, subjectId: string) =>
        db
          .insertInto("organisation_changes")
          .values({
            id: randomUUID(),
            organisation_id: organisationId,
            at: STAMP,
            actor_id: null,
            actor_label: "Instance admin",
            subject_kind: "role",
            subject_id: subjectId,
            action: "create",
            batch_id: randomUUID(),
            before: null,
            after: JSON.stringify({ role: "administrator", account: "hana@riverside.test" }),
          })
          .execute();
      await roleChange(orgId, account.id);
      await roleChange(otherId, account.id);
      const profile = await createProfile(db, orgId, technician(), { id: null, label: "HR" });
      await db
        .insertInto("person_positions")
        .values({ person_id: hana, profile_id: profile.id, since: "2025-09-01", updated_at: STAMP })
        .execute();

      const organisation = await db
        .selectFrom("organisations")
        .selectAll()
        .where("id", "=", orgId)
        .executeTakeFirstOrThrow();
      const document = await collectOwnData(db, organisation, hana, [...OWN_DATA_SECTIONS, positionDataSection]);
      const sections = document.sections as {
        invitations: { email: string; invitedBy: string; lang: string }[];
        placement: { reports: { id: string; name: string; employeeNumber: string }[] };
        changes: { action: string; after: { account: string } }[];
        position: { profileId: string; code: string; title: { en: string; fr: string }; since: string };
      };
      assert.deepEqual(
        sections.invitations.map((i) => [i.email, i.invitedBy, i.lang]),
        [["hana@riverside.test", "Admin <admin@riverside.test>", "fr"]],
      );
      assert.ok(!JSON.stringify(document).includes("secret-token-hash"), "never the token's hash");
      assert.deepEqual(sections.placement.reports, [{ id: rita, name: "Rita Singh", employeeNumber: "R-003" }]);
      assert.equal(sections.changes.length, 1, "the role change in this organisation, not the other's");
      assert.equal(sections.changes[0]?.after.account, "hana@riverside.test");
      assert.equal(sections.position.profileId, profile.id);
      assert.equal(sections.position.since, "2025-09-01");
      assert.equal(sections.position.title.en, "Library technician");

      // Rita holds none of it; through another organisation, Hana holds nothing here.
      const ritas = await collectOwnData(db, organisation, rita, [...OWN_DATA_SECTIONS, positionDataSection]);
      const r = ritas.sections as typeof sections;
      assert.deepEqual(r.placement.reports, []);
      assert.equal(r.position, null);
      assert.deepEqual(r.changes, []);
      const other = await db
        .selectFrom("organisations")
        .selectAll()
        .where("id", "=", otherId)
        .executeTakeFirstOrThrow();
      const elsewhere = await collectOwnData(db, other, hana, [...OWN_DATA_SECTIONS, positionDataSection]);
      const e = elsewhere.sections as { record: unknown; invitations: unknown[]; position: unknown };
      assert.equal(e.record, null);
      assert.deepEqual(e.invitations, []);
      assert.equal(e.position, null);
    });
  });
}
