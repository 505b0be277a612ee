/**
 * Earlier editions for readers: /{lang}/frameworks/{slug}/editions lists them, and every index page
 * exists again under …/editions/{n}/, rendered by the same views from that edition's snapshot.
 */
import { type Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../app-env.ts";
import type { FrameworkView } from "../editions/catalog.ts";
import { ancestors, type TreeNode } from "../frameworks/tree.ts";
import { formatDate, type Lang, messages, otherLang } from "../i18n/index.ts";
import { cachedPage } from "../ui/page-cache.ts";
import { FrameworkTexts, textOf } from "../ui/text.tsx";
import { editionUrls, switchLangPath } from "../ui/urls.ts";
import { EditionList, EditionNote } from "./edition-views.tsx";
import { FullFramework } from "./full.tsx";
import { categoryNav, FrameworkHome } from "./home.tsx";
import { ItemPage } from "./item.tsx";

type EditionContext = Context<AppEnv>;

/**
 * An edition's view as the index views need it: its slug carries the edition's path, so every link
 * they build stays within this edition.
 */
function withinEdition(view: FrameworkView, slug: string, number: number): FrameworkView {
  return { ...view, edition: undefined, framework: { ...view.framework, slug: editionUrls.viewSlug(slug, number) } };
}

export function editionRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Earlier editions' pages read no query parameter either: cached whatever the query string.
  const cached = cachedPage();

  app.get("/frameworks/:slug/editions", cached, async (c) => {
    const lang = c.var.lang;
    const slug = c.req.param("slug");
    const [view, editions] = await Promise.all([c.var.catalog.get(slug), c.var.catalog.editions(slug)]);
    if (!view || !editions) return c.notFound();
    return c.render(<EditionList lang={lang} view={view} editions={editions} />, {
      lang,
      title: messages(lang).editionsTitle(textOf({ en: view.framework.title_en, fr: view.framework.title_fr }, lang)),
      alternate: switchLangPath(c.req.path, otherLang(lang)),
    });
  });

  /** The edition asked for, or undefined (unknown framework, edition, or a number that is not one). */
  const load = async (c: EditionContext) => {
    const slug = c.req.param("slug") ?? "";
    const text = c.req.param("n") ?? "";
    if (!/^[1-9]\d{0,8}$/.test(text)) return undefined;
    const number = Number(text);
    const [view, current] = await Promise.all([c.var.catalog.edition(slug, number), c.var.catalog.get(slug)]);
    if (!view?.edition || !current) return undefined;
    return {
      slug,
      number,
      view: withinEdition(view, slug, number),
      note: { number, publishedAt: view.edition.publishedAt, current: current.edition?.number === number },
    };
  };

  const page = (
    c: EditionContext,
    lang: Lang,
    found: NonNullable<Awaited<ReturnType<typeof load>>>,
    body: Child,
    title: string,
    extra: { nav?: ReturnType<typeof categoryNav>; variant?: "print"; lastUpdated?: string } = {},
  ) =>
    c.render(
      <>
        <EditionNote lang={lang} slug={found.slug} {...found.note} />
        <FrameworkTexts framework={found.view.framework}>{body}</FrameworkTexts>
      </>,
      {
        lang,
        title: `${title} — ${messages(lang).editorEditionN(found.number)}`,
        alternate: switchLangPath(c.req.path, otherLang(lang)),
        nav: extra.nav,
        variant: extra.variant,
        printFooter: extra.lastUpdated
          ? {
              url: `${c.var.config.baseUrl}${c.req.path}`,
              edition: String(found.number),
              lastUpdated: formatDate(extra.lastUpdated, lang),
              printedOn: formatDate(new Date().toISOString(), lang),
            }
          : undefined,
      },
    );

  const frameworkTitle = (view: FrameworkView, lang: Lang) =>
    textOf({ en: view.framework.title_en, fr: view.framework.title_fr }, lang);

  app.get("/frameworks/:slug/editions/:n", cached, async (c) => {
    const lang = c.var.lang;
    const found = await load(c);
    if (!found) return c.notFound();
    return page(c, lang, found, <FrameworkHome lang={lang} view={found.view} />, frameworkTitle(found.view, lang), {
      nav: categoryNav(lang, found.view),
    });
  });

  app.get("/frameworks/:slug/editions/:n/full", cached, async (c) => {
    const lang = c.var.lang;
    const found = await load(c);
    if (!found) return c.notFound();
    return page(c, lang, found, <FullFramework lang={lang} view={found.view} />, frameworkTitle(found.view, lang), {
      nav: categoryNav(lang, found.view),
      lastUpdated: found.view.lastUpdated,
    });
  });

  const itemPage = (print: boolean) => async (c: EditionContext) => {
    const lang = c.var.lang;
    const found = await load(c);
    const node = found?.view.byKey.get(c.req.param("key") ?? "");
    if (!found || !node) return c.notFound();
    const root: TreeNode = ancestors(node, found.view.tree.byId)[0] ?? node;
    return page(
      c,
      lang,
      found,
      <ItemPage lang={lang} view={found.view} node={node} print={print} />,
      textOf(node.statement, lang),
      {
        nav: categoryNav(lang, found.view, root.id),
        variant: print ? "print" : undefined,
        lastUpdated: node.lastUpdated,
      },
    );
  };

  app.get("/frameworks/:slug/editions/:n/items/:key", cached, itemPage(false));
  app.get("/frameworks/:slug/editions/:n/items/:key/print", cached, itemPage(true));

  return app;
}
