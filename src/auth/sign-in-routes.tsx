/**
 * Signing in and out, mounted under /{lang}: the password step, the second step for accounts that
 * use a second factor, and signing out. Every guess is throttled before it is checked
 * (src/auth/throttle.ts) and every outcome goes to the security log.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { formBody } from "../security/form-body.ts";
import { logSecurityEvent } from "../security/request.ts";
import { parseForm } from "../ui/forms/index.ts";
import { findUserByEmail, findUserById } from "./accounts.ts";
import { secondFactorForm, signInForm } from "./forms.ts";
import { addressKey, knownDeviceCookie, knownDeviceId, passwordAttemptKeys } from "./known-device.ts";
import { appendCookies, authHeaders, renderPage, retryAfter, type Status, text } from "./route-helpers.ts";
import { ChallengePage } from "./second-factor-views.tsx";
import type { AuthService } from "./service.ts";
import { THROTTLE_RULES, type ThrottleKey } from "./throttle.ts";
import { authUrls, safeNext } from "./urls.ts";
import { SignInPage, type SignInProps } from "./views.tsx";

export function signInRoutes(auth: AuthService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: Context<AppEnv>) => messages(c.var.lang);

  const notices = (c: Context<AppEnv>): Record<string, string> => ({
    signedOut: t(c).authSignedOut,
    everywhere: t(c).authSignedOutEverywhere,
    sessionEnded: t(c).authSessionEnded,
    passwordChanged: t(c).authPasswordChanged,
    challengeExpired: t(c).sfChallengeExpired,
  });
  const noticeOf = (c: Context<AppEnv>) => {
    const key = c.req.query("notice") ?? "";
    const all = notices(c);
    return Object.hasOwn(all, key) ? all[key] : undefined;
  };

  const signInPage = (c: Context<AppEnv>, props: Omit<SignInProps, "lang">, status: Status) =>
    renderPage(c, <SignInPage lang={c.var.lang} {...props} />, t(c).authSignInTitle, status);

  /** Where a complete sign-in lands: the password page when one is due, else `next` or the role's home. */
  const landing = async (c: Context<AppEnv>, userId: string, mustChangePassword: boolean, next: string | undefined) => {
    if (mustChangePassword) return c.redirect(authUrls.password(c.var.lang), 303);
    if (next) return c.redirect(next, 303);
    const role = (await findUserById(c.var.db, userId))?.role;
    return c.redirect(authUrls.landing(c.var.lang, role), 303);
  };

  app.get("/sign-in", (c) => {
    const next = safeNext(c.req.query("next"));
    return signInPage(c, { next, notice: noticeOf(c) ?? (next ? t(c).authSignInRequired : undefined) }, 200);
  });

  app.post("/sign-in", async (c) => {
    const body = await formBody(c);
    const next = safeNext(text(body.next, 2000));
    const parsed = parseForm(signInForm, body);
    if (!parsed.ok) return signInPage(c, { email: text(body.email, 254), next, errors: parsed.errors }, 400);
    const { email, password } = parsed.data;
    const secret = await auth.secret();
    const device = knownDeviceId(c, secret, email);
    // The attempt is reserved (counted as a failure) before the password is checked.
    const attempt = await auth.throttle.reserve(passwordAttemptKeys(c, email, device));
    if (!attempt.ok) {
      await logSecurityEvent(c, "sign_in.throttled", { subject: { label: email } });
      const minutes = retryAfter(c, attempt.retryAfterMs);
      return signInPage(c, { email, next, message: t(c).authTooManyAttempts(minutes) }, 429);
    }
    const result = await auth.signIn(email, password, authHeaders(c));
    if (!result.ok) {
      const account = await findUserByEmail(c.var.db, email);
      if (result.reason === "disabled") {
        // The right password for a disabled account: not a guess, so not a failure.
        await attempt.release();
        await logSecurityEvent(c, "sign_in.disabled_account", { subject: { id: account?.id, label: email } });
        return signInPage(c, { email, next, message: t(c).authSignInDisabled }, 403);
      }
      await logSecurityEvent(c, "sign_in.failed", {
        subject: { id: account?.id, label: email },
        detail: { knownAccount: Boolean(account), knownBrowser: Boolean(device) },
      });
      return signInPage(c, { email, next, message: t(c).authSignInFailed }, 400);
    }
    // Only this attempt's own reservation is given back: failures around it stay counted.
    await attempt.release();
    appendCookies(c, result.setCookies);
    c.header("set-cookie", knownDeviceCookie(c, secret, email), { append: true });
    c.header("cache-control", "no-store");
    if (result.secondFactor) {
      await logSecurityEvent(c, "sign_in.second_factor_required", { subject: { id: result.userId, label: email } });
      return c.redirect(`${authUrls.secondFactor(c.var.lang)}${next ? `?next=${encodeURIComponent(next)}` : ""}`, 303);
    }
    await logSecurityEvent(c, "sign_in.succeeded", { subject: { id: result.userId, label: email } });
    return landing(c, result.userId, result.mustChangePassword, next);
  });

  const challengePage = (c: Context<AppEnv>, props: Parameters<typeof ChallengePage>[0], status: Status) =>
    renderPage(c, <ChallengePage {...props} />, t(c).sfChallengeTitle, status);
  const restart = (c: Context<AppEnv>) => c.redirect(`${authUrls.signIn(c.var.lang)}?notice=challengeExpired`, 303);

  app.get("/sign-in/second-factor", async (c) => {
    if (!(await auth.secondFactor.challengeUserId(c.req.raw.headers))) return restart(c);
    return challengePage(c, { lang: c.var.lang, next: safeNext(c.req.query("next")) }, 200);
  });

  app.post("/sign-in/second-factor", async (c) => {
    const lang = c.var.lang;
    const body = await formBody(c);
    const next = safeNext(text(body.next, 2000));
    const userId = await auth.secondFactor.challengeUserId(c.req.raw.headers);
    if (!userId) return restart(c);
    const parsed = parseForm(secondFactorForm, body);
    if (!parsed.ok) return challengePage(c, { lang, next, errors: parsed.errors }, 400);
    const { code } = parsed.data;
    const user = await findUserById(c.var.db, userId);
    const subject = { id: userId, label: user?.email };
    const keys: ThrottleKey[] = [addressKey(c), { key: `second-factor:${userId}`, rule: THROTTLE_RULES.secondFactor }];
    const attempt = await auth.throttle.reserve(keys);
    if (!attempt.ok) {
      await logSecurityEvent(c, "second_factor.throttled", { subject });
      const minutes = retryAfter(c, attempt.retryAfterMs);
      return challengePage(c, { lang, next, message: t(c).sfTooManyAttempts(minutes) }, 429);
    }
    // A code from the app counts once: the same code again (a replay) is refused while it is current.
    const digits = code.replace(/\s+/g, "");
    if (/^\d{6}$/.test(digits)) {
      const use = await auth.throttle.reserve([{ key: `code:${userId}:${digits}`, rule: THROTTLE_RULES.codeUse }]);
      if (!use.ok) {
        await logSecurityEvent(c, "second_factor.failed", { subject, detail: { reason: "code already used" } });
        return challengePage(c, { lang, next, message: t(c).sfCodeWrong }, 400);
      }
    }
    const result = await auth.secondFactor.answerChallenge(code, authHeaders(c));
    appendCookies(c, result.setCookies);
    if (!result.ok) {
      await logSecurityEvent(c, "second_factor.failed", { subject, detail: { reason: result.reason } });
      if (result.reason === "expired") return restart(c);
      if (result.reason === "locked") return challengePage(c, { lang, next, message: t(c).sfLocked }, 429);
      return challengePage(c, { lang, next, message: t(c).sfCodeWrong }, 400);
    }
    await attempt.release();
    await logSecurityEvent(c, "second_factor.succeeded", { subject });
    await logSecurityEvent(c, "sign_in.succeeded", { subject, detail: { secondFactor: true } });
    c.header("cache-control", "no-store");
    return landing(c, userId, Boolean(user?.mustChangePassword), next);
  });

  // Open to anyone: signing out without a session just clears the cookie.
  app.post("/sign-out", async (c) => {
    if (c.var.user) await logSecurityEvent(c, "sign_out", { subject: { id: c.var.user.id, label: c.var.user.email } });
    appendCookies(c, await auth.signOut(c.req.raw.headers));
    return c.redirect(`${authUrls.signIn(c.var.lang)}?notice=signedOut`, 303);
  });

  return app;
}
