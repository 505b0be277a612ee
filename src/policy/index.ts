/**
 * Who may do what: the one place access rules live. Routes ask `can()` (through the guard
 * middleware); nothing else decides. Small named predicates, one per action.
 */
import type { Lang } from "../i18n/index.ts";
import {
  canInOrganisation,
  type InstanceOrganisationAction,
  type OrganisationAction,
  type OrganisationActor,
  type OrganisationResource,
} from "./organisations.ts";

export type {
  InstanceOrganisationAction,
  Membership,
  OrganisationAction,
  OrganisationActor,
  OrganisationResource,
} from "./organisations.ts";
export { isAnotherPersonsRecord } from "./organisations.ts";

import type { Actor } from "./actor.ts";

export { type Actor, ROLES, type Role } from "./actor.ts";

/**
 * What the policy's middleware reads of a request (src/app-env.ts has all of it): the language, who
 * asks, and whether they must choose a new password first (set by the session middleware, src/auth).
 */
export interface PolicyEnv {
  Variables: {
    lang: Lang;
    user: Actor | null;
    /** The signed-in person holds a temporary password and must choose their own before anything else. */
    passwordChangeDue?: boolean;
  };
}

export type Action =
  /** Read the published index (public, as on the seed site). */
  | "index.read"
  /** Open the editor: drafts, history, change logs. */
  | "editor.use"
  | "framework.create"
  | "framework.edit"
  | "framework.publish"
  | "framework.adopt"
  | "framework.import"
  | "history.restore"
  /** Create, invite and disable accounts. */
  | "users.manage"
  /** Manage one's own account and sessions. */
  | "account.self"
  /** Create organisations and appoint their first administrators (not see their people). */
  | InstanceOrganisationAction;

const isSignedIn = (actor: Actor | null): actor is Actor => actor !== null;
const isEditor = (actor: Actor | null) =>
  isSignedIn(actor) && (actor.role === "editor" || actor.role === "administrator");
const isAdministrator = (actor: Actor | null) => isSignedIn(actor) && actor.role === "administrator";

const rules: Record<Action, (actor: Actor | null) => boolean> = {
  "index.read": () => true,
  "editor.use": isEditor,
  "framework.create": isEditor,
  "framework.edit": isEditor,
  "framework.publish": isEditor,
  "framework.adopt": isEditor,
  "framework.import": isEditor,
  "history.restore": isEditor,
  "users.manage": isAdministrator,
  "account.self": isSignedIn,
  "organisations.manage": isAdministrator,
};

/**
 * The one decision. Instance actions (reading the index, editing frameworks, managing accounts and
 * organisations) depend on the actor alone; an organisation's resources (src/policy/organisations.ts)
 * also on the actor's standing in that organisation and, for a person, on the manager chain.
 */
export function can(actor: Actor | null, action: Action): boolean;
export function can(
  actor: OrganisationActor | null,
  action: OrganisationAction,
  resource: OrganisationResource,
): boolean;
export function can(
  actor: Actor | OrganisationActor | null,
  action: Action | OrganisationAction,
  resource?: OrganisationResource,
): boolean {
  if (resource === undefined) return action in rules ? rules[action as Action](actor) : false;
  if (actor !== null && !("membership" in actor)) return false;
  return canInOrganisation(actor, action as OrganisationAction, resource);
}
