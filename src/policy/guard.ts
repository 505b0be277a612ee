/**
 * `requirePermission(action)`: the one gate routes put in front of their handler. It asks the
 * policy (`can`) and answers a refusal the way the caller can use it:
 *   - anonymous, a page in a browser → 303 to /{lang}/sign-in?next=<this page>
 *   - anonymous, htmx or JSON → 401 (htmx also gets HX-Redirect to the sign-in page)
 *   - signed in without the permission → 403, a translated page (or a short body for htmx/JSON)
 * A person holding a temporary password is sent to choose their own before anything else.
 */
import type { MiddlewareHandler } from "hono";
import { urls } from "../ui/urls.ts";
import { type Action, can, type PolicyEnv } from "./index.ts";
import { refusalResponse, requestKind } from "./refusal.tsx";

export function requirePermission(action: Action): MiddlewareHandler<PolicyEnv> {
  return async function requirePermission(c, next) {
    const user = c.var.user;
    const lang = c.var.lang;
    if (can(user, action)) {
      if (user && action !== "account.self" && c.var.passwordChangeDue) {
        if (requestKind(c) !== "html") return refusalResponse(c, 403, "forbidden");
        return c.redirect(urls.password(lang), 303);
      }
      return next();
    }
    if (user) return refusalResponse(c, 403, "forbidden");
    const kind = requestKind(c);
    const url = new URL(c.req.url);
    // Only a page that was being read is worth coming back to; a refused form post is not.
    const back = c.req.method === "GET" ? `${url.pathname}${url.search}` : undefined;
    if (kind === "html") return c.redirect(urls.signIn(lang, back), 303);
    if (kind === "htmx") c.header("hx-redirect", urls.signIn(lang, currentPageOf(c.req.header("hx-current-url"))));
    return refusalResponse(c, 401, "signIn");
  };
}

function currentPageOf(htmxCurrentUrl: string | undefined): string | undefined {
  if (!htmxCurrentUrl) return undefined;
  try {
    const url = new URL(htmxCurrentUrl);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}
