import { setImmediate as nextTurn } from "node:timers/promises";
import { raw } from "hono/html";
import type { FrameworkView } from "../editions/catalog.ts";
import type { TreeNode } from "../frameworks/tree.ts";
import { formatDate, type Lang, messages } from "../i18n/index.ts";
import { SLICE_MS } from "../slices.ts";
import { Text, textOf } from "../ui/text.tsx";
import { Subtree } from "./item.tsx";
import { AdoptedFromNote } from "./provenance.tsx";

const anchor = (view: FrameworkView, node: TreeNode) => `item-${view.keys.get(node.id)}`;

/** The whole framework on one page, with a table of contents: for printing or saving as PDF. */
export function FullFramework(props: { lang: Lang; view: FrameworkView; editHref?: string }) {
  const { lang, view } = props;
  const t = messages(lang);
  const f = view.framework;
  return (
    <>
      <h1>
        <Text text={{ en: f.title_en, fr: f.title_fr }} lang={lang} />
      </h1>
      <p class="lead">{t.wholeFrameworkIntro}</p>
      <p class="meta">
        {t.edition(f.version)} · {t.lastUpdatedOn(formatDate(view.lastUpdated, lang))}
      </p>
      <AdoptedFromNote lang={lang} view={view} />
      <p class="page-actions">
        <button type="button" data-print class="js-only" hidden>
          {t.print}
        </button>
        {props.editHref && (
          <a href={props.editHref} aria-label={t.editThisLabel(textOf({ en: f.title_en, fr: f.title_fr }, lang))}>
            {t.editThis}
          </a>
        )}
      </p>
      <nav class="toc" id="contents" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{t.contents}</h2>
        <ol>
          {view.tree.roots.map((category) => (
            <li>
              <a href={`#${anchor(view, category)}`}>
                <Text text={category.statement} lang={lang} />
              </a>
              {category.children.length > 0 && (
                <ol>
                  {category.children.map((area) => (
                    <li>
                      <a href={`#${anchor(view, area)}`}>
                        <Text text={area.statement} lang={lang} />
                      </a>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <CategorySections lang={lang} view={view} />
    </>
  );
}

/**
 * The categories and their areas, rendered one area at a time; between areas, once a slice of time
 * has been used (src/slices.ts), the event loop is given back: a 50,000-item framework's page (3 to
 * 5 MB) then delays other readers by one slice, not by its whole render. The bytes are the same as
 * rendered at once. `pause` is for tests.
 */
export async function CategorySections(props: {
  lang: Lang;
  view: FrameworkView;
  pause?: (sliceStarted: number) => Promise<boolean>;
}) {
  const { lang, view } = props;
  const pause = props.pause ?? pauseAfterSlice;
  const parts: string[] = [];
  let sliceStarted = performance.now();
  for (const category of view.tree.roots) {
    const areas: string[] = [];
    for (const area of category.children) {
      areas.push(String(<AreaSection lang={lang} view={view} area={area} />));
      if (await pause(sliceStarted)) sliceStarted = performance.now();
    }
    parts.push(
      String(
        <CategorySection lang={lang} view={view} category={category}>
          {raw(areas.join(""))}
        </CategorySection>,
      ),
    );
  }
  return raw(parts.join(""));
}

/** Gives the event loop back once SLICE_MS have been used; true when it did. */
async function pauseAfterSlice(sliceStarted: number): Promise<boolean> {
  if (performance.now() - sliceStarted < SLICE_MS) return false;
  await nextTurn();
  return true;
}

export function CategorySection(props: { lang: Lang; view: FrameworkView; category: TreeNode; children: unknown }) {
  const { lang, view, category } = props;
  return (
    <section class="category-section" aria-labelledby={anchor(view, category)}>
      <h2 id={anchor(view, category)}>
        <Text text={category.statement} lang={lang} marker />
      </h2>
      {(category.description.en || category.description.fr) && (
        <p>
          <Text text={category.description} lang={lang} />
        </p>
      )}
      {props.children}
      {category.children.length === 0 && <BackToContents lang={lang} />}
    </section>
  );
}

export function AreaSection(props: { lang: Lang; view: FrameworkView; area: TreeNode }) {
  const { lang, view, area } = props;
  const t = messages(lang);
  return (
    <section class="area-section" aria-labelledby={anchor(view, area)}>
      <h3 id={anchor(view, area)}>
        <Text text={area.statement} lang={lang} marker />
      </h3>
      {(area.description.en || area.description.fr) && (
        <p>
          <Text text={area.description} lang={lang} />
        </p>
      )}
      <p class="meta">
        {t.lastUpdatedOn("")}
        <time datetime={area.lastUpdated.slice(0, 10)}>{formatDate(area.lastUpdated, lang)}</time>
      </p>
      <Subtree lang={lang} view={view} nodes={area.children} level={4} />
      <BackToContents lang={lang} />
    </section>
  );
}

/** After each area: back up to the table of contents (a long page; not printed). */
function BackToContents(props: { lang: Lang }) {
  return (
    <p class="back-to-contents screen-only">
      <a href="#contents">{messages(props.lang).navBackToContents}</a>
    </p>
  );
}
