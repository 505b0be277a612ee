/**
 * A person's own account, mounted under /{lang}: their sessions ("sign out everywhere"), their
 * password, and their two-step sign-in. Changing the password or the second factor asks for the
 * current password, and those guesses are throttled like sign-in attempts.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { requirePermission } from "../policy/guard.ts";
import type { Actor } from "../policy/index.ts";
import { formBody } from "../security/form-body.ts";
import { logSecurityEvent } from "../security/request.ts";
import { parseForm } from "../ui/forms/index.ts";
import { deleteAllSessions, deleteSession, listSessions, passwordHashOf, setPassword } from "./accounts.ts";
import { changePasswordForm, newPasswordErrors } from "./forms.ts";
import { knownDeviceId, passwordAttemptKeys } from "./known-device.ts";
import { currentSession } from "./middleware.ts";
import { appendCookies, renderPage, retryAfter, type Status } from "./route-helpers.ts";
import type { AuthService } from "./service.ts";
import { authUrls } from "./urls.ts";
import { AccountPage, ChangePasswordPage } from "./views.tsx";

export function accountRoutes(auth: AuthService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const self = requirePermission("account.self");
  const t = (c: Context<AppEnv>) => messages(c.var.lang);
  const signedIn = (c: Context<AppEnv>) => c.var.user as Actor;
  const subjectOf = (c: Context<AppEnv>) => ({ id: signedIn(c).id, label: signedIn(c).email });

  const notices = (c: Context<AppEnv>): Record<string, string> => ({
    sessionEnded: t(c).authSessionEnded,
    passwordChanged: t(c).authPasswordChanged,
    secondFactorOn: t(c).sfEnabled,
    secondFactorOff: t(c).sfDisabled,
  });
  const noticeOf = (c: Context<AppEnv>) => {
    const key = c.req.query("notice") ?? "";
    const all = notices(c);
    return Object.hasOwn(all, key) ? all[key] : undefined;
  };

  app.get("/account", self, async (c) => {
    const actor = signedIn(c);
    const sessions = await listSessions(c.var.db, actor.id);
    const session = currentSession(c);
    const view = (
      <AccountPage
        lang={c.var.lang}
        actor={actor}
        sessions={sessions}
        currentSessionId={session?.sessionId}
        twoFactorEnabled={Boolean(session?.twoFactorEnabled)}
        notice={noticeOf(c)}
      />
    );
    return renderPage(c, view, t(c).authAccountTitle);
  });

  app.post("/account/sign-out-everywhere", self, async (c) => {
    await logSecurityEvent(c, "sign_out.everywhere", { subject: subjectOf(c) });
    const cookies = await auth.signOut(c.req.raw.headers);
    await deleteAllSessions(c.var.db, signedIn(c).id);
    appendCookies(c, cookies);
    return c.redirect(`${authUrls.signIn(c.var.lang)}?notice=everywhere`, 303);
  });

  app.post("/account/sessions/:id/sign-out", self, async (c) => {
    const ended = await deleteSession(c.var.db, signedIn(c).id, c.req.param("id"));
    if (!ended) return c.notFound();
    await logSecurityEvent(c, "session.ended", { subject: subjectOf(c) });
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

  app.get("/account/password", self, (c) => passwordPage(c, {}, 200));

  app.post("/account/password", self, async (c) => {
    const actor = signedIn(c);
    const parsed = parseForm(changePasswordForm, await formBody(c));
    if (!parsed.ok) return passwordPage(c, { errors: parsed.errors }, 400);
    const { current, password, confirm } = parsed.data;
    const device = knownDeviceId(c, await auth.secret(), actor.email);
    // Reserved before the current password is checked, like a sign-in attempt.
    const attempt = await auth.throttle.reserve(passwordAttemptKeys(c, actor.email, device));
    if (!attempt.ok) {
      await logSecurityEvent(c, "password.change_throttled", { subject: subjectOf(c) });
      return passwordPage(c, { message: t(c).authTooManyAttempts(retryAfter(c, attempt.retryAfterMs)) }, 429);
    }
    const hash = await passwordHashOf(c.var.db, actor.id);
    const { verifyPassword } = await import("better-auth/crypto");
    if (!current || !hash || !(await verifyPassword({ hash, password: current }))) {
      await logSecurityEvent(c, "password.change_failed", { subject: subjectOf(c) });
      return passwordPage(c, { errors: { current: "authCurrentPasswordWrong" } }, 400);
    }
    await attempt.release();
    const errors = newPasswordErrors(password, confirm, [actor.email, actor.name ?? ""]);
    if (Object.keys(errors).length > 0) return passwordPage(c, { errors }, 400);
    await setPassword(c.var.db, actor.id, password, { keepSessionId: currentSession(c)?.sessionId });
    await logSecurityEvent(c, "password.changed", { subject: subjectOf(c) });
    return c.redirect(`${authUrls.account(c.var.lang)}?notice=passwordChanged`, 303);
  });

  return app;
}
