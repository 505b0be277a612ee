/**
 * The organisation's training priorities and readiness in a browser (issue 16): HR opens the
 * priorities from the organisation's menu, chooses a unit, then readiness for a job profile and
 * follows a person's link; a manager sees "fewer than 5" where HR sees the small unit's figures.
 * axe (WCAG 2.0/2.1 A and AA) on every page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { expect, expectNoAxeViolations, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "meadow ledger copper lantern 58";
const ORG = "e2e-org-insights";
const ACCOUNTS = {
  hr: { email: "insights-hr@skillshelf.test", password: PASSWORD },
  manager: { email: "insights-manager@skillshelf.test", password: PASSWORD },
};

test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const at = new Date().toISOString();
    const accounts = ${JSON.stringify(ACCOUNTS)};
    const users = {};
    for (const [role, a] of Object.entries(accounts))
      users[role] = (await findUserByEmail(db, a.email)) ?? (await createAccount(db, { email: a.email, role: "editor", name: role, password: a.password }));
    const existing = await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst();
    if (!existing) {
      const org = randomUUID();
      await db.insertInto("organisations").values({ id: org, slug: ${JSON.stringify(ORG)}, name_en: "Harbour Libraries", name_fr: "Bibliothèques du Havre", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      await db.insertInto("organisation_roles").values({ organisation_id: org, user_id: users.hr.id, role: "administrator", granted_at: at, granted_by: null }).execute();
      const unit = async (en, fr) => { const id = randomUUID(); await db.insertInto("units").values({ id, organisation_id: org, parent_id: null, name_en: en, name_fr: fr, ordinal: 0, head_person_id: null, created_at: at, updated_at: at }).execute(); return id; };
      const lending = await unit("Lending hall", "Salle de prêt");
      const archives = await unit("Archives", "Archives");
      let n = 0;
      const person = async (given, family, unitId, manager, user) => { const id = randomUUID(); n++; await db.insertInto("people").values({ id, organisation_id: org, given_name: given, family_name: family, preferred_name: null, email: null, employee_number: "H-" + n, unit_id: unitId, manager_id: manager, status: "active", status_since: null, preferred_lang: "en", user_id: user, created_at: at, updated_at: at }).execute(); return id; };
      const manager = await person("Mara", "Okafor", lending, null, users.manager.id);
      const items = await db.selectFrom("published_items as i").innerJoin("editions as e", "e.id", "i.edition_id")
        .select(["e.framework_id", "i.edition_id", "i.item_id"]).where("i.type_code", "=", "competency")
        .orderBy("e.number", "desc").orderBy("i.position").limit(2).execute();
      const profile = randomUUID();
      await db.insertInto("job_profiles").values({ id: profile, organisation_id: org, code: null, title_en: "Branch lead", title_fr: "Responsable de succursale", grade: null, summary_en: "", summary_fr: "", duties: "[]", qualifications: "[]", working_conditions_en: "", working_conditions_fr: "", scale_id: "5ca1e000-0000-4000-8000-000000000005", copied_from: null, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
      await db.insertInto("job_profile_requirements").values(items.map((item, i) => ({ profile_id: profile, framework_id: item.framework_id, item_id: item.item_id, edition_id: item.edition_id, ordinal: i + 1, target_level: 3, importance: "essential", ksa_ids: null, reviewed_edition_id: null }))).execute();
      const cycle = randomUUID();
      await db.insertInto("review_cycles").values({ id: cycle, organisation_id: org, name_en: "Annual review 2027", name_fr: "Bilan annuel 2027", period_start: "2027-01-01", period_end: "2027-12-31", scale_id: "5ca1e000-0000-4000-8000-000000000005", participants: "{}", leaver_rule: "keep", state: "open", opened_at: at, closed_at: null, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
      const assess = async (personId, levels) => {
        const id = randomUUID();
        await db.insertInto("assessments").values({ id, cycle_id: cycle, organisation_id: org, person_id: personId, manager_id: null, profile_id: profile, state: "agreed", reopened_reason: null, conversation_date: null, conversation_notes: null, person_signed_at: null, manager_signed_at: null, version: 1, created_at: at, updated_at: at }).execute();
        await db.insertInto("assessment_items").values(items.map((item, i) => ({ assessment_id: id, framework_id: item.framework_id, item_id: item.item_id, edition_id: item.edition_id, ordinal: i + 1, origin: "profile", target_level: 3, importance: "essential", self_level: null, self_comment: null, manager_level: null, manager_comment: null, agreed_level: levels[i], updated_at: at }))).execute();
      };
      const names = ["Ada", "Bram", "Cleo", "Dev", "Eli", "Fen"];
      for (const [i, given] of names.entries()) await assess(await person(given, "Lending", lending, null, null), i === 0 ? [3, 4] : [1 + (i % 3), 2]);
      for (const given of ["Gus", "Hana"]) await assess(await person(given, "Archives", archives, null, null), [1, 1]);
      await assess(await person("Ivo", "Report", lending, manager, null), [2, 3]);
    }
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

  test(`training priorities and readiness, HR then a manager (${lang}, axe on every page)`, async ({
    page,
    browser,
    axe,
  }) => {
    await signIn(page, ACCOUNTS.hr, lang, `/${lang}/orgs/${ORG}`);
    await page.getByRole("navigation", { name: t.orgNavLabel }).getByRole("link", { name: t.ioTitle }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.ioTitle })).toBeVisible();
    await expect(page.getByRole("img", { name: t.ioChartRanking(t.ioViewAll) })).toBeVisible();
    await axe();

    // The small unit, chosen in the selector: HR sees its figures.
    await page.getByLabel(t.ioViewLabel).selectOption({ label: "Archives" });
    await page.getByRole("button", { name: t.ioShow }).click();
    await expect(page.getByRole("table", { name: t.ioRankingCaption(t.ioViewUnit("Archives")) })).toBeVisible();
    await expect(page.getByText(t.ioFewerThan5, { exact: true })).toHaveCount(0);
    await axe();

    // Readiness for the profile: Ada meets both targets and comes first; her name leads to her record.
    await page.getByRole("link", { name: t.ioReadinessLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.ioReadinessTitle })).toBeVisible();
    await axe();
    await page
      .getByLabel(t.ioReadinessProfile)
      .selectOption({ label: lang === "en" ? "Branch lead" : "Responsable de succursale" });
    await page.getByRole("button", { name: t.ioShow }).click();
    const table = page.getByRole("table");
    await expect(table.getByRole("row").nth(1)).toContainText("Ada Lending");
    await expect(table.getByRole("row").nth(1)).toContainText(t.ioMetOf(2, 2));
    await axe();
    await table.getByRole("link", { name: "Ada Lending" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Ada Lending/ })).toBeVisible();

    // The manager: the Archives unit (2 people who are not theirs) reads "fewer than 5".
    const context = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      locale: lang === "fr" ? "fr-CA" : "en-CA",
    });
    const other = await context.newPage();
    await signIn(other, ACCOUNTS.manager, lang, `/${lang}/orgs/${ORG}/insights`);
    await other.getByLabel(t.ioViewLabel).selectOption({ label: "Archives" });
    await other.getByRole("button", { name: t.ioShow }).click();
    await expect(other.getByText(t.ioFewerThan5, { exact: true }).first()).toBeVisible();
    await expect(other.getByText(t.ioTrendsIntroSeen)).toBeVisible();
    await expectNoAxeViolations(other);
    await context.close();
  });
}
