/**
 * A person builds a development plan from a suggestion, with the keyboard alone (issue 16): they
 * start this year's plan, take the learning resource their latest assessment's gap suggests (the
 * goal and its first activity at once), and submit the plan; their manager approves it. axe (WCAG
 * 2.0/2.1 A and AA) runs on every state of every page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { expect, type Page, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "quartz harbour willow lantern 58";
const ORG = "e2e-plans";
const ACCOUNTS = {
  manager: { email: "plans-manager@skillshelf.test", password: PASSWORD },
  en: { email: "plans-person-en@skillshelf.test", password: PASSWORD },
  fr: { email: "plans-person-fr@skillshelf.test", password: PASSWORD },
};
const RESOURCE = { en: "Storytelling workshop", fr: "Atelier de conte" };

/** The people whose plans the tests build, by language; and the competency's name as the page shows it. */
let seeded: { people: Record<"en" | "fr", string> };

test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const at = new Date().toISOString();
    const accounts = ${JSON.stringify(ACCOUNTS)};
    const users = {};
    for (const [role, a] of Object.entries(accounts))
      users[role] = (await findUserByEmail(db, a.email)) ?? (await createAccount(db, { email: a.email, role: "editor", name: role, password: a.password }));
    let org = await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst();
    const person = (id, given, family, number, manager, user) => ({ id, organisation_id: org.id, given_name: given, family_name: family, preferred_name: null, email: null, employee_number: number, unit_id: null, manager_id: manager, status: "active", status_since: null, preferred_lang: "en", user_id: user, created_at: at, updated_at: at });
    if (!org) {
      org = { id: randomUUID() };
      await db.insertInto("organisations").values({ id: org.id, slug: ${JSON.stringify(ORG)}, name_en: "Lakeside Library", name_fr: "Bibliothèque Lakeside", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      await db.insertInto("people").values(person("m-" + org.id, "Mira", "Castellanos", "L-1", null, users.manager.id)).execute();
      await db.insertInto("people").values(person("e-" + org.id, "Elliot", "Brandt", "L-2", "m-" + org.id, users.en.id)).execute();
      await db.insertInto("people").values(person("f-" + org.id, "Félicie", "Gauthier", "L-3", "m-" + org.id, users.fr.id)).execute();
      const items = await db.selectFrom("published_items as i").innerJoin("editions as e", "e.id", "i.edition_id")
        .select(["e.framework_id", "i.edition_id", "i.item_id"]).where("i.type_code", "=", "competency")
        .orderBy("e.number", "desc").orderBy("i.position").limit(2).execute();
      const cycle = randomUUID();
      await db.insertInto("review_cycles").values({ id: cycle, organisation_id: org.id, name_en: "Review 2026", name_fr: "Bilan 2026", period_start: "2026-01-01", period_end: "2026-06-30", scale_id: "5ca1e000-0000-4000-8000-000000000005", participants: "{}", leaver_rule: "keep", state: "closed", opened_at: at, closed_at: at, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
      for (const prefix of ["e-", "f-"]) {
        const id = randomUUID();
        await db.insertInto("assessments").values({ id, cycle_id: cycle, organisation_id: org.id, person_id: prefix + org.id, manager_id: "m-" + org.id, profile_id: null, state: "signed_off", reopened_reason: null, conversation_date: null, conversation_notes: null, person_signed_at: at, manager_signed_at: at, version: 1, created_at: at, updated_at: at }).execute();
        await db.insertInto("assessment_items").values(items.map((item, index) => ({ assessment_id: id, framework_id: item.framework_id, item_id: item.item_id, edition_id: item.edition_id, ordinal: index + 1, origin: "profile", target_level: 3, importance: "essential", self_level: 1, self_comment: null, manager_level: 1, manager_comment: null, agreed_level: index === 0 ? 1 : 3, updated_at: at }))).execute();
      }
      const resource = randomUUID();
      await db.insertInto("learning_resources").values({ id: resource, organisation_id: org.id, title_en: ${JSON.stringify(RESOURCE.en)}, title_fr: ${JSON.stringify(RESOURCE.fr)}, url: "https://learning.example.org/storytelling", provider: null, format: "course", duration_minutes: 180, cost_cents: null, currency: null, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
      await db.insertInto("learning_resource_competencies").values({ resource_id: resource, framework_id: items[0].framework_id, item_id: items[0].item_id }).execute();
    }
    // A retry or a second run starts from no plan.
    await db.deleteFrom("development_plans").where("organisation_id", "=", org.id).execute();
    process.stdout.write(JSON.stringify({ people: { en: "e-" + org.id, fr: "f-" + org.id } }));
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the plans world in ${DATABASE}:\n${run.stderr}`);
  seeded = JSON.parse(run.stdout);
});

/** Focuses the control and presses Enter: the keyboard, not the mouse. */
async function press(page: Page, control: ReturnType<Page["getByRole"]>) {
  await control.focus();
  await page.keyboard.press("Enter");
}

for (const lang of ["en", "fr"] as const) {
  const t = messages(lang);
  const year = new Date().getUTCFullYear();

  test(`a person builds a plan from a suggestion and submits it; the manager approves (${lang}, keyboard, axe on every state)`, async ({
    page,
    browser,
    axe,
  }) => {
    const person = seeded.people[lang];
    const name = lang === "en" ? "Elliot Brandt" : "Félicie Gauthier";
    const plans = `/${lang}/orgs/${ORG}/people/${person}/plans`;
    await signIn(page, ACCOUNTS[lang], lang, plans);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.planListTitle(name));
    await axe();

    await press(page, page.getByRole("button", { name: t.planCreate(year) }));
    await expect(page).toHaveURL(new RegExp(`${plans}/${year}\\?done=created$`));
    await expect(page.getByRole("status").filter({ hasText: t.planCreated })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: t.planSuggestionsHeading })).toBeVisible();
    await expect(page.getByText(t.planGapText(1, 3, 2))).toBeVisible();
    await axe();

    // The suggestion's resource: the goal and its first activity in one step.
    // Its name says which resource and which competency (French spacing: any kind of space matches).
    const label = t.planAddResourceLabel(RESOURCE[lang], "").trim();
    const pattern = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    const take = page.getByRole("button", { name: new RegExp(`^${pattern}`) });
    await press(page, take);
    await expect(page.getByRole("status").filter({ hasText: t.planActivityAdded })).toBeVisible();
    await expect(page.getByRole("table").getByRole("rowheader")).toContainText(RESOURCE[lang]);
    await expect(page.getByText(t.planAlreadyGoal)).toBeVisible();
    await axe();

    await press(page, page.getByRole("button", { name: t.planSubmit }));
    await expect(page.getByRole("status").filter({ hasText: t.planSubmitted })).toBeVisible();
    await expect(page.getByText(t.planStateSubmitted)).toBeVisible();
    await axe();

    // The manager, in a browser of their own.
    const context = await browser.newContext({ locale: lang === "fr" ? "fr-CA" : "en-CA" });
    const manager = await context.newPage();
    const plan = `${plans}/${year}`;
    await signIn(manager, ACCOUNTS.manager, lang, plan);
    await expect(manager.getByRole("heading", { level: 1 })).toHaveText(t.planTitle(name, year));
    await axe(manager);
    await press(manager, manager.getByRole("button", { name: t.planApprove }));
    await expect(manager.getByRole("status").filter({ hasText: t.planApproved })).toBeVisible();
    await expect(manager.getByText(t.planStateApproved)).toBeVisible();
    await axe(manager);
    await context.close();

    // The person sees it approved.
    await page.goto(plan);
    await expect(page.getByText(t.planStateApproved)).toBeVisible();
    await axe();
  });
}
