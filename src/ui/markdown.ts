/**
 * Statements and descriptions are plain text with a small Markdown subset: emphasis, lists and
 * links (http, https, mailto only). Raw HTML is never passed through: markdown-it escapes it, and
 * every other Markdown construct (headings, images, code, tables…) stays literal text.
 */
import { createRequire } from "node:module";
import type MarkdownIt from "markdown-it";

// Loaded on first use (synchronously, rendering is synchronous): most statements are plain text,
// and the server should not pay for the parser at start-up.
const require = createRequire(import.meta.url);

const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

/** Escapes text exactly as the JSX renderer does (apostrophes too), so a statement reads the same everywhere. */
const escapeText = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
  );

function renderer(): MarkdownIt {
  const MarkdownItClass = require("markdown-it") as typeof MarkdownIt;
  const md = new MarkdownItClass("zero", { html: false, linkify: false, typographer: false, breaks: false });
  md.enable(["list", "emphasis", "link", "newline", "escape"]);
  md.validateLink = (url) => ALLOWED_LINK.test(url.trim());
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.text = (tokens, idx) => escapeText(tokens[idx].content);
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet("rel", "noopener noreferrer");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

let instance: MarkdownIt | undefined;
const parser = () => (instance ??= renderer());

/** Block rendering (paragraphs and lists), for descriptions and the editor's preview. */
export function renderMarkdown(text: string): string {
  return parser().render(text);
}

/** Inline rendering (emphasis and links, no paragraphs or lists), for text inside a heading or list item. */
export function renderMarkdownInline(text: string): string {
  return parser().renderInline(text);
}

/** True when the text uses any of the Markdown the renderer understands (so plain text stays plain). */
export function hasMarkdown(text: string): boolean {
  return /[*_[\]]|^\s*([-*+]|\d+[.)])\s/m.test(text);
}

/** The text without its Markdown marks, for titles, navigation and link text. */
export function markdownToPlain(text: string): string {
  if (!hasMarkdown(text)) return text;
  const tokens = parser().parseInline(text, {});
  const parts: string[] = [];
  for (const token of tokens)
    for (const child of token.children ?? [])
      if (child.type === "text" || child.type === "softbreak") parts.push(child.type === "text" ? child.content : " ");
  return parts.join("").trim() || text;
}
