/** The page shell every HTML page shares: lang, skip link, landmarks, language switch, print footer. */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { escapeToBuffer } from "hono/utils/html";
import { type Lang, messages, otherLang } from "../i18n/index.ts";
import { assetUrl } from "./assets.ts";
import { Form, Submit, TextField } from "./forms/index.ts";
import { fragment } from "./fragments.ts";

export interface NavLink {
  href: string;
  label: string;
  lang?: Lang;
  current?: boolean;
}

export interface PrintFooter {
  /** Absolute URL of the page, shown on paper. */
  url: string;
  edition?: string;
  lastUpdated?: string;
  printedOn: string;
}

export interface PageProps {
  lang: Lang;
  title: string;
  /** The same page in the other language. */
  alternate?: string;
  /** Frozen (an edition's category navigation, src/index/home.tsx): rendered once per language. */
  nav?: readonly NavLink[];
  /** Hide the header search box (the search page has its own). */
  hideHeaderSearch?: boolean;
  printFooter?: PrintFooter;
  /** "print" renders the page without navigation, for the printable view. */
  variant?: "default" | "print";
  description?: string;
}

declare module "hono" {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: hono's ContextRenderer is an interface; only an interface merges with it (a type alias would shadow it, and c.render would lose its props)
    (content: Child, props: PageProps): Response | Promise<Response>;
  }
}

/**
 * `headerEnd` comes from the renderer (src/app.tsx), not from pages: what the header shows at its end
 * for the person asking (the editor's link, the account corner). The shell knows nothing of accounts.
 */
export function Layout(props: PageProps & { children?: Child; headerEnd?: Child }) {
  const t = messages(props.lang);
  const other = otherLang(props.lang);
  const print = props.variant === "print";
  return (
    <html lang={props.lang === "fr" ? "fr-CA" : "en-CA"}>
      <head>
        {fragment(SHELL, "head", () => (
          <>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            {/* The CSP forbids inline styles, so htmx must not inject its indicator stylesheet. */}
            <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
          </>
        ))}
        {raw(pageMetadata(`${props.title} — ${t.siteName}`, props.description))}
        {fragment(SHELL, "assets", () => (
          <>
            <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
            <link rel="stylesheet" href={assetUrl("app.css")} />
          </>
        ))}
        {props.alternate && raw(alternateLink(other, props.alternate))}
        {fragment(SHELL, "scripts", () => (
          <>
            <script src={assetUrl("htmx.min.js")} defer></script>
            <script src={assetUrl("app.js")} defer></script>
          </>
        ))}
      </head>
      <body class={print ? "print-view" : undefined}>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-name" href={`/${props.lang}`}>
              {t.siteName}
            </a>
            {props.alternate && (
              <a
                class="lang-switch"
                href={props.alternate}
                hreflang={other}
                lang={other}
                aria-label={t.languageSwitchLabel}
              >
                {t.languageSwitch}
              </a>
            )}
            {!props.hideHeaderSearch &&
              !print &&
              fragment(SHELL, `search:${props.lang}`, () => <HeaderSearch lang={props.lang} />)}
            {!print && props.headerEnd}
          </div>
          {props.nav &&
            props.nav.length > 0 &&
            !print &&
            // A frozen list (an edition's category navigation) is rendered once per language.
            (Object.isFrozen(props.nav) ? (
              fragment(props.nav, props.lang, () => <PrimaryNav lang={props.lang} nav={props.nav ?? []} />)
            ) : (
              <PrimaryNav lang={props.lang} nav={props.nav} />
            ))}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          {props.printFooter && <PrintFooterBlock lang={props.lang} title={props.title} footer={props.printFooter} />}
          {fragment(SHELL, `footer:${props.lang}`, () => (
            <p class="screen-only">
              {t.footerAbout} <a href="/api/v1/openapi.json">{t.apiLink}</a>
            </p>
          ))}
        </footer>
      </body>
    </html>
  );
}

/**
 * The head's tags that change from page to page, written as the markup hono's JSX gives them (its
 * own escaping): `<title>`, `<meta>` and `<link>` are hono's document-metadata elements, each
 * rendered through a context provider and a callback (about 6 % of a rendered area page's CPU), for
 * a placement this head does not need (test/ui/layout-head.test.tsx holds the bytes to hono's).
 */
export function pageMetadata(title: string, description?: string): string {
  const meta = description ? `<meta name="description" content="${escaped(description)}"/>` : "";
  return `<title>${escaped(title)}</title>${meta}`;
}

export function alternateLink(lang: Lang, href: string): string {
  return `<link rel="alternate" hreflang="${lang}" href="${escaped(href)}"/>`;
}

function escaped(text: string): string {
  const buffer: [string] = [""];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

/** The shell's parts that are the same on every page of a language (src/ui/fragments.ts). */
const SHELL = {};

function HeaderSearch(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <Form lang={props.lang} method="get" action={`/${props.lang}/search`} class="header-search" role="search">
      <TextField
        bare
        labelHidden
        name="q"
        id="header-q"
        type="search"
        label={t.searchLabel}
        placeholder={t.searchPlaceholder}
        autocomplete="off"
      />
      <Submit>{t.searchButton}</Submit>
    </Form>
  );
}

function PrimaryNav(props: { lang: Lang; nav: readonly NavLink[] }) {
  return (
    <nav class="primary-nav" aria-label={messages(props.lang).primaryNav}>
      <ul>
        {props.nav.map((link) => (
          <li>
            <a href={link.href} lang={link.lang} aria-current={link.current ? "page" : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PrintFooterBlock(props: { lang: Lang; title: string; footer: PrintFooter }) {
  const t = messages(props.lang);
  const f = props.footer;
  return (
    <div class="print-footer">
      <p>
        <strong>{props.title}</strong>
        {f.edition && <> · {t.edition(f.edition)}</>}
        {f.lastUpdated && <> · {t.lastUpdatedOn(f.lastUpdated)}</>} · {t.printedOn(f.printedOn)}
      </p>
      <p>
        {t.printedFrom} <span class="print-url">{f.url}</span>
      </p>
      <p>{t.printCheck}</p>
    </div>
  );
}
