/**
 * How the privacy pages and files are answered: the person's own, never cached, pages with their
 * other-language twin, files as downloads.
 */
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

/** The organisation's name in the request's language. */
export const organisationName = (c: Context<OrganisationEnv>) =>
  c.var.lang === "fr" ? c.var.organisation.name_fr : c.var.organisation.name_en;

/** A personal file: never kept by a cache, saved under a name no header or file system misreads. */
export const downloadHeaders = (filename: string) => ({
  "cache-control": "private, no-store",
  "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
});
