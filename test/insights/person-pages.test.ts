/**
 * A person's insights through the app, on SQLite and PGlite, in English and French: the page
 * (levels against targets grouped by area, the chart with the same numbers in tables, the change
 * across cycles, resources for each gap, the plan link, empty states), who may see it (the person,
 * their manager, the manager's manager, HR; a colleague and another organisation get 404), the
 * access log for every view and download by someone else, /insights/me, and the CSV, XLSX and PDF
 * downloads read back.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { createResource, tagCompetencies } from "../../src/insights/learning/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import {
  type AssessmentDocumentWorld,
  buildAssessmentDocumentWorld,
  type DocumentRole,
} from "../support/assessment-document-world.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { compact, readPdf } from "../support/document-text.ts";
import { countTags, htmlLang } from "../support/html.ts";
import { publishAgain, retire, reword } from "../support/profile-framework.ts";

type App = Awaited<ReturnType<typeof makeTestApp>>;
const AT = "2026-03-01T09:00:00.000Z";

/** An earlier, closed cycle where the person was assessed on two of the four competencies. */
async function addEarlierCycle(t: App, world: AssessmentDocumentWorld) {
  const cycle = randomUUID();
  await t.db
    .insertInto("review_cycles")
    .values(
      cycleRow({
        id: cycle,
        organisation_id: world.organisationId,
        name_en: "Annual review 2026",
        name_fr: "Bilan annuel 2026",
        period_start: "2026-01-01",
        period_end: "2026-12-31",
        state: "closed",
      }),
    )
    .execute();
  const assessment = randomUUID();
  await t.db
    .insertInto("assessments")
    .values(
      assessmentRow({
        id: assessment,
        cycle_id: cycle,
        organisation_id: world.organisationId,
        person_id: world.people.person,
        manager_id: world.people.manager,
        state: "signed_off",
      }),
    )
    .execute();
  const edition = await t.db
    .selectFrom("editions")
    .select("id")
    .where("framework_id", "=", world.framework.id)
    .executeTakeFirstOrThrow();
  const [c11, c12] = world.framework.competencies[0] as string[];
  const item = (itemId: string, ordinal: number, agreed: number | null) => ({
    assessment_id: assessment,
    framework_id: world.framework.id,
    item_id: itemId,
    edition_id: edition.id,
    ordinal,
    origin: "profile",
    target_level: 3,
    importance: "essential",
    self_level: null,
    self_comment: null,
    manager_level: null,
    manager_comment: null,
    agreed_level: agreed,
    updated_at: AT,
  });
  await t.db
    .insertInto("assessment_items")
    .values([item(c11 as string, 1, 2), item(c12 as string, 2, null)])
    .execute();
}

/** The manager's own assessment in the open cycle, nothing agreed yet. */
async function addUnagreedAssessment(t: App, world: AssessmentDocumentWorld) {
  const cycle = await t.db
    .selectFrom("assessments")
    .select("cycle_id")
    .where("id", "=", world.assessmentId)
    .executeTakeFirstOrThrow();
  const assessment = randomUUID();
  await t.db
    .insertInto("assessments")
    .values(
      assessmentRow({
        id: assessment,
        cycle_id: cycle.cycle_id,
        organisation_id: world.organisationId,
        person_id: world.people.manager,
        manager_id: world.people.head,
        state: "in_progress",
      }),
    )
    .execute();
  const edition = await t.db
    .selectFrom("editions")
    .select("id")
    .where("framework_id", "=", world.framework.id)
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("assessment_items")
    .values({
      assessment_id: assessment,
      framework_id: world.framework.id,
      item_id: (world.framework.competencies[0] as string[])[0] as string,
      edition_id: edition.id,
      ordinal: 1,
      origin: "profile",
      target_level: 2,
      importance: "asset",
      self_level: 2,
      self_comment: null,
      manager_level: null,
      manager_comment: null,
      agreed_level: null,
      updated_at: AT,
    })
    .execute();
}

/** The alternative texts of the PDF's tagged figures (the chart drawn in it). */
async function figuresOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const alts: string[] = [];
    type Node = { role?: string; alt?: string; children?: Node[] };
    const walk = (node: Node) => {
      if (node.role === "Figure") alts.push(node.alt ?? "");
      for (const child of node.children ?? []) walk(child);
    };
    for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as Node);
    return alts;
  } finally {
    await pdf.destroy();
  }
}

const plain = (html: string) =>
  html
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

for (const dialect of testDialects()) {
  describe(`a person's insights (${dialect})`, () => {
    let t: App;
    let world: AssessmentDocumentWorld;
    let resourceId: string;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildAssessmentDocumentWorld(t.db, t);
      await addEarlierCycle(t, world);
      await addUnagreedAssessment(t, world);
      resourceId = await createResource(
        t.db,
        world.organisationId,
        {
          titleEn: "Reference interview workshop",
          titleFr: "Atelier sur l'entrevue de référence",
          url: null,
          provider: null,
          format: "course",
          durationMinutes: 180,
          costCents: null,
          currency: null,
        },
        null,
      );
      const [, c12] = world.framework.competencies[0] as string[];
      await tagCompetencies(
        t.db,
        world.organisationId,
        resourceId,
        1,
        [{ frameworkId: world.framework.id, itemId: c12 as string }],
        null,
      );
    });
    after(() => t.close());

    const get = (path: string, role?: DocumentRole) =>
      t.app.request(path, { headers: role ? { cookie: world.cookies[role] } : {} });
    const page = (lang: string, person = world.people.person, org = "north") =>
      `/${lang}/orgs/${org}/people/${person}/insights`;
    const logged = () =>
      t.db.selectFrom("access_log").selectAll().where("what", "=", "insights").orderBy("at").orderBy("id").execute();

    it("the person reads their own page in English and French: levels against targets, chart and tables, not logged", async () => {
      const before = (await logged()).length;
      const cases = {
        en: [
          "My insights",
          "P1.1 Lending practice P1.1",
          "Lending area 1",
          "Lending area 2",
          "From the latest assessment: Annual review 2027.",
          "1 competency below target, 1 at or above, 1 not assessed yet.",
          "2 levels",
          "Levels of the scale: 1 Foundational · 2 Developing · 3 Proficient · 4 Advanced · 5 Expert.",
          "Target met",
          "No target",
          "Not assessed yet",
          "Reference interview workshop",
          "Change across cycles",
          "Annual review 2026",
          "Not assessed in that cycle",
          "Not agreed",
        ],
        fr: [
          "Mon portrait de compétences",
          "P1.1 Pratique du prêt P1.1",
          "Domaine du prêt 1",
          "Selon la dernière évaluation : Bilan annuel 2027.",
          "1 compétence sous la cible, 1 à la cible ou au-delà, 1 pas encore évaluée.",
          "2 niveaux",
          "Cible atteinte",
          "Sans cible",
          "Atelier sur l'entrevue de référence",
          "Évolution d’un cycle à l’autre",
          "Bilan annuel 2026",
          "Pas évaluée à ce cycle",
          "Non convenu",
        ],
      } as const;
      for (const lang of ["en", "fr"] as const) {
        const response = await get(page(lang), "person");
        assert.equal(response.status, 200);
        const html = plain(await response.text());
        assert.ok(htmlLang(html)?.startsWith(lang));
        assert.equal(countTags(html, "h1"), 1);
        for (const words of cases[lang]) assert.ok(html.includes(words), `${lang}: ${words}`);
        // Two charts, each an image with a name and a description, and tables with the same numbers.
        const charts = html.match(/<svg[^>]*role="img"[^>]*>/g) ?? [];
        assert.equal(charts.length, 2);
        for (const chart of charts) assert.match(chart, /aria-labelledby="ip-(gaps|history)-title"/);
        assert.ok(countTags(html, "table") >= 3, "a table per area and the history table");
        assert.ok(html.includes(`/${lang}/orgs/north/learning/${resourceId}`), "the gap's resource is linked");
        assert.ok(html.includes(`/${lang}/orgs/north/people/${world.people.person}/plans`), "the plan is linked");
        assert.ok(html.includes(`/${lang}/orgs/north/assessments/${world.assessmentId}`), "the assessment is linked");
      }
      assert.equal((await logged()).length, before, "one's own views are not logged");
    });

    it("the chart draws the numbers the table gives: a bar per agreed level, a tick per target", async () => {
      const html = await (await get(page("en"), "person")).text();
      const gaps = /<svg[^>]*id="ip-gaps"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
      assert.equal((gaps.match(/<rect\b/g) ?? []).length, 2, "two competencies have an agreed level");
      const ticks = /<g[^>]*stroke-width="4"[^>]*>([\s\S]*?)<\/g>/.exec(gaps)?.[1] ?? "";
      assert.equal((ticks.match(/<line\b/g) ?? []).length, 3, "three competencies have a target");
      const history = /<svg[^>]*id="ip-history"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
      // A frame per cell (four competencies × two cycles), then a shade per agreed level (three).
      assert.equal((history.match(/<rect\b/g) ?? []).length, 8 + 3);
      for (const level of ["2", "3", "1", "–", "?"]) assert.ok(history.includes(`>${level}</text>`), level);
    });

    it("the manager, the manager's manager and HR see it, each view logged; a colleague and another organisation get 404", async () => {
      for (const role of ["manager", "head", "hr"] as const) {
        const before = (await logged()).length;
        const response = await get(page("fr"), role);
        assert.equal(response.status, 200, role);
        assert.ok(plain(await response.text()).includes("Portrait de compétences : Héloïse Lefèbvre"), role);
        const entries = await logged();
        assert.equal(entries.length, before + 1, role);
        assert.equal(entries.at(-1)?.person_id, world.people.person);
        assert.equal(entries.at(-1)?.actor_id, world.accounts[role]);
      }
      const before = (await logged()).length;
      for (const role of ["colleague", "otherHr", "siteAdmin"] as const)
        assert.equal((await get(page("en"), role)).status, 404, role);
      assert.equal((await get(page("en", world.people.person, "south"), "otherHr")).status, 404);
      assert.equal((await get(page("en", randomUUID()), "hr")).status, 404, "an unknown person");
      assert.equal((await get(page("en", "not-a-uuid"), "hr")).status, 404);
      const anonymous = await get(page("en"));
      assert.ok([302, 303, 401].includes(anonymous.status), `anonymous: ${anonymous.status}`);
      assert.equal((await logged()).length, before, "refusals are not logged");
    });

    it("empty states: no assessment yet; an assessment with nothing agreed yet", async () => {
      const none = plain(await (await get(page("en", world.people.colleague), "colleague")).text());
      assert.ok(none.includes("No assessment yet"));
      assert.equal(countTags(none, "svg"), 0);
      const unagreed = plain(await (await get(page("fr", world.people.manager), "manager")).text());
      assert.ok(unagreed.includes("Rien n’est encore convenu dans la dernière évaluation"));
      assert.ok(unagreed.includes("Pas encore évaluée"));
    });

    it("the person's record and the assessment link to the page for those who may see it", async () => {
      const link = `/en/orgs/north/people/${world.people.person}/insights`;
      for (const role of ["person", "manager", "hr"] as const) {
        const record = await (await get(`/en/orgs/north/people/${world.people.person}`, role)).text();
        assert.ok(record.includes(`href="${link}"`), `record, ${role}`);
        const assessment = await (await get(`/en/orgs/north/assessments/${world.assessmentId}`, role)).text();
        assert.ok(assessment.includes(`href="${link}"`), `assessment, ${role}`);
      }
    });

    it("My organisations links to one's own insights for those with a staff record", async () => {
      const mine = await (await get("/fr/orgs", "person")).text();
      assert.ok(mine.includes('href="/fr/orgs/north/insights/me"'));
      assert.ok(mine.includes("Mon portrait de compétences"));
      const hr = await (await get("/en/orgs", "hr")).text();
      assert.ok(hr.includes("/en/orgs/north"), "HR lands on the organisation");
      assert.ok(!hr.includes("/insights/me"), "HR has no staff record, so no insights of their own");
    });

    it("/insights/me sends a person to their own page; HR without a staff record is refused", async () => {
      const mine = await get("/fr/orgs/north/insights/me", "person");
      assert.equal(mine.status, 303);
      assert.equal(mine.headers.get("location"), page("fr"));
      assert.equal((await get("/en/orgs/north/insights/me", "hr")).status, 403);
      assert.equal((await get("/en/orgs/north/insights/me", "otherHr")).status, 404);
    });

    it("downloads CSV, XLSX and PDF with the page's columns in the address's language, logged for others", async () => {
      const before = (await logged()).length;
      const csv = await get(`${page("fr")}.csv`, "manager");
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
      const text = await csv.text();
      assert.ok(text.includes("\r\n"), "CRLF");
      const rows = parse(text, { bom: true }) as string[][];
      assert.deepEqual(rows[0], [
        "Domaine",
        "Code",
        "Compétence",
        "Importance",
        "Cible",
        "Niveau convenu",
        "Écart",
        "Situation",
      ]);
      assert.deepEqual(rows.slice(1), [
        ["Domaine du prêt 1", "P1.1", "Pratique du prêt P1.1", "Essentielle", "3", "3", "0", "Cible atteinte"],
        ["Domaine du prêt 1", "P1.2", "Pratique du prêt P1.2", "Essentielle", "3", "1", "2", "Sous la cible"],
        ["Domaine du prêt 2", "P2.1", "Pratique du prêt P2.1", "Non précisée", "", "", "", "Sans cible"],
        ["Domaine du prêt 2", "P2.2", "Pratique du prêt P2.2", "Atout", "3", "", "", "Pas encore évaluée"],
      ]);

      const xlsx = await get(`${page("en")}.xlsx`, "hr");
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const latest = workbook.getWorksheet("Latest assessment");
      assert.ok(latest);
      assert.deepEqual((latest.getRow(1).values as unknown[]).slice(1), [
        "Area",
        "Code",
        "Competency",
        "Importance",
        "Target",
        "Agreed level",
        "Gap",
        "Status",
      ]);
      assert.deepEqual((latest.getRow(3).values as unknown[]).slice(1), [
        "Lending area 1",
        "P1.2",
        "Lending practice P1.2",
        "Essential",
        3,
        1,
        2,
        "Below target",
      ]);
      const history = workbook.getWorksheet("Across cycles");
      assert.ok(history);
      assert.deepEqual((history.getRow(1).values as unknown[]).slice(1), [
        "Code",
        "Competency",
        "Annual review 2026",
        "Annual review 2027",
      ]);
      assert.deepEqual((history.getRow(3).values as unknown[]).slice(1), [
        "P1.2",
        "Lending practice P1.2",
        "Not agreed",
        1,
      ]);
      assert.deepEqual((history.getRow(4).values as unknown[]).slice(1), [
        "P2.1",
        "Lending practice P2.1",
        "Not assessed in that cycle",
        "Not agreed",
      ]);

      const pdf = await get(`${page("fr")}.pdf`, "head");
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get("content-type"), "application/pdf");
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      assert.deepEqual((await figuresOf(bytes)).map(plain), [
        "Niveau convenu et cible, par compétence. Barres : niveau convenu. Traits épais : cible. Un tiret : pas encore évaluée.",
      ]);
      const read = await readPdf(bytes);
      assert.equal(plain(read.title), "Portrait de compétences : Héloïse Lefèbvre");
      assert.equal(read.language, "fr-CA");
      for (const words of [
        "Niveau convenu et cible",
        "Pratique du prêt P1.2",
        "Écart : 2 niveaux",
        "Évolution d’un cycle à l’autre",
        "Bilan annuel 2026 : Non convenu",
      ])
        assert.ok(compact(read.text).includes(compact(words)), words);
      assert.equal((await logged()).length, before + 3, "each download by someone else is logged");

      const own = await get(`${page("en")}.csv`, "person");
      assert.equal(own.status, 200);
      assert.equal((await get(`${page("en")}.pdf`, "colleague")).status, 404);
      assert.equal((await logged()).length, before + 3);
    });

    // Last: it publishes the framework's next edition, which the tests above do not expect.
    it("shows each competency as the latest edition words it, and one it no longer has as no longer in the index", async () => {
      const [c11] = world.framework.competencies[0] as string[];
      const [, c22] = world.framework.competencies[1] as string[];
      await reword(t.db, c11 as string, "Welcomes every reader", "Accueille chaque lecteur");
      await retire(t.db, c22 as string);
      await publishAgain(t.db, world.framework.id);
      const html = plain(await (await get(page("en"), "person")).text());
      assert.ok(html.includes("P1.1 Welcomes every reader"));
      assert.ok(!html.includes("Lending practice P1.1"));
      assert.ok(!html.includes("Lending practice P2.2"));
      const gone = html.indexOf(">No longer in the index</h3>");
      assert.ok(gone > 0, "a group of its own");
      assert.ok(html.slice(gone).includes("No longer in the index</th>"), "the competency's row says so");
      const csv = parse(await (await get(`${page("en")}.csv`, "person")).text(), { bom: true }) as string[][];
      assert.deepEqual(csv.at(-1), [
        "No longer in the index",
        "",
        "No longer in the index",
        "Asset",
        "3",
        "",
        "",
        "Not assessed yet",
      ]);
    });
  });
}
