/**
 * The staff import in a browser, as an organisation's HR administrator uses it: choose a CSV, see
 * the errors by row and column, send a corrected file, import it, see what was done. axe (WCAG 2.0/2.1
 * A and AA) runs on every page of it — start, preview with errors, preview with changes, done — in
 * English and in French; the English flow runs once more with JavaScript off (plain forms).
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { attemptTag, expect, ROOT, signIn, test } from "./fixtures.ts";

/** The database the e2e server runs on (playwright.config.ts passes the same path to it). */
const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const HR = { email: "staff-import-hr@skillshelf.test", password: "amber kettle orbit meadow 42" };
const ORG = "e2e-staff-import";

/** The HR account and its organisation, created once in the server's database (which starts empty). */
test.beforeAll(() => {
  const script = `
    import { randomUUID } from "node:crypto";
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const user = (await findUserByEmail(db, ${JSON.stringify(HR.email)})) ??
      (await createAccount(db, { email: ${JSON.stringify(HR.email)}, role: "editor", name: "HR", password: ${JSON.stringify(HR.password)} }));
    const found = await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst();
    if (!found) {
      const id = randomUUID();
      const at = new Date().toISOString();
      await db.insertInto("organisations").values({ id, slug: ${JSON.stringify(ORG)}, name_en: "Lakeside Public Library", name_fr: "Bibliothèque publique de Lakeside", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      await db.insertInto("organisation_roles").values({ organisation_id: id, user_id: user.id, role: "administrator", granted_at: at, granted_by: null }).execute();
    }
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the organisation in ${DATABASE}:\n${run.stderr}`);
});

// English and French with JavaScript (axe runs in the page); English again without it, where every
// step must still work as a plain form (axe cannot run there).
const passes = [
  { lang: "en", js: true },
  { lang: "fr", js: true },
  { lang: "en", js: false },
] as const;

for (const { lang, js } of passes) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    test(`HR imports staff, errors first (${lang}${js ? ", axe on every page" : ", no JavaScript"})`, async ({
      page,
      axe: runAxe,
    }, testInfo) => {
      const axe = () => (js ? runAxe() : Promise.resolve());
      const t = messages(lang);
      const tag = `${lang}${js ? "" : "n"}${attemptTag(testInfo)}`;
      const start = `/${lang}/orgs/${ORG}/import`;
      await page.goto(start);
      await signIn(page, HR, lang, start);
      await expect(page.getByRole("heading", { level: 1, name: t.staffImportTitle })).toBeVisible();
      await axe();

      const upload = async (text: string) => {
        await page
          .getByLabel(t.staffImportFileLabel)
          .setInputFiles({ name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
        await page.getByLabel(t.staffImportCreateUnitsLabel).check();
        await page.getByRole("button", { name: t.staffImportRead }).click();
      };

      // A file with a bad address: the error names its row and its column; nothing can be imported.
      await upload(
        `Employee Number,First Name,Last Name,Email,Department\n${tag}-1,Ada,Byron,not-an-address,Circulation\n`,
      );
      const errors = page.getByRole("table", { name: t.staffImportErrorsHeading });
      await expect(errors.getByRole("row").nth(1)).toContainText("2");
      await expect(errors.getByRole("row").nth(1)).toContainText("Email");
      await expect(page.getByRole("button", { name: t.staffImportConfirm, exact: true })).toHaveCount(0);
      await axe();

      // The corrected file: two people, one managing the other, and a new unit.
      await page.goto(start);
      await upload(
        `Employee Number,First Name,Last Name,Email,Department,Manager\n${tag}-1,Ada,Byron,ada.${tag}@lib.example,Circulation,\n${tag}-2,Alan,Turing,,Circulation,${tag}-1\n`,
      );
      await expect(page.getByText(t.staffImportCountCreates(2))).toBeVisible();
      await expect(page.getByRole("table", { name: t.staffImportCreatesHeading })).toContainText(`${tag}-2`);
      await axe();
      await page.getByRole("button", { name: t.staffImportConfirm, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: t.staffImportDoneTitle })).toBeVisible();
      await expect(page.getByRole("status")).toContainText(t.staffImportDone(2, 0, 0));
      await axe();
    });
  });
}
