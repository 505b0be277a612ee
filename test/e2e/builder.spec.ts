/**
 * The profile builder in a browser, with the keyboard alone (focus and keys, never the mouse): HR
 * browses the starter index down to an area and ticks a competency, searches for another and ticks
 * it, sets a target level, moves a competency down and opens the preview; then, from the profile
 * page, downloads the job description as Word and as PDF and reads both back (mammoth, pdf.js):
 * the profile's title and the chosen competency, in the page's language. axe (WCAG 2.0/2.1 A and
 * AA) runs on the builder and the preview, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { compact, readDocx, readPdf } from "../support/document-text.ts";
import { expect, type Page, ROOT, signIn, test } from "./fixtures.ts";

/** The database the e2e server runs on (playwright.config.ts passes the same path to it). */
const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "amber kettle orbit meadow 42";
const HR = { email: "builder-hr@skillshelf.test", password: PASSWORD };
const ORG = "e2e-builder";

/** The organisation, its HR administrator and one empty profile per language, made once in the server's database. */
test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { DEFAULT_SCALE_ID } from "./src/profiles/scales/read.ts";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const hr = (await findUserByEmail(db, ${JSON.stringify(HR.email)})) ??
      (await createAccount(db, { email: ${JSON.stringify(HR.email)}, role: "editor", name: "HR", password: ${JSON.stringify(PASSWORD)} }));
    if (!(await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst())) {
      const id = "0b5e2e00-0000-4000-8000-00000000b001";
      const at = new Date().toISOString();
      await db.insertInto("organisations").values({ id, slug: ${JSON.stringify(ORG)}, name_en: "Riverside Library", name_fr: "Bibliothèque Riverside", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      await db.insertInto("organisation_roles").values({ organisation_id: id, user_id: hr.id, role: "administrator", granted_at: at, granted_by: null }).execute();
      for (const [n, lang] of [[1, "en"], [2, "fr"]]) {
        await db.insertInto("job_profiles").values({
          id: "0b5e2e00-0000-4000-8000-00000000f00" + n, organisation_id: id, code: null,
          title_en: "Circulation clerk " + lang, title_fr: "Commis à la circulation " + lang, grade: null,
          summary_en: "Lends and returns.", summary_fr: "Prête et reçoit les retours.", duties: "[]", qualifications: "[]",
          working_conditions_en: "", working_conditions_fr: "", scale_id: DEFAULT_SCALE_ID, copied_from: null,
          version: 1, created_at: at, updated_at: at, updated_by: null,
        }).execute();
      }
    }
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the organisation in ${DATABASE}:\n${run.stderr}`);
});

/** Moves focus to an element and presses a key: what a keyboard user's Tab and Enter do, without counting Tabs. */
async function press(page: Page, target: ReturnType<Page["locator"]>, key: "Enter" | "Space") {
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press(key);
}

/** The first competency offered that is not chosen yet, pinned by its value (ticking it must not move the locator). */
async function unticked(page: Page) {
  const value = await page.locator('input[name="item"]:not(:checked)').first().getAttribute("value");
  return page.locator(`input[name="item"][value="${value}"]`);
}

for (const [n, lang] of [
  [1, "en"],
  [2, "fr"],
] as const) {
  const t = messages(lang);

  test(`builds a profile from the index with the keyboard alone and downloads its DOCX and PDF (${lang}, axe on the builder and preview)`, async ({
    page,
    axe,
  }) => {
    const builder = `/${lang}/orgs/${ORG}/profiles/0b5e2e00-0000-4000-8000-00000000f00${n}/builder`;
    await page.goto(builder);
    await signIn(page, HR, lang, builder);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(t.builderTitle("").trim().slice(0, 10));
    await axe();

    // Browse: the framework, its first category, that category's first area.
    const levels = page.locator(".builder-levels a");
    await press(page, levels.first(), "Enter");
    await expect(page.getByRole("navigation", { name: t.builderBrowseTrail })).toBeVisible();
    await press(page, levels.first(), "Enter");
    await press(page, levels.first(), "Enter");
    const tick = await unticked(page);
    await press(page, tick, "Space");
    await expect(tick).toBeChecked();
    await axe();
    await press(page, page.getByRole("button", { name: t.builderAddButton }), "Enter");
    await expect(page.getByRole("status")).toContainText(t.builderAdded(1));
    await expect(page.locator(".builder-chosen > li")).toHaveCount(1);

    // Search: type a query, tick the first competency found that is not chosen yet.
    const search = page.getByRole("searchbox", { name: t.builderSearchLabel });
    await search.focus();
    await page.keyboard.type(lang === "en" ? "library" : "bibliothèque");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 3, name: /library|bibliothèque/i })).toBeVisible();
    await axe();
    const found = await unticked(page);
    await press(page, found, "Space");
    await expect(found).toBeChecked();
    await press(page, page.getByRole("button", { name: t.builderAddButton }), "Enter");
    await expect(page.getByRole("status")).toContainText(t.builderAdded(1));
    const chosen = page.locator(".builder-chosen > li");
    await expect(chosen).toHaveCount(2);

    // Level 4 for the first competency, then move it below the second.
    const first = chosen.first();
    const firstName = (await first.getByRole("heading", { level: 3 }).textContent())?.trim() ?? "";
    // The heading starts with the competency's code, if it has one; the documents print the statement first.
    const code = (await first.locator("h3 .code").count())
      ? ((await first.locator("h3 .code").textContent())?.trim() ?? "")
      : "";
    const statement = firstName.slice(code.length).replace(/\s+/g, " ").trim();
    await press(page, first.locator('input[name="level"][value="4"]'), "Space");
    await press(page, first.getByRole("button", { name: t.builderSave, exact: false }), "Enter");
    await expect(page.getByRole("status")).toContainText(t.builderSaved);
    await expect(chosen.first().locator('input[name="level"][value="4"]')).toBeChecked();
    await press(page, chosen.first().getByRole("button", { name: t.builderMoveDown, exact: false }), "Enter");
    await expect(page.getByRole("status")).toContainText(t.builderMoved(2));
    await expect(chosen.nth(1).getByRole("heading", { level: 3 })).toHaveText(firstName);
    await axe();

    // The preview, as it will print.
    await press(page, page.getByRole("link", { name: t.builderPreviewLink }), "Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(t.builderPreviewTitle("").trim());
    await expect(page.locator("article.job-document li.job-requirement").filter({ hasText: statement })).toHaveCount(1);
    await expect(page.locator("article.job-document")).toContainText(lang === "fr" ? "Niveau 4" : "Level 4");
    await axe();

    // The profile page: download the description as Word and as PDF, and read both back.
    await press(page, page.getByRole("link", { name: t.builderBackToProfile }), "Enter");
    const title = lang === "fr" ? `Commis à la circulation ${lang}` : `Circulation clerk ${lang}`;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    for (const [name, extension, magic] of [
      [t.profileDescriptionDocx, "docx", "PK"],
      [t.profileDescriptionPdf, "pdf", "%PDF"],
    ] as const) {
      const link = page.getByRole("link", { name, exact: true });
      const [download] = await Promise.all([page.waitForEvent("download"), press(page, link, "Enter")]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-${lang}\\.${extension}$`));
      const bytes = await readFile((await download.path()) as string);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
      const read = extension === "pdf" ? await readPdf(bytes) : await readDocx(bytes);
      expect(read.language).toBe(`${lang}-CA`);
      expect(compact(read.text)).toContain(compact(title));
      expect(compact(read.text)).toContain(compact(statement));
    }
  });
}
