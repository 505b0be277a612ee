/**
 * "Waiting for you" and the reminder settings in a browser, in English and French: a member of
 * staff lands on My organisations, follows the count of what waits to the list, opens the reminder
 * settings from it and chooses with the keyboard and a plain form; HR (also her manager) sees the
 * review waiting on her and the cycle's overdue count. axe (WCAG 2.1 A/AA) finds nothing on any of it.
 */
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, dayOf } from "../../src/assessments/reminders/tasks.ts";
import { createAccount } from "../../src/auth/accounts.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { messages } from "../../src/i18n/index.ts";
import { insertOrganisation, insertPerson } from "../people/privacy-world.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { expect, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const TAG = Date.now().toString(36);
const SLUG = `waiting-${TAG}`;
const HR = { email: `e2e-waiting-hr-${TAG}@skillshelf.test`, password: "harbour violet candle 83" };
const STAFF = { email: `e2e-waiting-staff-${TAG}@skillshelf.test`, password: "meadow copper lantern 27" };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const database = await openDatabase(DATABASE);
  try {
    const db = database.db;
    const today = dayOf(new Date());
    const hrUser = await createAccount(db, {
      email: HR.email,
      role: "editor",
      name: "Hana Roy",
      password: HR.password,
    });
    const staffUser = await createAccount(db, {
      email: STAFF.email,
      role: "editor",
      name: "Rita Singh",
      password: STAFF.password,
    });
    const org = await insertOrganisation(db, SLUG, {
      name_en: "Riverside Public Library",
      name_fr: "Bibliothèque publique de Riverside",
    });
    const hrId = await insertPerson(db, org, {
      given: "Hana",
      family: "Roy",
      number: "W-001",
      user_id: hrUser.id,
      email: HR.email,
    });
    const staffId = await insertPerson(db, org, {
      given: "Rita",
      family: "Singh",
      number: "W-002",
      user_id: staffUser.id,
      email: STAFF.email,
      manager_id: hrId,
    });
    await db
      .insertInto("organisation_roles")
      .values({
        organisation_id: org,
        user_id: hrUser.id,
        role: "administrator",
        granted_at: new Date().toISOString(),
        granted_by: null,
      })
      .execute();
    // Rita's self-assessment in one cycle was due yesterday; in another she has submitted hers.
    for (const [cycle, state, selfDue] of [
      ["late", "in_progress", addDays(today, -1)],
      ["review", "submitted", addDays(today, -3)],
    ] as const) {
      const cycleId = randomUUID();
      await db
        .insertInto("review_cycles")
        .values(
          cycleRow({
            id: cycleId,
            organisation_id: org,
            state: "open",
            name_en: cycle === "late" ? "Autumn review" : "Spring review",
            name_fr: cycle === "late" ? "Bilan d’automne" : "Bilan du printemps",
          }),
        )
        .execute();
      await db
        .insertInto("review_cycle_steps")
        .values([
          { cycle_id: cycleId, step: "self", due_date: selfDue },
          { cycle_id: cycleId, step: "manager", due_date: addDays(today, 12) },
        ])
        .execute();
      await db
        .insertInto("assessments")
        .values(
          assessmentRow({
            id: randomUUID(),
            cycle_id: cycleId,
            organisation_id: org,
            person_id: staffId,
            manager_id: hrId,
            state,
          }),
        )
        .execute();
    }
  } finally {
    await database.close();
  }
});

for (const lang of ["en", "fr"] as const) {
  test(`waiting for you and reminder settings, ${lang.toUpperCase()}`, async ({ page, axe }) => {
    const t = messages(lang);
    await signIn(page, STAFF, lang, `/${lang}/orgs`);
    await axe();
    await page.getByRole("link", { name: `${t.waitingLandingCount(1)} ${t.waitingLandingOverdue(1)}` }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/orgs/${SLUG}/waiting$`));
    await expect(page.getByRole("heading", { level: 1, name: t.waitingTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: t.waitingSelfFinish })).toBeVisible();
    await expect(page.getByText(t.waitingOverdueBadge, { exact: true })).toBeVisible();
    await axe();

    // The settings, by keyboard: focus the choice, pick it with the arrow keys' alternative (Space), save.
    await page.getByRole("link", { name: t.waitingSettingsLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.remindersTitle })).toBeVisible();
    await axe();
    const wanted = lang === "en" ? t.remindersModeWeekly : t.remindersModeEach;
    const radio = page.getByRole("radio", { name: new RegExp(`^${wanted}`) });
    await radio.focus();
    await page.keyboard.press("Space");
    await expect(radio).toBeChecked();
    await page.getByRole("button", { name: t.remindersSave }).click();
    await expect(page.getByRole("status")).toHaveText(t.remindersSaved);
    await expect(radio).toBeChecked();
    await axe();

    // HR, who is also Rita's manager: the review waiting on her and the cycle that is behind.
    await page.context().clearCookies();
    await page.goto("about:blank");
    await signIn(page, HR, lang, `/${lang}/orgs/${SLUG}/waiting`);
    await expect(page.getByRole("link", { name: t.waitingReview("Rita Singh") })).toBeVisible();
    await expect(page.getByRole("link", { name: t.waitingCycleOverdue(1) })).toBeVisible();
    await axe();
  });
}
