/**
 * Single sign-on and invitations in a browser (issue 13, access). A real OpenID provider
 * (oidc-provider, authorization code + PKCE) runs in this process; the organisation, its person and
 * its provider settings are written to the server's database. A person of the organisation starts
 * at the sign-in page, signs in at the provider and lands on their organisation's page, signed in.
 * axe (WCAG 2.0/2.1 A and AA) runs on the access pages in English and French.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/db/connect.ts";
import { issueInvitation } from "../../src/people/invitations/store.ts";
import { sealSecret } from "../../src/people/sso/secret-box.ts";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc.ts";
import { expect, ROOT, signIn, test } from "./fixtures.ts";

const PORT = Number(process.env.E2E_PORT ?? 3977);
const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${PORT}.db`);
const BASE_URL = `http://localhost:${PORT}`;
const HR = { email: "e2e-hr@north.example", password: "granite willow lantern 61" };
const SLUG = `north-${Date.now().toString(36)}`;
const PERSON_EMAIL = `amelie.${Date.now().toString(36)}@north-sso.example`;

let idp: TestOidcProvider;
let personId = "";
let invitationToken = "";

test.beforeAll(async () => {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "bin", "skillshelf.js"), "create-admin", "--email", HR.email, "--password-stdin"],
    {
      cwd: ROOT,
      input: HR.password,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: DATABASE, LOG_LEVEL: "silent" },
    },
  );
  if (run.status !== 0 && !/already exists/.test(run.stderr)) throw new Error(`create-admin failed:\n${run.stderr}`);
  idp = await startOidcProvider({ redirectUri: `${BASE_URL}/sso/callback` });
  const { db, close } = await openDatabase(DATABASE);
  try {
    const now = new Date().toISOString();
    // The server's auth secret (generated on first use and kept in the meta table), as it does.
    await db
      .insertInto("meta")
      .values({ key: "auth_secret", value: randomUUID() + randomUUID() })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const secret = (
      await db.selectFrom("meta").select("value").where("key", "=", "auth_secret").executeTakeFirstOrThrow()
    ).value;
    const organisationId = randomUUID();
    await db
      .insertInto("organisations")
      .values({
        id: organisationId,
        slug: SLUG,
        name_en: "North Library",
        name_fr: "Bibliothèque du Nord",
        default_lang: "en",
        retention_left_months: null,
        retention_assessment_years: null,
        privacy_notice_en: null,
        privacy_notice_fr: null,
        settings: "{}",
        created_at: now,
        updated_at: now,
      })
      .execute();
    const hr = await db
      .selectFrom("users")
      .select(["id", "email", "name"])
      .where("email", "=", HR.email)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("organisation_roles")
      .values({
        organisation_id: organisationId,
        user_id: hr.id,
        role: "administrator",
        granted_at: now,
        granted_by: null,
      })
      .execute();
    personId = randomUUID();
    const person = {
      id: personId,
      organisation_id: organisationId,
      given_name: "Amélie",
      family_name: "Côté",
      preferred_name: null,
      email: PERSON_EMAIL,
      employee_number: "N1",
      unit_id: null,
      manager_id: null,
      status: "active",
      status_since: null,
      preferred_lang: "fr",
      user_id: null,
      created_at: now,
      updated_at: now,
    };
    await db.insertInto("people").values(person).execute();
    await db
      .insertInto("organisation_sso")
      .values({
        organisation_id: organisationId,
        issuer: idp.issuer,
        client_id: idp.clientId,
        client_secret: sealSecret(secret, organisationId, idp.clientSecret),
        email_domains: JSON.stringify(["north-sso.example"]),
        enabled: 1,
        updated_at: now,
        updated_by: hr.id,
      })
      .execute();
    invitationToken = (
      await issueInvitation(db, {
        organisationId,
        person,
        invitedBy: { id: hr.id, email: hr.email, name: hr.name, role: "administrator" },
      })
    ).token;
  } finally {
    await close();
  }
});

test.afterAll(async () => {
  await idp?.close();
});

test("access pages pass axe in English and French", async ({ page, axe }) => {
  for (const lang of ["en", "fr"] as const) {
    await page.goto(`/${lang}/sign-in/sso`);
    await expect(page.locator("h1")).toHaveCount(1);
    await axe();
    await page.goto(`/${lang}/orgs/${SLUG}/invitations/accept/${invitationToken}`);
    await expect(page.locator("h1")).toHaveCount(1);
    await axe();
  }
  await signIn(page, HR, "en", "/en/editor");
  for (const lang of ["en", "fr"] as const) {
    for (const path of [`/${lang}/orgs/${SLUG}/sso`, `/${lang}/orgs/${SLUG}/invitations/new?person=${personId}`]) {
      await page.goto(path);
      await expect(page.locator("h1")).toHaveCount(1);
      await axe();
    }
  }
});

test("a person of the organisation signs in with the library's account and lands in it", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByRole("link", { name: "Sign in with your library's account" }).click();
  await page.getByLabel("Email address").fill(PERSON_EMAIL);
  await page.getByRole("button", { name: "Continue" }).click();
  // The provider's own (development) sign-in page, on its own origin.
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer.replace(/[.]/g, "\\.")}/`));
  await page.locator('input[name="login"]').fill(PERSON_EMAIL);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/en/orgs/${SLUG}`);
  // Signed in: the account page shows who.
  await page.goto("/en/account");
  await expect(page.getByText(PERSON_EMAIL).first()).toBeVisible();
});
