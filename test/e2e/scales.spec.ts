/**
 * The proficiency scale in a browser, without JavaScript doing anything for it: an organisation's
 * administrator chooses a scale of its own, moves a level up with the keyboard, is told what is
 * missing after adding an empty level, saves, finds a competency and writes what a level looks like
 * for it, opens the same competency on the site's default scale, and is refused an import that is not
 * JSON. axe (WCAG 2.0/2.1 A and AA) runs on every state of every page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { attemptTag, expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-scales-admin@skillshelf.test", password: "meadow lantern copper 58" };

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
  test(`proficiency scale, ${lang.toUpperCase()}: choose, reorder by keyboard, refuse, save, competency levels`, async ({
    page,
    axe,
  }, testInfo) => {
    const t = messages(lang);
    const slug = `e2e-scale-${lang}-${attemptTag(testInfo)}`;
    // An organisation of its own, administered by the site's administrator.
    await signIn(page, ADMIN, lang, `/${lang}/admin/organisations`);
    await page.getByLabel(t.orgNameEnLabel).fill(`Scale Libraries ${slug}`);
    await page.getByLabel(t.orgNameFrLabel).fill(`Bibliothèques de l'échelle ${slug}`);
    await page.getByLabel(t.orgSlugLabel).fill(slug);
    await page.getByLabel(t.orgFirstAdministratorLabel).fill(ADMIN.email);
    await page.getByRole("button", { name: t.orgCreateButton }).click();
    await expect(page.getByRole("status")).toContainText(slug);

    await page.goto(`/${lang}/orgs/${slug}/scale`);
    await expect(page.getByRole("heading", { level: 1, name: t.scaleTitle })).toBeVisible();
    await expect(page.getByText(t.scaleIntroDefault)).toBeVisible();
    await axe();

    await page.getByRole("radio", { name: t.scaleChooseOwn }).check();
    await page.getByRole("button", { name: t.scaleChooseButton }).click();
    await expect(page.getByRole("status")).toHaveText(t.scaleChosenOwn);
    await axe();

    // Keyboard only: Tab to "Move level 2 up" and press Enter; the levels come back swapped, unsaved.
    const firstLabel = page.getByRole("textbox", { name: t.scaleLevelLabelEn }).first();
    const before = await page.getByRole("textbox", { name: t.scaleLevelLabelEn }).nth(1).inputValue();
    const up = page.getByRole("button", { name: t.scaleMoveUpLabel(2) });
    await up.focus();
    await expect(up).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText(t.scaleUnsaved);
    await expect(firstLabel).toHaveValue(before);
    await axe();

    // An empty level: saving is refused, the summary names its fields.
    await page.getByRole("button", { name: t.scaleAddLevel }).click();
    await page.getByRole("button", { name: t.scaleSave }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await axe();
    await page.getByRole("textbox", { name: t.scaleLevelLabelEn }).nth(5).fill("Shaping the field");
    await page.getByRole("textbox", { name: t.scaleLevelLabelFr }).nth(5).fill("Rayonnement");
    await page.getByRole("button", { name: t.scaleSave }).click();
    await expect(page.getByRole("status")).toHaveText(t.scaleSaved);
    await expect(page.getByRole("table")).toContainText(lang === "en" ? "Shaping the field" : "Rayonnement");
    await axe();

    // Find a competency, open its levels, write level 3.
    await page.getByRole("searchbox", { name: t.scaleSearchLabel }).fill("TECH.ET");
    await page.getByRole("button", { name: t.scaleSearchButton }).click();
    await axe();
    await page
      .getByRole("link", { name: /^TECH\.ET\.1\b/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("TECH.ET.1");
    await axe();
    const level3 = page.getByRole("group", { name: new RegExp(`^${t.scaleLevelLegend(3)}\\D`) });
    await level3.getByRole("textbox", { name: t.scaleCompetencyDescriptorEn }).fill("Pilots a new technology alone");
    await level3.getByRole("textbox", { name: t.scaleCompetencyDescriptorFr }).fill("Mène seul un projet pilote");
    await page.getByRole("button", { name: t.scaleCompetencySave }).click();
    await expect(page.getByRole("status")).toHaveText(t.scaleCompetencySaved);
    await expect(level3.getByRole("textbox", { name: t.scaleCompetencyDescriptorEn })).toHaveValue(
      "Pilots a new technology alone",
    );
    await axe();

    // The site's administrator is an editor too: the same competency on the default scale.
    await page.getByRole("link", { name: t.scaleDefaultCompetencyEdit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("TECH.ET.1");
    await axe();

    // Importing levels from CASE: text that is not JSON is refused with its reason.
    await page.goto(`/${lang}/orgs/${slug}/scale`);
    await page.getByRole("textbox", { name: t.scaleRubricLabel }).fill("not json at all");
    await page.getByRole("button", { name: t.scaleRubricImport }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await axe();
  });
}
