/**
 * The privacy pages in a browser, in English and French: axe finds nothing, each page has its
 * language and one h1; an administrator and a member of staff reach them with the keyboard and
 * links alone, without JavaScript doing anything they need.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAccount } from "../../src/auth/accounts.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { type Lang, messages } from "../../src/i18n/index.ts";
import { insertAccess, insertOrganisation, insertPerson, insertUnit } from "../people/privacy-world.ts";
import { seedHeld } from "../support/held-assessments.ts";
import { expect, signIn, test } from "./fixtures.ts";

const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const TAG = Date.now().toString(36);
const SLUG = `privacy-${TAG}`;
const HR = { email: `e2e-privacy-hr-${TAG}@skillshelf.test`, password: "harbour violet candle 83" };
const STAFF = { email: `e2e-privacy-staff-${TAG}@skillshelf.test`, password: "meadow copper lantern 27" };
let staffId = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const database = await openDatabase(DATABASE);
  try {
    const db = database.db;
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
      retention_left_months: 24,
      privacy_notice_en: "We keep **only** what your job needs.\n\n- Ask HR",
      privacy_notice_fr: "Nous ne conservons que ce dont votre poste a besoin.",
    });
    const unit = await insertUnit(db, org, "Central Branch");
    const hrId = await insertPerson(db, org, {
      given: "Hana",
      family: "Roy",
      number: "R-001",
      user_id: hrUser.id,
      email: HR.email,
    });
    staffId = await insertPerson(db, org, {
      given: "Rita",
      family: "Singh",
      number: "R-002",
      user_id: staffUser.id,
      email: STAFF.email,
      unit_id: unit,
      manager_id: hrId,
    });
    await insertPerson(db, org, {
      given: "Léa",
      family: "Tremblay",
      number: "R-003",
      status: "left",
      status_since: "2020-01-31",
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
    await insertAccess(db, {
      organisationId: org,
      personId: staffId,
      actorLabel: "Hana Roy",
      at: "2026-03-01T12:00:00.000Z",
    });
    // An assessment with comments, notes, evidence and history: the data page's largest section, for axe.
    await seedHeld(db, {
      organisationId: org,
      personId: staffId,
      managerId: hrId,
      state: "signed_off",
      notes: "We talked about the <b>new</b> branch.",
      conversationDate: "2026-11-20",
      items: [
        { self: 2, selfComment: "Getting there", manager: 3, managerComment: "Solid", agreed: 3 },
        { self: null, selfComment: null, manager: null, managerComment: null, agreed: null },
      ],
      links: [{ title: "Workshop", url: "https://example.test/workshop", onItem: true }],
      files: [{ name: "reflection.txt", text: "A year of lending." }],
      signedBy: "Rita Singh",
    });
  } finally {
    await database.close();
  }
});

const adminPages = (lang: Lang) => [
  `/${lang}/orgs/${SLUG}/privacy`,
  `/${lang}/orgs/${SLUG}/privacy/edit`,
  `/${lang}/orgs/${SLUG}/privacy/retention`,
  `/${lang}/orgs/${SLUG}/access-log`,
  `/${lang}/orgs/${SLUG}/access-log?from=2026-02-30`,
  `/${lang}/orgs/${SLUG}/people/${staffId}/access-log`,
  `/${lang}/orgs/${SLUG}/people/${staffId}/data`,
  `/${lang}/orgs/${SLUG}/delete`,
];

for (const lang of ["en", "fr"] as const) {
  test(`axe: the administrator's privacy pages (${lang})`, async ({ page, axe }) => {
    await signIn(page, HR, lang, `/${lang}/orgs/${SLUG}/privacy`);
    for (const path of adminPages(lang)) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${lang}`));
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveCount(1);
      await axe();
    }
    // A refused deletion names the field to fix, and still passes.
    await page.goto(`/${lang}/orgs/${SLUG}/delete`);
    await page.getByLabel(messages(lang).privacyDeleteConfirmLabel(SLUG)).fill("wrong");
    await page
      .getByRole("button", {
        name: messages(lang).privacyDeleteButton(
          lang === "fr" ? "Bibliothèque publique de Riverside" : "Riverside Public Library",
        ),
      })
      .click();
    await expect(page.getByRole("alert")).toContainText(messages(lang).privacyDeleteMismatch(SLUG));
    await axe();
  });

  test(`a member of staff finds their own data with the keyboard (${lang})`, async ({ page, axe }) => {
    const t = messages(lang);
    await signIn(page, STAFF, lang, `/${lang}/orgs/${SLUG}/privacy`);
    await axe();
    await page.getByRole("link", { name: t.privacyMyAccessLogLink }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.privacyMyAccessLogTitle);
    await expect(page.getByRole("cell", { name: "Hana Roy" }).first()).toBeVisible();
    await axe();
    await page.getByRole("link", { name: t.privacyMyDataLink }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.privacyMyDataTitle);
    await expect(page.getByText("R-002").first()).toBeVisible();
    await axe();
    await page.getByRole("link", { name: t.privacyNoticeLink }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${lang}/orgs/${SLUG}/privacy$`));
  });
}
