/**
 * A person's own account, mounted under /{lang}: sign in and out, their sessions ("sign out
 * everywhere"), their password, and accepting an invitation. Every page works without JavaScript.
 */
import { type Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../app-env.ts";
import { messages, otherLang } from "../i18n/index.ts";
import { requirePermission } from "../policy/guard.ts";
import type { Actor } from "../policy/index.ts";
import { switchLangPath } from "../ui/urls.ts";
import {
  deleteAllSessions,
  deleteInvitations,
  deleteSession,
  findInvitation,
  listSessions,
  passwordHashOf,
  setPassword,
} from "./accounts.ts";
import { CLIENT_ADDRESS_HEADER } from "./session-settings.ts";
import { changePasswordForm, newPasswordErrors, newPasswordForm, parseForm, signInForm } from "./forms.ts";
import { clientAddress, currentSession } from "./middleware.ts";
import { hashToken, isWellFormedToken } from "./secrets.ts";
import type { AuthService } from "./service.ts";
import { authUrls, safeNext } from "./urls.ts";
import {
  AccountPage,
  ChangePasswordPage,
  InvitationInvalidPage,
  InvitationPage,
  SignInPage,
  type SignInProps,
} from "./views.tsx";

type Status = 200 | 201 | 400 | 403 | 404 | 409 | 429;

/** Renders an accounts page: never cached anywhere, with its other-language twin. */
export function renderPage(c: Context<AppEnv>, view: Child, title: string, status: Status = 200) {
  const lang = c.var.lang;
  c.status(status);
  c.header("cache-control", "no-store");
  return c.render(view, {
    lang,
    title,
    alternate: switchLangPath(c.req.path, otherLang(lang)),
    hideHeaderSearch: true,
  });
}

const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export function authRoutes(auth: AuthService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: Context<AppEnv>) => messages(c.var.lang);
  const signedIn = (c: Context<AppEnv>) => c.var.user as Actor;

  const notices = (c: Context<AppEnv>): Record<string, string> => ({
    signedOut: t(c).authSignedOut,
    everywhere: t(c).authSignedOutEverywhere,
    sessionEnded: t(c).authSessionEnded,
    passwordChanged: t(c).authPasswordChanged,
  });
  const noticeOf = (c: Context<AppEnv>) => notices(c)[c.req.query("notice") ?? ""];

  const signInPage = (c: Context<AppEnv>, props: Omit<SignInProps, "lang">, status: Status) =>
    renderPage(c, <SignInPage lang={c.var.lang} {...props} />, t(c).authSignInTitle, status);

  app.get("/sign-in", (c) => {
    const next = safeNext(c.req.query("next"));
    return signInPage(c, { next, notice: noticeOf(c) ?? (next ? t(c).authSignInRequired : undefined) }, 200);
  });

  app.post("/sign-in", async (c) => {
    const lang = c.var.lang;
    const body = await c.req.parseBody();
    const next = safeNext(text(body.next, 2000));
    const parsed = parseForm(signInForm, body);
    if (!parsed.ok) return signInPage(c, { email: text(body.email, 254), next, errors: parsed.errors }, 400);
    const { email, password } = parsed.data;
    const address = clientAddress(c);
    const waitMs = auth.limiter.retryAfterMs(email, address);
    if (waitMs > 0) {
      c.header("retry-after", String(Math.ceil(waitMs / 1000)));
      return signInPage(c, { email, next, message: t(c).authTooManyAttempts(Math.ceil(waitMs / 60_000)) }, 429);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_ADDRESS_HEADER, address);
    const result = await auth.signIn(email, password, headers);
    if (!result.ok) {
      if (result.reason === "disabled") return signInPage(c, { email, next, message: t(c).authSignInDisabled }, 403);
      auth.limiter.recordFailure(email, address);
      return signInPage(c, { email, next, message: t(c).authSignInFailed }, 400);
    }
    auth.limiter.recordSuccess(email);
    for (const cookie of result.setCookies) c.header("set-cookie", cookie, { append: true });
    c.header("cache-control", "no-store");
    return c.redirect(result.mustChangePassword ? authUrls.password(lang) : (next ?? authUrls.landing(lang)), 303);
  });

  // Open to anyone: signing out without a session just clears the cookie.
  app.post("/sign-out", async (c) => {
    for (const cookie of await auth.signOut(c.req.raw.headers)) c.header("set-cookie", cookie, { append: true });
    return c.redirect(`${authUrls.signIn(c.var.lang)}?notice=signedOut`, 303);
  });

  app.get("/account", requirePermission("account.self"), async (c) => {
    const actor = signedIn(c);
    const sessions = await listSessions(c.var.db, actor.id);
    const view = (
      <AccountPage
        lang={c.var.lang}
        actor={actor}
        sessions={sessions}
        currentSessionId={currentSession(c)?.sessionId}
        notice={noticeOf(c)}
      />
    );
    return renderPage(c, view, t(c).authAccountTitle);
  });

  app.post("/account/sign-out-everywhere", requirePermission("account.self"), async (c) => {
    const cookies = await auth.signOut(c.req.raw.headers);
    await deleteAllSessions(c.var.db, signedIn(c).id);
    for (const cookie of cookies) c.header("set-cookie", cookie, { append: true });
    return c.redirect(`${authUrls.signIn(c.var.lang)}?notice=everywhere`, 303);
  });

  app.post("/account/sessions/:id/sign-out", requirePermission("account.self"), async (c) => {
    const ended = await deleteSession(c.var.db, signedIn(c).id, c.req.param("id"));
    if (!ended) return c.notFound();
    return c.redirect(`${authUrls.account(c.var.lang)}?notice=sessionEnded`, 303);
  });

  const passwordPage = (
    c: Context<AppEnv>,
    props: Omit<Parameters<typeof ChangePasswordPage>[0], "lang">,
    status: Status,
  ) => {
    const notice = props.notice ?? (currentSession(c)?.mustChangePassword ? t(c).authMustChangePassword : undefined);
    return renderPage(
      c,
      <ChangePasswordPage lang={c.var.lang} {...props} notice={notice} />,
      t(c).authChangePassword,
      status,
    );
  };

  app.get("/account/password", requirePermission("account.self"), (c) => passwordPage(c, {}, 200));

  app.post("/account/password", requirePermission("account.self"), async (c) => {
    const actor = signedIn(c);
    const parsed = parseForm(changePasswordForm, await c.req.parseBody());
    if (!parsed.ok) return passwordPage(c, { errors: parsed.errors }, 400);
    const { current, password, confirm } = parsed.data;
    const address = clientAddress(c);
    const waitMs = auth.limiter.retryAfterMs(actor.email, address);
    if (waitMs > 0) {
      c.header("retry-after", String(Math.ceil(waitMs / 1000)));
      return passwordPage(c, { message: t(c).authTooManyAttempts(Math.ceil(waitMs / 60_000)) }, 429);
    }
    const hash = await passwordHashOf(c.var.db, actor.id);
    if (
      !current ||
      !hash ||
      !(await (await import("better-auth/crypto")).verifyPassword({ hash, password: current }))
    ) {
      auth.limiter.recordFailure(actor.email, address);
      return passwordPage(c, { errors: { current: "authCurrentPasswordWrong" } }, 400);
    }
    const errors = newPasswordErrors(password, confirm, [actor.email, actor.name ?? ""]);
    if (Object.keys(errors).length > 0) return passwordPage(c, { errors }, 400);
    await setPassword(c.var.db, actor.id, password, { keepSessionId: currentSession(c)?.sessionId });
    return c.redirect(`${authUrls.account(c.var.lang)}?notice=passwordChanged`, 303);
  });

  /** The account an invitation token opens, if the token is current and the account enabled. */
  const invitee = async (c: Context<AppEnv>) => {
    const token = c.req.param("token") ?? "";
    if (!isWellFormedToken(token)) return undefined;
    const user = await findInvitation(c.var.db, hashToken(token));
    return user && !user.disabled ? { user, token } : undefined;
  };
  const invalidInvitation = (c: Context<AppEnv>) =>
    renderPage(c, <InvitationInvalidPage lang={c.var.lang} />, t(c).authInvitationInvalidTitle, 404);

  app.get("/invitation/:token", async (c) => {
    const found = await invitee(c);
    if (!found) return invalidInvitation(c);
    return renderPage(
      c,
      <InvitationPage lang={c.var.lang} email={found.user.email} token={found.token} />,
      t(c).authInvitationTitle,
    );
  });

  app.post("/invitation/:token", async (c) => {
    const found = await invitee(c);
    if (!found) return invalidInvitation(c);
    const { user, token } = found;
    const parsed = parseForm(newPasswordForm, await c.req.parseBody());
    const errors = parsed.ok
      ? newPasswordErrors(parsed.data.password, parsed.data.confirm, [user.email, user.name])
      : parsed.errors;
    if (!parsed.ok || Object.keys(errors).length > 0) {
      return renderPage(
        c,
        <InvitationPage lang={c.var.lang} email={user.email} token={token} errors={errors} />,
        t(c).authInvitationTitle,
        400,
      );
    }
    await setPassword(c.var.db, user.id, parsed.data.password);
    await deleteInvitations(c.var.db, user.id);
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_ADDRESS_HEADER, clientAddress(c));
    const result = await auth.signIn(user.email, parsed.data.password, headers);
    if (!result.ok) return c.redirect(authUrls.signIn(c.var.lang), 303);
    for (const cookie of result.setCookies) c.header("set-cookie", cookie, { append: true });
    return c.redirect(authUrls.landing(c.var.lang), 303);
  });

  return app;
}
