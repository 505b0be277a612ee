/**
 * Administrators manage accounts, mounted under /{lang}/admin: list, create (with an invitation
 * link or a temporary password, shown once, passed on by the administrator: no email is sent),
 * change a role, disable and enable, and issue a new invitation link (which also serves as a
 * password reset); and read the security log. Every change goes to the security log.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";
import { requirePermission } from "../policy/guard.ts";
import { type Actor, ROLES, type Role } from "../policy/index.ts";
import { formBody } from "../security/form-body.ts";
import { securityLogRoutes } from "../security/log-routes.tsx";
import { logSecurityEvent } from "../security/request.ts";
import { parseForm } from "../ui/forms/index.ts";
import {
  type AccountUser,
  createAccount,
  EmailTakenError,
  findUserById,
  listUsers,
  saveInvitation,
  setDisabled,
  setRole,
} from "./accounts.ts";
import { CreatedPage, UsersPage, type UsersPageProps } from "./admin-views.tsx";
import { createUserForm } from "./forms.ts";
import { renderPage } from "./route-helpers.ts";
import { generateTemporaryPassword, hashToken, INVITATION_TTL_MS, newInvitationToken } from "./secrets.ts";
import { authUrls } from "./urls.ts";
import { roleLabel } from "./views.tsx";

export function adminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const manage = requirePermission("users.manage");
  const t = (c: Context<AppEnv>) => messages(c.var.lang);
  const self = (c: Context<AppEnv>) => c.var.user as Actor;
  const subjectOf = (user: AccountUser) => ({ id: user.id, label: user.email });

  const usersPage = async (
    c: Context<AppEnv>,
    props: Omit<UsersPageProps, "lang" | "users" | "selfId">,
    status: 200 | 400 | 409 = 200,
  ) => {
    const users = await listUsers(c.var.db);
    return renderPage(
      c,
      <UsersPage lang={c.var.lang} users={users} selfId={self(c).id} {...props} />,
      t(c).authUsersTitle,
      status,
    );
  };

  /** Issues a fresh invitation (replacing any earlier one) and shows its link, once. */
  const showInvitation = async (c: Context<AppEnv>, user: AccountUser, status: 200 | 201) => {
    const token = newInvitationToken();
    await saveInvitation(c.var.db, user.id, hashToken(token), new Date(Date.now() + INVITATION_TTL_MS));
    await logSecurityEvent(c, "invitation.issued", { subject: subjectOf(user) });
    const invitationUrl = `${c.var.config.baseUrl}${authUrls.invitation(c.var.lang, token)}`;
    return renderPage(
      c,
      <CreatedPage lang={c.var.lang} email={user.email} invitationUrl={invitationUrl} />,
      t(c).authCreatedTitle,
      status,
    );
  };

  app.get("/users", manage, async (c) => {
    const done = c.req.query("done");
    const subject = done ? await findUserById(c.var.db, c.req.query("user") ?? "") : undefined;
    const notice =
      subject &&
      (done === "disabled"
        ? t(c).authUserDisabled(subject.email)
        : done === "enabled"
          ? t(c).authUserEnabled(subject.email)
          : done === "role"
            ? t(c).authRoleChanged(subject.email, roleLabel(subject.role, c.var.lang))
            : undefined);
    return usersPage(c, { notice });
  });

  app.post("/users", manage, async (c) => {
    const body = await formBody(c);
    const parsed = parseForm(createUserForm, body);
    const draft = {
      email: typeof body.email === "string" ? body.email.slice(0, 254) : "",
      name: typeof body.name === "string" ? body.name.slice(0, 200) : "",
    };
    if (!parsed.ok) return usersPage(c, { draft, errors: parsed.errors }, 400);
    const input = parsed.data;
    const temporaryPassword = input.method === "temporary" ? generateTemporaryPassword() : undefined;
    let user: AccountUser;
    try {
      user = await createAccount(c.var.db, {
        email: input.email,
        name: input.name,
        role: input.role,
        password: temporaryPassword,
        mustChangePassword: temporaryPassword !== undefined,
      });
    } catch (error) {
      if (error instanceof EmailTakenError)
        return usersPage(c, { draft: input, errors: { email: "authEmailTaken" } }, 409);
      throw error;
    }
    await logSecurityEvent(c, "user.created", {
      subject: subjectOf(user),
      detail: { role: user.role, method: input.method },
    });
    if (temporaryPassword) {
      return renderPage(
        c,
        <CreatedPage lang={c.var.lang} email={user.email} temporaryPassword={temporaryPassword} />,
        t(c).authCreatedTitle,
        201,
      );
    }
    return showInvitation(c, user, 201);
  });

  app.post("/users/:id/disable", manage, async (c) => {
    const id = c.req.param("id");
    if (id === self(c).id) return usersPage(c, { message: t(c).authCannotDisableSelf }, 400);
    if (!(await setDisabled(c.var.db, id, true))) return c.notFound();
    const user = await findUserById(c.var.db, id);
    if (user) await logSecurityEvent(c, "user.disabled", { subject: subjectOf(user) });
    return c.redirect(`${authUrls.users(c.var.lang)}?done=disabled&user=${encodeURIComponent(id)}`, 303);
  });

  app.post("/users/:id/enable", manage, async (c) => {
    const id = c.req.param("id");
    if (!(await setDisabled(c.var.db, id, false))) return c.notFound();
    const user = await findUserById(c.var.db, id);
    if (user) await logSecurityEvent(c, "user.enabled", { subject: subjectOf(user) });
    return c.redirect(`${authUrls.users(c.var.lang)}?done=enabled&user=${encodeURIComponent(id)}`, 303);
  });

  // Another account's role; never one's own, so the last administrator cannot demote themself.
  app.post("/users/:id/role", manage, async (c) => {
    const id = c.req.param("id");
    if (id === self(c).id) return usersPage(c, { message: t(c).authCannotChangeOwnRole }, 400);
    const role = (await formBody(c)).role;
    if (!(ROLES as readonly unknown[]).includes(role)) return usersPage(c, { message: t(c).authRoleInvalid }, 400);
    const before = await findUserById(c.var.db, id);
    if (!before) return c.notFound();
    // An organisation's member is a person invited or signed in through their organisation: one
    // click here must not turn them into an editor or an administrator of the whole instance, and
    // no editor becomes a member from this page (that standing comes from an organisation).
    if ((before.role === "member" || role === "member") && before.role !== role)
      return usersPage(c, { message: t(c).authRoleInvalid }, 400);
    if (!(await setRole(c.var.db, id, role as Role))) return c.notFound();
    if (before.role !== role)
      await logSecurityEvent(c, "user.role_changed", {
        subject: subjectOf(before),
        detail: { from: before.role, to: role as Role },
      });
    return c.redirect(`${authUrls.users(c.var.lang)}?done=role&user=${encodeURIComponent(id)}`, 303);
  });

  app.route("/", securityLogRoutes());

  app.post("/users/:id/invitation", manage, async (c) => {
    const user = await findUserById(c.var.db, c.req.param("id"));
    if (!user || user.disabled) return c.notFound();
    return showInvitation(c, user, 200);
  });

  return app;
}
