/**
 * Instance roles, and the signed-in person as handlers and the policy see them. A member is the
 * account of a person of an organisation (invited or signed in through its single sign-on): it may
 * sign in and reach its organisations, and nothing instance-wide beyond its own account.
 */
export const ROLES = ["administrator", "editor", "member"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}
