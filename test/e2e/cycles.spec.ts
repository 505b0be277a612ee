/**
 * Review cycles in a browser: an organisation's administrator creates a draft cycle from the keyboard
 * (a refused form first, its summary naming the fields), opens it with the keyboard, extends it and
 * reads its progress. axe (WCAG 2.0/2.1 A and AA) runs on the list, the form (blank and refused), the
 * cycle's page (draft and open) and the progress page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { attemptTag, expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-cycles-admin@skillshelf.test", password: "harbour willow signal 73" };

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
  test(`review cycles, ${lang.toUpperCase()}: create and open with the keyboard, extend, progress`, async ({
    page,
    axe,
  }, testInfo) => {
    const t = messages(lang);
    const slug = `e2e-cycles-${lang}-${attemptTag(testInfo)}`;
    await signIn(page, ADMIN, lang, `/${lang}/admin/organisations`);
    await page.getByLabel(t.orgNameEnLabel).fill(`Cycle Libraries ${slug}`);
    await page.getByLabel(t.orgNameFrLabel).fill(`Bibliothèques des cycles ${slug}`);
    await page.getByLabel(t.orgSlugLabel).fill(slug);
    await page.getByLabel(t.orgFirstAdministratorLabel).fill(ADMIN.email);
    await page.getByRole("button", { name: t.orgCreateButton }).click();
    await expect(page.getByRole("status")).toContainText(slug);

    // The organisation's menu leads to the cycles.
    await page.goto(`/${lang}/orgs/${slug}`);
    await page.getByRole("navigation", { name: t.orgNavLabel }).getByRole("link", { name: t.cyclesTitle }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.cyclesTitle })).toBeVisible();
    await expect(page.getByText(t.cyclesEmpty)).toBeVisible();
    await axe();

    await page.getByRole("link", { name: t.cyclesNewLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.cyclesNewTitle })).toBeVisible();
    await axe();

    // The keyboard alone: type into each field, Tab between them, choose the rule with the arrow keys,
    // submit with Enter. The last step's date is left empty first: refused, the summary says which.
    const type = async (label: string, text: string) => {
      const field = page.getByLabel(label, { exact: true });
      await field.focus();
      await page.keyboard.type(text);
    };
    await type(t.cyclesNameEn, "Autumn review");
    await type(t.cyclesNameFr, "Bilan d'automne");
    // Chromium's date field takes typed digits segment by segment; fill() sets the same value.
    for (const [label, value] of [
      [t.cyclesPeriodStart, "2027-09-01"],
      [t.cyclesPeriodEnd, "2027-12-31"],
      [t.cyclesStepName("self"), "2027-09-30"],
      [t.cyclesStepName("manager"), "2027-10-31"],
      [t.cyclesStepName("conversation"), "2027-11-30"],
    ] as const)
      await page.getByLabel(label, { exact: true }).fill(value);
    const keep = page.getByRole("radio", { name: t.cyclesRuleName("keep") });
    await keep.focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: t.cyclesRuleName("move") })).toBeChecked();
    await page.getByRole("button", { name: t.cyclesSaveDraft }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert")).toContainText(t.cyclesStepName("signoff"));
    await expect(page.getByLabel(t.cyclesNameEn, { exact: true })).toHaveValue("Autumn review");
    await axe();

    await page.getByLabel(t.cyclesStepName("signoff"), { exact: true }).fill("2027-12-15");
    await page.getByRole("button", { name: t.cyclesSaveDraft }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText(t.cyclesCreated);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      lang === "en" ? "Autumn review" : "Bilan d'automne",
    );
    await expect(page.getByRole("table")).toContainText(t.cyclesStepName("signoff"));
    await axe();

    // Open it with the keyboard.
    await page.getByRole("button", { name: t.cyclesOpenButton }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText(t.cyclesOpened(0, 0).slice(0, 12));
    await expect(page.getByText(t.cyclesCycleState("open"), { exact: true })).toBeVisible();
    await axe();

    // Extend: a date moved earlier is refused; later is taken.
    await page.getByLabel(t.cyclesPeriodEnd, { exact: true }).fill("2027-11-30");
    await page.getByRole("button", { name: t.cyclesExtendButton }).click();
    await expect(page.getByRole("alert")).toContainText(t.cyclesErrorEarlier);
    await axe();
    await page.getByLabel(t.cyclesPeriodEnd, { exact: true }).fill("2028-01-31");
    await page.getByRole("button", { name: t.cyclesExtendButton }).click();
    await expect(page.getByRole("status")).toHaveText(t.cyclesExtended);

    await page.getByRole("link", { name: t.cyclesProgressLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      lang === "en" ? "Autumn review" : "Bilan d'automne",
    );
    await expect(page.getByRole("table", { name: t.cyclesCountsCaption })).toBeVisible();
    await axe();

    await page.goto(`/${lang}/orgs/${slug}/cycles`);
    await expect(page.getByRole("table")).toContainText(t.cyclesCycleState("open"));
    await axe();
  });
}
