/**
 * The whole organisation, for its administrator: an export of everything it holds (each person in
 * it access-logged as exported), and its deletion, confirmed by typing its web address name on a
 * page that names what goes. Nothing of the other organisation moves; no one else may do either.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { messages } from "../../src/i18n/index.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm } from "../support/auth.ts";
import { countTags, shows } from "../support/html.ts";
import { buildWorld, insertAccess, insertChange } from "./privacy-world.ts";

for (const dialect of testDialects()) {
  describe(`organisation export and deletion (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      w = await buildWorld(t);
      await insertAccess(t.db, {
        organisationId: w.riverside,
        personId: w.people.report.id,
        actorLabel: "Marc Ouellet",
        at: "2026-03-01T00:00:00.000Z",
      });
      await insertChange(t.db, {
        organisationId: w.riverside,
        personId: w.people.report.id,
        at: "2026-03-01T00:00:00.000Z",
        before: null,
        after: { givenName: "Rita" },
      });
      await insertAccess(t.db, {
        organisationId: w.lakeshore,
        personId: w.people.outsider.id,
        actorLabel: "Someone",
        at: "2026-03-01T00:00:00.000Z",
      });
    });
    after(() => t?.close());

    const get = async (path: string, who?: Parameters<typeof w.cookieOf>[0]) =>
      t.app.request(path, { headers: who ? { cookie: await w.cookieOf(who) } : {} });
    const count = async (
      table: "units" | "people" | "organisation_roles" | "access_log" | "organisation_changes",
      organisationId: string,
    ) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .where("organisation_id", "=", organisationId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test("the export holds the organisation, its units, people, roles, access log and history, and logs each person as exported", async () => {
      const response = await get("/en/orgs/riverside/export.json", "hr");
      assert.equal(response.status, 200);
      assert.match(
        response.headers.get("content-disposition") ?? "",
        /attachment; filename="riverside-organisation\.json"/,
      );
      assert.match(response.headers.get("cache-control") ?? "", /private, no-store/);
      const document = (await response.json()) as {
        format: string;
        organisation: { slug: string };
        units: unknown[];
        people: { employee_number: string }[];
        roles: { email: string }[];
        accessLog: { person_id: string; what: string }[];
        changes: { after: { givenName?: string } }[];
      };
      assert.equal(document.format, "skillshelf-organisation");
      assert.equal(document.organisation.slug, "riverside");
      assert.equal(document.units.length, 1);
      assert.deepEqual(document.people.map((p) => p.employee_number).sort(), [
        "R-001",
        "R-002",
        "R-003",
        "R-004",
        "R-005",
      ]);
      assert.deepEqual(
        document.roles.map((r) => r.email),
        [w.people.hr.email],
      );
      // The export is logged before it is written out, so the document holds its own entries too.
      assert.equal(document.accessLog.filter((entry) => entry.what !== "export").length, 1);
      assert.equal(document.changes[0].after.givenName, "Rita");
      assert.ok(!JSON.stringify(document).includes("L-001"), "nothing of the other organisation");

      const exported = await t.db
        .selectFrom("access_log")
        .select("person_id")
        .where("organisation_id", "=", w.riverside)
        .where("what", "=", "export")
        .execute();
      const ids = exported.map((row) => row.person_id).sort();
      const others = [w.people.manager, w.people.report, w.people.colleague, w.people.leaver].map((p) => p.id).sort();
      assert.deepEqual(ids, others, "everyone but the administrator themself");
    });

    test("export and deletion are refused to everyone but the organisation's administrators", async () => {
      for (const who of ["manager", "report", "instanceAdmin"] as const) {
        for (const path of ["/en/orgs/riverside/export.json", "/en/orgs/riverside/delete"]) {
          const response = await get(path, who);
          assert.equal(response.status, 403, `${who} ${path}`);
          assert.ok(!(await response.text()).includes("R-00"), "no one's number in a refusal");
        }
        const post = await t.app.request(
          "/en/orgs/riverside/delete",
          postForm(t, { confirm: "riverside" }, await w.cookieOf(who)),
        );
        assert.equal(post.status, 403);
      }
      for (const who of ["outsider", "leaver"] as const)
        assert.equal((await get("/en/orgs/riverside/export.json", who)).status, 404);
      assert.equal((await get("/en/orgs/riverside/export.json")).status, 303, "anonymous: to sign in");
      assert.equal(await count("people", w.riverside), 5);
    });

    test("deletion names what goes, needs the web address name typed exactly, and takes only this organisation", async () => {
      const expected = {
        units: await count("units", w.riverside),
        people: await count("people", w.riverside),
        roles: await count("organisation_roles", w.riverside),
        accessLog: await count("access_log", w.riverside),
        changes: await count("organisation_changes", w.riverside),
      };
      for (const lang of ["en", "fr"] as const) {
        const t2 = messages(lang);
        const page = await get(`/${lang}/orgs/riverside/delete`, "hr");
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.equal(countTags(html, "h1"), 1);
        for (const line of [
          t2.privacyCountUnits(expected.units),
          t2.privacyCountPeople(expected.people),
          t2.privacyCountRoles(expected.roles),
          t2.privacyCountAccessLog(expected.accessLog),
          t2.privacyCountChanges(expected.changes),
          t2.privacyDeleteConfirmLabel("riverside"),
        ])
          assert.ok(shows(html, line), line);
      }
      const hr = await w.cookieOf("hr");
      for (const typed of ["", "Riverside", "lakeshore", "riverside2"]) {
        const refused = await t.app.request("/en/orgs/riverside/delete", postForm(t, { confirm: typed }, hr));
        assert.equal(refused.status, 400, `typed "${typed}"`);
        const html = await refused.text();
        assert.match(html, /href="#field-confirm"/);
        assert.ok(shows(html, messages("en").privacyDeleteMismatch("riverside")));
      }
      assert.equal(await count("people", w.riverside), expected.people, "nothing deleted by a wrong confirmation");

      const lakeshoreBefore = {
        people: await count("people", w.lakeshore),
        log: await count("access_log", w.lakeshore),
      };
      const done = await t.app.request("/en/orgs/riverside/delete", postForm(t, { confirm: " riverside " }, hr));
      assert.equal(done.status, 200);
      assert.ok(shows(await done.text(), messages("en").privacyDeletedTitle("riverside Public Library")));
      for (const table of ["units", "people", "organisation_roles", "access_log", "organisation_changes"] as const)
        assert.equal(await count(table, w.riverside), 0, table);
      assert.equal(
        await t.db.selectFrom("organisations").select("id").where("id", "=", w.riverside).executeTakeFirst(),
        undefined,
      );
      assert.deepEqual(
        { people: await count("people", w.lakeshore), log: await count("access_log", w.lakeshore) },
        lakeshoreBefore,
      );
      // The accounts stay (they may belong to other organisations); the organisation's pages are gone.
      assert.ok(
        await t.db.selectFrom("users").select("id").where("email", "=", w.people.report.email).executeTakeFirst(),
      );
      assert.equal((await get("/en/orgs/riverside/privacy", "hr")).status, 404);
    });
  });
}
