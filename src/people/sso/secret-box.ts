/**
 * The client secret of an organisation's identity provider, encrypted at rest with a key derived
 * from the instance's auth secret (BETTER_AUTH_SECRET or the generated one): AES-256-GCM, a fresh
 * 96-bit IV each time, the organisation id as associated data (a secret copied to another
 * organisation's row does not decrypt). Changing the auth secret makes stored secrets unreadable:
 * each organisation then enters its client secret again.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

function keyOf(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "skillshelf", "organisation sso client secret", 32));
}

export function sealSecret(authSecret: string, organisationId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(authSecret), iv);
  cipher.setAAD(Buffer.from(organisationId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plaintext, or undefined when the value was not sealed with this secret for this organisation. */
export function openSecret(authSecret: string, organisationId: string, sealed: string): string | undefined {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(authSecret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(organisationId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
