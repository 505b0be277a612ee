/**
 * Who may do what: the one place access rules live. Routes ask `can()` (through the guard
 * middleware); nothing else decides. Small named predicates, one per action.
 */
import type { Lang } from "../i18n/index.ts";

export const ROLES = ["administrator", "editor"] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person as handlers see them. */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

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
  | "account.self";

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
};

export function can(actor: Actor | null, action: Action): boolean {
  return rules[action](actor);
}
