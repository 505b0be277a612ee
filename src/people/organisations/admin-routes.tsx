/**
 * The instance administrator's organisations, under /{lang}/admin/organisations: list, create (with
 * a first administrator), appoint administrators. Managing organisations shows nobody's record
 * (decision 024): this page lists names, addresses and administrators' accounts only.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { findUserByEmail } from "../../auth/accounts.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import type { Actor } from "../../policy/index.ts";
import { formBody } from "../../security/form-body.ts";
import { type FieldErrors, type FormValues, parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { OrganisationsPage, type OrganisationsPageProps } from "./admin-views.tsx";
import { authorOf } from "./changes.ts";
import { administratorForm, organisationSettingsForm } from "./schemas.ts";
import {
  appointAdministrator,
  createOrganisation,
  findOrganisation,
  listOrganisations,
  organisationName,
  SlugTakenError,
} from "./store.ts";
import { orgUrls } from "./urls.ts";

/** What a refused form showed, cut to what its fields accept (never a file, never unbounded). */
export function echo(body: Record<string, unknown>, names: readonly string[]): FormValues {
  return Object.fromEntries(
    names.map((name) => [name, typeof body[name] === "string" ? body[name].slice(0, 300) : ""]),
  );
}

export function organisationAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const manage = requirePermission("organisations.manage");

  const page = async (
    c: Context<AppEnv>,
    props: Omit<OrganisationsPageProps, "lang" | "organisations">,
    status: Status = 200,
  ) =>
    renderPrivatePage(
      c,
      <OrganisationsPage lang={c.var.lang} organisations={await listOrganisations(c.var.db)} {...props} />,
      messages(c.var.lang).orgAdminTitle,
      status,
    );

  app.get("/", manage, async (c) => {
    const created = c.req.query("created");
    const organisation = created ? await findOrganisation(c.var.db, created) : undefined;
    return page(c, {
      notice: organisation ? messages(c.var.lang).orgCreated(organisationName(organisation, c.var.lang)) : undefined,
    });
  });

  app.post("/", manage, async (c) => {
    const body = await formBody(c);
    const values = echo(body, ["name_en", "name_fr", "slug", "default_lang", "administrator"]);
    const parsed = parseForm(organisationSettingsForm, body);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    const email = (values.administrator ?? "").trim();
    const administrator = email ? await findUserByEmail(c.var.db, email) : undefined;
    if (email && !administrator) errors.administrator = "orgNoSuchAccount";
    if (!parsed.ok || errors.administrator) return page(c, { create: { values, errors } }, 400);
    try {
      const organisation = await createOrganisation(c.var.db, parsed.data, authorOf(c.var.user as Actor), {
        administrators: administrator ? [administrator] : [],
      });
      return c.redirect(`${orgUrls.admin(c.var.lang)}?created=${encodeURIComponent(organisation.slug)}`, 303);
    } catch (error) {
      if (!(error instanceof SlugTakenError)) throw error;
      return page(c, { create: { values, errors: { slug: "orgSlugTaken" } } }, 409);
    }
  });

  app.post("/administrators", manage, async (c) => {
    const t = messages(c.var.lang);
    const body = await formBody(c);
    const values = echo(body, ["organisation", "email"]);
    const organisation = await findOrganisation(c.var.db, values.organisation ?? "");
    const parsed = parseForm(administratorForm, body);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (!organisation) errors.organisation = "formChoose";
    const user = parsed.ok ? await findUserByEmail(c.var.db, parsed.data.email) : undefined;
    if (parsed.ok && !user) errors.email = "orgNoSuchAccount";
    if (!organisation || !user) return page(c, { appoint: { values, errors } }, 400);
    const appointed = await appointAdministrator(c.var.db, organisation.id, user, authorOf(c.var.user as Actor));
    const name = organisationName(organisation, c.var.lang);
    return page(c, { notice: appointed ? t.orgAppointed(user.email, name) : t.orgAlreadyAdministrator(user.email) });
  });

  return app;
}
