/**
 * A keyboard-only journey: skip link, then Tab and Enter from the home page to a category and on to
 * an area. Every element that takes focus on the way must show it (outline ≥ 2px or a box shadow)
 * and be scrolled into view.
 */
import { expect, expectVisibleFocus, type Page, paths, starter, test } from "./fixtures.ts";

const MAX_TABS = 80;

/** Tabs forward, checking each stop, until the focused link's text is `name`. */
async function tabTo(page: Page, name: string): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press("Tab");
    const state = await expectVisibleFocus(page);
    seen.push(`<${state.tag}> ${state.text}`);
    if (state.tag === "a" && state.text === name) return;
  }
  throw new Error(
    `"${name}" was not reached in ${MAX_TABS} presses of Tab; focus went through:\n  ${seen.join("\n  ")}`,
  );
}

/** From the top of a fresh page: the first Tab shows the skip link, Enter moves focus to main. */
async function skipToMain(page: Page, label: string): Promise<void> {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: label });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
}

for (const lang of ["en", "fr"] as const) {
  test(`keyboard only (${lang.toUpperCase()}): skip link, home → category → area, focus always visible`, async ({
    page,
  }) => {
    const skipLabel = lang === "en" ? "Skip to main content" : "Passer au contenu principal";
    await page.goto(paths.home(lang));
    await skipToMain(page, skipLabel);

    await tabTo(page, starter.category[lang]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(paths.item(lang, starter.category.key));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(starter.category[lang]);

    await skipToMain(page, skipLabel);
    await tabTo(page, starter.area[lang]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(paths.item(lang, starter.area.key));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(starter.area[lang]);

    // On the area page the Print control is reachable and shows its focus too.
    await skipToMain(page, skipLabel);
    await tabTo(page, lang === "en" ? "Print" : "Imprimer");
  });
}
