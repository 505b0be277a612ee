/**
 * Single sign-on through each organisation's OpenID Connect provider (issue 13, decision 028):
 *   /{lang}/orgs/:org/sso          the organisation administrator's settings (GET, POST)
 *   /{lang}/orgs/:org/sso/start    starts a sign-in with this organisation's provider
 *   /{lang}/sign-in/sso            the sign-in entry: the e-mail address's domain picks the organisation
 *   /sso/callback                  the provider sends the person back here (one URI per instance)
 * Only people already in the organisation are let in (src/people/sso/link.ts); an unknown address
 * is refused with a clear page and a security-log event. No open sign-up.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../app-env.ts";
import { appendCookies } from "../../auth/route-helpers.ts";
import { safeNext } from "../../auth/urls.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { formBody } from "../../security/form-body.ts";
import { logSecurityEvent } from "../../security/request.ts";
import { type FieldErrors, parseForm, says } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { type OrganisationEnv, requireInOrganisation } from "../context.ts";
import type { PeopleServices } from "../services.ts";
import { completeSsoSignIn, SsoError, startSsoSignIn, takeAttempt } from "./flow.ts";
import { accountForSsoIdentity } from "./link.ts";
import {
  loadSsoSettings,
  parseDomains,
  providerForEmail,
  providerForOrganisation,
  type SsoProvider,
  saveSsoSettings,
} from "./store.ts";
import { ssoUrls } from "./urls.ts";
import { SsoContinuePage, SsoRefusedPage, SsoSettingsPage, SsoSignInPage } from "./views.tsx";

const field = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(max));

const settingsForm = z.object({
  // https, except a provider on this machine (a test or a local setup).
  issuer: field(500).pipe(
    z.url(says("ssoIssuerInvalid")).refine((url) => {
      if (!URL.canParse(url)) return false;
      const parsed = new URL(url);
      return parsed.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(parsed.hostname);
    }, says("ssoIssuerInvalid")),
  ),
  clientId: field(500).pipe(z.string().min(1, says("ssoClientIdRequired"))),
  clientSecret: field(2000),
  domains: field(2000).pipe(
    z.string().transform((text, ctx) => {
      const domains = parseDomains(text);
      if (!domains) {
        ctx.addIssue({ code: "custom", ...says("ssoDomainsInvalid") });
        return z.NEVER;
      }
      return domains;
    }),
  ),
  enabled: z.preprocess((v) => v === "on", z.boolean()),
});

const emailForm = z.object({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : ""),
    z.email(says("formEmail")).max(254, says("formEmail")),
  ),
});

const redirectUri = (c: { var: { config: { baseUrl: string } } }) => `${c.var.config.baseUrl}${ssoUrls.callbackPath}`;
const asApp = <E extends object>(c: Context<E>) => c as unknown as Context<AppEnv>;

/** The organisation's own pages: settings (administrators) and the sign-in start (anyone). */
export function ssoOrganisationRoutes(services: PeopleServices): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const page = (
    c: Context<OrganisationEnv>,
    props: Omit<Parameters<typeof SsoSettingsPage>[0], "lang" | "org" | "redirectUri">,
    status: Status = 200,
  ) =>
    renderPrivatePage(
      c,
      <SsoSettingsPage lang={c.var.lang} org={c.var.organisation.slug} redirectUri={redirectUri(c)} {...props} />,
      messages(c.var.lang).ssoSettingsTitle,
      status,
    );

  app.get("/", requireInOrganisation("organisation.administer"), async (c) =>
    page(c, { settings: await loadSsoSettings(c.var.db, c.var.organisation.id), saved: c.req.query("saved") === "1" }),
  );

  app.post("/", requireInOrganisation("organisation.administer"), async (c) => {
    const body = await formBody(asApp(c));
    const settings = await loadSsoSettings(c.var.db, c.var.organisation.id);
    const parsed = parseForm(settingsForm, body);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (parsed.ok && !parsed.data.clientSecret && !settings?.hasSecret) errors.clientSecret = "ssoClientSecretRequired";
    if (!parsed.ok || Object.keys(errors).length > 0) {
      const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string).slice(0, 2000) : "");
      const values = {
        issuer: text("issuer"),
        clientId: text("clientId"),
        domains: text("domains"),
        enabled: text("enabled"),
      };
      return page(c, { settings, values, errors }, 400);
    }
    const actor = c.var.orgActor;
    if (!actor) return c.notFound();
    await saveSsoSettings(c.var.db, {
      organisationId: c.var.organisation.id,
      settings: { ...parsed.data, issuer: parsed.data.issuer.replace(/\/+$/, ""), emailDomains: parsed.data.domains },
      actor,
      authSecret: await services.auth.secret(),
    });
    return c.redirect(`${ssoUrls.settings(c.var.lang, c.var.organisation.slug)}?saved=1`, 303);
  });

  app.get("/start", async (c) => {
    const provider = await providerForOrganisation(c.var.db, c.var.organisation.id, await services.auth.secret());
    if (!provider) return c.notFound();
    return redirectToProvider(c, provider, c.var.lang, safeNext(c.req.query("next")));
  });

  return app;
}

/**
 * Sends the browser to the provider. After a form (the sign-in entry), not by a redirect: the site's
 * Content-Security-Policy (form-action 'self') rightly stops a form's navigation from ending on
 * another site, so the answer is a page that moves on by itself (Refresh) and has the link to follow.
 */
async function redirectToProvider<E extends AppEnv>(
  c: Context<E>,
  provider: SsoProvider,
  lang: Lang,
  next?: string,
  loginHint?: string,
  afterForm = false,
): Promise<Response> {
  try {
    const url = await startSsoSignIn(c.var.db, provider, { redirectUri: redirectUri(c), lang, next, loginHint });
    c.header("cache-control", "no-store");
    if (!afterForm) return c.redirect(url.toString(), 303);
    c.header("refresh", `0; url=${url.toString()}`);
    return renderPrivatePage(c, <SsoContinuePage lang={lang} url={url.toString()} />, messages(lang).ssoSignInTitle);
  } catch (error) {
    if (!(error instanceof SsoError)) throw error;
    c.var.logger.warn({ organisation: provider.organisationSlug, err: error.message }, "single sign-on unavailable");
    return renderPrivatePage(
      c,
      <SsoSignInPage lang={lang} message={messages(lang).ssoUnavailable} />,
      messages(lang).ssoSignInTitle,
      400,
    );
  }
}

/** The sign-in entry, under /{lang}/sign-in/sso. */
export function ssoSignInRoutes(services: PeopleServices): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const title = (c: Context<AppEnv>) => messages(c.var.lang).ssoSignInTitle;
  app.get("/", (c) => renderPrivatePage(c, <SsoSignInPage lang={c.var.lang} />, title(c)));
  app.post("/", async (c) => {
    const body = await formBody(c);
    const parsed = parseForm(emailForm, body);
    if (!parsed.ok) {
      const email = typeof body.email === "string" ? body.email.slice(0, 254) : "";
      return renderPrivatePage(
        c,
        <SsoSignInPage lang={c.var.lang} email={email} errors={parsed.errors} />,
        title(c),
        400,
      );
    }
    const { email } = parsed.data;
    const provider = await providerForEmail(c.var.db, email, await services.auth.secret());
    if (!provider)
      return renderPrivatePage(
        c,
        <SsoSignInPage lang={c.var.lang} email={email} message={messages(c.var.lang).ssoNoProvider} />,
        title(c),
        400,
      );
    return redirectToProvider(c, provider, c.var.lang, undefined, email, true);
  });
  return app;
}

/** Where every organisation's provider sends the person back: /sso/callback. */
export function ssoCallbackRoutes(services: PeopleServices): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/callback", async (c) => {
    const attempt = await takeAttempt(c.var.db, c.req.query("state") ?? "");
    const lang: Lang = attempt?.lang ?? c.var.lang;
    c.set("lang", lang);
    const t = messages(lang);
    const refused = (message: string, status: Status) =>
      renderPrivatePage(c, <SsoRefusedPage lang={lang} message={message} />, t.ssoRefusedTitle, status);
    const code = c.req.query("code");
    if (!attempt || !code) {
      await logSecurityEvent(c, "sign_in.failed", {
        detail: {
          method: "single sign-on",
          reason: attempt ? (c.req.query("error") ?? "no code") : "unknown or expired state",
        },
      });
      return refused(t.ssoRefusedFailed, 400);
    }
    const provider = await providerForOrganisation(c.var.db, attempt.organisationId, await services.auth.secret());
    if (!provider) return refused(t.ssoRefusedFailed, 400);
    let identity: Awaited<ReturnType<typeof completeSsoSignIn>>;
    try {
      identity = await completeSsoSignIn(provider, attempt, code, redirectUri(c));
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      await logSecurityEvent(c, "sign_in.failed", {
        detail: {
          method: "single sign-on",
          organisation: provider.organisationSlug,
          reason: error.message.slice(0, 300),
        },
      });
      return refused(t.ssoRefusedFailed, 400);
    }
    const match = await accountForSsoIdentity(c.var.db, provider.organisationId, identity);
    if (!match.ok) {
      // Not one of the organisation's people (or disabled): no account is made, nothing is linked.
      await logSecurityEvent(c, match.reason === "disabled" ? "sign_in.disabled_account" : "sign_in.failed", {
        subject: { label: identity.email },
        detail: { method: "single sign-on", organisation: provider.organisationSlug, reason: match.reason },
      });
      return match.reason === "disabled"
        ? refused(t.ssoRefusedDisabled, 403)
        : refused(t.ssoRefusedUnknown(identity.email), 403);
    }
    const session = await services.auth.startSession(match.userId);
    if (!session.ok) {
      await logSecurityEvent(c, "sign_in.disabled_account", { subject: { id: match.userId, label: identity.email } });
      return refused(t.ssoRefusedDisabled, 403);
    }
    appendCookies(c, session.setCookies);
    if (match.created)
      await logSecurityEvent(c, "user.created", {
        subject: { id: match.userId, label: identity.email },
        detail: { via: "single sign-on" },
      });
    await logSecurityEvent(c, "sign_in.succeeded", {
      subject: { id: match.userId, label: identity.email },
      detail: { method: "single sign-on", organisation: provider.organisationSlug },
    });
    c.header("cache-control", "no-store");
    return c.redirect(attempt.next ?? `/${lang}/orgs/${encodeURIComponent(provider.organisationSlug)}`, 303);
  });
  return app;
}
