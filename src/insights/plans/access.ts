/**
 * Who asks about whose plan: the person in `:person` as a policy resource with the reader, refused as
 * the policy says (404 for a person the reader may not see or of another organisation, 403 for a
 * reader refused a write); the plan's addresses; the access log of views of someone else's plans.
 */
import type { Context } from "hono";
import { recordAccess } from "../../people/access-log.ts";
import { type OrganisationEnv, refuse } from "../../people/context.ts";
import { personResource } from "../../people/membership.ts";
import { can, type OrganisationAction, type OrganisationResource } from "../../policy/index.ts";
import type { FormValues } from "../../ui/forms/index.ts";
import type { Plan } from "./read.ts";
import { planUrls } from "./urls.ts";

export type Ctx = Context<OrganisationEnv>;
export type Actor = NonNullable<OrganisationEnv["Variables"]["orgActor"]>;
type PersonResource = OrganisationResource & { kind: "person" };

export interface Subject {
  actor: Actor;
  resource: PersonResource;
  name: string;
}

/** The person in `:person` and the reader, if the policy lets the reader do `action` there. */
export async function subjectFor(c: Ctx, action: OrganisationAction): Promise<Subject | Response> {
  const organisationId = c.var.organisation.id;
  const personId = c.req.param("person") ?? "";
  const found = await personResource(c.var.db, organisationId, personId);
  const resource = found ?? { kind: "person" as const, organisationId, personId, managerChain: [] };
  const actor = c.var.orgActor;
  // Whoever may not read the plan learns nothing (404), nor does anyone about a person of another
  // organisation (HR's standing here says nothing about them); a reader refused a write is told so (403).
  if (!actor || !can(actor, "plan.read", resource)) return refuse(c, resource);
  if (!found) return c.notFound();
  if (!can(actor, action, resource)) return refuse(c, { kind: "organisation", organisationId });
  const person = await c.var.db
    .selectFrom("people")
    .select(["given_name", "preferred_name", "family_name"])
    .where("organisation_id", "=", organisationId)
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  return { actor, resource, name: `${person.preferred_name ?? person.given_name} ${person.family_name}` };
}

export const yearOf = (c: Ctx) => {
  const year = Number(c.req.param("year"));
  return Number.isInteger(year) && year >= 2000 && year <= 2200 ? year : undefined;
};

export const textValues = (body: Record<string, unknown>): FormValues =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([, v]) => typeof v === "string")
      .map(([k, v]) => [k, (v as string).slice(0, 4000)]),
  );

/** The plan's page in the request's language (a relative address, for redirects). */
export const planAddressIn = (c: Ctx, plan: Plan) =>
  planUrls.plan(c.var.lang, c.var.organisation.slug, plan.personId, plan.year);

/** The plan's page as an absolute address, in English, as evidence links keep it (decision 049). */
export const planAddress = (c: Ctx, plan: Plan) =>
  new URL(planUrls.plan("en", c.var.organisation.slug, plan.personId, plan.year), c.var.config.baseUrl).href;

export async function logView(c: Ctx, subject: Subject) {
  await recordAccess(c.var.db, {
    actor: subject.actor,
    resource: subject.resource,
    what: "plan",
    path: c.req.path,
    requestId: c.var.requestId,
  });
}
