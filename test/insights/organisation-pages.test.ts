/**
 * The organisation's training priorities and readiness as people use them, on every database and in
 * both languages: HR sees every figure; a manager sees "fewer than 5" where a group holds 1–4 people
 * they may not see individually — in the page, the chart's table and every download alike; staff are
 * refused; readiness is HR's and lists who meets a profile's targets, each view of a person logged.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { trendFigures } from "../../src/insights/organisation/load.ts";
import { trendsOf } from "../../src/insights/organisation/model.ts";
import { assessedRows, cyclesOf } from "../../src/insights/read.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { readPdf } from "../support/document-text.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildOrgInsightsWorld, type OrgInsightsWorld } from "../support/org-insights-world.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

const FEWER = { en: "fewer than 5", fr: "moins de 5" } as const;
/** Figures the page shows as "fewer than 5" (the note above the ranking says the words too). */
const suppressedCount = (html: string, lang: "en" | "fr") =>
  (html.match(new RegExp(`<em class="suppressed">${FEWER[lang]}</em>`, "g")) ?? []).length;

/** The ranking's rows (the first table of a download), by competency code. */
function rankingRows(csv: string): Map<string, string[]> {
  const rows = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
  const found = new Map<string, string[]>();
  for (const row of rows.slice(2)) {
    if (row.length === 0 || (row.length === 1 && row[0] === "")) break;
    found.set(row[1] as string, row);
  }
  return found;
}

for (const dialect of testDialects()) {
  describe(`organisation insights pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    let org: OrgInsightsWorld;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
      org = await buildOrgInsightsWorld(t.db, world);
    });
    after(() => t.close());

    const base = (lang = "en") => `/${lang}/orgs/${world.a.ids.org}/insights`;
    const get = (url: string, cookie?: string) => t.app.request(url, { headers: cookie ? { cookie } : {} });
    const small = () => `view=unit:${org.smallUnit}`;

    it("HR sees the whole organisation's ranking, distributions and trends, with charts named and their tables", async () => {
      for (const lang of ["en", "fr"] as const) {
        const res = await get(base(lang), world.cookies.orgAdmin);
        assert.equal(res.status, 200);
        const html = await res.text();
        assert.ok(htmlLang(html)?.startsWith(lang));
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, lang === "en" ? "Training priorities" : "Priorités de formation"));
        assert.equal(suppressedCount(html, lang), 0, "nothing is hidden from HR");
        const chart = /<svg[^>]*>/.exec(html)?.[0] ?? "";
        assert.ok(
          chart.includes('role="img"') && /aria-labelledby="[^"]+-title"/.test(chart),
          "the chart is an image with a name",
        );
        assert.ok(countTags(html, "table") >= 3, "ranking, distributions and trends as tables");
        assert.ok(shows(html, lang === "en" ? "Review 2026" : "Bilan 2026"), "the trends name the cycles");
      }
    });

    it("a unit of 3: HR sees its figures, a manager (whose reports they are not) sees “fewer than 5”, in both languages", async () => {
      const hr = await (await get(`${base()}?${small()}`, world.cookies.orgAdmin)).text();
      assert.ok(shows(hr, "Unit: Rare books"));
      assert.equal(suppressedCount(hr, "en"), 0);
      for (const lang of ["en", "fr"] as const) {
        const res = await get(`${base(lang)}?${small()}`, world.cookies.manager);
        assert.equal(res.status, 200);
        const html = await res.text();
        // Every competency of the unit is suppressed: five figures each, no rank, no distribution table.
        assert.equal(suppressedCount(html, lang), 3 * 5);
        assert.ok(shows(html, lang === "en" ? "the distribution is not shown" : "la répartition n’est pas affichée"));
      }
    });

    it("a manager's downloads of that view carry “fewer than 5” in every figure of every suppressed row; HR's carry the numbers", async () => {
      const managerCsv = await (await get(`${base()}/export.csv?${small()}`, world.cookies.manager)).text();
      const hrCsv = await (await get(`${base()}/export.csv?${small()}`, world.cookies.orgAdmin)).text();
      const managerRows = rankingRows(managerCsv);
      const hrRows = rankingRows(hrCsv);
      assert.equal(managerRows.size, 3);
      for (const [code, row] of managerRows) {
        assert.deepEqual(row.slice(3), Array(5).fill(FEWER.en), code);
        const numbers = (hrRows.get(code) as string[]).slice(3);
        assert.ok(
          numbers.every((n) => /^\d+$/.test(n)),
          `HR sees ${code}'s numbers`,
        );
      }
      assert.equal(hrRows.get("P1.1")?.[4], "3", "three people with a target in the small unit");
      assert.ok(!managerCsv.includes("Reader"), "no one's name in an aggregate download");

      const xlsx = await get(`${base("fr")}/export.xlsx?${small()}`, world.cookies.manager);
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      assert.ok(sheet);
      for (let r = 2; r <= sheet.rowCount; r++)
        for (let col = 4; col <= 8; col++) assert.equal(sheet.getRow(r).getCell(col).value, FEWER.fr);
      const distributions = workbook.worksheets[1];
      for (let r = 2; r <= (distributions?.rowCount ?? 0); r++)
        assert.equal(distributions?.getRow(r).getCell(3).value, FEWER.fr);

      const pdf = await get(`${base()}/export.pdf?${small()}`, world.cookies.manager);
      assert.equal(pdf.status, 200);
      const text = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
      assert.equal(text.language, "en-CA");
      const hrPdf = await readPdf(
        new Uint8Array(await (await get(`${base()}/export.pdf?${small()}`, world.cookies.orgAdmin)).arrayBuffer()),
      );
      // Each ranking row: the manager's reads "fewer than 5" in all five figures, HR's the numbers.
      const flat = (value: string) => value.replace(/\s+/g, " ");
      for (const code of ["P1.1", "P1.2", "P1.3"]) {
        const row = new RegExp(
          `${code.replace(".", "\\.")} Lending practice ${code.replace(".", "\\.")} ((?:\\S+ ?){5})`,
        );
        assert.match(
          flat(text.text),
          new RegExp(
            `${code.replace(".", "\\.")} Lending practice ${code.replace(".", "\\.")} (fewer than 5 ){4}fewer than 5`,
          ),
          code,
        );
        const numbers = row.exec(flat(hrPdf.text))?.[1]?.trim().split(" ") ?? [];
        assert.ok(numbers.length === 5 && numbers.every((n) => /^\d+$/.test(n)), `HR's PDF has ${code}'s numbers`);
      }
    });

    it("the whole organisation's download for a manager reads the same plan as the page", async () => {
      const html = await (await get(base(), world.cookies.manager)).text();
      const csv = await (await get(`${base()}/export.csv`, world.cookies.manager)).text();
      const rows = rankingRows(csv);
      for (const [code, row] of rows) {
        const suppressedInCsv = row[3] === FEWER.en;
        // The page's row for the competency says the same.
        const pageRow = new RegExp(`<tr><th scope="row">[^<]*</th><td>${code.replace(".", "\\.")}</td>(.*?)</tr>`).exec(
          html,
        );
        assert.ok(pageRow, code);
        assert.equal((pageRow[1] ?? "").includes(`<em class="suppressed">${FEWER.en}`), suppressedInCsv, code);
      }
    });

    it("the trends the database sums are the pure model's over every cycle's rows, for everyone, a unit, a position and some people", async () => {
      const organisationId = world.a.ids.organisationId;
      const rows = await assessedRows(t.db, organisationId, { cycles: "all" });
      const cycles = (await cyclesOf(t.db, organisationId)).map((cycle) => cycle.id);
      const competencies = org.competencies.map((itemId) => ({ frameworkId: org.framework.id, itemId }));
      const some = [org.ready, ...org.smallPeople.slice(0, 2)];
      const cases = [
        { scope: {}, keep: () => true },
        {
          scope: { group: { by: "unit" as const, key: org.smallUnit } },
          keep: (r: (typeof rows)[number]) => r.unitId === org.smallUnit,
        },
        {
          scope: { group: { by: "position" as const, key: "" } },
          keep: (r: (typeof rows)[number]) => r.positionId === null,
        },
        { scope: { personIds: some }, keep: (r: (typeof rows)[number]) => some.includes(r.personId) },
      ];
      for (const { scope, keep } of cases) {
        const summed = await trendFigures(t.db, organisationId, cycles, competencies, scope);
        assert.deepEqual(summed, trendsOf(rows.filter(keep), cycles, competencies), JSON.stringify(scope));
      }
      assert.ok(
        rows.some((r) => r.cycleId === org.cycles.y2026),
        "both cycles are in the comparison",
      );
    });

    it("trends: HR's cover everyone in each cycle; a manager's only the people they may see (their report)", async () => {
      /** The trends table of a download (its last table): cycle, code → people with a target. */
      const trendPeople = (csv: string) => {
        const rows = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
        const start = rows.map((row) => row[0]).lastIndexOf("Cycle");
        return new Map(rows.slice(start + 1).map((row) => [`${row[0]} ${row[1]}`, row[5]]));
      };
      const hr = trendPeople(await (await get(`${base()}/export.csv`, world.cookies.orgAdmin)).text());
      assert.equal(hr.get("Review 2026 P1.1"), "11");
      assert.equal(hr.get("Review 2027 P1.1"), "12");
      const manager = trendPeople(await (await get(`${base()}/export.csv`, world.cookies.manager)).text());
      assert.equal(manager.get("Review 2026 P1.1"), undefined, "the manager's report was not assessed in 2026");
      assert.equal(manager.get("Review 2027 P1.1"), "1");
    });

    it("staff, anonymous people and other organisations' members are refused; an unknown view is 404", async () => {
      assert.equal((await get(base(), world.cookies.staffReport)).status, 403);
      assert.equal((await get(`${base()}/export.csv`, world.cookies.staffOther)).status, 403);
      assert.equal((await get(base(), world.cookies.otherMember)).status, 404);
      const anonymous = await get(base());
      assert.ok([302, 303, 401].includes(anonymous.status));
      assert.equal((await get(`${base()}?view=unit:nowhere`, world.cookies.orgAdmin)).status, 404);
      assert.equal((await get(`${base()}?view=<script>`, world.cookies.orgAdmin)).status, 404);
      assert.equal((await get(`${base()}/export.csv?view=unit:nowhere`, world.cookies.orgAdmin)).status, 404);
    });

    it("readiness: HR lists who meets the profile's targets, sorted, linked, logged; managers are refused", async () => {
      const url = (lang: string, sort = "") =>
        `${base(lang)}/readiness?profile=${org.profile}${sort ? `&sort=${sort}` : ""}`;
      const before = await t.db.selectFrom("access_log").select("id").execute();
      const res = await get(url("en"), world.cookies.orgAdmin);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.equal(countTags(html, "h1"), 1);
      assert.ok(shows(html, "Reader1 Staff1"));
      assert.ok(html.includes(`/people/${org.ready}`), "links to the person");
      // Reader1 meets 2 of 2 and is listed first; people meeting none are not listed.
      const first = /<tbody><tr><th scope="row"><a href="[^"]+">([^<]+)<\/a><\/th><td>([^<]+)<\/td>/.exec(html);
      assert.equal(first?.[1], "Reader1 Staff1");
      assert.equal(first?.[2], "2 of 2");
      assert.ok(!shows(html, "Reader11 Staff11"), "the small unit meets no target");
      const after = await t.db.selectFrom("access_log").select("id").execute();
      assert.ok(after.length > before.length, "each person shown is logged");

      const fr = await (await get(url("fr", "name"), world.cookies.orgAdmin)).text();
      assert.ok(htmlLang(fr)?.startsWith("fr"));
      assert.ok(shows(fr, "2 sur 2"));
      const csv = await (
        await get(`${base()}/readiness/export.csv?profile=${org.profile}`, world.cookies.orgAdmin)
      ).text();
      assert.ok(csv.includes("Reader1 Staff1"));
      for (const format of ["xlsx", "pdf"]) {
        const file = await get(`${base()}/readiness/export.${format}?profile=${org.profile}`, world.cookies.orgAdmin);
        assert.equal(file.status, 200, format);
      }
      assert.equal((await get(url("en"), world.cookies.manager)).status, 403);
      assert.equal((await get(`${base()}/readiness?profile=unknown`, world.cookies.orgAdmin)).status, 404);
      assert.equal((await get(`${base()}/readiness`, world.cookies.orgAdmin)).status, 200);
    });
  });
}
