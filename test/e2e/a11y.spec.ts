/**
 * axe-core with the WCAG 2.0/2.1 A and AA tags finds nothing on the reader's pages, in English and
 * in French: home, a category, an area, search results, the whole framework and a 404.
 */
import { expect, expectNoAxeViolations, paths, starter, test } from "./fixtures.ts";

const pages = (lang: "en" | "fr") => [
  { name: "home", path: paths.home(lang), status: 200 },
  { name: "category", path: paths.item(lang, starter.category.key), status: 200 },
  { name: "area", path: paths.item(lang, starter.area.key), status: 200 },
  { name: "search results", path: paths.search(lang, "partenariat"), status: 200 },
  { name: "whole framework", path: paths.full(lang), status: 200 },
  { name: "404", path: `/${lang}/no-such-page`, status: 404 },
];

for (const lang of ["en", "fr"] as const) {
  test.describe(`axe, ${lang.toUpperCase()}`, () => {
    for (const { name, path, status } of pages(lang)) {
      test(`${name} (${path})`, async ({ page, axe }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(status);
        await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${lang}`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
        await axe();
      });
    }
  });
}

// If axe could not run on our pages (a CSP or an injection problem), every check above would pass
// vacuously: prove on one of our own pages, with a planted fault, that it reports.
test("axe reports a planted violation (the checks above are not vacuous)", async ({ page }) => {
  await page.goto(paths.home("en"));
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "/assets/none.png";
    document.querySelector("main")?.append(image);
  });
  const failure = await expectNoAxeViolations(page).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt");
  expect(failure).toContain("Images must have alternative text");
});
