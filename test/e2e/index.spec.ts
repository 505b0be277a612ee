/**
 * Browsing like a reader: home → category → area → printable view (with and without JavaScript),
 * the print stylesheet, switching language on an area, and screenshots of the area page.
 */
import { expect, keepScreenshot, type Page, paths, starter, test } from "./fixtures.ts";

const { area, category } = starter;

async function openAreaFromHome(page: Page) {
  await page.goto(paths.home("en"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Public Library Staff Competencies");
  // The category link in the page (the primary navigation has the same name).
  await page.getByRole("main").getByRole("link", { name: category.en, exact: true }).click();
  await expect(page).toHaveURL(paths.item("en", category.key));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(category.en);
  await page.getByRole("main").getByRole("link", { name: area.en, exact: true }).click();
  await expect(page).toHaveURL(paths.item("en", area.key));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(area.en);
}

test.describe("browsing", () => {
  test("home → category → area, with breadcrumb and last-updated date", async ({ page }) => {
    await openAreaFromHome(page);
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb.getByRole("link", { name: "Home" })).toBeVisible();
    await expect(breadcrumb.getByRole("link", { name: category.en })).toBeVisible();
    await expect(page.getByRole("main").getByText(/Last updated: \w+ \d{1,2}, \d{4}/)).toBeVisible();
    // Each competency is a section with its knowledge, skills and abilities listed under it.
    expect(await page.locator("section.competency").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("section.competency").first().locator("ul li").count()).toBeGreaterThanOrEqual(3);
  });

  test("Print with JavaScript calls window.print() and stays on the page", async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => {
        (window as unknown as { printCalls: number }).printCalls++;
      };
    });
    await openAreaFromHome(page);
    const url = page.url();
    await page.getByRole("link", { name: "Print", exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    expect(page.url()).toBe(url);
  });
});

test.describe("browsing without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Print opens the printable view: no navigation, footer with title, URL and date", async ({ page, baseURL }) => {
    await openAreaFromHome(page);
    await page.getByRole("link", { name: "Print", exact: true }).click();
    await expect(page).toHaveURL(`${paths.item("en", area.key)}/print`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(area.en);
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("search")).toHaveCount(0);
    const footer = page.locator(".print-footer");
    await expect(footer).toBeVisible();
    await expect(footer).toContainText(area.en);
    await expect(footer).toContainText(`${baseURL}${paths.item("en", area.key)}`);
    await expect(footer).toContainText(new RegExp(`printed \\w+ \\d{1,2}, ${new Date().getUTCFullYear()}`));
    // The way back to the normal page.
    await page.getByRole("link", { name: "Back to the page" }).click();
    await expect(page).toHaveURL(paths.item("en", area.key));
  });
});

test("the print stylesheet hides navigation and shows the print footer", async ({ page, baseURL }) => {
  await page.goto(paths.item("en", area.key));
  const footer = page.locator(".print-footer");
  await expect(footer).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  await expect(page.locator(".skip-link")).toBeHidden();
  await expect(page.getByRole("link", { name: "Print", exact: true })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(footer).toBeVisible();
  await expect(footer).toContainText(area.en);
  await expect(footer).toContainText(`${baseURL}${paths.item("en", area.key)}`);
  await expect(footer).toContainText(new RegExp(`printed \\w+ \\d{1,2}, ${new Date().getUTCFullYear()}`));
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".site-header")).toBeVisible();
});

test("switching language lands on the same area, and back", async ({ page }) => {
  await page.goto(paths.item("en", area.key));
  await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
  await page.getByRole("link", { name: "Lire cette page en français" }).click();
  await expect(page).toHaveURL(paths.item("fr", area.key));
  await expect(page.locator("html")).toHaveAttribute("lang", /^fr/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(area.fr);
  await expect(page.getByRole("main").getByText(/Dernière mise à jour/)).toBeVisible();
  await page.getByRole("link", { name: "Read this page in English" }).click();
  await expect(page).toHaveURL(paths.item("en", area.key));
  await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(area.en);
});

test.describe("area page screenshots", () => {
  for (const lang of ["en", "fr"] as const) {
    test(`desktop, ${lang.toUpperCase()}`, async ({ page }, testInfo) => {
      await page.goto(paths.item(lang, area.key));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(area[lang]);
      await keepScreenshot(testInfo, `area-${lang}.png`, await page.screenshot({ fullPage: true }));
    });
  }

  test.describe("mobile", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    for (const lang of ["en", "fr"] as const) {
      test(`390×844, ${lang.toUpperCase()}, no horizontal scroll`, async ({ page }, testInfo) => {
        await page.goto(paths.item(lang, area.key));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(area[lang]);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        await keepScreenshot(testInfo, `area-mobile-${lang}.png`, await page.screenshot({ fullPage: true }));
        expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.client}px viewport`).toBeLessThanOrEqual(
          widths.client,
        );
      });
    }
  });
});
