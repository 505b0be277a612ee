/** How the privacy pages are answered: the person's own, never cached, with their other-language twin. */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { otherLang } from "../../i18n/index.ts";
import { switchLangPath } from "../../ui/urls.ts";
import type { OrganisationEnv } from "../context.ts";

export function renderPersonalPage(
  c: Context<OrganisationEnv>,
  view: Child,
  title: string,
  status: 200 | 400 | 404 = 200,
) {
  const lang = c.var.lang;
  c.status(status);
  c.header("cache-control", "private, no-store");
  const url = new URL(c.req.url);
  return c.render(view, {
    lang,
    title,
    alternate: c.req.method === "GET" ? switchLangPath(`${url.pathname}${url.search}`, otherLang(lang)) : undefined,
    hideHeaderSearch: true,
  });
}
