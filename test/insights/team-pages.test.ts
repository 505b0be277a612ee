/**
 * The team insights pages and files on every database, in both languages: a manager sees their own
 * reports only (direct and through another manager; a direct-only filter), each cell a link to the
 * person's assessment, "not assessed" and "no target" told apart from 0 in words, sorting and
 * grouping through the query string, the ranked gaps; the view is logged once per person shown, in
 * the access log; a member who manages no one is refused (403), anyone of another organisation gets
 * 404; the CSV, XLSX and PDF read back hold the same numbers.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { assessmentUrls } from "../../src/assessments/work/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { seedAssessment } from "../support/assessment-work.ts";
import { compact, readPdf } from "../support/document-text.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, insertPerson, type PeopleWorld } from "../support/people-world.ts";

for (const dialect of testDialects()) {
  describe(`team insights (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    const ids = { direct2: "", indirect: "", items: [] as string[] };
    const assessments: Record<string, string> = {};

    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
      const a = world.a.ids;
      ids.direct2 = await insertPerson(t.db, a.organisationId, {
        given: "Aurelio",
        family: "Brightwater",
        email: "aurelio.b@alpha-people.test",
        number: "A-1010",
        managerId: a.manager,
      });
      // Reports to the manager through Ysolde; a name a spreadsheet would take for a formula.
      ids.indirect = await insertPerson(t.db, a.organisationId, {
        given: "=Risky",
        family: "Formula",
        email: "risky.f@alpha-people.test",
        number: "A-1011",
        managerId: a.person,
      });
      const first = await seedAssessment(t.db, {
        organisationId: a.organisationId,
        personId: a.person,
        managerId: a.manager,
      });
      ids.items = first.items;
      assessments.person = first.assessmentId;
      const cycleId = first.cycleId;
      for (const [name, personId] of [
        ["direct2", ids.direct2],
        ["indirect", ids.indirect],
        ["other", a.otherPerson],
      ] as const)
        assessments[name] = (
          await seedAssessment(t.db, { organisationId: a.organisationId, personId, managerId: a.manager, cycleId })
        ).assessmentId;
      // Targets 3 and 2. person: gaps 2, 0; direct2: 0, not assessed; indirect: 2, 1; other (not a report): 2, 1.
      const agree = async (assessment: string, levels: (number | null)[]) => {
        for (const [index, level] of levels.entries())
          await t.db
            .updateTable("assessment_items")
            .set({ agreed_level: level })
            .where("assessment_id", "=", assessment)
            .where("item_id", "=", ids.items[index] as string)
            .execute();
      };
      await agree(assessments.person as string, [1, 2]);
      await agree(assessments.direct2 as string, [3, null]);
      await agree(assessments.indirect as string, [1, 1]);
      await agree(assessments.other as string, [1, 1]);
      // direct2's second competency has no target: "no target", not a gap.
      await t.db
        .updateTable("assessment_items")
        .set({ target_level: null, importance: null })
        .where("assessment_id", "=", assessments.direct2 as string)
        .where("item_id", "=", ids.items[1] as string)
        .execute();
    });
    after(() => t.close());

    const base = (lang = "en", org = world.a.ids.org) => `/${lang}/orgs/${org}/team/insights`;
    const get = (url: string, cookie?: string) => t.app.request(url, { headers: cookie ? { cookie } : {} });
    const views = async () =>
      t.db
        .selectFrom("access_log")
        .select(["person_id", "what", "actor_id", "path"])
        .where("actor_id", "=", world.accounts.manager as string)
        .where("what", "=", "insights")
        .execute();
    /** The names in the heatmap's body, in order. */
    const rowNames = (html: string) => {
      const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
      return [...body.matchAll(/<th scope="row">([^<]*)/g)].map((m) => m[1]?.trim());
    };

    it("shows a manager their reports, direct and indirect, never anyone else, each cell linking to the assessment", async () => {
      const before = (await views()).length;
      const response = await get(base(), world.cookies.manager);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.ok(htmlLang(html)?.startsWith("en"));
      assert.equal(countTags(html, "h1"), 1);
      assert.ok(shows(html, "Team insights"));
      for (const name of ["Ysolde Marchetti", "Aurelio Brightwater", "=Risky Formula", "Perpetua Lindqvist"])
        assert.ok(shows(html, name), name);
      assert.ok(!shows(html, "Thaddeus"), "someone who is not a report is not shown");
      assert.ok(!html.includes(assessmentUrls.page("en", world.a.ids.org, assessments.other as string)));
      for (const name of ["person", "direct2", "indirect"])
        assert.ok(
          html.includes(`href="${assessmentUrls.page("en", world.a.ids.org, assessments[name] as string)}"`),
          name,
        );
      assert.ok(/<table class="it-heatmap">\s*<caption/.test(html), "a table with its caption");
      assert.ok(html.includes('<th scope="col"'), "column headers");
      assert.ok(html.includes("through another manager"), "an indirect report says so");
      assert.ok(shows(html, "no assessment yet"), "someone without an assessment is shown as such");
      assert.ok(shows(html, "not assessed yet") && shows(html, "no target"), "not assessed and no target in words");
      // Sorted by name by default, as the language collates (a sign before letters).
      assert.deepEqual(rowNames(html), [
        "=Risky Formula",
        "Aurelio Brightwater",
        "Perpetua Lindqvist",
        "Ysolde Marchetti",
      ]);
      const logged = await views();
      assert.equal(logged.length - before, 4, "one access-log row per person shown");
      const people = new Set(logged.slice(before).map((row) => row.person_id));
      assert.deepEqual(people, new Set([world.a.ids.person, ids.direct2, ids.indirect, world.a.ids.leftPerson]));
    });

    it("filters to direct reports, sorts by total gap and by one competency, groups by area, in French", async () => {
      const before = (await views()).length;
      const direct = await (await get(`${base("fr")}?scope=direct`, world.cookies.manager)).text();
      assert.ok(htmlLang(direct)?.startsWith("fr"));
      assert.ok(shows(direct, "Portrait de l'équipe"));
      assert.ok(!shows(direct, "=Risky Formula"), "the indirect report is filtered out");
      assert.equal((await views()).length - before, 3, "only the people shown are logged");

      const byTotal = await (await get(`${base("fr")}?sort=total`, world.cookies.manager)).text();
      // Totals: =Risky 3, Ysolde 2, Aurelio 0; Perpetua has no assessment and comes last.
      assert.deepEqual(rowNames(byTotal), [
        "=Risky Formula",
        "Ysolde Marchetti",
        "Aurelio Brightwater",
        "Perpetua Lindqvist",
      ]);
      assert.ok(byTotal.includes('aria-sort="descending"'));
      const ascending = await (await get(`${base("fr")}?sort=total&dir=asc`, world.cookies.manager)).text();
      assert.deepEqual(rowNames(ascending), [
        "Aurelio Brightwater",
        "Ysolde Marchetti",
        "=Risky Formula",
        "Perpetua Lindqvist",
      ]);

      const key = encodeURIComponent(`c:${(await frameworkOf()) ?? ""}:${ids.items[1]}`);
      const bySecond = await (await get(`${base("fr")}?sort=${key}`, world.cookies.manager)).text();
      // Second competency's gap: =Risky 1, Ysolde 0; Aurelio has no target there, Perpetua nothing.
      assert.deepEqual(rowNames(bySecond).slice(0, 2), ["=Risky Formula", "Ysolde Marchetti"]);

      const grouped = await (await get(`${base("fr")}?group=area&mode=level`, world.cookies.manager)).text();
      assert.ok(grouped.includes('scope="colgroup"'), "area headings over their columns");
      assert.ok(shows(grouped, "Domaine du prêt 1"));
      assert.ok(grouped.includes('name="group" value="area" checked'), "the form says what is shown");
      assert.ok(shows(grouped, "Le niveau convenu"));
    });

    const frameworkOf = async () =>
      (
        await t.db
          .selectFrom("assessment_items")
          .select("framework_id")
          .where("assessment_id", "=", assessments.person as string)
          .executeTakeFirst()
      )?.framework_id;

    it("ranks the team's gaps by priority score with the same numbers in the chart's table", async () => {
      const html = await (await get(base(), world.cookies.manager)).text();
      assert.ok(html.includes('role="img"'), "the chart is an image with a name");
      assert.ok(shows(html, "Priority score by competency"));
      const gaps = html.slice(html.indexOf('id="it-gaps"'));
      const rows = [
        ...gaps.matchAll(/<tr><td>(\d+)<\/td><th scope="row">([^<]*)<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/g),
      ].map((m) => [m[2]?.split(" ")[0], ...[...(m[3] ?? "").matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1])]);
      // First: essential, gaps 2 (Ysolde) + 2 (=Risky) + 0 → score 12, 2 below target, 3 with a target.
      // Second: gap 1 (=Risky) → score 3; Ysolde at target; Aurelio has no target there.
      assert.deepEqual(rows, [
        ["P1.1", "12", "2", "4", "0", "3"],
        ["P1.2", "3", "1", "1", "0", "2"],
      ]);
    });

    it("is linked from the manager's team page and from their organisations page, for managers only", async () => {
      const href = `href="${base()}"`;
      assert.ok((await (await get(`/en/orgs/${world.a.ids.org}/team`, world.cookies.manager)).text()).includes(href));
      assert.ok((await (await get("/en/orgs", world.cookies.manager)).text()).includes(href));
      assert.ok(!(await (await get("/en/orgs", world.cookies.staffOther)).text()).includes(href));
    });

    it("refuses a member who manages no one (403) and anyone of another organisation (404)", async () => {
      assert.equal((await get(base(), world.cookies.staffOther)).status, 403);
      assert.equal((await get(base(), world.cookies.orgAdmin)).status, 403, "HR manages no one here");
      assert.equal((await get(base(), world.cookies.otherMember)).status, 404, "B's manager, in A");
      assert.equal((await get(`${base()}/heatmap.csv`, world.cookies.otherMember)).status, 404);
      const anonymous = await get(base());
      assert.ok([302, 303, 401].includes(anonymous.status));
      const own = await (await get(base("en", world.b.ids.org), world.cookies.otherMember)).text();
      assert.ok(!shows(own, "Ysolde") && !shows(own, "Marchetti"), "B's manager sees nothing of A");
      assert.ok(shows(own, "No one in this view has been assessed yet."), "B's report has no assessment yet");
    });

    it("exports the heatmap and the gaps as CSV, XLSX and PDF with the page's numbers, formula-safe, and logs them", async () => {
      const before = (await views()).length;
      const csv = await get(`${base()}/heatmap.csv?sort=total`, world.cookies.manager);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM for Excel");
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.split("\r\n");
      assert.match(
        lines[0] ?? "",
        /^Person,Employee number,Reports,P1\.1 Lending practice P1\.1,P1\.2 Lending practice P1\.2,Total gap,Not assessed$/,
      );
      assert.equal(lines[1], "'=Risky Formula,A-1011,through another manager,2,1,3,0");
      assert.equal(lines[2], "Ysolde Marchetti,A-1002,direct,2,0,2,0");
      assert.equal(lines[3], "Aurelio Brightwater,A-1010,direct,0,no target,0,0");
      assert.equal(lines[4], "Perpetua Lindqvist,A-1004,direct,,,no assessment yet,");
      assert.equal((await views()).length - before, 4, "a download is a view too");

      const gaps = new TextDecoder().decode(
        await (await get(`${base("fr")}/gaps.csv`, world.cookies.manager)).arrayBuffer(),
      );
      const gapLines = gaps.replace(/^\uFEFF/, "").split("\r\n");
      assert.match(gapLines[0] ?? "", /^Rang,Code,Compétence,Domaine,Indice de priorité/);
      assert.equal(gapLines[1], "1,P1.1,Pratique du prêt P1.1,Domaine du prêt 1,12,2,4,0,3");

      const xlsx = await get(`${base()}/insights.xlsx?sort=total`, world.cookies.manager);
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const [map, ranked] = workbook.worksheets;
      assert.equal(map?.name, "Heatmap");
      assert.equal(ranked?.name, "Ranked gaps");
      const risky = map?.getRow(2);
      assert.equal(risky?.getCell(1).value, "'=Risky Formula");
      assert.equal(risky?.getCell(4).value, 2, "numbers stay numbers");
      assert.equal(
        (risky?.getCell(4).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb,
        "FFFFD8A8",
        "coloured as on the page",
      );
      assert.equal(ranked?.getRow(2).getCell(5).value, 12);

      const pdf = await get(`${base("fr")}/insights.pdf`, world.cookies.manager);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get("content-type"), "application/pdf");
      const raw = Buffer.from(await pdf.arrayBuffer());
      assert.ok(raw.includes("/StructTreeRoot") && raw.includes("/Lang (fr-CA)"), "tagged, in French");
      assert.ok(raw.includes("/Figure"), "the chart is a tagged figure");
      const read = await readPdf(raw);
      assert.ok(read.title.startsWith("Portrait de l'équipe"));
      const content = compact(read.text);
      for (const expected of [
        "YsoldeMarchetti",
        "=RiskyFormula",
        "Cartedechaleur",
        "Écartsdel'équipe",
        "PratiqueduprêtP1.1",
        "12",
      ])
        assert.ok(content.includes(expected), expected);
    });
  });
}
