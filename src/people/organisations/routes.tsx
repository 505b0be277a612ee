/**
 * An organisation's own pages under /{lang}/orgs/:org: its home, settings (names, default language,
 * web address name), administrators and change history. Each route asks the policy through
 * `requireInOrganisation`; nothing here decides who may do what.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { findUserByEmail } from "../../auth/accounts.ts";
import { messages } from "../../i18n/index.ts";
import { can, type OrganisationAction } from "../../policy/index.ts";
import { formBody } from "../../security/form-body.ts";
import { type FieldErrors, type FormValues, parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { type OrganisationEnv, organisationTimeZone, requireInOrganisation } from "../context.ts";
import { echo } from "./admin-routes.tsx";
import { authorOf, CHANGE_SUBJECTS, type ChangeSubject, listChanges } from "./changes.ts";
import { administratorForm, organisationSettingsForm } from "./schemas.ts";
import {
  appointAdministrator,
  listAdministrators,
  organisationName,
  removeAdministrator,
  SlugTakenError,
  updateOrganisation,
} from "./store.ts";
import { orgUrls } from "./urls.ts";
import { HistoryPage, HomePage, type OrganisationFrame, RolesPage, SettingsPage } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;

/** The form body (read once by the request protection, src/security/form-body.ts). */
export const bodyOf = (c: Ctx) => formBody(c as unknown as Context<AppEnv>);

const HISTORY_PAGE_SIZE = 50;

/** The organisation's name, address and the links the policy lets this actor follow. */
export function frameOf(c: Ctx): OrganisationFrame {
  const organisation = c.var.organisation;
  const actor = c.var.orgActor;
  const resource = { kind: "organisation", organisationId: organisation.id } as const;
  const allowed = (action: OrganisationAction) => actor !== null && can(actor, action, resource);
  return {
    lang: c.var.lang,
    slug: organisation.slug,
    name: organisationName(organisation, c.var.lang),
    timeZone: organisationTimeZone(c),
    links: {
      units: allowed("organisation.read"),
      settings: allowed("organisation.administer"),
      roles: allowed("organisation.roles"),
      history: allowed("organisation.administer"),
      scale: allowed("scale.read"),
      profiles: allowed("profiles.list"),
      cycles: allowed("cycles.manage"),
      learning: allowed("learning.read"),
      insights: allowed("insights.organisation"),
    },
  };
}

const author = (c: Ctx) => authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);

export function organisationRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const t = (c: Ctx) => messages(c.var.lang);

  app.get("/", requireInOrganisation("organisation.read"), async (c) => {
    const { n } = await c.var.db
      .selectFrom("units")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("organisation_id", "=", c.var.organisation.id)
      .executeTakeFirstOrThrow();
    const frame = frameOf(c);
    return renderPrivatePage(c, <HomePage {...frame} units={Number(n)} />, frame.name);
  });

  const settingsPage = (
    c: Ctx,
    props: { values: FormValues; errors?: FieldErrors; saved?: boolean },
    status: Status = 200,
  ) =>
    renderPrivatePage(
      c,
      <SettingsPage {...frameOf(c)} {...props} instanceZone={c.var.config.timeZone} />,
      t(c).orgSettingsTitle,
      status,
    );

  app.get("/settings", requireInOrganisation("organisation.administer"), (c) => {
    const o = c.var.organisation;
    return settingsPage(c, {
      values: {
        name_en: o.name_en,
        name_fr: o.name_fr,
        slug: o.slug,
        default_lang: o.default_lang,
        time_zone: o.time_zone ?? "",
      },
      saved: c.req.query("saved") === "1",
    });
  });

  app.post("/settings", requireInOrganisation("organisation.administer"), async (c) => {
    const body = await bodyOf(c);
    const values = echo(body, ["name_en", "name_fr", "slug", "default_lang", "time_zone"]);
    const parsed = parseForm(organisationSettingsForm, body);
    if (!parsed.ok) return settingsPage(c, { values, errors: parsed.errors }, 400);
    try {
      const updated = await updateOrganisation(c.var.db, c.var.organisation, parsed.data, author(c));
      // A new web address name moves the page itself: go on at the new address.
      return c.redirect(`${orgUrls.settings(c.var.lang, updated.slug)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof SlugTakenError)) throw error;
      return settingsPage(c, { values, errors: { slug: "orgSlugTaken" } }, 409);
    }
  });

  const rolesPage = async (
    c: Ctx,
    props: { notice?: string; message?: string; values?: FormValues; errors?: FieldErrors },
    status: Status = 200,
  ) =>
    renderPrivatePage(
      c,
      <RolesPage
        {...frameOf(c)}
        administrators={await listAdministrators(c.var.db, c.var.organisation.id)}
        selfId={c.var.orgActor?.id ?? ""}
        {...props}
      />,
      t(c).orgRolesTitle,
      status,
    );

  app.get("/roles", requireInOrganisation("organisation.roles"), (c) => rolesPage(c, {}));

  app.post("/roles", requireInOrganisation("organisation.roles"), async (c) => {
    const body = await bodyOf(c);
    const values = echo(body, ["email"]);
    const parsed = parseForm(administratorForm, body);
    if (!parsed.ok) return rolesPage(c, { values, errors: parsed.errors }, 400);
    const user = await findUserByEmail(c.var.db, parsed.data.email);
    if (!user) return rolesPage(c, { values, errors: { email: "orgNoSuchAccount" } }, 400);
    const appointed = await appointAdministrator(c.var.db, c.var.organisation.id, user, author(c));
    const name = organisationName(c.var.organisation, c.var.lang);
    return rolesPage(c, {
      notice: appointed ? t(c).orgAppointed(user.email, name) : t(c).orgAlreadyAdministrator(user.email),
    });
  });

  app.post("/roles/:user/remove", requireInOrganisation("organisation.roles"), async (c) => {
    const userId = c.req.param("user");
    const administrators = await listAdministrators(c.var.db, c.var.organisation.id);
    const holder = administrators.find((a) => a.userId === userId);
    if (!holder) return c.notFound();
    // An organisation administrator removing themself would lock themself out mid-page; the
    // instance administrator, who appoints them, may remove anyone.
    const actor = c.var.orgActor;
    if (actor?.id === userId && actor.role !== "administrator")
      return rolesPage(c, { message: t(c).orgCannotRemoveSelf }, 400);
    await removeAdministrator(c.var.db, c.var.organisation.id, userId, author(c));
    return rolesPage(c, { notice: t(c).orgRemoved(holder.email) });
  });

  app.get("/history", requireInOrganisation("organisation.administer"), async (c) => {
    const asked = c.req.query("subject");
    const subject = (CHANGE_SUBJECTS as readonly string[]).includes(asked ?? "") ? (asked as ChangeSubject) : undefined;
    const offset = Math.max(0, Math.min(1_000_000, Math.trunc(Number(c.req.query("offset") ?? 0)) || 0));
    const { changes, total } = await listChanges(c.var.db, c.var.organisation.id, {
      subject,
      offset,
      limit: HISTORY_PAGE_SIZE,
    });
    return renderPrivatePage(
      c,
      <HistoryPage
        {...frameOf(c)}
        changes={changes}
        total={total}
        offset={offset}
        pageSize={HISTORY_PAGE_SIZE}
        subject={subject}
        subjects={CHANGE_SUBJECTS}
      />,
      t(c).orgHistoryTitle,
    );
  });

  return app;
}
