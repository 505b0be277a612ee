/** The security log for administrators, at /{lang}/admin/security-log (newest first, 50 a page). */
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { requirePermission } from "../policy/guard.ts";
import { renderPrivatePage } from "../ui/private-page.ts";
import { isSecurityEventKind, listSecurityEvents } from "./events.ts";
import { SecurityLogPage } from "./log-views.tsx";

export function securityLogRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/security-log", requirePermission("users.manage"), async (c) => {
    const kindParam = c.req.query("kind");
    const kind = isSecurityEventKind(kindParam) ? kindParam : undefined;
    const before = c.req.query("before")?.slice(0, 200);
    const page = await listSecurityEvents(c.var.db, { limit: 50, before, kind });
    const view = (
      <SecurityLogPage lang={c.var.lang} events={page.events} kind={kind} next={page.next} paged={Boolean(before)} />
    );
    return renderPrivatePage(c, view, messages(c.var.lang).logTitle);
  });
  return app;
}
