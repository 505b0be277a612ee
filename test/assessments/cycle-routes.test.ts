/**
 * The review cycle pages as HR uses them, in English and French: the list, a draft created from the
 * form (refusals translated and naming the field), edited (a stale form is answered 409 with the
 * entries kept), opened, extended, closed and reopened through real forms; the progress page and its
 * CSV and XLSX read back; the organisation menu's link for administrators only; members refused.
 * (The store's SQL runs on every dialect in cycle-store.test.ts; these run on the first, as the
 * route matrix does.)
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

const form = (o: Record<string, string> = {}) => ({
  name_en: "Spring review",
  name_fr: "Bilan du printemps",
  period_start: "2027-01-01",
  period_end: "2027-06-30",
  scale: "",
  leaver_rule: "move",
  due_self: "2027-02-01",
  due_manager: "2027-03-01",
  due_conversation: "2027-04-01",
  due_signoff: "2027-05-01",
  ...o,
});

for (const dialect of testDialects().slice(0, 1)) {
  describe(`review cycle pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    let scale: string;
    before(async () => {
      t = await makeTestApp({ dialect });
      world = await buildPeopleWorld(t);
      const row = await t.db
        .selectFrom("proficiency_scales")
        .select("id")
        .where("organisation_id", "is", null)
        .executeTakeFirstOrThrow();
      scale = row.id;
    });
    after(() => t.close());

    const get = (url: string, cookie = world.cookies.orgAdmin) =>
      t.app.request(url, { headers: cookie ? { cookie } : {} });
    const post = (url: string, fields: Record<string, string>, cookie = world.cookies.orgAdmin) =>
      t.app.request(url, postForm(t, fields, cookie));
    const cycleIdOf = (response: Response) => {
      const location = response.headers.get("location") ?? "";
      const id = /\/cycles\/([^/?]+)/.exec(location)?.[1];
      assert.ok(id, `a redirect to the cycle: ${location}`);
      return id;
    };

    for (const lang of ["en", "fr"] as const) {
      it(`${lang}: creates, refuses per field, edits, opens, extends, closes and reopens`, async () => {
        const base = `/${lang}/orgs/alpha/cycles`;
        const list = await get(base);
        assert.equal(list.status, 200);
        assert.match(list.headers.get("cache-control") ?? "", /no-store/);
        const listHtml = await list.text();
        assert.ok(htmlLang(listHtml)?.startsWith(lang));
        assert.equal(countTags(listHtml, "h1"), 1);
        assert.ok(shows(listHtml, lang === "en" ? "Review cycles" : "Cycles d'évaluation"));

        const blank = await (await get(`${base}/new`)).text();
        assert.ok(blank.includes(`value="${scale}" selected`), "the organisation's scale is chosen");
        assert.ok(blank.includes(`name="units"`), "units as checkboxes");

        const refused = await post(base, form({ scale, due_manager: "2026-12-01", name_fr: "" }));
        assert.equal(refused.status, 400);
        const refusedHtml = await refused.text();
        assert.ok(
          shows(
            refusedHtml,
            lang === "en"
              ? "This due date comes on or after the first day of the period."
              : "Cette échéance ne peut précéder le premier jour de la période.",
          ),
        );
        assert.ok(refusedHtml.includes('href="#field-due_manager"'), "the summary links to the field");
        assert.ok(refusedHtml.includes('href="#field-name_fr"'));
        assert.ok(refusedHtml.includes('value="Spring review"'), "entries kept");

        const unknown = await post(base, form({ scale, people: "A-1002\nnobody@example.org" }));
        assert.equal(unknown.status, 400);
        assert.ok(
          shows(
            await unknown.text(),
            lang === "en"
              ? 'Line 2: nobody on staff has the e-mail address or employee number "nobody@example.org".'
              : "Ligne 2 : aucun membre du personnel n'a l'adresse courriel ou le matricule « nobody@example.org ».",
          ),
        );

        const created = await post(
          base,
          form({ scale, units: world.a.ids.unit, people: "thaddeus.o@alpha-people.test" }),
        );
        assert.equal(created.status, 303);
        const id = cycleIdOf(created);
        const detail = await (await get(`${base}/${id}`)).text();
        assert.equal(countTags(detail, "h1"), 1);
        assert.ok(detail.includes(`action="${base}/${id}/open"`));

        // The edit form shows the selection back: the unit ticked, the person by employee number.
        const editHtml = await (await get(`${base}/${id}/edit`)).text();
        assert.ok(editHtml.includes(`value="${world.a.ids.unit}" checked`));
        assert.match(editHtml, /<textarea[^>]*name="people"[^>]*>A-1003<\/textarea>/);
        // A stale edit: refused with 409, the person's entries still on the page.
        const stale = await post(`${base}/${id}/edit`, form({ scale, version: "1", name_en: "First edit" }));
        assert.equal(stale.status, 303);
        const conflict = await post(`${base}/${id}/edit`, form({ scale, version: "1", name_en: "Second, stale" }));
        assert.equal(conflict.status, 409);
        const conflictHtml = await conflict.text();
        assert.ok(conflictHtml.includes('value="Second, stale"'));
        assert.ok(conflictHtml.includes('name="version" value="2"'), "the form now carries the current version");

        const opened = await post(`${base}/${id}/open`, { version: "2" });
        assert.equal(opened.status, 303);
        const openedHtml = await (await get(opened.headers.get("location") ?? "")).text();
        // The unit holds the manager and the report; the listed person is the third.
        assert.ok(
          shows(
            openedHtml,
            lang === "en" ? "The cycle is open: 3 assessments created" : "Le cycle est ouvert : 3 évaluations créées",
          ),
        );
        // Opening again with the old version is refused, the cycle shown as it is.
        assert.equal((await post(`${base}/${id}/open`, { version: "2" })).status, 409);

        const earlier = await post(`${base}/${id}/extend`, {
          version: "3",
          period_end: "2027-05-31",
          due_self: "2027-02-01",
          due_manager: "2027-03-01",
          due_conversation: "2027-04-01",
          due_signoff: "2027-05-01",
        });
        assert.equal(earlier.status, 400);
        assert.ok(
          shows(
            await earlier.text(),
            lang === "en"
              ? "An extension only moves dates later: choose this date or a later one."
              : "Une prolongation ne fait que reporter les dates : choisissez cette date ou une date ultérieure.",
          ),
        );
        const extended = await post(`${base}/${id}/extend`, {
          version: "3",
          period_end: "2027-07-31",
          due_self: "2027-02-15",
          due_manager: "2027-03-01",
          due_conversation: "2027-04-01",
          due_signoff: "2027-07-15",
        });
        assert.equal(extended.status, 303);

        const progress = await get(`${base}/${id}/progress`);
        assert.equal(progress.status, 200);
        const progressHtml = await progress.text();
        assert.equal(countTags(progressHtml, "h1"), 1);
        assert.ok(shows(progressHtml, "Marchetti"));
        assert.ok(shows(progressHtml, "Oyelaran"));
        assert.ok(!shows(progressHtml, "Lindqvist"), "who left does not take part");

        const csv = await get(`${base}/${id}/progress.csv?state=not_started`);
        assert.equal(csv.status, 200);
        assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
        const csvText = Buffer.from(await csv.arrayBuffer()).toString("utf8");
        assert.ok(csvText.startsWith("\uFEFF"));
        const records: string[][] = parse(csvText.slice(1));
        assert.deepEqual(
          records[0]?.slice(0, 2),
          lang === "en" ? ["Person", "Employee number"] : ["Personne", "Matricule"],
        );
        assert.equal(records.length, 4, "a header and three people");
        const report = records.find((r) => r[1] === "A-1002");
        assert.equal(report?.[5], lang === "en" ? "Self-assessment" : "Autoévaluation");
        assert.equal(report?.[6], "2027-02-15", "the extended due date");

        const filtered = await get(`${base}/${id}/progress.csv?unit=${world.a.ids.unit}`);
        const filteredRows: string[][] = parse(
          Buffer.from(await filtered.arrayBuffer())
            .toString("utf8")
            .slice(1),
        );
        assert.deepEqual(
          filteredRows
            .slice(1)
            .map((r) => r[1])
            .sort(),
          ["A-1001", "A-1002"],
        );

        const xlsx = await get(`${base}/${id}/progress.xlsx`);
        assert.equal(xlsx.status, 200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await xlsx.arrayBuffer());
        const sheet = workbook.worksheets[0];
        assert.ok(sheet);
        assert.equal(sheet.rowCount, 4);
        assert.equal(sheet.getRow(1).getCell(1).value, lang === "en" ? "Person" : "Personne");
        const numbers = [2, 3, 4].map((r) => String(sheet.getRow(r).getCell(2).value)).sort();
        assert.deepEqual(numbers, ["A-1001", "A-1002", "A-1003"]);

        const closed = await post(`${base}/${id}/close`, { version: "4" });
        assert.equal(closed.status, 303);
        const closedHtml = await (await get(`${base}/${id}`)).text();
        assert.ok(closedHtml.includes(`action="${base}/${id}/reopen"`));
        assert.ok(!closedHtml.includes(`action="${base}/${id}/extend"`));
        const reopened = await post(`${base}/${id}/reopen`, { version: "5" });
        assert.equal(reopened.status, 303);
        assert.ok(shows(await (await get(`${base}`)).text(), lang === "en" ? "Open" : "Ouvert"));

        // The organisation's change history names the cycle.
        const history = await t.db
          .selectFrom("organisation_changes")
          .select("action")
          .where("subject_kind", "=", "cycle")
          .where("subject_id", "=", id)
          .execute();
        assert.ok(history.length >= 6);
      });
    }

    it("the organisation menu links to cycles for administrators only; members are refused", async () => {
      const admin = await (await get("/en/orgs/alpha")).text();
      assert.ok(admin.includes('href="/en/orgs/alpha/cycles"'));
      const staff = await (await get("/en/orgs/alpha", world.cookies.staffOther)).text();
      assert.ok(!staff.includes('href="/en/orgs/alpha/cycles"'));
      assert.equal((await get("/en/orgs/alpha/cycles", world.cookies.manager)).status, 403);
      assert.equal((await get("/fr/orgs/alpha/cycles", world.cookies.otherMember)).status, 404);
      assert.equal((await post("/en/orgs/alpha/cycles", form({ scale }), world.cookies.staffReport)).status, 403);
    });
  });
}
