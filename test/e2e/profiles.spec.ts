/**
 * The job profile pages in a browser, without JavaScript-only paths: HR writes a profile (a refused
 * form first), copies a starter profile, compares two, assigns a position and reaches the delete
 * confirmation; HR writes, edits, publishes and deletes a posting and opens its public page. axe
 * (WCAG 2.0/2.1 A and AA) runs on every page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "amber kettle orbit meadow 42";
const HR = { email: "profiles-hr@skillshelf.test", password: PASSWORD };
const ORG = "e2e-profiles";

test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { personFields } from "./src/people/staff/fields.ts";
    import { createPerson } from "./src/people/staff/store.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const hr = (await findUserByEmail(db, ${JSON.stringify(HR.email)})) ??
      (await createAccount(db, { email: ${JSON.stringify(HR.email)}, role: "editor", name: "HR", password: ${JSON.stringify(PASSWORD)} }));
    if (!(await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst())) {
      const id = randomUUID();
      const at = new Date().toISOString();
      await db.insertInto("organisations").values({ id, slug: ${JSON.stringify(ORG)}, name_en: "Lakeside Library", name_fr: "Bibliothèque Lakeside", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      await db.insertInto("organisation_roles").values({ organisation_id: id, user_id: hr.id, role: "administrator", granted_at: at, granted_by: null }).execute();
      await db.insertInto("units").values({ id: randomUUID(), organisation_id: id, parent_id: null, name_en: "Main branch", name_fr: "Succursale principale", ordinal: 0, head_person_id: null, created_at: at, updated_at: at }).execute();
      await createPerson(db, id, personFields.parse({ preferredLang: "en", givenName: "Remy", familyName: "Shelver", employeeNumber: "L-2" }), { id: null, label: "e2e" });
    }
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the organisation in ${DATABASE}:\n${run.stderr}`);
});

for (const lang of ["en", "fr"] as const) {
  const t = messages(lang);

  test(`HR writes, copies, compares and staffs job profiles (${lang}, axe on every page)`, async ({ page, axe }) => {
    const list = `/${lang}/orgs/${ORG}/profiles`;
    await page.goto(list);
    await signIn(page, HR, lang, list);
    await expect(page.getByRole("heading", { level: 1, name: t.profilesTitle })).toBeVisible();
    await axe();

    await page.getByRole("link", { name: t.profilesNewLink }).click();
    await axe();
    const title = lang === "fr" ? "Commis aux prêts" : "Circulation clerk";
    await page.getByLabel(t.profileTitleEnLabel).fill(title);
    await page.getByLabel(t.profileRowEnLabel(1)).first().fill("Check items out");
    await page.getByRole("button", { name: t.profileCreateButton }).first().click();
    await expect(page.getByRole("alert")).toBeVisible();
    await axe();
    await page.getByLabel(t.profileTitleFrLabel).fill(`${title} (fr)`);
    await page.getByLabel(t.profileRowFrLabel(1)).first().fill("Faire les prêts");
    await page.getByRole("button", { name: t.profileCreateButton }).first().click();
    await expect(page.getByRole("status")).toContainText(t.profileCreated);
    await axe();
    await page.getByLabel(t.profileHolderLabel).fill("L-2");
    await page.getByRole("button", { name: t.profileHolderAddButton }).click();
    await expect(page.getByRole("status")).toContainText("Remy Shelver");
    await axe();
    await page.getByRole("link", { name: t.profileDeleteLink }).click();
    await expect(page.getByText(t.profileDeleteHeld(1))).toBeVisible();
    await axe();

    await page.goto(`/${lang}/orgs/${ORG}/profiles/starters`);
    await axe();
    const starterButton = page
      .getByRole("button", { name: /./ })
      .filter({ hasText: lang === "fr" ? "Copier" : "Copy" });
    await starterButton.first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await axe();
    await page.getByRole("link", { name: t.profileCancel }).click();
    await expect(page.getByRole("heading", { level: 2, name: t.profileRequirementsHeading })).toBeVisible();
    await axe();

    await page.goto(`/${lang}/orgs/${ORG}/profiles/compare`);
    await axe();
    const options = page.getByLabel(t.profileCompareFirst).locator("option");
    await page.getByLabel(t.profileCompareFirst).selectOption({ index: 1 });
    await page.getByLabel(t.profileCompareSecond).selectOption({ index: (await options.count()) - 1 });
    await page.getByRole("button", { name: t.profileCompareButton }).click();
    await expect(page.getByRole("heading", { level: 2, name: t.profileCompareCompetenciesHeading })).toBeVisible();
    await axe();
  });

  test(`HR writes, edits, publishes and deletes a posting; its public page (${lang}, axe on every page)`, async ({
    page,
    axe,
  }) => {
    const list = `/${lang}/orgs/${ORG}/profiles`;
    await page.goto(`${list}/new`);
    await signIn(page, HR, lang, `${list}/new`);
    const title = lang === "fr" ? "Aide-bibliothécaire (offre)" : "Library assistant (posting)";
    await page.getByLabel(t.profileTitleEnLabel).fill(title);
    await page.getByLabel(t.profileTitleFrLabel).fill(`${title} (fr)`);
    await page.getByRole("button", { name: t.profileCreateButton }).first().click();
    await expect(page.getByRole("status")).toContainText(t.profileCreated);

    await page.getByRole("link", { name: t.postingNewLink }).click();
    await axe();
    await page.getByRole("button", { name: t.postingCreateButton }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await axe();
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel(t.postingDatePostedLabel).fill(today);
    await page.getByLabel(t.postingValidThroughLabel).fill("2999-12-31");
    await page.getByLabel(t.postingLocalityLabel).fill("Lakeside");
    await page.getByLabel(t.postingApplyEnLabel).fill("Write to hr@lakeside.example.");
    await page.getByLabel(t.postingApplyFrLabel).fill("Écrivez à rh@lakeside.example.");
    await page.getByRole("button", { name: t.postingCreateButton }).click();
    await expect(page.getByRole("status")).toContainText(t.postingCreated);

    await page.locator('a[href*="/postings/"][href$="/edit"]').first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await axe();
    await page.getByLabel(t.postingLocalityLabel).fill("Lakeside East");
    await page.getByRole("button", { name: t.postingSaveButton }).click();
    await expect(page.getByRole("status")).toContainText(t.postingSaved);
    await axe();

    await page.getByRole("button", { name: t.postingPublishButton }).first().click();
    await page.getByRole("link", { name: t.postingPublicLink }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: lang === "fr" ? `${title} (fr)` : title })).toBeVisible();
    await axe();
    await page.goto(`/${lang}/jobs/${ORG}`);
    await axe();

    await page.goBack();
    await page.goBack();
    await page.locator('a[href*="/postings/"][href$="/delete"]').first().click();
    await axe();
    await page.getByRole("button", { name: t.postingDeleteButton }).click();
    await expect(page.getByRole("status")).toContainText(t.postingDeleted);
  });
}
