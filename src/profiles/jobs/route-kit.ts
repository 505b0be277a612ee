/**
 * What every job profile route uses: the organisation's id, the author of a change, the dictionary,
 * the form body, and `onProfile`, which finds the profile named in the URL and lets the policy decide
 * on it. Shared by the profile pages, the postings' management pages and the document routes.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, refuse } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { can } from "../../policy/index.ts";
import { formBody } from "../../security/form-body.ts";
import { findProfile, type Profile, ProfileNotFoundError } from "./store.ts";

export type Ctx = Context<OrganisationEnv>;
export const author = (c: Ctx) => authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
export const orgId = (c: Ctx) => c.var.organisation.id;
export const t = (c: Ctx) => messages(c.var.lang);
export const bodyOf = (c: Ctx) => formBody(c as unknown as Context<AppEnv>);

export const profileResource = (c: Ctx, profileId: string) =>
  ({ kind: "profile", organisationId: orgId(c), profileId }) as const;
export const allowed = (c: Ctx, action: "profile.read" | "profile.edit", profileId: string) =>
  c.var.orgActor !== null && can(c.var.orgActor, action, profileResource(c, profileId));

/** A profile route: 404 for an unknown profile; the policy on this profile decides the rest. */
export const onProfile =
  (action: "profile.read" | "profile.edit", work: (c: Ctx, profile: Profile) => Promise<Response>) =>
  async (c: Ctx): Promise<Response> => {
    const profileId = c.req.param("profile") ?? "";
    if (!allowed(c, action, profileId)) return refuse(c, profileResource(c, profileId));
    const profile = await findProfile(c.var.db, orgId(c), profileId);
    if (!profile) return c.notFound();
    try {
      return await work(c, profile);
    } catch (error) {
      if (error instanceof ProfileNotFoundError) return c.notFound();
      throw error;
    }
  };
