/**
 * The "waiting for you" list (/{lang}/orgs/:org/waiting): everyone of the organisation sees what
 * waits for them (tasks.read); and each person's reminder setting (/{lang}/orgs/:org/reminders,
 * reminders.self): each reminder, or a weekly digest. Both are signed-in pages, never cached.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, organisationTimeZone, requireInOrganisation } from "../../people/context.ts";
import { bodyOf, frameOf } from "../../people/organisations/routes.tsx";
import { can } from "../../policy/index.ts";
import { type FieldErrors, parseForm, says } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import type { ReminderMode } from "./planner.ts";
import { loadFacts, reminderMode, saveReminderMode } from "./store.ts";
import { dayOf, tasksFor } from "./tasks.ts";
import { reminderUrls } from "./urls.ts";
import { ReminderSettingsPage, WaitingPage } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;

const membershipOf = (c: Ctx) => c.var.orgActor?.membership ?? null;

export function waitingRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  app.get("/", requireInOrganisation("tasks.read"), async (c) => {
    const membership = membershipOf(c);
    const tasks = tasksFor(
      await loadFacts(c.var.db, c.var.organisation.id),
      { personId: membership?.personId ?? null, administrator: membership?.administrator === true },
      dayOf(new Date(), organisationTimeZone(c)),
    );
    const canChooseReminders =
      c.var.orgActor !== null &&
      can(c.var.orgActor, "reminders.self", { kind: "organisation", organisationId: c.var.organisation.id });
    return renderPrivatePage(
      c,
      <WaitingPage {...frameOf(c)} tasks={tasks} canChooseReminders={canChooseReminders} />,
      messages(c.var.lang).waitingTitle,
    );
  });
  return app;
}

const settingsForm = z.object({ mode: z.enum(["each", "weekly"], says("formChoose")) });

export function reminderRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const self = requireInOrganisation("reminders.self");
  // Past the gate, the actor is a person of the organisation.
  const personOf = (c: Ctx) => membershipOf(c)?.personId as string;

  const page = (c: Ctx, props: { mode: ReminderMode; saved?: boolean; errors?: FieldErrors }, status: Status = 200) =>
    renderPrivatePage(
      c,
      <ReminderSettingsPage {...frameOf(c)} {...props} />,
      messages(c.var.lang).remindersTitle,
      status,
    );

  app.get("/", self, async (c) =>
    page(c, { mode: await reminderMode(c.var.db, personOf(c)), saved: c.req.query("saved") === "1" }),
  );

  app.post("/", self, async (c) => {
    const parsed = parseForm(settingsForm, await bodyOf(c));
    if (!parsed.ok) return page(c, { mode: await reminderMode(c.var.db, personOf(c)), errors: parsed.errors }, 400);
    await saveReminderMode(c.var.db, personOf(c), parsed.data.mode, new Date().toISOString());
    return c.redirect(`${reminderUrls.settings(c.var.lang, c.var.organisation.slug)}?saved=1`, 303);
  });
  return app;
}
