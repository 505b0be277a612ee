/**
 * Conditional GET for API resources. The content revision changes on every write to any framework,
 * so revision + resource is a cheap validator known before the body is built.
 */

export function revisionEtag(revision: number, resource: string): string {
  return `W/"r${revision}-${resource}"`;
}

/** Weak comparison (RFC 9110 §13.1.2) of an If-None-Match header against the current ETag. */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((candidate) => candidate.trim() === "*" || opaque(candidate) === wanted);
}
