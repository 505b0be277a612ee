/**
 * Small readers for server-rendered HTML in tests. The pages are our own and well formed, so plain
 * patterns do; they look at what a person or a screen reader meets: lang, headings, landmarks, links.
 */

/** How many elements with this tag name the page has (opening tags only). */
export function countTags(html: string, tag: string): number {
  return (html.match(new RegExp(`<${tag}(?=[\\s>/])`, "gi")) ?? []).length;
}

/** The `lang` of the <html> element. */
export function htmlLang(html: string): string | undefined {
  return /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1];
}

/** Text content of the first element with this tag, tags stripped and entities left as they are. */
export function firstText(html: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "i").exec(html);
  return match ? match[1].replace(/<[^>]+>/g, "").trim() : undefined;
}

/** Every opening tag (with its attributes) whose attributes match. */
export function tagsWith(html: string, tag: string, attributes: RegExp): string[] {
  return (html.match(new RegExp(`<${tag}(?:\\s[^>]*)?>`, "gi")) ?? []).filter((t) => attributes.test(t));
}

/** An attribute's value in one opening tag. */
export function attr(tagHtml: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tagHtml)?.[1];
}

/** Every href on the page, in order. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, "&"));
}

/** Text as the server writes it into HTML (hono/jsx escapes &, <, >, " and '). */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

/** No-break spaces (French typography puts them before « : ; ! ? » and inside guillemets) read as spaces. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** True when the page shows this text (compared as escaped HTML, whatever kind of space separates words). */
export function shows(html: string, text: string): boolean {
  return plainSpaces(html).includes(plainSpaces(escapeHtml(text)));
}
