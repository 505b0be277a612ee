import type { Framework } from "../db/schema.ts";
import type { FrameworkView } from "../editions/catalog.ts";
import { type Lang, messages } from "../i18n/index.ts";
import { Form, Submit, TextField } from "../ui/forms/index.ts";
import type { NavLink } from "../ui/layout.tsx";
import { FrameworkTexts, Text, textOf } from "../ui/text.tsx";
import { urls } from "../ui/urls.ts";
import { AdoptedFromNote } from "./provenance.tsx";

/** A published framework as the site's home page lists it, with the way to its own home. */
export interface FrameworkEntry {
  framework: Framework;
  itemCount: number;
}

/**
 * The framework's front page: what it is, its categories each listing its areas, a search box. The
 * site's home page is the first framework's (the starter's), listing every framework when there
 * are several.
 */
export function FrameworkHome(props: {
  lang: Lang;
  view: FrameworkView;
  /** Every published framework, when the site has several (only on the site's home page). */
  frameworks?: FrameworkEntry[];
  /** Where a signed-in editor edits this framework. */
  editHref?: string;
}) {
  const { lang, view } = props;
  const t = messages(lang);
  const slug = view.framework.slug;
  const f = view.framework;
  return (
    <>
      <h1>
        <Text text={{ en: f.title_en, fr: f.title_fr }} lang={lang} />
      </h1>
      <p class="lead">
        <Text text={{ en: f.description_en, fr: f.description_fr }} lang={lang} />
      </p>
      <AdoptedFromNote lang={lang} view={view} />
      <Form lang={lang} method="get" action={urls.search(lang)} class="home-search" role="search">
        <TextField
          bare
          name="q"
          id="home-q"
          type="search"
          label={t.searchLabel}
          autocomplete="off"
          placeholder={t.searchPlaceholder}
        />{" "}
        <Submit>{t.searchButton}</Submit>
      </Form>
      {props.editHref && (
        <p class="page-actions">
          <a href={props.editHref} aria-label={t.editThisLabel(textOf({ en: f.title_en, fr: f.title_fr }, lang))}>
            {t.editThis}
          </a>
        </p>
      )}
      {props.frameworks && props.frameworks.length > 1 && <FrameworkEntries lang={lang} entries={props.frameworks} />}
      <h2>{t.categoriesHeading}</h2>
      <ul class="categories">
        {view.tree.roots.map((category) => (
          <li>
            <h3>
              <a href={urls.item(lang, slug, view.keys.get(category.id) as string)}>
                <Text text={category.statement} lang={lang} />
              </a>
            </h3>
            <ul>
              {category.children.map((area) => (
                <li>
                  <a href={urls.item(lang, slug, view.keys.get(area.id) as string)}>
                    <Text text={area.statement} lang={lang} />
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p class="page-actions">
        <a href={urls.full(lang, slug)}>{t.wholeFramework}</a>
        <span class="meta">
          {t.edition(f.version)} · {t.itemCount(view.itemCount)}
        </span>
        {view.edition && <a href={urls.editions(lang, slug)}>{t.editionsLink}</a>}
      </p>
    </>
  );
}

/** Every published framework, the starter first, each linked to its own home. */
function FrameworkEntries(props: { lang: Lang; entries: FrameworkEntry[] }) {
  const { lang } = props;
  const t = messages(lang);
  return (
    <section aria-labelledby="home-frameworks">
      <h2 id="home-frameworks">{t.homeFrameworksHeading}</h2>
      <ul class="framework-entries">
        {props.entries.map(({ framework: f, itemCount }) => (
          <li>
            <a href={urls.framework(lang, f.slug)}>
              <Text text={{ en: f.title_en, fr: f.title_fr }} lang={lang} />
            </a>
            <span class="meta">
              {" "}
              · {t.edition(f.version)} · {t.homeFrameworkItems(itemCount)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FrameworkList(props: { lang: Lang; frameworks: Framework[] }) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.frameworksTitle}</h1>
      <p class="lead">{t.frameworksIntro}</p>
      {props.frameworks.length === 0 ? (
        <p>{t.noFrameworks}</p>
      ) : (
        <ul class="area-list">
          {props.frameworks.map((f) => (
            <li>
              <h2>
                <a href={urls.framework(props.lang, f.slug)}>
                  <FrameworkTexts framework={f}>
                    <Text text={{ en: f.title_en, fr: f.title_fr }} lang={props.lang} />
                  </FrameworkTexts>
                </a>
              </h2>
              <p class="meta">
                {t.edition(f.version)}
                {f.publisher && <> · {f.publisher}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const navs = new WeakMap<FrameworkView, Map<string, readonly NavLink[]>>();

/**
 * The categories as the page header's navigation. The same frozen list per view, language and
 * current category, so the layout renders it once (src/ui/fragments.ts); a new edition's view
 * starts afresh.
 */
export function categoryNav(lang: Lang, view: FrameworkView, currentRootId?: string): readonly NavLink[] {
  let byKey = navs.get(view);
  if (!byKey) {
    byKey = new Map();
    navs.set(view, byKey);
  }
  const key = `${lang}:${currentRootId ?? ""}`;
  let nav = byKey.get(key);
  if (!nav) {
    nav = Object.freeze(
      view.tree.roots.map((root) => ({
        href: urls.item(lang, view.framework.slug, view.keys.get(root.id) as string),
        label: textOf(root.statement, lang),
        current: root.id === currentRootId,
      })),
    );
    // Only a root's id names a current category: anything else would be the plain list again.
    if (currentRootId === undefined || view.tree.roots.some((root) => root.id === currentRootId)) byKey.set(key, nav);
  }
  return nav;
}
