/** How a refused request is answered: a translated page for people, a short body for htmx and JSON. */
import type { Context } from "hono";
import { messages } from "../i18n/index.ts";
import { urls } from "../ui/urls.ts";
import type { PolicyEnv } from "./index.ts";

export type RefusalKind = "forbidden" | "csrf" | "signIn" | "tooLarge" | "malformed";

/** htmx requests and API/JSON clients get no HTML page; browsers navigating do. */
export function requestKind(c: Context): "html" | "htmx" | "json" {
  if (c.req.header("hx-request") === "true") return "htmx";
  if (c.req.path.startsWith("/api/")) return "json";
  const accept = c.req.header("accept") ?? "";
  if (accept.includes("application/json") && !accept.includes("text/html")) return "json";
  return "html";
}

function text<E extends PolicyEnv>(c: Context<E>, kind: RefusalKind): { title: string; body: string } {
  const t = messages(c.var.lang);
  if (kind === "csrf") return { title: t.authCsrfTitle, body: t.authCsrfBody };
  if (kind === "signIn") return { title: t.authSignInRequired, body: t.authSignInRequired };
  if (kind === "tooLarge") return { title: t.requestTooLargeTitle, body: t.requestTooLargeTitle };
  if (kind === "malformed") return { title: t.requestMalformedTitle, body: t.requestMalformedBody };
  return { title: t.authForbiddenTitle, body: t.authForbiddenBody };
}

const JSON_ERRORS: Record<RefusalKind, string> = {
  forbidden: "forbidden",
  csrf: "forbidden",
  signIn: "unauthorized",
  tooLarge: "too_large",
  malformed: "bad_request",
};

/** `body` replaces the kind's usual explanation (e.g. a limit that depends on the route). */
export function refusalResponse<E extends PolicyEnv>(
  c: Context<E>,
  status: 400 | 401 | 403 | 413,
  kind: RefusalKind,
  body: string = text(c, kind).body,
): Response | Promise<Response> {
  const { title } = text(c, kind);
  const requested = requestKind(c);
  c.header("cache-control", "no-store");
  if (requested === "json") return c.json({ error: JSON_ERRORS[kind], message: body }, status);
  if (requested === "htmx") return c.text(body, status);
  const lang = c.var.lang;
  c.status(status);
  return c.render(
    <>
      <h1>{title}</h1>
      <p class="lead">{body}</p>
      <p>
        <a href={urls.home(lang)}>{messages(lang).goHome}</a>
      </p>
    </>,
    { lang, title },
  );
}
