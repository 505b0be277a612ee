/** The security log for administrators, at /{lang}/admin/security-log (newest first, 50 a page). */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { requirePermission } from "../policy/guard.ts";
import { parseForm, says } from "../ui/forms/index.ts";
import { renderPrivatePage } from "../ui/private-page.ts";
import { listSecurityEvents, SECURITY_EVENT_KINDS } from "./events.ts";
import { SecurityLogPage } from "./log-views.tsx";

/** The filter form: one kind of event, or every kind (empty). */
const logFilter = z.object({
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SECURITY_EVENT_KINDS, says("formChoose")).optional()),
});

export function securityLogRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/security-log", requirePermission("users.manage"), async (c) => {
    // A kind we did not make is said to be one, and the log shows every kind meanwhile.
    const filter = parseForm(logFilter, { kind: c.req.query("kind") });
    const kind = filter.ok ? filter.data.kind : undefined;
    const before = c.req.query("before")?.slice(0, 200);
    const page = await listSecurityEvents(c.var.db, { limit: 50, before, kind });
    const view = (
      <SecurityLogPage
        lang={c.var.lang}
        events={page.events}
        kind={kind}
        errors={filter.ok ? undefined : filter.errors}
        next={page.next}
        paged={Boolean(before)}
      />
    );
    return renderPrivatePage(c, view, messages(c.var.lang).logTitle);
  });
  return app;
}
