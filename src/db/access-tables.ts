/**
 * Invitations of people and organisations' single sign-on (migration 011, decision 028), as Kysely
 * sees them. Queries live in src/people/invitations and src/people/sso.
 */

export interface PersonInvitationsTable {
  id: string;
  organisation_id: string;
  person_id: string;
  token_hash: string;
  email: string;
  /** en | fr */
  lang: string;
  invited_by: string | null;
  invited_by_label: string;
  created_at: string;
  expires_at: string;
}

export interface OrganisationSsoTable {
  organisation_id: string;
  issuer: string;
  client_id: string;
  /** Encrypted (src/people/sso/secret-box.ts). */
  client_secret: string;
  /** JSON array of lower-cased domains. */
  email_domains: string;
  /** 0/1 */
  enabled: number;
  updated_at: string;
  updated_by: string | null;
}
