/** How the staff pages answer: a personal page is nobody else's to cache (private, no-store). */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { otherLang } from "../../i18n/index.ts";
import { switchLangPath } from "../../ui/urls.ts";
import type { OrganisationEnv } from "../context.ts";

export function renderStaffPage(
  c: Context<OrganisationEnv>,
  view: Child,
  title: string,
  status: 200 | 400 | 409 = 200,
) {
  c.status(status);
  c.header("cache-control", "private, no-store");
  return c.render(view, {
    lang: c.var.lang,
    title,
    alternate: switchLangPath(c.req.path, otherLang(c.var.lang)),
    hideHeaderSearch: true,
  });
}
