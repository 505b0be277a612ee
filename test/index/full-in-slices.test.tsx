/**
 * The whole-framework page is rendered one area at a time, giving the event loop back between slices
 * (decision 022): the bytes must be those of rendering it at once, however often it pauses, and the
 * page served must carry them.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setImmediate as nextTurn } from "node:timers/promises";
import fc from "fast-check";
import type { FrameworkView } from "../../src/editions/catalog.ts";
import type { Lang } from "../../src/i18n/index.ts";
import { AreaSection, CategorySection, CategorySections } from "../../src/index/full.tsx";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";

const SLUG = "public-library-staff";

/** The sections as one synchronous render: what the page showed before it was sliced. */
function atOnce(lang: Lang, view: FrameworkView): string {
  return view.tree.roots
    .map((category) =>
      String(
        <CategorySection lang={lang} view={view} category={category}>
          {category.children.map((area) => (
            <AreaSection lang={lang} view={view} area={area} />
          ))}
        </CategorySection>,
      ),
    )
    .join("");
}

describe("the whole framework, rendered in slices", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let view: FrameworkView;
  before(async () => {
    t = await makeTestApp();
    view = (await t.catalog.get(SLUG)) as FrameworkView;
    assert.ok(view);
  });
  after(() => t.close());

  test("the same bytes as rendered at once, whichever areas it pauses after", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Lang>("en", "fr"),
        fc.array(fc.boolean(), { maxLength: 40 }),
        async (lang, pauses) => {
          let area = 0;
          const pause = async () => {
            const now = pauses[area++ % Math.max(1, pauses.length)] ?? false;
            if (now) await nextTurn();
            return now;
          };
          const sliced = String(await CategorySections({ lang, view, pause }));
          assert.equal(sliced, atOnce(lang, view));
        },
      ),
      { numRuns: runs(20) },
    );
  });

  test("the page served carries them, in both languages", async () => {
    for (const lang of ["en", "fr"] as Lang[]) {
      const page = await (await t.app.request(`${urls.framework(lang, SLUG)}/full`)).text();
      assert.ok(page.includes(atOnce(lang, view)));
      assert.match(page, new RegExp(`<html lang="${lang}`));
    }
  });
});
