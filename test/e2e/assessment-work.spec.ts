/**
 * Self-assessment and manager review in a browser (issue 15): a person rates themself with the
 * keyboard alone while htmx saves each change ("Saved at…" in a live region), reloads and finds it
 * saved, and submits; another person does the same with JavaScript off (one form, Save, Submit); the
 * manager reviews, records the agreed levels and signs off; the person signs off. axe (WCAG 2.0/2.1
 * A and AA) runs on every state of every page, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDay, messages } from "../../src/i18n/index.ts";
import { expect, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "copper meadow kettle lantern 73";
const ORG = "e2e-assess";
const ACCOUNTS = {
  manager: { email: "assess-manager@skillshelf.test", password: PASSWORD },
  keyboard: { email: "assess-keyboard@skillshelf.test", password: PASSWORD },
  noScript: { email: "assess-noscript@skillshelf.test", password: PASSWORD },
};

/** Assessment ids by language: the keyboard person's and the no-JavaScript person's. */
let ids: Record<"en" | "fr", { keyboard: string; noScript: string }>;

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
      await db.insertInto("organisations").values({ id: org.id, slug: ${JSON.stringify(ORG)}, name_en: "Riverside Library", name_fr: "Bibliothèque Riverside", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      await db.insertInto("people").values(person("m-" + org.id, "Mara", "Okafor", "R-1", null, users.manager.id)).execute();
      await db.insertInto("people").values(person("k-" + org.id, "Kit", "Lindgren", "R-2", "m-" + org.id, users.keyboard.id)).execute();
      await db.insertInto("people").values(person("n-" + org.id, "Noor", "Haddad", "R-3", "m-" + org.id, users.noScript.id)).execute();
    }
    const items = await db.selectFrom("published_items as i").innerJoin("editions as e", "e.id", "i.edition_id")
      .select(["e.framework_id", "i.edition_id", "i.item_id"]).where("i.type_code", "=", "competency")
      .orderBy("e.number", "desc").orderBy("i.position").limit(2).execute();
    const result = {};
    for (const lang of ["en", "fr"]) {
      const cycle = randomUUID();
      await db.insertInto("review_cycles").values({ id: cycle, organisation_id: org.id, name_en: "Annual review " + lang, name_fr: "Bilan annuel " + lang, period_start: "2027-01-01", period_end: "2027-12-31", scale_id: "5ca1e000-0000-4000-8000-000000000005", participants: "{}", leaver_rule: "keep", state: "open", opened_at: at, closed_at: null, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
      result[lang] = {};
      for (const [who, prefix] of [["keyboard", "k-"], ["noScript", "n-"]]) {
        const id = randomUUID();
        await db.insertInto("assessments").values({ id, cycle_id: cycle, organisation_id: org.id, person_id: prefix + org.id, manager_id: "m-" + org.id, profile_id: null, state: "not_started", reopened_reason: null, conversation_date: null, conversation_notes: null, person_signed_at: null, manager_signed_at: null, version: 1, created_at: at, updated_at: at }).execute();
        await db.insertInto("assessment_items").values(items.map((item, index) => ({ assessment_id: id, framework_id: item.framework_id, item_id: item.item_id, edition_id: item.edition_id, ordinal: index + 1, origin: "profile", target_level: 3, importance: "essential", self_level: null, self_comment: null, manager_level: null, manager_comment: null, agreed_level: null, updated_at: at }))).execute();
        result[lang][who] = id;
      }
    }
    process.stdout.write(JSON.stringify(result));
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the assessments in ${DATABASE}:\n${run.stderr}`);
  ids = JSON.parse(run.stdout);
});

for (const lang of ["en", "fr"] as const) {
  const t = messages(lang);
  const pageOf = (id: string) => `/${lang}/orgs/${ORG}/assessments/${id}`;

  test(`self-assessment by keyboard and without JavaScript, review, agreement, sign-off (${lang}, axe on every state)`, async ({
    page,
    browser,
    axe,
  }) => {
    // 1. Keyboard alone, JavaScript on: each change is saved as it is made.
    const mine = pageOf(ids[lang].keyboard);
    await signIn(page, ACCOUNTS.keyboard, lang, mine);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Kit Lindgren");
    await axe();
    const firstGroup = page
      .getByRole("group")
      .filter({ has: page.getByRole("radio") })
      .first();
    await firstGroup.getByRole("radio").first().focus();
    await page.keyboard.press("ArrowDown"); // level 1
    await page.keyboard.press("ArrowDown"); // level 2
    const status = page.locator("#aw-status-0");
    await expect(status).toContainText(t.awSavedAt("").trim());
    await page.keyboard.press("Tab");
    await page.keyboard.type(
      lang === "en" ? "I answer most reference questions." : "Je réponds à la plupart des questions.",
    );
    await page.keyboard.press("Tab"); // leaving the comment saves it
    await expect(status).toContainText(t.awSavedAt("").trim());
    await axe();
    await page.reload();
    await expect(firstGroup.getByRole("radio").nth(2)).toBeChecked();
    await expect(page.getByRole("textbox", { name: t.awComment }).first()).toHaveValue(/\S/);
    const save = page.getByRole("button", { name: t.awSave, exact: true });
    await save.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: t.awSaved })).toBeVisible();
    await axe();
    const submit = page.getByRole("button", { name: t.awSubmit });
    await submit.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: t.awSubmitted })).toBeVisible();
    await axe();

    // 2. JavaScript off, keyboard alone: one form, Save, then Submit. (axe needs script to run: the same server states,
    // saved and submitted, are checked on the JavaScript page above.)
    const noScript = await browser.newContext({ javaScriptEnabled: false, locale: lang === "fr" ? "fr-CA" : "en-CA" });
    const other = await noScript.newPage();
    const theirs = pageOf(ids[lang].noScript);
    await signIn(other, ACCOUNTS.noScript, lang, theirs);
    const group = other
      .getByRole("group")
      .filter({ has: other.getByRole("radio") })
      .first();
    // By keyboard here too: Space picks the first level, the arrows move to the fourth.
    await group.getByRole("radio").first().focus();
    await other.keyboard.press("Space");
    for (let step = 0; step < 3; step++) await other.keyboard.press("ArrowDown");
    await other.getByRole("textbox", { name: t.awComment }).first().focus();
    await other.keyboard.type("Shelving and displays");
    await other.getByRole("button", { name: t.awSave, exact: true }).press("Enter");
    await expect(other.getByRole("status").filter({ hasText: t.awSaved })).toBeVisible();
    await expect(
      other
        .getByRole("group")
        .filter({ has: other.getByRole("radio") })
        .first()
        .getByRole("radio")
        .nth(3),
    ).toBeChecked();
    await other.getByRole("button", { name: t.awSubmit }).press("Enter");
    await expect(other.getByRole("status").filter({ hasText: t.awSubmitted })).toBeVisible();
    await noScript.close();

    // 3. The manager reviews the keyboard person's assessment, agrees and signs off.
    await page.context().clearCookies();
    await signIn(page, ACCOUNTS.manager, lang, mine);
    await axe();
    const managerGroups = page.getByRole("group").filter({ has: page.getByRole("radio") });
    await managerGroups.nth(0).getByRole("radio").nth(2).check();
    await managerGroups.nth(1).getByRole("radio").nth(3).check();
    await page.getByRole("button", { name: t.awSaveReview }).click();
    await expect(page.getByRole("status").filter({ hasText: t.awReviewSaved })).toBeVisible();
    await axe();
    await page
      .getByRole("group", { name: new RegExp(t.awAgreedLevelLegend("").trim()) })
      .nth(0)
      .getByRole("radio")
      .nth(2)
      .check();
    await page
      .getByRole("group", { name: new RegExp(t.awAgreedLevelLegend("").trim()) })
      .nth(1)
      .getByRole("radio")
      .nth(3)
      .check();
    await page
      .getByLabel(t.awConversationNotes)
      .fill(lang === "en" ? "Good year at the desk." : "Belle année au comptoir.");
    await page.getByRole("button", { name: t.awAgree }).click();
    await expect(page.getByRole("status").filter({ hasText: t.awAgreed })).toBeVisible();
    await axe();
    await page.getByLabel(t.awSignCheck).check();
    await page.getByRole("button", { name: t.awSign, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: t.awSigned })).toBeVisible();
    await axe();
    // The manager's list of their reports' assessments, narrowed by state with its filter form.
    await page.goto(`/${lang}/orgs/${ORG}/assessments`);
    await expect(page.getByRole("heading", { level: 2, name: t.awListReports })).toBeVisible();
    await page.getByLabel(t.awListStateLabel).selectOption("agreed");
    await page.getByRole("button", { name: t.awListFilterSubmit }).click();
    await expect(page).toHaveURL(/state=agreed/);
    await expect(page.getByRole("link", { name: "Kit Lindgren" })).toBeVisible();
    await axe();

    // 3b. The manager reopens the other person's submitted assessment, saying by when to finish it again:
    // a date in the past is refused on the field, then a good one is kept and shown (axe on both states).
    await page.goto(pageOf(ids[lang].noScript));
    const dueField = page.getByLabel(t.awReopenDue);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await expect(dueField).toHaveValue(day(14));
    const reason = lang === "en" ? "One rating is missing." : "Il manque une note.";
    await page.getByLabel(t.awReopenReason).fill(reason);
    // The browser's own check stops a day before today (the field's min), and the picker offers none.
    await dueField.fill(day(-2));
    await page.getByRole("button", { name: t.awReopen }).click();
    expect(await dueField.evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
    await expect(page.getByText(t.awStateNotice(t.awStateName("submitted")))).toBeVisible();
    // Sent anyway (a browser that does not check), the server refuses it on the field.
    await dueField.evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
    await page.getByRole("button", { name: t.awReopen }).click();
    await expect(page.getByText(t.awReopenDuePast).first()).toBeVisible();
    await expect(page.getByLabel(t.awReopenDue)).toHaveAttribute("aria-invalid", "true");
    await axe();
    await page.getByLabel(t.awReopenDue).fill(day(10));
    await page.getByRole("button", { name: t.awReopen }).click();
    await expect(page.getByRole("status").filter({ hasText: t.awReopened })).toBeVisible();
    await expect(page.getByText(t.awStateNotice(t.awStateName("reopened")))).toBeVisible();
    await expect(page.getByText(t.awReopenedBecauseBy(reason, formatDay(day(10), lang)))).toBeVisible();
    await axe();

    // 4. The person signs off too.
    await page.context().clearCookies();
    await signIn(page, ACCOUNTS.keyboard, lang, mine);
    await page.getByLabel(t.awSignCheck).check();
    await page.getByRole("button", { name: t.awSign, exact: true }).click();
    await expect(page.getByText(t.awStateNotice(t.awStateName("signed_off")))).toBeVisible();
    await axe();
  });
}
