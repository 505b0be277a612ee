/**
 * Two-step sign-in on one's own account, under /{lang}/account/two-step: turn it on (password, then
 * the key and recovery codes shown once, then a first code to confirm), get new recovery codes,
 * turn it off. The sign-in's second step itself is in sign-in-routes.tsx.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { requirePermission } from "../policy/guard.ts";
import type { Actor } from "../policy/index.ts";
import { formBody } from "../security/form-body.ts";
import { logSecurityEvent } from "../security/request.ts";
import { parseForm } from "../ui/forms/index.ts";
import { passwordAgainForm } from "./forms.ts";
import { knownDeviceId, passwordAttemptKeys } from "./known-device.ts";
import { currentSession } from "./middleware.ts";
import { appendCookies, authHeaders, renderPage, retryAfter, type Status, text } from "./route-helpers.ts";
import { EnrolPage, RecoveryCodesPage, TwoStepPage, type TwoStepProps } from "./second-factor-views.tsx";
import type { AuthService } from "./service.ts";
import { THROTTLE_RULES } from "./throttle.ts";
import { authUrls } from "./urls.ts";

export function secondFactorRoutes(auth: AuthService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const self = requirePermission("account.self");
  const t = (c: Context<AppEnv>) => messages(c.var.lang);
  const actor = (c: Context<AppEnv>) => c.var.user as Actor;
  const subjectOf = (c: Context<AppEnv>) => ({ id: actor(c).id, label: actor(c).email });
  const enabled = (c: Context<AppEnv>) => Boolean(currentSession(c)?.twoFactorEnabled);

  const settingsPage = (c: Context<AppEnv>, props: Omit<TwoStepProps, "lang" | "enabled">, status: Status = 200) =>
    renderPage(c, <TwoStepPage lang={c.var.lang} enabled={enabled(c)} {...props} />, t(c).sfTitle, status);

  /**
   * Checks the current password typed into `field` through `check`, throttled like a sign-in; gives
   * the page to answer with when it is refused, or undefined when it was right.
   */
  async function withPassword<T>(
    c: Context<AppEnv>,
    field: "password" | "current",
    check: (password: string) => Promise<T | "wrong-password">,
  ): Promise<{ ok: true; value: T } | { ok: false; response: Response | Promise<Response> }> {
    const parsed = parseForm(passwordAgainForm[field], await formBody(c));
    if (!parsed.ok) return { ok: false, response: settingsPage(c, { errors: parsed.errors }, 400) };
    const password = (parsed.data as Record<typeof field, string>)[field];
    const device = knownDeviceId(c, await auth.secret(), actor(c).email);
    const attempt = await auth.throttle.reserve(passwordAttemptKeys(c, actor(c).email, device));
    if (!attempt.ok) {
      await logSecurityEvent(c, "password.change_throttled", { subject: subjectOf(c) });
      const message = t(c).authTooManyAttempts(retryAfter(c, attempt.retryAfterMs));
      return { ok: false, response: settingsPage(c, { message }, 429) };
    }
    const value = await check(password);
    if (value === "wrong-password") {
      await logSecurityEvent(c, "password.confirm_failed", { subject: subjectOf(c), detail: { page: "two-step" } });
      return { ok: false, response: settingsPage(c, { errors: { [field]: "authCurrentPasswordWrong" } }, 400) };
    }
    await attempt.release();
    return { ok: true, value };
  }

  app.get("/account/two-step", self, (c) => settingsPage(c, {}));

  app.post("/account/two-step/enrol", self, async (c) => {
    if (enabled(c)) return c.redirect(authUrls.secondFactorSettings(c.var.lang), 303);
    const checked = await withPassword(c, "password", (password) => auth.secondFactor.enrol(password, authHeaders(c)));
    if (!checked.ok) return checked.response;
    const { secret, uri, recoveryCodes } = checked.value;
    return renderPage(
      c,
      <EnrolPage lang={c.var.lang} secret={secret} uri={uri} recoveryCodes={recoveryCodes} />,
      t(c).sfEnrolTitle,
    );
  });

  app.post("/account/two-step/confirm", self, async (c) => {
    const lang = c.var.lang;
    const code = text((await formBody(c)).code, 40).replace(/\s+/g, "");
    const wrong = (status: Status) =>
      renderPage(c, <EnrolPage lang={lang} message={t(c).sfConfirmWrong} />, t(c).sfEnrolTitle, status);
    const attempt = await auth.throttle.reserve([
      { key: `second-factor:${actor(c).id}`, rule: THROTTLE_RULES.secondFactor },
    ]);
    if (!attempt.ok) {
      await logSecurityEvent(c, "second_factor.throttled", { subject: subjectOf(c) });
      const message = t(c).sfTooManyAttempts(retryAfter(c, attempt.retryAfterMs));
      return renderPage(c, <EnrolPage lang={lang} message={message} />, t(c).sfEnrolTitle, 429);
    }
    // The code that confirms enrolment is used up like any other: it cannot sign in a second time.
    const use = /^\d{6}$/.test(code)
      ? await auth.throttle.reserve([{ key: `code:${actor(c).id}:${code}`, rule: THROTTLE_RULES.codeUse }])
      : { ok: false as const };
    const result = use.ok ? await auth.secondFactor.confirm(code, authHeaders(c)) : { ok: false, setCookies: [] };
    if (!result.ok) return wrong(400);
    await attempt.release();
    appendCookies(c, result.setCookies);
    await logSecurityEvent(c, "second_factor.enabled", { subject: subjectOf(c) });
    return c.redirect(`${authUrls.account(lang)}?notice=secondFactorOn`, 303);
  });

  app.post("/account/two-step/disable", self, async (c) => {
    if (!enabled(c)) return c.redirect(authUrls.secondFactorSettings(c.var.lang), 303);
    const checked = await withPassword(c, "current", async (password) => {
      const result = await auth.secondFactor.disable(password, authHeaders(c));
      return result.ok ? result.setCookies : "wrong-password";
    });
    if (!checked.ok) return checked.response;
    appendCookies(c, checked.value);
    await logSecurityEvent(c, "second_factor.disabled", { subject: subjectOf(c) });
    return c.redirect(`${authUrls.account(c.var.lang)}?notice=secondFactorOff`, 303);
  });

  app.post("/account/two-step/recovery-codes", self, async (c) => {
    if (!enabled(c)) return c.redirect(authUrls.secondFactorSettings(c.var.lang), 303);
    const checked = await withPassword(c, "password", (password) =>
      auth.secondFactor.renewRecoveryCodes(password, authHeaders(c)),
    );
    if (!checked.ok) return checked.response;
    await logSecurityEvent(c, "second_factor.codes_renewed", { subject: subjectOf(c) });
    return renderPage(c, <RecoveryCodesPage lang={c.var.lang} codes={checked.value} />, t(c).sfCodesTitle);
  });

  return app;
}
