import { createHash } from "node:crypto";

/** Skillshelf's own namespace for name-based identifiers (a random v4 UUID, fixed forever). */
export const SKILLSHELF_NAMESPACE = "5b0f2d1e-6c7a-4f43-9a43-0c2d7e9b1a55";

/**
 * RFC 9562 version-5 UUID: the same name always gives the same identifier, so the starter framework
 * has the same CASE identifiers on every installation.
 */
export function uuidV5(name: string, namespace = SKILLSHELF_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
