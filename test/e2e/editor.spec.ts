/**
 * The editor in a browser. An administrator (created with `skillshelf create-admin`) invites an
 * editor; the editor signs in, adds a competency's KSA in English and French, moves it up with the
 * keyboard alone, and publishes a new edition. An anonymous reader then sees the new statement with
 * today's "Last updated". axe (WCAG 2.0/2.1 A and AA) runs on every editor page in both languages,
 * including forms showing errors and a refused stale save.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editorUrls } from "../../src/editor/urls.ts";
import { type Lang, messages } from "../../src/i18n/index.ts";
import { expect, FRAMEWORK, type Page, paths, ROOT, starter, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-editor-admin@skillshelf.test", password: "harbour quartz meadow 58" };
const EDITOR = { email: `e2e-editor-${Date.now()}@skillshelf.test`, password: "juniper atlas ferry 73" };
const NEW_KSA = {
  en: "Explains the library's budget to a community group in plain words",
  fr: "Explique le budget de la bibliothèque à un groupe communautaire en termes simples",
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

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  try {
    await inviteEditor(await context.newPage());
  } finally {
    await context.close();
  }
});

async function signIn(page: Page, lang: Lang, email: string, password: string, next: string) {
  const t = messages(lang);
  await page.goto(`/${lang}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(t.authEmailLabel).fill(email);
  await page.getByLabel(t.authPasswordLabel).fill(password);
  await page.getByRole("button", { name: t.authSignIn, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, "\\?")}$`));
}

/** An editor account, through the administrator's invitation: returns once the editor has a password. */
async function inviteEditor(page: Page) {
  const t = messages("en");
  await signIn(page, "en", ADMIN.email, ADMIN.password, "/en/admin/users");
  await page.getByLabel(t.authEmailLabel).fill(EDITOR.email);
  await page.getByRole("button", { name: t.authCreateButton }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.authCreatedTitle })).toBeVisible();
  const link = await page.getByLabel(t.authInvitationLinkLabel).inputValue();
  await page.getByRole("button", { name: t.authSignOut }).click();
  await page.goto(new URL(link).pathname);
  await page.getByLabel(t.authNewPasswordLabel, { exact: true }).fill(EDITOR.password);
  await page.getByLabel(t.authConfirmPasswordLabel).fill(EDITOR.password);
  await page.getByRole("button", { name: t.authSetPasswordButton }).click();
  await expect(page.getByRole("button", { name: t.authSignOut })).toBeVisible();
  await page.getByRole("button", { name: t.authSignOut }).click();
}

/** Presses Tab until the focused element is the wanted one (keyboard only, no clicks). */
async function tabTo(page: Page, accessibleName: string, maxPresses = 400) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (label === accessibleName) return;
  }
  throw new Error(`Tab never reached “${accessibleName}”`);
}

const today = () => new Date().toISOString().slice(0, 10);

/** The notice a page shows after a successful action (role="status"; the outline has a second, empty one). */
const notice = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

test("an editor adds a KSA in English and French, reorders it with the keyboard, publishes; readers see it", async ({
  page,
  axe,
  browser,
}) => {
  const t = messages("en");
  // The editor signs in and finds the competency through the outline.
  await signIn(page, "en", EDITOR.email, EDITOR.password, "/en/editor");
  await expect(page.getByRole("heading", { level: 1, name: t.editorTitle })).toBeVisible();
  await page.getByRole("link", { name: /Public Library Staff Competencies/ }).click();
  await page
    .getByRole("group", { name: t.editorActionsFor(starter.category.en) })
    .getByRole("link", { name: /^Open/ })
    .click();
  await page
    .getByRole("group", { name: t.editorActionsFor(starter.area.en) })
    .getByRole("link", { name: /^Open/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: starter.area.en })).toBeVisible();
  await page.locator(".outline-row").first().getByRole("link", { name: /^Open/ }).click();
  const competencyUrl = page.url();

  // Adds a KSA in both languages, after a refused attempt with HTML in it.
  await page.getByRole("link", { name: t.editorAddItem }).click();
  await page.getByLabel(t.editorStatementEn).fill("<b>bold</b>");
  await page.getByRole("button", { name: t.editorSave }).click();
  await expect(page.getByRole("alert")).toContainText(t.editorErrHtml);
  await axe();
  await page.getByLabel(t.editorStatementEn).fill(NEW_KSA.en);
  await page.getByLabel(t.editorStatementFr).fill(NEW_KSA.fr);
  await page.getByRole("button", { name: t.editorSave }).click();
  await notice(page, t.editorDoneAdded);
  const rows = page.locator(".outline-row");
  const count = await rows.count();
  await expect(rows.last()).toContainText(NEW_KSA.en);
  await expect(rows.last()).toContainText(NEW_KSA.fr);

  // Moves it up with the keyboard alone.
  await tabTo(page, `${t.editorMoveUp}: ${NEW_KSA.en}`);
  await page.keyboard.press("Enter");
  await notice(page, t.editorDoneMoved);
  await expect(rows.nth(count - 2)).toContainText(NEW_KSA.en);
  await expect(rows.nth(count - 2)).toContainText(t.editorPlace(count - 1, count));
  expect(page.url()).toContain(competencyUrl.split("?")[0]);

  // Publishes.
  await page.getByRole("link", { name: t.editorPublishLink, exact: true }).click();
  // Blank (spaces pass the browser's own check; the server refuses them).
  await page.getByLabel(t.upkeepSummaryEn).fill("   ");
  await page.getByLabel(t.upkeepSummaryFr).fill("   ");
  await page.getByRole("button", { name: /^Publish edition/ }).click();
  await expect(page.getByRole("alert")).toContainText(t.formRequired);
  await axe();
  await page.getByLabel(t.upkeepSummaryEn).fill("Added a KSA on explaining the budget.");
  await page.getByLabel(t.upkeepSummaryFr).fill("Ajout d'une CCA sur l'explication du budget.");
  await page.getByRole("button", { name: /^Publish edition/ }).click();
  await notice(page, t.editorDonePublished);

  // An anonymous reader sees it, with today's "Last updated".
  const reader = await browser.newContext();
  try {
    const anonymous = await reader.newPage();
    await anonymous.goto(paths.item("en", starter.area.key));
    await expect(anonymous.getByText(NEW_KSA.en)).toBeVisible();
    await expect(anonymous.locator(`time[datetime="${today()}"]`).first()).toBeVisible();
    await anonymous.goto(paths.item("fr", starter.area.key));
    await expect(anonymous.getByText(NEW_KSA.fr)).toBeVisible();
  } finally {
    await reader.close();
  }
});

for (const lang of ["en", "fr"] as const) {
  test(`axe finds nothing on any editor page (${lang.toUpperCase()})`, async ({ page, axe }) => {
    const t = messages(lang);
    await signIn(page, lang, EDITOR.email, EDITOR.password, `/${lang}/editor`);
    const check = async (path: string) => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${lang}`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await axe();
    };
    await check(editorUrls.home(lang));
    await check(editorUrls.framework(lang, FRAMEWORK));
    // An item deep enough to have a parent, children and history.
    await page.goto(editorUrls.framework(lang, FRAMEWORK));
    await page
      .getByRole("group", { name: t.editorActionsFor(starter.category[lang]) })
      .getByRole("link", { name: new RegExp(`^${t.editorOpenChildren(0)}`) })
      .click();
    await page
      .getByRole("group", { name: t.editorActionsFor(starter.area[lang]) })
      .getByRole("link", { name: new RegExp(`^${t.editorOpenChildren(0)}`) })
      .click();
    const areaPath = new URL(page.url()).pathname;
    const areaId = areaPath.split("/").at(-1) as string;
    for (const path of [
      areaPath,
      editorUrls.newItem(lang, FRAMEWORK, areaId),
      editorUrls.edit(lang, FRAMEWORK, areaId),
      editorUrls.move(lang, FRAMEWORK, areaId),
      editorUrls.remove(lang, FRAMEWORK, areaId),
      editorUrls.history(lang, FRAMEWORK, areaId),
      editorUrls.changes(lang, FRAMEWORK),
      editorUrls.translations(lang, FRAMEWORK),
      editorUrls.publish(lang, FRAMEWORK),
      editorUrls.details(lang, FRAMEWORK),
      editorUrls.newFramework(lang),
      editorUrls.adopt(lang),
      `/${lang}/frameworks/${FRAMEWORK}/editions`,
      `/${lang}/frameworks/${FRAMEWORK}/editions/1/items/${starter.area.key}`,
    ]) {
      await check(path);
    }

    // A form with errors, and a move refused.
    await page.goto(editorUrls.edit(lang, FRAMEWORK, areaId));
    await page.getByLabel(t.editorStatementEn).fill("<script>alert(1)</script>");
    await page.getByRole("button", { name: t.editorSave }).click();
    await expect(page.getByRole("alert")).toContainText(t.editorErrHtml);
    await axe();

    // Adopting gives a framework with an upstream page.
    await page.goto(editorUrls.adopt(lang));
    const slug = `e2e-copy-${lang}-${Date.now()}`;
    await page.getByLabel(t.editorSlug).fill(slug);
    await page.getByRole("button", { name: t.editorAdoptButton }).click();
    await notice(page, t.editorDoneAdopted);
    await axe();
    await check(editorUrls.upstream(lang, slug));
  });
}

test("a stale save shows what changed meanwhile, and the page passes axe", async ({ page, axe, browser }) => {
  const t = messages("fr");
  await signIn(page, "fr", EDITOR.email, EDITOR.password, "/fr/editor");
  await page.goto(editorUrls.framework("fr", FRAMEWORK));
  await page
    .getByRole("group", { name: t.editorActionsFor(starter.category.fr) })
    .getByRole("link", { name: /^Ouvrir/ })
    .click();
  const categoryId = new URL(page.url()).pathname.split("/").at(-1) as string;
  // Two tabs open the same edit form; the first saves, the second is refused.
  await page.goto(editorUrls.edit("fr", FRAMEWORK, categoryId));
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await signIn(second, "fr", ADMIN.email, ADMIN.password, editorUrls.edit("fr", FRAMEWORK, categoryId));
    await second.getByLabel(t.editorStatementFr).fill("Gestion et leadership (révisé)");
    await second.getByRole("button", { name: t.editorSave }).click();
    await notice(second, t.editorDoneSaved);
  } finally {
    await other.close();
  }
  await page.getByLabel(t.editorStatementFr).fill("Gestion et direction");
  await page.getByRole("button", { name: t.editorSave }).click();
  await expect(page.getByRole("alert")).toContainText(t.editorConflictHeading);
  await expect(page.getByRole("alert")).toContainText("Gestion et leadership (révisé)");
  await axe();
});

test("drag and drop reorders too (SortableJS, served locally), and the order survives a reload", async ({ page }) => {
  const t = messages("en");
  const cspErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await signIn(page, "en", EDITOR.email, EDITOR.password, "/en/editor");
  await page.goto(editorUrls.framework("en", FRAMEWORK));
  await page
    .getByRole("group", { name: t.editorActionsFor(starter.category.en) })
    .getByRole("link", { name: /^Open/ })
    .click();
  expect(await page.evaluate(() => typeof (window as unknown as { Sortable?: unknown }).Sortable)).toBe("function");
  const rows = page.locator(".outline-row");
  await expect(rows.first().locator(".drag-handle")).toBeVisible();
  // The second row goes to the top; a tall window keeps both rows on screen for the mouse.
  await page.setViewportSize({ width: 1280, height: 1600 });
  const last = (await rows.nth(1).getAttribute("data-id")) as string;
  const handle = rows.nth(1).locator(".drag-handle");
  const target = rows.first().locator(".drag-handle");
  const from = (await handle.boundingBox()) as { x: number; y: number; width: number; height: number };
  const to = (await target.boundingBox()) as { x: number; y: number; width: number; height: number };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 20; step++) {
    await page.mouse.move(from.x + from.width / 2, from.y + ((to.y - from.y) * step) / 20 - 4);
  }
  await page.mouse.up();
  await expect(page.locator("#order-status")).toHaveText(t.editorOrderSaved);
  await page.waitForLoadState("load");
  await page.reload();
  await expect(rows.first()).toHaveAttribute("data-id", last);
  expect(cspErrors).toEqual([]);
});

test("adoption: a conflict upstream, its three versions, a field-by-field merge; axe on each page, both languages", async ({
  page,
  axe,
}) => {
  const t = messages("en");
  await signIn(page, "en", EDITOR.email, EDITOR.password, "/en/editor");
  const stamp = Date.now().toString(36);
  const upstream = `e2e-upstream-${stamp}`;
  const copy = `e2e-copy-${stamp}`;
  const adoptAs = async (source: string, slug: string) => {
    await page.goto(`${editorUrls.adopt("en")}?source=${source}`);
    await page.getByLabel(t.editorSlug).fill(slug);
    await page.getByRole("button", { name: t.editorAdoptButton }).click();
    await notice(page, t.editorDoneAdopted);
  };
  const publishAs = async (slug: string, summary: string) => {
    await page.goto(editorUrls.publish("en", slug));
    await page.getByLabel(t.upkeepSummaryEn).fill(summary);
    await page.getByLabel(t.upkeepSummaryFr).fill(`${summary} (fr)`);
    await page.getByRole("button", { name: /^Publish edition/ }).click();
    await notice(page, t.editorDonePublished);
  };
  const renameCategory = async (slug: string, text: string) => {
    await page.goto(editorUrls.framework("en", slug));
    await page
      .getByRole("group", { name: t.editorActionsFor(starter.category.en) })
      .getByRole("link", { name: `${t.editorEdit}: ${starter.category.en}` })
      .click();
    await page.getByLabel(t.editorStatementEn).fill(text);
    await page.getByRole("button", { name: t.editorSave }).click();
    await notice(page, t.editorDoneSaved);
  };
  // A framework of our own to play upstream (the starter stays as the other tests expect it), and a copy of it.
  await adoptAs(FRAMEWORK, upstream);
  await publishAs(upstream, "First edition of the upstream copy.");
  await adoptAs(upstream, copy);
  await renameCategory(copy, "Management and Leadership (ours)");
  await renameCategory(upstream, "Management and Leadership (theirs)");
  await publishAs(upstream, "Renamed a category.");

  await page.goto(editorUrls.framework("en", copy));
  await expect(page.getByRole("link", { name: t.adoptWaitingLink(1, 1) })).toBeVisible();
  for (const lang of ["fr", "en"] as const) {
    const m = messages(lang);
    await page.goto(editorUrls.upstream(lang, copy));
    await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${lang}`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByText(m.adoptConflictBothChanged)).toBeVisible();
    await expect(page.getByRole("cell", { name: "Management and Leadership (theirs)" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Management and Leadership (ours)" })).toBeVisible();
    await axe();
  }
  await page.getByRole("link", { name: t.adoptMergeLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await axe();
  await page.getByRole("radio", { name: t.adoptChoiceValue }).check();
  await page.getByLabel(t.adoptValueLabel(t.editorStatementEn)).fill("Management and Leadership (merged)");
  await page.getByRole("button", { name: t.adoptMergeButton }).click();
  await notice(page, t.adoptDoneMerged);
  await expect(page.getByText(t.editorUpstreamNone)).toBeVisible();
  await axe();

  // Readers of the published copy learn which edition of its source it is based on.
  await publishAs(copy, "Merged the renamed category.");
  for (const lang of ["en", "fr"] as const) {
    await page.goto(`/${lang}/frameworks/${copy}`);
    await expect(page.getByText(messages(lang).readerAdoptedFrom(2))).toBeVisible();
    await axe();
  }
});
