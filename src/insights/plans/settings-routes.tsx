/**
 * The organisation's settings for development plans, /{lang}/orgs/:org/plans/settings: how many
 * goals a plan may hold (`max_plan_goals`, 1–12, src/insights/settings.ts). Its administrators (HR)
 * only, like the organisation's other settings; the change goes to the organisation's history.
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../../people/context.ts";
import { authorOf, recordChange } from "../../people/organisations/changes.ts";
import { frameOf } from "../../people/organisations/routes.tsx";

import { formBody } from "../../security/form-body.ts";
import { parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage } from "../../ui/private-page.ts";
import { planSettings, withMaxPlanGoals } from "../settings.ts";
import { settingsForm } from "./forms.ts";
import { PlanSettingsPage } from "./list-view.tsx";
import { planUrls } from "./urls.ts";

type Ctx = Context<OrganisationEnv>;

export function planSettingsRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const administer = requireInOrganisation("organisation.administer");
  const t = (c: Ctx) => messages(c.var.lang);

  app.get("/settings", administer, (c) =>
    renderPrivatePage(
      c,
      <PlanSettingsPage
        frame={frameOf(c)}
        values={{ max_plan_goals: String(planSettings(c.var.organisation.settings).maxPlanGoals) }}
        notice={c.req.query("done") === "saved" ? t(c).planSettingsSaved : undefined}
      />,
      t(c).planSettingsTitle,
    ),
  );

  app.post("/settings", administer, async (c) => {
    const body = ((await formBody(c as never)) ?? {}) as Record<string, unknown>;
    const parsed = parseForm(settingsForm, body);
    if (!parsed.ok)
      return renderPrivatePage(
        c,
        <PlanSettingsPage
          frame={frameOf(c)}
          values={{ max_plan_goals: typeof body.max_plan_goals === "string" ? body.max_plan_goals.slice(0, 20) : "" }}
          errors={parsed.errors}
        />,
        t(c).planSettingsTitle,
        400,
      );
    const organisation = c.var.organisation;
    const before = planSettings(organisation.settings).maxPlanGoals;
    await c.var.db.transaction().execute(async (trx) => {
      // Read again inside the transaction, so another setting saved meanwhile is kept.
      const row = await trx
        .selectFrom("organisations")
        .select("settings")
        .where("id", "=", organisation.id)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("organisations")
        .set({
          settings: withMaxPlanGoals(row.settings, parsed.data.max_plan_goals),
          updated_at: new Date().toISOString(),
        })
        .where("id", "=", organisation.id)
        .execute();
      await recordChange(trx, authorOf(c.var.orgActor as NonNullable<typeof c.var.orgActor>), {
        organisationId: organisation.id,
        subject: "organisation",
        subjectId: organisation.id,
        action: "update",
        before: { max_plan_goals: before },
        after: { max_plan_goals: parsed.data.max_plan_goals },
      });
    });
    return c.redirect(`${planUrls.settings(c.var.lang, organisation.slug)}?done=saved`, 303);
  });

  return app;
}
