/**
 * The import wizard in a browser, as an editor uses it: sign in, paste the seed page, preview,
 * correct one KSA, import, see the result. axe (WCAG 2.0/2.1 A and AA) runs on every wizard page —
 * the start page, the paste preview (clean and with errors), an upload preview with problems and
 * the confirmation — in English and in French. The seed page is read from ../shared at run time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, keepScreenshot, type Page, ROOT, signIn, test } from "./fixtures.ts";

const SEED = join(ROOT, "..", "shared", "seed", "000_5573f9a2fc711607.txt");
const seedMissing = !existsSync(SEED);
if (seedMissing && process.env.CI === "true") throw new Error(`the browser import test needs ${SEED} under CI=true`);

/** The database the e2e server runs on (playwright.config.ts passes the same path to it). */
const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const EDITOR = { email: "import-editor@skillshelf.test", password: "amber kettle orbit meadow 42" };

const text = {
  en: {
    start: "Import a framework",
    pasteHeading: "Paste text",
    pasteLabel: "Text copied from an index page",
    textLang: "Language of the text",
    newTitle: "Title of the new framework",
    preview: "Preview",
    pasteTitle: "Check the pasted area",
    competency: "Competency",
    ksa: "Knowledge, skill or ability",
    ksas: "Knowledge, skills and abilities, one per line",
    date: "Last updated",
    checkAgain: "Check again",
    dateError: "Enter a real date as year-month-day, like 2015-08-13, or leave it empty.",
    import: "Import",
    done: "Import complete",
    uploadHeading: "Upload a file",
    file: "File",
    uploadTitle: "Check the import",
    openEditor: "Open the framework in the editor",
  },
  fr: {
    start: "Importer un référentiel",
    pasteHeading: "Coller du texte",
    pasteLabel: "Texte copié d'une page d'index",
    textLang: "Langue du texte",
    newTitle: "Titre du nouveau référentiel",
    preview: "Aperçu",
    pasteTitle: "Vérifier le domaine collé",
    competency: "Compétence",
    ksa: "Connaissances, habiletés et aptitudes",
    ksas: "Connaissances, habiletés et aptitudes, un énoncé par ligne",
    date: "Dernière mise à jour",
    checkAgain: "Vérifier de nouveau",
    dateError: "Inscrivez une date réelle sous la forme année-mois-jour, par exemple 2015-08-13, ou laissez vide.",
    import: "Importer",
    done: "Importation terminée",
    uploadHeading: "Téléverser un fichier",
    file: "Fichier",
    uploadTitle: "Vérifier l'importation",
    openEditor: "Ouvrir le référentiel dans l'espace de rédaction",
  },
} as const;

/**
 * An editor account in the server's database, created once (the e2e server starts from an empty
 * one). It goes through the app's own account code, as the CLI's create-admin does.
 */
test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    if (!(await findUserByEmail(db, ${JSON.stringify(EDITOR.email)}))) {
      await createAccount(db, { email: ${JSON.stringify(EDITOR.email)}, role: "editor", name: "Import Editor", password: ${JSON.stringify(EDITOR.password)} });
    }
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not create the editor account in ${DATABASE}:\n${run.stderr}`);
});

async function signInToTheWizard(page: Page, lang: "en" | "fr") {
  const t = text[lang];
  await page.goto(`/${lang}/editor/import`);
  // Not signed in: the wizard sends us to sign in and brings us back.
  await expect(page).toHaveURL(new RegExp(`/${lang}/sign-in\\?next=`));
  await signIn(page, EDITOR, lang, `/${lang}/editor/import`);
  await expect(page.getByRole("heading", { level: 1, name: t.start })).toBeVisible();
}

/** The number in the counts table's row for this item type. */
const countRow = (page: Page, label: string) =>
  page
    .getByRole("table")
    .first()
    .getByRole("row", { name: new RegExp(`^${label} \\d`) });

for (const lang of ["en", "fr"] as const) {
  test.describe(`import wizard, ${lang.toUpperCase()}`, () => {
    test.skip(seedMissing, `${SEED} is absent on this machine`);

    test("an editor pastes the seed page, previews it, fixes one KSA and imports it", async ({
      page,
      axe,
    }, testInfo) => {
      const t = text[lang];
      await signInToTheWizard(page, lang);
      await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${lang}`));
      await axe();

      const paste = page.locator("section", { has: page.getByRole("heading", { name: t.pasteHeading }) });
      await paste.getByLabel(t.pasteLabel).fill(readFileSync(SEED, "utf8"));
      // The seed page is in English, whatever the language of the wizard.
      await paste.getByLabel(t.textLang).selectOption("en");
      const title = lang === "en" ? "Pasted in a browser" : "Collé dans un navigateur";
      await paste.getByLabel(t.newTitle).fill(title);
      await paste.getByRole("button", { name: t.preview }).click();

      await expect(page.getByRole("heading", { level: 1, name: t.pasteTitle })).toBeVisible();
      await expect(countRow(page, t.competency)).toContainText("6");
      await expect(countRow(page, t.ksa)).toContainText("35");
      // Unfold the outline's area, so axe sees it open as well as closed.
      await page.locator(".import-outline summary").first().click();
      await axe();
      await keepScreenshot(testInfo, `import-paste-preview-${lang}.png`, await page.screenshot({ fullPage: true }));

      // A wrong date is caught and explained; the fields keep what was typed.
      const firstKsas = page.getByLabel(t.ksas).first();
      const lines = (await firstKsas.inputValue()).split("\n");
      lines[0] = `${lines[0]} (checked in ${lang.toUpperCase()})`;
      await firstKsas.fill(lines.join("\n"));
      await page.evaluate(() => {
        // A date the browser's picker would not offer, as a keyboard or an old browser could send.
        const input = document.querySelector<HTMLInputElement>("#field-date");
        if (input) input.type = "text";
      });
      await page.getByLabel(t.date).fill("2015-02-30");
      await page.getByRole("button", { name: t.checkAgain }).click();
      await expect(page.getByRole("alert")).toContainText(t.dateError);
      await expect(page.getByLabel(t.date)).toHaveAttribute("aria-invalid", "true");
      await axe();
      await page.getByLabel(t.date).fill("2015-08-13");
      await expect(page.getByLabel(t.ksas).first()).toHaveValue(lines.join("\n"));

      await page.getByRole("button", { name: t.import, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: t.done })).toBeVisible();
      await expect(page.getByRole("status")).toContainText(title);
      await expect(page.getByRole("status")).toContainText("42");
      await axe();

      // The corrected KSA is what was saved, in the framework the page leads to.
      const slug = lang === "en" ? "pasted-in-a-browser" : "colle-dans-un-navigateur";
      const editorLink = page.getByRole("link", { name: t.openEditor });
      await expect(editorLink).toHaveAttribute("href", new RegExp(`^/${lang}/editor/frameworks/${slug}(-\\d+)?$`));
      const exported = await page.request.get(`${await editorLink.getAttribute("href")}/export.json`);
      expect(exported.status()).toBe(200);
      const saved = JSON.stringify(await exported.json());
      expect(saved).toContain(`(checked in ${lang.toUpperCase()})`);
      expect(saved).toContain("Community Relations");
    });

    test("an upload with problems shows them, offers no import, and passes axe", async ({ page, axe }, testInfo) => {
      const t = text[lang];
      await signInToTheWizard(page, lang);
      const upload = page.locator("section", { has: page.getByRole("heading", { name: t.uploadHeading }) });
      const broken = {
        CFDocument: { identifier: "not-a-uuid", title: "Broken" },
        CFItems: [{ fullStatement: "No identifier" }],
      };
      await upload.getByLabel(t.file, { exact: true }).setInputFiles({
        name: "broken.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(broken)),
      });
      await upload.getByRole("button", { name: t.preview }).click();
      await expect(page.getByRole("heading", { level: 1, name: t.uploadTitle })).toBeVisible();
      await expect(
        page.getByRole("table", { name: lang === "en" ? "Problems found" : "Problèmes trouvés" }),
      ).toContainText("/CFItems/0");
      await expect(page.getByRole("button", { name: t.import, exact: true })).toHaveCount(0);
      await axe();
      await keepScreenshot(testInfo, `import-upload-problems-${lang}.png`, await page.screenshot({ fullPage: true }));
    });
  });
}
