/**
 * Organisations in a browser: the site's administrator creates an organisation (appointing
 * themself its administrator), then walks its pages — home, settings (with its time zone), administrators, units (added,
 * and one moved with the keyboard alone), a unit's page, the change history. axe (WCAG 2.0/2.1 A and
 * AA) runs on every page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { attemptTag, expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-orgs-admin@skillshelf.test", password: "harbour cedar quill 73" };

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
  // Exit 1 with "already exists" is fine: a retry reuses the server and its database.
  if (run.status !== 0 && !/already exists/.test(run.stderr))
    throw new Error(`create-admin failed (${run.status}):\n${run.stderr}`);
});

for (const lang of ["en", "fr"] as const) {
  test(`organisations, ${lang.toUpperCase()}: create, settings, administrators, units by keyboard, history`, async ({
    page,
    axe,
  }, testInfo) => {
    const t = messages(lang);
    const slug = `e2e-${lang}-${attemptTag(testInfo)}`;
    await signIn(page, ADMIN, lang, `/${lang}/admin/organisations`);
    await expect(page.getByRole("heading", { level: 1, name: t.orgAdminTitle })).toBeVisible();
    await axe();

    // A refused form first (axe with its error summary), then the real one.
    await page.getByRole("button", { name: t.orgCreateButton }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await axe();
    await page.getByLabel(t.orgNameEnLabel).fill(`Harbour Libraries ${slug}`);
    await page.getByLabel(t.orgNameFrLabel).fill(`Bibliothèques du port ${slug}`);
    await page.getByLabel(t.orgSlugLabel).fill(slug);
    await page.getByLabel(t.orgFirstAdministratorLabel).fill(ADMIN.email);
    await page.getByRole("button", { name: t.orgCreateButton }).click();
    await expect(page.getByRole("status")).toContainText(slug);

    const name = lang === "fr" ? `Bibliothèques du port ${slug}` : `Harbour Libraries ${slug}`;
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await axe();

    const nav = page.getByRole("navigation", { name: t.orgNavLabel });
    await nav.getByRole("link", { name: t.orgSettingsTitle }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.orgSettingsTitle })).toBeVisible();
    // The time zone (decision 054): the site's by default, a Canadian one chosen and kept.
    const zone = page.getByLabel(t.orgTimeZoneLabel);
    await expect(zone).toHaveValue("");
    await zone.selectOption("America/Halifax");
    await page.getByRole("button", { name: t.orgSettingsSave }).click();
    await expect(page.getByRole("status")).toHaveText(t.orgSettingsSaved);
    await expect(page.getByLabel(t.orgTimeZoneLabel)).toHaveValue("America/Halifax");
    await axe();

    await nav.getByRole("link", { name: t.orgRolesTitle }).click();
    await expect(page.getByRole("cell", { name: ADMIN.email }).first()).toBeVisible();
    await axe();

    await page.getByRole("navigation", { name: t.orgNavLabel }).getByRole("link", { name: t.unitsTitle }).click();
    for (const [en, fr] of [
      ["North", "Nord"],
      ["South", "Sud"],
    ]) {
      await page.getByLabel(t.orgNameEnLabel).fill(en);
      await page.getByLabel(t.orgNameFrLabel).fill(fr);
      await page.getByRole("button", { name: t.unitsAddButton }).click();
      await expect(page.getByRole("status")).toBeVisible();
    }
    await axe();
    const first = lang === "fr" ? "Nord" : "North";
    const second = lang === "fr" ? "Sud" : "South";
    const tree = page.getByRole("list", { name: t.unitsTreeLabel });
    await expect(tree.locator("strong")).toHaveText([first, second]);

    // Keyboard only: Tab to "Move North down" and press Enter; the page comes back at the unit.
    const down = page.getByRole("button", { name: t.unitMoveDownLabel(first) });
    await page.keyboard.press("Tab");
    for (let i = 0; i < 80 && !(await down.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(down).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText(t.unitMoved(first));
    await expect(tree.locator("strong")).toHaveText([second, first]);
    expect(new URL(page.url()).hash).toMatch(/^#unit-/);

    await page.getByRole("link", { name: t.unitEditLabel(second) }).click();
    await expect(page.getByRole("heading", { level: 1, name: second })).toBeVisible();
    await axe();

    await page.getByRole("navigation", { name: t.orgNavLabel }).getByRole("link", { name: t.orgHistoryTitle }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.orgHistoryTitle })).toBeVisible();
    await expect(page.getByRole("table")).toContainText(first);
    await expect(page.getByRole("table")).toContainText("America/Halifax");
    await axe();
  });
}
