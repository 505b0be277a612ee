/**
 * An item's printable view as a whole page, written out once per edition, language, item and
 * printing day into the output store (src/editions/outputs.ts) and streamed from its bytes with a
 * strong ETag, like the API's whole tree. The print of a category of a large framework is the
 * largest page an item has; it depends on nothing but the edition, the language and the date on
 * the paper (no account corner, no form, no query parameter: its language twin is named without
 * the query string).
 */
import { raw } from "hono/html";
import type { FrameworkView } from "../editions/catalog.ts";
import { ancestors, type TreeNode } from "../frameworks/tree.ts";
import { formatDate, type Lang, otherLang } from "../i18n/index.ts";
import { renderNow } from "../ui/fragments.ts";
import { Layout, type PageProps } from "../ui/layout.tsx";
import { FrameworkTexts, textOf } from "../ui/text.tsx";
import { switchLangPath, urls } from "../ui/urls.ts";
import { categoryNav } from "./home.tsx";
import { ItemPage } from "./item.tsx";

export interface PrintRequest {
  view: FrameworkView;
  node: TreeNode;
  lang: Lang;
  /** The site's public origin (BASE_URL), printed on the paper. */
  baseUrl: string;
  /** When it is printed (an ISO date-time): the paper names the day. */
  now: string;
}

/** What the printed page says of its day, which is part of its key: a new day, new bytes. */
export const printedOn = (request: PrintRequest) => formatDate(request.now, request.lang);

function pageProps(request: PrintRequest): PageProps {
  const { view, node, lang } = request;
  const root: TreeNode = ancestors(node, view.tree.byId)[0] ?? node;
  const key = view.keys.get(node.id) as string;
  const path = urls.itemPrint(lang, view.framework.slug, key);
  return {
    lang,
    title: textOf(node.statement, lang),
    alternate: switchLangPath(path, otherLang(lang)),
    nav: categoryNav(lang, view, root.id),
    variant: "print",
    printFooter: {
      url: `${request.baseUrl}${urls.item(lang, view.framework.slug, key)}`,
      edition: view.framework.version,
      lastUpdated: formatDate(node.lastUpdated, lang),
      printedOn: printedOn(request),
    },
    description: textOf(node.description, lang) || undefined,
  };
}

const content = ({ view, node, lang }: PrintRequest) => (
  <FrameworkTexts framework={view.framework}>
    <ItemPage lang={lang} view={view} node={node} print />
  </FrameworkTexts>
);

/** The page rendered in one go, as the renderer would (the reference the pieces are held to). */
export function printPageHtml(request: PrintRequest): string {
  return `<!DOCTYPE html>${renderNow(<Layout {...pageProps(request)}>{content(request)}</Layout>)}`;
}

const MARK = "\u0000print-content\u0000";

/**
 * The same page as pieces for the output store, which gives the event loop back between them: the
 * shell before the content, the item's content, the shell after it.
 */
export function* printPagePieces(request: PrintRequest): Generator<string> {
  const shell = `<!DOCTYPE html>${renderNow(<Layout {...pageProps(request)}>{raw(MARK)}</Layout>)}`;
  const at = shell.indexOf(MARK);
  yield shell.slice(0, at);
  yield renderNow(content(request));
  yield shell.slice(at + MARK.length);
}
