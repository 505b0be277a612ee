/**
 * The staff pages in a browser: HR browses the people list, opens a record, edits it (a refused
 * manager line first) and adds nobody twice; a manager sees only their team, and finds it from "my
 * organisations". axe (WCAG 2.0/2.1 A and AA) runs on every page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { expect, ROOT, signIn, test } from "./fixtures.ts";

/** The database the e2e server runs on (playwright.config.ts passes the same path to it). */
const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "amber kettle orbit meadow 42";
const HR = { email: "staff-hr@skillshelf.test", password: PASSWORD };
const MANAGER = { email: "staff-manager@skillshelf.test", password: PASSWORD };
const ORG = "e2e-staff";

/** The organisation, its HR and a manager with two levels of reports, created once in the server's database. */
test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { personFields } from "./src/people/staff/fields.ts";
    import { createPerson, linkAccount } from "./src/people/staff/store.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const account = async (email, name) => (await findUserByEmail(db, email)) ??
      (await createAccount(db, { email, role: "editor", name, password: ${JSON.stringify(PASSWORD)} }));
    const hr = await account(${JSON.stringify(HR.email)}, "HR");
    const manager = await account(${JSON.stringify(MANAGER.email)}, "Maud");
    if (!(await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst())) {
      const id = randomUUID();
      const at = new Date().toISOString();
      await db.insertInto("organisations").values({ id, slug: ${JSON.stringify(ORG)}, name_en: "Hillside Library", name_fr: "Bibliothèque de Hillside", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      await db.insertInto("organisation_roles").values({ organisation_id: id, user_id: hr.id, role: "administrator", granted_at: at, granted_by: null }).execute();
      const unit = randomUUID();
      await db.insertInto("units").values({ id: unit, organisation_id: id, parent_id: null, name_en: "Main branch", name_fr: "Succursale principale", ordinal: 0, head_person_id: null, created_at: at, updated_at: at }).execute();
      const actor = { id: null, label: "e2e" };
      const add = async (fields) => (await createPerson(db, id, personFields.parse({ preferredLang: "en", unitId: unit, ...fields }), actor)).person;
      const maud = await add({ givenName: "Maud", familyName: "Manager", employeeNumber: "H-1" });
      const remy = await add({ givenName: "Remy", familyName: "Report", employeeNumber: "H-2", managerId: maud.id });
      await add({ givenName: "Dora", familyName: "Deep", employeeNumber: "H-3", managerId: remy.id });
      await add({ givenName: "Stan", familyName: "Solo", employeeNumber: "H-4" });
      await linkAccount(db, id, maud.id, manager.id, actor);
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

  test(`HR browses, opens and edits people (${lang}, axe on every page)`, async ({ page, axe }) => {
    const list = `/${lang}/orgs/${ORG}/people`;
    await page.goto(list);
    await signIn(page, HR, lang, list);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      lang === "fr" ? "Bibliothèque de Hillside" : "Hillside Library",
    );
    await axe();

    await page.getByLabel(t.staffSearchLabel).fill("report");
    await page.getByRole("button", { name: t.staffFilterButton }).click();
    const rows = page.getByRole("table", { name: t.staffPeopleCaption }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await axe();

    await page.getByRole("link", { name: "Remy Report" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Remy Report" })).toBeVisible();
    await expect(page.getByText(t.staffViewLogged)).toBeVisible();
    await axe();

    await page.getByRole("link", { name: t.staffEditPerson }).click();
    await axe();
    // Dora reports to Remy: she cannot become his manager.
    await page.getByLabel(t.staffManagerNumber).fill("H-3");
    await page.getByRole("button", { name: t.staffSave }).click();
    await expect(page.getByRole("alert")).toContainText(t.staffManagerCycle);
    await axe();
    await page.getByLabel(t.staffManagerNumber).fill("H-1");
    await page.getByRole("button", { name: t.staffSave }).click();
    await expect(page.getByRole("status")).toContainText(t.staffRecordUpdated);

    await page.goto(`/${lang}/orgs/${ORG}/people/new`);
    await expect(page.getByRole("heading", { level: 1, name: t.staffNewTitle })).toBeVisible();
    await axe();
  });

  test(`a manager sees only their team (${lang}, axe on every page)`, async ({ page, axe }) => {
    const mine = `/${lang}/orgs`;
    await page.goto(mine);
    await signIn(page, MANAGER, lang, mine);
    await expect(page.getByRole("heading", { level: 1, name: t.staffMyOrganisationsTitle })).toBeVisible();
    await axe();
    await page.getByRole("link", { name: t.staffMyTeam }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.staffTeamTitle })).toBeVisible();
    const team = page.getByRole("table", { name: t.staffTeamCaption });
    await expect(team.getByRole("link")).toHaveText(["Remy Report", "Dora Deep"]);
    await expect(page.getByText("Stan Solo")).toHaveCount(0);
    await axe();
    await page.getByRole("link", { name: "Dora Deep" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dora Deep" })).toBeVisible();
    await axe();
  });
}
