/**
 * Invitations (issue 13), under /{lang}/orgs/:org/invitations:
 *   GET  /new?person=ID   an administrator's page to invite one person (others link to it)
 *   POST /                sends the invitation, in the person's language, and says what became of it
 *   GET  /accept/:token   the invited person's page: choose a password, or join with the account
 *                         they are signed in with (same address)
 *   POST /accept/:token   creates the account (a `member`) or uses the signed-in one, links it to the
 *                         person, signs in, and lands on the organisation's page
 * Only people already in the organisation can be invited; an invitation links only its own person.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../app-env.ts";
import { createAccount, deleteAllSessions, EmailTakenError, findUserByEmail } from "../../auth/accounts.ts";
import { newPasswordErrors, newPasswordForm } from "../../auth/forms.ts";
import { appendCookies, authHeaders } from "../../auth/route-helpers.ts";
import { authUrls } from "../../auth/urls.ts";
import type { Person } from "../../db/schema.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { can } from "../../policy/index.ts";
import { formBody } from "../../security/form-body.ts";
import { logSecurityEvent } from "../../security/request.ts";
import { parseForm, says } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { recordAccess } from "../access-log.ts";
import { type OrganisationEnv, requireInOrganisation } from "../context.ts";
import { personResource } from "../membership.ts";
import type { PeopleServices } from "../services.ts";
import { loadSsoSettings } from "../sso/store.ts";
import { ssoUrls } from "../sso/urls.ts";
import { acceptInvitation, findOpenInvitation, issueInvitation, whyNotInvitable } from "./store.ts";
import { invitationUrls } from "./urls.ts";
import { AcceptPage, type AcceptState, InvitationInvalidPage, InvitationSentPage, InvitePage } from "./views.tsx";

type C = Context<OrganisationEnv>;

const personForm = z.object({
  person: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : ""),
    z.string().min(1, says("accessPersonRequired")).max(36, says("accessPersonRequired")),
  ),
});

export const personName = (person: Pick<Person, "preferred_name" | "given_name" | "family_name">) =>
  `${person.preferred_name?.trim() || person.given_name} ${person.family_name}`.trim();

const organisationName = (c: C, lang: Lang = c.var.lang) =>
  lang === "fr" ? c.var.organisation.name_fr : c.var.organisation.name_en;

const asApp = (c: C) => c as unknown as Context<AppEnv>;

export function invitationRoutes(services: PeopleServices): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const t = (c: C) => messages(c.var.lang);
  const page = (c: C, view: unknown, title: string, status: Status = 200) =>
    renderPrivatePage(c, view as never, title, status);

  /** The person of this organisation the administrator means, as seen (and written to the access log). */
  const invitee = async (c: C, personId: string): Promise<Person | undefined> => {
    const organisationId = c.var.organisation.id;
    const resource = await personResource(c.var.db, organisationId, personId);
    const actor = c.var.orgActor;
    if (!resource || !actor || !can(actor, "person.read", resource)) return undefined;
    const person = await c.var.db
      .selectFrom("people")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .where("id", "=", personId)
      .executeTakeFirst();
    if (person)
      await recordAccess(c.var.db, { actor, resource, what: "record", path: c.req.path, requestId: c.var.requestId });
    return person;
  };

  const invitePage = (c: C, person: Person, status: Status = 200) =>
    page(
      c,
      <InvitePage
        lang={c.var.lang}
        org={c.var.organisation.slug}
        person={{ id: person.id, name: personName(person), email: person.email, lang: person.preferred_lang }}
        refusal={whyNotInvitable(person)}
      />,
      t(c).accessInviteTitle(personName(person)),
      status,
    );

  app.get("/new", requireInOrganisation("organisation.administer"), async (c) => {
    const personId = (c.req.query("person") ?? "").slice(0, 36);
    const person = personId ? await invitee(c, personId) : undefined;
    if (!person) return c.notFound();
    return invitePage(c, person);
  });

  app.post("/", requireInOrganisation("organisation.administer"), async (c) => {
    const parsed = parseForm(personForm, await formBody(asApp(c)));
    const person = parsed.ok ? await invitee(c, parsed.data.person) : undefined;
    if (!person) return c.notFound();
    if (whyNotInvitable(person)) return invitePage(c, person, 409);
    const actor = c.var.orgActor;
    if (!actor) return c.notFound();
    const issued = await issueInvitation(c.var.db, {
      organisationId: c.var.organisation.id,
      person,
      invitedBy: actor,
    });
    // The message and the page it opens are in the person's language, whatever the administrator's.
    const lang = issued.lang;
    const link = `${c.var.config.baseUrl}${invitationUrls.accept(lang, c.var.organisation.slug, issued.token)}`;
    const m = messages(lang);
    const outcome = await services.mailer.send({
      to: issued.email,
      lang,
      subject: m.accessMailSubject(organisationName(c, lang)),
      text: m.accessMailBody(
        personName(person),
        organisationName(c, lang),
        actor.name ?? actor.email,
        link,
        issued.expiresAt.toISOString(),
      ),
    });
    await logSecurityEvent(asApp(c), "invitation.issued", {
      subject: { label: issued.email },
      detail: { organisation: c.var.organisation.slug, person: person.id, mailed: outcome.sent },
    });
    return page(
      c,
      <InvitationSentPage
        lang={c.var.lang}
        org={c.var.organisation.slug}
        email={issued.email}
        link={link}
        expiresAt={issued.expiresAt.toISOString()}
        outcome={outcome}
      />,
      t(c).accessInvitationSentTitle,
    );
  });

  const invalid = (c: C) =>
    page(c, <InvitationInvalidPage lang={c.var.lang} />, t(c).accessInvitationInvalidTitle, 404);

  /** What the invited person is offered, from who is signed in and whether the address has an account. */
  const acceptState = async (c: C, email: string): Promise<AcceptState> => {
    const user = c.var.user;
    if (user) return user.email === email ? { kind: "signed-in", email } : { kind: "other-account", email: user.email };
    if (await findUserByEmail(c.var.db, email))
      return { kind: "existing", signInUrl: `${authUrls.signIn(c.var.lang)}?next=${encodeURIComponent(c.req.path)}` };
    return { kind: "new" };
  };

  const acceptPage = async (
    c: C,
    invitation: { email: string; person: Person },
    token: string,
    state: AcceptState,
    status: Status = 200,
  ) => {
    const ssoEnabled = (await loadSsoSettings(c.var.db, c.var.organisation.id))?.enabled === true;
    return page(
      c,
      <AcceptPage
        lang={c.var.lang}
        org={c.var.organisation.slug}
        organisationName={organisationName(c)}
        personName={personName(invitation.person)}
        email={invitation.email}
        token={token}
        state={state}
        ssoStart={ssoEnabled ? ssoUrls.start(c.var.lang, c.var.organisation.slug) : undefined}
      />,
      t(c).accessAcceptTitle(organisationName(c)),
      status,
    );
  };

  app.get("/accept/:token", async (c) => {
    const token = c.req.param("token");
    const invitation = await findOpenInvitation(c.var.db, c.var.organisation.id, token);
    if (!invitation) return invalid(c);
    return acceptPage(c, invitation, token, await acceptState(c, invitation.email));
  });

  app.post("/accept/:token", async (c) => {
    const token = c.req.param("token");
    const organisation = c.var.organisation;
    const invitation = await findOpenInvitation(c.var.db, organisation.id, token);
    if (!invitation) return invalid(c);
    const state = await acceptState(c, invitation.email);
    const landing = invitationUrls.organisation(c.var.lang, organisation.slug);
    const subject = (id: string) => ({ id, label: invitation.email });

    if (state.kind === "signed-in" && c.var.user) {
      const outcome = await acceptInvitation(c.var.db, { organisationId: organisation.id, token, user: c.var.user });
      if (!outcome.ok && outcome.reason === "account_taken")
        return acceptPage(c, invitation, token, { kind: "account-taken" }, 409);
      if (!outcome.ok) return invalid(c);
      await logSecurityEvent(asApp(c), "invitation.accepted", {
        subject: subject(c.var.user.id),
        detail: { organisation: organisation.slug, person: outcome.personId },
      });
      return c.redirect(landing, 303);
    }
    if (state.kind !== "new") return acceptPage(c, invitation, token, state, state.kind === "existing" ? 409 : 403);

    const parsed = parseForm(newPasswordForm, await formBody(asApp(c)));
    const name = personName(invitation.person);
    const errors = parsed.ok
      ? newPasswordErrors(parsed.data.password, parsed.data.confirm, [invitation.email, name])
      : parsed.errors;
    if (!parsed.ok || Object.keys(errors).length > 0)
      return acceptPage(c, invitation, token, { kind: "new", errors }, 400);

    // The account of a person of an organisation: it signs in and reaches its organisation, nothing more.
    let user: Awaited<ReturnType<typeof createAccount>>;
    try {
      user = await createAccount(c.var.db, {
        email: invitation.email,
        name,
        role: "member",
        password: parsed.data.password,
      });
    } catch (error) {
      if (error instanceof EmailTakenError)
        return acceptPage(c, invitation, token, await acceptState(c, invitation.email), 409);
      throw error;
    }
    const actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const outcome = await acceptInvitation(c.var.db, { organisationId: organisation.id, token, user: actor });
    if (!outcome.ok) {
      // Another request used the link first: the account made for this one must not stay behind.
      await deleteAllSessions(c.var.db, user.id);
      await c.var.db.deleteFrom("accounts").where("user_id", "=", user.id).execute();
      await c.var.db.deleteFrom("users").where("id", "=", user.id).execute();
      return invalid(c);
    }
    await logSecurityEvent(asApp(c), "user.created", { subject: subject(user.id), detail: { via: "invitation" } });
    await logSecurityEvent(asApp(c), "invitation.accepted", {
      subject: subject(user.id),
      detail: { organisation: organisation.slug, person: outcome.personId },
    });
    const signedIn = await services.auth.signIn(invitation.email, parsed.data.password, authHeaders(asApp(c)));
    if (!signedIn.ok) return c.redirect(authUrls.signIn(c.var.lang), 303);
    appendCookies(asApp(c), signedIn.setCookies);
    await logSecurityEvent(asApp(c), "sign_in.succeeded", { subject: subject(user.id) });
    c.header("cache-control", "no-store");
    return c.redirect(landing, 303);
  });

  return app;
}
