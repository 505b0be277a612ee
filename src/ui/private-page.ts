/** How a page that is nobody else's is answered (accounts, administration, the security log). */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { type Lang, otherLang } from "../i18n/index.ts";
import { switchLangPath } from "./urls.ts";

export type Status = 200 | 201 | 400 | 403 | 404 | 409 | 429;

/** A page never cached anywhere, with its other-language twin and no header search. */
export function renderPrivatePage<E extends { Variables: { lang: Lang } }>(
  c: Context<E>,
  view: Child,
  title: string,
  status: Status = 200,
) {
  const lang = c.var.lang;
  c.status(status);
  c.header("cache-control", "no-store");
  return c.render(view, {
    lang,
    title,
    alternate: switchLangPath(c.req.path, otherLang(lang)),
    hideHeaderSearch: true,
  });
}
