/**
 * Accounts in a browser: an administrator created with `skillshelf create-admin` signs in through
 * the form (after a wrong password), manages accounts, creates an invitation, opens it, visits their
 * own account and password pages, and signs out. axe (WCAG 2.0/2.1 A and AA) runs on every page,
 * with and without error messages, in English and in French.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, ROOT, test } from "./fixtures.ts";

/** The database the e2e server runs on (playwright.config.ts passes the same path to it). */
const DATABASE = join(tmpdir(), "skillshelf-e2e", `e2e-${Number(process.env.E2E_PORT ?? 3977)}.db`);
const ADMIN = { email: "e2e-admin@skillshelf.test", password: "granite willow lantern 61" };

const text = {
  en: {
    email: "Email address",
    password: "Password",
    signIn: "Sign in",
    signInTitle: "Sign in",
    signOut: "Sign out",
    failed: "The email address or password is incorrect.",
    users: "Accounts",
    create: "Create account",
    emailInvalid: "Enter an email address, like name@example.org.",
    created: "Account created",
    link: "Invitation link",
    choose: "Choose your password",
    newPassword: "New password",
    again: "New password again",
    save: "Save password and sign in",
    mismatch: "The two passwords are not the same.",
    account: "Account",
    accountTitle: "Your account",
    changePassword: "Change password",
    signedOut: "You are signed out.",
    securityLog: "Security log",
    twoStep: "Two-step sign-in",
    turnOn: "Turn on two-step sign-in",
    currentPassword: "Current password",
    wrongPassword: "The current password is incorrect.",
  },
  fr: {
    email: "Adresse courriel",
    password: "Mot de passe",
    signIn: "Se connecter",
    signInTitle: "Connexion",
    signOut: "Se déconnecter",
    failed: "L'adresse courriel ou le mot de passe est incorrect.",
    users: "Comptes",
    create: "Créer le compte",
    emailInvalid: "Entrez une adresse courriel, comme nom@exemple.org.",
    created: "Compte créé",
    link: "Lien d'invitation",
    choose: "Choisissez votre mot de passe",
    newPassword: "Nouveau mot de passe",
    again: "Confirmez le nouveau mot de passe",
    save: "Enregistrer le mot de passe et se connecter",
    mismatch: "Les deux mots de passe ne sont pas identiques.",
    account: "Compte",
    accountTitle: "Votre compte",
    changePassword: "Changer le mot de passe",
    signedOut: "Votre session est fermée.",
    securityLog: "Journal de sécurité",
    twoStep: "Connexion en deux étapes",
    turnOn: "Activer la connexion en deux étapes",
    currentPassword: "Mot de passe actuel",
    wrongPassword: "Le mot de passe actuel est incorrect.",
  },
} as const;

test.beforeAll(() => {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "bin", "skillshelf.js"), "create-admin", "--email", ADMIN.email, "--password-stdin"],
    {
      cwd: ROOT,
      input: ADMIN.password,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: DATABASE, LOG_LEVEL: "silent" },
    },
  );
  // Exit 1 with "already exists" is fine: a retry reuses the server and its database.
  if (run.status !== 0 && !/already exists/.test(run.stderr))
    throw new Error(`create-admin failed (${run.status}):\n${run.stderr}`);
});

const heading = (page: Page, name: string) =>
  expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();

for (const lang of ["en", "fr"] as const) {
  test(`accounts, ${lang.toUpperCase()}: sign in, manage accounts, invitation, own account, sign out`, async ({
    page,
    axe,
  }) => {
    const t = text[lang];

    await page.goto(`/${lang}/admin/users`);
    await expect(page).toHaveURL(new RegExp(`/${lang}/sign-in\\?next=`));
    await heading(page, t.signInTitle);
    await axe();

    await page.getByLabel(t.email).fill(ADMIN.email);
    await page.getByLabel(t.password).fill("not the right password");
    await page.getByRole("button", { name: t.signIn, exact: true }).click();
    await expect(page.getByRole("alert")).toContainText(t.failed);
    await expect(page.getByLabel(t.password)).toHaveAttribute("aria-invalid", "true");
    await axe();

    await page.getByLabel(t.password).fill(ADMIN.password);
    await page.getByRole("button", { name: t.signIn, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/admin/users$`));
    await heading(page, t.users);
    await expect(page.getByRole("button", { name: t.signOut })).toBeVisible();
    await axe();

    await page.getByRole("button", { name: t.create }).click();
    await expect(page.getByRole("alert")).toContainText(t.emailInvalid);
    await axe();

    // The security log already holds the failed and the successful sign-in just made.
    await page.getByRole("link", { name: t.securityLog }).click();
    await heading(page, t.securityLog);
    await expect(page.getByRole("table")).toContainText(ADMIN.email);
    await axe();
    await page.goto(`/${lang}/admin/users`);

    const invitee = `invitee-${lang}-${Date.now()}@skillshelf.test`;
    await page.getByLabel(t.email).fill(invitee);
    await page.getByRole("button", { name: t.create }).click();
    await heading(page, t.created);
    await axe();
    const link = await page.getByLabel(t.link).inputValue();

    await page.goto(new URL(link).pathname);
    await heading(page, t.choose);
    await axe();
    await page.getByLabel(t.newPassword, { exact: true }).fill("copper meadow violin 27");
    await page.getByLabel(t.again).fill("copper meadow violin 28");
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("alert")).toContainText(t.mismatch);
    await axe();

    await page.getByRole("link", { name: t.account, exact: true }).click();
    await heading(page, t.accountTitle);
    await axe();
    await page.getByRole("link", { name: t.changePassword }).click();
    await heading(page, t.changePassword);
    await axe();
    await page.goto(`/${lang}/account`);
    await page.getByRole("link", { name: t.twoStep }).click();
    await heading(page, t.twoStep);
    await axe();
    await page.getByLabel(t.currentPassword).fill("not my password at all");
    await page.getByRole("button", { name: t.turnOn }).click();
    await expect(page.getByRole("alert")).toContainText(t.wrongPassword);
    await axe();

    await page.getByRole("button", { name: t.signOut }).click();
    await expect(page.getByRole("status")).toContainText(t.signedOut);
    await expect(page.getByRole("link", { name: t.signIn, exact: true })).toBeVisible();
  });
}
