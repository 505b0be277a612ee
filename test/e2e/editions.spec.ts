/**
 * Editions in a browser, as the issue's "done when" puts it: a person builds a framework from nothing
 * in the editor, publishes it, changes it, publishes again, and every printout (an area, its
 * category, the whole framework; English and French) says "Edition 2". The publish form asks for the
 * summary in both languages, and passes axe.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Lang, messages } from "../../src/i18n/index.ts";
import { expect, type Page, ROOT, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-editions-admin@skillshelf.test", password: "lantern basil orchid 61" };
const SLUG = `e2e-editions-${Date.now()}`;
const TREE = {
  category: { code: "SV", en: "Service", fr: "Service" },
  area: { code: "SV.RD", en: "Reader development", fr: "Animation de la lecture" },
  competency: { code: "SV.RD.1", en: "Recommends books a reader will enjoy", fr: "Conseille des livres qui plairont" },
};

test.describe.configure({ mode: "serial" });

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

async function signIn(page: Page, lang: Lang) {
  const t = messages(lang);
  await page.goto(`/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/editor`)}`);
  await page.getByLabel(t.authEmailLabel).fill(ADMIN.email);
  await page.getByLabel(t.authPasswordLabel).fill(ADMIN.password);
  await page.getByRole("button", { name: t.authSignIn, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.editorTitle })).toBeVisible();
}

const notice = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

/** Adds an item at the level the page shows, then opens it. */
async function addAndOpen(page: Page, item: { code: string; en: string; fr: string }) {
  const t = messages("en");
  await page.getByRole("link", { name: t.editorAddItem }).click();
  await page.getByLabel(t.editorCode).fill(item.code);
  await page.getByLabel(t.editorStatementEn).fill(item.en);
  await page.getByLabel(t.editorStatementFr).fill(item.fr);
  await page.getByRole("button", { name: t.editorSave }).click();
  await notice(page, t.editorDoneAdded);
  await page
    .getByRole("group", { name: t.editorActionsFor(item.en) })
    .getByRole("link", { name: /^Open/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: item.en })).toBeVisible();
}

async function publish(page: Page, number: number, summary: { en: string; fr: string }, axe: () => Promise<void>) {
  const t = messages("en");
  await page.goto(`/en/editor/frameworks/${SLUG}/publish`);
  // One language only is refused, and says which.
  await page.getByLabel(t.upkeepSummaryEn).fill(summary.en);
  await page.getByLabel(t.upkeepSummaryFr).fill("   ");
  await page.getByRole("button", { name: t.editorPublishButton(number) }).click();
  await expect(page.getByRole("alert")).toContainText(t.formRequired);
  await expect(page.getByLabel(t.upkeepSummaryFr)).toHaveAttribute("aria-invalid", "true");
  await axe();
  await page.getByLabel(t.upkeepSummaryFr).fill(summary.fr);
  await page.getByRole("button", { name: t.editorPublishButton(number) }).click();
  await notice(page, t.editorDonePublished);
}

test("a framework built from nothing, published twice: every printout says Edition 2", async ({
  page,
  axe,
  browser,
}) => {
  const t = messages("en");
  await signIn(page, "en");
  await page.getByRole("link", { name: t.editorCreateFramework }).click();
  await page.getByLabel(t.editorSlug).fill(SLUG);
  await page.getByLabel(t.editorTitleEn).fill("Reader services");
  await page.getByLabel(t.editorTitleFr).fill("Services aux lecteurs");
  await page.getByRole("button", { name: t.editorCreate }).click();
  await notice(page, t.editorDoneCreated);
  await addAndOpen(page, TREE.category);
  await addAndOpen(page, TREE.area);
  await addAndOpen(page, TREE.competency);
  await publish(page, 1, { en: "First edition.", fr: "Première édition." }, axe);

  // A change, then the second edition.
  await page.goto(`/en/editor/frameworks/${SLUG}`);
  await page
    .getByRole("group", { name: t.editorActionsFor(TREE.category.en) })
    .getByRole("link", { name: t.editorEdit })
    .click();
  await page.getByLabel(t.editorStatementEn).fill("Service to readers");
  await page.getByLabel(t.editorStatementFr).fill("Service aux lecteurs");
  await page.getByRole("button", { name: t.editorSave }).click();
  await notice(page, t.editorDoneSaved);
  await publish(page, 2, { en: "Renamed the category.", fr: "Nouveau nom de la catégorie." }, axe);

  // A reader, signed out, prints.
  const reader = await browser.newContext();
  try {
    const paper = await reader.newPage();
    await paper.emulateMedia({ media: "print" });
    for (const lang of ["en", "fr"] as const) {
      const says = messages(lang).edition("2");
      for (const path of [
        `/${lang}/frameworks/${SLUG}/items/${TREE.area.code}/print`,
        `/${lang}/frameworks/${SLUG}/items/${TREE.category.code}/print`,
        `/${lang}/frameworks/${SLUG}/items/${TREE.competency.code}/print`,
        `/${lang}/frameworks/${SLUG}/full`,
      ]) {
        await paper.goto(path);
        const footer = paper.locator(".print-footer");
        await expect(footer, path).toBeVisible();
        await expect(footer, path).toContainText(says);
        await expect(footer, path).not.toContainText("1.0.0");
      }
      await paper.emulateMedia({ media: "screen" });
      await paper.goto(`/${lang}/frameworks/${SLUG}/editions`);
      await expect(paper.locator("ol.editions li").first()).toContainText(
        lang === "en" ? "Renamed the category." : "Nouveau nom de la catégorie.",
      );
      await paper.goto(`/${lang}/frameworks`);
      await expect(paper.getByRole("main")).toContainText(says);
      await paper.emulateMedia({ media: "print" });
    }
  } finally {
    await reader.close();
  }
});

for (const lang of ["en", "fr"] as const) {
  test(`one language changed: flagged beside the field and on the translations page, cleared without JavaScript (${lang.toUpperCase()})`, async ({
    page,
    axe,
    browser,
  }) => {
    const t = messages(lang);
    await signIn(page, lang);
    await page.goto(`/${lang}/editor/frameworks/${SLUG}`);
    await page
      .getByRole("group", { name: t.editorActionsFor(lang === "en" ? "Service to readers" : "Service aux lecteurs") })
      .getByRole("link", { name: t.editorEdit })
      .click();
    const changed = lang === "en" ? t.editorStatementEn : t.editorStatementFr;
    const other = lang === "en" ? t.editorStatementFr : t.editorStatementEn;
    await page.getByLabel(changed).fill(lang === "en" ? "Service to all readers" : "Service à tous les lecteurs");
    await page.getByRole("button", { name: t.editorSave }).click();
    await notice(page, t.editorDoneSaved);

    await page.goto(`/${lang}/editor/frameworks/${SLUG}/translations`);
    await expect(page.getByRole("heading", { level: 2, name: t.upkeepOutdatedHeading(1) })).toBeVisible();
    await axe();
    await page.locator(".outdated-entry h3 a").click();
    // The note is the flagged field's description, so a screen reader reads it with the field.
    await expect(page.getByLabel(other)).toHaveAccessibleDescription(/.+/);
    await axe();
    await page.goto(`/${lang}/editor/frameworks/${SLUG}/publish`);
    await expect(page.getByRole("main")).toContainText(t.upkeepPublishCount(0, 1));

    // "Still correct" is a plain form: it works with JavaScript off.
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noScript = await context.newPage();
      await signIn(noScript, lang);
      await noScript.goto(`/${lang}/editor/frameworks/${SLUG}/translations`);
      await noScript.getByRole("button", { name: t.upkeepConfirm }).click();
      await notice(noScript, t.upkeepDoneConfirmed);
      await expect(noScript.getByText(t.upkeepNothingOutdated)).toBeVisible();
    } finally {
      await context.close();
    }
  });
}
