/**
 * An assessment's evidence in a browser: the person adds a link with the keyboard alone, adds a
 * file (picked into the file field, sent with the keyboard), downloads it under its name with the
 * same bytes, and is told a program is not accepted. axe (WCAG 2.0/2.1 A and AA) runs on every state
 * of the page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { attemptTag, expect, ROOT, signIn, test } from "./fixtures.ts";

/** The database the e2e server runs on (playwright.config.ts passes the same path to it). */
const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PERSON = { email: "evidence-person@skillshelf.test", password: "amber kettle orbit meadow 42" };
const ORG = "e2e-evidence";

/** The organisation, the person (with their account) and their manager, an open cycle and the person's assessment in it. */
function prepare(tag: string): string {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { DEFAULT_SCALE_ID } from "./src/profiles/scales/read.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const at = new Date().toISOString();
    const user = (await findUserByEmail(db, ${JSON.stringify(PERSON.email)})) ??
      (await createAccount(db, { email: ${JSON.stringify(PERSON.email)}, role: "editor", name: "Ines", password: ${JSON.stringify(PERSON.password)} }));
    let org = await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst();
    let person;
    if (!org) {
      org = { id: randomUUID() };
      await db.insertInto("organisations").values({ id: org.id, slug: ${JSON.stringify(ORG)}, name_en: "Riverside Library", name_fr: "Bibliothèque Riverside", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      const manager = randomUUID();
      person = randomUUID();
      const row = (id, given, number, manager_id, user_id) => ({ id, organisation_id: org.id, given_name: given, family_name: "Tremblay", employee_number: number, manager_id, user_id, status: "active", preferred_lang: "en", created_at: at, updated_at: at });
      await db.insertInto("people").values(row(manager, "Maud", "R-1", null, null)).execute();
      await db.insertInto("people").values(row(person, "Inès", "R-2", manager, user.id)).execute();
    } else {
      person = (await db.selectFrom("people").select("id").where("organisation_id", "=", org.id).where("user_id", "=", user.id).executeTakeFirstOrThrow()).id;
    }
    const manager = (await db.selectFrom("people").select("manager_id").where("id", "=", person).executeTakeFirstOrThrow()).manager_id;
    const cycle = randomUUID();
    const assessment = randomUUID();
    await db.insertInto("review_cycles").values({ id: cycle, organisation_id: org.id, name_en: "Review ${tag}", name_fr: "Bilan ${tag}", period_start: "2027-01-01", period_end: "2027-12-31", scale_id: DEFAULT_SCALE_ID, participants: "{}", leaver_rule: "keep", state: "open", opened_at: at, version: 1, created_at: at, updated_at: at }).execute();
    await db.insertInto("assessments").values({ id: assessment, cycle_id: cycle, organisation_id: org.id, person_id: person, manager_id: manager, state: "in_progress", version: 1, created_at: at, updated_at: at }).execute();
    await close();
    process.stdout.write(assessment);
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the assessment in ${DATABASE}:\n${run.stderr}`);
  return run.stdout.trim();
}

/** A real 1×1 GIF. */
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

for (const lang of ["en", "fr"] as const) {
  const t = messages(lang);

  test(`evidence, ${lang.toUpperCase()}: a link by keyboard, a file, its download, a refused program (axe)`, async ({
    page,
    axe,
  }, testInfo) => {
    const assessment = prepare(`${lang}-${attemptTag(testInfo)}`);
    const url = `/${lang}/orgs/${ORG}/assessments/${assessment}/evidence`;
    await signIn(page, PERSON, lang, url);
    await expect(page.getByRole("heading", { level: 1, name: t.evidenceTitle })).toBeVisible();
    await expect(page.getByText(t.evidenceNone)).toBeVisible();
    await axe();

    // The link, with the keyboard alone: type, Tab to the next field, Enter on the button.
    const title = lang === "en" ? "Storytime program" : "Programme de l'heure du conte";
    await page.getByLabel(t.evidenceLinkTitleLabel).focus();
    await page.keyboard.type(title);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(t.evidenceLinkUrlLabel)).toBeFocused();
    await page.keyboard.type("https://library.example/storytime");
    await page.getByRole("button", { name: t.evidenceAddLink }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText(t.evidenceAdded);
    await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", "https://library.example/storytime");
    await axe();

    // A file: picked into the file field (the system's dialog is not the page's), sent with the keyboard.
    const fileField = page.getByLabel(t.evidenceFileLabel, { exact: true });
    await fileField.setInputFiles({ name: "affiche été.gif", mimeType: "image/gif", buffer: GIF });
    await page.getByRole("button", { name: t.evidenceAddFile }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText(t.evidenceAdded);
    const fileLink = page.getByRole("link", { name: "affiche été.gif" });
    await expect(fileLink).toBeVisible();
    await axe();

    // The download: under its name, the same bytes.
    const [download] = await Promise.all([page.waitForEvent("download"), fileLink.click()]);
    expect(download.suggestedFilename()).toBe("affiche été.gif");
    const saved = await download.path();
    expect(Buffer.from(await readFile(saved)).equals(GIF)).toBe(true);

    // A program named like a PDF is refused; the summary names the file field.
    await fileField.setInputFiles({
      name: "cv.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("MZ\x90\x00program"),
    });
    await page.getByRole("button", { name: t.evidenceAddFile }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(t.evidenceErrNotAllowed);
    await expect(alert.getByRole("link")).toHaveAttribute("href", "#field-file-file");
    await axe();
  });
}
