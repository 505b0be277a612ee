/**
 * Shared pieces of the browser tests. Specs import `test` and `expect` from here, not from
 * @playwright/test, so they all get:
 *   - the Chromium guard: without /usr/bin/chromium the tests skip with a message, except under
 *     CI=true where they fail (scripts/test.mjs applies the same rule before starting Playwright);
 *   - `axe`: runs axe-core with the WCAG 2.1 A/AA tags on a page and fails with every violation's
 *     id, help text and targets;
 *   - `expectVisibleFocus`: the focused element shows a focus indicator and is on screen.
 * Pages come from the built-in `page` fixture, which Playwright opens in a fresh
 * `browser.newContext()` (AxeBuilder refuses pages from `browser.newPage()`).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import { type Lang, messages } from "../../src/i18n/index.ts";

export type { Page };
export { expect };

const CHROMIUM = "/usr/bin/chromium";
const CI = process.env.CI === "true";

/** The repository root and its git-ignored folder for artifacts kept after a run. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ARTIFACTS = join(ROOT, "artifacts");

/** The starter framework and the pages the specs visit. */
export const FRAMEWORK = "public-library-staff";
export const paths = {
  home: (lang: "en" | "fr") => `/${lang}`,
  item: (lang: "en" | "fr", key: string) => `/${lang}/frameworks/${FRAMEWORK}/items/${encodeURIComponent(key)}`,
  full: (lang: "en" | "fr") => `/${lang}/frameworks/${FRAMEWORK}/full`,
  search: (lang: "en" | "fr", q?: string) => (q ? `/${lang}/search?q=${encodeURIComponent(q)}` : `/${lang}/search`),
};

/** Names as a reader sees them, in both languages. */
export const starter = {
  category: { key: "ML", en: "Management/Leadership", fr: "Gestion et leadership" },
  area: { key: "ML.CR", en: "Community Relations", fr: "Relations avec la communauté" },
};

/** The WCAG 2.0 and 2.1 level A and AA rules; the issue asks for exactly these, no fewer. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is now and fails with a readable list of what is wrong. */
export async function expectNoAxeViolations(page: Page, testInfo?: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations.map((v) => {
    const targets = v.nodes.map(
      (n) =>
        `      ${n.target.join(" ")}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, "\n        ")}` : ""}`,
    );
    return `  ${v.id} (${v.impact ?? "?"}): ${v.help}\n    ${v.helpUrl}\n${targets.join("\n")}`;
  });
  if (testInfo && results.violations.length > 0) {
    await testInfo.attach(`axe-${page.url().replace(/[^a-z0-9]+/gi, "-")}.json`, {
      body: JSON.stringify(results.violations, null, 2),
      contentType: "application/json",
    });
  }
  // Compare the ids only: the message above already says where and why, the diff stays short.
  expect(
    results.violations.map((v) => v.id),
    `axe found violations on ${page.url()}:\n${report.join("\n")}`,
  ).toEqual([]);
}

/** What the focused element looks like: the things a person would notice as a focus ring. */
export interface FocusState {
  tag: string;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
}

export async function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: ((el as HTMLElement).textContent || el.getAttribute("aria-label") || (el as HTMLInputElement).value || "")
        .replace(/\s+/g, " ")
        .trim(),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
    };
  });
}

/** The focused element has a visible indicator (outline ≥ 2px or a box shadow) and is in the viewport. */
export async function expectVisibleFocus(page: Page): Promise<FocusState> {
  const state = await focusState(page);
  expect(state, "something has keyboard focus").not.toBeNull();
  const s = state as FocusState;
  const ringed = (s.outlineStyle !== "none" && s.outlineWidth >= 2) || (s.boxShadow !== "none" && s.boxShadow !== "");
  expect(
    ringed,
    `focus indicator on <${s.tag}> "${s.text}": outline ${s.outlineStyle} ${s.outlineWidth}px, box-shadow ${s.boxShadow}`,
  ).toBe(true);
  await expect(page.locator("*:focus"), `<${s.tag}> "${s.text}" is in the viewport`).toBeInViewport();
  return s;
}

/** Saves a screenshot in artifacts/ and attaches it to the test report. */
export async function keepScreenshot(testInfo: TestInfo, name: string, png: Buffer): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, name), png);
  await testInfo.attach(name, { body: png, contentType: "image/png" });
}

/** An account the specs sign in with. */
export interface Account {
  email: string;
  password: string;
}

/**
 * Signs in through the sign-in form, in the given language, and waits until the site has taken the
 * page to `next`. The one sign-in every spec uses (the accounts spec tests the form itself).
 */
export async function signIn(page: Page, account: Account, lang: Lang, next: string): Promise<void> {
  const t = messages(lang);
  if (!new URL(page.url() === "about:blank" ? "http://x/" : page.url()).pathname.endsWith("/sign-in")) {
    await page.goto(`/${lang}/sign-in?next=${encodeURIComponent(next)}`);
  }
  await page.getByLabel(t.authEmailLabel).fill(account.email);
  await page.getByLabel(t.authPasswordLabel).fill(account.password);
  await page.getByRole("button", { name: t.authSignIn, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[.?*+^$()[\]{}|\\]/g, "\\$&")}$`));
}

/**
 * A tag unique to this attempt of this test, for the data it creates: a retry gets a new one, so it
 * never meets what the failed attempt left behind.
 */
export function attemptTag(testInfo: TestInfo): string {
  return `${Date.now().toString(36)}${testInfo.retry > 0 ? `r${testInfo.retry}` : ""}`;
}

interface Fixtures {
  /** `await axe()` checks the test's page; `await axe(otherPage)` another one. */
  axe: (page?: Page) => Promise<void>;
  chromiumGuard: undefined;
}

export const test = base.extend<Fixtures>({
  chromiumGuard: [
    // Names an option fixture only because Playwright reads the first parameter's pattern.
    async ({ browserName: _ }, use, testInfo) => {
      if (!existsSync(CHROMIUM)) {
        const why = `${CHROMIUM} is not installed (Debian: apt-get install -y chromium)`;
        if (CI) throw new Error(`browser tests cannot run under CI=true: ${why}`);
        testInfo.skip(true, `browser tests skipped: ${why}. Set CI=true to make this an error.`);
      }
      await use(undefined);
    },
    { auto: true },
  ],
  axe: async ({ page }, use, testInfo) => {
    await use((target?: Page) => expectNoAxeViolations(target ?? page, testInfo));
  },
});
