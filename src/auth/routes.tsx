/**
 * Accounts, mounted under /{lang}: signing in and out (with the second step when an account uses
 * a second factor), one's own account (sessions, password, two-step sign-in), and accepting an
 * invitation. Every page works without JavaScript.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { accountRoutes } from "./account-routes.tsx";
import { invitationRoutes } from "./invitation-routes.tsx";
import { secondFactorRoutes } from "./second-factor-routes.tsx";
import type { AuthService } from "./service.ts";
import { signInRoutes } from "./sign-in-routes.tsx";

export { renderPage } from "./route-helpers.ts";

export function authRoutes(auth: AuthService): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route("/", signInRoutes(auth));
  app.route("/", accountRoutes(auth));
  app.route("/", secondFactorRoutes(auth));
  app.route("/", invitationRoutes(auth));
  return app;
}
