/**
 * An assessment's printable page in a browser: the person assessed opens theirs in English, their
 * manager opens it in French; axe (WCAG 2.0/2.1 A and AA) runs on the page on screen and again with
 * print media emulated, where the download link and the hint are not printed; the PDF link answers a
 * PDF.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "amber kettle orbit meadow 42";
const PERSON = { email: "assessed-person@skillshelf.test", password: PASSWORD };
const MANAGER = { email: "assessing-manager@skillshelf.test", password: PASSWORD };
const ORG = "e2e-assessment-documents";
const ASSESSMENT = "e2e-assessment-document";

test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { DEFAULT_SCALE_ID } from "./src/profiles/scales/read.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const account = async (email, name) => (await findUserByEmail(db, email)) ??
      (await createAccount(db, { email, role: "editor", name, password: ${JSON.stringify(PASSWORD)} }));
    const personAccount = await account(${JSON.stringify(PERSON.email)}, "Assessed person");
    const managerAccount = await account(${JSON.stringify(MANAGER.email)}, "Assessing manager");
    if (!(await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst())) {
      const org = randomUUID();
      const at = new Date().toISOString();
      await db.insertInto("organisations").values({ id: org, slug: ${JSON.stringify(ORG)}, name_en: "Harbour Library", name_fr: "Bibliothèque du Havre", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      const unit = randomUUID();
      await db.insertInto("units").values({ id: unit, organisation_id: org, parent_id: null, name_en: "Main branch", name_fr: "Succursale principale", ordinal: 0, head_person_id: null, created_at: at, updated_at: at }).execute();
      const person = (id, given, family, number, manager, user) => ({ id, organisation_id: org, given_name: given, family_name: family, preferred_name: null, email: null, employee_number: number, unit_id: unit, manager_id: manager, status: "active", status_since: null, preferred_lang: "en", user_id: user, created_at: at, updated_at: at });
      const manager = randomUUID();
      const assessed = randomUUID();
      await db.insertInto("people").values(person(manager, "Marguerite", "Odegaard", "H-1", null, managerAccount.id)).execute();
      await db.insertInto("people").values(person(assessed, "Élodie", "Nguyen", "H-2", manager, personAccount.id)).execute();
      const cycle = randomUUID();
      await db.insertInto("review_cycles").values({ id: cycle, organisation_id: org, name_en: "Annual review 2027", name_fr: "Bilan annuel 2027", period_start: "2027-01-01", period_end: "2027-12-31", scale_id: DEFAULT_SCALE_ID, participants: "{}", leaver_rule: "keep", state: "open", opened_at: at, closed_at: null, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
      await db.insertInto("assessments").values({ id: ${JSON.stringify(ASSESSMENT)}, cycle_id: cycle, organisation_id: org, person_id: assessed, manager_id: manager, profile_id: null, state: "in_review", reopened_reason: null, conversation_date: "2027-03-15", conversation_notes: "Training on the new catalogue.", person_signed_at: null, manager_signed_at: null, version: 1, created_at: at, updated_at: at }).execute();
      const edition = await db.selectFrom("editions").select(["id", "framework_id"]).orderBy("published_at", "desc").executeTakeFirstOrThrow();
      const competencies = await db.selectFrom("published_items").select(["item_id", "parent_id"]).where("edition_id", "=", edition.id).where("type_code", "=", "competency").orderBy("position").limit(6).execute();
      await db.insertInto("assessment_items").values(competencies.map((c, i) => ({ assessment_id: ${JSON.stringify(ASSESSMENT)}, framework_id: edition.framework_id, item_id: c.item_id, edition_id: edition.id, ordinal: i + 1, origin: "profile", target_level: 3, importance: i % 2 ? "asset" : "essential", self_level: (i % 5) + 1, self_comment: i === 0 ? "Led three class visits." : null, manager_level: i % 3 ? 2 : null, manager_comment: null, agreed_level: null, updated_at: at }))).execute();
      await db.insertInto("assessment_evidence").values({ id: randomUUID(), assessment_id: ${JSON.stringify(ASSESSMENT)}, item_id: null, kind: "link", title: "Newsletter article", url: "https://library.example.org/news/42", file_name: null, media_type: null, size: null, bytes: null, created_at: at, created_by: personAccount.id }).execute();
    }
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the assessment in ${DATABASE}:\n${run.stderr}`);
});

for (const [lang, who] of [
  ["en", PERSON],
  ["fr", MANAGER],
] as const) {
  const t = messages(lang);

  test(`an assessment's printable page (${lang}, ${who === PERSON ? "the person" : "their manager"}): axe on screen and in print`, async ({
    page,
    axe,
  }) => {
    const path = `/${lang}/orgs/${ORG}/assessments/${ASSESSMENT}/print`;
    await page.goto(path);
    await signIn(page, who, lang, path);
    await expect(page.getByRole("heading", { level: 1, name: t.asmtDocTitle("Élodie Nguyen") })).toBeVisible();
    await expect(page.getByRole("table")).not.toHaveCount(0);
    await expect(page.getByRole("columnheader", { name: t.asmtDocColGap }).first()).toBeVisible();
    const download = page.getByRole("link", { name: t.asmtDocDownloadPdf });
    await expect(download).toBeVisible();
    await axe();

    await page.emulateMedia({ media: "print" });
    await expect(download).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await axe();
    await page.emulateMedia({ media: "screen" });

    const pdf = await page.request.get(`/${lang}/orgs/${ORG}/assessments/${ASSESSMENT}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="assessment-Elodie-Nguyen-/);
  });
}
