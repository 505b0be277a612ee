/**
 * Loading the assessment a request names, with the policy's answer (decision 032): the whole
 * assessment for its pages (`loadReadable`), or only what a save decides on (`loadForSave`,
 * save-target.ts). An assessment the actor may not read answers as an unknown one.
 */
import type { Context } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";
import { refuse } from "../../people/context.ts";
import { can, type OrganisationResource } from "../../policy/index.ts";
import { type AssessmentView, assessmentResource, readAssessment } from "./read.ts";
import { readSaveTarget, type SaveTarget, targetResource } from "./save-target.ts";
import type { Party } from "./states.ts";

type Ctx = Context<OrganisationEnv>;
export type Actor = NonNullable<OrganisationEnv["Variables"]["orgActor"]>;

/** The assessment named in the address, if the actor may read it; otherwise the refusal to answer. */
export async function loadReadable(
  c: Ctx,
): Promise<
  | { ok: true; view: AssessmentView; resource: OrganisationResource & { kind: "assessment" }; actor: Actor }
  | { ok: false; response: Response }
> {
  const organisationId = c.var.organisation.id;
  const view = await readAssessment(c.var.db, organisationId, c.req.param("assessment") ?? "");
  const unknown = { kind: "assessment", organisationId, personId: "", managerChain: [], reviewerId: null } as const;
  if (!view) return { ok: false, response: await refuse(c, unknown) };
  const resource = await assessmentResource(c.var.db, view);
  const actor = c.var.orgActor;
  if (!actor || !can(actor, "assessment.read", resource)) return { ok: false, response: await refuse(c, resource) };
  return { ok: true, view, resource, actor };
}

export type Loaded = { view: AssessmentView; resource: OrganisationResource & { kind: "assessment" }; actor: Actor };
export type Target = { target: SaveTarget; resource: OrganisationResource & { kind: "assessment" }; actor: Actor };

/**
 * The assessment named in the address as a save needs it (save-target.ts: no statements, scale or
 * descriptors), if the actor may read it; otherwise the refusal to answer, as `loadReadable`'s.
 */
export async function loadForSave(
  c: Ctx,
  only: string | undefined,
): Promise<({ ok: true } & Target) | { ok: false; response: Response }> {
  const organisationId = c.var.organisation.id;
  const target = await readSaveTarget(c.var.db, organisationId, c.req.param("assessment") ?? "", only);
  const unknown = { kind: "assessment", organisationId, personId: "", managerChain: [], reviewerId: null } as const;
  if (!target) return { ok: false, response: await refuse(c, unknown) };
  const actor = c.var.orgActor;
  const resource = await targetResource(c.var.db, target, actor?.membership?.personId ?? null);
  if (!actor || !can(actor, "assessment.read", resource)) return { ok: false, response: await refuse(c, resource) };
  return { ok: true, target, resource, actor };
}

/** The whole assessment, for a page drawn after a save was refused (the light read does not draw it). */
export async function fullOf(c: Ctx, loaded: Target): Promise<Loaded | undefined> {
  const view = await readAssessment(c.var.db, loaded.target.organisationId, loaded.target.id);
  return view ? { view, resource: loaded.resource, actor: loaded.actor } : undefined;
}

/** The part the actor plays in this assessment: the person, its reviewer, HR, or only a reader. */
export function partyOf(actor: Actor, resource: OrganisationResource & { kind: "assessment" }): Party | null {
  if (can(actor, "assessment.self", resource)) return "person";
  if (can(actor, "assessment.review", resource)) return "reviewer";
  if (can(actor, "cycles.manage", { kind: "organisation", organisationId: resource.organisationId }))
    return "administrator";
  return null;
}
