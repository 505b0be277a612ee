/** Public pages of the index: home, frameworks, category/area pages, printable views, whole framework. */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { FrameworkView } from "../editions/catalog.ts";
import { outputKey, outputMatches, outputStream, outputsFor } from "../editions/outputs.ts";
import { ancestors, type TreeNode } from "../frameworks/tree.ts";
import { formatDate, type Lang, messages, otherLang } from "../i18n/index.ts";
import { can } from "../policy/index.ts";
import { fragment } from "../ui/fragments.ts";
import type { PrintFooter } from "../ui/layout.tsx";
import { cachedPage } from "../ui/page-cache.ts";
import { FrameworkTexts, textOf } from "../ui/text.tsx";
import { switchLangPath, urls } from "../ui/urls.ts";
import { FullFramework } from "./full.tsx";
import { categoryNav, type FrameworkEntry, FrameworkHome, FrameworkList } from "./home.tsx";
import { ItemPage } from "./item.tsx";
import { printedOn, printPagePieces } from "./print.tsx";

/** Where an editor edits a framework or one of its items (the editor's URLs, given by the app). */
export interface EditUrls {
  framework: (lang: Lang, slug: string) => string;
  item: (lang: Lang, slug: string, id: string) => string;
}

export function indexRoutes(options: { editUrl?: EditUrls } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const frameworkTitle = (view: FrameworkView, lang: Lang) =>
    textOf({ en: view.framework.title_en, fr: view.framework.title_fr }, lang);

  const printFooter = (c: Context<AppEnv>, path: string, view: FrameworkView, lastUpdated: string): PrintFooter => {
    const lang = c.get("lang");
    return {
      url: `${c.get("config").baseUrl}${path}`,
      edition: view.framework.version,
      lastUpdated: formatDate(lastUpdated, lang),
      printedOn: formatDate(new Date().toISOString(), lang),
    };
  };

  /**
   * Where a signed-in editor edits what this page shows; undefined for everyone else. Readers' pages
   * are cached and shared (src/ui/page-cache.ts), signed-in ones never are, so this cannot leak.
   */
  const editLink = (c: Context<AppEnv>, view: FrameworkView, node?: TreeNode) => {
    const edit = options.editUrl;
    if (!edit || !can(c.get("user"), "framework.edit")) return undefined;
    const slug = view.framework.slug;
    return node ? edit.item(c.get("lang"), slug, node.id) : edit.framework(c.get("lang"), slug);
  };

  const renderHome = async (c: Context<AppEnv>, view: FrameworkView | undefined, frameworks?: FrameworkEntry[]) => {
    const lang = c.get("lang");
    if (!view)
      return c.render(<FrameworkList lang={lang} frameworks={[]} />, {
        lang,
        title: messages(lang).homeTitle,
        alternate: switchLangPath(c.req.path, otherLang(lang)),
      });
    return c.render(
      <FrameworkTexts framework={view.framework}>
        <FrameworkHome lang={lang} view={view} frameworks={frameworks} editHref={editLink(c, view)} />
      </FrameworkTexts>,
      {
        lang,
        title: frameworkTitle(view, lang),
        alternate: switchLangPath(c.req.path, otherLang(lang)),
        nav: categoryNav(lang, view),
        // The home page has its own, larger search form.
        hideHeaderSearch: true,
        description: textOf({ en: view.framework.description_en, fr: view.framework.description_fr }, lang),
      },
    );
  };

  // Every page here reads no query parameter: any query string (utm_source…) is the same page.
  const cached = cachedPage();

  // The site's home: the first framework's home (the starter's), listing every framework when there are several.
  app.get("/", cached, async (c) => {
    const catalog = c.get("catalog");
    const views = await Promise.all((await catalog.list()).map((f) => catalog.get(f.slug)));
    const entries = views
      .filter((v) => v !== undefined)
      .map((v) => ({ framework: v.framework, itemCount: v.itemCount }));
    return renderHome(c, await catalog.primary(), entries);
  });

  app.get("/frameworks", cached, async (c) => {
    const lang = c.get("lang");
    const frameworks = await c.get("catalog").list();
    return c.render(<FrameworkList lang={lang} frameworks={frameworks} />, {
      lang,
      title: messages(lang).frameworksTitle,
      alternate: switchLangPath(c.req.path, otherLang(lang)),
    });
  });

  app.get("/frameworks/:slug", cached, async (c) => {
    const view = await c.get("catalog").get(c.req.param("slug"));
    if (!view) return c.notFound();
    return renderHome(c, view);
  });

  app.get("/frameworks/:slug/full", cached, async (c) => {
    const lang = c.get("lang");
    const view = await c.get("catalog").get(c.req.param("slug"));
    if (!view) return c.notFound();
    return c.render(
      <FrameworkTexts framework={view.framework}>
        <FullFramework lang={lang} view={view} editHref={editLink(c, view)} />
      </FrameworkTexts>,
      {
        lang,
        title: frameworkTitle(view, lang),
        alternate: switchLangPath(c.req.path, otherLang(lang)),
        nav: categoryNav(lang, view),
        printFooter: printFooter(c, c.req.path, view, view.lastUpdated),
      },
    );
  });

  app.get("/frameworks/:slug/items/:key", cached, async (c) => {
    const lang = c.get("lang");
    const view = await c.get("catalog").get(c.req.param("slug"));
    const node = view?.byKey.get(c.req.param("key"));
    if (!view || !node) return c.notFound();
    const root: TreeNode = ancestors(node, view.tree.byId)[0] ?? node;
    const path = urls.item(lang, view.framework.slug, view.keys.get(node.id) as string);
    const editHref = editLink(c, view, node);
    const page = () => (
      <FrameworkTexts framework={view.framework}>
        <ItemPage lang={lang} view={view} node={node} editHref={editHref} />
      </FrameworkTexts>
    );
    // A reader's item content depends only on the edition and the language: rendered once per view.
    // An editor's carries their edit link, so it is rendered for them and never kept.
    const content = editHref ? page() : fragment(view, `item:${lang}:${node.id}`, page);
    return c.render(content, {
      lang,
      title: textOf(node.statement, lang),
      alternate: switchLangPath(c.req.path, otherLang(lang)),
      nav: categoryNav(lang, view, root.id),
      printFooter: printFooter(c, path, view, node.lastUpdated),
      description: textOf(node.description, lang) || undefined,
    });
  });
  // The printable view is the same for everyone (no account corner, no form): written out once per
  // edition, language, item and printing day into the output store and streamed from its bytes.
  app.get("/frameworks/:slug/items/:key/print", async (c) => {
    const lang = c.get("lang");
    const catalog = c.get("catalog");
    const revision = await catalog.revision();
    const view = await catalog.get(c.req.param("slug"));
    const node = view?.byKey.get(c.req.param("key"));
    if (!view || !node) return c.notFound();
    const request = { view, node, lang, baseUrl: c.get("config").baseUrl, now: new Date().toISOString() };
    const outputs = outputsFor(catalog, c.get("config").outputCacheMb);
    // The revision too: the page shows the framework's own row (title, edition label), which a
    // write may change without a new edition; a printout is small to write again.
    const format = `print/${view.keys.get(node.id)}/${printedOn(request)}/r${revision}.html`;
    const output = await outputs.get(outputKey(view, revision, lang, format), () => printPagePieces(request));
    c.header("etag", output.etag);
    if (outputMatches(output, c.req.header("if-none-match"))) return c.body(null, 304);
    c.header("content-type", "text/html; charset=UTF-8");
    c.header("content-length", String(output.bytes));
    return c.body(outputStream(output));
  });

  return app;
}
