/**
 * Organisations' single sign-on settings (migration 011): one OpenID Connect provider per
 * organisation, the e-mail domains it answers for, on or off. Read at sign-in time, so a change
 * takes effect on the next sign-in without a restart.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { againOnUniqueViolation } from "../../db/unique-violation.ts";
import type { Actor } from "../../policy/index.ts";
import { openSecret, sealSecret } from "./secret-box.ts";

export interface SsoSettings {
  organisationId: string;
  issuer: string;
  clientId: string;
  /** Whether a client secret is stored (it is never shown again). */
  hasSecret: boolean;
  emailDomains: string[];
  enabled: boolean;
  updatedAt: string;
}

/** A provider ready for a sign-in: settings plus the decrypted client secret. */
export interface SsoProvider extends SsoSettings {
  clientSecret: string;
  organisationSlug: string;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "Library.example, @branch.example\nother.example" → ["library.example", …]; undefined if one is not a domain. */
export function parseDomains(text: string): string[] | undefined {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  if (parts.length === 0 || parts.some((part) => !DOMAIN.test(part))) return undefined;
  return [...new Set(parts)];
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

function domainsOf(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === "string") : [];
  } catch {
    return [];
  }
}

type Row = DB["organisation_sso"];

const toSettings = (row: Row): SsoSettings => ({
  organisationId: row.organisation_id,
  issuer: row.issuer,
  clientId: row.client_id,
  hasSecret: row.client_secret !== "",
  emailDomains: domainsOf(row.email_domains),
  enabled: Number(row.enabled) === 1,
  updatedAt: row.updated_at,
});

export async function loadSsoSettings(db: Kysely<DB>, organisationId: string): Promise<SsoSettings | undefined> {
  const row = await db
    .selectFrom("organisation_sso")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return row ? toSettings(row) : undefined;
}

export interface SsoInput {
  issuer: string;
  clientId: string;
  /** Blank keeps the stored one. */
  clientSecret: string;
  emailDomains: string[];
  enabled: boolean;
}

type SaveSso = { organisationId: string; settings: SsoInput; actor: Actor; authSecret: string; now?: Date };

export function saveSsoSettings(db: Kysely<DB>, input: SaveSso): Promise<void> {
  // Two first saves at once both find no settings and both insert: the second runs again, finds
  // the first's and updates them, as one after the other would.
  return againOnUniqueViolation(
    [{ postgres: "organisation_sso_pkey", sqlite: "organisation_sso.organisation_id" }],
    () => saveOnce(db, input),
  );
}

async function saveOnce(db: Kysely<DB>, input: SaveSso): Promise<void> {
  const { organisationId, settings } = input;
  const now = (input.now ?? new Date()).toISOString();
  const existing = await db
    .selectFrom("organisation_sso")
    .select("client_secret")
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  const secret = settings.clientSecret
    ? sealSecret(input.authSecret, organisationId, settings.clientSecret)
    : (existing?.client_secret ?? "");
  const values = {
    issuer: settings.issuer,
    client_id: settings.clientId,
    client_secret: secret,
    email_domains: JSON.stringify(settings.emailDomains),
    enabled: settings.enabled ? 1 : 0,
    updated_at: now,
    updated_by: input.actor.id,
  };
  if (existing)
    await db.updateTable("organisation_sso").set(values).where("organisation_id", "=", organisationId).execute();
  else
    await db
      .insertInto("organisation_sso")
      .values({ organisation_id: organisationId, ...values })
      .execute();
}

/**
 * The enabled provider answering for an e-mail's domain, with its secret opened. When several
 * organisations claim a domain, the one named by `organisationSlug` is taken, else the first by slug.
 */
export async function providerForEmail(
  db: Kysely<DB>,
  email: string,
  authSecret: string,
): Promise<SsoProvider | undefined> {
  const domain = domainOf(email);
  const rows = await db
    .selectFrom("organisation_sso")
    .innerJoin("organisations", "organisations.id", "organisation_sso.organisation_id")
    .selectAll("organisation_sso")
    .select("organisations.slug")
    .where("organisation_sso.enabled", "=", 1)
    .orderBy("organisations.slug")
    .execute();
  for (const row of rows) {
    const settings = toSettings(row);
    if (!settings.emailDomains.includes(domain)) continue;
    const clientSecret = openSecret(authSecret, row.organisation_id, row.client_secret);
    if (clientSecret === undefined) continue;
    return { ...settings, clientSecret, organisationSlug: row.slug };
  }
  return undefined;
}

export async function providerForOrganisation(
  db: Kysely<DB>,
  organisationId: string,
  authSecret: string,
): Promise<SsoProvider | undefined> {
  const row = await db
    .selectFrom("organisation_sso")
    .innerJoin("organisations", "organisations.id", "organisation_sso.organisation_id")
    .selectAll("organisation_sso")
    .select("organisations.slug")
    .where("organisation_sso.organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row || Number(row.enabled) !== 1) return undefined;
  const clientSecret = openSecret(authSecret, organisationId, row.client_secret);
  return clientSecret === undefined ? undefined : { ...toSettings(row), clientSecret, organisationSlug: row.slug };
}
