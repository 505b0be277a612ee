/**
 * Privacy pages on each database, in both languages: the organisation's access log (administrators,
 * filtered and paged), "who viewed my record", everything held about a person (page and JSON), and
 * the privacy notice (edited in both languages, linked from every personal page). Each role sees
 * what the policy allows; every refusal says nothing about the people asked for; reading someone
 * else's data is itself logged, reading one's own is not.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { messages } from "../../src/i18n/index.ts";
import { collectOwnData, OWN_DATA_SECTIONS, ownDataSection } from "../../src/people/privacy/own-data.tsx";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm } from "../support/auth.ts";
import { countTags, hrefs, htmlLang, shows } from "../support/html.ts";
import { buildWorld, insertAccess, insertChange } from "./privacy-world.ts";

const en = messages("en");
const fr = messages("fr");

for (const dialect of testDialects()) {
  describe(`privacy pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      w = await buildWorld(t);
    });
    after(() => t?.close());

    const get = async (path: string, who?: Parameters<typeof w.cookieOf>[0]) =>
      t.app.request(path, { headers: who ? { cookie: await w.cookieOf(who) } : {} });
    const accessRows = (personId: string) =>
      t.db.selectFrom("access_log").selectAll().where("person_id", "=", personId).orderBy("at").execute();
    const personal = (html: string) =>
      Object.values(w.people).filter((p) => shows(html, p.name) || html.includes(p.employeeNumber));

    test("the organisation's access log: administrators read it, filtered by person, viewer and dates, 50 a page", async () => {
      const { riverside } = w;
      // 60 views of the report's record by the manager, one a day from 1 March 2026, and one of the colleague's by HR.
      for (let i = 0; i < 60; i++)
        await insertAccess(t.db, {
          organisationId: riverside,
          personId: w.people.report.id,
          actorLabel: "Marc Ouellet",
          at: new Date(Date.UTC(2026, 2, 1 + i, 12)).toISOString(),
        });
      await insertAccess(t.db, {
        organisationId: riverside,
        personId: w.people.colleague.id,
        actorLabel: "Hana Roy",
        at: "2026-02-10T09:00:00.000Z",
        what: "export",
      });

      const first = await get("/en/orgs/riverside/access-log", "hr");
      assert.equal(first.status, 200);
      assert.match(first.headers.get("cache-control") ?? "", /no-store/);
      const html = await first.text();
      assert.equal(htmlLang(html), "en-CA");
      assert.equal(countTags(html, "h1"), 1);
      assert.equal((html.match(/<tr>/g) ?? []).length - 1, 50, "50 entries and a header row");
      const older = hrefs(html).find((href) => href.includes("before="));
      assert.ok(older, "a link to older entries");
      const second = await (await get(older, "hr")).text();
      assert.equal((second.match(/<tr>/g) ?? []).length - 1, 11, "the other 10 views and the export");
      assert.ok(shows(second, "Colin Baptiste") && shows(second, en.privacyAccessKind("export")));

      // By person (name part or employee number), by viewer, by dates: only what matches.
      const byPerson = await (await get("/en/orgs/riverside/access-log?person=R-004", "hr")).text();
      assert.equal((byPerson.match(/<tr>/g) ?? []).length - 1, 1);
      const byName = await (await get("/en/orgs/riverside/access-log?person=baptiste", "hr")).text();
      assert.equal((byName.match(/<tr>/g) ?? []).length - 1, 1);
      const byViewer = await (await get("/en/orgs/riverside/access-log?viewer=hana", "hr")).text();
      assert.equal((byViewer.match(/<tr>/g) ?? []).length - 1, 1);
      const byDates = await (await get("/fr/orgs/riverside/access-log?from=2026-03-05&to=2026-03-07", "hr")).text();
      assert.equal((byDates.match(/<tr>/g) ?? []).length - 1, 3, "5, 6 and 7 March, both ends included");
      assert.equal(htmlLang(byDates), "fr-CA");
      // A pattern character is taken literally.
      const literal = await (await get("/en/orgs/riverside/access-log?viewer=%25", "hr")).text();
      assert.ok(shows(literal, en.privacyAccessNone));

      // A date that is not one is said to be wrong, by field, and the page still answers.
      const bad = await get("/en/orgs/riverside/access-log?from=2026-02-30&to=yesterday", "hr");
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.ok(shows(badHtml, en.privacyDateInvalid));
      assert.match(badHtml, /href="#field-from"/);
      const reversed = await (await get("/en/orgs/riverside/access-log?from=2026-03-07&to=2026-03-05", "hr")).text();
      assert.ok(shows(reversed, en.privacyDateOrder));
    });

    test("the organisation's access log is refused to everyone but its administrators, with nobody named", async () => {
      for (const who of ["manager", "report", "colleague", "instanceAdmin"] as const) {
        const response = await get("/en/orgs/riverside/access-log", who);
        assert.equal(response.status, 403, who);
        assert.deepEqual(personal(await response.text()), [], `${who}'s refusal names no one`);
      }
      for (const who of ["leaver", "outsider"] as const) {
        const response = await get("/en/orgs/riverside/access-log", who);
        assert.equal(response.status, 404, who);
        assert.deepEqual(personal(await response.text()), []);
      }
      const anonymous = await get("/en/orgs/riverside/access-log");
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get("location") ?? "", /\/en\/sign-in\?next=/);
      // Another organisation's administrator page is not reachable with this one's standing.
      assert.equal((await get("/en/orgs/lakeshore/access-log", "hr")).status, 404);
    });

    test("who viewed my record: a person reads their own without adding to it; an administrator's reading is logged", async () => {
      const { report, manager, hr } = w.people;
      const before = (await accessRows(report.id)).length;
      const mine = await get("/en/orgs/riverside/me/access-log", "report");
      assert.equal(mine.status, 303);
      assert.equal(mine.headers.get("location"), `/en/orgs/riverside/people/${report.id}/access-log`);
      const page = await get(`/fr/orgs/riverside/people/${report.id}/access-log`, "report");
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.equal(htmlLang(html), "fr-CA");
      assert.ok(shows(html, fr.privacyMyAccessLogTitle));
      assert.ok(shows(html, "Marc Ouellet"), "the manager's views are listed");
      assert.ok(hrefs(html).includes("/fr/orgs/riverside/privacy"), "the privacy notice is linked");
      assert.equal((await accessRows(report.id)).length, before, "reading one's own log is not a view of another's");

      // The administrator reads it: that reading is written, with who and what.
      const hrPage = await get(`/en/orgs/riverside/people/${report.id}/access-log`, "hr");
      assert.equal(hrPage.status, 200);
      assert.ok(shows(await hrPage.text(), en.privacyPersonAccessLogTitle(report.name)));
      const rows = await accessRows(report.id);
      assert.equal(rows.length, before + 1);
      const last = rows.find((row) => row.what === "access-log");
      assert.equal(last?.actor_id, hr.userId);

      // The manager may read the record but not its access log; colleagues and other organisations see nothing.
      for (const who of ["manager", "colleague", "outsider", "instanceAdmin"] as const) {
        const refused = await get(`/en/orgs/riverside/people/${report.id}/access-log`, who);
        assert.ok([403, 404].includes(refused.status), `${who}: ${refused.status}`);
        const body = await refused.text();
        assert.ok(!shows(body, report.name) && !shows(body, manager.name), `${who}'s refusal names no one`);
      }
      // A person of the other organisation, asked for through this organisation's address: unknown.
      assert.equal((await get(`/en/orgs/riverside/people/${w.people.outsider.id}/access-log`, "hr")).status, 404);
      assert.equal((await get("/en/orgs/riverside/people/not-an-id/access-log", "hr")).status, 404);
    });

    test("everything held about me: the record, unit and manager, the access log and the change history, as a page and as JSON", async () => {
      const { report } = w.people;
      await insertChange(t.db, {
        organisationId: w.riverside,
        personId: report.id,
        at: "2026-02-01T08:00:00.000Z",
        before: { familyName: "Sing" },
        after: { familyName: "Singh" },
      });
      const before = (await accessRows(report.id)).length;
      const json = await get(`/en/orgs/riverside/people/${report.id}/data.json`, "report");
      assert.equal(json.status, 200);
      assert.match(json.headers.get("content-disposition") ?? "", /attachment/);
      const document = (await json.json()) as {
        format: string;
        sections: {
          record: { givenName: string; employeeNumber: string; email: string };
          placement: { unit: { nameEn: string }; manager: { name: string } };
          accessLog: { viewer: string }[];
          changes: { after: { familyName: string } }[];
        };
      };
      assert.equal(document.format, "skillshelf-own-data");
      assert.deepEqual(Object.keys(document.sections), [
        "record",
        "placement",
        "accessLog",
        "changes",
        "invitations",
        "position",
        "assessments",
        "reminders",
        "developmentPlans",
      ]);
      assert.equal(document.sections.record.givenName, "Rita");
      assert.equal(document.sections.record.employeeNumber, "R-003");
      assert.equal(document.sections.placement.unit.nameEn, "Central Branch");
      assert.equal(document.sections.placement.manager.name, "Marc Ouellet");
      assert.ok(document.sections.accessLog.length >= 60);
      assert.ok(document.sections.accessLog.every((entry) => entry.viewer !== report.name));
      assert.equal(document.sections.changes[0].after.familyName, "Singh");

      for (const lang of ["en", "fr"] as const) {
        const t2 = messages(lang);
        const page = await get(`/${lang}/orgs/riverside/people/${report.id}/data`, "report");
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, t2.privacyMyDataTitle));
        for (const section of OWN_DATA_SECTIONS) assert.ok(shows(html, section.title(lang)), section.key);
        assert.ok(shows(html, "R-003") && shows(html, "Marc Ouellet (R-002)"));
        assert.ok(hrefs(html).includes(`/${lang}/orgs/riverside/privacy`));
        assert.ok(hrefs(html).includes(`/${lang}/orgs/riverside/people/${report.id}/data.json`));
      }
      assert.equal((await accessRows(report.id)).length, before, "one's own export is not logged");

      // The administrator may export it (logged); the manager, colleagues and others may not.
      assert.equal((await get(`/en/orgs/riverside/people/${report.id}/data.json`, "hr")).status, 200);
      assert.equal((await accessRows(report.id)).filter((row) => row.what === "export").length, 1);
      for (const who of ["manager", "colleague", "outsider", "leaver"] as const) {
        const refused = await get(`/en/orgs/riverside/people/${report.id}/data.json`, who);
        assert.ok([403, 404].includes(refused.status), `${who}: ${refused.status}`);
        assert.ok(!(await refused.text()).includes("R-003"));
      }
    });

    test("the staff pages link to the privacy notice; one's own record also to who viewed it and everything held", async () => {
      const { report } = w.people;
      for (const [path, who] of [
        [`/en/orgs/riverside/people/${report.id}`, "report"],
        [`/en/orgs/riverside/people/${report.id}`, "hr"],
        ["/en/orgs/riverside/people", "hr"],
        ["/en/orgs/riverside/team", "manager"],
        [`/en/orgs/riverside/people/${report.id}/edit`, "hr"],
      ] as const) {
        const response = await get(path, who);
        assert.equal(response.status, 200, path);
        assert.ok(hrefs(await response.text()).includes("/en/orgs/riverside/privacy"), `${path} links to the notice`);
      }
      const own = hrefs(await (await get(`/en/orgs/riverside/people/${report.id}`, "report")).text());
      assert.ok(own.includes(`/en/orgs/riverside/people/${report.id}/access-log`));
      assert.ok(own.includes(`/en/orgs/riverside/people/${report.id}/data`));
    });

    test("the own-data document grows with the sections a later capability adds", async () => {
      const extra = ownDataSection<{ goals: number }>({
        key: "developmentPlan",
        title: () => "Development plan",
        collect: async () => ({ goals: 3 }),
        render: (data) => `${data.goals} goals`,
      });
      const organisation = await t.db
        .selectFrom("organisations")
        .selectAll()
        .where("slug", "=", "riverside")
        .executeTakeFirstOrThrow();
      const document = await collectOwnData(t.db, organisation, w.people.colleague.id, [...OWN_DATA_SECTIONS, extra]);
      assert.deepEqual(document.sections.developmentPlan, { goals: 3 });
      assert.equal((document.sections.record as { familyName: string }).familyName, "Baptiste");
    });

    test("the privacy notice: written in both languages by the administrator, read by staff in theirs", async () => {
      const empty = await (await get("/en/orgs/riverside/privacy", "report")).text();
      assert.ok(shows(empty, en.privacyNoticeMissing));
      assert.ok(!shows(empty, en.privacyEditNoticeLink), "no administration links for staff");

      const form = await get("/fr/orgs/riverside/privacy/edit", "hr");
      assert.equal(form.status, 200);
      const formHtml = await form.text();
      assert.match(formHtml, /name="notice_en"[^>]*lang="en"|lang="en"[^>]*name="notice_en"/);

      const tooLong = await t.app.request(
        "/en/orgs/riverside/privacy/edit",
        postForm(t, { notice_en: "x".repeat(20_001), notice_fr: "" }, await w.cookieOf("hr")),
      );
      assert.equal(tooLong.status, 400);
      assert.match(await tooLong.text(), /href="#field-notice_en"/);

      const saved = await t.app.request(
        "/en/orgs/riverside/privacy/edit",
        postForm(
          t,
          {
            notice_en: "We keep *your* record.\n\n- Ask HR",
            notice_fr: "Nous conservons votre dossier.<script>x</script>",
          },
          await w.cookieOf("hr"),
        ),
      );
      assert.equal(saved.status, 303);
      const enPage = await (await get("/en/orgs/riverside/privacy", "report")).text();
      assert.match(enPage, /We keep <em>your<\/em> record\./);
      assert.match(enPage, /<li>Ask HR<\/li>/);
      const frPage = await (await get("/fr/orgs/riverside/privacy", "report")).text();
      assert.ok(shows(frPage, "Nous conservons votre dossier."));
      assert.ok(!frPage.includes("<script>x"), "markup in a notice is shown as text, never run");
      const change = await t.db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("subject_kind", "=", "organisation")
        .where("action", "=", "update")
        .executeTakeFirstOrThrow();
      assert.equal(change.actor_id, w.people.hr.userId);

      // The longest notice, in accented French (six bytes a letter once form-encoded), still goes through.
      const longest = await t.app.request(
        "/en/orgs/riverside/privacy/edit",
        postForm(
          t,
          { notice_en: "We keep *your* record.\n\n- Ask HR", notice_fr: "é".repeat(20_000) },
          await w.cookieOf("hr"),
        ),
      );
      assert.equal(longest.status, 303);
      await t.app.request(
        "/en/orgs/riverside/privacy/edit",
        postForm(
          t,
          { notice_en: "We keep *your* record.\n\n- Ask HR", notice_fr: "Nous conservons votre dossier." },
          await w.cookieOf("hr"),
        ),
      );

      const hrNotice = await (await get("/en/orgs/riverside/privacy", "hr")).text();
      for (const link of [
        en.privacyEditNoticeLink,
        en.privacyAccessLogLink,
        en.privacyRetentionLink,
        en.privacyDeleteLink,
      ])
        assert.ok(shows(hrNotice, link), link);

      // Staff may read the notice but not change it; other organisations do not see it at all.
      const refused = await t.app.request(
        "/en/orgs/riverside/privacy/edit",
        postForm(t, { notice_en: "changed", notice_fr: "" }, await w.cookieOf("report")),
      );
      assert.equal(refused.status, 403);
      assert.equal((await get("/en/orgs/riverside/privacy", "outsider")).status, 404);
      const still = await t.db
        .selectFrom("organisations")
        .select("privacy_notice_en")
        .where("slug", "=", "riverside")
        .executeTakeFirstOrThrow();
      assert.equal(still.privacy_notice_en, "We keep *your* record.\n\n- Ask HR");
    });
  });
}
