/** Instance roles, and the signed-in person as handlers and the policy see them. */
export const ROLES = ["administrator", "editor"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}
