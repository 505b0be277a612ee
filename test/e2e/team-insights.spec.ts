/**
 * A manager's team heatmap in a browser (issue 16): from "My organisations" the manager follows
 * "Team insights", sorts the heatmap by total gap and groups it by area with the keyboard alone,
 * then drills into a report's assessment from a cell. axe (WCAG 2.0/2.1 A and AA) on every state,
 * in English and in French; a screenshot of each language's heatmap is kept in artifacts/.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { messages } from "../../src/i18n/index.ts";
import { expect, keepScreenshot, ROOT, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const PASSWORD = "copper meadow kettle lantern 73";
const ORG = "e2e-team-insights";
const MANAGER = { email: "team-insights-manager@skillshelf.test", password: PASSWORD };

/** The manager's reports' assessment ids, by person. */
let assessments: Record<string, string>;

test.beforeAll(() => {
  const script = `
    import { openDatabase } from "./src/db/connect.ts";
    import { createAccount, findUserByEmail } from "./src/auth/accounts.ts";
    import { randomUUID } from "node:crypto";
    const { db, close } = await openDatabase(${JSON.stringify(DATABASE)});
    const at = new Date().toISOString();
    const account = ${JSON.stringify(MANAGER)};
    const user = (await findUserByEmail(db, account.email)) ?? (await createAccount(db, { email: account.email, role: "editor", name: "Team manager", password: account.password }));
    let org = await db.selectFrom("organisations").select("id").where("slug", "=", ${JSON.stringify(ORG)}).executeTakeFirst();
    const result = {};
    if (!org) {
      org = { id: randomUUID() };
      await db.insertInto("organisations").values({ id: org.id, slug: ${JSON.stringify(ORG)}, name_en: "Lakeshore Library", name_fr: "Bibliothèque Lakeshore", default_lang: "en", settings: "{}", created_at: at, updated_at: at }).execute();
      const person = (id, given, family, number, manager, userId) => ({ id, organisation_id: org.id, given_name: given, family_name: family, preferred_name: null, email: null, employee_number: number, unit_id: null, manager_id: manager, status: "active", status_since: null, preferred_lang: "en", user_id: userId, created_at: at, updated_at: at });
      const ids = { manager: randomUUID(), noa: randomUUID(), ilse: randomUUID(), tomas: randomUUID() };
      await db.insertInto("people").values(person(ids.manager, "Wren", "Achterberg", "L-1", null, user.id)).execute();
      await db.insertInto("people").values(person(ids.noa, "Noa", "Birkeland", "L-2", ids.manager, null)).execute();
      await db.insertInto("people").values(person(ids.ilse, "Ilse", "Castellanos", "L-3", ids.manager, null)).execute();
      await db.insertInto("people").values(person(ids.tomas, "Tomás", "Dunmore", "L-4", ids.noa, null)).execute();
      const items = await db.selectFrom("published_items as i").innerJoin("editions as e", "e.id", "i.edition_id")
        .select(["e.framework_id", "i.edition_id", "i.item_id"]).where("i.type_code", "=", "competency")
        .orderBy("e.number", "desc").orderBy("i.position").limit(4).execute();
      const cycle = randomUUID();
      await db.insertInto("review_cycles").values({ id: cycle, organisation_id: org.id, name_en: "Annual review", name_fr: "Bilan annuel", period_start: "2027-01-01", period_end: "2027-12-31", scale_id: "5ca1e000-0000-4000-8000-000000000005", participants: "{}", leaver_rule: "keep", state: "open", opened_at: at, closed_at: null, version: 1, created_at: at, updated_at: at, updated_by: null }).execute();
      const levels = { noa: [1, 2, null, 3], ilse: [3, 3, 2, null], tomas: [2, 1, 1, 1] };
      for (const who of ["noa", "ilse", "tomas"]) {
        const id = randomUUID();
        await db.insertInto("assessments").values({ id, cycle_id: cycle, organisation_id: org.id, person_id: ids[who], manager_id: ids.manager, profile_id: null, state: "agreed", reopened_reason: null, conversation_date: null, conversation_notes: null, person_signed_at: null, manager_signed_at: null, version: 1, created_at: at, updated_at: at }).execute();
        await db.insertInto("assessment_items").values(items.map((item, index) => ({ assessment_id: id, framework_id: item.framework_id, item_id: item.item_id, edition_id: item.edition_id, ordinal: index + 1, origin: "profile", target_level: index === 3 ? null : 3, importance: index === 3 ? null : "essential", self_level: null, self_comment: null, manager_level: null, manager_comment: null, agreed_level: levels[who][index], updated_at: at }))).execute();
        result[who] = id;
      }
    } else {
      for (const row of await db.selectFrom("assessments as a").innerJoin("people as p", "p.id", "a.person_id").select(["a.id", "p.given_name"]).where("a.organisation_id", "=", org.id).execute())
        result[{ Noa: "noa", Ilse: "ilse", "Tomás": "tomas" }[row.given_name]] = row.id;
    }
    process.stdout.write(JSON.stringify(result));
    await close();
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`could not prepare the team in ${DATABASE}:\n${run.stderr}`);
  assessments = JSON.parse(run.stdout);
});

for (const lang of ["en", "fr"] as const) {
  const t = messages(lang);

  test(`a manager opens the team heatmap and drills into an assessment by keyboard (${lang}, axe on every state)`, async ({
    page,
    axe,
  }, testInfo) => {
    await signIn(page, MANAGER, lang, `/${lang}/orgs`);
    const link = page.getByRole("link", { name: t.itLandingLink, exact: true });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${lang}/orgs/${ORG}/team/insights$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.itTitle);
    const table = page.getByRole("table", { name: lang === "en" ? /^Gap to target/ : /^Écart à la cible/ });
    await expect(table).toBeVisible();
    for (const name of ["Noa Birkeland", "Ilse Castellanos", "Tomás Dunmore"])
      await expect(table.getByRole("rowheader", { name: new RegExp(name) })).toBeVisible();
    await axe();

    // Sort by total gap with the keyboard: the column header's link.
    const byTotal = table.getByRole("link", { name: new RegExp(`^${t.itColTotalGap}`) });
    await byTotal.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=total/);
    // Totals: Tomás 1+2+2 = 5, Noa 2+1 = 3 (one not assessed), Ilse 0+0+1 = 1.
    const firstRow = page.locator("table.it-heatmap tbody tr").first();
    await expect(firstRow.getByRole("rowheader")).toContainText("Tomás Dunmore");
    await expect(page.locator("table.it-heatmap th[aria-sort='descending']")).toHaveCount(1);
    await axe();

    // Group by area with the keyboard: the checkbox, then the form's button.
    const group = page.getByRole("checkbox", { name: t.itGroupByArea });
    await group.focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: t.itApply, exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/group=area/);
    await expect(page.locator("table.it-heatmap th[scope='colgroup']").first()).toBeVisible();
    await expect(page.locator("table.it-heatmap tbody tr").first().getByRole("rowheader")).toContainText(
      "Tomás Dunmore",
    );
    await axe();
    await keepScreenshot(testInfo, `team-heatmap-${lang}.png`, await page.screenshot({ fullPage: true }));

    // Drill into Noa's assessment from a cell, by keyboard.
    const noaRow = page.locator("table.it-heatmap tbody tr").filter({ hasText: "Noa Birkeland" });
    const cell = noaRow.locator("td.it-cell a").first();
    await cell.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${lang}/orgs/${ORG}/assessments/${assessments.noa}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Noa Birkeland");
    await axe();
  });
}
