/**
 * The organisation a request is about (`/:lang/orgs/:org/…`, `/api/v1/orgs/:org/…`) and the
 * actor's standing there, loaded once per request; and the one gate organisation routes put in front
 * of their handlers (decision 024). Every decision is the policy's (`can(actor, action, resource)`).
 *
 * Refusals say nothing about what exists: an organisation the actor has no standing in, or a person
 * they may not see, answers 404 exactly as an unknown one; a member refused an action gets 403.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { Organisation } from "../db/schema.ts";
import { effectiveTimeZone } from "../i18n/zones.ts";
import { requirePermission } from "../policy/guard.ts";
import {
  can,
  type OrganisationAction,
  type OrganisationActor,
  type OrganisationResource,
  type PolicyEnv,
} from "../policy/index.ts";
import { refusalResponse, requestKind } from "../policy/refusal.tsx";
import { urls } from "../ui/urls.ts";
import { loadOrganisationStanding } from "./membership.ts";

export interface OrganisationEnv {
  Variables: AppEnv["Variables"] & {
    organisation: Organisation;
    /** The signed-in account with its standing in this organisation (null when anonymous). */
    orgActor: OrganisationActor | null;
  };
}

/** Resolves `:org` (the organisation's slug) and the actor's standing; unknown → 404. */
export function organisationContext(): MiddlewareHandler<OrganisationEnv> {
  return async function resolveOrganisation(c, next) {
    const slug = c.req.param("org");
    // Pages of several capabilities share the organisation's addresses (src/profiles mounts beside
    // src/people): the first resolution serves them all.
    const resolved = c.get("organisation") as Organisation | undefined;
    if (resolved && resolved.slug === slug) return next();
    const user = c.var.user;
    // Signed in: the organisation and the account's standing there in one query.
    const standing = slug && user ? await loadOrganisationStanding(c.var.db, slug, user.id) : undefined;
    const organisation =
      standing?.organisation ??
      (slug && !user
        ? await c.var.db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst()
        : undefined);
    if (!organisation) return c.notFound();
    // As everywhere else (src/policy/guard.ts): a temporary password is replaced before anything else.
    if (user && c.var.passwordChangeDue) {
      if (requestKind(c) !== "html") return refusalResponse(c, 403, "forbidden");
      return c.redirect(urls.password(c.var.lang), 303);
    }
    c.set("organisation", organisation);
    c.set("orgActor", user ? { ...user, membership: standing?.membership ?? null } : null);
    return next();
  };
}

/**
 * Anonymous → the usual sign-in answer (src/policy/guard.ts); signed in without standing in the
 * organisation, or asking about a person they may not see → 404; a member refused → 403.
 */
export async function refuse(c: Context<OrganisationEnv>, resource: OrganisationResource): Promise<Response> {
  const actor = c.var.orgActor;
  if (!actor) {
    const signIn = await requirePermission("account.self")(c as unknown as Context<PolicyEnv>, async () => {});
    if (signIn) return signIn;
  }
  if (actor && resource.kind === "organisation" && can(actor, "organisation.read", resource))
    return refusalResponse(c, 403, "forbidden");
  return c.notFound();
}

/** Lets the request through only when the policy allows the action on the organisation itself. */
export function requireInOrganisation(action: OrganisationAction): MiddlewareHandler<OrganisationEnv> {
  return async function guardOrganisation(c, next) {
    const resource = { kind: "organisation", organisationId: c.var.organisation.id } as const;
    if (c.var.orgActor && can(c.var.orgActor, action, resource)) return next();
    return refuse(c, resource);
  };
}

/**
 * The organisation's effective time zone (decision 054): its own, else the instance's TIME_ZONE.
 * Its "today" (dayOf) and the times its pages show are in this zone.
 */
export function organisationTimeZone(c: {
  var: { organisation: Pick<Organisation, "time_zone">; config: { timeZone: string } };
}): string {
  return effectiveTimeZone(c.var.organisation, c.var.config.timeZone);
}
