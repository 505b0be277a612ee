/**
 * The staff pages through the app, on every database and in both languages: who sees which list,
 * record and team; every view of someone else's record in the access log; edits refused or saved
 * with their history; another organisation's people never reachable through this one's addresses.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import type { Person } from "../../src/db/schema.ts";
import { linkAccount } from "../../src/people/staff/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { countTags, htmlLang } from "../support/html.ts";
import { addPerson, grantAdministrator, insertOrganisation, insertUnit, TEST_CHANGE_ACTOR } from "../support/people.ts";

type App = Awaited<ReturnType<typeof makeTestApp>>;

for (const dialect of testDialects()) {
  describe(`staff pages (${dialect})`, () => {
    let t: App;
    let orgA: string;
    let orgB: string;
    const people: Record<string, Person> = {};
    const cookies: Record<string, string> = {};

    /** Signs in as a new account and, when given, links it to the person. */
    const member = async (key: string, organisationId: string | null, person?: Person) => {
      const email = `${key}@staff.test`;
      cookies[key] = await signInAs(t, "editor", { email });
      const user = await findUserByEmail(t.db, email);
      if (person && organisationId)
        await linkAccount(t.db, organisationId, person.id, user?.id ?? "", TEST_CHANGE_ACTOR);
      return user?.id as string;
    };
    const get = (key: string | null, path: string) =>
      t.app.request(path, { headers: key ? { cookie: cookies[key] } : {} });
    /** The names the page links to a record (the list's rows, a team's members). */
    const listed = (html: string) => [...html.matchAll(/\/people\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1]);
    const accessLogCount = async () => (await t.db.selectFrom("access_log").select("id").execute()).length;

    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      orgA = await insertOrganisation(t.db, "north", { en: "North Library", fr: "Bibliothèque du Nord" });
      orgB = await insertOrganisation(t.db, "south");
      const central = await insertUnit(t.db, orgA, "Central");
      const branch = await insertUnit(t.db, orgA, "Riverside branch", central);
      people.manager = await addPerson(t.db, orgA, {
        givenName: "Maud",
        familyName: "Manager",
        employeeNumber: "A-1",
        unitId: central,
      });
      people.report = await addPerson(t.db, orgA, {
        givenName: "Remy",
        familyName: "Report",
        employeeNumber: "A-2",
        unitId: branch,
        managerId: people.manager.id,
        email: "remy@north.example",
      });
      people.deep = await addPerson(t.db, orgA, {
        givenName: "Dora",
        familyName: "Deep",
        employeeNumber: "A-3",
        unitId: branch,
        managerId: people.report.id,
      });
      people.staff = await addPerson(t.db, orgA, { givenName: "Stan", familyName: "Solo", employeeNumber: "A-4" });
      people.left = await addPerson(t.db, orgA, {
        givenName: "Lena",
        familyName: "Left",
        employeeNumber: "A-5",
        status: "left",
        statusSince: "2026-01-15",
      });
      people.foreign = await addPerson(t.db, orgB, { givenName: "Xavier", familyName: "Xeno", employeeNumber: "A-2" });

      const hr = await member("hr", null);
      await grantAdministrator(t.db, orgA, hr);
      await member("manager", orgA, people.manager);
      await member("report", orgA, people.report);
      await member("staff", orgA, people.staff);
      await member("left", orgA, people.left);
      await member("foreign", orgB, people.foreign);
    });
    after(() => t.close());

    it("an administrator lists everyone, filters, searches and pages, in both languages, never cached", async () => {
      for (const lang of ["en", "fr"] as const) {
        const response = await get("hr", `/${lang}/orgs/north/people`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("cache-control"), "private, no-store");
        const html = await response.text();
        assert.equal(htmlLang(html), `${lang}-CA`);
        assert.equal(countTags(html, "h1"), 1);
        assert.match(html, lang === "fr" ? /Bibliothèque du Nord/ : /North Library/);
        for (const key of ["manager", "report", "deep", "staff", "left"])
          assert.ok(html.includes(people[key].family_name));
        assert.ok(!html.includes("Xeno"));
      }
      const searched = await (await get("hr", "/en/orgs/north/people?q=remy%40north")).text();
      assert.ok(searched.includes("Report") && !searched.includes("Solo"));
      const units = await t.db
        .selectFrom("units")
        .select(["id", "name_en"])
        .where("organisation_id", "=", orgA)
        .execute();
      const central = units.find((u) => u.name_en === "Central")?.id as string;
      // The unit filter takes the units under it.
      const inCentral = await (await get("hr", `/en/orgs/north/people?unit=${central}`)).text();
      for (const key of ["manager", "report", "deep"]) assert.ok(inCentral.includes(people[key].family_name), key);
      assert.ok(!inCentral.includes("Solo"));
      const left = await (await get("hr", "/en/orgs/north/people?status=left")).text();
      assert.deepEqual(listed(left), ["Lena Left"]);
      const paged = await (await get("hr", "/en/orgs/north/people?size=2&page=2&sort=employeeNumber")).text();
      assert.deepEqual(listed(paged), ["Dora Deep", "Stan Solo"]);
      assert.match(paged, /Showing 3–4 of 5 people/);
      // A bad parameter is dropped, not an error.
      assert.equal((await get("hr", "/en/orgs/north/people?sort=nonsense&page=-4&status=x")).status, 200);
    });

    it("a manager lists and sees their team only, directly and through their reports", async () => {
      const list = await (await get("manager", "/en/orgs/north/people")).text();
      assert.deepEqual(listed(list), ["Dora Deep", "Remy Report"]);
      const team = await get("manager", "/fr/orgs/north/team");
      assert.equal(team.status, 200);
      const html = await team.text();
      assert.equal(htmlLang(html), "fr-CA");
      assert.match(html, /Relève directement de vous/);
      assert.match(html, /Par l(&#39;|’)intermédiaire de Remy Report/);
      assert.ok(!html.includes("Stan"));
    });

    it("a view of someone else's record is logged; one's own is not", async () => {
      const before = await accessLogCount();
      const own = await get("staff", `/en/orgs/north/people/${people.staff.id}`);
      assert.equal(own.status, 200);
      assert.match(await own.text(), /This is your record/);
      assert.equal(await accessLogCount(), before);

      const viewed = await get("manager", `/en/orgs/north/people/${people.deep.id}`);
      assert.equal(viewed.status, 200);
      const html = await viewed.text();
      // The manager line up, nearest first.
      assert.ok(html.indexOf("Remy Report") < html.indexOf("Maud Manager"));
      const log = await t.db
        .selectFrom("access_log")
        .selectAll()
        .where("person_id", "=", people.deep.id)
        .orderBy("at", "desc")
        .executeTakeFirst();
      assert.equal(log?.what, "record");
      assert.match(log?.actor_label ?? "", /^Test editor <\w+@staff\.test>$/);
      assert.equal(log?.path, `/en/orgs/north/people/${people.deep.id}`);
      assert.equal(await accessLogCount(), before + 1);
    });

    it("refuses without saying who exists: other people's records, other organisations' ids, people who left", async () => {
      const cases: [string | null, string, number][] = [
        ["staff", `/en/orgs/north/people/${people.report.id}`, 404],
        ["report", `/en/orgs/north/people/${people.manager.id}`, 404],
        ["staff", "/en/orgs/north/people", 403],
        ["staff", "/en/orgs/north/team", 403],
        ["foreign", "/en/orgs/north/people", 404],
        ["foreign", `/en/orgs/north/people/${people.report.id}`, 404],
        ["hr", `/en/orgs/north/people/${people.foreign.id}`, 404],
        ["hr", `/en/orgs/south/people/${people.foreign.id}`, 404],
        ["left", `/en/orgs/north/people/${people.left.id}`, 404],
        ["manager", `/en/orgs/north/people/${people.report.id}/edit`, 404],
        [null, `/en/orgs/north/people/${people.report.id}`, 303],
      ];
      const before = await accessLogCount();
      for (const [who, path, status] of cases) {
        const response = await get(who, path);
        assert.equal(response.status, status, `${who} ${path}`);
        const body = await response.text();
        for (const name of ["Remy", "Maud", "Xavier", "Lena"])
          assert.ok(!body.includes(name), `${who} ${path}: ${name}`);
      }
      assert.equal(await accessLogCount(), before);
    });

    it("an administrator adds and edits people; loops and unknown managers are refused with the field named", async () => {
      const added = await t.app.request(
        "/en/orgs/north/people",
        postForm(
          t,
          {
            givenName: "Nina",
            familyName: "New",
            employeeNumber: "A-9",
            managerNumber: "A-1",
            status: "active",
            preferredLang: "fr",
            unitId: "",
          },
          cookies.hr,
        ),
      );
      assert.equal(added.status, 303);
      const profile = await get("hr", added.headers.get("location") as string);
      const html = await profile.text();
      assert.match(html, /The person is added/);
      assert.match(html, /Maud Manager/);

      const loop = await t.app.request(
        `/fr/orgs/north/people/${people.manager.id}`,
        postForm(
          t,
          {
            givenName: "Maud",
            familyName: "Manager",
            employeeNumber: "A-1",
            managerNumber: "A-3",
            status: "active",
            preferredLang: "en",
          },
          cookies.hr,
        ),
      );
      assert.equal(loop.status, 409);
      assert.match(await loop.text(), /relève de cette personne/);

      const unknown = await t.app.request(
        `/en/orgs/north/people/${people.staff.id}`,
        postForm(
          t,
          {
            givenName: "Stan",
            familyName: "Solo",
            employeeNumber: "A-4",
            managerNumber: "A-2",
            status: "active",
            preferredLang: "en",
          },
          cookies.hr,
        ),
      );
      // A-2 is Remy here; Xavier has A-2 in the other organisation: Remy it is.
      assert.equal(unknown.status, 303);
      const stan = await t.db.selectFrom("people").selectAll().where("id", "=", people.staff.id).executeTakeFirst();
      assert.equal(stan?.manager_id, people.report.id);

      const missing = await t.app.request(
        `/en/orgs/north/people/${people.staff.id}`,
        postForm(
          t,
          {
            givenName: "",
            familyName: "Solo",
            employeeNumber: "A-4",
            managerNumber: "Z-404",
            status: "active",
            preferredLang: "en",
          },
          cookies.hr,
        ),
      );
      assert.equal(missing.status, 400);
      const missingHtml = await missing.text();
      assert.match(missingHtml, /Choose a manager from this organisation/);
      assert.match(missingHtml, /aria-invalid="true"/);

      const history = await t.db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("subject_id", "=", people.staff.id)
        .where("action", "=", "update")
        .execute();
      // The account link made when the test began, then the one edit (the refused ones wrote nothing).
      assert.equal(history.length, 2);
      const edit = history.find((change) => JSON.parse(change.after as string).manager_id === people.report.id);
      assert.match(edit?.actor_label ?? "", /^Test editor <\w+@staff\.test>$/);
      assert.equal(JSON.parse(edit?.before as string).manager_id, null);

      // A manager may not edit, even their own report.
      const refused = await t.app.request(
        `/en/orgs/north/people/${people.report.id}`,
        postForm(
          t,
          { givenName: "Hacked", familyName: "R", employeeNumber: "A-2", status: "active", preferredLang: "en" },
          cookies.manager,
        ),
      );
      assert.ok([403, 404].includes(refused.status));
      const remy = await t.db
        .selectFrom("people")
        .select("given_name")
        .where("id", "=", people.report.id)
        .executeTakeFirst();
      assert.equal(remy?.given_name, "Remy");
    });

    it("my organisations: each account finds its record, its team, its people — and nothing else", async () => {
      const mine = await (await get("manager", "/en/orgs")).text();
      assert.ok(mine.includes("North Library"));
      assert.ok(mine.includes(`/en/orgs/north/people/${people.manager.id}`));
      assert.ok(mine.includes("/en/orgs/north/team"));
      const foreign = await (await get("foreign", "/fr/orgs")).text();
      assert.ok(foreign.includes("Bibliothèque south") && !foreign.includes("Nord"));
      const hr = await (await get("hr", "/en/orgs")).text();
      assert.ok(hr.includes('/en/orgs/north/people"'));
      const left = await (await get("left", "/en/orgs")).text();
      assert.ok(!left.includes("North Library"));
      assert.equal((await get(null, "/en/orgs")).status, 303);
    });
  });
}
