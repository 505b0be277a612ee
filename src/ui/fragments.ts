/**
 * Parts of a page that depend only on a published edition and the language (an item's content, the
 * category navigation, the page shell's fixed parts) rendered once and reused as a string.
 *
 * Fragments are kept per *owner* object in a WeakMap: a framework view for the fragments of its
 * edition (a new revision builds new views, so its fragments start empty and the old ones go with
 * the old views), a module-level object for the shell's fixed parts. Each owner's fragments are
 * bounded by count and bytes, least recently used first, so browsing every item of a 50,000-item
 * framework does not keep every page.
 *
 * Only what is the same for every reader belongs here: a caller renders anything that depends on
 * the person asking (an editor's link, the account corner) outside the fragment, or not at all
 * from it. The bytes are those of rendering the element in place (tested).
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { HtmlEscapedString } from "hono/utils/html";
import { BoundedLru } from "./page-cache.ts";

export const FRAGMENTS_PER_OWNER = 4000;
export const FRAGMENT_BYTES_PER_OWNER = 8 * 1024 * 1024;

const kept = new WeakMap<object, BoundedLru<HtmlEscapedString>>();

/** Renders a JSX element to its HTML string, synchronously (fragments have no async components). */
export function renderNow(element: Child): string {
  const rendered = (element as { toString(): string | Promise<string> } | null)?.toString() ?? "";
  if (typeof rendered !== "string" && !(rendered instanceof String))
    throw new Error("a fragment must render synchronously");
  return String(rendered);
}

/**
 * The fragment `key` of `owner`, rendered by `render` the first time (or after eviction) and served
 * from memory afterwards, as raw HTML to place in a page.
 */
export function fragment(owner: object, key: string, render: () => Child): HtmlEscapedString {
  let fragments = kept.get(owner);
  if (!fragments) {
    fragments = new BoundedLru<HtmlEscapedString>(FRAGMENTS_PER_OWNER, FRAGMENT_BYTES_PER_OWNER);
    kept.set(owner, fragments);
  }
  const known = fragments.get(key);
  if (known !== undefined) return known;
  const html = raw(renderNow(render()));
  fragments.set(key, html, html.length * 2 + key.length * 2);
  return html;
}

/** How many fragments an owner holds (tests and diagnostics). */
export function fragmentCount(owner: object): number {
  return kept.get(owner)?.size ?? 0;
}
