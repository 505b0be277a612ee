/**
 * Accepting an invitation, under /{lang}/invitation/:token: the invitee chooses a password and is
 * signed in. The link works once, even when it is opened and submitted several times at once: the
 * invitation is deleted in the same statement that reads it, and setting the password ends every
 * other session of the account.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { formBody } from "../security/form-body.ts";
import { logSecurityEvent } from "../security/request.ts";
import { parseForm } from "../ui/forms/index.ts";
import { consumeInvitation, deleteInvitations, findInvitation, setPassword } from "./accounts.ts";
import { newPasswordErrors, newPasswordForm } from "./forms.ts";
import { appendCookies, authHeaders, renderPage } from "./route-helpers.ts";
import { hashToken, isWellFormedToken } from "./secrets.ts";
import type { AuthService } from "./service.ts";
import { authUrls } from "./urls.ts";
import { InvitationInvalidPage, InvitationPage } from "./views.tsx";

export function invitationRoutes(auth: AuthService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: Context<AppEnv>) => messages(c.var.lang);

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
    const parsed = parseForm(newPasswordForm, await formBody(c));
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
    // Only now is the link used up, by whichever request gets there first.
    if ((await consumeInvitation(c.var.db, hashToken(token))) !== user.id) return invalidInvitation(c);
    await setPassword(c.var.db, user.id, parsed.data.password);
    await deleteInvitations(c.var.db, user.id);
    await logSecurityEvent(c, "invitation.accepted", { subject: { id: user.id, label: user.email } });
    const result = await auth.signIn(user.email, parsed.data.password, authHeaders(c));
    if (!result.ok) return c.redirect(authUrls.signIn(c.var.lang), 303);
    appendCookies(c, result.setCookies);
    await logSecurityEvent(c, "sign_in.succeeded", { subject: { id: user.id, label: user.email } });
    return c.redirect(authUrls.landing(c.var.lang, user.role), 303);
  });

  return app;
}
