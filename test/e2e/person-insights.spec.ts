/**
 * A person's insights in a browser: the person opens "my insights" (which sends them to their own
 * page) in English and in French; the charts are images named for assistive technologies, each
 * with its table of the same numbers; axe (WCAG 2.0/2.1 A and AA) finds nothing; a screenshot of
 * the page is kept in test-results/ for a person to look at.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "amber kettle orbit meadow 42";
const PERSON = { email: "insights-person@skillshelf.test", password: PASSWORD };
const ORG = "e2e-person-insights";

test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { DEFAULT_SCALE_ID } from "./src/profiles/scales/read.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const personAccount = (await findUserByEmail(db, ${JSON.stringify(PERSON.email)})) ??
      (await createAccount(db, { email: ${JSON.stringify(PERSON.email)}, role: "editor", name: "Insights person", password: ${JSON.stringify(PASSWORD)} }));
    if (!(await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst())) await db.transaction().execute(async (db) => {
      const org = randomUUID();
      const at = new Date().toISOString();
      await db.insertInto("organisations").values({ id: org, slug: ${JSON.stringify(ORG)}, name_en: "Riverside Library", name_fr: "Bibliothèque de la Rive", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      const person = randomUUID();
      await db.insertInto("people").values({ id: person, organisation_id: org, given_name: "Inès", family_name: "Marchand", preferred_name: null, email: null, employee_number: "R-1", unit_id: null, manager_id: null, status: "active", status_since: null, preferred_lang: "en", user_id: personAccount.id, created_at: at, updated_at: at }).execute();
      // The latest edition with at least six competencies: other specs publish small frameworks
      // into the same database before this one runs.
      const edition = await db.selectFrom("editions as e").innerJoin("published_items as p", "p.edition_id", "e.id").select(["e.id", "e.framework_id", "e.published_at"]).where("p.type_code", "=", "competency").groupBy(["e.id", "e.framework_id", "e.published_at"]).having((eb) => eb.fn.countAll(), ">=", 6).orderBy("e.published_at", "desc").executeTakeFirstOrThrow();
      const competencies = await db.selectFrom("published_items").select(["item_id"]).where("edition_id", "=", edition.id).where("type_code", "=", "competency").orderBy("position").limit(6).execute();
      const cycles = [["Annual review 2026", "Bilan annuel 2026", "2026", "closed"], ["Annual review 2027", "Bilan annuel 2027", "2027", "open"]];
      for (const [index, [en, fr, year, state]] of cycles.entries()) {
        const cycle = randomUUID();
        await db.insertInto("review_cycles").values({ id: cycle, organisation_id: org, name_en: en, name_fr: fr, period_start: year + "-01-01", period_end: year + "-12-31", scale_id: DEFAULT_SCALE_ID, participants: "{}", leaver_rule: "keep", state, opened_at: at, closed_at: null, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
        const assessment = randomUUID();
        await db.insertInto("assessments").values({ id: assessment, cycle_id: cycle, organisation_id: org, person_id: person, manager_id: null, profile_id: null, state: "agreed", reopened_reason: null, conversation_date: null, conversation_notes: null, person_signed_at: null, manager_signed_at: null, version: 1, created_at: at, updated_at: at }).execute();
        const assessed = index === 0 ? competencies.slice(0, 4) : competencies;
        await db.insertInto("assessment_items").values(assessed.map((c, i) => ({ assessment_id: assessment, framework_id: edition.framework_id, item_id: c.item_id, edition_id: edition.id, ordinal: i + 1, origin: "profile", target_level: i === 5 ? null : 3, importance: i % 2 ? "asset" : "essential", self_level: null, self_comment: null, manager_level: null, manager_comment: null, agreed_level: i === 4 ? null : ((i + index) % 4) + 1, updated_at: at }))).execute();
      }
    });
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the insights in ${DATABASE}:\n${run.stderr}`);
});

for (const lang of ["en", "fr"] as const) {
  const t = messages(lang);

  test(`the person opens their insights (${lang}): charts with their tables, axe`, async ({ page, axe }) => {
    const start = `/${lang}/orgs/${ORG}`;
    await page.goto(start);
    await signIn(page, PERSON, lang, start);
    await page.goto(`/${lang}/orgs/${ORG}/insights/me`);
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}\/insights$/);
    await expect(page.getByRole("heading", { level: 1, name: t.ipTitleOwn })).toBeVisible();
    const gaps = page.getByRole("img", { name: t.ipChartTitle });
    await expect(gaps).toBeVisible();
    await expect(gaps).toHaveAccessibleDescription(t.ipChartDescription);
    await expect(page.getByRole("img", { name: t.ipHistoryChartTitle })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: t.ipColumnAgreed }).first()).toBeVisible();
    await expect(page.getByRole("table", { name: t.ipHistoryCaption })).toBeVisible();
    await expect(page.getByRole("cell", { name: t.ipNotInCycle }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: t.ipDownloadPdf })).toBeVisible();
    await axe();
    await page.screenshot({ path: join(ROOT, "test-results", `person-insights-${lang}.png`), fullPage: true });

    const pdf = await page.request.get(page.url().replace(/insights$/, "insights.pdf"));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });
}
