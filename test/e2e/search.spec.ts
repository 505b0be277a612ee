/**
 * Search: results appear as you type (htmx), the address follows the query, and the very same
 * search works with JavaScript off by submitting the form.
 */
import { expect, paths, test } from "./fixtures.ts";

const QUERY = "partenariat";
const labels = { en: "Search the index", fr: "Rechercher dans le référentiel" } as const;
/** What the French word must find: the partnership competencies, whichever language is shown. */
const expected = { en: /partnership/i, fr: /partenariat/i } as const;

for (const lang of ["en", "fr"] as const) {
  test(`search as you type (${lang.toUpperCase()}): results without submitting, URL updated`, async ({ page }) => {
    await page.goto(paths.search(lang));
    // A marker that a full page load would wipe out: the results must come without one.
    await page.evaluate(() => {
      (window as unknown as { samePage: boolean }).samePage = true;
    });
    const box = page.getByRole("searchbox", { name: labels[lang] });
    await expect(box).toBeVisible();
    await box.pressSequentially(QUERY, { delay: 40 });
    const results = page.locator("#search-results");
    await expect(results.getByRole("link", { name: expected[lang] }).first()).toBeVisible();
    await expect(results.locator("mark").first()).toBeVisible();
    await expect(page.getByRole("status")).toContainText(QUERY);
    await expect(page).toHaveURL(paths.search(lang, QUERY));
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(QUERY);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of ["en", "fr"] as const) {
    test(`submitting the search form gives the same results (${lang.toUpperCase()})`, async ({ page }) => {
      await page.goto(paths.search(lang));
      const box = page.getByRole("searchbox", { name: labels[lang] });
      await box.fill(QUERY);
      await box.press("Enter");
      await expect(page).toHaveURL(paths.search(lang, QUERY));
      const results = page.locator("#search-results");
      await expect(results.getByRole("link", { name: expected[lang] }).first()).toBeVisible();
      await expect(results.locator("mark").first()).toBeVisible();
      await expect(page.getByRole("status")).toContainText(QUERY);
      await expect(page.getByRole("searchbox", { name: labels[lang] })).toHaveValue(QUERY);
    });
  }

  test("the home page search box leads to the same results", async ({ page }) => {
    await page.goto(paths.home("en"));
    await page.getByRole("main").getByRole("searchbox", { name: labels.en }).fill(QUERY);
    await page.getByRole("main").getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(paths.search("en", QUERY));
    await expect(page.locator("#search-results").getByRole("link", { name: expected.en }).first()).toBeVisible();
  });
});
