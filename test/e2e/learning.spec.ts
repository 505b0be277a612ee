/**
 * The learning resources catalogue in a browser, without JavaScript doing anything for it: an
 * organisation's administrator opens the empty catalogue, is told what is missing in the form, adds
 * a resource, finds a competency of the index and tags it, and has a CSV import refused with its
 * problems listed by line and column. axe (WCAG 2.0/2.1 A and AA) runs on the list, the form and the
 * import page in every state, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { attemptTag, expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-learning-admin@skillshelf.test", password: "harbour willow ember 73" };

test.beforeAll(() => {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "bin", "skillshelf.js"), "create-admin", "--email", ADMIN.email, "--password-stdin"],
    {
      cwd: ROOT,
      input: ADMIN.password,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: DATABASE, LOG_LEVEL: "silent" },
    },
  );
  if (run.status !== 0 && !/already exists/.test(run.stderr))
    throw new Error(`create-admin failed (${run.status}):\n${run.stderr}`);
});

for (const lang of ["en", "fr"] as const) {
  test(`learning resources, ${lang.toUpperCase()}: list, refused form, add, tag, refused import`, async ({
    page,
    axe,
  }, testInfo) => {
    const t = messages(lang);
    const slug = `e2e-learning-${lang}-${attemptTag(testInfo)}`;
    await signIn(page, ADMIN, lang, `/${lang}/admin/organisations`);
    await page.getByLabel(t.orgNameEnLabel).fill(`Learning Libraries ${slug}`);
    await page.getByLabel(t.orgNameFrLabel).fill(`Bibliothèques apprenantes ${slug}`);
    await page.getByLabel(t.orgSlugLabel).fill(slug);
    await page.getByLabel(t.orgFirstAdministratorLabel).fill(ADMIN.email);
    await page.getByRole("button", { name: t.orgCreateButton }).click();
    await expect(page.getByRole("status")).toContainText(slug);

    // The empty catalogue.
    await page.goto(`/${lang}/orgs/${slug}/learning`);
    await expect(page.getByRole("heading", { level: 1, name: t.learningTitle })).toBeVisible();
    await expect(page.getByText(t.learningEmpty)).toBeVisible();
    await axe();

    // The form: refused with its fields named, then saved.
    await page.getByRole("link", { name: t.learningAdd }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.learningNewTitle })).toBeVisible();
    await axe();
    await page.getByLabel(t.learningFieldTitleFr).fill("L'heure du conte pour les tout-petits");
    await page.getByLabel(t.learningFieldHours).fill("beaucoup");
    await page.getByRole("button", { name: t.learningSave }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByRole("alert")).toContainText(t.learningFieldTitleEn);
    await axe();
    await page.getByLabel(t.learningFieldTitleEn).fill("Storytime for toddlers");
    await page.getByLabel(t.learningFieldHours).fill(lang === "fr" ? "1,5" : "1.5");
    await page.getByLabel(t.learningFieldCost).fill(lang === "fr" ? "125,50" : "125.50");
    await page.getByLabel(t.learningFieldCurrency).fill("CAD");
    await page.getByRole("button", { name: t.learningSave }).click();
    await expect(page.getByRole("status")).toHaveText(t.learningSaved);
    await axe();

    // A competency of the index, found by a word and tagged.
    await page.getByLabel(t.learningTagSearchLabel).fill("e");
    await page.getByRole("button", { name: t.learningSearchButton }).click();
    const first = page.getByRole("group", { name: t.learningTagLegend }).getByRole("checkbox").first();
    await first.check();
    await page.getByRole("button", { name: t.learningTagButton }).click();
    await expect(page.getByRole("status")).toHaveText(t.learningTagged);
    await axe();

    // The list with the resource.
    await page.getByRole("link", { name: t.learningBackToList }).click();
    await expect(page.getByRole("table")).toContainText(
      lang === "fr" ? "L'heure du conte pour les tout-petits" : "Storytime for toddlers",
    );
    await axe();

    // An import with problems: nothing imported, each problem with its line and column.
    await page.getByRole("link", { name: t.learningImportLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.learningImportTitle })).toBeVisible();
    await axe();
    await page.getByLabel(t.learningImportFile).setInputFiles({
      name: "catalogue.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("title_en,title_fr,format,hours\nWeeding,,podcast,x\n", "utf8"),
    });
    await page.getByRole("button", { name: t.learningImportButton }).click();
    await expect(page.getByRole("alert")).toContainText(t.learningImportRefused(3));
    await expect(page.getByRole("table", { name: t.learningImportProblemsCaption })).toContainText("hours");
    await axe();
  });
}
