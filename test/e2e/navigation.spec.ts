/**
 * Getting around, in a browser, with axe (WCAG 2.0/2.1 A and AA) on every page added or changed,
 * in English and French:
 *   - a person builds a framework from nothing in the editor (create, with the address proposed
 *     from the title; add the first item; open it; add children; publish) and reads it publicly,
 *     listed on the home page beside the starter;
 *   - readers move between sibling areas, back to the contents, see a corrected search and narrow
 *     a search to one framework;
 *   - signed-in editors find Edit links on public pages, the Editor link in the header, and jump
 *     to an item by code or words (with JavaScript off too);
 *   - the pages of a generated tree (fixed seed, four levels, odd text) pass axe, public and editor.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editorUrls } from "../../src/editor/urls.ts";
import { type Lang, messages } from "../../src/i18n/index.ts";
import { urls } from "../../src/ui/urls.ts";
import { expect, FRAMEWORK, type Page, ROOT, starter, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-navigation-admin@skillshelf.test", password: "lantern cobalt harvest 81" };
const GENERATED = "generated-e2e";
const LANGS: Lang[] = ["en", "fr"];
/** The framework built in the first test, from its title. */
const BUILT = {
  title: { en: "Branch Outreach Skills", fr: "Compétences de rayonnement des succursales" },
  slug: "branch-outreach-skills",
  category: { en: "Working with schools", fr: "Travailler avec les écoles" },
  areas: [
    { en: "Class visits", fr: "Visites de classes" },
    { en: "Homework help", fr: "Aide aux devoirs" },
  ],
};

interface Seeded {
  slug: string;
  frameworkId: string;
  items: { depth: number; id: string; key: string }[];
}
let generated: Seeded;

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  const env = { ...process.env, DATABASE_URL: DATABASE, LOG_LEVEL: "silent" };
  const admin = spawnSync(
    process.execPath,
    [join(ROOT, "bin", "skillshelf.js"), "create-admin", "--email", ADMIN.email, "--password-stdin"],
    { cwd: ROOT, input: ADMIN.password, encoding: "utf8", env },
  );
  if (admin.status !== 0 && !/already exists/.test(admin.stderr))
    throw new Error(`create-admin failed (${admin.status}):\n${admin.stderr}`);
  const seed = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "test", "support", "seed-generated-tree.ts"), GENERATED],
    { cwd: ROOT, encoding: "utf8", env },
  );
  if (seed.status !== 0) throw new Error(`seeding the generated tree failed (${seed.status}):\n${seed.stderr}`);
  generated = JSON.parse(seed.stdout.trim().split("\n").at(-1) as string);
});

async function signIn(page: Page, lang: Lang, next: string) {
  const t = messages(lang);
  await page.goto(`/${lang}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(t.authEmailLabel).fill(ADMIN.email);
  await page.getByLabel(t.authPasswordLabel).fill(ADMIN.password);
  await page.getByRole("button", { name: t.authSignIn, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, "\\?")}$`));
}

/** The page answers, in its language, with one h1, and axe finds nothing. */
async function check(page: Page, axe: () => Promise<void>, path: string, lang: Lang) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${lang}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await axe();
}

const notice = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

test("a person builds a framework from nothing in the editor, publishes it, and reads it publicly", async ({
  page,
  axe,
  browser,
}) => {
  const t = messages("en");
  await signIn(page, "en", "/en/editor");
  await page.getByRole("link", { name: t.editorCreateFramework }).click();
  await axe();
  // The address is proposed from the title as it is typed.
  await page.getByLabel(t.editorTitleEn).pressSequentially(BUILT.title.en, { delay: 10 });
  await expect(page.getByLabel(t.editorSlug)).toHaveValue(BUILT.slug);
  await page.getByLabel(t.editorTitleFr).fill(BUILT.title.fr);
  await page.getByRole("button", { name: t.editorCreate }).click();
  await notice(page, t.editorDoneCreated);
  await expect(page).toHaveURL(new RegExp(`${editorUrls.framework("en", BUILT.slug)}\\?`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(BUILT.title.en);
  await axe();

  // The first item, then open it and add its children.
  await page.getByRole("link", { name: t.editorAddItem }).click();
  await page.getByLabel(t.editorStatementEn).fill(BUILT.category.en);
  await page.getByLabel(t.editorStatementFr).fill(BUILT.category.fr);
  await page.getByRole("button", { name: t.editorSave }).click();
  await notice(page, t.editorDoneAdded);
  await page
    .getByRole("group", { name: t.editorActionsFor(BUILT.category.en) })
    .getByRole("link", { name: /^Open/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(BUILT.category.en);
  for (const area of BUILT.areas) {
    await page.getByRole("link", { name: t.editorAddItem }).click();
    await page.getByLabel(t.editorStatementEn).fill(area.en);
    await page.getByLabel(t.editorStatementFr).fill(area.fr);
    await page.getByRole("button", { name: t.editorSave }).click();
    await notice(page, t.editorDoneAdded);
  }
  await expect(page.locator(".outline-row")).toHaveCount(BUILT.areas.length);

  // Publish.
  await page.getByRole("link", { name: t.editorPublishLink, exact: true }).click();
  await page.getByLabel(t.upkeepSummaryEn).fill("First edition.");
  await page.getByLabel(t.upkeepSummaryFr).fill("Première édition.");
  await page.getByRole("button", { name: /^Publish edition/ }).click();
  await notice(page, t.editorDonePublished);

  // A reader finds it from the home page, beside the starter, and reads it.
  const context = await browser.newContext();
  try {
    const reader = await context.newPage();
    for (const lang of LANGS) {
      const r = messages(lang);
      await reader.goto(`/${lang}`);
      const list = reader.getByRole("region", { name: r.homeFrameworksHeading });
      await expect(list.getByRole("link")).toHaveCount(await list.getByRole("listitem").count());
      await expect(list.getByRole("link").first()).toHaveAttribute("href", urls.framework(lang, FRAMEWORK));
      await list.getByRole("link", { name: BUILT.title[lang] }).click();
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(BUILT.title[lang]);
      await expect(reader.getByRole("main").getByRole("link", { name: BUILT.category[lang] })).toBeVisible();
      await reader.getByRole("main").getByRole("link", { name: BUILT.areas[1][lang] }).click();
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(BUILT.areas[1][lang]);
      // Its sibling is one step away.
      await reader.getByRole("navigation", { name: r.navPrevNext }).getByRole("link").click();
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(BUILT.areas[0][lang]);
    }
  } finally {
    await context.close();
  }
});

for (const lang of LANGS) {
  test(`readers get around (${lang.toUpperCase()}): sibling areas, previous/next, back to contents, corrected and narrowed search`, async ({
    page,
    axe,
  }) => {
    const t = messages(lang);
    await check(page, axe, urls.item(lang, FRAMEWORK, starter.area.key), lang);
    const siblings = page.getByRole("navigation", { name: new RegExp(starter.category[lang].replace("/", "\\/")) });
    await expect(siblings.locator('a[aria-current="page"]')).toHaveText(starter.area[lang]);
    const next = page.getByRole("navigation", { name: t.navPrevNext }).locator('a[rel="next"]');
    const nextName = ((await next.textContent()) ?? "").replace(t.navNext, "").trim();
    await next.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nextName);
    await expect(siblings.locator('a[aria-current="page"]')).toHaveText(nextName);

    await check(page, axe, urls.full(lang, FRAMEWORK), lang);
    const back = page.getByRole("link", { name: t.navBackToContents }).nth(3);
    await back.scrollIntoViewIfNeeded();
    await back.click();
    await expect(page).toHaveURL(/#contents$/);
    await expect(page.getByRole("navigation", { name: t.contents })).toBeInViewport();

    await check(page, axe, urls.search(lang, "budjet"), lang);
    await expect(page.getByRole("status")).toContainText(t.searchCorrected("budget"));

    // Several frameworks are published by now: the search names each group's and narrows to one.
    await check(page, axe, urls.search(lang, lang === "en" ? "schools" : "écoles"), lang);
    await expect(page.locator(".search-group__framework").first()).toBeVisible();
    const narrow = page.getByRole("region", { name: t.searchNarrowHeading });
    await narrow.getByRole("link", { name: new RegExp(BUILT.title[lang]) }).click();
    await expect(page.getByText(t.searchNarrowedTo(BUILT.title[lang]))).toBeVisible();
    await axe();
    await expect(page.locator("#search-results a[href*='/items/']").first()).toHaveAttribute(
      "href",
      new RegExp(`/frameworks/${BUILT.slug}/`),
    );

    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toBe("image/svg+xml");
  });
}

for (const lang of LANGS) {
  test(`signed-in editors (${lang.toUpperCase()}): Edit links, the Editor link, the jump box`, async ({
    page,
    axe,
  }) => {
    const t = messages(lang);
    await signIn(page, lang, `/${lang}/editor`);
    await check(page, axe, urls.item(lang, FRAMEWORK, starter.area.key), lang);
    await expect(page.getByRole("banner").getByRole("link", { name: t.editorTitle, exact: true })).toHaveAttribute(
      "href",
      editorUrls.home(lang),
    );
    await page.getByRole("link", { name: t.editThisLabel(starter.area[lang]) }).click();
    await expect(page.getByLabel(t.editorStatementEn)).toHaveValue(starter.area.en);
    await axe();

    // The jump box: a code goes straight to the item; words list what the draft holds.
    await page.goto(editorUrls.framework(lang, FRAMEWORK));
    const jump = page.getByRole("search", { name: t.editorJumpLabel });
    await jump.getByLabel(t.editorJumpLabel).fill(starter.area.key.toLowerCase());
    await jump.getByRole("button", { name: t.editorJumpButton, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(starter.area[lang]);
    await page
      .getByRole("search", { name: t.editorJumpLabel })
      .getByLabel(t.editorJumpLabel)
      .fill(lang === "en" ? "partnership" : "partenariat");
    await page.getByRole("button", { name: t.editorJumpButton, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.editorJumpTitle);
    await expect(page.locator(".jump-results li").first()).toBeVisible();
    await axe();
    await check(page, axe, editorUrls.find(lang, FRAMEWORK, "zzqqxx"), lang);
    await check(page, axe, editorUrls.newFramework(lang), lang);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the jump box and the new-framework form work as plain forms", async ({ page }) => {
    const t = messages("en");
    await signIn(page, "en", "/en/editor");
    await page.goto(editorUrls.framework("en", FRAMEWORK));
    await page.getByRole("searchbox", { name: t.editorJumpLabel }).fill(starter.category.key);
    await page.getByRole("button", { name: t.editorJumpButton, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(starter.category.en);
    await page.goto(editorUrls.newFramework("en"));
    await page.getByLabel(t.editorTitleEn).fill("Été — No Script Framework");
    await expect(page.getByLabel(t.editorSlug)).toHaveValue("");
    await page.getByRole("button", { name: t.editorCreate }).click();
    await expect(page).toHaveURL(new RegExp(`${editorUrls.framework("en", "ete-no-script-framework")}\\?`));
  });
});

for (const lang of LANGS) {
  test(`a generated tree's pages pass axe (${lang.toUpperCase()}): public and editor`, async ({ page, axe }) => {
    const slug = generated.slug;
    for (const path of [urls.framework(lang, slug), urls.full(lang, slug), urls.editions(lang, slug)])
      await check(page, axe, path, lang);
    for (const { key } of generated.items) await check(page, axe, urls.item(lang, slug, key), lang);
    const deepest = generated.items.at(-1) as Seeded["items"][number];
    await check(page, axe, urls.itemPrint(lang, slug, deepest.key), lang);
    await signIn(page, lang, `/${lang}/editor`);
    await check(page, axe, editorUrls.framework(lang, slug), lang);
    for (const { id } of generated.items.slice(0, 2)) {
      await check(page, axe, editorUrls.item(lang, slug, id), lang);
      await check(page, axe, editorUrls.edit(lang, slug, id), lang);
    }
    await check(page, axe, editorUrls.translations(lang, slug), lang);
    await check(page, axe, editorUrls.find(lang, slug, "library"), lang);
  });
}
